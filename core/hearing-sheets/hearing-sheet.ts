/**
 * The hearing sheet (オーダーヒアリングシート): one structured record per request (inquiry),
 * holding every item of A1-6 (confirmed when contacting) and A7-2 (required for an order),
 * saved in parts by phone or at the visit (A3-4). Each item remembers where it came from, so
 * the client ledger can show the latest facts with their source (A3-5, A7-5).
 */
import * as z from 'zod';

const text = z.string().trim().min(1, 'must not be empty').max(2000);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
  }, 'is not a calendar date');

/** Every item, with its validation. Absent = not heard yet. */
export const hearingItemsSchema = z.object({
  // A1-6
  jobCategory: text.describe('職種'),
  hazardousWork: z.boolean().describe('危険業務の有無'),
  requiredQualifications: text.describe('必要資格（なければ「なし」）'),
  workLocation: text.describe('就業場所'),
  timeBand: text.describe('時間帯（日勤・夜勤・シフト等）'),
  overtime: z
    .object({ expected: z.boolean(), hoursPerMonth: z.number().min(0).max(100).optional() })
    .refine((o) => o.expected === (o.hoursPerMonth !== undefined), {
      message: 'give hoursPerMonth exactly when overtime is expected',
      path: ['hoursPerMonth'],
    })
    .describe('残業の有無と見込み時間（月）'),
  dispatchPeriod: text.describe('派遣期間'),
  acceptanceSetup: text.describe('受け入れ体制'),
  workingHours: text.describe('就業時間（休憩）'),
  workingDays: text.describe('就業日'),
  welfare: text.describe('福利厚生'),
  healthAndSafety: text.describe('安全衛生'),
  // A7-2
  recruitmentBackground: text.describe('募集背景'),
  jobContent: text.describe('業務内容'),
  requiredSkills: text.describe('必要スキル'),
  departmentAndFollowUp: text.describe('配属部署・フォロー体制'),
  startDate: isoDate.describe('開始日'),
  billingRate: z
    .object({ amountYen: z.number().int().positive().max(1_000_000), unit: z.enum(['HOUR', 'DAY', 'MONTH']) })
    .describe('請求単価'),
  siteEnvironment: text.describe('職場環境・ルール（休憩室・制服等）'),
  safetyTraining: z
    .object({ provided: z.boolean(), details: text.optional() })
    .describe('安全対策・教育の有無'),
  hazardRating: z.enum(['LOW', 'MEDIUM', 'HIGH']).describe('業務の危険度'),
  confidentialInformation: z
    .object({ handled: z.boolean(), details: text.optional() })
    .describe('機密情報の取り扱い有無'),
});

export type HearingItems = z.infer<typeof hearingItemsSchema>;
export type HearingItem = keyof HearingItems;
export const HEARING_ITEMS = Object.keys(hearingItemsSchema.shape) as HearingItem[];

/** A1-6: what sales confirms when contacting. */
export const FIRST_CONTACT_ITEMS: readonly HearingItem[] = [
  'jobCategory',
  'hazardousWork',
  'requiredQualifications',
  'workLocation',
  'timeBand',
  'overtime',
  'dispatchPeriod',
  'acceptanceSetup',
  'workingHours',
  'workingDays',
  'welfare',
  'healthAndSafety',
];

/** A7-2: the required hearing items of an order. */
export const ORDER_ITEMS: readonly HearingItem[] = [
  'recruitmentBackground',
  'jobContent',
  'requiredSkills',
  'departmentAndFollowUp',
  'startDate',
  'workingHours',
  'overtime',
  'workingDays',
  'billingRate',
  'siteEnvironment',
  'safetyTraining',
  'hazardRating',
  'confidentialInformation',
];

export const hearingItemLabel = (item: HearingItem): string =>
  hearingItemsSchema.shape[item].description ?? item;

export interface ItemSource {
  /** HEARING: saved on the sheet (e.g. by phone); VISIT: recorded at a visit. */
  via: 'HEARING' | 'VISIT';
  visitId?: string;
  by: string;
  at: string;
}

export interface HearingSheet {
  hearingSheetId: string;
  clientId: string;
  inquiryId: string;
  department?: string;
  items: Partial<HearingItems>;
  sources: Partial<Record<HearingItem, ItemSource>>;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** One sheet per request: its id follows from the inquiry's. */
export const hearingSheetIdOf = (inquiryId: string) => `hs_${inquiryId.replace(/^inq_/, '')}`;

export interface CompletenessReport {
  complete: boolean;
  /** Items still missing for first contact (A1-6) and for an order (A7-2). */
  missingForFirstContact: HearingItem[];
  missingForOrder: HearingItem[];
  /** Every missing item, in the sheet's order. */
  missing: HearingItem[];
}

export function completenessOf(sheet: Pick<HearingSheet, 'items'> | undefined): CompletenessReport {
  const has = (item: HearingItem) => sheet?.items[item] !== undefined;
  const missingForFirstContact = FIRST_CONTACT_ITEMS.filter((i) => !has(i));
  const missingForOrder = ORDER_ITEMS.filter((i) => !has(i));
  const missing = HEARING_ITEMS.filter((i) => !has(i));
  return { complete: missing.length === 0, missingForFirstContact, missingForOrder, missing };
}
