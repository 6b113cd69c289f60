/**
 * Workflow applications (稟議書) and approvals: submit the credit pre-check (06_1), the
 * approvals waiting for the signed-in person, decisions, and an application's history.
 * Requirements: A4-1, A4-2, A4-3, A6-1, X-1.
 */
import type { Actor } from '../../core/access.js';
import {
  APPLICATION_STATUSES,
  APPLICATION_TYPES,
  APPROVAL_STEPS,
  type Application,
  type ApplicationEvent,
} from '../../core/applications/application.js';
import {
  approvalTasksOfApplication,
  getApplication,
  myApprovalTasks,
} from '../../core/applications/application-queries.js';
import type { ApprovalTask } from '../../core/applications/approval-task.js';
import { recordDelayReason } from '../../core/applications/contract-delay.js';
import {
  ANTISOCIAL_RESULTS,
  type CreditPrecheck,
  FINDING_RESULTS,
} from '../../core/applications/credit-precheck.js';
import { decideApproval } from '../../core/applications/decide-approval.js';
import { registerOrder } from '../../core/applications/register-order.js';
import {
  requestContractUpload,
  submitContractExecution,
} from '../../core/applications/submit-contract-execution.js';
import { submitCreditPrecheck } from '../../core/applications/submit-credit-precheck.js';
import {
  renewIndividualContract,
  submitIndividualContract,
} from '../../core/applications/submit-individual-contract.js';
import type { UploadGrant } from '../../core/documents/document-store.js';
import { applicationsOfClient } from '../../core/visits/visit-queries.js';
import { builder } from '../builder.js';
import { RoleEnum } from './enums.js';
import { MUTATION_ERRORS, QUERY_ERRORS } from './errors.js';
import { withoutNulls } from './helpers.js';
import { ApplicationRef, ClientRef } from './refs.js';

export const ApplicationTypeEnum = builder.enumType('ApplicationType', {
  description:
    'CREDIT_PRECHECK 06_1 反社/与信チェック申請書; CONTRACT_EXECUTION 06_2 契約書類締結申請書; ORDER_APPROVAL オーダー承認; INDIVIDUAL_CONTRACT 個別契約書の締結.',
  values: APPLICATION_TYPES,
});
const ApplicationStatusEnum = builder.enumType('ApplicationStatus', {
  description: 'DRAFT (from a visit, A6-1) → SUBMITTED (its workflow runs) → APPROVED | REJECTED | FAILED.',
  values: APPLICATION_STATUSES,
});
const ApprovalStepEnum = builder.enumType('ApprovalStep', {
  description:
    'MANAGER: the department’s managers; DIRECTOR: the directors (取締役); LEGAL_REVIEW / LEGAL_SEND: legal; MARKETING_SEND: marketing sends an individual contract.',
  values: APPROVAL_STEPS,
});
const DecisionEnum = builder.enumType('ApprovalDecision', { values: ['APPROVE', 'REJECT'] as const });
const AntisocialEnum = builder.enumType('AntisocialCheckResult', {
  description: '反社チェック: HIT is rejected automatically; UNDETERMINED needs a director.',
  values: ANTISOCIAL_RESULTS,
});
const FindingResultEnum = builder.enumType('FindingResult', { values: FINDING_RESULTS });

