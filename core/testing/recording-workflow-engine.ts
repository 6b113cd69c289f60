/** A workflow engine for tests that do not exercise workflows: it records what it was asked and runs nothing. */
import type { WorkflowEngine, WorkflowName } from '../workflows/workflow-engine.js';

export class RecordingWorkflowEngine implements WorkflowEngine {
  readonly started: { workflow: WorkflowName; name: string; input: Record<string, unknown> }[] = [];
  readonly released: { taskToken: string; output: Record<string, unknown> }[] = [];

  async start(workflow: WorkflowName, name: string, input: Record<string, unknown>): Promise<void> {
    this.started.push({ workflow, name, input });
  }

  async sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<void> {
    this.released.push({ taskToken, output });
  }
}
