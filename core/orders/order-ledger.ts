/**
 * The ledger's reads of orders (A7-4): the orders app's records as the ledger holds them
 * (`KINTONE_RECORD` of app `orders`, docs/sync.md), newest first, each from one keyed
 * partition — a client's, a department's, or all — never a scan.
 */

import type { OrderStatus } from '../kintone/order.js';
import type { Page } from '../ledger.js';
import type { SyncedKintoneRecord } from '../sync/sync-model.js';

/** At most this many clients in one `clientIds` filter (DynamoDB's `IN` takes 100 operands). */
export const MAX_ORDER_QUERY_CLIENTS = 100;

export interface OrderQuery {
  /** One client's orders (its partition). */
  clientId?: string;
  /** The order's sales department (`department` of the order, not the client's). */
  department?: string;
  /** Only orders of these clients (a rep's clients); at most MAX_ORDER_QUERY_CLIENTS. */
  clientIds?: readonly string[];
  status?: OrderStatus;
  first: number;
  after?: string;
}

export interface OrderLedger {
  /** Orders newest first (a client's: newest kintone record first). */
  listOrders(query: OrderQuery): Promise<Page<SyncedKintoneRecord>>;
}
