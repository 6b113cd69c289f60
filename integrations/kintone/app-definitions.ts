/**
 * The kintone apps the hub writes, one definition per app: field codes, types, which field is
 * unique, and the mapping between the hub's record and kintone's fields. The sandbox builds its
 * apps from these, and docs/integrations/kintone.md lists them for the agency to create.
 */
import {
  ORDER_CLOSE_OUTCOMES,
  ORDER_STATUSES,
  type OrderRecord,
  type VisitRecordEntry,
} from '../../core/kintone/order.js';

export type KintoneFieldType =
  | 'SINGLE_LINE_TEXT'
  | 'MULTI_LINE_TEXT'
  | 'NUMBER'
  | 'DATE'
  | 'DATETIME'
  | 'DROP_DOWN'
  | 'RECORD_NUMBER'
  | 'CREATED_TIME'
  | 'UPDATED_TIME'
  | 'STATUS'
  | 'STATUS_ASSIGNEE';

export interface KintoneFieldDefinition {
  code: string;
  type: KintoneFieldType;
  label: string;
  required?: boolean;
  unique?: boolean;
  options?: readonly string[];
}

/** One action of kintone's process management (プロセス管理): a button that moves a record `from` → `to`. */
export interface KintoneProcessAction {
  name: string;
  from: string;
  to: string;
}

/**
 * kintone's process management of an app: its states in order (a new record starts in the
 * first) and the actions between them. The status is kintone's system field `ステータス`,
 * changed only by running an action.
 */
export interface KintoneProcessManagement {
  states: readonly string[];
  actions: readonly KintoneProcessAction[];
  /** States a path never passes through on its way elsewhere (e.g. CLOSED: never close to reopen). */
  endStates?: readonly string[];
}

export interface KintoneAppDefinition<T extends { hubId: string }> {
  key: 'orders' | 'visits';
  name: string;
  /** The app id the sandbox gives the app (a real tenant's id comes from configuration). */
  sandboxAppId: string;
  fields: readonly KintoneFieldDefinition[];
  /** kintone's process management, when the app uses it. */
  process?: KintoneProcessManagement;
  /** The hub's property → the kintone field code. Every property maps to a text-like field. */
  mapping: { readonly [K in keyof T]-?: string };
}

/** System fields every app has (kintone creates them); the hub reads but never writes them. */
export const SYSTEM_FIELDS: readonly KintoneFieldDefinition[] = [
  { code: 'レコード番号', type: 'RECORD_NUMBER', label: 'レコード番号' },
  { code: '作成日時', type: 'CREATED_TIME', label: '作成日時' },
  { code: '更新日時', type: 'UPDATED_TIME', label: '更新日時' },
];

export const UPDATED_TIME_FIELD = '更新日時';
export const HUB_ID_FIELD = 'hub_id';
/** The system fields kintone adds when process management is on (field codes fixed by kintone). */
export const STATUS_FIELD = 'ステータス';
export const ASSIGNEE_FIELD = '作業者';
export const PROCESS_FIELDS: readonly KintoneFieldDefinition[] = [
  { code: STATUS_FIELD, type: 'STATUS', label: 'ステータス' },
  { code: ASSIGNEE_FIELD, type: 'STATUS_ASSIGNEE', label: '作業者' },
];

/** The system fields of an app: kintone's usual ones, plus ステータス and 作業者 with process management. */
export function systemFieldsOf(app: { process?: KintoneProcessManagement }): KintoneFieldDefinition[] {
  return app.process ? [...SYSTEM_FIELDS, ...PROCESS_FIELDS] : [...SYSTEM_FIELDS];
}

/** The orders app's process management: its states are the order statuses. */
export const ORDER_PROCESS: KintoneProcessManagement = {
  states: ORDER_STATUSES,
  actions: [
    { name: '与信承認', from: 'INQUIRY', to: 'RECEIVED' },
    { name: '承認申請', from: 'RECEIVED', to: 'PENDING_APPROVAL' },
    { name: '承認', from: 'PENDING_APPROVAL', to: 'OPEN' },
    { name: '差戻し', from: 'PENDING_APPROVAL', to: 'RECEIVED' },
    { name: 'クローズ', from: 'INQUIRY', to: 'CLOSED' },
    { name: 'クローズ', from: 'RECEIVED', to: 'CLOSED' },
    { name: 'クローズ', from: 'PENDING_APPROVAL', to: 'CLOSED' },
    { name: 'クローズ', from: 'OPEN', to: 'CLOSED' },
    { name: '再開', from: 'CLOSED', to: 'OPEN' },
  ],
  endStates: ['CLOSED'],
};

