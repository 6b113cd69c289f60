/** Scheduled on AWS: refreshes the G-Staff mirrors (client register, A1-5; worker register, A2-2 / A5-5), so lookups never wait on G-Staff. */
import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import type { GStaff } from '../core/gstaff/gstaff.js';
import { refreshGStaffMirror } from '../core/gstaff/gstaff-mirror.js';
import { linkClientsToGStaff } from '../core/gstaff/link-clients-to-gstaff.js';
import { refreshWorkerRegisterMirror } from '../core/gstaff/worker-register-mirror.js';
import type { HubDeps } from '../core/hub.js';
import { createGStaff, gstaffSettings } from '../integrations/gstaff/gstaff-config.js';
import { cachedSecret, createHubDeps } from './composition.js';
import { parseConfig } from './config.js';
import { createLogger } from './shared/logger.js';
import { createMetrics, HUB_METRICS, MetricUnit } from './shared/metrics.js';

/** `metrics`: one GStaffMirrorRefreshed per successful refresh (none for an hour is alarmed as a stale mirror). */
export function makeHandler(deps: { hub: HubDeps; gstaff: GStaff; logger: Logger; metrics?: Metrics }) {
  return async () => {
    const clients = await refreshGStaffMirror({ ...deps.hub, gstaff: deps.gstaff });
    const workers = await refreshWorkerRegisterMirror({ ...deps.hub, gstaff: deps.gstaff });
    const links = await linkClientsToGStaff({ ...deps.hub, gstaff: deps.gstaff }, { limit: 100 });
    deps.logger.info('G-Staff mirror refreshed', { clients, workers, links });
    if (deps.metrics) {
      deps.metrics.addMetric(HUB_METRICS.gstaffMirrorRefreshed, MetricUnit.Count, 1);
      deps.metrics.publishStoredMetrics();
    }
    return { clients, workers, links };
  };
}

type Counts = { seen: number; changed: number };
let lambdaHandler:
  | ((event: unknown, context: Context) => Promise<{ clients: Counts; workers: Counts }>)
  | undefined;

/** The deployed entry point: the API key comes from Secrets Manager, the rest from the environment. */
export const handler = async (event: unknown, context: Context) => {
  if (!lambdaHandler) {
    const config = parseConfig(process.env);
    const logger = createLogger(config.POWERTOOLS_SERVICE_NAME);
    const secretArn = process.env.GSTAFF_SECRET_ARN;
    if (!secretArn) throw new Error('invalid configuration: GSTAFF_SECRET_ARN: is required');
    const apiKey = await cachedSecret(config.AWS_REGION, secretArn)();
    const settings = gstaffSettings({ ...process.env, GSTAFF_MODE: 'live', GSTAFF_API_KEY: apiKey });
    const gstaff = createGStaff(settings, { baseUrl: settings.GSTAFF_BASE_URL as string, apiKey });
    const metrics = createMetrics(config.POWERTOOLS_SERVICE_NAME);
    const inner = makeHandler({ hub: createHubDeps(config, process.env), gstaff, logger, metrics });
    lambdaHandler = middy((_e: unknown, _c: Context) => inner()).use(injectLambdaContext(logger));
  }
  return lambdaHandler(event, context);
};
