/** docs/policy.md: director approval when rating < 50, any CONCERN, or an UNDETERMINED anti-social result. */
import { describe, expect, it } from 'vitest';
import { type CreditPrecheck, creditPrecheckSchema, directorApprovalReasons } from './credit-precheck.js';

const ok = { result: 'OK' as const, note: '問題なし' };
const cleanPrecheck: CreditPrecheck = {
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
const concern = { result: 'CONCERN' as const, note: '要確認' };

describe('director approval (docs/policy.md)', () => {
  it('is not needed for a clean application rated 50 or more', () => {
    expect(directorApprovalReasons(cleanPrecheck)).toEqual([]);
    expect(directorApprovalReasons({ ...cleanPrecheck, creditRating: 50 })).toEqual([]);
  });
  it.each([
    ['a rating below 50', { creditRating: 49 }, '与信評価 49 点'],
    ['an UNDETERMINED anti-social result', { antisocialCheck: 'UNDETERMINED' }, '判定不能'],
    [
      'a labour-risk concern',
      { labourRisk: { ...cleanPrecheck.labourRisk, turnover: concern } },
      '労務リスク「離職率」',
    ],
    [
      'a trade-criterion concern',
      { tradeCriteria: { ...cleanPrecheck.tradeCriteria, legalCompliance: concern } },
      '取引基準「法令遵守」',
    ],
  ])('is needed for %s', (_, change, reason) => {
    const reasons = directorApprovalReasons({ ...cleanPrecheck, ...change } as CreditPrecheck);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain(reason);
  });
  it('names every missing or bad field of an application', () => {
    const parsed = creditPrecheckSchema.safeParse({ ...cleanPrecheck, creditRating: 120, labourRisk: {} });
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('creditRating');
    expect(paths).toContain('labourRisk.pastUnpaidWages');
  });
});
