/**
 * The department a list view reads: sales and managers only their own — asking for another
 * is refused naming the rule, an account without a department is refused — and every other role
 * the one it asks for, or all.
 */
import { describe, expect, it } from 'vitest';
import { type Actor, departmentToList } from './access.js';
import { ForbiddenError } from './errors.js';

const sales: Actor = { userId: 'sales-tokyo-1', role: 'SALES', department: 'SALES_TOKYO' };
const manager: Actor = { userId: 'mgr-osaka-1', role: 'MANAGER', department: 'SALES_OSAKA' };

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ForbiddenError);
    return { rule: (error as ForbiddenError).rule, message: (error as Error).message };
  }
  throw new Error('expected a refusal');
}

describe('the department a list view reads', () => {
  it('is their own for sales and managers, asked for or not', () => {
    expect(departmentToList(sales, undefined, 'clients')).toBe('SALES_TOKYO');
    expect(departmentToList(sales, 'SALES_TOKYO', 'clients')).toBe('SALES_TOKYO');
    expect(departmentToList(manager, undefined, 'visits')).toBe('SALES_OSAKA');
  });

  it('refuses another department to sales and managers, naming what they listed', () => {
    expect(refusal(() => departmentToList(sales, 'SALES_OSAKA', 'clients'))).toEqual({
      rule: 'OTHER_DEPARTMENT',
      message: 'you may list only your own department’s clients',
    });
    expect(refusal(() => departmentToList(manager, 'SALES_TOKYO', 'visits')).rule).toBe('OTHER_DEPARTMENT');
  });

  it('refuses sales or a manager without a department', () => {
    expect(refusal(() => departmentToList({ userId: 's', role: 'SALES' }, undefined, 'clients'))).toEqual({
      rule: 'NO_DEPARTMENT',
      message: 'your account has no department',
    });
    expect(refusal(() => departmentToList({ userId: 'm', role: 'MANAGER' }, '', 'clients')).rule).toBe(
      'NO_DEPARTMENT',
    );
  });

  it('is the one asked for, or all, for every other role', () => {
    for (const role of ['DIRECTOR', 'LEGAL', 'MARKETING', 'ADMIN'] as const) {
      const actor: Actor = { userId: `${role.toLowerCase()}-1`, role, department: 'EXECUTIVE' };
      expect(departmentToList(actor, 'SALES_OSAKA', 'clients')).toBe('SALES_OSAKA');
      expect(departmentToList(actor, undefined, 'clients')).toBeUndefined();
    }
  });
});
