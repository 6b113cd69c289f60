/**
 * kintone → hub reconciliation (X-3, A7-3, A7-4; docs/sync.md): the truth about what staff
 * changed in kintone, since webhooks are lossy (60 a minute per domain, none for bulk or CSV
 * changes). An incremental run reads what changed since the watermark, less an overlap so a
 * change in the same second as the watermark is never missed, in (更新日時, $id) order; a full
 * run reads every record by `$id` and also finds the ones deleted in kintone. Each page is
 * applied through `applyKintoneRecords` and checkpointed with the run, so a run killed
 * half-way is resumed by the next one from its last page, without re-reading everything.
 */
import type { KintoneApp } from '../kintone/kintone-app.js';
import {
  applyDeletions,
  applyKintoneRecords,
  pendingHubWrites,
  type StoredRecord,
} from './apply-kintone-records.js';
import { type JobOutcome, type JobRun, runJob, type SyncDeps } from './job-runner.js';
import type {
  KintoneCheckpoint,
  RecordFields,
  SyncCursor,
  SyncedKintoneApp,
  SyncJobName,
} from './sync-model.js';

/** kintone's page size limit for `records.json`. */
export const KINTONE_PAGE = 500;

export type KintoneSyncDeps = SyncDeps & {
  kintoneApps: Record<SyncedKintoneApp, KintoneApp<{ hubId: string }>>;
};

export interface ReconcileOptions {
  full?: boolean;
  dryRun?: boolean;
  trigger: 'SCHEDULE' | 'WEBHOOK' | 'CLI' | 'API';
  holder: string;
  /** How far before the watermark an incremental run starts reading (default 60 s). */
  overlapMs: number;
  leaseMs: number;
  pageSize?: number;
  /** Called after every page (the CLI's progress bar). */
  onPage?: (progress: { records: number; requests: number; page: number }) => void;
}

export const jobOfApp = (app: SyncedKintoneApp): SyncJobName =>
  app === 'orders' ? 'kintone.orders' : 'kintone.visits';

/** kintone compares times to the second, in UTC. */
const kintoneTime = (instant: Date) => `${instant.toISOString().slice(0, 19)}Z`;

/** Saves a job's cursor (its watermark, or the checkpoint of the run in progress). */
export async function saveCursor(
  deps: SyncDeps,
  current: SyncCursor | undefined,
  changes: Partial<SyncCursor>,
  job: SyncJobName,
) {
  const at = deps.clock.now().toISOString();
  const next: SyncCursor = {
    job,
    ...current,
    ...changes,
    version: (current?.version ?? 0) + 1,
    createdAt: current?.createdAt ?? at,
    updatedAt: at,
  };
  for (const [key, value] of Object.entries(changes))
    if (value === undefined) delete (next as unknown as Record<string, unknown>)[key];
  await deps.ledger.commit(
    [
      {
        entity: { type: 'SYNC_CURSOR', value: next },
        ...(current ? { expectedVersion: current.version } : {}),
      },
    ],
    [],
  );
  return next;
}