/**
 * The actions that lead from `from` to `to`, fewest first, never passing through an end state
 * on the way; `[]` when already there, `undefined` when no sequence of actions leads there.
 */
export function actionPath(
  process: KintoneProcessManagement,
  from: string,
  to: string,
): KintoneProcessAction[] | undefined {
  if (from === to) return [];
  const reached = new Map<string, KintoneProcessAction[]>([[from, []]]);
  let frontier = [from];
  while (frontier.length) {
    const next: string[] = [];
    for (const state of frontier) {
      if (state !== from && process.endStates?.includes(state)) continue;
      for (const action of process.actions.filter((a) => a.from === state)) {
        if (reached.has(action.to)) continue;
        const path = [...(reached.get(state) ?? []), action];
        if (action.to === to) return path;
        reached.set(action.to, path);
        next.push(action.to);
      }
    }
    frontier = next;
  }
  return undefined;
}

export const ordersApp: KintoneAppDefinition<OrderRecord> = {
  key: 'orders',
  name: 'オーダー管理 (orders)',
  sandboxAppId: '1',
  fields: [
    { code: HUB_ID_FIELD, type: 'SINGLE_LINE_TEXT', label: 'ハブID', required: true, unique: true },
    { code: 'client_id', type: 'SINGLE_LINE_TEXT', label: '顧客ID', required: true },
    { code: 'client_name', type: 'SINGLE_LINE_TEXT', label: '顧客名', required: true },
    { code: 'inquiry_id', type: 'SINGLE_LINE_TEXT', label: '問い合わせID' },
    { code: 'channel', type: 'DROP_DOWN', label: '受付経路', options: ['WEB', 'PHONE'] },
    { code: 'department', type: 'SINGLE_LINE_TEXT', label: '担当営業部' },
    { code: 'job_category', type: 'SINGLE_LINE_TEXT', label: '職種' },
    { code: 'requested_start', type: 'SINGLE_LINE_TEXT', label: '希望開始時期' },
    { code: 'summary', type: 'MULTI_LINE_TEXT', label: '依頼内容' },
    { code: 'establishment_id', type: 'SINGLE_LINE_TEXT', label: '事業所ID' },
    { code: 'organisational_unit_id', type: 'SINGLE_LINE_TEXT', label: '組織単位ID' },
    { code: 'close_outcome', type: 'DROP_DOWN', label: 'クローズ結果', options: ORDER_CLOSE_OUTCOMES },
    { code: 'close_reason', type: 'MULTI_LINE_TEXT', label: 'クローズ理由' },
    // The order's latest signed individual contract, written by the hub only (A7-4).
    { code: 'individual_contract_id', type: 'SINGLE_LINE_TEXT', label: '個別契約ID' },
    { code: 'contract_start_date', type: 'DATE', label: '派遣開始日' },
    { code: 'contract_end_date', type: 'DATE', label: '派遣終了日' },
    { code: 'contract_worker_code', type: 'SINGLE_LINE_TEXT', label: '派遣労働者（スタッフコード）' },
    { code: 'contract_signed_on', type: 'DATE', label: '個別契約締結日' },
    { code: 'contract_retention_until', type: 'DATE', label: '個別契約書保管期限' },
    { code: 'contract_gstaff_id', type: 'SINGLE_LINE_TEXT', label: 'G-Staff契約ID' },
  ],
  process: ORDER_PROCESS,
  mapping: {
    hubId: HUB_ID_FIELD,
    clientId: 'client_id',
    clientName: 'client_name',
    status: STATUS_FIELD,
    inquiryId: 'inquiry_id',
    channel: 'channel',
    department: 'department',
    jobCategory: 'job_category',
    requestedStart: 'requested_start',
    summary: 'summary',
    establishmentId: 'establishment_id',
    organisationalUnitId: 'organisational_unit_id',
    closeOutcome: 'close_outcome',
    closeReason: 'close_reason',
    individualContractId: 'individual_contract_id',
    contractStartDate: 'contract_start_date',
    contractEndDate: 'contract_end_date',
    contractWorkerId: 'contract_worker_code',
    contractSignedOn: 'contract_signed_on',
    contractRetentionUntil: 'contract_retention_until',
    contractGStaffId: 'contract_gstaff_id',
  },
};

