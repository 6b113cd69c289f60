/**
 * The hub's scheduled jobs on AWS (X-2, X-3; docs/sync.md "Jobs"): EventBridge Scheduler invokes
 * it with `{ "jobs": ["kintone.orders", …], "full"?: true }` and it runs each job with
 * `runHubJob` — the same function, under the same lease, as the local host's loop and the CLI —
 * one after the other, with the invocation as the lease holder. A job that fails does not stop the
 * next; the invocation fails at the end (its on-failure queue is alarmed).
 *
 * One handler serves several functions: each is deployed with the settings and grants of the jobs
 * it runs (infra/scheduled-jobs.ts `AWS_JOB_HOSTS`) and composes only what those jobs need.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { redriveInFlightApplications } from '../core/applications/redrive.js';
import { ValidationError } from '../core/errors.js';
import type { HubDeps } from '../core/hub.js';
import { type HubJobDeps, runHubJob } from '../core/sync/hub-jobs.js';
import { errorCode, type JobOutcome } from '../core/sync/job-runner.js';
import { SYNC_JOBS, type SyncJobName } from '../core/sync/sync-model.js';
import { parseInput, parseSettings, wholeNumberSetting } from '../core/validation.js';
import type { WorkflowEngine } from '../core/workflows/workflow-engine.js';
import {
  type ConfigWith,
  DOCUMENTS_SETTINGS,
  type FunctionSetting,
  type SecretSetting,
  WORKFLOW_SETTINGS,
} from './config.js';
import { lambdaHandler } from './shared/lambda-handler.js';
import { createMetrics, HUB_METRICS, MetricUnit, oldestOpenApprovalAgeHours } from './shared/metrics.js';

const jobEvent = z.object({
  jobs: z
    .array(z.enum(SYNC_JOBS))
    .min(1)
    .refine((jobs) => new Set(jobs).size === jobs.length, 'a job is listed twice'),
  full: z.boolean().optional(),
});

/** The retry policy of the mail and e-signature outboxes (the kintone outbox has its own settings). */
const outboxRetryEnv = z.object({
  OUTBOX_MAX_ATTEMPTS: wholeNumberSetting(1, 100, 12),
  OUTBOX_BASE_DELAY_MS: wholeNumberSetting(100, 3_600_000, 30_000),
  OUTBOX_MAX_DELAY_MS: wholeNumberSetting(1000, 86_400_000, 3_600_000),
});

/** What each job needs beyond the ledger (a function composes only the parts of its jobs). */
export type JobPart = 'kintone' | 'mail' | 'signing' | 'gstaff';
export const JOB_PARTS: Record<SyncJobName, JobPart[]> = {
  deadlines: [],
  'kintone.outbox': ['kintone'],
  'kintone.orders': ['kintone'],
  'kintone.visits': ['kintone'],
  'mail.outbox': ['mail'],
  'signature.outbox': ['signing'],
  'gstaff.mirror': ['gstaff'],
  'contracts.retention': ['gstaff'],
};

/** The outbox jobs: what they gave up for good is published (the OutboxGaveUp alarm). */
const OUTBOXES: SyncJobName[] = ['kintone.outbox', 'mail.outbox', 'signature.outbox'];

/** Leave this much of the invocation unused, so an outbox round never runs into the Lambda timeout. */
const SAFETY_MARGIN_MS = 30_000;

export interface HubJobHandlerDeps {
  /** The deps of the given jobs (composed once, at the first invocation that needs them). */
  compose(jobs: readonly SyncJobName[]): Promise<HubJobDeps>;
  logger: Logger;
  metrics?: Metrics;
  /**
   * AWS only: after the deadline job, applications whose execution never started (StartExecution
   * failed after the submission was stored) are started again (locally the host re-drives at start).
   */
  workflows?: () => WorkflowEngine;
  leaseMs: number;
  overlapMs: number;
  /** The jobs this function is deployed for (HUB_JOBS); others are refused. */
  allowedJobs?: readonly SyncJobName[];
}

export type HubJobResult = Partial<Record<SyncJobName, JobOutcome | { status: 'FAILED'; error: string }>>;

