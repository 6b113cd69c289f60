/**
 * Sync conflicts, seen and settled by a person (X-3, X-1; docs/sync.md "Conflicts"): a kintone
 * record or a client's G-Staff registration changed on both sides waits, both versions kept, until
 * a manager of the client's department or an admin keeps the hub's side, the other system's side,
 * or a merged value. The resolution is recorded in the ledger, audited on the client's trail; a
 * kintone value decided is then written by the kintone outbox at the revision the conflict saw
 * (a record kintone changed again is never overwritten: a field changed there again is a new
 * conflict).
 */
import * as z from 'zod';
import { type Actor, assertMay, seesDepartment } from '../access.js';
import { auditChange, userActor } from '../audit.js';
import { type Client, clientTrail } from '../clients/client.js';
import { getClient } from '../clients/client-queries.js';
import { NotFoundError, PreconditionFailedError, ValidationError } from '../errors.js';
import { enqueueKintoneWrite } from '../kintone/kintone-outbox.js';
import type { OrderRecord, VisitRecordEntry } from '../kintone/order.js';
import type { LedgerWrite } from '../ledger.js';
import { parseInput } from '../validation.js';
import { sharedFromFields, withSharedFields } from './gstaff-conflicts.js';
import type { SyncDeps } from './job-runner.js';
import {
  type RecordFields,
  SYNC_CONFLICT_RESOLUTIONS,
  type SyncConflict,
  type SyncConflictResolution,
  type SyncedKintoneRecord,
  type SyncJobName,
  type SyncRun,
} from './sync-model.js';
import { changedFieldNames } from './three-way-merge.js';

/** Open conflicts the actor may see, oldest first. */
export async function listSyncConflicts(
  deps: SyncDeps,
  actor: Actor,
  query: { status?: 'OPEN' | 'RESOLVED'; first?: number },
): Promise<SyncConflict[]> {
  assertMay(actor, 'sync.read');
  const first = Math.min(Math.max(query.first ?? 50, 1), 200);
  const conflicts = await deps.ledger.listSyncConflicts(query.status ?? 'OPEN', 500);
  const clients = await deps.ledger.getClients([...new Set(conflicts.map((c) => c.clientId))]);
  const departmentOf = new Map(clients.map((c) => [c.clientId, c.department]));
  return conflicts.filter((c) => seesDepartment(actor, departmentOf.get(c.clientId))).slice(0, first);
}

export async function getSyncConflict(
  deps: SyncDeps,
  actor: Actor,
  conflictId: string,
): Promise<SyncConflict> {
  assertMay(actor, 'sync.read');
  const conflict = await deps.ledger.getSyncConflict(conflictId);
  if (!conflict) throw new NotFoundError('SyncConflict', conflictId);
  await getClient(deps, actor, conflict.clientId);
  return conflict;
}

/** The runs of the hub's jobs, newest first (admins and managers watch them). */
export async function listSyncRuns(
  deps: SyncDeps,
  actor: Actor,
  query: { job?: SyncJobName; first?: number },
): Promise<SyncRun[]> {
  assertMay(actor, 'sync.read');
  const limit = Math.min(Math.max(query.first ?? 20, 1), 100);
  return deps.ledger.listSyncRuns({ ...(query.job ? { job: query.job } : {}), limit });
}

const resolveInput = z.object({
  conflictId: z.string().min(1).max(200),
  resolution: z.enum(SYNC_CONFLICT_RESOLUTIONS),
  /** MERGE only: the value to keep for each differing field. */
  fields: z
    .array(z.object({ field: z.string().min(1).max(100), value: z.string().max(10_000) }))
    .max(50)
    .optional(),
  note: z.string().max(2000).optional(),
});