export const visitRecordsApp: KintoneAppDefinition<VisitRecordEntry> = {
  key: 'visits',
  name: '訪問記録 (visit records)',
  sandboxAppId: '2',
  fields: [
    { code: HUB_ID_FIELD, type: 'SINGLE_LINE_TEXT', label: 'ハブID', required: true, unique: true },
    { code: 'client_id', type: 'SINGLE_LINE_TEXT', label: '顧客ID', required: true },
    { code: 'client_name', type: 'SINGLE_LINE_TEXT', label: '顧客名', required: true },
    { code: 'sales_rep_id', type: 'SINGLE_LINE_TEXT', label: '担当営業', required: true },
    { code: 'visited_at', type: 'DATETIME', label: '訪問日時', required: true },
    { code: 'ended_at', type: 'DATETIME', label: '訪問終了', required: true },
    { code: 'recorded_at', type: 'DATETIME', label: '記録日時', required: true },
    {
      code: 'record_timeliness',
      type: 'DROP_DOWN',
      label: '記録期限（24時間）',
      required: true,
      options: ['ON_TIME', 'LATE'],
    },
    {
      code: 'work_judgment',
      type: 'DROP_DOWN',
      label: '派遣可否判断',
      required: true,
      options: ['PERMITTED', 'PROHIBITED'],
    },
    {
      code: 'outcome',
      type: 'DROP_DOWN',
      label: '訪問結果',
      required: true,
      options: ['REQUEST_LIKELY', 'NO_REQUEST_YET', 'REJECTED_PROHIBITED_WORK'],
    },
    { code: 'summary', type: 'MULTI_LINE_TEXT', label: '訪問内容', required: true },
  ],
  mapping: {
    hubId: HUB_ID_FIELD,
    clientId: 'client_id',
    clientName: 'client_name',
    salesRepId: 'sales_rep_id',
    visitedAt: 'visited_at',
    endedAt: 'ended_at',
    recordedAt: 'recorded_at',
    recordTimeliness: 'record_timeliness',
    workJudgment: 'work_judgment',
    outcome: 'outcome',
    summary: 'summary',
  },
};

export const KINTONE_APPS = [ordersApp, visitRecordsApp] as const;

/** The hub property kept in kintone's `ステータス` (changed by actions, never written as a field). */
export function statusPropertyOf<T extends { hubId: string }>(app: KintoneAppDefinition<T>) {
  if (!app.process) return undefined;
  const entry = Object.entries(app.mapping).find(([, code]) => code === STATUS_FIELD);
  return entry?.[0] as (keyof T & string) | undefined;
}

/**
 * kintone's write shape for the given hub fields (absent properties are left out). The status
 * is left out too: kintone sets `ステータス` only through process-management actions.
 */
export function toKintoneRecord<T extends { hubId: string }>(
  app: KintoneAppDefinition<T>,
  fields: Partial<T>,
): Record<string, { value: string }> {
  const record: Record<string, { value: string }> = {};
  for (const [property, code] of Object.entries(app.mapping) as [keyof T & string, string][]) {
    if (code === STATUS_FIELD && app.process) continue;
    const value = fields[property];
    if (value !== undefined && value !== null) record[code] = { value: String(value) };
  }
  return record;
}

/** The hub's fields from kintone's read shape; empty values become absent. */
export function fromKintoneRecord<T extends { hubId: string }>(
  app: KintoneAppDefinition<T>,
  record: Record<string, { type?: string; value: unknown }>,
): T {
  const fields: Record<string, string> = {};
  for (const [property, code] of Object.entries(app.mapping) as [string, string][]) {
    const value = record[code]?.value;
    if (typeof value === 'string' && value !== '') fields[property] = value;
  }
  return fields as unknown as T;
}
