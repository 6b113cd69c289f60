/**
 * The one way a kintone record reaches the ledger (X-3, A7-3, A7-4; docs/sync.md): the
 * reconciliation, the webhook and the dispatcher's re-read all go through here. A record is
 * compared with what both sides last agreed on (its `$revision`): unchanged records cost no
 * write; a change made only in kintone is taken, versioned and audited on the client's trail;
 * a change made on both sides to the same field becomes a SyncConflict holding both versions,
 * and the hub's pending write is held back. Writes are batched (one transaction per batch);
 * when a batch loses a race it is redone one record at a time.
 */

import type { AuditEvent } from '../audit.js';
import { auditChange, systemActor } from '../audit.js';
import { clientTrail } from '../clients/client.js';
import { ConflictError } from '../errors.js';
import type { KintoneStored } from '../kintone/kintone-app.js';
import type { KintoneOutboxEntry } from '../kintone/kintone-outbox.js';
import type { LedgerWrite } from '../ledger.js';
import type { SyncDeps } from './job-runner.js';
import {
  type RecordFields,
  type SyncConflict,
  type SyncCounts,
  type SyncedKintoneApp,
  type SyncedKintoneRecord,
  syncConflictIdOf,
} from './sync-model.js';
import { threeWayMerge } from './three-way-merge.js';

/** Records per ledger transaction: each is one entity and one audit event (DynamoDB: ≤ 100 items). */
export const APPLY_BATCH = 40;
/** Batch transactions in flight at once within one page. */
export const APPLY_CONCURRENCY = 4;

export const kintoneActor = systemActor('kintone-sync');

export type StoredRecord = KintoneStored<RecordFields>;

interface Decision {
  outcome: keyof Pick<SyncCounts, 'created' | 'updated' | 'unchanged' | 'deleted' | 'conflicts' | 'failed'>;
  writes: LedgerWrite[];
  audit: AuditEvent[];
}

const noChange = (outcome: Decision['outcome']): Decision => ({ outcome, writes: [], audit: [] });

/** The record an outbox write sends, as kintone fields. */
export const fieldsOfWrite = (entry: KintoneOutboxEntry): RecordFields =>
  (entry.app === 'visits' ? entry.visit : entry.order) as unknown as RecordFields;

/** The hub's own view of the record: the newest pending outbox write for it, if any. */
export function wantedByHub(entries: readonly KintoneOutboxEntry[]): RecordFields | undefined {
  const latest = [...entries].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1);
  return latest && fieldsOfWrite(latest);
}

/**
 * The hub's writes of one record that may have reached kintone without the ledger recording it
 * (docs/sync.md "The hub's own lost writes"): kintone applied the write, then the hub stopped or
 * the answer was lost, or a newer write superseded it while it was being delivered. These are the
 * record's writes not DONE, made after its newest DONE write; HELD ones were never sent.
 */
export function unconfirmedHubWrites(
  entries: readonly KintoneOutboxEntry[],
  app: SyncedKintoneApp,
  hubId: string,
): RecordFields[] {
  const ofRecord = entries.filter((e) => e.app === app && e.hubId === hubId);
  const lastDone =
    ofRecord
      .filter((e) => e.state === 'DONE')
      .map((e) => e.createdAt)
      .sort()
      .at(-1) ?? '';
  return ofRecord
    .filter((e) => e.state !== 'DONE' && e.state !== 'HELD' && e.createdAt > lastDone)
    .map(fieldsOfWrite);
}

function recordAudit(
  deps: SyncDeps,
  operation: string,
  app: SyncedKintoneApp,
  synced: { clientId: string; hubId: string },
  before: RecordFields | undefined,
  after: RecordFields,
  at: string,
): AuditEvent {
  return auditChange(deps.ids, {
    trail: clientTrail(synced.clientId),
    at,
    actor: kintoneActor,
    operation,
    subjectType: 'KINTONE_RECORD',
    subjectId: `${app}:${synced.hubId}`,
    before,
    after,
  });
}

