/**
 * `decideApproval`: a person of the task's pool approves or rejects (policy.md "People and
 * roles"): the role and department are checked, nobody decides their own application, the
 * first decision wins (a second one is a clear error), a rejection needs a reason. The decision
 * is recorded with its audit event, then released to the waiting workflow by its task token.
 * Requirements: A4-2, A4-3, X-1, X-5.
 */
import { z } from 'zod';
import { type Actor, actsAs, assertMay } from '../access.js';
import { commitChanges } from '../entity-change.js';
import { ForbiddenError, IntegrationError, NotFoundError, PreconditionFailedError } from '../errors.js';
import { parseInput } from '../validation.js';
import type { Application } from './application.js';
import { applicationChange, taskChange } from './application-changes.js';
import type { ApprovalOutcome, ApprovalTask } from './approval-task.js';
import type { WorkflowDeps } from './submit-credit-precheck.js';

const decideInput = z
  .object({
    taskId: z.string().min(1),
    decision: z.enum(['APPROVE', 'REJECT']),
    comment: z.string().trim().min(1).max(2000).optional(),
  })
  .refine((d) => d.decision === 'APPROVE' || d.comment !== undefined, {
    message: 'a rejection needs a reason',
    path: ['comment'],
  });

/** May this person decide for the task's pool? Directors may do what managers may. */
export function belongsToPool(actor: Actor, task: Pick<ApprovalTask, 'pool'>): boolean {
  if (task.pool.role === 'DIRECTOR') return actor.role === 'DIRECTOR';
  if (task.pool.role === 'MANAGER') {
    return (
      actor.role === 'DIRECTOR' || (actsAs(actor, 'MANAGER') && actor.department === task.pool.department)
    );
  }
  return actor.role === task.pool.role;
}

export async function decideApproval(
  deps: WorkflowDeps,
  actor: Actor,
  input: unknown,
): Promise<{ task: ApprovalTask; application: Application }> {
  assertMay(actor, 'approval.decide');
  const cmd = parseInput(decideInput, input);
  const task = await deps.ledger.getApprovalTask(cmd.taskId);
  if (!task) throw new NotFoundError('ApprovalTask', cmd.taskId);
  if (!belongsToPool(actor, task))
    throw new ForbiddenError('OTHER_APPROVAL_POOL', 'this approval belongs to another pool');
  if (task.applicantId === actor.userId)
    throw new ForbiddenError('OWN_APPLICATION', 'nobody decides their own application');
  if (task.status !== 'OPEN') {
    throw new PreconditionFailedError(
      task.status === 'DECIDED' ? 'TASK_ALREADY_DECIDED' : 'TASK_ESCALATED',
      task.status === 'DECIDED'
        ? `this task was already decided (${task.decision?.decision} by ${task.decision?.decidedBy})`
        : 'this task was escalated to the supervisors; decide the escalated task instead',
    );
  }
  const application = await deps.ledger.getApplication(task.applicationId);
  if (!application) throw new NotFoundError('Application', task.applicationId);
  if (application.status !== 'SUBMITTED') {
    throw new PreconditionFailedError('APPLICATION_CLOSED', `the application is ${application.status}`);
  }
  // Manager AND director means two people: whoever decided one of them may not decide the other.
  const independent = (step: string | undefined) => step === 'MANAGER' || step === 'DIRECTOR';
  if (
    independent(task.step) &&
    application.history.some((h) => h.kind === 'DECIDED' && independent(h.step) && h.by === actor.userId)
  ) {
    throw new ForbiddenError('ONE_PERSON_PER_STEP', 'you already decided another step of this application');
  }
  const now = deps.clock.now().toISOString();
  const decided: ApprovalTask = {
    ...task,
    status: 'DECIDED',
    decision: {
      decision: cmd.decision,
      ...(cmd.comment ? { comment: cmd.comment } : {}),
      decidedBy: actor.userId,
      decidedAt: now,
    },
    version: task.version + 1,
  };
  const { change, application: after } = applicationChange(
    deps,
    actor,
    'approval.decide',
    application,
    {},
    {
      at: now,
      kind: 'DECIDED',
      step: task.step,
      by: actor.userId,
      decision: cmd.decision,
      ...(cmd.comment ? { comment: cmd.comment } : {}),
    },
    now,
  );
  // Conditional on the task's version: of two concurrent decisions, one wins and one is a ConflictError.
  await commitChanges(deps.ledger, [taskChange(deps, actor, 'approval.decide', task, decided, now), change]);
  const outcome: ApprovalOutcome = { decision: cmd.decision, taskId: task.taskId, decidedBy: actor.userId };
  try {
    await deps.workflows.sendTaskSuccess(task.taskToken, outcome);
  } catch (error) {
    // The decision is recorded; a step that no longer waits on this token (timed out, or the
    // engine restarted) reads it from the ledger at its next check, so nothing is lost.
    if (!(error instanceof IntegrationError)) throw error;
  }
  return { task: decided, application: after };
}
