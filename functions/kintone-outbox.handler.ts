/**
 * Scheduled (every minute on AWS): delivers what the hub owes kintone from the outbox, in
 * rounds, while the invocation has time left. Requirements: A1-3, X-3.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { HubDeps } from '../core/hub.js';
import { type DispatchResult, dispatchKintoneOutbox } from '../core/kintone/dispatch-kintone-outbox.js';
import type { KintoneApps } from '../integrations/kintone/kintone-config.js';
import { createKintoneApps, kintoneSettings, liveTarget } from '../integrations/kintone/kintone-config.js';
import { cachedSecret, createHubDeps } from './composition.js';
import { parseConfig } from './config.js';
import { createLogger } from './shared/logger.js';

export interface KintoneOutboxDeps {
  hub: HubDeps;
  kintone: Pick<KintoneApps, 'ordersApp' | 'outboxRetry'>;
  logger: Logger;
  batchSize: number;
}

/** Leave this much of the invocation unused, so a round never runs into the Lambda timeout. */
const SAFETY_MARGIN_MS = 30_000;

export function makeHandler(deps: KintoneOutboxDeps) {
  return async (
    _event: unknown,
    context?: Pick<Context, 'getRemainingTimeInMillis'>,
  ): Promise<DispatchResult> => {
    const total: DispatchResult = { delivered: 0, retrying: 0, failed: 0 };
    for (;;) {
      const round = await dispatchKintoneOutbox({ ...deps.hub, ...deps.kintone }, { limit: deps.batchSize });
      total.delivered += round.delivered;
      total.retrying += round.retrying;
      total.failed += round.failed;
      const handled = round.delivered + round.retrying + round.failed;
      if (handled < deps.batchSize) break;
      if (context && context.getRemainingTimeInMillis() < SAFETY_MARGIN_MS) break;
    }
    if (total.failed)
      deps.logger.warn('kintone writes failed for good; see the clients’ kintone sync state', { ...total });
    else deps.logger.info('kintone outbox dispatched', { ...total });
    return total;
  };
}

let lambdaHandler: ((event: unknown, context: Context) => Promise<DispatchResult>) | undefined;

/** The deployed entry point: kintone API tokens come from Secrets Manager, the rest from the environment. */
export const handler = async (event: unknown, context: Context) => {
  if (!lambdaHandler) {
    const config = parseConfig(process.env);
    const logger = createLogger(config.POWERTOOLS_SERVICE_NAME);
    const secretArn = process.env.KINTONE_SECRET_ARN;
    if (!secretArn) throw new Error('invalid configuration: KINTONE_SECRET_ARN: is required');
    const tokens = JSON.parse(await cachedSecret(config.AWS_REGION, secretArn)()) as Record<string, string>;
    const settings = kintoneSettings({
      ...process.env,
      KINTONE_MODE: 'live',
      KINTONE_ORDERS_API_TOKEN: tokens.ordersApiToken,
      KINTONE_VISITS_API_TOKEN: tokens.visitsApiToken,
    });
    const hub = createHubDeps(config, process.env);
    const kintone = createKintoneApps(settings, liveTarget(settings), hub.clock, (message, details) =>
      logger.warn(message, details),
    );
    const inner = makeHandler({ hub, kintone, logger, batchSize: 25 });
    lambdaHandler = middy((e: unknown, c: Context) => inner(e, c)).use(injectLambdaContext(logger));
  }
  return lambdaHandler(event, context);
};
