/**
 * Every scheduled job of the hub, once (X-2, X-3; docs/sync.md "Jobs"): the deadline check,
 * the kintone, mail and signature outboxes (signature polling included), the G-Staff mirror and
 * the kintone reconciliations. The local host's loop and the Lambda the scheduler invokes run
 * these same functions under the same lease, so no job is written twice and two runs at once
 * do the work once.
 */
import { runDeadlineJob } from '../deadline-job.js';
import type { GStaff } from '../gstaff/gstaff.js';
import { refreshGStaffMirror } from '../gstaff/gstaff-mirror.js';
import { linkClientsToGStaff } from '../gstaff/link-clients-to-gstaff.js';
import { refreshWorkerRegisterMirror } from '../gstaff/worker-register-mirror.js';
import { dispatchKintoneOutbox, type KintoneDispatchDeps } from '../kintone/dispatch-kintone-outbox.js';
import { dispatchMailOutbox } from '../mail/dispatch-mail-outbox.js';
import type { MailTransport } from '../mail/mail-transport.js';
import type { OutboxRetryPolicy } from '../outbox-retry.js';
import { dispatchSignatureOutbox, type SignatureDispatchDeps } from '../signing/signature-outbox.js';
import { type JobOutcome, runJob } from './job-runner.js';
import { type KintoneSyncDeps, type ReconcileOptions, reconcileKintoneApp } from './reconcile-kintone.js';
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
}

type RoundWork = (deps: HubJobDeps) => Promise<Partial<SyncCounts>>;

const sum = (...values: number[]) => values.reduce((a, b) => a + b, 0);

/** What one round of each non-sync job does, as counts. */
const ROUNDS: Record<Exclude<SyncJobName, 'kintone.orders' | 'kintone.visits'>, RoundWork> = {
  deadlines: async (deps) => {
    const r = await runDeadlineJob(deps);
    const escalated = sum(
      r.firstContacts.escalated,
      r.visitRecords.escalated,
      r.contractExecutions.escalated,
      r.individualContractTerms.escalated,
    );
    return { updated: escalated };
  },
  'kintone.outbox': async (deps) => {
    const r = await dispatchKintoneOutbox(deps);
    return {
      read: sum(r.delivered, r.retrying, r.failed, r.held),
      updated: r.delivered,
      failed: r.failed,
      conflicts: r.held,
    };
  },
  'mail.outbox': async (deps) => {
    const r = await dispatchMailOutbox(deps);
    return { read: sum(r.sent, r.retrying, r.failed), updated: r.sent, failed: r.failed };
  },
  'signature.outbox': async (deps) => {
    const r = await dispatchSignatureOutbox(deps);
    return {
      read: sum(r.sent, r.retrying, r.needsConfirmation, r.confirmed, r.failed),
      updated: sum(r.sent, r.confirmed),
      failed: r.failed,
    };
  },
  'gstaff.mirror': async (deps) => {
    const clients = await refreshGStaffMirror(deps);
    const workers = await refreshWorkerRegisterMirror(deps);
    const links = await linkClientsToGStaff(deps);
    return {
      read: clients.seen + workers.seen,
      updated: clients.changed + workers.changed + links.linked,
      created: links.registered,
      conflicts: links.needsReview,
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
  const work = ROUNDS[job];
  return runJob(
    deps,
    job,
    { mode: 'ROUND', trigger: settings.trigger, holder: settings.holder, leaseMs: settings.leaseMs },
    async (run) => {
      run.count(await work(deps));
    },
  );
}
