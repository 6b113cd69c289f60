/**
 * Small builders for the ledger contract suites. Each sets the fields a ledger keys, filters
 * or orders on; nested content the ledger only stores (a proposal, an envelope request, kintone
 * fields) is a minimal value, since both ledgers must give back exactly what was written.
 */
import type { Application, ApplicationSlot } from '../../core/applications/application.js';
import type { ApprovalTask } from '../../core/applications/approval-task.js';
import type { SalesRepAssignment, SalesRepProposal } from '../../core/assignment/sales-rep-assignment.js';
import type { AuditEvent } from '../../core/audit.js';
import type { Client } from '../../core/clients/client.js';
import type { Establishment } from '../../core/establishments/establishment.js';
import type { GStaffMirrorRecord } from '../../core/gstaff/gstaff-mirror.js';
import type { Worker, WorkerAssignmentMirror } from '../../core/gstaff/worker-register-mirror.js';
import type { HearingSheet } from '../../core/hearing-sheets/hearing-sheet.js';
import type { IndividualContract } from '../../core/individual-contracts/individual-contract.js';
import type { TreatmentInformation } from '../../core/individual-contracts/treatment-information.js';
import type { Inquiry } from '../../core/inquiries/inquiry.js';
import type { KintoneOutboxEntry } from '../../core/kintone/kintone-outbox.js';
import type { LedgerCommit, LedgerEntity, WebSubmission } from '../../core/ledger.js';
import type { MailMessage } from '../../core/mail/mail-message.js';
import type { Notification } from '../../core/notifications/notification.js';
import type { SignatureEnvelope } from '../../core/signing/signature-outbox.js';
import type { StaffMember } from '../../core/staff/staff-member.js';
import type {
  JobLease,
  KintoneNotification,
  SyncConflict,
  SyncCursor,
  SyncedKintoneRecord,
  SyncRun,
} from '../../core/sync/sync-model.js';
import type { Visit } from '../../core/visits/visit.js';

/** Day `d` of November 2026 at `h` o'clock UTC, as the ledger stores instants. */
export const nov = (d: number, h = 0) =>
  `2026-11-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00.000Z`;

const stamps = (at: string) => ({ createdAt: at, updatedAt: at, version: 1 });

/** Creates every entity in one commit, with no audit event. */
export async function create(ledger: LedgerCommit, ...entities: LedgerEntity[]): Promise<void> {
  await ledger.commit(
    entities.map((entity) => ({ entity })),
    [],
  );
}

/** The next version of an entity, written over the version it was read at. */
export function update<E extends LedgerEntity>(entity: E, change: Partial<E['value']>) {
  const value = { ...entity.value, ...change, version: entity.value.version + 1 };
  return { entity: { type: entity.type, value } as E, expectedVersion: entity.value.version };
}

export const auditEvent = (trail: string, eventId: string, at = nov(27)): AuditEvent => ({
  eventId,
  trail,
  at,
  actor: { kind: 'SYSTEM', name: 'contract-test' },
  operation: 'contract',
  subjectType: 'CLIENT',
  subjectId: trail,
  changes: [],
});

export const client = (clientId: string, o: Partial<Client> = {}) => ({
  type: 'CLIENT' as const,
  value: {
    clientId,
    name: `株式会社${clientId}`,
    normalizedName: clientId,
    phones: [],
    emailDomains: [],
    stage: 'PROSPECT',
    possibleDuplicateOf: [],
    ...stamps(nov(1)),
    ...o,
  } satisfies Client,
});

export const inquiry = (inquiryId: string, o: Partial<Inquiry> = {}) => ({
  type: 'INQUIRY' as const,
  value: {
    inquiryId,
    channel: 'WEB',
    status: 'NEW',
    clientId: 'cli-1',
    clientMatch: 'NEW_PROSPECT',
    company: '株式会社サンプル',
    contactName: '山田 花子',
    receivedAt: nov(1),
    firstContact: { dueAt: nov(30) },
    ...stamps(nov(1)),
    ...o,
  } satisfies Inquiry,
});

