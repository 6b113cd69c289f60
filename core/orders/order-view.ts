/**
 * An order as the hub shows it (A7-4, X-3): the orders app's record as the hub and kintone last
 * agreed on it (`KINTONE_RECORD`, docs/sync.md), with the hub's own changes not yet in kintone
 * laid over it, and where the two stand: PENDING (the hub owes kintone a write), SYNCED,
 * CONFLICT (changed on both sides; a person resolves the `SyncConflict`), FAILED (the write was
 * given up; a person looks).
 */
import type { HubDeps } from '../hub.js';
import type { KintoneOutboxEntry } from '../kintone/kintone-outbox.js';
import type { OrderRecord } from '../kintone/order.js';
import type { RecordFields, SyncedKintoneRecord } from '../sync/sync-model.js';
import { changedFieldNames } from '../sync/three-way-merge.js';

export const ORDER_SYNC_STATES = ['PENDING', 'SYNCED', 'CONFLICT', 'FAILED'] as const;
export type OrderSyncState = (typeof ORDER_SYNC_STATES)[number];

export interface Order {
  /** The hub's id of the order (`hub_id` in kintone). */
  orderId: string;
  clientId: string;
  /** The order's values as the hub sees them: kintone's, with the hub's pending changes. */
  fields: OrderRecord;
  kintoneRecordId: string;
  /** kintone's `$revision` both sides last agreed on: an update or close names it. */
  revision: number;
  kintoneUpdatedAt: string;
  lastChangedBy: 'HUB' | 'KINTONE';
  syncState: OrderSyncState;
  openConflictId?: string;
  /** The last error of a write not yet delivered (PENDING or FAILED), never personal data. */
  lastError?: string;
  deletedInKintoneAt?: string;
  updatedAt: string;
}

/** The hub's outbox writes of this order that are not superseded, newest last. */
export function writesOfOrder(entries: readonly KintoneOutboxEntry[], orderId: string) {
  return entries
    .filter((e) => e.app === 'orders' && e.hubId === orderId && e.state !== 'SUPERSEDED')
    .sort((a, b) => `${a.createdAt}#${a.entryId}`.localeCompare(`${b.createdAt}#${b.entryId}`));
}

/** The newest write the hub still owes kintone for this order (PENDING, HELD or FAILED), if any. */
export function outstandingWrite(entries: readonly KintoneOutboxEntry[], orderId: string) {
  const newest = writesOfOrder(entries, orderId).at(-1);
  return newest && newest.state !== 'DONE' && newest.app === 'orders' ? newest : undefined;
}

/**
 * The whole order as the hub wants it in kintone now: its newest owed write, else what it last
 * wrote (else the agreed record). A new write of the order starts from this, so it carries every
 * change the hub still owes and replaces the older owed writes.
 */
export function hubWantedOrder(
  synced: SyncedKintoneRecord,
  entries: readonly KintoneOutboxEntry[],
): OrderRecord {
  const owed = outstandingWrite(entries, synced.hubId);
  return (owed?.app === 'orders' ? owed.order : (synced.hubFields ?? synced.fields)) as OrderRecord;
}

/**
 * The order as the hub wants it in kintone now, once kintone has it (else undefined). The approval
 * workflows' status changes start from it, so they carry what staff changed through `updateOrder`
 * instead of writing the inquiry's values back over it (A7-4).
 */
export async function currentHubOrder(
  deps: HubDeps,
  clientId: string,
  orderId: string,
): Promise<OrderRecord | undefined> {
  const [synced] = await deps.ledger.getSyncedKintoneRecords('orders', [orderId]);
  if (!synced) return undefined;
  return hubWantedOrder(synced, await deps.ledger.listKintoneOutboxEntriesOfClient(clientId));
}

/**
 * One of the client's orders as it stands, whether kintone has it yet or not: kintone's record
 * with the hub's changes not yet there laid over it (`orderOf`: a close by staff in kintone
 * shows), else the hub's newest write of it. Undefined for an order the client does not have.
 * Read through the client's lists, which a GraphQL page reads for all its rows at once.
 */
export async function currentOrder(
  deps: Pick<HubDeps, 'ledger'>,
  clientId: string,
  orderId: string,
): Promise<OrderRecord | undefined> {
  const [synced, entries] = await Promise.all([
    deps.ledger.listSyncedKintoneRecordsOfClient(clientId),
    deps.ledger.listKintoneOutboxEntriesOfClient(clientId),
  ]);
  const record = synced.find((r) => r.app === 'orders' && r.hubId === orderId);
  if (record) return orderOf(record, entries).fields;
  const newest = writesOfOrder(entries, orderId).at(-1);
  return newest?.app === 'orders' ? newest.order : undefined;
}

/**
 * How an order ended when no worker is dispatched under it: closed as lost or cancelled (in the
 * hub or by staff in kintone). An individual contract is neither drafted nor sent for such an
 * order; a FILLED order keeps its contracts and their renewals.
 */
export function closedWithoutDispatch(order: OrderRecord | undefined): 'LOST' | 'CANCELLED' | undefined {
  if (order?.status !== 'CLOSED') return undefined;
  return order.closeOutcome === 'LOST' || order.closeOutcome === 'CANCELLED' ? order.closeOutcome : undefined;
}

/** The order of a synced record, given the client's outbox entries. */
export function orderOf(synced: SyncedKintoneRecord, entries: readonly KintoneOutboxEntry[]): Order {
  const owed = outstandingWrite(entries, synced.hubId);
  const fields: RecordFields = { ...synced.fields };
  if (owed?.app === 'orders') {
    const wanted = owed.order as unknown as RecordFields;
    const base = synced.hubFields ?? synced.fields;
    for (const field of changedFieldNames(base, wanted)) if (field in wanted) fields[field] = wanted[field];
  }
  const pending = writesOfOrder(entries, synced.hubId).some((e) => e.state === 'PENDING');
  const syncState: OrderSyncState = synced.openConflictId
    ? 'CONFLICT'
    : pending
      ? 'PENDING'
      : owed?.state === 'FAILED'
        ? 'FAILED'
        : 'SYNCED';
  return {
    orderId: synced.hubId,
    clientId: synced.clientId,
    fields: fields as unknown as OrderRecord,
    kintoneRecordId: synced.recordId,
    revision: synced.revision,
    kintoneUpdatedAt: synced.kintoneUpdatedAt,
    lastChangedBy: synced.lastChangedBy,
    syncState,
    ...(synced.openConflictId ? { openConflictId: synced.openConflictId } : {}),
    ...(owed?.lastError && syncState !== 'SYNCED' ? { lastError: owed.lastError } : {}),
    ...(synced.deletedInKintoneAt ? { deletedInKintoneAt: synced.deletedInKintoneAt } : {}),
    updatedAt: synced.updatedAt,
  };
}
