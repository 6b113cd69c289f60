/**
 * The hearing sheet (オーダーヒアリングシート) as a flat form: text items as text, the structured
 * ones as a few fields each. `hearingInput` sends only what was filled in, so saving in parts
 * never blanks an item someone else recorded.
 */
import type { Translator } from './i18n.js';

export const TEXT_ITEMS = [
  'jobCategory',
  'jobContent',
  'requiredQualifications',
  'requiredSkills',
  'workLocation',
  'timeBand',
  'dispatchPeriod',
  'startDate',
  'workingHours',
  'workingDays',
  'acceptanceSetup',
  'welfare',
  'healthAndSafety',
  'recruitmentBackground',
  'departmentAndFollowUp',
  'siteEnvironment',
] as const;

export type TextItem = (typeof TEXT_ITEMS)[number];

export type HearingForm = Record<TextItem, string> & {
  hazardousWork: '' | 'yes' | 'no';
  hazardRating: '' | 'LOW' | 'MEDIUM' | 'HIGH';
  billingAmount: string;
  billingUnit: 'HOUR' | 'DAY' | 'MONTH';
  overtime: '' | 'yes' | 'no';
  overtimeHours: string;
  safetyTraining: '' | 'yes' | 'no';
  safetyTrainingDetails: string;
  confidential: '' | 'yes' | 'no';
  confidentialDetails: string;
};

export interface HearingItemsValue {
  [key: string]: unknown;
  hazardousWork?: boolean | null;
  hazardRating?: string | null;
  billingRate?: { amountYen: number; unit: string } | null;
  overtime?: { expected: boolean; hoursPerMonth?: number | null } | null;
  safetyTraining?: { yes: boolean; details?: string | null } | null;
  confidentialInformation?: { yes: boolean; details?: string | null } | null;
}

const yesNo = (v: boolean | null | undefined): '' | 'yes' | 'no' =>
  v === true ? 'yes' : v === false ? 'no' : '';

/** The form's starting values from the saved sheet. */
export function hearingForm(items: HearingItemsValue | null | undefined): HearingForm {
  const i = items ?? {};
  const text = Object.fromEntries(
    TEXT_ITEMS.map((k) => [k, typeof i[k] === 'string' ? (i[k] as string) : '']),
  ) as Record<TextItem, string>;
  return {
    ...text,
    hazardousWork: yesNo(i.hazardousWork),
    hazardRating: (i.hazardRating as HearingForm['hazardRating']) ?? '',
    billingAmount: i.billingRate ? String(i.billingRate.amountYen) : '',
    billingUnit: (i.billingRate?.unit as HearingForm['billingUnit']) ?? 'HOUR',
    overtime: yesNo(i.overtime?.expected),
    overtimeHours: i.overtime?.hoursPerMonth != null ? String(i.overtime.hoursPerMonth) : '',
    safetyTraining: yesNo(i.safetyTraining?.yes),
    safetyTrainingDetails: i.safetyTraining?.details ?? '',
    confidential: yesNo(i.confidentialInformation?.yes),
    confidentialDetails: i.confidentialInformation?.details ?? '',
  };
}

/** Only what was filled in, shaped as HearingItemsInput. */
export function hearingInput(form: HearingForm) {
  const out: Record<string, unknown> = {};
  for (const k of TEXT_ITEMS) if (form[k].trim()) out[k] = form[k].trim();
  if (form.hazardousWork) out.hazardousWork = form.hazardousWork === 'yes';
  if (form.hazardRating) out.hazardRating = form.hazardRating;
  if (form.billingAmount.trim())
    out.billingRate = { amountYen: Number(form.billingAmount), unit: form.billingUnit };
  if (form.overtime)
    out.overtime = {
      expected: form.overtime === 'yes',
      ...(form.overtime === 'yes' && form.overtimeHours.trim()
        ? { hoursPerMonth: Number(form.overtimeHours) }
        : {}),
    };
  if (form.safetyTraining)
    out.safetyTraining = {
      provided: form.safetyTraining === 'yes',
      ...(form.safetyTrainingDetails.trim() ? { details: form.safetyTrainingDetails.trim() } : {}),
    };
  if (form.confidential)
    out.confidentialInformation = {
      handled: form.confidential === 'yes',
      ...(form.confidentialDetails.trim() ? { details: form.confidentialDetails.trim() } : {}),
    };
  return out;
}

/** Where the API's field error for an item lands on the form (`items.billingRate.amountYen` → billingAmount). */
export function hearingErrorField(path: string): string {
  const item = path.replace(/^(items|hearingItems)\./, '').split('.')[0] ?? '';
  const map: Record<string, string> = {
    billingRate: 'billingAmount',
    overtime: 'overtime',
    safetyTraining: 'safetyTraining',
    confidentialInformation: 'confidential',
  };
  return map[item] ?? item;
}

/**
 * A fact of the ledger (the latest value of a hearing item) in words: yes / no, the hazard rating
 * and the billing unit by their labels, the details after a yes. Text as it was written.
 */
export function factText(
  i18n: Pick<Translator, 't' | 'label' | 'qualified'>,
  item: string,
  value: unknown,
): string {
  const yesNo = (yes: boolean, details?: string | null) =>
    details ? i18n.qualified(i18n.t(yes ? 'yes' : 'no'), details) : i18n.t(yes ? 'yes' : 'no');
  if (typeof value === 'string') return item === 'hazardRating' ? i18n.label('HazardRating', value) : value;
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object') {
    const v = value as HearingItemsValue['billingRate'] &
      HearingItemsValue['overtime'] &
      HearingItemsValue['safetyTraining'] & { amountYen?: number; expected?: boolean; yes?: boolean };
    if (typeof v.amountYen === 'number')
      return i18n.qualified(
        i18n.t('yen', { n: v.amountYen.toLocaleString('ja-JP') }),
        i18n.label('BillingUnit', v.unit),
      );
    if (typeof v.expected === 'boolean')
      return yesNo(
        v.expected,
        v.hoursPerMonth != null ? i18n.t('hoursPerMonth', { n: v.hoursPerMonth }) : null,
      );
    if (typeof v.yes === 'boolean') return yesNo(v.yes, v.details);
  }
  return JSON.stringify(value);
}