/** What the record becomes: kintone's version, with the hub's own changes where the person kept them. */
export function resolvedFields(
  conflict: SyncConflict,
  kind: SyncConflictResolution,
  merged: RecordFields,
  /** kintone deleted the record: keeping the hub's side writes the hub's whole version again. */
  deleted = false,
): RecordFields {
  if (deleted)
    return kind === 'KEEP_SOURCE' ? {} : { ...conflict.hubVersion, ...(kind === 'MERGE' ? merged : {}) };
  const hubChanged =
    conflict.hubChanged ??
    changedFieldNames(conflict.agreed, conflict.hubVersion).filter((f) => f in conflict.hubVersion);
  const differing = new Set(conflict.differingFields.map((d) => d.field));
  const target: RecordFields = { ...conflict.sourceVersion };
  if (kind === 'KEEP_SOURCE') return target;
  for (const field of hubChanged) {
    if (kind === 'KEEP_HUB' || !differing.has(field)) target[field] = conflict.hubVersion[field];
  }
  if (kind === 'MERGE') Object.assign(target, merged);
  return target;
}

/**
 * Settles a sync conflict in the ledger, in one transaction, audited. Nothing here calls the other
 * system, so any host with the ledger can do it (the GraphQL function has no kintone connection):
 *
 * - kintone: the record is set to kintone's version at the revision the conflict saw, the held
 *   writes are superseded, and the value decided (when it is not kintone's) becomes one new outbox
 *   write; the dispatcher sends only the fields that differ from kintone's version, at that
 *   revision — a record kintone changed again meanwhile is re-read and a field changed there again
 *   becomes a new conflict, never overwritten. A record kintone deleted is written anew (upsert by
 *   hub id) when the hub's side is kept.
 * - G-Staff: the client takes the decided values; what G-Staff holds becomes the agreed version
 *   (G-Staff is not written: the hub's kept value stays its own until G-Staff changes the field
 *   again, which is then judged against it).
 *
 * A resolution repeated after a lost answer (same decision) answers the resolved conflict.
 */
export async function resolveSyncConflict(
  deps: SyncDeps,
  actor: Actor,
  input: unknown,
): Promise<SyncConflict> {
  assertMay(actor, 'sync.resolve');
  const cmd = parseInput(resolveInput, input);
  const conflict = await getSyncConflict(deps, actor, cmd.conflictId);
  const merged: RecordFields = Object.fromEntries((cmd.fields ?? []).map((f) => [f.field, f.value]));
  const target = resolvedFields(conflict, cmd.resolution, merged, deletedSource(conflict));
  if (conflict.status !== 'OPEN') {
    const same =
      conflict.resolution?.kind === cmd.resolution &&
      changedFieldNames(conflict.resolution.fields, target).length === 0;
    if (same) return conflict;
    throw new PreconditionFailedError('SYNC_CONFLICT_NOT_OPEN', 'this sync conflict is already resolved');
  }
  const differing = new Set(conflict.differingFields.map((d) => d.field));
  if (cmd.resolution === 'MERGE') {
    const bad = (cmd.fields ?? []).flatMap((f, i) =>
      differing.has(f.field)
        ? []
        : [{ path: `input.fields.${i}.field`, message: `${f.field} is not a differing field` }],
    );
    if (!cmd.fields?.length)
      bad.push({ path: 'input.fields', message: 'MERGE needs a value for at least one field' });
    if (bad.length) throw new ValidationError(bad);
  } else if (cmd.fields?.length) {
    throw new ValidationError([{ path: 'input.fields', message: `only MERGE takes field values` }]);
  }

  const at = deps.clock.now().toISOString();
  const resolved = {
    ...conflict,
    status: 'RESOLVED' as const,
    resolution: {
      kind: cmd.resolution,
      fields: target,
      by: actor.userId,
      at,
      ...(cmd.note ? { note: cmd.note } : {}),
    },
    version: conflict.version + 1,
    updatedAt: at,
  };
  const writes: LedgerWrite[] = [
    { entity: { type: 'SYNC_CONFLICT', value: resolved }, expectedVersion: conflict.version },
    ...(conflict.system === 'kintone'
      ? await kintoneResolutionWrites(deps, conflict, cmd.resolution, target, at)
      : await gstaffResolutionWrites(deps, conflict, target, at)),
  ];
  await deps.ledger.commit(writes, [
    auditChange(deps.ids, {
      trail: clientTrail(conflict.clientId),
      at,
      actor: userActor(actor),
      operation: 'sync.resolveConflict',
      subjectType: conflict.system === 'kintone' ? 'KINTONE_RECORD' : 'CLIENT',
      subjectId: conflict.system === 'kintone' ? `${conflict.app}:${conflict.hubId}` : conflict.clientId,
      before: conflict.sourceVersion,
      after: { ...target, resolution: cmd.resolution },
    }),
  ]);
  return resolved;
}

