/** The dispatch-period check (A5-5): both conflict dates at their boundaries, the earlier binding, exemptions. */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  checkDispatchPeriod,
  conflictDateOf,
  firstDayPastMonths,
  individualConflictDate,
  type PeriodCheckInput,
} from './period-check.js';

const fixedTerm = { employmentTerm: 'FIXED_TERM' as const, birthDate: '1990-04-01' };

/** A contract starting 2026-04-01 whose worker has been in the unit since `since`. */
const check = (endDate: string, overrides: Partial<PeriodCheckInput> = {}) =>
  checkDispatchPeriod({
    period: { startDate: '2026-04-01', endDate },
    establishmentConflictDate: '2028-10-01',
    workerAssignmentsInUnit: [],
    worker: fixedTerm,
    ...overrides,
  });

describe('the conflict date is the first day past the 3-year limit', () => {
  it('counts 3 years from the start to the corresponding day, or the 1st of the next month', () => {
    expect(conflictDateOf('2025-10-01')).toBe('2028-10-01');
    expect(conflictDateOf('2024-02-29')).toBe('2027-03-01');
    expect(firstDayPastMonths('2025-11-30', 3)).toBe('2026-03-01');
    expect(firstDayPastMonths('2026-01-31', 1)).toBe('2026-03-01');
    expect(addDays('2028-10-01', -1)).toBe('2028-09-30');
  });
});

describe('the establishment’s conflict date', () => {
  it('passes a contract ending the day before, and refuses one ending on it or after, naming the date and the rule', () => {
    expect(check('2028-09-30')).toMatchObject({ ok: true, bindingConflictDate: '2028-10-01' });
    for (const endDate of ['2028-10-01', '2028-10-02']) {
      const result = check(endDate, { period: { startDate: '2028-04-01', endDate } });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.violations[0]).toMatchObject({ rule: 'ESTABLISHMENT_LIMIT', conflictDate: '2028-10-01' });
      expect(result.violations[0]?.message).toContain('2028-10-01');
      expect(result.violations[0]?.message).toContain('事業所単位の期間制限');
      expect(result.violations[0]?.message).toContain('2028-09-30');
    }
  });

  it('cannot be checked without a notice', () => {
    const result = check('2026-09-30', { establishmentConflictDate: undefined });
    expect(result).toMatchObject({ ok: false, violations: [{ rule: 'NO_CONFLICT_DATE' }] });
  });
});

describe('the worker’s own conflict date in the organisational unit', () => {
  // In the unit since 2025-10-01 without a break: the worker's date is 2028-10-01; the establishment's is later.
  const since = {
    workerAssignmentsInUnit: [{ startDate: '2025-10-01' }],
    establishmentConflictDate: '2030-04-01',
  };

  it('passes the day before, refuses the date itself and the day after', () => {
    expect(check('2028-09-30', since)).toMatchObject({ ok: true, bindingConflictDate: '2028-10-01' });
    for (const endDate of ['2028-10-01', '2028-10-02']) {
      expect(check(endDate, since)).toMatchObject({
        ok: false,
        violations: [{ rule: 'INDIVIDUAL_LIMIT', conflictDate: '2028-10-01' }],
      });
    }
    const refused = check('2028-10-01', since);
    expect(refused.ok === false && refused.violations[0]?.message).toContain('個人単位の期間制限');
  });

  it('counts assignments separated by up to 3 months as one run, and starts afresh after a longer break', () => {
    // Ended 2025-03-31; a start on 2025-07-01 continues the run (3 months without dispatch), 2025-07-02 does not.
    const earlier = { startDate: '2024-04-01', endDate: '2025-03-31' };
    expect(individualConflictDate([earlier], '2025-07-01')).toBe('2027-04-01');
    expect(individualConflictDate([earlier], '2025-07-02')).toBe('2028-07-02');
    // A run still going counts from its start.
    expect(individualConflictDate([{ startDate: '2025-01-15' }], '2026-04-01')).toBe('2028-01-15');
    // A first assignment counts from the new contract's start.
    expect(individualConflictDate([], '2026-04-01')).toBe('2029-04-01');
  });
});

describe('the earlier date binds', () => {
  it('binds by the worker’s date when it is earlier than the establishment’s', () => {
    const input = {
      workerAssignmentsInUnit: [{ startDate: '2024-06-01' }],
      establishmentConflictDate: '2028-10-01',
    };
    expect(check('2027-05-31', input)).toMatchObject({ ok: true, bindingConflictDate: '2027-06-01' });
    const refused = check('2027-06-01', input);
    expect(refused).toMatchObject({
      ok: false,
      violations: [{ rule: 'INDIVIDUAL_LIMIT', conflictDate: '2027-06-01' }],
    });
  });

  it('binds by the establishment’s date when it is earlier than the worker’s', () => {
    const input = { establishmentConflictDate: '2027-01-01' };
    expect(check('2026-12-31', input)).toMatchObject({
      ok: true,
      bindingConflictDate: '2027-01-01',
      individualConflictDate: '2029-04-01',
    });
    expect(check('2027-01-01', input)).toMatchObject({
      ok: false,
      violations: [{ rule: 'ESTABLISHMENT_LIMIT', conflictDate: '2027-01-01' }],
    });
  });

  it('names the earlier date first when both are reached', () => {
    const result = check('2030-01-01', {
      workerAssignmentsInUnit: [{ startDate: '2025-10-01' }],
      establishmentConflictDate: '2029-01-01',
    });
    expect(result.ok === false && result.violations.map((v) => v.conflictDate)).toEqual([
      '2028-10-01',
      '2029-01-01',
    ]);
  });
});

describe('exemptions', () => {
  const past = {
    workerAssignmentsInUnit: [{ startDate: '2023-01-01' }],
    establishmentConflictDate: '2026-06-01',
  };

  it('passes a period past both dates when an exemption is recorded, keeping its reason', () => {
    const result = check('2030-03-31', {
      ...past,
      exemption: { kind: 'FIXED_END_PROJECT', reason: '新工場立ち上げプロジェクト（2030-03-31 終了）' },
    });
    expect(result).toMatchObject({
      ok: true,
      exemption: { kind: 'FIXED_END_PROJECT', reason: '新工場立ち上げプロジェクト（2030-03-31 終了）' },
    });
    expect(result.ok && result.bindingConflictDate).toBeUndefined();
  });

  it('refuses an exemption the worker register contradicts', () => {
    expect(
      check('2030-03-31', { ...past, exemption: { kind: 'INDEFINITE_TERM_EMPLOYMENT', reason: '無期雇用' } }),
    ).toMatchObject({ ok: false, violations: [{ rule: 'EXEMPTION_CONTRADICTED' }] });
    const young = check('2030-03-31', {
      ...past,
      exemption: { kind: 'AGED_60_OR_OVER', reason: '60歳以上' },
    });
    expect(young.ok === false && young.violations[0]?.message).toContain('36 歳');
    expect(
      check('2030-03-31', {
        ...past,
        worker: { employmentTerm: 'FIXED_TERM', birthDate: '1966-03-31' },
        exemption: { kind: 'AGED_60_OR_OVER', reason: '60歳以上' },
      }).ok,
    ).toBe(true);
  });
});
