/**
 * The task steps of the approval workflows: the code every Lambda task of the state machines
 * runs (on AWS, `functions/workflow-tasks.handler.ts`; locally, the same function called by
 * the local engine). Every step is idempotent: a re-run of an execution with the same input
 * (the local engine re-drives in-flight executions on start) finds what the first run did and
 * does nothing twice. Requirements: A4-1, A4-2, A4-3, A7-1, X-1.
 */
import { z } from 'zod';
import { systemActor } from '../audit.js';
import { type Client, contractContact } from '../clients/client.js';
import { clientChange } from '../clients/client-change.js';
import { commitChanges, type EntityChange } from '../entity-change.js';
import { IntegrationError, NotFoundError, PreconditionFailedError } from '../errors.js';
import { hearingItemLabel, hearingSheetIdOf, ORDER_ITEMS } from '../hearing-sheets/hearing-sheet.js';
import type { HubDeps } from '../hub.js';
import { enqueueKintoneWrite, orderForInquiry } from '../kintone/kintone-outbox.js';
import type { OrderStatus } from '../kintone/order.js';
import type { LedgerWrite } from '../ledger.js';
import { enqueueMail } from '../mail/mail-message.js';
import { notify } from '../notifications/notification.js';
import type { StaffMember } from '../staff/staff-member.js';
import { parseInput } from '../validation.js';
import { hearingItemText } from '../visits/visit-summary.js';
import { APPROVAL_STEPS, type Application, type ApprovalStep } from './application.js';
import {
  APPLICATION_LABELS,
  applicationChange,
  recordEventOnce,
  releaseSlot,
  taskChange,
} from './application-changes.js';
import {
  type ApprovalOutcome,
  type ApprovalPool,
  type ApprovalTask,
  approvalTaskIdOf,
  poolFor,
  supervisorPoolOf,
} from './approval-task.js';
import {
  awaitContractSignature,
  type ContractStepDeps,
  checkContractSignature,
  requestContractSignature,
  storeSignedContract,
  updateGStaffWithCredit,
  validateContractExecution,
} from './contract-steps.js';
import { deciderOfOtherStep } from './decide-approval.js';
import { assertOrderMayBeRegistered } from './register-order.js';

const WORKFLOW = systemActor('workflow');

const taskEvent = z.discriminatedUnion('task', [
  z.object({ task: z.literal('creditPrecheck.validate'), applicationId: z.string().min(1) }),
  z.object({ task: z.literal('order.pendingApproval'), applicationId: z.string().min(1) }),
  z.object({ task: z.literal('creditPrecheck.updateGStaff'), applicationId: z.string().min(1) }),
  z.object({ task: z.literal('contract.validate'), applicationId: z.string().min(1) }),
  z.object({ task: z.literal('contract.requestSignature'), applicationId: z.string().min(1) }),
  z.object({
    task: z.literal('contract.awaitSignature'),
    applicationId: z.string().min(1),
    taskToken: z.string().min(1),
  }),
  z.object({ task: z.literal('contract.checkSignature'), applicationId: z.string().min(1) }),
  z.object({ task: z.literal('contract.store'), applicationId: z.string().min(1) }),
  z.object({
    task: z.literal('approval.open'),
    applicationId: z.string().min(1),
    step: z.enum(APPROVAL_STEPS),
    escalated: z.boolean(),
    taskToken: z.string().min(1),
  }),
  z.object({
    task: z.literal('approval.escalate'),
    applicationId: z.string().min(1),
    step: z.enum(APPROVAL_STEPS),
    /** true: the escalated task's wait timed out — only look whether it was decided meanwhile. */
    escalated: z.boolean().default(false),
  }),
  z.object({
    task: z.literal('application.decide'),
    applicationId: z.string().min(1),
    outcome: z.enum(['APPROVED', 'REJECTED']),
    reason: z.enum(['ANTISOCIAL_HIT', 'MANAGER', 'DIRECTOR', 'LEGAL', 'SIGNER', 'SIGNED']),
  }),
  z.object({
    task: z.literal('application.fail'),
    applicationId: z.string().min(1),
    error: z.object({ Error: z.string().optional(), Cause: z.unknown().optional() }).optional(),
  }),
]);
export type WorkflowTaskEvent = z.infer<typeof taskEvent>;

