/**
 * The same submission again (a double click, a retry after a lost answer): the open application
 * in the slot is started once more — idempotent by its execution name — and returned, so a double
 * submit starts one workflow. Requirements: A4-1, X-4.
 */
import type { WorkflowName } from '../workflows/workflow-engine.js';
import type { Application, ApplicationSlot } from './application.js';
import type { WorkflowDeps } from './submit-credit-precheck.js';

export async function restartIfResubmitted(
  deps: WorkflowDeps,
  workflow: WorkflowName,
  slot: ApplicationSlot | undefined,
  isSameSubmission: (open: Application) => boolean,
): Promise<Application | undefined> {
  if (!slot?.openApplicationId) return undefined;
  const open = await deps.ledger.getApplication(slot.openApplicationId);
  if (open?.status !== 'SUBMITTED' || !isSameSubmission(open)) return undefined;
  await deps.workflows.start(workflow, open.applicationId, { applicationId: open.applicationId });
  return open;
}
