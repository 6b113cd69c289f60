/**
 * Individual contracts (個別契約書): drafts, their terms and completeness (A5-4), the decided worker
 * with the period check (A5-5), an order's treatment information (待遇情報, A5-3), the gates as they
 * stand, and the worker register (スタッフ台帳) from the G-Staff mirror.
 */
import type { Actor } from '../../core/access.js';
import type { Worker, WorkerAssignmentMirror } from '../../core/gstaff/worker-register-mirror.js';
import { decideWorker } from '../../core/individual-contracts/decide-worker.js';
import {
  draftIndividualContract,
  requestIndividualContractTerms,
  saveIndividualContractTerms,
} from '../../core/individual-contracts/draft-individual-contract.js';
import {
  type DecidedWorker,
  INDIVIDUAL_CONTRACT_STATUSES,
  type IndividualContract,
  PERIOD_LIMIT_EXEMPTION_LABELS,
  PERIOD_LIMIT_EXEMPTIONS,
  type PeriodLimitExemption,
  type TermsRequest,
} from '../../core/individual-contracts/individual-contract.js';
import {
  INDIVIDUAL_CONTRACT_GATES,
  type IndividualContractGateFailure,
} from '../../core/individual-contracts/individual-contract-gates.js';
import {
  getIndividualContract,
  getWorker,
  individualContractGates,
  individualContractsOfClient,
  treatmentInformationOfOrder,
  workerAssignmentsOfWorker,
  workerRegister,
} from '../../core/individual-contracts/individual-contract-queries.js';
import {
  type IndividualContractTerms,
  type MissingTermItem,
  type NamedPerson,
  TERM_ITEM_LABELS,
  TERM_ITEMS,
  type TermsCompleteness,
  termsCompleteness,
} from '../../core/individual-contracts/individual-contract-terms.js';
import { recordTreatmentInformation } from '../../core/individual-contracts/record-treatment-information.js';
import {
  missingTreatmentItems,
  TREATMENT_METHOD_LABELS,
  TREATMENT_METHODS,
  type TreatmentInformation,
} from '../../core/individual-contracts/treatment-information.js';
import { builder } from '../builder.js';
import { DocumentReferenceInput, LegalDocumentRef } from './clients.js';
import { MUTATION_ERRORS, QUERY_ERRORS } from './errors.js';
import { forwardPage, toConnection, withoutNulls } from './helpers.js';
import { ClientRef, EstablishmentRef } from './refs.js';

const described = <K extends string>(ids: readonly K[], labels: Record<K, string>) =>
  Object.fromEntries(ids.map((id) => [id, { description: labels[id] }])) as Record<
    K,
    { description: string }
  >;

const IndividualContractStatusEnum = builder.enumType('IndividualContractStatus', {
  description: 'DRAFT while the terms and the worker are collected.',
  values: INDIVIDUAL_CONTRACT_STATUSES,
});
const TermItemEnum = builder.enumType('IndividualContractTermItem', {
  description: 'One legally required item of an individual contract (個別契約書の記載事項).',
  values: described(TERM_ITEMS, TERM_ITEM_LABELS),
});
const ExemptionKindEnum = builder.enumType('PeriodLimitExemptionKind', {
  description: '派遣可能期間の制限の例外',
  values: described(PERIOD_LIMIT_EXEMPTIONS, PERIOD_LIMIT_EXEMPTION_LABELS),
});
const GateEnum = builder.enumType('IndividualContractGate', { values: INDIVIDUAL_CONTRACT_GATES });
const TreatmentMethodEnum = builder.enumType('TreatmentMethod', {
  description: '待遇決定方式',
  values: described(TREATMENT_METHODS, TREATMENT_METHOD_LABELS),
});
const EmploymentTermEnum = builder.enumType('EmploymentTerm', {
  description: '無期雇用 (INDEFINITE) / 有期雇用 (FIXED_TERM) at the agency.',
  values: ['INDEFINITE', 'FIXED_TERM'] as const,
});

const NamedPersonRef = builder.objectRef<NamedPerson>('ContractPerson').implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    title: t.exposeString('title', { description: '部署・役職' }),
    phone: t.exposeString('phone'),
  }),
});
type Complaint = IndividualContractTerms['complaintHandling'];
const ComplaintHandlingRef = builder.objectRef<Complaint>('ComplaintHandling').implement({
  description: '苦情の処理・申出先',
  fields: (t) => ({
    agencyDesk: t.expose('agencyDesk', { type: NamedPersonRef }),
    clientDesk: t.expose('clientDesk', { type: NamedPersonRef }),
    procedure: t.exposeString('procedure'),
  }),
});
const WorkingHoursRef = builder
  .objectRef<IndividualContractTerms['workingHours']>('WorkingHours')
  .implement({ fields: (t) => ({ start: t.exposeString('start'), end: t.exposeString('end') }) });
