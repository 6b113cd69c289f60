/** Scheduled on AWS: refreshes the G-Staff mirrors (client register, A1-5; staff register, A2-2), so lookups never wait on G-Staff. */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import type { GStaff } from '../core/gstaff/gstaff.js';
import { refreshGStaffMirror } from '../core/gstaff/gstaff-mirror.js';
import { linkClientsToGStaff } from '../core/gstaff/link-clients-to-gstaff.js';
import { refreshStaffRegisterMirror } from '../core/gstaff/staff-register-mirror.js';
import type { HubDeps } from '../core/hub.js';
import { createHubDeps } from './composition.js';
import { gstaffFromSecret } from './gstaff-credentials.js';
import { lambdaHandler } from './shared/lambda-handler.js';
import { createMetrics, HUB_METRICS, MetricUnit } from './shared/metrics.js';

/** `metrics`: one GStaffMirrorRefreshed per successful refresh (none for an hour is alarmed as a stale mirror). */
export function makeHandler(deps: { hub: HubDeps; gstaff: GStaff; logger: Logger; metrics?: Metrics }) {
  return async () => {
    const clients = await refreshGStaffMirror({ ...deps.hub, gstaff: deps.gstaff });
    const staff = await refreshStaffRegisterMirror({ ...deps.hub, gstaff: deps.gstaff });
    const links = await linkClientsToGStaff({ ...deps.hub, gstaff: deps.gstaff }, { limit: 100 });
    deps.logger.info('G-Staff mirror refreshed', { clients, staff, links });
    if (deps.metrics) {
      deps.metrics.addMetric(HUB_METRICS.gstaffMirrorRefreshed, MetricUnit.Count, 1);
      deps.metrics.publishStoredMetrics();
    }
    return { clients, staff, links };
  };
}

/** The deployed entry point: the API key comes from Secrets Manager, the rest from the environment. */
export const handler = lambdaHandler({
  kind: 'event',
  secrets: ['GSTAFF_SECRET_ARN'],
  compose: ({ config, env, logger, secrets }) =>
    makeHandler({
      hub: createHubDeps(config, env),
      gstaff: gstaffFromSecret(secrets.GSTAFF_SECRET_ARN, env),
      logger,
      metrics: createMetrics(config.POWERTOOLS_SERVICE_NAME),
    }),
});