export const webSubmission = (submissionId: string): { type: 'WEB_SUBMISSION'; value: WebSubmission } => ({
  type: 'WEB_SUBMISSION',
  value: {
    submissionId,
    inquiryId: 'inq-1',
    response: { status: 201, body: '{"inquiryId":"inq-1"}' },
    receivedAt: nov(1),
    version: 1,
  },
});

export const staffMember = (userId: string, o: Partial<StaffMember> = {}) => ({
  type: 'STAFF_MEMBER' as const,
  value: {
    userId,
    name: `社員 ${userId}`,
    email: `${userId}@agency.example`,
    role: 'SALES',
    department: 'SALES_TOKYO',
    active: true,
    ...stamps(nov(1)),
    ...o,
  } satisfies StaffMember,
});

export const salesRepAssignment = (assignmentId: string, o: Partial<SalesRepAssignment> = {}) => ({
  type: 'SALES_REP_ASSIGNMENT' as const,
  value: {
    assignmentId,
    clientId: 'cli-1',
    department: 'SALES_TOKYO',
    salesRepId: 'rep-1',
    assignedBy: 'mgr-1',
    assignedAt: nov(1),
    proposalRank: 1,
    proposal: { clientId: 'cli-1', candidates: [] } as unknown as SalesRepProposal,
    version: 1,
    ...o,
  } satisfies SalesRepAssignment,
});

export const hearingSheet = (hearingSheetId: string, o: Partial<HearingSheet> = {}) => ({
  type: 'HEARING_SHEET' as const,
  value: {
    hearingSheetId,
    clientId: 'cli-1',
    inquiryId: 'inq-1',
    items: {},
    sources: {},
    ...stamps(nov(1)),
    ...o,
  } satisfies HearingSheet,
});

export const visit = (visitId: string, o: Partial<Visit> = {}) => ({
  type: 'VISIT' as const,
  value: {
    visitId,
    clientId: 'cli-1',
    department: 'SALES_TOKYO',
    salesRepId: 'rep-1',
    inquiryId: 'inq-1',
    plannedStartAt: nov(10, 1),
    plannedEndAt: nov(10, 2),
    status: 'PLANNED',
    checklist: [],
    recordDeadline: { dueAt: nov(11), basis: 'PLANNED_END' },
    attachments: [],
    createdBy: 'rep-1',
    ...stamps(nov(1)),
    ...o,
  } satisfies Visit,
});

export const application = (applicationId: string, o: Partial<Application> = {}) => ({
  type: 'APPLICATION' as const,
  value: {
    applicationId,
    type: 'CREDIT_PRECHECK',
    status: 'DRAFT',
    clientId: 'cli-1',
    department: 'SALES_TOKYO',
    applicantId: 'rep-1',
    history: [],
    ...stamps(nov(1)),
    ...o,
  } satisfies Application,
});

export const applicationSlot = (o: Partial<ApplicationSlot> = {}) => ({
  type: 'APPLICATION_SLOT' as const,
  value: { clientId: 'cli-1', type: 'CREDIT_PRECHECK', version: 1, ...o } satisfies ApplicationSlot,
});

export const approvalTask = (taskId: string, o: Partial<ApprovalTask> = {}) => ({
  type: 'APPROVAL_TASK' as const,
  value: {
    taskId,
    applicationId: 'app-1',
    applicationType: 'CREDIT_PRECHECK',
    clientId: 'cli-1',
    applicantId: 'rep-1',
    step: 'MANAGER',
    pool: { role: 'MANAGER', department: 'SALES_TOKYO' },
    status: 'OPEN',
    taskToken: `token-${taskId}`,
    openedAt: nov(1),
    version: 1,
    ...o,
  } satisfies ApprovalTask,
});

export const kintoneOutboxEntry = (entryId: string, o: Partial<KintoneOutboxEntry> = {}) => ({
  type: 'KINTONE_OUTBOX_ENTRY' as const,
  value: {
    entryId,
    hubId: `hub-${entryId}`,
    clientId: 'cli-1',
    subjectType: 'INQUIRY',
    subjectId: 'inq-1',
    state: 'PENDING',
    attempts: 0,
    nextAttemptAt: nov(1),
    app: 'orders',
    order: { hubId: `hub-${entryId}` },
    ...stamps(nov(1)),
    ...o,
  } as KintoneOutboxEntry,
});

