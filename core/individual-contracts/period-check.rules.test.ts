/**
 * The dispatch-period check's rules at their edges (A5-5, A5-3), beyond period-check.test.ts:
 * how a worker's assignments in the unit join into one run (in any order, overlapping, still
 * running, across a break of exactly 3 months), the Civil Code's month count, the age on the start
 * date for the 60-or-over exemption, what an exemption's result keeps, and the order and wording
 * of the refusals.
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  ageOn,
  checkDispatchPeriod,
  firstDayPastMonths,
  individualConflictDate,
  PERIOD_RULE_LABELS,
  type PeriodCheckInput,
} from './period-check.js';

const check = (overrides: Partial<PeriodCheckInput> = {}) =>
  checkDispatchPeriod({
    period: { startDate: '2026-04-01', endDate: '2026-09-30' },
    establishmentConflictDate: '2028-10-01',
    workerAssignmentsInUnit: [],
    worker: { employmentTerm: 'FIXED_TERM', birthDate: '1990-04-01' },
    ...overrides,
  });

describe('dates', () => {
  it('refuse anything but YYYY-MM-DD, naming the value', () => {
    for (const bad of ['2026-4-1', 'x2026-04-01', '2026-04-01x', '2026/04/01'])
      expect(() => addDays(bad, 1)).toThrow(`not a YYYY-MM-DD date: ${bad}`);
  });

  it('count months to the corresponding day, up to the target month’s last day', () => {
    expect(firstDayPastMonths('2026-01-31', 2)).toBe('2026-03-31');
    expect(firstDayPastMonths('2026-01-28', 1)).toBe('2026-02-28');
    expect(firstDayPastMonths('2026-01-29', 1)).toBe('2026-03-01');
    expect(firstDayPastMonths('2025-11-15', 3)).toBe('2026-02-15');
  });
});

describe('the worker’s run of assignments in the unit', () => {
  it('joins assignments given in any order', () => {
    const assignments = [
      { startDate: '2025-06-01', endDate: '2025-12-31' },
      { startDate: '2024-04-01', endDate: '2025-05-31' },
    ];
    expect(individualConflictDate(assignments, '2026-02-01')).toBe('2027-04-01');
  });

  it('is extended by a later end, and not shortened by an assignment inside it', () => {
    const nested = [
      { startDate: '2024-04-01', endDate: '2025-12-31' },
      { startDate: '2024-06-01', endDate: '2024-09-30' },
    ];
    expect(individualConflictDate(nested, '2026-02-01')).toBe('2027-04-01');
  });

  it('keeps running when a later assignment has no end yet', () => {
    const nowRunning = [{ startDate: '2024-04-01', endDate: '2024-12-31' }, { startDate: '2025-02-01' }];
    expect(individualConflictDate(nowRunning, '2026-06-01')).toBe('2027-04-01');
    const stillRunning = [{ startDate: '2024-04-01' }, { startDate: '2025-01-01', endDate: '2025-06-30' }];
    expect(individualConflictDate(stillRunning, '2026-04-01')).toBe('2027-04-01');
  });

  it('continues across a break of exactly 3 months and starts afresh after a longer one', () => {
    const first = { startDate: '2024-04-01', endDate: '2025-03-31' };
    expect(individualConflictDate([first, { startDate: '2025-07-01' }], '2026-01-05')).toBe('2027-04-01');
    expect(individualConflictDate([first, { startDate: '2025-07-02' }], '2026-01-05')).toBe('2028-07-02');
    const longAgo = [
      { startDate: '2022-01-01', endDate: '2022-12-31' },
      { startDate: '2024-01-10', endDate: '2025-03-31' },
    ];
    expect(individualConflictDate(longAgo, '2025-05-01')).toBe('2027-01-10');
  });

  it('ignores assignments starting after the new contract’s start', () => {
    expect(individualConflictDate([{ startDate: '2027-01-01' }], '2026-04-01')).toBe('2029-04-01');
  });
});

describe('age on the dispatch start date', () => {
  it('counts full years, the birthday included', () => {
    expect(ageOn('1966-04-01', '2026-04-01')).toBe(60);
    expect(ageOn('1966-04-01', '2026-03-31')).toBe(59);
    expect(ageOn('1966-04-02', '2026-04-01')).toBe(59);
    expect(ageOn('1966-05-01', '2026-04-30')).toBe(59);
    expect(ageOn('1966-03-31', '2026-04-01')).toBe(60);
    expect(ageOn('1964-02-29', '2025-02-28')).toBe(60);
    expect(ageOn('1964-02-29', '2025-03-01')).toBe(61);
  });
});

describe('exemptions', () => {
  const pastBoth = {
    period: { startDate: '2026-04-01', endDate: '2030-03-31' },
    workerAssignmentsInUnit: [{ startDate: '2023-01-01' }],
    establishmentConflictDate: '2026-06-01',
  };

  it('keep the establishment’s and the worker’s date in the result, and none without a notice', () => {
    const withNotice = check({ ...pastBoth, exemption: { kind: 'LIMITED_DAYS', reason: '月8日勤務' } });
    expect(withNotice).toEqual({
      ok: true,
      establishmentConflictDate: '2026-06-01',
      individualConflictDate: '2026-01-01',
      exemption: { kind: 'LIMITED_DAYS', reason: '月8日勤務' },
    });
    const withoutNotice = check({
      ...pastBoth,
      establishmentConflictDate: undefined,
      exemption: { kind: 'LEAVE_SUBSTITUTE', reason: '育児休業の代替' },
    });
    expect(withoutNotice.ok && 'establishmentConflictDate' in withoutNotice).toBe(false);
    expect(withoutNotice.ok).toBe(true);
  });

  it('accept the indefinite-term exemption for an indefinite-term worker, refuse it for a fixed-term one', () => {
    const exemption = { kind: 'INDEFINITE_TERM_EMPLOYMENT' as const, reason: '無期雇用派遣' };
    expect(check({ ...pastBoth, worker: { employmentTerm: 'INDEFINITE' }, exemption }).ok).toBe(true);
    expect(check({ ...pastBoth, exemption })).toEqual({
      ok: false,
      violations: [
        {
          rule: 'EXEMPTION_CONTRADICTED',
          message:
            '期間制限の例外「派遣元で無期雇用されている派遣労働者」は適用できません：スタッフ台帳ではこの派遣労働者は有期雇用です。',
        },
      ],
    });
  });

  it('accept the 60-or-over exemption from the 60th birthday on, or when the register has no birth date', () => {
    const exemption = { kind: 'AGED_60_OR_OVER' as const, reason: '60歳以上' };
    expect(
      check({ ...pastBoth, worker: { employmentTerm: 'FIXED_TERM', birthDate: '1966-04-01' }, exemption }).ok,
    ).toBe(true);
    expect(check({ ...pastBoth, worker: { employmentTerm: 'FIXED_TERM' }, exemption }).ok).toBe(true);
    expect(
      check({ ...pastBoth, worker: { employmentTerm: 'FIXED_TERM', birthDate: '1966-04-02' }, exemption }),
    ).toEqual({
      ok: false,
      violations: [
        {
          rule: 'EXEMPTION_CONTRADICTED',
          message:
            '期間制限の例外「60歳以上の派遣労働者」は適用できません：スタッフ台帳の生年月日では派遣開始日 2026-04-01 に 59 歳です。',
        },
      ],
    });
  });
});

describe('refusals', () => {
  it('say why without a conflict-date notice, before any limit reached', () => {
    const result = check({
      establishmentConflictDate: undefined,
      period: { startDate: '2026-04-01', endDate: '2026-12-31' },
      workerAssignmentsInUnit: [{ startDate: '2023-06-01' }],
    });
    expect(result).toEqual({
      ok: false,
      violations: [
        {
          rule: 'NO_CONFLICT_DATE',
          message: '派遣先事業所の抵触日通知が登録されていないため、派遣期間を確認できません。',
        },
        {
          rule: 'INDIVIDUAL_LIMIT',
          conflictDate: '2026-06-01',
          message:
            '派遣期間の終了日 2026-12-31 が個人単位の期間制限（同一組織単位で3年）の抵触日 2026-06-01 以降です。派遣できるのは抵触日の前日 2026-05-31 までです。',
        },
      ],
    });
  });

  it('name the establishment’s date first when it is the earlier of the two', () => {
    const result = check({
      establishmentConflictDate: '2026-05-01',
      period: { startDate: '2026-04-01', endDate: '2026-12-31' },
      workerAssignmentsInUnit: [{ startDate: '2023-06-01' }],
    });
    expect(result.ok === false && result.violations.map((v) => [v.rule, v.conflictDate])).toEqual([
      ['ESTABLISHMENT_LIMIT', '2026-05-01'],
      ['INDIVIDUAL_LIMIT', '2026-06-01'],
    ]);
    expect(result.ok === false && result.violations[0]?.message).toBe(
      '派遣期間の終了日 2026-12-31 が事業所単位の期間制限（派遣先事業所の抵触日）の抵触日 2026-05-01 以降です。派遣できるのは抵触日の前日 2026-04-30 までです。',
    );
  });

  it('are labelled in Japanese for every rule', () => {
    const labels = Object.values(PERIOD_RULE_LABELS);
    expect(Object.keys(PERIOD_RULE_LABELS).sort()).toEqual([
      'ESTABLISHMENT_LIMIT',
      'EXEMPTION_CONTRADICTED',
      'INDIVIDUAL_LIMIT',
      'NO_CONFLICT_DATE',
    ]);
    for (const label of labels) expect(label).toMatch(/^[\u3040-\u30ff\u4e00-\u9fff（）]+/);
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe('a passing period', () => {
  it('reports both dates and the binding one', () => {
    expect(check()).toEqual({
      ok: true,
      establishmentConflictDate: '2028-10-01',
      individualConflictDate: '2029-04-01',
      bindingConflictDate: '2028-10-01',
    });
  });
});
