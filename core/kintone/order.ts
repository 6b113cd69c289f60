import type { InquiryChannel } from '../inquiries/inquiry.js';
import type { KintoneApp } from './kintone-app.js';

/** Order statuses in the kintone orders app (policy.md, "Orders in kintone"). */
export const ORDER_STATUSES = ['INQUIRY', 'RECEIVED', 'PENDING_APPROVAL', 'OPEN', 'CLOSED'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

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
}

export type OrdersApp = KintoneApp<OrderRecord>;

/** One visit record (訪問記録) as the hub writes it to the visit app; the visit issue extends it. */
export interface VisitRecordEntry {
  hubId: string;
  clientId: string;
  clientName: string;
  salesRepId: string;
  visitedAt: string;
  summary?: string;
}

export type VisitRecordsApp = KintoneApp<VisitRecordEntry>;
