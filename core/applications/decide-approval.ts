/**
 * `decideApproval`: a person of the task's pool approves or rejects (docs/policy.md "People and
 * roles"): the role and department are checked, nobody decides their own application, the
 * first decision wins (a second one is a clear error), a rejection needs a reason. The decision
 * is recorded with its audit event, then released to the waiting workflow by its task token.
 * The decider must be an active member of the staff directory. Separation of duties: the manager
 * and the director step are decided by two different people, so an approval that would leave the
 * other step with nobody in the directory who may still decide it is refused, naming who should
 * decide this step instead. Every refusal names its rule (RefusalRule).
 * Requirements: A4-2, A4-3, X-1, X-5.
 */
import * as z from 'zod';
import { type Actor, actsAs, assertMay } from '../access.js';
import { commitChanges } from '../entity-change.js';
import { ForbiddenError, IntegrationError, NotFoundError, PreconditionFailedError } from '../errors.js';
import type { StaffMember } from '../staff/staff-member.js';
import { parseInput } from '../validation.js';
import type { Application, ApprovalStep } from './application.js';
import { applicationChange, taskChange } from './application-changes.js';
import { type ApprovalOutcome, type ApprovalTask, poolFor } from './approval-task.js';
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

/** The manager and the director step: two people (docs/policy.md "People and roles"). */
const independent = (step: ApprovalStep | undefined) => step === 'MANAGER' || step === 'DIRECTOR';

const asActor = (m: StaffMember): Actor => ({
  userId: m.userId,
  role: m.role,
  ...(m.department ? { department: m.department } : {}),
});

/** Who decided the application's other independent step (manager ↔ director), if anyone. */
export const deciderOfOtherStep = (application: Application, step: ApprovalStep) =>
  application.history.find((h) => h.kind === 'DECIDED' && independent(h.step) && h.step !== step)?.by;

/**
 * The active people who may decide `step` of the application: in its pool, not the applicant, and
 * not whoever decided (or is deciding) its other independent step.
 */
export function mayStillDecide(
  staff: StaffMember[],
  application: Application,
  step: ApprovalStep,
  pool: ApprovalTask['pool'] = poolFor(step, application.department),
  alsoExcluded?: string,
): StaffMember[] {
  const other = independent(step) ? deciderOfOtherStep(application, step) : undefined;
  return staff.filter(
    (m) =>
      m.active &&
      m.userId !== application.applicantId &&
      m.userId !== other &&
      m.userId !== alsoExcluded &&
      belongsToPool(asActor(m), { pool }),
  );
}

/**
 * An approval of one independent step by this person must leave someone for the other one when
 * the application still needs it (the director step only when the policy required it).
 */
async function assertOtherStepStaysDecidable(
  deps: WorkflowDeps,
  actor: Actor,
  task: ApprovalTask,
  application: Application,
): Promise<void> {
  if (!independent(task.step)) return;
  const other: ApprovalStep = task.step === 'MANAGER' ? 'DIRECTOR' : 'MANAGER';
  const needed = other === 'MANAGER' || (application.directorReasons?.length ?? 0) > 0;
  const decided = application.history.some((h) => h.kind === 'DECIDED' && h.step === other);
  if (!needed || decided) return;
  const staff = await deps.ledger.listStaffMembers();
  if (mayStillDecide(staff, application, other, undefined, actor.userId).length > 0) return;
  // Someone else of this task's pool decides this step, so that the actor remains for the other one.
  const instead = mayStillDecide(staff, application, task.step, task.pool, actor.userId)
    .map((m) => m.userId)
    .sort();
  throw new ForbiddenError(
    'NO_ONE_LEFT_TO_DECIDE',
    `approving the ${task.step} step yourself would leave the ${other} step with nobody in the staff directory who may decide it (each is decided by a different person); ${
      instead.length
        ? `ask ${instead.join(', ')} to decide the ${task.step} step`
        : `nobody else may decide the ${task.step} step either: an administrator must add an active ${other === 'DIRECTOR' ? 'director' : 'manager'} to the staff directory`
    }`,
  );
}

export async function decideApproval(
  deps: WorkflowDeps,
  actor: Actor,
  input: unknown,
): Promise<{ task: ApprovalTask; application: Application }> {
  assertMay(actor, 'approval.decide');
  const cmd = parseInput(decideInput, input);
  const member = await deps.ledger.getStaffMember(actor.userId);
  if (!member?.active) {
    throw new ForbiddenError('NOT_ACTIVE_STAFF', 'you are not an active member of the staff directory');
  }
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
  if (
    independent(task.step) &&
    application.history.some((h) => h.kind === 'DECIDED' && independent(h.step) && h.by === actor.userId)
  ) {
    throw new ForbiddenError('ONE_PERSON_PER_STEP', 'you already decided another step of this application');
  }
  if (cmd.decision === 'APPROVE') await assertOtherStepStaysDecidable(deps, actor, task, application);
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