type Finding = CreditPrecheck['labourRisk']['turnover'];
const FindingRef = builder.objectRef<Finding>('Finding').implement({
  fields: (t) => ({
    result: t.expose('result', { type: FindingResultEnum }),
    note: t.exposeString('note'),
  }),
});
const LabourRiskRef = builder.objectRef<CreditPrecheck['labourRisk']>('LabourRisk').implement({
  description: '労務リスク確認',
  fields: (t) => ({
    pastUnpaidWages: t.expose('pastUnpaidWages', { type: FindingRef }),
    labourDisputes: t.expose('labourDisputes', { type: FindingRef }),
    turnover: t.expose('turnover', { type: FindingRef }),
  }),
});
const TradeCriteriaRef = builder.objectRef<CreditPrecheck['tradeCriteria']>('TradeCriteria').implement({
  description: '取引基準',
  fields: (t) => ({
    antisocialForces: t.expose('antisocialForces', { type: FindingRef }),
    businessCondition: t.expose('businessCondition', { type: FindingRef }),
    workplaceEnvironment: t.expose('workplaceEnvironment', { type: FindingRef }),
    legalCompliance: t.expose('legalCompliance', { type: FindingRef }),
  }),
});
const CreditPrecheckRef = builder.objectRef<CreditPrecheck>('CreditPrecheck').implement({
  description: '06_1 反社/与信チェック: the applicant’s inputs.',
  fields: (t) => ({
    creditRating: t.exposeInt('creditRating', { description: '信用調査機関の与信評価 (0–100)' }),
    antisocialCheck: t.expose('antisocialCheck', { type: AntisocialEnum }),
    labourRisk: t.expose('labourRisk', { type: LabourRiskRef }),
    tradeCriteria: t.expose('tradeCriteria', { type: TradeCriteriaRef }),
  }),
});

const ContractFormEnum = builder.enumType('ContractForm', {
  description:
    'STANDARD: the agency template (定形); NON_STANDARD: the client’s own text (定形外), reviewed by legal.',
  values: ['STANDARD', 'NON_STANDARD'] as const,
});

const ContractExecutionRef = builder
  .objectRef<NonNullable<Application['contractExecution']>>('ContractExecution')
  .implement({
    description: '06_2: the basic contract (基本契約書) being executed.',
    fields: (t) => ({
      form: t.expose('form', { type: ContractFormEnum }),
      fileName: t.exposeString('fileName', { nullable: true }),
      clientSignerName: t.string({ resolve: (c) => c.clientSigner.name }),
      envelopeName: t.exposeString('envelopeName', {
        description: 'The GMO Sign envelope (one per application).',
      }),
      gstaffContractId: t.exposeString('gstaffContractId', {
        nullable: true,
        description: 'Where the signed PDF is kept in G-Staff.',
      }),
      retentionUntil: t.exposeString('retentionUntil', {
        nullable: true,
        description: '管理期限: OPEN while no individual contract under it has ended.',
      }),
      dueAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'A4-5: executed within 10 business days of the submission, else a delay reason is owed.',
        resolve: (c) => c.deadline?.dueAt,
      }),
      delayReason: t.string({ nullable: true, resolve: (c) => c.deadline?.delayReason?.reason }),
    }),
  });

const PeriodRef = builder
  .objectRef<NonNullable<Application['individualContract']>['period']>('SigningPeriod')
  .implement({
    description: '派遣期間: the first and last dispatch day (JST dates).',
    fields: (t) => ({ startDate: t.exposeString('startDate'), endDate: t.exposeString('endDate') }),
  });

const IndividualContractSigningRef = builder
  .objectRef<NonNullable<Application['individualContract']>>('IndividualContractSigning')
  .implement({
    description: 'An individual contract (個別契約書) on its way through GMO Sign to G-Staff storage.',
    fields: (t) => ({
      individualContractId: t.exposeString('individualContractId'),
      orderId: t.exposeString('orderId'),
      renewalOf: t.exposeString('renewalOf', {
        nullable: true,
        description: 'The contract whose next period this is.',
      }),
      period: t.expose('period', { type: PeriodRef }),
      envelopeName: t.exposeString('envelopeName', { description: 'One GMO Sign envelope per contract.' }),
      approverName: t.string({
        description: 'The sales rep who approves in GMO Sign.',
        resolve: (s) => s.approver.name,
      }),
      clientSignerName: t.string({ resolve: (s) => s.clientSigner.name }),
      gstaffShareId: t.exposeString('gstaffShareId', { nullable: true }),
      signedAt: t.expose('signedAt', { type: 'DateTime', nullable: true }),
      gstaffContractId: t.exposeString('gstaffContractId', { nullable: true }),
      retentionUntil: t.exposeString('retentionUntil', {
        nullable: true,
        description: '管理期限: 3 years after the last dispatch end date (renewals included).',
      }),
    }),
  });