async function loadApplication(deps: HubDeps, applicationId: string): Promise<Application> {
  const application = await deps.ledger.getApplication(applicationId);
  if (!application) throw new NotFoundError('Application', applicationId);
  return application;
}

async function loadClient(deps: HubDeps, clientId: string): Promise<Client> {
  const client = await deps.ledger.getClient(clientId);
  if (!client) throw new NotFoundError('Client', clientId);
  return client;
}

/** Whom a task is announced to: its pool's active members but the applicant (and whoever decided the other independent step). */
async function poolMembers(
  deps: HubDeps,
  pool: ApprovalPool,
  except: string,
  alsoExcept?: string,
): Promise<StaffMember[]> {
  return (await deps.ledger.listStaffMembers()).filter(
    (m) =>
      m.active &&
      m.role === pool.role &&
      (pool.department === undefined || m.department === pool.department) &&
      m.userId !== except &&
      m.userId !== alsoExcept,
  );
}

type DecisionReason = Extract<WorkflowTaskEvent, { task: 'application.decide' }>['reason'];

const DECISION_TEXT: Record<DecisionReason, (outcome: 'APPROVED' | 'REJECTED') => string> = {
  ANTISOCIAL_HIT: () => '反社チェックが HIT のため自動的に否決されました。',
  MANAGER: (o) => `マネージャーの決裁により${o === 'APPROVED' ? '承認' : '否決'}されました。`,
  DIRECTOR: (o) => `取締役の決裁により${o === 'APPROVED' ? '承認' : '否決'}されました。`,
  LEGAL: () => '法務の判断により差し戻されました。',
  SIGNER: () => '署名者が GMOサインで署名を辞退しました。',
  SIGNED: () => '基本契約書が締結され、G-Staff に保管されました。取引を開始できます。',
};

const STEP_LABEL = {
  MANAGER: 'マネージャー',
  DIRECTOR: '取締役',
  LEGAL_REVIEW: '法務（定形外契約の審査）',
  LEGAL_SEND: '法務（GMOサインでの発報）',
} as const;

/** What the task steps use besides the ledger: G-Staff, GMO Sign and the document store (06_2). */
export type WorkflowTaskDeps = HubDeps & ContractStepDeps;

/** Runs one task step; what it returns becomes the step's result in the state machine. */
export async function runWorkflowTask(
  deps: WorkflowTaskDeps,
  event: unknown,
): Promise<Record<string, unknown>> {
  const e = parseInput(taskEvent, event, 'event');
  switch (e.task) {
    case 'creditPrecheck.validate':
      return validateCreditPrecheck(deps, e.applicationId);
    case 'order.pendingApproval':
      return orderPendingApproval(deps, e.applicationId);
    case 'creditPrecheck.updateGStaff':
      return updateGStaffWithCredit(deps, e.applicationId);
    case 'contract.validate':
      return validateContractExecution(deps, e.applicationId);
    case 'contract.requestSignature':
      return requestContractSignature(deps, e.applicationId);
    case 'contract.awaitSignature':
      return awaitContractSignature(deps, e.applicationId, e.taskToken);
    case 'contract.checkSignature':
      return checkContractSignature(deps, e.applicationId);
    case 'contract.store':
      return storeSignedContract(deps, e.applicationId);
    case 'approval.open':
      return openApprovalTask(deps, e);
    case 'approval.escalate':
      return escalateApprovalTask(deps, e.applicationId, e.step, e.escalated);
    case 'application.decide':
      return decideApplication(deps, e.applicationId, e.outcome, e.reason);
    case 'application.fail':
      return failApplication(deps, e.applicationId, e.error);
  }
}

