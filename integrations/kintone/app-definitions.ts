/**
 * The kintone apps the hub writes, one definition per app: field codes, types, which field is
 * unique, and the mapping between the hub's record and kintone's fields. The sandbox builds its
 * apps from these, and docs/integrations/kintone.md lists them for the agency to create.
 */
import { ORDER_STATUSES, type OrderRecord, type VisitRecordEntry } from '../../core/kintone/order.js';

export type KintoneFieldType =
  | 'SINGLE_LINE_TEXT'
  | 'MULTI_LINE_TEXT'
  | 'NUMBER'
  | 'DATE'
  | 'DATETIME'
  | 'DROP_DOWN'
  | 'RECORD_NUMBER'
  | 'CREATED_TIME'
  | 'UPDATED_TIME';

export interface KintoneFieldDefinition {
  code: string;
  type: KintoneFieldType;
  label: string;
  required?: boolean;
  unique?: boolean;
  options?: readonly string[];
}

export interface KintoneAppDefinition<T extends { hubId: string }> {
  key: 'orders' | 'visits';
  name: string;
  /** The app id the sandbox gives the app (a real tenant's id comes from configuration). */
  sandboxAppId: string;
  fields: readonly KintoneFieldDefinition[];
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

export const ordersApp: KintoneAppDefinition<OrderRecord> = {
  key: 'orders',
  name: 'オーダー管理 (orders)',
  sandboxAppId: '1',
  fields: [
    { code: HUB_ID_FIELD, type: 'SINGLE_LINE_TEXT', label: 'ハブID', required: true, unique: true },
    { code: 'client_id', type: 'SINGLE_LINE_TEXT', label: '顧客ID', required: true },
    { code: 'client_name', type: 'SINGLE_LINE_TEXT', label: '顧客名', required: true },
    { code: 'status', type: 'DROP_DOWN', label: 'ステータス', required: true, options: ORDER_STATUSES },
    { code: 'inquiry_id', type: 'SINGLE_LINE_TEXT', label: '問い合わせID' },
    { code: 'channel', type: 'DROP_DOWN', label: '受付経路', options: ['WEB', 'PHONE'] },
    { code: 'department', type: 'SINGLE_LINE_TEXT', label: '担当営業部' },
    { code: 'job_category', type: 'SINGLE_LINE_TEXT', label: '職種' },
    { code: 'requested_start', type: 'SINGLE_LINE_TEXT', label: '希望開始時期' },
    { code: 'summary', type: 'MULTI_LINE_TEXT', label: '依頼内容' },
  ],
  mapping: {
    hubId: HUB_ID_FIELD,
    clientId: 'client_id',
    clientName: 'client_name',
    status: 'status',
    inquiryId: 'inquiry_id',
    channel: 'channel',
    department: 'department',
    jobCategory: 'job_category',
    requestedStart: 'requested_start',
    summary: 'summary',
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

/** kintone's write shape for the given hub fields (absent properties are left out). */
export function toKintoneRecord<T extends { hubId: string }>(
  app: KintoneAppDefinition<T>,
  fields: Partial<T>,
): Record<string, { value: string }> {
  const record: Record<string, { value: string }> = {};
  for (const [property, code] of Object.entries(app.mapping) as [keyof T & string, string][]) {
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