const ApplicationEventRef = builder.objectRef<ApplicationEvent>('ApplicationEvent').implement({
  description: 'One step or decision of an application, oldest first.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime' }),
    kind: t.exposeString('kind'),
    step: t.expose('step', { type: ApprovalStepEnum, nullable: true }),
    by: t.exposeString('by', { nullable: true }),
    decision: t.expose('decision', { type: DecisionEnum, nullable: true }),
    comment: t.exposeString('comment', { nullable: true }),
    detail: t.exposeString('detail', { nullable: true }),
  }),
});

const ApprovalPoolRef = builder.objectRef<ApprovalTask['pool']>('ApprovalPool').implement({
  fields: (t) => ({
    role: t.expose('role', { type: RoleEnum }),
    department: t.exposeString('department', { nullable: true }),
  }),
});

const ApprovalTaskRef = builder.objectRef<ApprovalTask>('ApprovalTask').implement({
  description: 'A decision a pool owes a workflow (its task token never leaves the hub).',
  fields: (t) => ({
    id: t.exposeID('taskId'),
    applicationId: t.exposeString('applicationId'),
    applicationType: t.expose('applicationType', { type: ApplicationTypeEnum }),
    clientId: t.exposeString('clientId'),
    applicantId: t.exposeString('applicantId'),
    step: t.expose('step', { type: ApprovalStepEnum }),
    pool: t.expose('pool', { type: ApprovalPoolRef }),
    status: t.exposeString('status', { description: 'OPEN, DECIDED, or ESCALATED to the supervisors.' }),
    openedAt: t.expose('openedAt', { type: 'DateTime' }),
    escalatedAt: t.expose('escalatedAt', { type: 'DateTime', nullable: true }),
    decision: t.field({ type: DecisionEnum, nullable: true, resolve: (task) => task.decision?.decision }),
    decidedBy: t.string({ nullable: true, resolve: (task) => task.decision?.decidedBy }),
    comment: t.string({ nullable: true, resolve: (task) => task.decision?.comment }),
    application: t.field({
      type: ApplicationRef,
      resolve: (task, _args, ctx) => getApplication(ctx.deps, ctx.actor as Actor, task.applicationId),
    }),
  }),
});

