/**
 * Changing and closing an order from the hub (A7-4): `updateOrder` changes the order's editable
 * fields, `closeOrder` closes it (FILLED / LOST / CANCELLED, with a reason) by the orders app's
 * process-management action. Neither writes kintone directly: each owes kintone one write
 * through the kintone outbox, in the same transaction as its audit event, and the dispatcher
 * writes only the fields the hub changed at the `$revision` both sides agreed on
 * (docs/sync.md). A change made meanwhile in kintone to the same field becomes a
 * `SyncConflict` showing both versions; nothing is overwritten.
 *
 * The caller names the revision it saw: an order kintone changed since (already in the ledger)
 * is a ConflictError to reload, never a blind write. Repeating a change that is already the
 * order's (a retry after a lost answer) does nothing and answers with the order.
 * Roles: sales of the order's department and up. Requirements: A7-4, X-1, X-3, X-4, X-5.
 */
import * as z from 'zod';
import { type Actor, assertMay } from '../access.js';
import { auditChange, userActor } from '../audit.js';
import { clientTrail } from '../clients/client.js';
import { ConflictError, PreconditionFailedError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import { enqueueKintoneWrite } from '../kintone/kintone-outbox.js';
import { ORDER_CLOSE_OUTCOMES, type OrderEditableField, type OrderRecord } from '../kintone/order.js';
import type { LedgerWrite } from '../ledger.js';
import type { RecordFields } from '../sync/sync-model.js';
import { changedFieldNames } from '../sync/three-way-merge.js';
import { parseInput } from '../validation.js';
import { assertPlacementOfClient } from './order-placement.js';
import { loadOrderRecord, ordersWithSyncState } from './order-queries.js';
import { hubWantedOrder, type Order, orderOf, writesOfOrder } from './order-view.js';

const orderId = z.string().trim().min(1).max(200);
const revision = z.number().int().min(1);
const text = (max: number) => z.string().trim().max(max);

const updateOrderInput = z
  .strictObject({
    orderId,
    revision,
    jobCategory: text(200).optional(),
    requestedStart: text(200).optional(),
    summary: text(10_000).optional(),
    establishmentId: text(200).optional(),
    organisationalUnitId: text(200).optional(),
  })
  .refine(
    (v) => Object.keys(v).some((k) => k !== 'orderId' && k !== 'revision'),
    'give at least one field to change',
  );

const closeOrderInput = z.strictObject({
  orderId,
  revision,
  outcome: z.enum(ORDER_CLOSE_OUTCOMES),
  reason: text(2000).min(1, 'a reason is required to close an order'),
});

export async function updateOrder(deps: HubDeps, actor: Actor, input: unknown): Promise<Order> {
  assertMay(actor, 'order.manage');
  const { orderId: id, revision: seen, ...edits } = parseInput(updateOrderInput, input);
  return changeOrder(deps, actor, id, seen, 'order.update', edits as Pick<OrderRecord, OrderEditableField>);
}

export async function closeOrder(deps: HubDeps, actor: Actor, input: unknown): Promise<Order> {
  assertMay(actor, 'order.manage');
  const cmd = parseInput(closeOrderInput, input);
  return changeOrder(deps, actor, cmd.orderId, cmd.revision, 'order.close', {
    status: 'CLOSED',
    closeOutcome: cmd.outcome,
    closeReason: cmd.reason,
  });
}

async function changeOrder(
  deps: HubDeps,
  actor: Actor,
  id: string,
  seenRevision: number,
  operation: 'order.update' | 'order.close',
  edits: Partial<OrderRecord>,
): Promise<Order> {
  const synced = await loadOrderRecord(deps, actor, id);
  const entries = await deps.ledger.listKintoneOutboxEntriesOfClient(synced.clientId);
  const order = orderOf(synced, entries);
  if (synced.openConflictId) {
    throw new PreconditionFailedError(
      'ORDER_SYNC_CONFLICT_OPEN',
      `the order was changed in the hub and in kintone: resolve sync conflict ${synced.openConflictId} first`,
    );
  }
  if (synced.deletedInKintoneAt) {
    throw new PreconditionFailedError('ORDER_DELETED_IN_KINTONE', 'the order was deleted in kintone');
  }
  const now = order.fields as unknown as RecordFields;
  const wantedNow = { ...now, ...edits } as RecordFields;
  const changed = changedFieldNames(now, wantedNow).filter((f) => f in edits);
  if (changed.length === 0) return order; // already so: a repeated request changes nothing
  if (order.fields.status === 'CLOSED') {
    throw new PreconditionFailedError('ORDER_CLOSED', 'the order is closed; it can no longer be changed');
  }
  if (seenRevision !== synced.revision) {
    throw new ConflictError(
      `the order changed in kintone since you read it (revision ${seenRevision}, now ${synced.revision}): reload it and decide again`,
    );
  }
  const placement = {
    establishmentId: (edits.establishmentId ?? order.fields.establishmentId) || undefined,
    organisationalUnitId: (edits.organisationalUnitId ?? order.fields.organisationalUnitId) || undefined,
  };
  if ('establishmentId' in edits || 'organisationalUnitId' in edits)
    await assertPlacementOfClient(deps, synced.clientId, placement, 'input');

  // The newest write the hub owes carries everything it wants: it replaces the older ones, so an
  // older write retried later can never undo a newer change.
  const wanted: OrderRecord = { ...hubWantedOrder(synced, entries), ...edits };
  const at = deps.clock.now().toISOString();
  const superseded: LedgerWrite[] = writesOfOrder(entries, id)
    .filter((e) => e.state === 'PENDING' || e.state === 'FAILED')
    .map((e) => ({
      entity: {
        type: 'KINTONE_OUTBOX_ENTRY',
        value: { ...e, state: 'SUPERSEDED', version: e.version + 1, updatedAt: at },
      },
      expectedVersion: e.version,
    }));
  // The order's record is written at the version read, so two changes at once cannot both pass.
  const touched = { ...synced, version: synced.version + 1, updatedAt: at };
  await deps.ledger.commit(
    [
      ...superseded,
      { entity: { type: 'KINTONE_RECORD', value: touched }, expectedVersion: synced.version },
      enqueueKintoneWrite(deps.ids, at, {
        app: 'orders',
        order: wanted,
        hubId: id,
        clientId: synced.clientId,
        subjectType: 'INQUIRY',
        subjectId: synced.fields.inquiryId ?? id,
      }),
    ],
    [
      auditChange(deps.ids, {
        trail: clientTrail(synced.clientId),
        at,
        actor: userActor(actor),
        operation,
        subjectType: 'ORDER',
        subjectId: id,
        before: Object.fromEntries(changed.map((f) => [f, now[f] ?? null])),
        after: Object.fromEntries(changed.map((f) => [f, wantedNow[f] ?? null])),
      }),
    ],
  );
  const [after] = await ordersWithSyncState(deps, [touched]);
  return after as Order;
}
