/**
 * Sync conflicts, seen and settled by a person (X-3, X-1; docs/sync.md "Conflicts"): a record
 * changed on both sides waits, both versions kept, until a manager of the client's department
 * or an admin keeps the hub's side, kintone's side, or a merged value. The resolution is
 * written to kintone at the revision the conflict saw (a record kintone changed again is
 * refused, never overwritten), then recorded in the ledger with the held writes superseded,
 * audited on the client's trail.
 */
import * as z from 'zod';
import { type Actor, assertMay, seesDepartment } from '../access.js';
import { auditChange, userActor } from '../audit.js';
import { clientTrail } from '../clients/client.js';
import { getClient } from '../clients/client-queries.js';
import { ConflictError, NotFoundError, PreconditionFailedError, ValidationError } from '../errors.js';
import type { KintoneApp, KintoneStored } from '../kintone/kintone-app.js';
import type { LedgerWrite } from '../ledger.js';
import { parseInput } from '../validation.js';
import type { SyncDeps } from './job-runner.js';
import type { KintoneSyncDeps } from './reconcile-kintone.js';
import {
  type RecordFields,
  SYNC_CONFLICT_RESOLUTIONS,
  type SyncConflict,
  type SyncConflictResolution,
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
): RecordFields {
  const hubChanged = changedFieldNames(conflict.agreed, conflict.hubVersion).filter(
    (f) => f in conflict.hubVersion,
  );
  const differing = new Set(conflict.differingFields.map((d) => d.field));
  const target: RecordFields = { ...conflict.sourceVersion };
  if (kind === 'KEEP_SOURCE') return target;
  for (const field of hubChanged) {
    if (kind === 'KEEP_HUB' || !differing.has(field)) target[field] = conflict.hubVersion[field];
  }
  if (kind === 'MERGE') Object.assign(target, merged);
  return target;
}

export async function resolveSyncConflict(
  deps: KintoneSyncDeps,
  actor: Actor,
  input: unknown,
): Promise<SyncConflict> {
  assertMay(actor, 'sync.resolve');
  const cmd = parseInput(resolveInput, input);
  const conflict = await getSyncConflict(deps, actor, cmd.conflictId);
  if (conflict.status !== 'OPEN')
    throw new PreconditionFailedError('SYNC_CONFLICT_NOT_OPEN', 'this sync conflict is already resolved');
  const differing = new Set(conflict.differingFields.map((d) => d.field));
  const merged: RecordFields = {};
  if (cmd.resolution === 'MERGE') {
    const bad = (cmd.fields ?? []).flatMap((f, i) =>
      differing.has(f.field)
        ? []
        : [{ path: `input.fields.${i}.field`, message: `${f.field} is not a differing field` }],
    );
    if (!cmd.fields?.length)
      bad.push({ path: 'input.fields', message: 'MERGE needs a value for at least one field' });
    if (bad.length) throw new ValidationError(bad);
    for (const f of cmd.fields ?? []) merged[f.field] = f.value;
  } else if (cmd.fields?.length) {
    throw new ValidationError([{ path: 'input.fields', message: `only MERGE takes field values` }]);
  }
  const [synced] = await deps.ledger.getSyncedKintoneRecords(conflict.app, [conflict.hubId]);
  if (!synced) throw new NotFoundError('KintoneRecord', conflict.hubId);
  const target = resolvedFields(conflict, cmd.resolution, merged);
  const kintone = deps.kintoneApps[conflict.app] as KintoneApp<{ hubId: string }>;

  // kintone first, at the revision the conflict saw; a retry after a lost answer finds it done.
  let revision = conflict.sourceRevision;
  const toWrite = Object.fromEntries(
    changedFieldNames(conflict.sourceVersion, target).map((f) => [f, target[f] ?? '']),
  );
  if (
    conflict.sourceRevision === synced.revision &&
    synced.deletedInKintoneAt &&
    cmd.resolution !== 'KEEP_SOURCE'
  ) {
    revision = (await kintone.upsert(target as { hubId: string })).revision;
  } else if (Object.keys(toWrite).length) {
    try {
      revision = (await kintone.update(conflict.recordId, toWrite as Partial<{ hubId: string }>, revision))
        .revision;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const current = (await kintone.get(conflict.recordId)) as KintoneStored<RecordFields> | undefined;
      if (!current || changedFieldNames(current.fields, target).length) {
        throw new ConflictError(
          'kintone changed this record again after the conflict was found; the next sync shows the new version — decide again then',
          { cause: error },
        );
      }
      revision = current.revision;
    }
  }

  const at = deps.clock.now().toISOString();
  const resolved: SyncConflict = {
    ...conflict,
    status: 'RESOLVED',
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
  const record = {
    ...synced,
    fields: target,
    hubFields: conflict.hubVersion,
    revision,
    lastChangedBy: 'HUB' as const,
    syncedAt: at,
    version: synced.version + 1,
    updatedAt: at,
  };
  delete record.openConflictId;
  if (cmd.resolution !== 'KEEP_SOURCE' || !synced.deletedInKintoneAt) delete record.deletedInKintoneAt;
  const held: LedgerWrite[] = [];
  const entries = await deps.ledger.listKintoneOutboxEntriesOfClient(conflict.clientId);
  for (const entryId of conflict.heldOutboxEntryIds) {
    const entry = entries.find((e) => e.entryId === entryId);
    if (entry && (entry.state === 'HELD' || entry.state === 'PENDING')) {
      held.push({
        entity: {
          type: 'KINTONE_OUTBOX_ENTRY',
          value: { ...entry, state: 'SUPERSEDED', version: entry.version + 1, updatedAt: at },
        },
        expectedVersion: entry.version,
      });
    }
  }
  await deps.ledger.commit(
    [
      { entity: { type: 'SYNC_CONFLICT', value: resolved }, expectedVersion: conflict.version },
      { entity: { type: 'KINTONE_RECORD', value: record }, expectedVersion: synced.version },
      ...held,
    ],
    [
      auditChange(deps.ids, {
        trail: clientTrail(conflict.clientId),
        at,
        actor: userActor(actor),
        operation: 'sync.resolveConflict',
        subjectType: 'KINTONE_RECORD',
        subjectId: `${conflict.app}:${conflict.hubId}`,
        before: conflict.sourceVersion,
        after: { ...target, resolution: cmd.resolution },
      }),
    ],
  );
  return resolved;
}
