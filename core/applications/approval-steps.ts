/**
 * The steps every approval workflow shares: an approval task opened for its pool and escalated
 * to the supervisors when nobody decides in time, the decision recorded, a failure recorded.
 * What a decision or a failure changes besides the application (the client's stage, the order
 * in kintone) is the workflow module's (`onDecided`, `onFailed`), looked up by the application's
 * type. Every step is idempotent. Requirements: A4-1, A4-2, A4-3, X-1.
 */
import * as z from 'zod';
import { commitChanges, type EntityChange } from '../entity-change.js';
import { ValidationError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import { notify } from '../notifications/notification.js';
import type { StaffMember } from '../staff/staff-member.js';
import { APPROVAL_STEPS, type Application, type ApprovalStep } from './application.js';
import { applicationChange, releaseSlot, taskChange } from './application-changes.js';
import {
  type ApprovalOutcome,
  type ApprovalPool,
  type ApprovalTask,
  approvalTaskIdOf,
  poolFor,
  supervisorPoolOf,
} from './approval-task.js';
import { deciderOfOtherStep, mayStillDecide } from './decide-approval.js';
import {
  type DecisionText,
  loadApplication,
  loadClient,
  type Outcome,
  WORKFLOW,
  type WorkflowTask,
  type WorkflowTaskDeps,
  workflowTask,
} from './workflow-module.js';
import { workflowOf } from './workflows.js';

/**
 * Whom a task is announced to: its pool's active members but the applicant (and whoever decided
 * the other independent step); an escalated task kept with the department's managers is
 * announced to the directors too (see `escalatedPool`).
 */
function announcedTo(
  staff: readonly StaffMember[],
  pool: ApprovalPool,
  escalated: boolean,
  except: string,
  alsoExcept?: string,
): StaffMember[] {
  const inPool = (m: StaffMember) =>
    (m.role === pool.role && (pool.department === undefined || m.department === pool.department)) ||
    (escalated && m.role === 'DIRECTOR');
  return staff.filter((m) => m.active && inPool(m) && m.userId !== except && m.userId !== alsoExcept);
}

/**
 * Whom a task nobody decided in time goes to: the supervisors (the directors). But the manager and
 * the director step are decided by two different people, so a manager step handed to the
 * directors alone, of an application that still needs its director step, would be undecidable
 * with fewer than two directors who may decide (the one who approved it could not decide the
 * other). Then the escalated manager step stays with the department's managers, whom directors
 * may stand in for anyway, and the directors are told as for any escalation.
 */
function escalatedPool(
  staff: StaffMember[],
  application: Application,
  step: ApprovalStep,
  basePool: ApprovalPool,
): ApprovalPool {
  const supervisors = supervisorPoolOf(basePool);
  if (step !== 'MANAGER') return supervisors;
  const directorStepToCome =
    (application.directorReasons?.length ?? 0) > 0 &&
    !application.history.some((h) => h.kind === 'DECIDED' && h.step === 'DIRECTOR');
  if (!directorStepToCome) return supervisors;
  const directors = mayStillDecide(staff, application, 'DIRECTOR');
  return directors.length >= 2 ? supervisors : basePool;
}

/** The decisions every workflow can reach: by the manager or by a director. */
const SHARED_DECISIONS: Record<string, DecisionText> = {
  MANAGER: { text: (o) => `マネージャーの決裁により${o === 'APPROVED' ? '承認' : '否決'}されました。` },
  DIRECTOR: { text: (o) => `取締役の決裁により${o === 'APPROVED' ? '承認' : '否決'}されました。` },
};

const STEP_LABEL: Record<ApprovalStep, string> = {
  MANAGER: 'マネージャー',
  DIRECTOR: '取締役',
  LEGAL_REVIEW: '法務（定形外契約の審査）',
  LEGAL_SEND: '法務（GMOサインでの発報）',
  MARKETING_SEND: 'マーケティング（個別契約書のGMOサインでの発報）',
};

const openInput = z.object({
  applicationId: z.string().min(1),
  step: z.enum(APPROVAL_STEPS),
  escalated: z.boolean(),
  taskToken: z.string().min(1),
});

/**
 * The callback step: opens the task for its pool with the workflow's token (or, on a re-run,
 * gives the existing task the new token). An already decided task answers with its decision;
 * an already escalated one says so (the local engine then behaves as if the step timed out).
 */
async function openApprovalTask(
  deps: HubDeps,
  e: z.output<typeof openInput>,
): Promise<{ alreadyDecided?: ApprovalOutcome; alreadyEscalated?: true; openedAt?: string }> {
  const application = await loadApplication(deps, e.applicationId);
  const taskId = approvalTaskIdOf(application.applicationId, e.step, e.escalated);
  const existing = await deps.ledger.getApprovalTask(taskId);
  const now = deps.clock.now().toISOString();
  if (existing?.status === 'DECIDED' && existing.decision) {
    return {
      alreadyDecided: {
        decision: existing.decision.decision,
        taskId,
        decidedBy: existing.decision.decidedBy,
      },
    };
  }
  if (existing?.status === 'ESCALATED') return { alreadyEscalated: true };
  if (existing) {
    const after: ApprovalTask = { ...existing, taskToken: e.taskToken, version: existing.version + 1 };
    await commitChanges(deps.ledger, [taskChange(deps, WORKFLOW, 'approval.reattach', existing, after, now)]);
    // The task's deadline counts from its opening: a re-run waits only for the time left.
    return { openedAt: existing.openedAt };
  }
  const staff = await deps.ledger.listStaffMembers();
  const basePool = poolFor(e.step, application.department);
  const pool = e.escalated ? escalatedPool(staff, application, e.step, basePool) : basePool;
  const task: ApprovalTask = {
    taskId,
    applicationId: application.applicationId,
    applicationType: application.type,
    clientId: application.clientId,
    applicantId: application.applicantId,
    step: e.step,
    pool,
    status: 'OPEN',
    taskToken: e.taskToken,
    openedAt: now,
    version: 1,
  };
  const client = await loadClient(deps, application.clientId);
  const applicant = await deps.ledger.getStaffMember(application.applicantId);
  const { change } = applicationChange(
    deps,
    WORKFLOW,
    'approval.open',
    application,
    {},
    { at: now, kind: e.escalated ? 'ESCALATED' : 'APPROVAL_REQUESTED', step: e.step, detail: taskId },
    now,
  );
  await commitChanges(
    deps.ledger,
    [taskChange(deps, WORKFLOW, 'approval.open', undefined, task, now), change],
    notify(
      deps.ids,
      now,
      announcedTo(staff, pool, e.escalated, application.applicantId, deciderOfOtherStep(application, e.step)),
      {
        template: 'APPROVAL_REQUESTED',
        clientId: application.clientId,
        params: {
          company: client.name,
          applicationLabel: workflowOf(application.type).label,
          applicantName: applicant?.name ?? application.applicantId,
          step: STEP_LABEL[e.step],
          escalated: e.escalated,
          reasons: e.step === 'DIRECTOR' ? (application.directorReasons ?? []) : [],
          taskId,
        },
      },
    ),
  );
  return {};
}

/** Nobody decided in time: the task is closed as ESCALATED (the next step opens one for the supervisors). */
async function escalateApprovalTask(
  deps: HubDeps,
  applicationId: string,
  step: ApprovalStep,
  escalated: boolean,
): Promise<{ decided: boolean; outcome?: ApprovalOutcome }> {
  const taskId = approvalTaskIdOf(applicationId, step, escalated);
  const task = await deps.ledger.getApprovalTask(taskId);
  // Decided while the step was not listening (it timed out, or its release failed): the decision stands.
  if (task?.status === 'DECIDED' && task.decision) {
    return {
      decided: true,
      outcome: { decision: task.decision.decision, taskId, decidedBy: task.decision.decidedBy },
    };
  }
  if (task?.status === 'OPEN' && !escalated) {
    const now = deps.clock.now().toISOString();
    const after: ApprovalTask = { ...task, status: 'ESCALATED', escalatedAt: now, version: task.version + 1 };
    await commitChanges(deps.ledger, [taskChange(deps, WORKFLOW, 'approval.escalate', task, after, now)]);
  }
  return { decided: false };
}

/** Records the decision (once): the slot released, the applicant told, and what the workflow's module changes with it. */
async function decideApplication(
  deps: WorkflowTaskDeps,
  applicationId: string,
  outcome: Outcome,
  reason: string,
): Promise<{ status: string }> {
  const application = await loadApplication(deps, applicationId);
  if (application.status !== 'SUBMITTED') return { status: application.status };
  const workflow = workflowOf(application.type);
  const decision = workflow.decisions?.[reason] ?? SHARED_DECISIONS[reason];
  if (!decision)
    throw new ValidationError([
      { path: 'event.reason', message: `${reason} is not a decision of the ${application.type} workflow` },
    ]);
  const client = await loadClient(deps, application.clientId);
  const now = deps.clock.now().toISOString();
  const detail = decision.text(outcome, application);
  const effects = (await workflow.onDecided?.(deps, outcome, { application, client, now })) ?? {
    changes: [],
    writes: [],
  };
  const changes: EntityChange[] = [
    applicationChange(
      deps,
      WORKFLOW,
      'application.decide',
      application,
      { status: outcome, decidedAt: now },
      { at: now, kind: decision.kind ?? outcome, detail },
      now,
    ).change,
    ...(await releaseSlot(deps, WORKFLOW, 'application.decide', application, now)),
    ...effects.changes,
  ];
  const applicant = await deps.ledger.getStaffMember(application.applicantId);
  await commitChanges(deps.ledger, changes, [
    ...effects.writes,
    ...notify(deps.ids, now, applicant ? [applicant] : [], {
      template: 'APPLICATION_DECIDED',
      clientId: client.clientId,
      params: {
        company: client.name,
        applicationLabel: workflow.label,
        outcome,
        detail: effects.note ? `${detail}\n${effects.note}` : detail,
        applicationId,
      },
    }),
  ]);
  return { status: outcome };
}

type StepError = { Error?: string | undefined; Cause?: unknown } | undefined;

/** What failed, as staff and support read it: the error's name and (the start of) its message. */
function failureDetail(error: StepError): string {
  const cause = typeof error?.Cause === 'string' ? error.Cause : '';
  return `${error?.Error ?? 'unknown'}${cause ? `: ${cause.slice(0, 300)}` : ''}`;
}

/** A step failed for good (not a transient error): the application is FAILED, its slot released, its open tasks closed, the applicant told. */
async function failApplication(
  deps: WorkflowTaskDeps,
  applicationId: string,
  error: StepError,
): Promise<{ status: string }> {
  const application = await loadApplication(deps, applicationId);
  if (application.status !== 'SUBMITTED') return { status: application.status };
  const workflow = workflowOf(application.type);
  const client = await loadClient(deps, application.clientId);
  const now = deps.clock.now().toISOString();
  const detail = `ワークフローの処理でエラーが発生しました（${error?.Error ?? 'unknown'}）。システム担当にご連絡のうえ、再申請してください。`;
  const applicant = await deps.ledger.getStaffMember(application.applicantId);
  // What the workflow puts back (the client's stage, the order, …).
  const effects = (await workflow.onFailed?.(deps, { application, client, now })) ?? {
    changes: [],
    writes: [],
  };
  // Open approvals leave the approvers' queues.
  const closedTasks = (await deps.ledger.listApprovalTasksOfApplication(applicationId))
    .filter((t) => t.status === 'OPEN')
    .map((t) =>
      taskChange(
        deps,
        WORKFLOW,
        'application.fail',
        t,
        { ...t, status: 'CLOSED', version: t.version + 1 },
        now,
      ),
    );
  await commitChanges(
    deps.ledger,
    [
      ...closedTasks,
      ...effects.changes,
      applicationChange(
        deps,
        WORKFLOW,
        'application.fail',
        application,
        { status: 'FAILED', decidedAt: now },
        { at: now, kind: 'FAILED', detail: failureDetail(error) },
        now,
      ).change,
      ...(await releaseSlot(deps, WORKFLOW, 'application.fail', application, now)),
    ],
    [
      ...effects.writes,
      ...notify(deps.ids, now, applicant ? [applicant] : [], {
        template: 'APPLICATION_DECIDED',
        clientId: client.clientId,
        params: {
          company: client.name,
          applicationLabel: workflow.label,
          outcome: 'FAILED',
          detail,
          applicationId,
        },
      }),
    ],
  );
  return { status: 'FAILED' };
}

const byId = z.object({ applicationId: z.string().min(1) });

/** The shared steps, by the names the state machines call them. */
export const APPROVAL_STEP_TASKS: Record<string, WorkflowTask> = {
  'approval.open': workflowTask(openInput, (deps, e) => openApprovalTask(deps, e)),
  'approval.escalate': workflowTask(
    byId.extend({
      step: z.enum(APPROVAL_STEPS),
      /** true: the escalated task's wait timed out — only look whether it was decided meanwhile. */
      escalated: z.boolean().default(false),
    }),
    (deps, e) => escalateApprovalTask(deps, e.applicationId, e.step, e.escalated),
  ),
  'application.decide': workflowTask(
    byId.extend({ outcome: z.enum(['APPROVED', 'REJECTED']), reason: z.string().min(1) }),
    (deps, e) => decideApplication(deps, e.applicationId, e.outcome, e.reason),
  ),
  'application.fail': workflowTask(
    byId.extend({
      error: z.object({ Error: z.string().optional(), Cause: z.unknown().optional() }).optional(),
    }),
    (deps, e) => failApplication(deps, e.applicationId, e.error),
  ),
};
