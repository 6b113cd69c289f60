/**
 * The hub's own CloudWatch metrics, published with Powertools Metrics (embedded metric format,
 * no API call) and watched by the alarms of infra/monitoring.ts (names in ./metric-names.ts).
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { ApprovalPool } from '../../core/applications/approval-task.js';
import type { HubDeps } from '../../core/hub.js';
import { salesDepartments } from '../../core/staff/departments.js';
import { HUB_METRICS } from './metric-names.js';

export { HUB_METRICS, MetricUnit };

export function createMetrics(serviceName: string): Metrics {
  return new Metrics({ namespace: HUB_METRICS.namespace, serviceName });
}

/** Hours the oldest open approval task (any pool's queue) has waited; 0 when none is open. */
export async function oldestOpenApprovalAgeHours(deps: Pick<HubDeps, 'ledger' | 'clock'>): Promise<number> {
  const pools: ApprovalPool[] = [
    { role: 'DIRECTOR' },
    { role: 'LEGAL' },
    ...(await salesDepartments(deps.ledger)).map((department) => ({ role: 'MANAGER' as const, department })),
  ];
  // Each queue is ordered by opening time: its first task is its oldest.
  const oldest = (await Promise.all(pools.map((pool) => deps.ledger.listOpenApprovalTasks(pool, 1))))
    .flat()
    .map((task) => Date.parse(task.openedAt))
    .sort((a, b) => a - b)[0];
  if (oldest === undefined) return 0;
  return Math.max(0, Math.floor((deps.clock.now().getTime() - oldest) / 3_600_000));
}
