/**
 * Delivers due kintone outbox entries (A1-3, A7-4, X-3). A first write is an upsert keyed by
 * the hub id, so an entry delivered twice (two dispatchers, or a lost answer) still makes one
 * record; later writes are revision-checked and never overwrite what kintone's staff changed. Retryable
 * failures wait with exponential back-off; after `maxAttempts`, or on a failure that retrying
 * cannot fix, the entry is FAILED and stays visible on the client.
 */
import { type AuditEvent, auditChange, systemActor } from '../audit.js';
import { clientTrail } from '../clients/client.js';
import { ConflictError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import type { LedgerWrite } from '../ledger.js';
import { afterFailedAttempt, type OutboxRetryPolicy } from '../outbox-retry.js';
import {
  conflictChange,
  fieldsOfWrite,
  takeSourceVersion,
  unconfirmedOf,
} from '../sync/apply-kintone-records.js';
import type { RecordFields, SyncedKintoneRecord } from '../sync/sync-model.js';
import { threeWayMerge } from '../sync/three-way-merge.js';
import type { KintoneApp, KintoneRecordRef, KintoneStored } from './kintone-app.js';
import type { KintoneOutboxEntry } from './kintone-outbox.js';
import type { OrdersApp, VisitRecordsApp } from './order.js';

export interface DispatchResult {
  delivered: number;
  retrying: number;
  failed: number;
  /** Held back by an open sync conflict. */
  held: number;
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
  const result: DispatchResult = { delivered: 0, retrying: 0, failed: 0, held: 0 };
  for (const entry of due) {
    const outcome = await deliver(deps, entry);
    result[outcome] += 1;
  }
  return result;
}

type Outcome = keyof DispatchResult;

const appOf = (deps: KintoneDispatchDeps, entry: KintoneOutboxEntry) =>
  (entry.app === 'visits' ? deps.visitRecordsApp : deps.ordersApp) as unknown as KintoneApp<{
    hubId: string;
  }>;

/**
 * One write owed to kintone. The first write of a record is an upsert by hub id; later ones
 * send only the fields the hub changed since its last write, at the revision both sides last
 * agreed on (docs/sync.md): a record kintone's staff changed meanwhile is re-read, their
 * changes are taken into the ledger, and only a field both sides changed becomes a conflict
 * (the write is then HELD until a person resolves it, never forced).
 */
async function deliver(deps: KintoneDispatchDeps, entry: KintoneOutboxEntry): Promise<Outcome> {
  const attempts = entry.attempts + 1;
  const wanted = fieldsOfWrite(entry);
  const kintone = appOf(deps, entry);
  const [synced] = await deps.ledger.getSyncedKintoneRecords(entry.app, [entry.hubId]);
  const extra: LedgerWrite[] = [];
  const extraAudit: AuditEvent[] = [];
  let after: KintoneOutboxEntry;
  const recreate = Boolean(entry.recreate && synced?.deletedInKintoneAt);
  try {
    if (synced?.openConflictId) return await hold(deps, entry, synced);
    let ref: KintoneRecordRef;
    let agreed: SyncedKintoneRecord | undefined = synced;
    if (!agreed || recreate) {
      ref = await kintone.upsert(wanted as { hubId: string });
    } else {
      let changes = threeWayMerge({
        agreed: agreed.fields,
        hubBase: agreed.hubFields ?? agreed.fields,
        hub: wanted,
        source: agreed.fields,
      }).hubChanges;
      if (agreed.deletedInKintoneAt && Object.keys(changes).length) {
        const { writes, audit } = conflictChange(
          deps,
          agreed,
          { fields: {}, revision: agreed.revision, updatedAt: agreed.deletedInKintoneAt },
          wanted,
          [entry],
          'HUB_WRITE',
        );
        await deps.ledger.commit(writes, audit);
        return 'held';
      }
      ref = { recordId: agreed.recordId, revision: agreed.revision };
      for (let round = 0; Object.keys(changes).length; round += 1) {
        try {
          ref = await kintone.update(agreed.recordId, changes as Partial<{ hubId: string }>, agreed.revision);
          break;
        } catch (error) {
          if (!(error instanceof ConflictError) || round > 0) throw error;
          // kintone changed since the last agreement: look before writing again.
          const current = (await kintone.get(agreed.recordId)) as KintoneStored<RecordFields> | undefined;
          if (!current) throw error;
          // What kintone shows may be one of the hub's own writes whose answer was lost.
          const hubUnconfirmed = await unconfirmedOf(deps, agreed);
          const merge = threeWayMerge({
            agreed: agreed.fields,
            hubBase: agreed.hubFields ?? agreed.fields,
            hub: wanted,
            source: current.fields,
            hubUnconfirmed,
          });
          if (merge.differing.length) {
            const { writes, audit } = conflictChange(
              deps,
              agreed,
              current,
              wanted,
              [entry],
              'HUB_WRITE',
              hubUnconfirmed,
            );
            await deps.ledger.commit(writes, audit);
            return 'held';
          }
          const taken = takeSourceVersion(deps, agreed, current);
          extraAudit.push(...taken.audit);
          agreed = { ...taken.value, version: agreed.version };
          changes = merge.hubChanges;
          ref = { recordId: current.recordId, revision: current.revision };
        }
      }
    }
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
    const fields = recreate ? wanted : { ...(agreed?.fields ?? wanted), ...pickChanged(agreed, wanted) };
    const record: SyncedKintoneRecord = {
      app: entry.app,
      hubId: entry.hubId,
      clientId: entry.clientId,
      recordId: ref.recordId,
      revision: ref.revision,
      kintoneUpdatedAt: agreed?.kintoneUpdatedAt ?? now,
      fields,
      hubFields: wanted,
      lastChangedBy: 'HUB',
      syncedAt: now,
      version: (agreed?.version ?? 0) + 1,
      createdAt: agreed?.createdAt ?? now,
      updatedAt: now,
    };
    extra.push({
      entity: { type: 'KINTONE_RECORD', value: record },
      ...(agreed ? { expectedVersion: agreed.version } : {}),
    });
  } catch (error) {
    const now = deps.clock.now();
    after = {
      ...entry,
      ...afterFailedAttempt(deps.outboxRetry, attempts, error, now),
      attempts,
      version: entry.version + 1,
      updatedAt: now.toISOString(),
    };
    extra.length = 0;
    extraAudit.length = 0;
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
      [{ entity: { type: 'KINTONE_OUTBOX_ENTRY', value: after }, expectedVersion: entry.version }, ...extra],
      [...extraAudit, ...audit],
    );
  } catch (error) {
    // Another dispatcher (or a sync run) recorded this first; the write was keyed or
    // revision-checked, so nothing is lost: the next round looks again.
    if (error instanceof ConflictError) return after.state === 'DONE' ? 'delivered' : 'retrying';
    throw error;
  }
  return after.state === 'DONE' ? 'delivered' : after.state === 'PENDING' ? 'retrying' : 'failed';
}

