/**
 * Re-drive (docs/architecture.md, "re-drive means re-run"): the local engine cannot persist an
 * execution, so on start every application the ledger shows in flight is started again with the
 * same input; its idempotent steps bring it back to where it stopped. On AWS the scheduled outbox
 * run starts again only applications whose execution never started. Requirements: X-1.
 */
import { WORKFLOWS } from '../workflows/workflow-engine.js';
import type { WorkflowDeps } from './submit-credit-precheck.js';

export async function redriveInFlightApplications(
  deps: WorkflowDeps,
  options: { onlyUnstartedFor?: number } = {},
): Promise<string[]> {
  const started: string[] = [];
  const before = deps.clock.now().getTime() - (options.onlyUnstartedFor ?? 0);
  for (const application of await deps.ledger.listApplicationsInFlight(500)) {
    const workflow = WORKFLOWS.find((w) => w === application.type);
    if (!workflow) continue;
    // On AWS executions persist: only one whose first step never ran (its start failed after the
    // submission was stored) is started again, after a grace period.
    if (options.onlyUnstartedFor !== undefined) {
      const unstarted = !application.history.some((h) => h.kind === 'VALIDATED');
      if (!unstarted || Date.parse(application.submittedAt ?? application.createdAt) > before) continue;
    }
    await deps.workflows.start(workflow, application.applicationId, {
      applicationId: application.applicationId,
    });
    started.push(application.applicationId);
  }
  return started;
}
