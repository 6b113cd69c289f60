/**
 * Every scheduled job of the hub, once (X-2, X-3; docs/sync.md "Jobs"): the deadline check,
 * the kintone, mail and signature outboxes (signature polling included), the G-Staff mirror and
 * the kintone reconciliations, and the basic contracts' retention in G-Staff. The local host's loop and the Lambda the scheduler invokes run
 * these same functions under the same lease, so no job is written twice and two runs at once
 * do the work once.
 */
import { settleBasicContractRetention } from '../contracts/basic-contract-retention.js';
import { runDeadlineJob } from '../deadline-job.js';
import type { GStaff } from '../gstaff/gstaff.js';
import { dispatchKintoneOutbox, type KintoneDispatchDeps } from '../kintone/dispatch-kintone-outbox.js';
import { dispatchMailOutbox } from '../mail/dispatch-mail-outbox.js';
import type { MailTransport } from '../mail/mail-transport.js';
import type { OutboxRetryPolicy } from '../outbox-retry.js';
import { dispatchSignatureOutbox, type SignatureDispatchDeps } from '../signing/signature-outbox.js';
import { type JobOutcome, runJob } from './job-runner.js';
import { type KintoneSyncDeps, type ReconcileOptions, reconcileKintoneApp } from './reconcile-kintone.js';
import { syncGStaff } from './sync-gstaff.js';
import type { SyncCounts, SyncJobName } from './sync-model.js';

export type HubJobDeps = KintoneDispatchDeps &
  KintoneSyncDeps &
  SignatureDispatchDeps & {
    mailTransport: MailTransport;
    mailRetry: OutboxRetryPolicy;
    gstaff: GStaff;
  };

export interface JobSettings {
  holder: string;
  leaseMs: number;
  overlapMs: number;
  trigger: ReconcileOptions['trigger'];
  /**
   * Whether another round of an outbox may start (a Lambda's remaining time). Absent: one round
   * per run (the local host runs the job again after its short interval).
   */
  moreTime?: () => boolean;
}

/**
 * Entries one round of an outbox takes at most (e-signature sends carry PDFs: fewer); a round
 * that took its limit means more may be due.
 */
export const ROUND_LIMITS = { 'kintone.outbox': 25, 'mail.outbox': 25, 'signature.outbox': 10 } as const;

/**
 * One round's counts, how many entries it took (a round that took its limit may go on) and the
 * codes of what failed in it (kept on the run).
 */
type RoundWork = (
  deps: HubJobDeps,
) => Promise<{ counts: Partial<SyncCounts>; taken: number; errors?: string[] }>;

const sum = (...values: number[]) => values.reduce((a, b) => a + b, 0);

/** What one round of each non-sync job does, as counts. */
const ROUNDS: Record<
  Exclude<SyncJobName, 'kintone.orders' | 'kintone.visits' | 'gstaff.mirror'>,
  RoundWork
> = {
  deadlines: async (deps) => {
    const r = await runDeadlineJob(deps);
    const escalated = sum(
      r.firstContacts.escalated,
      r.visitRecords.escalated,
      r.contractExecutions.escalated,
      r.individualContractTerms.escalated,
      r.syncConflicts.escalated,
    );
    // The deadline job looks at everything due at once: never a second round.
    return { counts: { updated: escalated }, taken: 0 };
  },
  'kintone.outbox': async (deps) => {
    const r = await dispatchKintoneOutbox(deps, { limit: ROUND_LIMITS['kintone.outbox'] });
    const taken = sum(r.delivered, r.retrying, r.failed, r.held);
    return {
      counts: { read: taken, updated: r.delivered, failed: r.failed, conflicts: r.held },
      taken,
    };
  },
  'mail.outbox': async (deps) => {
    const r = await dispatchMailOutbox(deps, { limit: ROUND_LIMITS['mail.outbox'] });
    const taken = sum(r.sent, r.retrying, r.failed);
    return { counts: { read: taken, updated: r.sent, failed: r.failed }, taken };
  },
  'signature.outbox': async (deps) => {
    const r = await dispatchSignatureOutbox(deps, { limit: ROUND_LIMITS['signature.outbox'] });
    const taken = sum(r.sent, r.retrying, r.needsConfirmation, r.confirmed, r.failed);
    return {
      counts: { read: taken, updated: sum(r.sent, r.confirmed), failed: r.failed },
      taken,
    };
  },
  'contracts.retention': async (deps) => {
    const r = await settleBasicContractRetention(deps);
    // It looks at every executed basic contract at once: never a second round. A run that moved
    // nothing leaves no record (as an idle outbox round).
    return {
      counts: { updated: r.moved, failed: r.failed },
      taken: 0,
      errors: r.errors,
    };
  },
};

export async function runHubJob(
  deps: HubJobDeps,
  job: SyncJobName,
  settings: JobSettings,
  options: { full?: boolean; dryRun?: boolean } = {},
): Promise<JobOutcome> {
  if (job === 'kintone.orders' || job === 'kintone.visits') {
    return reconcileKintoneApp(deps, job === 'kintone.orders' ? 'orders' : 'visits', {
      ...settings,
      ...options,
    });
  }
  if (job === 'gstaff.mirror') {
    return syncGStaff(deps, { ...settings, ...options });
  }
  const work = ROUNDS[job];
  const limit =
    job in ROUND_LIMITS ? ROUND_LIMITS[job as keyof typeof ROUND_LIMITS] : Number.POSITIVE_INFINITY;
  return runJob(
    deps,
    job,
    { mode: 'ROUND', trigger: settings.trigger, holder: settings.holder, leaseMs: settings.leaseMs },
    async (run) => {
      // An outbox goes on while its rounds come back full and the host has time for another.
      for (;;) {
        const round = await work(deps);
        run.count(round.counts);
        for (const code of round.errors ?? []) run.error(code);
        if (round.taken < limit || !settings.moreTime?.()) return;
      }
    },
  );
}
