/**
 * Re-drive (architecture.md, "re-drive means re-run"): the local engine cannot persist an
 * execution, so on start every application the ledger shows in flight is started again with the
 * same input; its idempotent steps bring it back to where it stopped. Requirements: X-1.
 */
import { WORKFLOWS } from '../workflows/workflow-engine.js';
import type { WorkflowDeps } from './submit-credit-precheck.js';

export async function redriveInFlightApplications(deps: WorkflowDeps): Promise<string[]> {
  const started: string[] = [];
  for (const application of await deps.ledger.listApplicationsInFlight(500)) {
    const workflow = WORKFLOWS.find((w) => w === application.type);
    if (!workflow) continue;
    await deps.workflows.start(workflow, application.applicationId, {
      applicationId: application.applicationId,
    });
    started.push(application.applicationId);
  }
  return started;
}
