import type { InquiryChannel } from '../inquiries/inquiry.js';
import type { KintoneApp } from './kintone-app.js';

/** Order statuses in the kintone orders app (docs/policy.md, "Orders in kintone"). */
export const ORDER_STATUSES = ['INQUIRY', 'RECEIVED', 'PENDING_APPROVAL', 'OPEN', 'CLOSED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** How an order ended (A7-4): filled by a worker, lost to a competitor or the client, cancelled. */
export const ORDER_CLOSE_OUTCOMES = ['FILLED', 'LOST', 'CANCELLED'] as const;
export type OrderCloseOutcome = (typeof ORDER_CLOSE_OUTCOMES)[number];

/** The fields of an order the hub's staff may change (`updateOrder`); the rest comes from intake. */
export const ORDER_EDITABLE_FIELDS = [
  'jobCategory',
  'requestedStart',
  'summary',
  'establishmentId',
  'organisationalUnitId',
] as const;
export type OrderEditableField = (typeof ORDER_EDITABLE_FIELDS)[number];

/** One order (オーダー / 案件) as the hub writes it to the orders app. */
export interface OrderRecord {
  /** The hub's id of the order (the unique key in kintone). */
  hubId: string;
  clientId: string;
  clientName: string;
  status: OrderStatus;
  inquiryId?: string;
  channel?: InquiryChannel;
  /** The sales department the order is shared with. */
  department?: string;
  jobCategory?: string;
  requestedStart?: string;
  /** The inquiry's text, as the sales team reads it in kintone. */
  summary?: string;
  /** The client's establishment (事業所) the worker is dispatched to. */
  establishmentId?: string;
  /** The organisational unit (組織単位) within that establishment. */
  organisationalUnitId?: string;
  /** Set when the order is closed (status CLOSED), with the reason. */
  closeOutcome?: OrderCloseOutcome;
  closeReason?: string;
  /**
   * The order's latest signed individual contract (個別契約, A7-4), written by the hub when the
   * contract is signed and stored (and again by its renewal). Fields of their own, never staff's:
   * updateOrder does not change them.
   */
  individualContractId?: string;
  /** 派遣期間 (YYYY-MM-DD). */
  contractStartDate?: string;
  contractEndDate?: string;
  /** The dispatched worker's code in the worker register (スタッフコード). */
  contractWorkerId?: string;
  /** The day (JST) the client signed it. */
  contractSignedOn?: string;
  /** 保管期限 of the signed contract (YYYY-MM-DD). */
  contractRetentionUntil?: string;
  /** Where G-Staff keeps the signed PDF. */
  contractGStaffId?: string;
}

export type OrdersApp = KintoneApp<OrderRecord>;

/** One visit record (訪問記録) as the hub writes it to the visit app (A3-6). */
export interface VisitRecordEntry {
  hubId: string;
  clientId: string;
  clientName: string;
  salesRepId: string;
  visitedAt: string;
  endedAt: string;
  recordedAt: string;
  /** 期限内 / 期限超過: whether the record was entered within 24 hours of the visit's end. */
  recordTimeliness: 'ON_TIME' | 'LATE';
  workJudgment: 'PERMITTED' | 'PROHIBITED';
  outcome: 'REQUEST_LIKELY' | 'NO_REQUEST_YET' | 'REJECTED_PROHIBITED_WORK';
  /** Everything else of the record, as the sales team reads it. */
  summary: string;
}

export type VisitRecordsApp = KintoneApp<VisitRecordEntry>;