export async function reconcileKintoneApp(
  deps: KintoneSyncDeps,
  app: SyncedKintoneApp,
  options: ReconcileOptions,
): Promise<JobOutcome> {
  const job = jobOfApp(app);
  const pageSize = options.pageSize ?? KINTONE_PAGE;
  const firstCursor = await deps.ledger.getSyncCursor(job);
  const resuming = firstCursor?.inProgress;
  const full = resuming
    ? (resuming.checkpoint as KintoneCheckpoint).mode === 'FULL'
    : Boolean(options.full || !firstCursor?.watermark);
  return runJob(
    deps,
    job,
    {
      mode: full ? 'FULL' : 'INCREMENTAL',
      trigger: options.trigger,
      ...(options.dryRun ? { dryRun: true } : {}),
      holder: options.holder,
      leaseMs: options.leaseMs,
    },
    async (run) => {
      const kintone = deps.kintoneApps[app] as KintoneApp<{ hubId: string }>;
      let cursor = await deps.ledger.getSyncCursor(job);
      const startedAt = deps.clock.now();
      let checkpoint: KintoneCheckpoint =
        (cursor?.inProgress?.checkpoint as KintoneCheckpoint | undefined) ??
        (full
          ? { mode: 'FULL', afterRecordId: 0, startedAt: startedAt.toISOString() }
          : {
              mode: 'INCREMENTAL',
              since: kintoneTime(new Date(Date.parse(cursor?.watermark as string) - options.overlapMs)),
            });
      if (cursor?.inProgress && cursor.inProgress.runId !== run.run.runId && !options.dryRun) {
        await markInterrupted(deps, cursor.inProgress.runId);
        run.note({ resumedRunId: cursor.inProgress.runId });
      }
      const pending = await pendingHubWrites(deps, app);
      let earliestFailed: string | undefined;
      let maxSeen: string | undefined;
      let page = 0;
      let records = 0;
      for (;;) {
        const rows = (await kintone.listPage(
          checkpoint.mode === 'FULL'
            ? { order: 'ID', afterRecordId: checkpoint.afterRecordId, limit: pageSize }
            : {
                order: 'CHANGED',
                since: checkpoint.since,
                ...(checkpoint.afterUpdatedAt
                  ? {
                      after: {
                        updatedAt: checkpoint.afterUpdatedAt,
                        recordId: checkpoint.afterRecordId ?? 0,
                      },
                    }
                  : {}),
                limit: pageSize,
              },
        )) as unknown as StoredRecord[];
        run.requests();
        page += 1;
        const applied = await applyKintoneRecords(deps, app, rows as StoredRecord[], {
          pending,
          ...(options.dryRun ? { dryRun: true } : {}),
        });
        run.count(applied.counts);
        if (applied.earliestFailed && (!earliestFailed || applied.earliestFailed < earliestFailed))
          earliestFailed = applied.earliestFailed;
        if (checkpoint.mode === 'FULL') {
          const upTo = rows.length === pageSize ? Number(rows.at(-1)?.recordId) : undefined;
          await findDeletions(deps, app, rows, checkpoint.afterRecordId, upTo, run, options);
        }
        records += rows.length;
        const last = rows.at(-1);
        if (last) {
          if (!maxSeen || last.updatedAt > maxSeen) maxSeen = last.updatedAt;
          checkpoint =
            checkpoint.mode === 'FULL'
              ? { ...checkpoint, afterRecordId: Number(last.recordId) }
              : { ...checkpoint, afterUpdatedAt: last.updatedAt, afterRecordId: Number(last.recordId) };
        }
        // One request per page read: the stored run counts them only at its next checkpoint.
        options.onPage?.({ records, requests: page, page });
        if (rows.length < pageSize) break;
        if (!options.dryRun) {
          cursor = await saveCursor(deps, cursor, { inProgress: { runId: run.run.runId, checkpoint } }, job);
          await run.checkpoint(checkpoint);
        }
      }
      if (options.dryRun) return;
      // The next incremental run starts here: a full run from when it started (a record changed
      // while it read may have been passed), an incremental one from the newest change it applied;
      // never past a record that could not be applied.
      let watermark =
        checkpoint.mode === 'FULL'
          ? kintoneTime(new Date(checkpoint.startedAt))
          : (maxSeen ?? cursor?.watermark ?? kintoneTime(startedAt));
      if (earliestFailed && earliestFailed < watermark) watermark = earliestFailed;
      cursor = await saveCursor(
        deps,
        cursor,
        {
          watermark,
          inProgress: undefined,
          ...(checkpoint.mode === 'FULL' ? { lastFullRunAt: deps.clock.now().toISOString() } : {}),
        },
        job,
      );
      await run.checkpoint(checkpoint);
    },
  );
}

/** The run a crash or a kill left RUNNING is recorded as INTERRUPTED once another resumes it. */
export async function markInterrupted(deps: SyncDeps, runId: string) {
  const killed = await deps.ledger.getSyncRun(runId);
  if (killed?.status !== 'RUNNING') return;
  const at = deps.clock.now().toISOString();
  await deps.ledger.commit(
    [
      {
        entity: {
          type: 'SYNC_RUN',
          value: { ...killed, status: 'INTERRUPTED', version: killed.version + 1, updatedAt: at },
        },
        expectedVersion: killed.version,
      },
    ],
    [],
  );
}

/**
 * A full run reads kintone in `$id` order; the ledger's records of the app in the same id
 * range that kintone did not return are gone from kintone.
 */
async function findDeletions(
  deps: SyncDeps,
  app: SyncedKintoneApp,
  rows: readonly { recordId: string }[],
  afterRecordId: number,
  upToRecordId: number | undefined,
  run: JobRun,
  options: ReconcileOptions,
) {
  const present = new Set(rows.map((r) => r.recordId));
  let after = afterRecordId;
  for (;;) {
    const known = await deps.ledger.listSyncedKintoneRecordsByRecordId(app, {
      afterRecordId: after,
      ...(upToRecordId !== undefined ? { upToRecordId } : {}),
      limit: 500,
    });
    const gone = known.filter((s) => !present.has(s.recordId) && !s.deletedInKintoneAt);
    if (gone.length) run.count({ deleted: await applyDeletions(deps, gone, options) });
    if (known.length < 500) return;
    after = Number(known.at(-1)?.recordId);
    if (upToRecordId !== undefined && after >= upToRecordId) return;
  }
}

export type { RecordFields };