export function makeHandler(deps: HubJobHandlerDeps) {
  return async (
    event: unknown,
    context?: Pick<Context, 'awsRequestId' | 'getRemainingTimeInMillis'>,
  ): Promise<HubJobResult> => {
    const { jobs, full } = parseInput(jobEvent, event, 'event');
    // A function runs only the jobs it is deployed for (it has the grants of those only).
    const foreign = deps.allowedJobs ? jobs.filter((job) => !deps.allowedJobs?.includes(job)) : [];
    if (foreign.length)
      throw new ValidationError([
        { path: 'event.jobs', message: `not run by this function: ${foreign.join(', ')}` },
      ]);
    const jobDeps = await deps.compose(jobs);
    const result: HubJobResult = {};
    let failure: unknown;
    for (const job of jobs) {
      try {
        const outcome = await runHubJob(
          jobDeps,
          job,
          {
            holder: `lambda:${context?.awsRequestId ?? 'unknown'}`,
            leaseMs: deps.leaseMs,
            overlapMs: deps.overlapMs,
            trigger: 'SCHEDULE',
            moreTime: () => !context || context.getRemainingTimeInMillis() > SAFETY_MARGIN_MS,
          },
          full ? { full: true } : {},
        );
        result[job] = outcome;
        await afterJob(deps, jobDeps, job, outcome);
      } catch (error) {
        failure ??= error;
        result[job] = { status: 'FAILED', error: errorCode(error) };
        deps.logger.error('scheduled job failed', { job, error: errorCode(error) });
      }
    }
    deps.metrics?.publishStoredMetrics();
    if (failure) throw failure;
    return result;
  };
}

/** The log line and the numbers the alarms watch (infra/monitoring.ts). */
async function afterJob(deps: HubJobHandlerDeps, hub: HubDeps, job: SyncJobName, outcome: JobOutcome) {
  if (!('runId' in outcome)) {
    deps.logger.info('scheduled job skipped', { job, reason: outcome.reason });
    return;
  }
  const log = { job, runId: outcome.runId, mode: outcome.mode, ...outcome.counts };
  if (OUTBOXES.includes(job) && outcome.counts.failed)
    deps.logger.warn('outbox writes failed for good; a person must look', log);
  else deps.logger.info('scheduled job ran', log);
  if (OUTBOXES.includes(job))
    deps.metrics?.addMetric(HUB_METRICS.outboxGaveUp, MetricUnit.Count, outcome.counts.failed);
  if (job === 'gstaff.mirror' && outcome.status === 'SUCCEEDED')
    deps.metrics?.addMetric(HUB_METRICS.gstaffMirrorRefreshed, MetricUnit.Count, 1);
  if (job === 'deadlines') {
    if (deps.workflows) {
      const restarted = await redriveInFlightApplications(
        { ...hub, workflows: deps.workflows() },
        { onlyUnstartedFor: 120_000 },
      );
      if (restarted.length) deps.logger.info('workflows started again', { restarted: restarted.length });
    }
    deps.metrics?.addMetric(
      HUB_METRICS.oldestOpenApprovalAgeHours,
      MetricUnit.Count,
      await oldestOpenApprovalAgeHours(hub),
    );
  }
}

const hostEnv = z.object({
  /** The jobs this function is deployed for (set by the stack), comma-separated. */
  HUB_JOBS: z
    .string()
    .min(1)
    .transform((v) => v.split(','))
    .pipe(jobEvent.shape.jobs),
  /** Renewed at every checkpoint; a killed invocation's lease frees itself this long after. */
  JOB_LEASE_SECONDS: wholeNumberSetting(10, 3600, 960),
});

/** What each part needs from the environment and Secrets Manager. */
const PART_SETTINGS = {
  kintone: { secrets: ['KINTONE_SECRET_ARN'], settings: [] },
  mail: { secrets: [], settings: ['MAIL_FROM_ADDRESS'] },
  signing: { secrets: ['GMOSIGN_SECRET_ARN'], settings: DOCUMENTS_SETTINGS },
  gstaff: { secrets: ['GSTAFF_SECRET_ARN'], settings: [] },
} as const satisfies Record<
  JobPart,
  { secrets: readonly SecretSetting[]; settings: readonly FunctionSetting[] }
>;

