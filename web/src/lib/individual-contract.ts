/**
 * The console's own logic for individual contracts (個別契約), orders and the contracts register:
 * the terms form as flat fields (saved in parts: only what is filled is sent), which documents of
 * a contract can be opened, and an order's sync conflict as rows of both versions.
 */

/** One input of the terms form; `key` is the API's field path under `terms` (its errors name it). */
export interface TermField {
  key: string;
  kind: 'text' | 'long' | 'int' | 'time' | 'yesNo';
}

const person = (item: string): TermField[] => [
  { key: `${item}.name`, kind: 'text' },
  { key: `${item}.title`, kind: 'text' },
  { key: `${item}.phone`, kind: 'text' },
];

/** Every item of 労働者派遣法 第26条 / 施行規則 the contract names, in the order of the form. */
export const TERM_GROUPS: { item: string; fields: TermField[] }[] = [
  { item: 'jobContent', fields: [{ key: 'jobContent', kind: 'long' }] },
  { item: 'responsibilityLevel', fields: [{ key: 'responsibilityLevel', kind: 'text' }] },
  { item: 'workLocation', fields: [{ key: 'workLocation', kind: 'text' }] },
  { item: 'commandingSupervisor', fields: person('commandingSupervisor') },
  { item: 'workingDays', fields: [{ key: 'workingDays', kind: 'text' }] },
  {
    item: 'workingHours',
    fields: [
      { key: 'workingHours.start', kind: 'time' },
      { key: 'workingHours.end', kind: 'time' },
    ],
  },
  { item: 'breakTime', fields: [{ key: 'breakTime', kind: 'text' }] },
  { item: 'healthAndSafety', fields: [{ key: 'healthAndSafety', kind: 'long' }] },
  {
    item: 'complaintHandling',
    fields: [
      ...person('complaintHandling.agencyDesk'),
      ...person('complaintHandling.clientDesk'),
      { key: 'complaintHandling.procedure', kind: 'long' },
    ],
  },
  { item: 'cancellationMeasures', fields: [{ key: 'cancellationMeasures', kind: 'long' }] },
  { item: 'agencyManager', fields: person('agencyManager') },
  { item: 'clientManager', fields: person('clientManager') },
  { item: 'overtimeAndHolidayWork', fields: [{ key: 'overtimeAndHolidayWork', kind: 'text' }] },
  { item: 'welfareFacilities', fields: [{ key: 'welfareFacilities', kind: 'text' }] },
  { item: 'directHireDisputePrevention', fields: [{ key: 'directHireDisputePrevention', kind: 'long' }] },
  {
    item: 'workerLimitation',
    fields: [
      { key: 'workerLimitation.agreementCoveredOnly', kind: 'yesNo' },
      { key: 'workerLimitation.indefiniteTermOrAged60Only', kind: 'yesNo' },
    ],
  },
  { item: 'numberOfWorkers', fields: [{ key: 'numberOfWorkers', kind: 'int' }] },
  { item: 'billingRateYenPerHour', fields: [{ key: 'billingRateYenPerHour', kind: 'int' }] },
  { item: 'wageYenPerHour', fields: [{ key: 'wageYenPerHour', kind: 'int' }] },
];

export const TERM_FIELDS: TermField[] = TERM_GROUPS.flatMap((g) => g.fields);

export type TermValues = Record<string, string>;

const get = (source: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as never)[k] : undefined), source);

/** The form's values from the terms as stored (empty where nothing is stored). */
export function termValuesOf(terms: unknown): TermValues {
  const values: TermValues = {};
  for (const f of TERM_FIELDS) {
    const v = get(terms, f.key);
    values[f.key] = v === undefined || v === null ? '' : f.kind === 'yesNo' ? (v ? 'yes' : 'no') : String(v);
  }
  return values;
}

/**
 * The part to save: each item whose inputs are all filled (a person needs name, title and phone;
 * working hours start and end; the complaint handling both desks and the procedure), nothing else,
 * so the API keeps what is stored for the rest. A number that is not a whole number is sent as
 * given (the API names the field). Items half filled are returned in `incomplete`.
 */
export function termsPart(values: TermValues): { terms: Record<string, unknown>; incomplete: string[] } {
  const terms: Record<string, unknown> = {};
  const incomplete: string[] = [];
  for (const group of TERM_GROUPS) {
    const filled = group.fields.filter((f) => (values[f.key] ?? '').trim() !== '');
    if (filled.length === 0) continue;
    if (filled.length < group.fields.length) {
      incomplete.push(group.item);
      continue;
    }
    for (const f of group.fields) {
      const raw = (values[f.key] as string).trim();
      const value =
        f.kind === 'int' ? (/^\d+$/.test(raw) ? Number(raw) : raw) : f.kind === 'yesNo' ? raw === 'yes' : raw;
      const path = f.key.split('.');
      let target = terms;
      for (const k of path.slice(0, -1)) {
        target[k] = target[k] ?? {};
        target = target[k] as Record<string, unknown>;
      }
      target[path[path.length - 1] as string] = value;
    }
  }
  return { terms, incomplete };
}

/**
 * Where a refusal of `decideWorker` goes on the form: the period check (the conflict date or the
 * worker's 3-year limit) and the draft's state belong to the worker picked; a field error to its field.
 */
export function workerDecisionErrors(outcome: {
  message: string;
  fields: Record<string, string>;
}): Record<string, string> {
  const fields = { ...outcome.fields };
  if (Object.keys(fields).length === 0) fields.workerId = outcome.message;
  return fields;
}

/** The documents of a register entry that can be opened (the roles allowed to download). */
export function openableDocuments(entry: {
  hasSignedPdf: boolean;
  hasReviewedText: boolean;
}): ('SIGNED_PDF' | 'REVIEWED_TEXT')[] {
  return [
    ...(entry.hasSignedPdf ? (['SIGNED_PDF'] as const) : []),
    ...(entry.hasReviewedText ? (['REVIEWED_TEXT'] as const) : []),
  ];
}

/** A 06_2 whose own text legal reviews: a non-standard basic contract with its PDF. */
export function reviewableText(application: {
  type: string;
  contractExecution?: { form: string; fileName?: string | null } | null;
}): boolean {
  return application.type === 'CONTRACT_EXECUTION' && application.contractExecution?.form === 'NON_STANDARD';
}

const shown = (v: unknown) =>
  v === undefined || v === null || v === '' ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

/** An order's conflict as rows: each differing field with the last agreed, the hub's and kintone's value. */
export function conflictRows(conflict: {
  differingFields: readonly {
    field: string;
    agreed?: string | null;
    hub?: string | null;
    source?: string | null;
  }[];
}): { field: string; agreed: string; hub: string; kintone: string }[] {
  return conflict.differingFields.map((f) => ({
    field: f.field,
    agreed: shown(f.agreed),
    hub: shown(f.hub),
    kintone: shown(f.source),
  }));
}