/** The hub's fields as now written, over what both sides agreed (kintone-only fields kept). */
function pickChanged(agreed: SyncedKintoneRecord | undefined, wanted: RecordFields): RecordFields {
  if (!agreed) return wanted;
  const base = agreed.hubFields ?? agreed.fields;
  return Object.fromEntries(
    Object.entries(wanted).filter(([field, value]) => (base[field] ?? '') !== (value ?? '')),
  );
}

/** A write for a record with an open conflict waits for its resolution. */
async function hold(
  deps: KintoneDispatchDeps,
  entry: KintoneOutboxEntry,
  synced: SyncedKintoneRecord,
): Promise<Outcome> {
  const conflict = await deps.ledger.getSyncConflict(synced.openConflictId as string);
  const at = deps.clock.now().toISOString();
  const writes: LedgerWrite[] = [
    {
      entity: {
        type: 'KINTONE_OUTBOX_ENTRY',
        value: { ...entry, state: 'HELD', version: entry.version + 1, updatedAt: at },
      },
      expectedVersion: entry.version,
    },
  ];
  if (conflict && !conflict.heldOutboxEntryIds.includes(entry.entryId)) {
    writes.push({
      entity: {
        type: 'SYNC_CONFLICT',
        value: {
          ...conflict,
          hubVersion: fieldsOfWrite(entry),
          // The newer write's own changes, measured against what the hub last wrote.
          hubChanged: threeWayMerge({
            agreed: synced.fields,
            hubBase: synced.hubFields ?? synced.fields,
            hub: fieldsOfWrite(entry),
            source: conflict.sourceVersion,
          }).hubChanged,
          heldOutboxEntryIds: [...conflict.heldOutboxEntryIds, entry.entryId],
          version: conflict.version + 1,
          updatedAt: at,
        },
      },
      expectedVersion: conflict.version,
    });
  }
  try {
    await deps.ledger.commit(writes, []);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
  return 'held';
}