const WorkerLimitationRef = builder
  .objectRef<IndividualContractTerms['workerLimitation']>('WorkerLimitation')
  .implement({
    fields: (t) => ({
      agreementCoveredOnly: t.exposeBoolean('agreementCoveredOnly', {
        description: '協定対象派遣労働者に限定',
      }),
      indefiniteTermOrAged60Only: t.exposeBoolean('indefiniteTermOrAged60Only', {
        description: '無期雇用派遣労働者又は60歳以上の者に限定',
      }),
    }),
  });

const opt = { nullable: true } as const;
const TermsRef = builder.objectRef<Partial<IndividualContractTerms>>('IndividualContractTerms').implement({
  description: 'Every legally required item; null = not stored yet.',
  fields: (t) => ({
    jobContent: t.exposeString('jobContent', { ...opt, description: '業務内容' }),
    responsibilityLevel: t.exposeString('responsibilityLevel', { ...opt, description: '責任の程度' }),
    workLocation: t.exposeString('workLocation', { ...opt, description: '就業場所' }),
    commandingSupervisor: t.expose('commandingSupervisor', { ...opt, type: NamedPersonRef }),
    workingDays: t.exposeString('workingDays', { ...opt, description: '就業日' }),
    workingHours: t.expose('workingHours', { ...opt, type: WorkingHoursRef }),
    breakTime: t.exposeString('breakTime', { ...opt, description: '休憩時間' }),
    healthAndSafety: t.exposeString('healthAndSafety', { ...opt, description: '安全及び衛生' }),
    complaintHandling: t.expose('complaintHandling', { ...opt, type: ComplaintHandlingRef }),
    cancellationMeasures: t.exposeString('cancellationMeasures', {
      ...opt,
      description: '派遣契約解除の場合の措置',
    }),
    agencyManager: t.expose('agencyManager', { ...opt, type: NamedPersonRef }),
    clientManager: t.expose('clientManager', { ...opt, type: NamedPersonRef }),
    overtimeAndHolidayWork: t.exposeString('overtimeAndHolidayWork', {
      ...opt,
      description: '時間外・休日労働',
    }),
    welfareFacilities: t.exposeString('welfareFacilities', { ...opt, description: '福利厚生施設の利用等' }),
    directHireDisputePrevention: t.exposeString('directHireDisputePrevention', {
      ...opt,
      description: '派遣先が派遣労働者を雇用する場合の紛争防止措置',
    }),
    workerLimitation: t.expose('workerLimitation', { ...opt, type: WorkerLimitationRef }),
    numberOfWorkers: t.exposeInt('numberOfWorkers', { ...opt, description: '派遣人員' }),
    billingRateYenPerHour: t.exposeInt('billingRateYenPerHour', {
      ...opt,
      description: '請求単価（円／時間）',
    }),
    wageYenPerHour: t.exposeInt('wageYenPerHour', { ...opt, description: '賃金（円／時間）' }),
  }),
});

const MissingItemRef = builder.objectRef<MissingTermItem>('MissingTermItem').implement({
  fields: (t) => ({
    item: t.expose('item', { type: TermItemEnum }),
    label: t.exposeString('label', { description: 'The item in the agency’s words.' }),
  }),
});
const CompletenessRef = builder
  .objectRef<TermsCompleteness>('IndividualContractTermsCompleteness')
  .implement({
    fields: (t) => ({
      complete: t.exposeBoolean('complete'),
      missing: t.expose('missing', { type: [MissingItemRef] }),
    }),
  });