/** A conflict over a record kintone deleted (its kintone version is empty). */
const deletedSource = (conflict: SyncConflict) =>
  conflict.system === 'kintone' && Object.keys(conflict.sourceVersion).length === 0;

async function kintoneResolutionWrites(
  deps: SyncDeps,
  conflict: Extract<SyncConflict, { system: 'kintone' }>,
  kind: SyncConflictResolution,
  target: RecordFields,
  at: string,
): Promise<LedgerWrite[]> {
  const [synced] = await deps.ledger.getSyncedKintoneRecords(conflict.app, [conflict.hubId]);
  if (!synced) throw new NotFoundError('KintoneRecord', conflict.hubId);
  const gone = deletedSource(conflict) && Boolean(synced.deletedInKintoneAt);
  // kintone's version at the revision the conflict saw is where both sides stand now.
  const record: SyncedKintoneRecord = gone
    ? { ...synced, syncedAt: at, version: synced.version + 1, updatedAt: at }
    : {
        ...synced,
        fields: conflict.sourceVersion,
        hubFields: conflict.sourceVersion,
        revision: conflict.sourceRevision,
        kintoneUpdatedAt: conflict.sourceUpdatedAt,
        lastChangedBy: 'KINTONE',
        syncedAt: at,
        version: synced.version + 1,
        updatedAt: at,
      };
  delete record.openConflictId;
  if (!gone) delete record.deletedInKintoneAt;
  const entries = await deps.ledger.listKintoneOutboxEntriesOfClient(conflict.clientId);
  const held = conflict.heldOutboxEntryIds.flatMap((id) => {
    const entry = entries.find((e) => e.entryId === id);
    return entry && (entry.state === 'HELD' || entry.state === 'PENDING') ? [entry] : [];
  });
  const writes: LedgerWrite[] = [
    { entity: { type: 'KINTONE_RECORD', value: record }, expectedVersion: synced.version },
    ...held.map(
      (entry): LedgerWrite => ({
        entity: {
          type: 'KINTONE_OUTBOX_ENTRY',
          value: { ...entry, state: 'SUPERSEDED', version: entry.version + 1, updatedAt: at },
        },
        expectedVersion: entry.version,
      }),
    ),
  ];
  const owed = gone ? kind !== 'KEEP_SOURCE' : changedFieldNames(conflict.sourceVersion, target).length > 0;
  if (owed) {
    const subject = held.at(-1) ?? entries.filter((e) => e.hubId === conflict.hubId).at(-1);
    const write =
      conflict.app === 'visits'
        ? { app: 'visits' as const, visit: target as unknown as VisitRecordEntry }
        : { app: 'orders' as const, order: target as unknown as OrderRecord };
    writes.push(
      enqueueKintoneWrite(deps.ids, at, {
        ...write,
        hubId: conflict.hubId,
        clientId: conflict.clientId,
        subjectType: subject?.subjectType ?? (conflict.app === 'visits' ? 'VISIT' : 'INQUIRY'),
        subjectId: subject?.subjectId ?? conflict.hubId,
        ...(gone ? { recreate: true } : {}),
      }),
    );
  }
  return writes;
}

async function gstaffResolutionWrites(
  deps: SyncDeps,
  conflict: SyncConflict,
  target: RecordFields,
  at: string,
): Promise<LedgerWrite[]> {
  const [client] = await deps.ledger.getClients([conflict.clientId]);
  if (!client?.gstaff) throw new NotFoundError('Client', conflict.clientId);
  const { openConflictId: _resolved, ...link } = client.gstaff;
  const after: Client = {
    ...withSharedFields(client, target),
    gstaff: { ...link, agreed: sharedFromFields(conflict.sourceVersion) },
    version: client.version + 1,
    updatedAt: at,
  };
  return [{ entity: { type: 'CLIENT', value: after }, expectedVersion: client.version }];
}