/** The application is complete and its client was visited (A3-1); says whether HIT rejects it and whether a director must approve. */
async function validateCreditPrecheck(deps: HubDeps, applicationId: string) {
  const application = await loadApplication(deps, applicationId);
  const input = application.creditPrecheck;
  if (application.type !== 'CREDIT_PRECHECK' || !input) {
    throw new PreconditionFailedError(
      'APPLICATION_INCOMPLETE',
      `${applicationId} has no credit pre-check inputs`,
    );
  }
  const visited = (await deps.ledger.listVisitsOfClient(application.clientId)).some(
    (v) => v.status === 'RECORDED',
  );
  if (!visited)
    throw new PreconditionFailedError('VISIT_REQUIRED', 'the client has no recorded visit (A3-1)');
  const result = {
    autoReject: input.antisocialCheck === 'HIT',
    requiresDirector: (application.directorReasons ?? []).length > 0,
  };
  if (application.status === 'SUBMITTED') {
    const detail = result.autoReject ? 'antisocial HIT' : undefined;
    await recordEventOnce(deps, WORKFLOW, 'workflow.validate', application, 'VALIDATED', detail);
  }
  return result;
}

/** The order's gates hold (06_1 approved, hearing items complete); the order shows PENDING_APPROVAL in kintone (A7-3). */
async function orderPendingApproval(deps: HubDeps, applicationId: string) {
  const application = await loadApplication(deps, applicationId);
  if (application.type !== 'ORDER_APPROVAL' || !application.inquiryId) {
    throw new PreconditionFailedError('APPLICATION_INCOMPLETE', `${applicationId} names no order`);
  }
  if (application.status !== 'SUBMITTED' || application.history.some((h) => h.kind === 'VALIDATED'))
    return {};
  await assertOrderMayBeRegistered(deps, application.clientId, application.inquiryId);
  const client = await loadClient(deps, application.clientId);
  const now = deps.clock.now().toISOString();
  const { change } = applicationChange(
    deps,
    WORKFLOW,
    'order.pendingApproval',
    application,
    {},
    { at: now, kind: 'VALIDATED' },
    now,
  );
  await commitChanges(
    deps.ledger,
    [change],
    [await orderWrite(deps, client, application.inquiryId, 'PENDING_APPROVAL', now)],
  );
  return {};
}

/** The order of a request, as kintone shows it with the given status and its hearing items. */
async function orderWrite(
  deps: HubDeps,
  client: Client,
  inquiryId: string,
  status: OrderStatus,
  now: string,
): Promise<LedgerWrite> {
  const inquiry = await deps.ledger.getInquiry(inquiryId);
  if (!inquiry) throw new NotFoundError('Inquiry', inquiryId);
  const sheet = await deps.ledger.getHearingSheet(hearingSheetIdOf(inquiryId));
  const base = orderForInquiry(inquiry, client);
  const items = sheet
    ? ORDER_ITEMS.flatMap((item) => {
        const value = sheet.items[item];
        return value === undefined ? [] : [`${hearingItemLabel(item)}: ${hearingItemText(item, value)}`];
      })
    : [];
  const order = {
    ...base,
    status,
    ...(sheet?.items.jobCategory ? { jobCategory: sheet.items.jobCategory } : {}),
    ...(sheet?.items.startDate ? { requestedStart: sheet.items.startDate } : {}),
    ...(items.length
      ? { summary: [base.summary, 'ヒアリング項目:', ...items].filter(Boolean).join('\n') }
      : {}),
  };
  return enqueueKintoneWrite(deps.ids, now, {
    app: 'orders',
    order,
    hubId: order.hubId,
    clientId: client.clientId,
    subjectType: 'INQUIRY',
    subjectId: inquiryId,
  });
}