/** A conflict on `synced`: both versions kept, the pending writes held. */
export function conflictChange(
  deps: SyncDeps,
  synced: SyncedKintoneRecord,
  source: { fields: RecordFields; revision: number; updatedAt: string },
  hub: RecordFields,
  held: readonly KintoneOutboxEntry[],
  detectedBy: SyncConflict['detectedBy'],
  hubUnconfirmed: readonly RecordFields[] = [],
): { conflict: SyncConflict; writes: LedgerWrite[]; audit: AuditEvent[] } {
  const at = deps.clock.now().toISOString();
  const merge = threeWayMerge({
    agreed: synced.fields,
    hubBase: synced.hubFields ?? synced.fields,
    hub,
    source: source.fields,
    hubUnconfirmed,
  });
  const conflict: SyncConflict = {
    conflictId: syncConflictIdOf(synced.app, synced.hubId, at),
    system: 'kintone',
    app: synced.app,
    hubId: synced.hubId,
    clientId: synced.clientId,
    recordId: synced.recordId,
    status: 'OPEN',
    detectedAt: at,
    detectedBy,
    agreed: synced.fields,
    hubVersion: hub,
    sourceVersion: source.fields,
    sourceRevision: source.revision,
    sourceUpdatedAt: source.updatedAt,
    differingFields: merge.differing,
    hubChanged: merge.hubChanged,
    heldOutboxEntryIds: held.map((e) => e.entryId),
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const writes: LedgerWrite[] = [
    { entity: { type: 'SYNC_CONFLICT', value: conflict } },
    {
      entity: {
        type: 'KINTONE_RECORD',
        value: {
          ...synced,
          openConflictId: conflict.conflictId,
          syncedAt: at,
          version: synced.version + 1,
          updatedAt: at,
        },
      },
      expectedVersion: synced.version,
    },
    ...held.map(
      (entry): LedgerWrite => ({
        entity: {
          type: 'KINTONE_OUTBOX_ENTRY',
          value: { ...entry, state: 'HELD', version: entry.version + 1, updatedAt: at },
        },
        expectedVersion: entry.version,
      }),
    ),
  ];
  const audit = [
    auditChange(deps.ids, {
      trail: clientTrail(synced.clientId),
      at,
      actor: kintoneActor,
      operation: 'sync.conflictDetected',
      subjectType: 'SYNC_CONFLICT',
      subjectId: conflict.conflictId,
      before: undefined,
      after: {
        app: synced.app,
        hubId: synced.hubId,
        differingFields: merge.differing.map((d) => d.field),
      },
    }),
  ];
  return { conflict, writes, audit };
}

/** The ledger takes kintone's version of a record it already knows. */
export function takeSourceVersion(
  deps: SyncDeps,
  synced: SyncedKintoneRecord,
  record: StoredRecord,
): { value: SyncedKintoneRecord; writes: LedgerWrite[]; audit: AuditEvent[] } {
  const at = deps.clock.now().toISOString();
  const value: SyncedKintoneRecord = {
    ...synced,
    clientId: record.fields.clientId ?? synced.clientId,
    fields: record.fields,
    revision: record.revision,
    kintoneUpdatedAt: record.updatedAt,
    lastChangedBy: 'KINTONE',
    syncedAt: at,
    version: synced.version + 1,
    updatedAt: at,
  };
  delete value.deletedInKintoneAt;
  return {
    value,
    writes: [{ entity: { type: 'KINTONE_RECORD', value }, expectedVersion: synced.version }],
    audit: [
      recordAudit(deps, `kintone.${synced.app}.changed`, synced.app, value, synced.fields, record.fields, at),
    ],
  };
}

function decide(
  deps: SyncDeps,
  app: SyncedKintoneApp,
  record: StoredRecord,
  synced: SyncedKintoneRecord | undefined,
  pending: readonly KintoneOutboxEntry[],
  hubUnconfirmed: readonly RecordFields[] = [],
): Decision {
  const at = deps.clock.now().toISOString();
  const hubId = record.fields.hubId;
  if (!hubId || !record.fields.clientId) return noChange('failed');
  if (!synced) {
    const value: SyncedKintoneRecord = {
      app,
      hubId,
      clientId: record.fields.clientId,
      recordId: record.recordId,
      revision: record.revision,
      kintoneUpdatedAt: record.updatedAt,
      fields: record.fields,
      lastChangedBy: 'KINTONE',
      syncedAt: at,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    return {
      outcome: 'created',
      writes: [{ entity: { type: 'KINTONE_RECORD', value } }],
      audit: [recordAudit(deps, `kintone.${app}.created`, app, value, undefined, record.fields, at)],
    };
  }
  if (record.revision <= synced.revision && !synced.deletedInKintoneAt) return noChange('unchanged');
  if (synced.openConflictId) return noChange('conflicts');
  const hub = wantedByHub(pending);
  if (hub) {
    const merge = threeWayMerge({
      agreed: synced.fields,
      hubBase: synced.hubFields ?? synced.fields,
      hub,
      source: record.fields,
      hubUnconfirmed,
    });
    if (merge.differing.length) {
      const { writes, audit } = conflictChange(deps, synced, record, hub, pending, 'SYNC', hubUnconfirmed);
      return { outcome: 'conflicts', writes, audit };
    }
  }
  const { writes, audit } = takeSourceVersion(deps, synced, record);
  return { outcome: 'updated', writes, audit };
}

/** Marks records that are gone from kintone; the ledger keeps what they were. */
export function deletionChange(deps: SyncDeps, synced: SyncedKintoneRecord): Decision {
  if (synced.deletedInKintoneAt) return noChange('unchanged');
  const at = deps.clock.now().toISOString();
  const value: SyncedKintoneRecord = {
    ...synced,
    deletedInKintoneAt: at,
    lastChangedBy: 'KINTONE',
    syncedAt: at,
    version: synced.version + 1,
    updatedAt: at,
  };
  return {
    outcome: 'deleted',
    writes: [{ entity: { type: 'KINTONE_RECORD', value }, expectedVersion: synced.version }],
    audit: [
      recordAudit(
        deps,
        `kintone.${synced.app}.deleted`,
        synced.app,
        synced,
        synced.fields,
        { deleted: at },
        at,
      ),
    ],
  };
}

export interface ApplyOptions {
  dryRun?: boolean;
  /** The hub's pending writes by hub id (one read per run, not per record). */
  pending: ReadonlyMap<string, KintoneOutboxEntry[]>;
}

/** The hub's pending kintone writes of one app, by hub id. */
export async function pendingHubWrites(
  deps: SyncDeps,
  app: SyncedKintoneApp,
): Promise<Map<string, KintoneOutboxEntry[]>> {
  const far = new Date('9999-12-31T00:00:00Z');
  const entries = await deps.ledger.listDueKintoneOutboxEntries(far, 1000);
  const byHubId = new Map<string, KintoneOutboxEntry[]>();
  for (const e of entries) {
    if (e.app !== app) continue;
    byHubId.set(e.hubId, [...(byHubId.get(e.hubId) ?? []), e]);
  }
  return byHubId;
}

/**
 * Applies records read from kintone (a page of a run, or the one a webhook pointed at).
 * Returns the counts and the 更新日時 of the earliest record that could not be applied, so the
 * run's watermark never passes it.
 */
export async function applyKintoneRecords(
  deps: SyncDeps,
  app: SyncedKintoneApp,
  records: readonly StoredRecord[],
  options: ApplyOptions,
): Promise<{ counts: Partial<SyncCounts>; earliestFailed?: string }> {
  const counts: Partial<SyncCounts> = { read: records.length };
  let earliestFailed: string | undefined;
  const bump = (outcome: Decision['outcome'], record: StoredRecord) => {
    counts[outcome] = (counts[outcome] ?? 0) + 1;
    if (outcome === 'failed' && (!earliestFailed || record.updatedAt < earliestFailed))
      earliestFailed = record.updatedAt;
  };
  const applyBatch = async (batch: readonly StoredRecord[]) => {
    const known = await deps.ledger.getSyncedKintoneRecords(
      app,
      batch.flatMap((r) => (r.fields.hubId ? [r.fields.hubId] : [])),
    );
    const byHubId = new Map(known.map((s) => [s.hubId, s]));
    const decisions = await Promise.all(
      batch.map((record) =>
        decideKnowingLostWrites(
          deps,
          app,
          record,
          byHubId.get(record.fields.hubId ?? ''),
          options.pending.get(record.fields.hubId ?? '') ?? [],
        ),
      ),
    );
    const writing = decisions.some((d) => d.writes.length);
    if (options.dryRun || !writing) {
      for (const [j, d] of decisions.entries()) bump(d.outcome, batch[j] as StoredRecord);
      return;
    }
    try {
      await deps.ledger.commit(
        decisions.flatMap((d) => d.writes),
        decisions.flatMap((d) => d.audit),
      );
      for (const [j, d] of decisions.entries()) bump(d.outcome, batch[j] as StoredRecord);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // Someone changed one of these meanwhile (the dispatcher, a webhook): redo one at a time.
      for (const record of batch) bump(await applyOne(deps, app, record), record);
    }
  };
  // The batches of a page hold distinct records, so a few run at once.
  const batches: StoredRecord[][] = [];
  for (let i = 0; i < records.length; i += APPLY_BATCH) batches.push(records.slice(i, i + APPLY_BATCH));
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(APPLY_CONCURRENCY, batches.length) }, async () => {
      while (next < batches.length) await applyBatch(batches[next++] as StoredRecord[]);
    }),
  );
  return { counts, ...(earliestFailed ? { earliestFailed } : {}) };
}

