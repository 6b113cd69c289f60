/**
 * The credit / anti-social pre-check form and its director rule (A4-1, A4-2, A4-3), beyond
 * `credit-precheck.test.ts`: every reason is named, several reasons add up, and the form
 * refuses what the paper form would not accept, naming the field.
 */
import { describe, expect, it } from 'vitest';
import {
  type CreditPrecheck,
  creditPrecheckSchema,
  DIRECTOR_RATING_THRESHOLD,
  directorApprovalReasons,
} from './credit-precheck.js';

const ok = { result: 'OK' as const, note: '問題なし' };
const concern = { result: 'CONCERN' as const, note: '要確認' };
const clean: CreditPrecheck = {
  creditRating: 72,
  antisocialCheck: 'CLEAR',
  labourRisk: { pastUnpaidWages: ok, labourDisputes: ok, turnover: ok },
  tradeCriteria: {
    antisocialForces: ok,
    businessCondition: ok,
    workplaceEnvironment: ok,
    legalCompliance: ok,
  },
};

const issuesOf = (input: unknown) => {
  const parsed = creditPrecheckSchema.safeParse(input);
  return parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('director approval reasons', () => {
  it('puts the threshold at 50 points', () => {
    expect(DIRECTOR_RATING_THRESHOLD).toBe(50);
    expect(directorApprovalReasons({ ...clean, creditRating: 0 })).toEqual(['与信評価 0 点（50 点未満）']);
    expect(directorApprovalReasons({ ...clean, creditRating: 49 })).toEqual(['与信評価 49 点（50 点未満）']);
    expect(directorApprovalReasons({ ...clean, creditRating: 50 })).toEqual([]);
    expect(directorApprovalReasons({ ...clean, creditRating: 100 })).toEqual([]);
  });

  it('does not ask a director because of a CLEAR or a HIT anti-social result (a HIT is rejected before)', () => {
    expect(directorApprovalReasons({ ...clean, antisocialCheck: 'CLEAR' })).toEqual([]);
    expect(directorApprovalReasons({ ...clean, antisocialCheck: 'HIT' })).toEqual([]);
    expect(directorApprovalReasons({ ...clean, antisocialCheck: 'UNDETERMINED' })).toEqual([
      '反社チェックの結果が判定不能',
    ]);
  });

  it.each([
    ['labourRisk', 'pastUnpaidWages', '労務リスク「過去の賃金未払い」に懸念あり'],
    ['labourRisk', 'labourDisputes', '労務リスク「労働争議」に懸念あり'],
    ['labourRisk', 'turnover', '労務リスク「離職率」に懸念あり'],
    ['tradeCriteria', 'antisocialForces', '取引基準「反社会的勢力」に懸念あり'],
    ['tradeCriteria', 'businessCondition', '取引基準「経営状況」に懸念あり'],
    ['tradeCriteria', 'workplaceEnvironment', '取引基準「職場環境」に懸念あり'],
    ['tradeCriteria', 'legalCompliance', '取引基準「法令遵守」に懸念あり'],
  ] as const)('names a concern in %s.%s', (group, item, reason) => {
    const precheck = { ...clean, [group]: { ...clean[group], [item]: concern } } as CreditPrecheck;
    expect(directorApprovalReasons(precheck)).toEqual([reason]);
  });

  it('lists every reason at once, rating first, then the anti-social result, then each concern', () => {
    const precheck: CreditPrecheck = {
      creditRating: 30,
      antisocialCheck: 'UNDETERMINED',
      labourRisk: { ...clean.labourRisk, labourDisputes: concern },
      tradeCriteria: { ...clean.tradeCriteria, businessCondition: concern, legalCompliance: concern },
    };
    expect(directorApprovalReasons(precheck)).toEqual([
      '与信評価 30 点（50 点未満）',
      '反社チェックの結果が判定不能',
      '労務リスク「労働争議」に懸念あり',
      '取引基準「経営状況」に懸念あり',
      '取引基準「法令遵守」に懸念あり',
    ]);
  });
});

describe('the pre-check form', () => {
  it('accepts a complete form and trims the notes', () => {
    const parsed = creditPrecheckSchema.parse({
      ...clean,
      labourRisk: { ...clean.labourRisk, turnover: { result: 'OK', note: '  低い  ' } },
    });
    expect(parsed.labourRisk.turnover.note).toBe('低い');
    expect(parsed.creditRating).toBe(72);
  });

  it.each([
    [-1, 'creditRating'],
    [101, 'creditRating'],
    [50.5, 'creditRating'],
    ['60', 'creditRating'],
  ])('refuses the rating %s', (creditRating, path) => {
    expect(issuesOf({ ...clean, creditRating }).map((i) => i.path)).toEqual([path]);
  });

  it('accepts the bounds 0 and 100', () => {
    expect(issuesOf({ ...clean, creditRating: 0 })).toEqual([]);
    expect(issuesOf({ ...clean, creditRating: 100 })).toEqual([]);
  });

  it('refuses an anti-social result outside CLEAR / HIT / UNDETERMINED', () => {
    expect(issuesOf({ ...clean, antisocialCheck: 'UNKNOWN' }).map((i) => i.path)).toEqual([
      'antisocialCheck',
    ]);
  });

  it('refuses a finding result outside OK / CONCERN', () => {
    const input = {
      ...clean,
      tradeCriteria: { ...clean.tradeCriteria, legalCompliance: { result: 'NG', note: 'x' } },
    };
    expect(issuesOf(input).map((i) => i.path)).toEqual(['tradeCriteria.legalCompliance.result']);
  });

  it('needs a note on every finding, blank notes included', () => {
    const input = { ...clean, labourRisk: { ...clean.labourRisk, turnover: { result: 'OK', note: '   ' } } };
    expect(issuesOf(input)).toEqual([
      { path: 'labourRisk.turnover.note', message: 'each finding needs a note' },
    ]);
  });

  it('caps a note at 2,000 characters', () => {
    const finding = (note: string) => ({
      ...clean,
      labourRisk: { ...clean.labourRisk, turnover: { result: 'OK', note } },
    });
    expect(issuesOf(finding('あ'.repeat(2000)))).toEqual([]);
    expect(issuesOf(finding('あ'.repeat(2001))).map((i) => i.path)).toEqual(['labourRisk.turnover.note']);
  });

  it('names every missing trade criterion', () => {
    expect(issuesOf({ ...clean, tradeCriteria: {} }).map((i) => i.path)).toEqual([
      'tradeCriteria.antisocialForces',
      'tradeCriteria.businessCondition',
      'tradeCriteria.workplaceEnvironment',
      'tradeCriteria.legalCompliance',
    ]);
  });

  it('names every missing labour-risk item', () => {
    expect(issuesOf({ ...clean, labourRisk: {} }).map((i) => i.path)).toEqual([
      'labourRisk.pastUnpaidWages',
      'labourRisk.labourDisputes',
      'labourRisk.turnover',
    ]);
  });
});
