/**
 * The credit / anti-social pre-check (06_1 反社/与信チェック申請書) and its approval rule
 * (docs/policy.md "Credit / anti-social pre-check"): a HIT is rejected automatically; manager
 * approval always; director approval too when the rating is below 50, any labour-risk finding
 * or trade criterion is a CONCERN, or the anti-social result is UNDETERMINED. Requirements:
 * A4-1, A4-2, A4-3.
 */
import * as z from 'zod';

export const ANTISOCIAL_RESULTS = ['CLEAR', 'HIT', 'UNDETERMINED'] as const;
export const FINDING_RESULTS = ['OK', 'CONCERN'] as const;

const finding = z.object({
  result: z.enum(FINDING_RESULTS),
  note: z.string().trim().min(1, 'each finding needs a note').max(2000),
});

export const creditPrecheckSchema = z.object({
  /** 信用調査機関の与信評価, 0–100 (e.g. a Teikoku Databank score). */
  creditRating: z.number().int().min(0).max(100),
  antisocialCheck: z.enum(ANTISOCIAL_RESULTS),
  /** 労務リスク確認 */
  labourRisk: z.object({ pastUnpaidWages: finding, labourDisputes: finding, turnover: finding }),
  /** The four trade criteria (取引基準). */
  tradeCriteria: z.object({
    antisocialForces: finding,
    businessCondition: finding,
    workplaceEnvironment: finding,
    legalCompliance: finding,
  }),
});

export type CreditPrecheck = z.infer<typeof creditPrecheckSchema>;

export const DIRECTOR_RATING_THRESHOLD = 50;

/** The items in the agency's words, as the directors read them in a reason. */
const LABOUR_RISK_LABELS: Record<keyof CreditPrecheck['labourRisk'], string> = {
  pastUnpaidWages: '過去の賃金未払い',
  labourDisputes: '労働争議',
  turnover: '離職率',
};
const TRADE_CRITERIA_LABELS: Record<keyof CreditPrecheck['tradeCriteria'], string> = {
  antisocialForces: '反社会的勢力',
  businessCondition: '経営状況',
  workplaceEnvironment: '職場環境',
  legalCompliance: '法令遵守',
};

/** Why director approval is required (empty: the manager decides alone). */
export function directorApprovalReasons(p: CreditPrecheck): string[] {
  const reasons: string[] = [];
  if (p.creditRating < DIRECTOR_RATING_THRESHOLD) {
    reasons.push(`与信評価 ${p.creditRating} 点（${DIRECTOR_RATING_THRESHOLD} 点未満）`);
  }
  if (p.antisocialCheck === 'UNDETERMINED') reasons.push('反社チェックの結果が判定不能');
  const concerns = [
    ...Object.entries(p.labourRisk).map(
      ([k, f]) => [`労務リスク「${LABOUR_RISK_LABELS[k as keyof typeof LABOUR_RISK_LABELS]}」`, f] as const,
    ),
    ...Object.entries(p.tradeCriteria).map(
      ([k, f]) =>
        [`取引基準「${TRADE_CRITERIA_LABELS[k as keyof typeof TRADE_CRITERIA_LABELS]}」`, f] as const,
    ),
  ].filter(([, f]) => f.result === 'CONCERN');
  for (const [label] of concerns) reasons.push(`${label}に懸念あり`);
  return reasons;
}
