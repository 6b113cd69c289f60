/**
 * The task function of the approval workflows: every Lambda task of the state machines runs it
 * (on AWS, `functions/workflow-tasks.handler.ts`; locally, the same function called by the local
 * engine) with `{ task, applicationId, … }`. The task is looked up by name among the shared
 * approval steps and the steps each workflow module registers, and its input is checked against
 * the schema the task declares before anything runs. Every step is idempotent: a re-run of an
 * execution with the same input finds what the first run did and does nothing twice.
 * Requirements: A4-1, A4-2, A4-3, A7-1, X-1, X-4.
 */
import * as z from 'zod';
import { IntegrationError, ValidationError } from '../errors.js';
import { parseInput } from '../validation.js';
import { APPROVAL_STEP_TASKS } from './approval-steps.js';
import type { WorkflowTask, WorkflowTaskDeps } from './workflow-module.js';
import { APPLICATION_WORKFLOWS } from './workflows.js';

export type { WorkflowTaskDeps } from './workflow-module.js';

/** Every task by name; two modules registering the same name is a programming error, found at load. */
function taskRegistry(): Map<string, WorkflowTask> {
  const registry = new Map<string, WorkflowTask>();
  const sources = [APPROVAL_STEP_TASKS, ...APPLICATION_WORKFLOWS.map((w) => w.tasks)];
  for (const tasks of sources) {
    for (const [name, task] of Object.entries(tasks)) {
      if (registry.has(name)) throw new Error(`workflow task ${name} is registered twice`);
      registry.set(name, task);
    }
  }
  return registry;
}

const TASKS = taskRegistry();

/** The names of every registered task (the state machines may call only these). */
export const WORKFLOW_TASK_NAMES: readonly string[] = [...TASKS.keys()];

const named = z.object({ task: z.string().min(1) });

/** Runs one task step; what it returns becomes the step's result in the state machine. */
export async function runWorkflowTask(
  deps: WorkflowTaskDeps,
  event: unknown,
): Promise<Record<string, unknown>> {
  const { task: name } = parseInput(named, event, 'event');
  const task = TASKS.get(name);
  if (!task)
    throw new ValidationError([{ path: 'event.task', message: `no workflow task is named ${name}` }]);
  return task.run(deps, parseInput(task.input, event, 'event'));
}

/**
 * The error name a failed step reports to the state machine: a retryable integration failure
 * becomes `TransientIntegrationError` (retried with back-off), everything else keeps its name
 * (ValidationError, NotFoundError, … — caught and recorded as the application's failure).
 */
export function workflowErrorName(error: unknown): string {
  if (error instanceof IntegrationError)
    return error.retryable ? 'TransientIntegrationError' : 'IntegrationError';
  return error instanceof Error ? error.name : 'Error';
}
