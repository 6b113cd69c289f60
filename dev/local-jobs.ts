/**
 * The local host's schedule: how often each of the hub's jobs (core/sync/hub-jobs.ts) runs on
 * this machine. Every interval is a setting (`JOB_INTERVAL_SECONDS_<JOB>`, 0 switches the job
 * off); on AWS EventBridge Scheduler runs the same jobs.
 */
import * as z from 'zod';
import { SYNC_JOBS, type SyncJobName } from '../core/sync/sync-model.js';
import { parseSettings, wholeNumberSetting } from '../core/validation.js';

export const DEV_KINTONE_WEBHOOK_SECRET = 'dev-kintone-webhook-secret';

const DEFAULT_SECONDS: Record<SyncJobName, number> = {
  deadlines: 2,
  'kintone.outbox': 2,
  'mail.outbox': 2,
  'signature.outbox': 2,
  'gstaff.mirror': 60,
  'kintone.orders': 10,
  'kintone.visits': 10,
  'contracts.retention': 60,
};

export const intervalVariable = (job: SyncJobName) =>
  `JOB_INTERVAL_SECONDS_${job.toUpperCase().replace(/[^A-Z]/g, '_')}`;

const schema = z.object({
  ...Object.fromEntries(
    SYNC_JOBS.map((job) => [intervalVariable(job), wholeNumberSetting(0, 86_400, DEFAULT_SECONDS[job])]),
  ),
  KINTONE_WEBHOOK_SECRET: z
    .string()
    .min(16, 'must be at least 16 characters')
    .default(DEV_KINTONE_WEBHOOK_SECRET),
  /** How far before the watermark an incremental kintone run starts reading. */
  SYNC_OVERLAP_SECONDS: wholeNumberSetting(0, 3600, 60),
  /** A lease not renewed for this long is free again (a killed run's job is taken over then). */
  JOB_LEASE_SECONDS: wholeNumberSetting(10, 3600, 120),
});

export interface LocalJobSettings {
  intervals: Record<SyncJobName, number>;
  kintoneWebhookSecret: string;
  overlapMs: number;
  leaseMs: number;
}

export function localJobSettings(env: Record<string, string | undefined>): LocalJobSettings {
  const parsed = parseSettings(schema, env, 'job settings') as Record<string, number | string>;
  return {
    intervals: Object.fromEntries(
      SYNC_JOBS.map((job) => [job, Number(parsed[intervalVariable(job)]) * 1000]),
    ) as Record<SyncJobName, number>,
    kintoneWebhookSecret: String(parsed.KINTONE_WEBHOOK_SECRET),
    overlapMs: Number(parsed.SYNC_OVERLAP_SECONDS) * 1000,
    leaseMs: Number(parsed.JOB_LEASE_SECONDS) * 1000,
  };
}