const ExemptionRef = builder.objectRef<PeriodLimitExemption>('PeriodLimitExemption').implement({
  fields: (t) => ({
    kind: t.expose('kind', { type: ExemptionKindEnum }),
    reason: t.exposeString('reason'),
    recordedBy: t.exposeString('recordedBy'),
    recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
  }),
});
const DecidedWorkerRef = builder.objectRef<DecidedWorker>('DecidedWorker').implement({
  fields: (t) => ({
    workerId: t.exposeID('workerId'),
    workerName: t.exposeString('workerName'),
    decidedBy: t.exposeString('decidedBy'),
    decidedAt: t.expose('decidedAt', { type: 'DateTime' }),
    bindingConflictDate: t.exposeString('bindingConflictDate', {
      nullable: true,
      description:
        'The earlier of the establishment’s and the worker’s own conflict date when decided; null when exempt.',
    }),
  }),
});
const TermsRequestRef = builder.objectRef<TermsRequest>('IndividualContractTermsRequest').implement({
  description: 'A5-4: the e-mail to the client’s contact and its 2-day (calendar) deadline.',
  fields: (t) => ({
    requestedBy: t.exposeString('requestedBy'),
    requestedAt: t.expose('requestedAt', { type: 'DateTime' }),
    sentTo: t.string({ resolve: (r) => r.sentTo.email }),
    dueAt: t.expose('dueAt', { type: 'DateTime' }),
    metAt: t.expose('metAt', { type: 'DateTime', nullable: true }),
    escalatedAt: t.expose('escalatedAt', { type: 'DateTime', nullable: true }),
  }),
});
const GateFailureRef = builder
  .objectRef<IndividualContractGateFailure>('IndividualContractGateFailure')
  .implement({
    fields: (t) => ({
      gate: t.expose('gate', { type: GateEnum }),
      message: t.exposeString('message', {
        description: 'In Japanese, naming the item, the date or the rule.',
      }),
    }),
  });
const PeriodRef = builder.objectRef<IndividualContract['period']>('DispatchPeriod').implement({
  description: '派遣期間 (JST dates, inclusive)',
  fields: (t) => ({ startDate: t.exposeString('startDate'), endDate: t.exposeString('endDate') }),
});

