/**
 * The `orders` view (A7-4): the ledger's orders by client, status, department and rep, paged
 * like the client ledger and scoped like it — sales and managers see their own department's
 * orders (the order's department), everyone else who reads the ledger sees all. Each order
 * carries its sync state with kintone. Requirements: A7-4, X-3, X-5.
 */
import { type Actor, assertMay, assertSeesDepartment, departmentToList } from '../access.js';
import { getClient } from '../clients/client-queries.js';
import { NotFoundError, PreconditionFailedError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import type { KintoneOutboxEntry } from '../kintone/kintone-outbox.js';
import type { OrderStatus } from '../kintone/order.js';
import type { Page } from '../ledger.js';
import type { SyncedKintoneRecord } from '../sync/sync-model.js';
import { MAX_ORDER_QUERY_CLIENTS } from './order-ledger.js';
import { type Order, orderOf } from './order-view.js';

export interface OrderFilter {
  clientId?: string;
  status?: OrderStatus;
  department?: string;
  /** 担当営業: the orders of the clients this rep is assigned to. */
  salesRepId?: string;
}

const MAX_PAGE_SIZE = 100;

/** The department an order belongs to: its own, else its client's. */
export async function departmentOfOrder(deps: HubDeps, synced: SyncedKintoneRecord) {
  return synced.fields.department ?? (await deps.ledger.getClient(synced.clientId))?.department;
}

/** The orders with their sync state, given the outbox entries of their clients (one read per client). */
export async function ordersWithSyncState(
  deps: HubDeps,
  records: readonly SyncedKintoneRecord[],
): Promise<Order[]> {
  const clientIds = [...new Set(records.map((r) => r.clientId))];
  const entries = new Map<string, KintoneOutboxEntry[]>(
    await Promise.all(
      clientIds.map(
        async (id) =>
          [id, await deps.ledger.listKintoneOutboxEntriesOfClient(id)] as [string, KintoneOutboxEntry[]],
      ),
    ),
  );
  return records.map((r) => orderOf(r, entries.get(r.clientId) ?? []));
}

/** One order the actor may see. */
export async function loadOrderRecord(
  deps: HubDeps,
  actor: Actor,
  orderId: string,
): Promise<SyncedKintoneRecord> {
  assertMay(actor, 'client.read');
  const [synced] = await deps.ledger.getSyncedKintoneRecords('orders', [orderId]);
  if (!synced) throw new NotFoundError('Order', orderId);
  assertSeesDepartment(actor, await departmentOfOrder(deps, synced));
  return synced;
}

export async function getOrder(deps: HubDeps, actor: Actor, orderId: string): Promise<Order> {
  const synced = await loadOrderRecord(deps, actor, orderId);
  const [order] = await ordersWithSyncState(deps, [synced]);
  return order as Order;
}

export async function listOrders(
  deps: HubDeps,
  actor: Actor,
  filter: OrderFilter,
  page: { first?: number; after?: string },
): Promise<Page<Order>> {
  assertMay(actor, 'client.read');
  const department = departmentToList(actor, filter.department, 'orders');
  if (filter.clientId) await getClient(deps, actor, filter.clientId);
  let clientIds: string[] | undefined;
  if (filter.salesRepId) {
    const clients = await deps.ledger.listClients({
      salesRepId: filter.salesRepId,
      first: MAX_ORDER_QUERY_CLIENTS,
    });
    if (clients.hasNextPage) {
      throw new PreconditionFailedError(
        'TOO_MANY_CLIENTS',
        `the rep has more than ${MAX_ORDER_QUERY_CLIENTS} clients: filter by client or department instead`,
      );
    }
    clientIds = clients.items.map((c) => c.clientId);
  }
  const records = await deps.ledger.listOrders({
    ...(filter.clientId ? { clientId: filter.clientId } : {}),
    ...(department ? { department } : {}),
    ...(clientIds ? { clientIds } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    first: Math.min(Math.max(page.first ?? 20, 1), MAX_PAGE_SIZE),
    ...(page.after ? { after: page.after } : {}),
  });
  return { ...records, items: await ordersWithSyncState(deps, records.items) };
}
