/**
 * G-Staff → hub (A1-5, X-3; docs/sync.md "G-Staff"): the mirror of G-Staff's client register is
 * kept by an incremental sync with the same runs, checkpoints and lease as the kintone
 * reconciliation (`runJob`, the `gstaff.mirror` job's cursor). A first run reads the whole
 * register; later ones what changed after the last complete run's start, less the overlap. Each
 * page is applied through `mirrorGStaffClients` (a registration or conflict date G-Staff changed
 * is written on the linked client's trail, with its source and time) and checkpointed; a run
 * killed half-way is resumed by the next one without applying a page twice. The worker register
 * and the linking of new clients follow in the same run.
 */
import type { GStaff } from '../gstaff/gstaff.js';
import { mirrorGStaffClients } from '../gstaff/gstaff-mirror.js';
import { linkClientsToGStaff } from '../gstaff/link-clients-to-gstaff.js';
import { refreshWorkerRegisterMirror } from '../gstaff/worker-register-mirror.js';
import { type JobOutcome, runJob, type SyncDeps } from './job-runner.js';
import { markInterrupted, saveCursor } from './reconcile-kintone.js';
import type { GStaffCheckpoint, SyncRun } from './sync-model.js';

export interface GStaffSyncOptions {
  full?: boolean;
  trigger: SyncRun['trigger'];
  holder: string;
  leaseMs: number;
  /** How far before the watermark an incremental run starts reading. */
  overlapMs: number;
  /**
   * Reads and decides (counts, conflicts it would open) but writes nothing: no mirror record, no
   * client, no cursor; the worker register and the linking of new clients (which registers clients
   * in G-Staff) are left out.
   */
  dryRun?: boolean;
  /** Called after each page (the CLI's progress). */
  onPage?: (progress: { records: number; requests: number; page: number }) => void;
}

const JOB = 'gstaff.mirror' as const;

export async function syncGStaff(
  deps: SyncDeps & { gstaff: GStaff },
  options: GStaffSyncOptions,
): Promise<JobOutcome> {
  const first = await deps.ledger.getSyncCursor(JOB);
  const dryRun = Boolean(options.dryRun);
  // A dry run never takes over a killed run's checkpoint (it would leave it half-done).
  const resuming = dryRun ? undefined : (first?.inProgress?.checkpoint as GStaffCheckpoint | undefined);
  const full = resuming ? resuming.mode === 'FULL' : Boolean(options.full || !first?.watermark);
  return runJob(
    deps,
    JOB,
    {
      mode: full ? 'FULL' : 'INCREMENTAL',
      trigger: options.trigger,
      ...(dryRun ? { dryRun: true } : {}),
      holder: options.holder,
      leaseMs: options.leaseMs,
    },
    async (run) => {
      let cursor = await deps.ledger.getSyncCursor(JOB);
      const resumed = dryRun ? undefined : cursor?.inProgress;
      let checkpoint: GStaffCheckpoint =
        (resumed?.checkpoint as GStaffCheckpoint | undefined) ??
        (full
          ? { system: 'gstaff', mode: 'FULL', startedAt: deps.clock.now().toISOString(), pagesDone: 0 }
          : {
              system: 'gstaff',
              mode: 'INCREMENTAL',
              since: new Date(Date.parse(cursor?.watermark as string) - options.overlapMs).toISOString(),
              startedAt: deps.clock.now().toISOString(),
              pagesDone: 0,
            });
      if (resumed && resumed.runId !== run.run.runId) {
        await markInterrupted(deps, resumed.runId);
        run.note({ resumedRunId: resumed.runId });
      }
      let page = 0;
      let records = 0;
      for await (const chunk of deps.gstaff.clientRegister(
        checkpoint.since ? new Date(checkpoint.since) : undefined,
      )) {
        run.requests();
        page += 1;
        records += chunk.length;
        // Applied by the run this one resumes.
        if (page <= checkpoint.pagesDone) continue;
        const applied = await mirrorGStaffClients(deps, chunk, 'api', { dryRun });
        run.count({
          read: applied.seen,
          updated: applied.changed,
          unchanged: applied.seen - applied.changed,
          conflicts: applied.conflicts,
        });
        options.onPage?.({ records, requests: page, page });
        if (dryRun) continue;
        checkpoint = { ...checkpoint, pagesDone: page };
        cursor = await saveCursor(deps, cursor, { inProgress: { runId: run.run.runId, checkpoint } }, JOB);
        await run.checkpoint(checkpoint);
      }
      if (dryRun) return;
      const workers = await refreshWorkerRegisterMirror(deps);
      const links = await linkClientsToGStaff(deps);
      run.count({
        read: workers.seen,
        updated: workers.changed + links.linked,
        created: links.registered,
        conflicts: links.needsReview,
      });
      // The next run reads what changed after this one started (a change made while it read may
      // have been passed), less the overlap.
      cursor = await saveCursor(
        deps,
        cursor,
        {
          watermark: checkpoint.startedAt,
          inProgress: undefined,
          ...(checkpoint.mode === 'FULL' ? { lastFullRunAt: deps.clock.now().toISOString() } : {}),
        },
        JOB,
      );
      await run.checkpoint(checkpoint);
    },
  );
}