const IndividualContractRef = builder.objectRef<IndividualContract>('IndividualContract').implement({
  description:
    '個別契約書: a decided worker at a client establishment’s organisational unit for a dispatch period.',
  authScopes: { permission: 'client.read' },
  fields: (t) => ({
    id: t.exposeID('individualContractId'),
    clientId: t.exposeID('clientId'),
    orderId: t.exposeString('orderId'),
    establishment: t.field({
      type: EstablishmentRef,
      nullable: true,
      resolve: async (c, _args, ctx) => (await ctx.deps.ledger.getEstablishment(c.establishmentId)) ?? null,
    }),
    organisationalUnitId: t.exposeID('organisationalUnitId'),
    period: t.expose('period', { type: PeriodRef }),
    status: t.expose('status', { type: IndividualContractStatusEnum }),
    terms: t.expose('terms', { type: TermsRef }),
    termsCompleteness: t.field({ type: CompletenessRef, resolve: (c) => termsCompleteness(c.terms) }),
    termsRequest: t.expose('termsRequest', { type: TermsRequestRef, nullable: true }),
    worker: t.expose('worker', { type: DecidedWorkerRef, nullable: true }),
    exemption: t.expose('exemption', { type: ExemptionRef, nullable: true }),
    gateFailures: t.field({
      type: [GateFailureRef],
      description: 'The gates as they stand now (empty: ready to be sent); reading them sends nothing.',
      resolve: async (c, _args, ctx) => {
        const result = await individualContractGates(ctx.deps, ctx.actor as Actor, c);
        return result.ok ? [] : result.failures;
      },
    }),
    version: t.exposeInt('version'),
    createdBy: t.exposeString('createdBy'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const TreatmentInformationRef = builder.objectRef<TreatmentInformation>('TreatmentInformation').implement({
  description: '待遇情報 of an order, with the method it was given under.',
  authScopes: { permission: 'client.read' },
  fields: (t) => ({
    orderId: t.exposeString('orderId'),
    clientId: t.exposeID('clientId'),
    establishmentId: t.exposeID('establishmentId'),
    method: t.expose('method', { type: TreatmentMethodEnum }),
    comparableWorkerTreatment: t.string({
      nullable: true,
      resolve: (i) => i.items.comparableWorkerTreatment ?? null,
    }),
    training: t.string({ nullable: true, resolve: (i) => i.items.training ?? null }),
    welfareFacilities: t.string({ nullable: true, resolve: (i) => i.items.welfareFacilities ?? null }),
    documents: t.expose('documents', { type: [LegalDocumentRef] }),
    missing: t.stringList({
      description: 'What the method requires that is not there, in the agency’s words.',
      resolve: (i) => missingTreatmentItems(i),
    }),
    receivedBy: t.exposeString('receivedBy'),
    receivedOn: t.exposeString('receivedOn'),
    recordedBy: t.exposeString('recordedBy'),
    recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
    version: t.exposeInt('version'),
  }),
});

const WorkerAssignmentRef = builder.objectRef<WorkerAssignmentMirror>('WorkerAssignment').implement({
  description: '派遣実績: one assignment of the worker register.',
  fields: (t) => ({
    id: t.exposeID('assignmentId'),
    gstaffClientId: t.exposeString('gstaffClientId'),
    establishment: t.exposeString('establishment', { description: '事業所' }),
    organisationalUnit: t.exposeString('organisationalUnit', { description: '組織単位' }),
    salesRepId: t.exposeString('salesRepId', { nullable: true }),
    startDate: t.exposeString('startDate'),
    endDate: t.exposeString('endDate', { nullable: true }),
  }),
});

const WorkerRef = builder.objectRef<Worker>('Worker').implement({
  description: '派遣社員 (dispatched worker) of the worker register (スタッフ台帳), from the G-Staff mirror.',
  authScopes: { permission: 'worker.read' },
  fields: (t) => ({
    id: t.exposeID('workerId'),
    name: t.exposeString('name'),
    employmentTerm: t.expose('employmentTerm', { type: EmploymentTermEnum }),
    assignments: t.field({
      type: [WorkerAssignmentRef],
      description: 'Oldest first.',
      resolve: (w, _args, ctx) => workerAssignmentsOfWorker(ctx.deps, ctx.actor as Actor, w.workerId),
    }),
    mirroredAt: t.expose('mirroredAt', { type: 'DateTime' }),
  }),
});

builder.objectField(ClientRef, 'individualContracts', (t) =>
  t.field({
    type: [IndividualContractRef],
    description: 'Newest first.',
    resolve: (client, _args, ctx) =>
      individualContractsOfClient(ctx.deps, ctx.actor as Actor, client.clientId),
  }),
);

builder.queryFields((t) => ({
  individualContract: t.field({
    type: IndividualContractRef,
    authScopes: { permission: 'client.read' },
    errors: { types: QUERY_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => getIndividualContract(ctx.deps, ctx.actor as Actor, String(id)),
  }),
  treatmentInformation: t.field({
    type: TreatmentInformationRef,
    nullable: true,
    description: 'The treatment information given for an order; null when none is recorded.',
    authScopes: { permission: 'client.read' },
    args: { orderId: t.arg.string({ required: true }) },
    resolve: async (_root, { orderId }, ctx) =>
      (await treatmentInformationOfOrder(ctx.deps, ctx.actor as Actor, orderId)) ?? null,
  }),
  workers: t.connection({
    type: WorkerRef,
    description: 'The worker register (スタッフ台帳), by worker id.',
    authScopes: { permission: 'worker.read' },
    resolve: async (_root, args, ctx) =>
      toConnection(await workerRegister(ctx.deps, ctx.actor as Actor, forwardPage(args))),
  }),
  worker: t.field({
    type: WorkerRef,
    authScopes: { permission: 'worker.read' },
    errors: { types: QUERY_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => getWorker(ctx.deps, ctx.actor as Actor, String(id)),
  }),
}));

const PeriodInput = builder.inputType('DispatchPeriodInput', {
  fields: (t) => ({
    startDate: t.string({ required: true, description: 'YYYY-MM-DD, first dispatch day' }),
    endDate: t.string({ required: true, description: 'YYYY-MM-DD, last dispatch day' }),
  }),
});
const DraftInput = builder.inputType('DraftIndividualContractInput', {
  fields: (t) => ({
    orderId: t.string({ required: true, description: 'The kintone order’s hub id.' }),
    establishmentId: t.id({ required: true }),
    organisationalUnitId: t.id({ required: true }),
    period: t.field({ type: PeriodInput, required: true }),
  }),
});
const VersionedInput = builder.inputType('IndividualContractVersionInput', {
  fields: (t) => ({
    individualContractId: t.id({ required: true }),
    expectedVersion: t.int({ required: true }),
  }),
});
const PersonInput = builder.inputType('ContractPersonInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    title: t.string({ required: true }),
    phone: t.string({ required: true }),
  }),
});
const TermsInput = builder.inputType('IndividualContractTermsInput', {
  description: 'Any subset of the items; each given item is stored whole, replacing what was there.',
  fields: (t) => ({
    jobContent: t.string(),
    responsibilityLevel: t.string(),
    workLocation: t.string(),
    commandingSupervisor: t.field({ type: PersonInput }),
    workingDays: t.string(),
    workingHours: t.field({
      type: builder.inputType('WorkingHoursInput', {
        fields: (f) => ({ start: f.string({ required: true }), end: f.string({ required: true }) }),
      }),
    }),
    breakTime: t.string(),
    healthAndSafety: t.string(),
    complaintHandling: t.field({
      type: builder.inputType('ComplaintHandlingInput', {
        fields: (f) => ({
          agencyDesk: f.field({ type: PersonInput, required: true }),
          clientDesk: f.field({ type: PersonInput, required: true }),
          procedure: f.string({ required: true }),
        }),
      }),
    }),
    cancellationMeasures: t.string(),
    agencyManager: t.field({ type: PersonInput }),
    clientManager: t.field({ type: PersonInput }),
    overtimeAndHolidayWork: t.string(),
    welfareFacilities: t.string(),
    directHireDisputePrevention: t.string(),
    workerLimitation: t.field({
      type: builder.inputType('WorkerLimitationInput', {
        fields: (f) => ({
          agreementCoveredOnly: f.boolean({ required: true }),
          indefiniteTermOrAged60Only: f.boolean({ required: true }),
        }),
      }),
    }),
    numberOfWorkers: t.int(),
    billingRateYenPerHour: t.int(),
    wageYenPerHour: t.int(),
  }),
});
const SaveTermsInput = builder.inputType('SaveIndividualContractTermsInput', {
  fields: (t) => ({
    individualContractId: t.id({ required: true }),
    expectedVersion: t.int({ required: true }),
    terms: t.field({ type: TermsInput, required: true }),
  }),
});
const ExemptionInput = builder.inputType('PeriodLimitExemptionInput', {
  fields: (t) => ({
    kind: t.field({ type: ExemptionKindEnum, required: true }),
    reason: t.string({ required: true }),
  }),
});
const DecideWorkerInput = builder.inputType('DecideWorkerInput', {
  fields: (t) => ({
    individualContractId: t.id({ required: true }),
    expectedVersion: t.int({ required: true }),
    workerId: t.id({ required: true }),
    exemption: t.field({ type: ExemptionInput }),
  }),
});
const RecordTreatmentInput = builder.inputType('RecordTreatmentInformationInput', {
  fields: (t) => ({
    orderId: t.string({ required: true }),
    establishmentId: t.id({ required: true }),
    method: t.field({ type: TreatmentMethodEnum, required: true }),
    items: t.field({
      required: true,
      type: builder.inputType('TreatmentItemsInput', {
        description:
          'Under EQUAL_BALANCED all three; under LABOUR_MANAGEMENT_AGREEMENT training and welfareFacilities.',
        fields: (f) => ({
          comparableWorkerTreatment: f.string({ description: '比較対象労働者の待遇等に関する情報' }),
          training: f.string({ description: '教育訓練に関する情報' }),
          welfareFacilities: f.string({ description: '福利厚生施設に関する情報' }),
        }),
      }),
    }),
    documents: t.field({ type: [DocumentReferenceInput], required: true }),
    receivedBy: t.string(),
    receivedOn: t.string({ required: true, description: 'YYYY-MM-DD (JST)' }),
    expectedVersion: t.int({ description: 'When replacing an earlier record.' }),
  }),
});

const SaveTermsPayload = builder
  .objectRef<{ contract: IndividualContract; completeness: TermsCompleteness }>(
    'SaveIndividualContractTermsPayload',
  )
  .implement({
    fields: (t) => ({
      individualContract: t.expose('contract', { type: IndividualContractRef }),
      completeness: t.expose('completeness', { type: CompletenessRef }),
    }),
  });

builder.mutationFields((t) => ({
  draftIndividualContract: t.field({
    type: IndividualContractRef,
    description: 'Sales (of the client’s department) and up: open a DRAFT individual contract for an order.',
    authScopes: { permission: 'individualContract.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: DraftInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      draftIndividualContract(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  requestIndividualContractTerms: t.field({
    type: IndividualContractRef,
    description: 'A5-4: e-mail the client’s contact the items still needed; due within 2 calendar days.',
    authScopes: { permission: 'individualContract.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: VersionedInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      requestIndividualContractTerms(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  saveIndividualContractTerms: t.field({
    type: SaveTermsPayload,
    description: 'A5-4: store items in parts; the payload reports what is still missing.',
    authScopes: { permission: 'individualContract.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: SaveTermsInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      saveIndividualContractTerms(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  decideWorker: t.field({
    type: IndividualContractRef,
    description:
      'A5-5: pick the worker from the worker register; refused, naming the date and the rule, when the period reaches a conflict date.',
    authScopes: { permission: 'individualContract.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: DecideWorkerInput, required: true }) },
    resolve: (_root, { input }, ctx) => decideWorker(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  recordTreatmentInformation: t.field({
    type: TreatmentInformationRef,
    description: 'A5-3: record an order’s treatment information (待遇情報) with its method and documents.',
    authScopes: { permission: 'legalRecord.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordTreatmentInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      recordTreatmentInformation(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
}));
