/**
 * The workflow engine port: Step Functions Standard on AWS, `aws-local-stepfunctions` running
 * the same synthesized definitions locally (docs/architecture.md). An execution is named after the
 * application it runs, so starting it twice starts it once. Requirements: A4-1 … A4-7, X-1.
 */
import { APPLICATION_TYPES, type ApplicationType } from '../applications/application.js';

/** One workflow per application type (its module: core/applications/workflows.ts); the state machine's Comment names it. */
export const WORKFLOWS = APPLICATION_TYPES;
export type WorkflowName = ApplicationType;

export interface WorkflowEngine {
  /** Starts `name` (idempotent for the same name and input). */
  start(workflow: WorkflowName, name: string, input: Record<string, unknown>): Promise<void>;
  /** Releases a waiting callback step (`waitForTaskToken`) with its output. */
  sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<void>;
}