/**
 * The callback step: opens the task for its pool with the workflow's token (or, on a re-run,
 * gives the existing task the new token). An already decided task answers with its decision;
 * an already escalated one says so (the local engine then behaves as if the step timed out).
 */
async function openApprovalTask(
  deps: HubDeps,
  e: Extract<WorkflowTaskEvent, { task: 'approval.open' }>,
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
  const basePool = poolFor(e.step, application.department);
  const pool = e.escalated ? supervisorPoolOf(basePool) : basePool;
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
      await poolMembers(deps, pool, application.applicantId, deciderOfOtherStep(application, e.step)),
      {
        template: 'APPROVAL_REQUESTED',
        clientId: application.clientId,
        params: {
          company: client.name,
          applicationLabel: APPLICATION_LABELS[application.type],
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

/** Records the decision (once): the client's stage, the slot released, the applicant told; on approval the order opens in kintone and the basic-contract template goes to the client (A7-1). */
async function decideApplication(
  deps: HubDeps,
  applicationId: string,
  outcome: 'APPROVED' | 'REJECTED',
  reason: DecisionReason,
): Promise<{ status: string }> {
  const application = await loadApplication(deps, applicationId);
  if (application.status !== 'SUBMITTED') return { status: application.status };
  const client = await loadClient(deps, application.clientId);
  const now = deps.clock.now().toISOString();
  let detail = DECISION_TEXT[reason](outcome);
  const changes: EntityChange[] = [
    applicationChange(
      deps,
      WORKFLOW,
      'application.decide',
      application,
      { status: outcome, decidedAt: now },
      { at: now, kind: reason === 'ANTISOCIAL_HIT' ? 'AUTO_REJECTED' : outcome, detail },
      now,
    ).change,
    ...(await releaseSlot(deps, WORKFLOW, 'application.decide', application, now)),
  ];
  const writes: LedgerWrite[] = [];
  if (application.type === 'CREDIT_PRECHECK') {
    const stage = outcome === 'APPROVED' ? 'CREDIT_APPROVED' : 'CREDIT_REJECTED';
    const { change, client: updated } = clientChange(
      deps,
      WORKFLOW,
      'application.decide',
      client,
      { stage },
      now,
    );
    changes.push(change);
    if (outcome === 'APPROVED') {
      const intake = await orderIntakeOpens(deps, updated, application, now);
      writes.push(...intake.writes);
      if (!intake.templateSent) {
        detail +=
          '\nお客様の連絡先メールアドレスが未登録のため、基本契約書のひな形は送付していません。担当から送付してください。';
      }
    }
  }
  if (application.type === 'CONTRACT_EXECUTION') {
    // Signed: trading starts; otherwise the client is back where a new 06_2 can start.
    const stage = outcome === 'APPROVED' ? 'TRADING' : 'CREDIT_APPROVED';
    changes.push(clientChange(deps, WORKFLOW, 'application.decide', client, { stage }, now).change);
  }
  if (application.type === 'ORDER_APPROVAL' && application.inquiryId) {
    // Approved: the order opens for staffing; rejected: it goes back to RECEIVED to be reworked.
    writes.push(
      await orderWrite(
        deps,
        client,
        application.inquiryId,
        outcome === 'APPROVED' ? 'OPEN' : 'RECEIVED',
        now,
      ),
    );
  }
  const applicant = await deps.ledger.getStaffMember(application.applicantId);
  writes.push(
    ...notify(deps.ids, now, applicant ? [applicant] : [], {
      template: 'APPLICATION_DECIDED',
      clientId: client.clientId,
      params: {
        company: client.name,
        applicationLabel: APPLICATION_LABELS[application.type],
        outcome,
        detail,
        applicationId,
      },
    }),
  );
  await commitChanges(deps.ledger, changes, writes);
  return { status: outcome };
}

/**
 * 06_1 approved (docs/policy.md "Orders in kintone"): the client's orders move from INQUIRY to
 * RECEIVED in kintone, and the basic-contract template is e-mailed to the client's contact (A7-1).
 */
async function orderIntakeOpens(
  deps: HubDeps,
  client: Client,
  application: Application,
  now: string,
): Promise<{ writes: LedgerWrite[]; templateSent: boolean }> {
  const inquiries = await deps.ledger.listInquiriesOfClient(client.clientId);
  const writes: LedgerWrite[] = inquiries
    .filter((i) => i.status !== 'NEW')
    .map((inquiry) => {
      const order = { ...orderForInquiry(inquiry, client), status: 'RECEIVED' as const };
      return enqueueKintoneWrite(deps.ids, now, {
        app: 'orders',
        order,
        hubId: order.hubId,
        clientId: client.clientId,
        subjectType: 'INQUIRY',
        subjectId: inquiry.inquiryId,
      });
    });
  const contact = contractContact(client, inquiries);
  const rep = await deps.ledger.getStaffMember(client.salesRepId ?? application.applicantId);
  if (contact) {
    writes.push(
      enqueueMail(deps.ids, now, {
        template: 'BASIC_CONTRACT_TEMPLATE',
        params: {
          company: client.name,
          contactName: contact.name,
          salesRepName: rep?.name ?? '担当営業',
          agencyName: deps.policy.agencyName,
        },
        to: [contact.email],
        ...(rep ? { cc: [rep.email] } : {}),
        clientId: client.clientId,
      }),
    );
  }
  return { writes, templateSent: contact !== undefined };
}

/** What failed, as staff and support read it: the error's name and (the start of) its message. */
function failureDetail(error: { Error?: string | undefined; Cause?: unknown } | undefined): string {
  const cause = typeof error?.Cause === 'string' ? error.Cause : '';
  return `${error?.Error ?? 'unknown'}${cause ? `: ${cause.slice(0, 300)}` : ''}`;
}

/** A step failed for good (not a transient error): the application is FAILED, its slot released, the applicant told. */
async function failApplication(
  deps: HubDeps,
  applicationId: string,
  error: { Error?: string | undefined; Cause?: unknown } | undefined,
): Promise<{ status: string }> {
  const application = await loadApplication(deps, applicationId);
  if (application.status !== 'SUBMITTED') return { status: application.status };
  const client = await loadClient(deps, application.clientId);
  const now = deps.clock.now().toISOString();
  const detail = `ワークフローの処理でエラーが発生しました（${error?.Error ?? 'unknown'}）。システム担当にご連絡のうえ、再申請してください。`;
  const applicant = await deps.ledger.getStaffMember(application.applicantId);
  // The client goes back to where a new application can start.
  const backTo: Partial<Record<Application['type'], [Client['stage'], Client['stage']]>> = {
    CREDIT_PRECHECK: ['CREDIT_REVIEW', 'VISITED'],
    CONTRACT_EXECUTION: ['CONTRACTING', 'CREDIT_APPROVED'],
  };
  const stages = backTo[application.type];
  const reopened =
    stages && client.stage === stages[0]
      ? [clientChange(deps, WORKFLOW, 'application.fail', client, { stage: stages[1] }, now).change]
      : [];
  // Open approvals leave the approvers' queues; an order in approval goes back to RECEIVED.
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
  const orderBack =
    application.type === 'ORDER_APPROVAL' && application.inquiryId
      ? [await orderWrite(deps, client, application.inquiryId, 'RECEIVED', now)]
      : [];
  await commitChanges(
    deps.ledger,
    [
      ...closedTasks,
      ...reopened,
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
      ...orderBack,
      ...notify(deps.ids, now, applicant ? [applicant] : [], {
        template: 'APPLICATION_DECIDED',
        clientId: client.clientId,
        params: {
          company: client.name,
          applicationLabel: APPLICATION_LABELS[application.type],
          outcome: 'FAILED',
          detail,
          applicationId,
        },
      }),
    ],
  );
  return { status: 'FAILED' };
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