export const mailMessage = (messageId: string, o: Partial<MailMessage> = {}) => ({
  type: 'MAIL_MESSAGE' as const,
  value: {
    messageId,
    template: 'INQUIRY_ROUTED',
    to: ['someone@agency.example'],
    cc: [],
    subject: '件名',
    text: '本文',
    state: 'PENDING',
    attempts: 0,
    nextAttemptAt: nov(1),
    ...stamps(nov(1)),
    ...o,
  } satisfies MailMessage,
});

export const signatureEnvelope = (envelopeName: string, o: Partial<SignatureEnvelope> = {}) => ({
  type: 'SIGNATURE_ENVELOPE' as const,
  value: {
    envelopeName,
    businessType: 'CONTRACT_EXECUTION',
    businessId: 'app-1',
    request: { title: envelopeName } as unknown as SignatureEnvelope['request'],
    state: 'PENDING',
    attempts: 0,
    nextAttemptAt: nov(1),
    ...stamps(nov(1)),
    ...o,
  } satisfies SignatureEnvelope,
});

export const notification = (notificationId: string, o: Partial<Notification> = {}) => ({
  type: 'NOTIFICATION' as const,
  value: {
    notificationId,
    recipientId: 'rep-1',
    kind: 'INQUIRY_ROUTED',
    title: 'お知らせ',
    createdAt: nov(1),
    version: 1,
    ...o,
  } satisfies Notification,
});

export const gstaffClient = (gstaffClientId: string, o: Partial<GStaffMirrorRecord> = {}) => ({
  type: 'GSTAFF_CLIENT' as const,
  value: {
    gstaffClientId,
    name: `株式会社${gstaffClientId}`,
    normalizedName: gstaffClientId,
    active: true,
    pastTroubles: [],
    conflictDates: [],
    updatedAt: nov(1),
    mirroredAt: nov(1),
    version: 1,
    ...o,
  } satisfies GStaffMirrorRecord,
});

export const worker = (workerId: string, o: Partial<Worker> = {}) => ({
  type: 'WORKER' as const,
  value: {
    workerId,
    name: `派遣 ${workerId}`,
    employmentTerm: 'FIXED_TERM',
    mirroredAt: nov(1),
    version: 1,
    ...o,
  } satisfies Worker,
});

export const workerAssignment = (assignmentId: string, o: Partial<WorkerAssignmentMirror> = {}) => ({
  type: 'WORKER_ASSIGNMENT' as const,
  value: {
    assignmentId,
    workerId: 'W-1',
    gstaffClientId: 'G-1',
    establishment: '本社',
    organisationalUnit: '総務課',
    startDate: '2026-04-01',
    mirroredAt: nov(1),
    version: 1,
    ...o,
  } satisfies WorkerAssignmentMirror,
});

export const establishment = (establishmentId: string, o: Partial<Establishment> = {}) => ({
  type: 'ESTABLISHMENT' as const,
  value: {
    establishmentId,
    clientId: 'cli-1',
    name: establishmentId,
    organisationalUnits: [{ organisationalUnitId: `${establishmentId}-u`, name: '総務課' }],
    createdBy: 'rep-1',
    ...stamps(nov(1)),
    ...o,
  } satisfies Establishment,
});

export const treatmentInformation = (orderId: string, o: Partial<TreatmentInformation> = {}) => ({
  type: 'TREATMENT_INFORMATION' as const,
  value: {
    orderId,
    clientId: 'cli-1',
    establishmentId: 'est-1',
    method: 'EQUAL_BALANCED',
    items: { comparableWorkerTreatment: 'a', training: 'b', welfareFacilities: 'c' },
    documents: [],
    receivedBy: 'rep-1',
    receivedOn: '2026-11-01',
    recordedBy: 'rep-1',
    recordedAt: nov(1),
    ...stamps(nov(1)),
    ...o,
  } satisfies TreatmentInformation,
});

