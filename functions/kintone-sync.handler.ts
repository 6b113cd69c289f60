/**
 * The scheduled kintone reconciliation on AWS (X-3; docs/sync.md): EventBridge Scheduler
 * invokes it with `{ "app": "orders" | "visits", "full"?: true }`; it runs the same job as the
 * local host and the CLI, under the same lease, with the invocation as the lease holder.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import type { JobOutcome } from '../core/sync/job-runner.js';
import { type KintoneSyncDeps, reconcileKintoneApp } from '../core/sync/reconcile-kintone.js';
import { SYNCED_KINTONE_APPS } from '../core/sync/sync-model.js';
import { parseInput } from '../core/validation.js';
import { createHubDeps } from './composition.js';
import { kintoneFromSecret } from './kintone-credentials.js';
import { lambdaHandler } from './shared/lambda-handler.js';

const syncEvent = z.object({ app: z.enum(SYNCED_KINTONE_APPS), full: z.boolean().optional() });

export interface KintoneSyncHandlerDeps {
  sync: KintoneSyncDeps;
  logger: Logger;
  overlapMs: number;
  leaseMs: number;
}

export function makeHandler(deps: KintoneSyncHandlerDeps) {
  return async (event: unknown, context?: Pick<Context, 'awsRequestId'>): Promise<JobOutcome> => {
    const { app, full } = parseInput(syncEvent, event, 'event');
    const outcome = await reconcileKintoneApp(deps.sync, app, {
      ...(full ? { full: true } : {}),
      trigger: 'SCHEDULE',
      holder: `lambda:${context?.awsRequestId ?? 'unknown'}`,
      overlapMs: deps.overlapMs,
      leaseMs: deps.leaseMs,
    });
    if ('runId' in outcome)
      deps.logger.info('kintone reconciliation', { app, runId: outcome.runId, ...outcome.counts });
    else deps.logger.info('kintone reconciliation skipped', { app, reason: outcome.reason });
    return outcome;
  };
}

/** The deployed entry point: kintone tokens from Secrets Manager, the rest from the environment. */
export const handler = lambdaHandler({
  kind: 'event',
  secrets: ['KINTONE_SECRET_ARN'],
  compose: ({ config, env, logger, secrets }) => {
    const hub = createHubDeps(config, env);
    const { apps } = kintoneFromSecret(secrets.KINTONE_SECRET_ARN, env, hub.clock, (message, details) =>
      logger.warn(message, details),
    );
    return makeHandler({
      sync: { ...hub, kintoneApps: { orders: apps.ordersApp, visits: apps.visitRecordsApp } },
      logger,
      overlapMs: config.SYNC_OVERLAP_SECONDS * 1000,
      // A Lambda runs at most 15 minutes; the lease outlives a killed invocation only briefly.
      leaseMs: 16 * 60 * 1000,
    });
  },
});