ApplicationRef.implement({
  description: 'A workflow application (稟議書), run as a Step Functions execution named after it.',
  authScopes: { permission: 'client.read' },
  fields: (t) => ({
    id: t.exposeID('applicationId'),
    type: t.expose('type', { type: ApplicationTypeEnum }),
    status: t.expose('status', { type: ApplicationStatusEnum }),
    clientId: t.exposeString('clientId'),
    applicantId: t.exposeString('applicantId'),
    visitId: t.exposeString('visitId', { nullable: true }),
    inquiryId: t.exposeString('inquiryId', {
      nullable: true,
      description: 'ORDER_APPROVAL: the request whose order is approved.',
    }),
    creditPrecheck: t.expose('creditPrecheck', { type: CreditPrecheckRef, nullable: true }),
    contractExecution: t.expose('contractExecution', { type: ContractExecutionRef, nullable: true }),
    individualContract: t.expose('individualContract', {
      type: IndividualContractSigningRef,
      nullable: true,
    }),
    directorReasons: t.stringList({
      description: 'Why a director must also approve (empty: the manager decides).',
      resolve: (a) => a.directorReasons ?? [],
    }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', nullable: true }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    history: t.field({ type: [ApplicationEventRef], resolve: (a) => a.history ?? [] }),
    approvalTasks: t.field({
      type: [ApprovalTaskRef],
      resolve: (a, _args, ctx) => approvalTasksOfApplication(ctx.deps, ctx.actor as Actor, a),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.objectField(ClientRef, 'applications', (t) =>
  t.field({
    type: [ApplicationRef],
    description: 'Newest first.',
    resolve: (c, _args, ctx) => applicationsOfClient(ctx.deps, ctx.actor as Actor, c.clientId),
  }),
);

builder.queryFields((t) => ({
  application: t.field({
    type: ApplicationRef,
    authScopes: { permission: 'client.read' },
    errors: { types: QUERY_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => getApplication(ctx.deps, ctx.actor as Actor, String(id)),
  }),
  myApprovalTasks: t.field({
    type: [ApprovalTaskRef],
    description: 'What the signed-in manager or director may decide now (not their own applications).',
    authScopes: { permission: 'approval.read' },
    resolve: (_root, _args, ctx) => myApprovalTasks(ctx.deps, ctx.actor as Actor),
  }),
}));

const FindingInput = builder.inputType('FindingInput', {
  fields: (t) => ({
    result: t.field({ type: FindingResultEnum, required: true }),
    note: t.string({ required: true }),
  }),
});
const LabourRiskInput = builder.inputType('LabourRiskInput', {
  fields: (t) => ({
    pastUnpaidWages: t.field({ type: FindingInput, required: true }),
    labourDisputes: t.field({ type: FindingInput, required: true }),
    turnover: t.field({ type: FindingInput, required: true }),
  }),
});
const TradeCriteriaInput = builder.inputType('TradeCriteriaInput', {
  fields: (t) => ({
    antisocialForces: t.field({ type: FindingInput, required: true }),
    businessCondition: t.field({ type: FindingInput, required: true }),
    workplaceEnvironment: t.field({ type: FindingInput, required: true }),
    legalCompliance: t.field({ type: FindingInput, required: true }),
  }),
});
const CreditPrecheckInput = builder.inputType('CreditPrecheckInput', {
  fields: (t) => ({
    creditRating: t.int({ required: true, description: '0–100' }),
    antisocialCheck: t.field({ type: AntisocialEnum, required: true }),
    labourRisk: t.field({ type: LabourRiskInput, required: true }),
    tradeCriteria: t.field({ type: TradeCriteriaInput, required: true }),
  }),
});
const SubmitCreditPrecheckInput = builder.inputType('SubmitCreditPrecheckInput', {
  fields: (t) => ({
    clientId: t.id({ required: true }),
    creditPrecheck: t.field({ type: CreditPrecheckInput, required: true }),
  }),
});
const RecordDelayReasonInput = builder.inputType('RecordDelayReasonInput', {
  fields: (t) => ({ applicationId: t.id({ required: true }), reason: t.string({ required: true }) }),
});
const RegisterOrderInput = builder.inputType('RegisterOrderInput', {
  fields: (t) => ({
    inquiryId: t.id({ required: true, description: 'The request whose order is registered.' }),
    establishmentId: t.id({
      description: 'The client’s establishment (事業所) the worker will be dispatched to.',
    }),
    organisationalUnitId: t.id({
      description: 'The organisational unit (組織単位) within that establishment; needs establishmentId.',
    }),
  }),
});
const SubmitContractExecutionInput = builder.inputType('SubmitContractExecutionInput', {
  fields: (t) => ({
    clientId: t.id({ required: true }),
    form: t.field({ type: ContractFormEnum, required: true }),
    documentKey: t.string({
      description: 'NON_STANDARD: the key requestContractUpload returned, after uploading.',
    }),
    fileName: t.string(),
  }),
});
const RequestContractUploadInput = builder.inputType('RequestContractUploadInput', {
  fields: (t) => ({
    clientId: t.id({ required: true }),
    fileName: t.string({ required: true }),
    size: t.int({ required: true, description: 'Bytes of the PDF; at most 10 MB.' }),
  }),
});
const ContractUploadRef = builder
  .objectRef<{ documentKey: string; upload: UploadGrant }>('ContractUpload')
  .implement({
    fields: (t) => ({
      documentKey: t.exposeString('documentKey'),
      url: t.string({ resolve: (u) => u.upload.url }),
      method: t.string({ resolve: (u) => u.upload.method }),
      headers: t.field({ type: 'JSON', resolve: (u) => u.upload.headers }),
      expiresAt: t.field({ type: 'DateTime', resolve: (u) => u.upload.expiresAt }),
    }),
  });

const SubmitIndividualContractInput = builder.inputType('SubmitIndividualContractInput', {
  fields: (t) => ({ individualContractId: t.id({ required: true }) }),
});
const RenewIndividualContractInput = builder.inputType('RenewIndividualContractInput', {
  fields: (t) => ({
    individualContractId: t.id({ required: true, description: 'The signed contract to renew.' }),
    endDate: t.string({
      required: true,
      description: 'YYYY-MM-DD: the new period’s last day (it starts the day after the renewed one ends).',
    }),
  }),
});

const DecideApprovalInput = builder.inputType('DecideApprovalInput', {
  fields: (t) => ({
    taskId: t.id({ required: true }),
    decision: t.field({ type: DecisionEnum, required: true }),
    comment: t.string({ description: 'Required to reject.' }),
  }),
});

const DecideApprovalPayload = builder
  .objectRef<{ task: ApprovalTask; application: Application }>('DecideApprovalPayload')
  .implement({
    fields: (t) => ({
      task: t.expose('task', { type: ApprovalTaskRef }),
      application: t.expose('application', { type: ApplicationRef }),
    }),
  });

builder.mutationFields((t) => ({
  submitCreditPrecheck: t.field({
    type: ApplicationRef,
    description:
      'The client’s rep: submit the 06_1 pre-check; its workflow starts (named after the application).',
    authScopes: { permission: 'application.submit' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: SubmitCreditPrecheckInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      submitCreditPrecheck(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  submitContractExecution: t.field({
    type: ApplicationRef,
    description:
      'The client’s rep: submit the 06_2 contract execution (basic contract) after an approved 06_1; its workflow runs to the signature.',
    authScopes: { permission: 'application.submit' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: SubmitContractExecutionInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      submitContractExecution(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  requestContractUpload: t.field({
    type: ContractUploadRef,
    description: 'A pre-signed URL to upload a non-standard contract’s PDF (the client’s own text).',
    authScopes: { permission: 'application.submit' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RequestContractUploadInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      requestContractUpload(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  recordDelayReason: t.field({
    type: ApplicationRef,
    description:
      'The person in charge: why a 06_2 application is past its 10 business days (A4-5); the supervisor is told.',
    authScopes: { permission: 'application.submit' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordDelayReasonInput, required: true }) },
    resolve: (_root, { input }, ctx) => recordDelayReason(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  registerOrder: t.field({
    type: ApplicationRef,
    description:
      'The client’s rep: register the request’s order for approval (A7-3) — only after an approved 06_1 and with every A7-2 hearing item.',
    authScopes: { permission: 'application.submit' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RegisterOrderInput, required: true }) },
    resolve: (_root, { input }, ctx) => registerOrder(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  submitIndividualContract: t.field({
    type: ApplicationRef,
    description:
      'The client’s rep (or a manager): send a drafted individual contract on its way (A5-5, A5-6). Every gate is checked first; a failing gate is a PreconditionFailedError naming it (its rule) and why, and nothing is written or sent.',
    authScopes: { permission: 'individualContract.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: SubmitIndividualContractInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      submitIndividualContract(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  renewIndividualContract: t.field({
    type: ApplicationRef,
    description:
      'The client’s rep (or a manager): the next period of a signed individual contract, sent at once; every gate runs again for the new period.',
    authScopes: { permission: 'individualContract.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RenewIndividualContractInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      renewIndividualContract(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  decideApproval: t.field({
    type: DecideApprovalPayload,
    description: 'A manager or director of the task’s pool: approve or reject (the first decision wins).',
    authScopes: { permission: 'approval.decide' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: DecideApprovalInput, required: true }) },
    resolve: (_root, { input }, ctx) => decideApproval(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
}));