export const individualContract = (individualContractId: string, o: Partial<IndividualContract> = {}) => ({
  type: 'INDIVIDUAL_CONTRACT' as const,
  value: {
    individualContractId,
    clientId: 'cli-1',
    orderId: 'ord-1',
    establishmentId: 'est-1',
    organisationalUnitId: 'unit-1',
    department: 'SALES_TOKYO',
    period: { startDate: '2027-01-04', endDate: '2027-03-31' },
    terms: {},
    status: 'DRAFT',
    createdBy: 'rep-1',
    ...stamps(nov(1)),
    ...o,
  } satisfies IndividualContract,
});

export const termsRequest = (
  dueAt: string,
  metAt?: string,
): NonNullable<IndividualContract['termsRequest']> => ({
  requestedBy: 'rep-1',
  requestedAt: nov(1),
  sentTo: { name: '担当', email: 'contact@client.example' },
  mailMessageId: 'mail-1',
  dueAt,
  ...(metAt ? { metAt } : {}),
});

export const kintoneRecord = (hubId: string, o: Partial<SyncedKintoneRecord> = {}) => ({
  type: 'KINTONE_RECORD' as const,
  value: {
    app: 'orders',
    hubId,
    clientId: 'cli-1',
    recordId: '1',
    revision: 1,
    kintoneUpdatedAt: nov(1),
    fields: {},
    lastChangedBy: 'HUB',
    syncedAt: nov(1),
    ...stamps(nov(1)),
    ...o,
  } satisfies SyncedKintoneRecord,
});

type KintoneSyncConflict = Extract<SyncConflict, { system: 'kintone' }>;

export const syncConflict = (conflictId: string, o: Partial<KintoneSyncConflict> = {}) => ({
  type: 'SYNC_CONFLICT' as const,
  value: {
    conflictId,
    system: 'kintone',
    app: 'orders',
    hubId: 'hub-1',
    clientId: 'cli-1',
    recordId: '1',
    status: 'OPEN',
    detectedAt: nov(1),
    detectedBy: 'SYNC',
    agreed: {},
    hubVersion: {},
    sourceVersion: {},
    sourceRevision: 2,
    sourceUpdatedAt: nov(1),
    differingFields: [],
    heldOutboxEntryIds: [],
    ...stamps(nov(1)),
    ...o,
  } satisfies KintoneSyncConflict,
});

export const syncRun = (runId: string, o: Partial<SyncRun> = {}) => ({
  type: 'SYNC_RUN' as const,
  value: {
    runId,
    job: 'kintone.orders',
    mode: 'INCREMENTAL',
    status: 'SUCCEEDED',
    dryRun: false,
    trigger: 'SCHEDULE',
    startedAt: nov(1),
    counts: {} as SyncRun['counts'],
    requests: 1,
    errors: [],
    ...stamps(nov(1)),
    ...o,
  } satisfies SyncRun,
});

export const syncCursor = (o: Partial<SyncCursor> = {}) => ({
  type: 'SYNC_CURSOR' as const,
  value: { job: 'kintone.orders', watermark: nov(1), ...stamps(nov(1)), ...o } satisfies SyncCursor,
});

export const jobLease = (o: Partial<JobLease> = {}) => ({
  type: 'JOB_LEASE' as const,
  value: {
    job: 'kintone.orders',
    holder: 'host-1',
    expiresAt: nov(1, 1),
    ...stamps(nov(1)),
    ...o,
  } satisfies JobLease,
});

export const kintoneNotification = (notificationId: string, o: Partial<KintoneNotification> = {}) => ({
  type: 'KINTONE_NOTIFICATION' as const,
  value: {
    notificationId,
    app: 'orders',
    recordId: '1',
    type: 'UPDATE_RECORD',
    receivedAt: nov(1),
    expiresAtEpoch: 1_800_000_000,
    version: 1,
    ...o,
  } satisfies KintoneNotification,
});
