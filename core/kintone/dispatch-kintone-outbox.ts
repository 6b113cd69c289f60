/**
 * Delivers due kintone outbox entries (A1-3, X-3). Upserts are keyed by the hub id, so an
 * entry delivered twice (two dispatchers, or a lost answer) still makes one record. Retryable
 * failures wait with exponential back-off; after `maxAttempts`, or on a failure that retrying
 * cannot fix, the entry is FAILED and stays visible on the client.
 */
import { auditChange, systemActor } from '../audit.js';
import { clientTrail } from '../clients/client.js';
import { ConflictError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import { afterFailedAttempt, type OutboxRetryPolicy } from '../outbox-retry.js';
import type { KintoneOutboxEntry } from './kintone-outbox.js';
import type { OrdersApp, VisitRecordsApp } from './order.js';

export interface DispatchResult {
  delivered: number;
  retrying: number;
  failed: number;
}

export type { OutboxRetryPolicy };

export type KintoneDispatchDeps = HubDeps & {
  ordersApp: OrdersApp;
  visitRecordsApp: VisitRecordsApp;
  outboxRetry: OutboxRetryPolicy;
};

export async function dispatchKintoneOutbox(
  deps: KintoneDispatchDeps,
  options: { limit?: number } = {},
): Promise<DispatchResult> {
  const due = await deps.ledger.listDueKintoneOutboxEntries(deps.clock.now(), options.limit ?? 25);
  const result: DispatchResult = { delivered: 0, retrying: 0, failed: 0 };
  for (const entry of due) {
    const outcome = await deliver(deps, entry);
    result[outcome] += 1;
  }
  return result;
}

async function deliver(deps: KintoneDispatchDeps, entry: KintoneOutboxEntry): Promise<keyof DispatchResult> {
  let after: KintoneOutboxEntry;
  const attempts = entry.attempts + 1;
  try {
    const ref =
      entry.app === 'visits'
        ? await deps.visitRecordsApp.upsert(entry.visit)
        : await deps.ordersApp.upsert(entry.order);
    const now = deps.clock.now().toISOString();
    after = {
      ...entry,
      state: 'DONE',
      attempts,
      kintoneRecordId: ref.recordId,
      kintoneRevision: ref.revision,
      version: entry.version + 1,
      updatedAt: now,
    };
    delete after.lastError;
  } catch (error) {
    const now = deps.clock.now();
    after = {
      ...entry,
      ...afterFailedAttempt(deps.outboxRetry, attempts, error, now),
      attempts,
      version: entry.version + 1,
      updatedAt: now.toISOString(),
    };
  }
  // Only the outcomes a person cares about go into the client's audit trail, not every retry.
  const audit =
    after.state === 'PENDING'
      ? []
      : [
          auditChange(deps.ids, {
            trail: clientTrail(entry.clientId),
            at: after.updatedAt,
            actor: systemActor('kintone-sync'),
            operation: `kintone.${entry.app === 'visits' ? 'visitRecord' : 'order'}${after.state === 'DONE' ? 'Written' : 'WriteFailed'}`,
            subjectType: 'KINTONE_OUTBOX_ENTRY',
            subjectId: entry.entryId,
            before: { state: entry.state },
            after: {
              state: after.state,
              ...(after.kintoneRecordId ? { kintoneRecordId: after.kintoneRecordId } : {}),
              ...(after.lastError ? { lastError: after.lastError } : {}),
            },
          }),
        ];
  try {
    await deps.ledger.commit(
      [{ entity: { type: 'KINTONE_OUTBOX_ENTRY', value: after }, expectedVersion: entry.version }],
      audit,
    );
  } catch (error) {
    // Another dispatcher recorded this entry first; the upsert was idempotent, nothing is lost.
    if (error instanceof ConflictError) return after.state === 'DONE' ? 'delivered' : 'retrying';
    throw error;
  }
  return after.state === 'DONE' ? 'delivered' : after.state === 'PENDING' ? 'retrying' : 'failed';
}