/**
 * The deployed entry point, defined at the first invocation from HUB_JOBS: it reads only the
 * secrets and settings of its jobs' parts (kintone, SES, GMO Sign with the documents bucket,
 * G-Staff), each part's adapters loaded with `import()` only by a function whose jobs use it (the
 * G-Staff mirror never loads the kintone client); the deadline job starts again unstarted
 * workflows where the state machines are set.
 */
function defineHandler(env: Record<string, string | undefined>) {
  const host = parseSettings(hostEnv, env, 'job host configuration');
  const parts = [...new Set(host.HUB_JOBS.flatMap((job) => JOB_PARTS[job]))];
  const withWorkflows = host.HUB_JOBS.includes('deadlines') && Boolean(env.CREDIT_PRECHECK_STATE_MACHINE_ARN);
  return lambdaHandler<unknown, HubJobResult, FunctionSetting, SecretSetting>({
    kind: 'event',
    secrets: parts.flatMap((part) => PART_SETTINGS[part].secrets),
    settings: [
      ...parts.flatMap((part) => PART_SETTINGS[part].settings),
      ...(withWorkflows ? WORKFLOW_SETTINGS : []),
    ],
    env,
    compose: async ({ config, env, logger, secrets }) => {
      const { createHubDeps, documentsFrom, workflowsFrom } = await import('./composition.js');
      const hub = createHubDeps(config, env);
      const retry = () => {
        const r = parseSettings(outboxRetryEnv, env, 'outbox configuration');
        return {
          maxAttempts: r.OUTBOX_MAX_ATTEMPTS,
          baseDelayMs: r.OUTBOX_BASE_DELAY_MS,
          maxDelayMs: r.OUTBOX_MAX_DELAY_MS,
        };
      };
      const build: Record<JobPart, () => Promise<Partial<HubJobDeps>>> = {
        kintone: async () => {
          const { kintoneFromSecret } = await import('./kintone-credentials.js');
          const { apps } = kintoneFromSecret(secrets.KINTONE_SECRET_ARN, env, hub.clock, (message, details) =>
            logger.warn(message, details),
          );
          return {
            ordersApp: apps.ordersApp,
            visitRecordsApp: apps.visitRecordsApp,
            outboxRetry: apps.outboxRetry,
            kintoneApps: { orders: apps.ordersApp, visits: apps.visitRecordsApp },
          };
        },
        mail: async () => {
          const { SesMailTransport } = await import('../integrations/mail/ses-mail.transport.js');
          return {
            mailTransport: new SesMailTransport({
              region: config.AWS_REGION,
              fromAddress: config.MAIL_FROM_ADDRESS as string,
            }),
            mailRetry: retry(),
          };
        },
        signing: async () => {
          const { gmosignFromSecret } = await import('./gmosign-credentials.js');
          return {
            signatures: gmosignFromSecret(secrets.GMOSIGN_SECRET_ARN, env).signatures,
            signatureRetry: retry(),
            documents: documentsFrom({ ...config, DOCUMENTS_BUCKET: config.DOCUMENTS_BUCKET as string }),
          };
        },
        gstaff: async () => {
          const { gstaffFromSecret } = await import('./gstaff-credentials.js');
          return { gstaff: gstaffFromSecret(secrets.GSTAFF_SECRET_ARN, env) };
        },
      };
      const built = await Promise.all(parts.map((part) => build[part]()));
      // Only the parts of its jobs: a job reaching for another part fails, never silently.
      const jobDeps = Object.assign({}, hub, ...built) as HubJobDeps;
      const inner = makeHandler({
        compose: async () => jobDeps,
        logger,
        metrics: createMetrics(config.POWERTOOLS_SERVICE_NAME),
        ...(withWorkflows
          ? { workflows: () => workflowsFrom(config as ConfigWith<(typeof WORKFLOW_SETTINGS)[number]>) }
          : {}),
        allowedJobs: host.HUB_JOBS,
        overlapMs: config.SYNC_OVERLAP_SECONDS * 1000,
        leaseMs: host.JOB_LEASE_SECONDS * 1000,
      });
      return (event, context) => inner(event, context);
    },
  });
}

let deployed: ReturnType<typeof defineHandler> | undefined;

/** The deployed entry point (defined at the first invocation: nothing is read at import). */
export const handler = (event: unknown, context: Context) => {
  deployed ??= defineHandler(process.env);
  return deployed(event, context);
};