async function applyOne(
  deps: SyncDeps,
  app: SyncedKintoneApp,
  record: StoredRecord,
): Promise<Decision['outcome']> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const [synced] = await deps.ledger.getSyncedKintoneRecords(app, [record.fields.hubId ?? '']);
    const pending = (await pendingHubWrites(deps, app)).get(record.fields.hubId ?? '') ?? [];
    const decision = await decideKnowingLostWrites(deps, app, record, synced, pending);
    try {
      await deps.ledger.commit(decision.writes, decision.audit);
      return decision.outcome;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return 'failed';
}

/**
 * `decide`, and when that makes a new conflict, `decide` again knowing the hub's unconfirmed writes:
 * the conflict may be the hub's own lost write arriving. They are read only then (conflicts are rare).
 */
async function decideKnowingLostWrites(
  deps: SyncDeps,
  app: SyncedKintoneApp,
  record: StoredRecord,
  synced: SyncedKintoneRecord | undefined,
  pending: readonly KintoneOutboxEntry[],
): Promise<Decision> {
  const decision = decide(deps, app, record, synced, pending);
  if (!synced || decision.outcome !== 'conflicts' || !decision.writes.length) return decision;
  return decide(deps, app, record, synced, pending, await unconfirmedOf(deps, synced));
}

/** The hub's unconfirmed writes of a synced record (see `unconfirmedHubWrites`). */
export async function unconfirmedOf(deps: SyncDeps, synced: SyncedKintoneRecord): Promise<RecordFields[]> {
  const entries = await deps.ledger.listKintoneOutboxEntriesOfClient(synced.clientId);
  return unconfirmedHubWrites(entries, synced.app, synced.hubId);
}

/** Marks as deleted the records kintone no longer has (a full run's check, or a webhook's). */
export async function applyDeletions(
  deps: SyncDeps,
  gone: readonly SyncedKintoneRecord[],
  options: { dryRun?: boolean },
): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < gone.length; i += APPLY_BATCH) {
    const decisions = gone.slice(i, i + APPLY_BATCH).map((s) => deletionChange(deps, s));
    deleted += decisions.filter((d) => d.outcome === 'deleted').length;
    if (options.dryRun) continue;
    await deps.ledger.commit(
      decisions.flatMap((d) => d.writes),
      decisions.flatMap((d) => d.audit),
    );
  }
  return deleted;
}
