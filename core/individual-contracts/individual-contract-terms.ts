/**
 * The terms of an individual contract (個別契約書の記載事項): every item the law requires it to
 * state, in one type, each with its label in the agency's words. The contract's establishment,
 * organisational unit and dispatch period are fields of the contract itself (they drive the
 * period check); everything else is here. Requirements: A5-4.
 */
import * as z from 'zod';

/** A person the contract names: agency or client side. */
export interface NamedPerson {
  name: string;
  /** 部署・役職 */
  title: string;
  phone: string;
}

export interface IndividualContractTerms {
  /** 業務内容 */
  jobContent: string;
  /** 業務に伴う責任の程度 */
  responsibilityLevel: string;
  /** 就業場所（名称・所在地・連絡先）; the organisational unit is the contract's. */
  workLocation: string;
  /** 指揮命令者 */
  commandingSupervisor: NamedPerson;
  /** 就業日（派遣期間は契約の期間欄） */
  workingDays: string;
  /** 就業時間（始業・終業） */
  workingHours: { start: string; end: string };
  /** 休憩時間 */
  breakTime: string;
  /** 安全及び衛生 */
  healthAndSafety: string;
  /** 苦情の処理・申出先（派遣元・派遣先の窓口）と処理方法 */
  complaintHandling: { agencyDesk: NamedPerson; clientDesk: NamedPerson; procedure: string };
  /** 派遣契約の解除に当たって講ずる派遣労働者の雇用の安定を図るための措置 */
  cancellationMeasures: string;
  /** 派遣元責任者 */
  agencyManager: NamedPerson;
  /** 派遣先責任者 */
  clientManager: NamedPerson;
  /** 時間外労働・休日労働（できる時間数・日数） */
  overtimeAndHolidayWork: string;
  /** 福利厚生施設の利用等 */
  welfareFacilities: string;
  /** 派遣労働者を派遣先が雇用する場合の紛争防止措置 */
  directHireDisputePrevention: string;
  /** 派遣労働者を協定対象派遣労働者に限るか否か / 無期雇用派遣労働者又は60歳以上の者に限るか否か */
  workerLimitation: { agreementCoveredOnly: boolean; indefiniteTermOrAged60Only: boolean };
  /** 派遣人員 */
  numberOfWorkers: number;
  /** 請求単価（円／時間） */
  billingRateYenPerHour: number;
  /** 派遣労働者の賃金（円／時間、派遣元の記録） */
  wageYenPerHour: number;
}

export type TermItem = keyof IndividualContractTerms;

/** Every required item with its label, in the order a contract lists them. */
export const TERM_ITEM_LABELS: Record<TermItem, string> = {
  jobContent: '業務内容',
  responsibilityLevel: '責任の程度',
  workLocation: '就業場所',
  commandingSupervisor: '指揮命令者',
  workingDays: '就業日',
  workingHours: '就業時間（始業・終業）',
  breakTime: '休憩時間',
  healthAndSafety: '安全及び衛生',
  complaintHandling: '苦情の処理・申出先',
  cancellationMeasures: '派遣契約解除の場合の措置',
  agencyManager: '派遣元責任者',
  clientManager: '派遣先責任者',
  overtimeAndHolidayWork: '時間外労働・休日労働',
  welfareFacilities: '福利厚生施設の利用等',
  directHireDisputePrevention: '派遣先が派遣労働者を雇用する場合の紛争防止措置',
  workerLimitation: '協定対象派遣労働者・無期雇用派遣労働者等に限定するか否か',
  numberOfWorkers: '派遣人員',
  billingRateYenPerHour: '請求単価',
  wageYenPerHour: '派遣労働者の賃金',
};

export const TERM_ITEMS = Object.keys(TERM_ITEM_LABELS) as TermItem[];

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');
const namedPerson = z.object({ name: text(100), title: text(100), phone: text(30) });
const yen = z.number().int('must be whole yen').min(1, 'must be at least 1 yen').max(1_000_000);

/** Each item's validation: saving an item checks it whole. */
export const termItemSchemas = {
  jobContent: text(2000),
  responsibilityLevel: text(1000),
  workLocation: text(1000),
  commandingSupervisor: namedPerson,
  workingDays: text(500),
  workingHours: z.object({ start: time, end: time }),
  breakTime: text(500),
  healthAndSafety: text(2000),
  complaintHandling: z.object({ agencyDesk: namedPerson, clientDesk: namedPerson, procedure: text(2000) }),
  cancellationMeasures: text(2000),
  agencyManager: namedPerson,
  clientManager: namedPerson,
  overtimeAndHolidayWork: text(1000),
  welfareFacilities: text(1000),
  directHireDisputePrevention: text(1000),
  workerLimitation: z.object({ agreementCoveredOnly: z.boolean(), indefiniteTermOrAged60Only: z.boolean() }),
  numberOfWorkers: z.number().int('must be a whole number').min(1, 'at least 1 worker').max(1000),
  billingRateYenPerHour: yen,
  wageYenPerHour: yen,
} satisfies Record<TermItem, z.ZodType>;

/** Some of the items, as a save brings them (each given item complete). */
export const termsPartInput = z.object(termItemSchemas).partial().strict();

export interface MissingTermItem {
  item: TermItem;
  label: string;
}

export interface TermsCompleteness {
  complete: boolean;
  /** Each missing item in the agency's words, in the contract's order. */
  missing: MissingTermItem[];
}

/** Which required items the terms lack (an item present but invalid counts as missing). */
export function termsCompleteness(terms: Partial<IndividualContractTerms>): TermsCompleteness {
  const missing = TERM_ITEMS.filter((item) => !termItemSchemas[item].safeParse(terms[item]).success).map(
    (item) => ({ item, label: TERM_ITEM_LABELS[item] }),
  );
  return { complete: missing.length === 0, missing };
}

/** "業務内容、指揮命令者" — the missing items as one Japanese list. */
export const missingTermsText = (missing: readonly MissingTermItem[]) =>
  missing.map((m) => m.label).join('、');
