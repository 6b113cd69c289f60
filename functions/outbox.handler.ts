/**
 * Scheduled (every minute on AWS): runs the deadline job (first contacts A1-2, visit records A3-6), then delivers the hub's outboxes — kintone writes, e-mail and
 * e-signature sends —
 * in rounds, while the invocation has time left. Requirements: A1-3, X-3.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { redriveInFlightApplications } from '../core/applications/redrive.js';
import { type DeadlineJobResult, runDeadlineJob } from '../core/deadline-job.js';
import type { DocumentStore } from '../core/documents/document-store.js';
import type { HubDeps } from '../core/hub.js';
import { dispatchKintoneOutbox } from '../core/kintone/dispatch-kintone-outbox.js';
import { dispatchMailOutbox } from '../core/mail/dispatch-mail-outbox.js';
import type { MailTransport } from '../core/mail/mail-transport.js';
import type { OutboxRetryPolicy } from '../core/outbox-retry.js';
import { dispatchSignatureOutbox } from '../core/signing/signature-outbox.js';
import type { SignatureService } from '../core/signing/signature-service.js';
import type { WorkflowEngine } from '../core/workflows/workflow-engine.js';
import type { KintoneApps } from '../integrations/kintone/kintone-config.js';
import { SesMailTransport } from '../integrations/mail/ses-mail.transport.js';
import { createHubDeps, documentsFrom, WORKFLOW_SETTINGS, workflowsFrom } from './composition.js';
import { gmosignFromSecret } from './gmosign-credentials.js';
import { kintoneFromSecret } from './kintone-credentials.js';
import { lambdaHandler } from './shared/lambda-handler.js';
import { createMetrics, HUB_METRICS, MetricUnit, oldestOpenApprovalAgeHours } from './shared/metrics.js';

export interface OutboxDeps {
  hub: HubDeps;
  kintone: Pick<KintoneApps, 'ordersApp' | 'visitRecordsApp' | 'outboxRetry'>;
  mail: { mailTransport: MailTransport; mailRetry: OutboxRetryPolicy };
  /** Absent where GMO Sign is not configured. */
  signing?: { signatures: SignatureService; signatureRetry: OutboxRetryPolicy; documents: DocumentStore };
  logger: Logger;
  batchSize: number;
  /** Starts again applications whose execution never started (StartExecution failed after the submit). */
  workflows?: WorkflowEngine;
  /** Where the run's numbers go (alarms: outbox gave up, oldest open approval); published at the end of each run. */
  metrics?: Metrics;
}

export interface OutboxRun {
  /** The deadline job, run before the outboxes so its e-mails go out in the same run. */
  deadlines: DeadlineJobResult;
  /** Applications whose workflow was started again (their first start had failed). */
  restarted: number;
  kintone: { delivered: number; retrying: number; failed: number; held: number };
  mail: { sent: number; retrying: number; failed: number };
  signing?: { sent: number; retrying: number; needsConfirmation: number; confirmed: number; failed: number };
}

/** Leave this much of the invocation unused, so a round never runs into the Lambda timeout. */
const SAFETY_MARGIN_MS = 30_000;

/** Adds a round's counts to the run's; returns how many entries the round handled. */
function add(total: Record<string, number>, round: object): number {
  let handled = 0;
  for (const [key, count] of Object.entries(round) as [string, number][]) {
    total[key] = (total[key] ?? 0) + count;
    handled += count;
  }
  return handled;
}

export function makeHandler(deps: OutboxDeps) {
  return async (_event: unknown, context?: Pick<Context, 'getRemainingTimeInMillis'>): Promise<OutboxRun> => {
    const run: OutboxRun = {
      deadlines: await runDeadlineJob(deps.hub),
      restarted: deps.workflows
        ? (
            await redriveInFlightApplications(
              { ...deps.hub, workflows: deps.workflows },
              { onlyUnstartedFor: 120_000 },
            )
          ).length
        : 0,
      kintone: { delivered: 0, retrying: 0, failed: 0, held: 0 },
      mail: { sent: 0, retrying: 0, failed: 0 },
    };
    const timeLeft = () => !context || context.getRemainingTimeInMillis() > SAFETY_MARGIN_MS;
    while (timeLeft()) {
      const handled = add(
        run.kintone,
        await dispatchKintoneOutbox({ ...deps.hub, ...deps.kintone }, { limit: deps.batchSize }),
      );
      if (handled < deps.batchSize) break;
    }
    while (timeLeft()) {
      const handled = add(
        run.mail,
        await dispatchMailOutbox({ ...deps.hub, ...deps.mail }, { limit: deps.batchSize }),
      );
      if (handled < deps.batchSize) break;
    }
    if (deps.signing) {
      run.signing = { sent: 0, retrying: 0, needsConfirmation: 0, confirmed: 0, failed: 0 };
      while (timeLeft()) {
        const handled = add(
          run.signing,
          await dispatchSignatureOutbox({ ...deps.hub, ...deps.signing }, { limit: deps.batchSize }),
        );
        if (handled < deps.batchSize) break;
      }
    }
    const gaveUp = run.kintone.failed + run.mail.failed + (run.signing?.failed ?? 0);
    if (gaveUp) deps.logger.warn('outbox writes failed for good; a person must look', { ...run });
    else deps.logger.info('outbox dispatched', { ...run });
    if (deps.metrics) {
      deps.metrics.addMetric(HUB_METRICS.outboxGaveUp, MetricUnit.Count, gaveUp);
      deps.metrics.addMetric(
        HUB_METRICS.oldestOpenApprovalAgeHours,
        MetricUnit.Count,
        await oldestOpenApprovalAgeHours(deps.hub),
      );
      deps.metrics.publishStoredMetrics();
    }
    return run;
  };
}

/** The deployed entry point: kintone and GMO Sign credentials from Secrets Manager, the rest from the environment. */
export const handler = lambdaHandler({
  kind: 'event',
  settings: ['MAIL_FROM_ADDRESS', ...WORKFLOW_SETTINGS],
  secrets: ['KINTONE_SECRET_ARN', 'GMOSIGN_SECRET_ARN'],
  compose: ({ config, env, logger, secrets }) => {
    const hub = createHubDeps(config, env);
    const { apps: kintone } = kintoneFromSecret(
      secrets.KINTONE_SECRET_ARN,
      env,
      hub.clock,
      (message, details) => logger.warn(message, details),
    );
    // The PDFs to sign are read from the documents bucket: without it, no signature is sent
    // (kintone and mail go on), and the log says why.
    const { signatures } = gmosignFromSecret(secrets.GMOSIGN_SECRET_ARN, env);
    const bucket = config.DOCUMENTS_BUCKET;
    if (!bucket) logger.warn('signature outbox off', { reason: 'DOCUMENTS_BUCKET is not set' });
    return makeHandler({
      hub,
      kintone,
      mail: {
        mailTransport: new SesMailTransport({
          region: config.AWS_REGION,
          fromAddress: config.MAIL_FROM_ADDRESS,
        }),
        mailRetry: kintone.outboxRetry,
      },
      ...(bucket
        ? {
            signing: {
              signatures,
              signatureRetry: kintone.outboxRetry,
              documents: documentsFrom({ ...config, DOCUMENTS_BUCKET: bucket }),
            },
          }
        : {}),
      logger,
      batchSize: config.OUTBOX_BATCH_SIZE,
      workflows: workflowsFrom(config),
      metrics: createMetrics(config.POWERTOOLS_SERVICE_NAME),
    });
  },
});
