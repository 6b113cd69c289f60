/**
 * The registry of approval workflows: one module per application type (workflow-module.ts).
 * Adding a workflow is adding its module here; the shared steps and the task runner find it by
 * the application's type. Requirements: A4-1.
 */
import type { ApplicationType } from './application.js';
import { contractExecutionWorkflow } from './contract-execution-workflow.js';
import { creditPrecheckWorkflow } from './credit-precheck-workflow.js';
import { individualContractWorkflow } from './individual-contract-workflow.js';
import { orderApprovalWorkflow } from './order-approval-workflow.js';
import type { ApplicationWorkflow } from './workflow-module.js';

export const APPLICATION_WORKFLOWS: readonly ApplicationWorkflow[] = [
  creditPrecheckWorkflow,
  contractExecutionWorkflow,
  orderApprovalWorkflow,
  individualContractWorkflow,
];

const byType = new Map(APPLICATION_WORKFLOWS.map((w) => [w.type, w]));

/** The module that runs an application of this type. */
export function workflowOf(type: ApplicationType): ApplicationWorkflow {
  const workflow = byType.get(type);
  if (!workflow) throw new Error(`no workflow module runs ${type} applications`);
  return workflow;
}
