/**
 * Who may do what (X-5, policy "People and roles"): DIRECTOR may do what MANAGER may and MANAGER
 * what SALES may; ADMIN runs operations and approves nothing; sales and managers see their own
 * department only. Each case is a sentence of the policy, not a copy of the permission table.
 */
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  actsAs,
  assertMay,
  assertSeesDepartment,
  may,
  PERMISSIONS,
  type Permission,
  ROLES,
  type Role,
  seesAllDepartments,
  seesDepartment,
} from './access.js';
import { ForbiddenError } from './errors.js';

const actor = (role: Role, department?: string): Actor => ({ userId: `${role}-1`, role, department });
const permissions = Object.keys(PERMISSIONS) as Permission[];

describe('role inheritance', () => {
  it('lets a director act as manager and sales, a manager as sales, and nobody upwards', () => {
    expect(actsAs(actor('DIRECTOR'), 'MANAGER')).toBe(true);
    expect(actsAs(actor('DIRECTOR'), 'SALES')).toBe(true);
    expect(actsAs(actor('MANAGER'), 'SALES')).toBe(true);
    expect(actsAs(actor('MANAGER'), 'DIRECTOR')).toBe(false);
    expect(actsAs(actor('SALES'), 'MANAGER')).toBe(false);
    expect(actsAs(actor('SALES'), 'DIRECTOR')).toBe(false);
  });

  it('gives legal, marketing and admin nothing of another role', () => {
    for (const role of ['LEGAL', 'MARKETING', 'ADMIN'] as const) {
      for (const other of ROLES) expect(actsAs(actor(role), other)).toBe(other === role);
    }
  });

  it('lets everyone act as their own role', () => {
    for (const role of ROLES) expect(actsAs(actor(role), role)).toBe(true);
  });

  it('makes a director able to do everything a manager may, and a manager everything sales may', () => {
    for (const p of permissions) {
      if (may(actor('SALES'), p)) expect(may(actor('MANAGER'), p)).toBe(true);
      if (may(actor('MANAGER'), p)) expect(may(actor('DIRECTOR'), p)).toBe(true);
    }
  });
});

describe('what each role may do', () => {
  it('lets every role read its own profile, inquiries and clients', () => {
    for (const role of ROLES) {
      for (const p of ['me.read', 'inquiry.read', 'client.read'] as const)
        expect(may(actor(role), p)).toBe(true);
    }
  });

  it('lets sales record phone inquiries, first contacts, visits, hearing sheets and submit applications', () => {
    for (const p of [
      'inquiry.recordPhone',
      'inquiry.recordFirstContact',
      'visit.manage',
      'hearingSheet.save',
      'application.submit',
    ] as const) {
      expect(may(actor('SALES'), p)).toBe(true);
      expect(may(actor('MARKETING'), p)).toBe(false);
      expect(may(actor('LEGAL'), p)).toBe(false);
      expect(may(actor('ADMIN'), p)).toBe(false);
    }
  });

  it('lets only marketing route an inquiry', () => {
    for (const role of ROLES) expect(may(actor(role), 'inquiry.route')).toBe(role === 'MARKETING');
  });

  it('lets managers (and directors) propose and assign reps, sales not', () => {
    for (const p of ['assignment.propose', 'assignment.assign'] as const) {
      expect(may(actor('MANAGER'), p)).toBe(true);
      expect(may(actor('DIRECTOR'), p)).toBe(true);
      expect(may(actor('SALES'), p)).toBe(false);
      expect(may(actor('ADMIN'), p)).toBe(false);
    }
  });

  it('lets managers, directors, legal and marketing (its send task) decide approvals; admin and sales approve nothing', () => {
    for (const p of ['approval.read', 'approval.decide'] as const) {
      expect(ROLES.filter((role) => may(actor(role), p))).toEqual([
        'MANAGER',
        'DIRECTOR',
        'LEGAL',
        'MARKETING',
      ]);
    }
  });

  it('lets only admins manage the staff directory and confirm a signature send', () => {
    for (const p of ['staff.manage', 'signature.confirm'] as const) {
      expect(ROLES.filter((role) => may(actor(role), p))).toEqual(['ADMIN']);
    }
  });

  it('lets admins and the managers (directors included) see and resolve sync conflicts', () => {
    for (const p of ['sync.read', 'sync.resolve', 'staff.read'] as const) {
      expect(ROLES.filter((role) => may(actor(role), p))).toEqual(['MANAGER', 'DIRECTOR', 'ADMIN']);
    }
  });

  it('lets sales and marketing record a hearing judgment and update a client profile', () => {
    for (const p of ['inquiry.recordHearingJudgment', 'client.updateProfile'] as const) {
      expect(may(actor('SALES'), p)).toBe(true);
      expect(may(actor('MARKETING'), p)).toBe(true);
      expect(may(actor('LEGAL'), p)).toBe(false);
      expect(may(actor('ADMIN'), p)).toBe(false);
    }
  });
});

describe('assertMay', () => {
  it('passes silently when allowed', () => {
    expect(() => assertMay(actor('SALES'), 'application.submit')).not.toThrow();
  });

  it('refuses with the rule ROLE_NOT_ALLOWED, naming the role and the operation', () => {
    let caught: unknown;
    try {
      assertMay(actor('ADMIN'), 'approval.decide');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ForbiddenError);
    expect(caught).toMatchObject({ rule: 'ROLE_NOT_ALLOWED' });
    expect((caught as Error).message).toContain('ADMIN');
    expect((caught as Error).message).toContain('approval.decide');
  });
});

describe('departments', () => {
  it('limits sales and managers to their own department', () => {
    for (const role of ['SALES', 'MANAGER'] as const) {
      expect(seesAllDepartments(actor(role, 'SALES_TOKYO'))).toBe(false);
      expect(seesDepartment(actor(role, 'SALES_TOKYO'), 'SALES_TOKYO')).toBe(true);
      expect(seesDepartment(actor(role, 'SALES_TOKYO'), 'SALES_OSAKA')).toBe(false);
      expect(seesDepartment(actor(role, 'SALES_TOKYO'), undefined)).toBe(false);
    }
  });

  it('does not let a salesperson without a department see a record without one', () => {
    expect(seesDepartment(actor('SALES'), undefined)).toBe(false);
  });

  it('lets marketing, legal, directors and admins see every department, and records without one', () => {
    for (const role of ['MARKETING', 'LEGAL', 'DIRECTOR', 'ADMIN'] as const) {
      expect(seesAllDepartments(actor(role))).toBe(true);
      expect(seesDepartment(actor(role, 'EXECUTIVE'), 'SALES_OSAKA')).toBe(true);
      expect(seesDepartment(actor(role), undefined)).toBe(true);
    }
  });

  it('refuses another department with the rule OTHER_DEPARTMENT', () => {
    expect(() => assertSeesDepartment(actor('SALES', 'SALES_TOKYO'), 'SALES_TOKYO')).not.toThrow();
    expect(() => assertSeesDepartment(actor('DIRECTOR'), 'SALES_TOKYO')).not.toThrow();
    let caught: unknown;
    try {
      assertSeesDepartment(actor('MANAGER', 'SALES_TOKYO'), 'SALES_OSAKA');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ForbiddenError);
    expect(caught).toMatchObject({ rule: 'OTHER_DEPARTMENT' });
    expect((caught as Error).message).toMatch(/another department/);
  });
});
