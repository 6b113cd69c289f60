/**
 * The client ledger port (顧客管理台帳). One write unit per use case: every entity written
 * with its expected version, and its audit events, all or nothing.
 */
import type { Application, ApplicationSlot } from './applications/application.js';
import type { ApprovalPool, ApprovalTask } from './applications/approval-task.js';
import type { SalesRepAssignment } from './assignment/sales-rep-assignment.js';
import type { AuditEvent } from './audit.js';
import type { Client, ClientStage } from './clients/client.js';
import type { Establishment } from './establishments/establishment.js';
import type { GStaffMirrorRecord } from './gstaff/gstaff-mirror.js';
import type { Worker, WorkerAssignmentMirror } from './gstaff/worker-register-mirror.js';
import type { HearingSheet } from './hearing-sheets/hearing-sheet.js';
import type { IndividualContract } from './individual-contracts/individual-contract.js';
import type { TreatmentInformation } from './individual-contracts/treatment-information.js';
import type { Inquiry, InquiryStatus } from './inquiries/inquiry.js';
import type { KintoneOutboxEntry } from './kintone/kintone-outbox.js';
import type { LedgerBatchReads } from './ledger-batch-reads.js';
import type { MailMessage } from './mail/mail-message.js';
import type { Notification } from './notifications/notification.js';
import type { OrderLedger } from './orders/order-ledger.js';
import type { SignatureEnvelope } from './signing/signature-outbox.js';
import type { StaffMember } from './staff/staff-member.js';
import type {
  JobLease,
  KintoneNotification,
  SyncConflict,
  SyncCursor,
  SyncedKintoneRecord,
  SyncLedger,
  SyncRun,
} from './sync/sync-model.js';
import type { Visit } from './visits/visit.js';

/** What the website form was answered the first time, replayed for a duplicate delivery. */
export interface WebSubmission {
  submissionId: string;
  inquiryId: string;
  /** The body is kept as the JSON text that was sent, so a replay is byte-for-byte the same. */
  response: { status: number; body: string };
  receivedAt: string;
  version: number;
}

export type LedgerEntity =
  | { type: 'CLIENT'; value: Client }
  | { type: 'INQUIRY'; value: Inquiry }
  | { type: 'STAFF_MEMBER'; value: StaffMember }
  | { type: 'WEB_SUBMISSION'; value: WebSubmission }
  | { type: 'KINTONE_OUTBOX_ENTRY'; value: KintoneOutboxEntry }
  | { type: 'MAIL_MESSAGE'; value: MailMessage }
  | { type: 'GSTAFF_CLIENT'; value: GStaffMirrorRecord }
  | { type: 'SIGNATURE_ENVELOPE'; value: SignatureEnvelope }
  | { type: 'WORKER_ASSIGNMENT'; value: WorkerAssignmentMirror }
  | { type: 'NOTIFICATION'; value: Notification }
  | { type: 'SALES_REP_ASSIGNMENT'; value: SalesRepAssignment }
  | { type: 'VISIT'; value: Visit }
  | { type: 'HEARING_SHEET'; value: HearingSheet }
  | { type: 'APPLICATION'; value: Application }
  | { type: 'APPLICATION_SLOT'; value: ApplicationSlot }
  | { type: 'APPROVAL_TASK'; value: ApprovalTask }
  | { type: 'KINTONE_RECORD'; value: SyncedKintoneRecord }
  | { type: 'SYNC_CONFLICT'; value: SyncConflict }
  | { type: 'SYNC_RUN'; value: SyncRun }
  | { type: 'SYNC_CURSOR'; value: SyncCursor }
  | { type: 'JOB_LEASE'; value: JobLease }
  | { type: 'KINTONE_NOTIFICATION'; value: KintoneNotification }
  // --- Individual contracts (A5-3 … A5-5): worker register, establishments, legal records ---
  | { type: 'WORKER'; value: Worker }
  | { type: 'ESTABLISHMENT'; value: Establishment }
  | { type: 'TREATMENT_INFORMATION'; value: TreatmentInformation }
  | { type: 'INDIVIDUAL_CONTRACT'; value: IndividualContract };

export interface LedgerWrite {
  entity: LedgerEntity;
  /** The version the use case read; absent for a create, which fails if the key exists. */
  expectedVersion?: number;
}

export interface Page<T> {
  items: T[];
  /** One opaque cursor per item: pass one back as `after` to continue after that item. */
  cursors: string[];
  /** Opaque; pass back as `after` for the next page. */
  endCursor?: string;
  hasNextPage: boolean;
}

export interface InquiryQuery {
  department?: string;
  status?: InquiryStatus;
  /** Only inquiries whose first contact is still open and was due before this instant. */
  overdueAt?: Date;
  first: number;
  after?: string;
}

/** Clients newest first, by one keyed partition: a rep's, a department's, or all; stage filters within it. */
export interface ClientQuery {
  salesRepId?: string;
  department?: string;
  stage?: ClientStage;
  first: number;
  after?: string;
}

/**
 * The ledger's reads by aggregate are being split into ports of their own; sync reads are one
 * (SyncLedger), orders another (OrderLedger, core/orders/order-ledger.ts); the batch reads of
 * the API's pages a third (LedgerBatchReads, core/ledger-batch-reads.ts).
 */
export interface ClientLedger extends SyncLedger, OrderLedger, LedgerBatchReads {
  /** Writes all entities and audit events in one transaction; a stale version or existing key is a ConflictError. */
  commit(writes: LedgerWrite[], audit: AuditEvent[]): Promise<void>;
  getClient(clientId: string): Promise<Client | undefined>;
  getClients(clientIds: readonly string[]): Promise<Client[]>;
  findClientsByNormalizedName(normalizedName: string): Promise<Client[]>;
  /** Clients whose G-Staff registration has not been checked yet, oldest first. */
  listClientsWithoutGStaffCheck(limit: number): Promise<Client[]>;
  getInquiry(inquiryId: string): Promise<Inquiry | undefined>;
  listInquiries(query: InquiryQuery): Promise<Page<Inquiry>>;
  listInquiriesOfClient(clientId: string): Promise<Inquiry[]>;
  getWebSubmission(submissionId: string): Promise<WebSubmission | undefined>;
  getStaffMember(userId: string): Promise<StaffMember | undefined>;
  getStaffMembers(userIds: readonly string[]): Promise<StaffMember[]>;
  listStaffMembers(): Promise<StaffMember[]>;
  /** PENDING entries due at `now`, oldest due first. */
  listDueKintoneOutboxEntries(now: Date, limit: number): Promise<KintoneOutboxEntry[]>;
  /** Every outbox entry of a client, newest first (its kintone sync state). */
  listKintoneOutboxEntriesOfClient(clientId: string): Promise<KintoneOutboxEntry[]>;
  /** PENDING e-mails due at `now`, oldest due first. */
  listDueMailMessages(now: Date, limit: number): Promise<MailMessage[]>;
  /** Every e-mail the hub wrote, newest first (the local outbox at /dev/mail). */
  listMailMessages(first: number, after?: string): Promise<Page<MailMessage>>;
  getMailMessage(messageId: string): Promise<MailMessage | undefined>;
  getGStaffMirrorRecords(gstaffClientIds: readonly string[]): Promise<GStaffMirrorRecord[]>;
  findGStaffMirrorRecordsByName(normalizedName: string): Promise<GStaffMirrorRecord[]>;
  getWorkerAssignments(assignmentIds: readonly string[]): Promise<WorkerAssignmentMirror[]>;
  /** The worker register's assignments at a G-Staff client, and those under a sales rep. */
  listWorkerAssignmentsOfClient(gstaffClientId: string): Promise<WorkerAssignmentMirror[]>;
  listWorkerAssignmentsOfRep(salesRepId: string): Promise<WorkerAssignmentMirror[]>;
  /** A person's inbox, newest first. */
  listNotifications(recipientId: string, first: number, after?: string): Promise<Page<Notification>>;
  getNotification(notificationId: string): Promise<Notification | undefined>;
  getSignatureEnvelope(envelopeName: string): Promise<SignatureEnvelope | undefined>;
  /** Every signature envelope, newest first. */
  listSignatureEnvelopes(first: number, after?: string): Promise<Page<SignatureEnvelope>>;
  /** Envelopes to send or to confirm, due at `now`, oldest due first. */
  listDueSignatureEnvelopes(now: Date, limit: number): Promise<SignatureEnvelope[]>;
  listClients(query: ClientQuery): Promise<Page<Client>>;
  /** Every assignment the rep has had (current and past), oldest first. */
  listSalesRepAssignmentsOfRep(salesRepId: string): Promise<SalesRepAssignment[]>;
  /** The client's assignment history, newest first. */
  listSalesRepAssignmentsOfClient(clientId: string): Promise<SalesRepAssignment[]>;
  getVisit(visitId: string): Promise<Visit | undefined>;
  /** Newest planned first. */
  listVisitsOfClient(clientId: string): Promise<Visit[]>;
  /** Unrecorded visits whose record deadline is before `dueBefore`, soonest due first (optionally of one department). */
  listOpenVisitRecordDeadlines(query: {
    dueBefore: Date;
    department?: string;
    first: number;
    after?: string;
  }): Promise<Page<Visit>>;
  getSalesRepAssignment(assignmentId: string): Promise<SalesRepAssignment | undefined>;
  getHearingSheet(hearingSheetId: string): Promise<HearingSheet | undefined>;
  listHearingSheetsOfClient(clientId: string): Promise<HearingSheet[]>;
  getApplication(applicationId: string): Promise<Application | undefined>;
  /** Newest first. */
  listApplicationsOfClient(clientId: string): Promise<Application[]>;
  /** Submitted applications whose workflow has not decided yet, oldest first (re-driven on a local restart). */
  listApplicationsInFlight(limit: number): Promise<Application[]>;
  getApplicationSlot(slotId: string): Promise<ApplicationSlot | undefined>;
  getApprovalTask(taskId: string): Promise<ApprovalTask | undefined>;
  /** OPEN tasks of a pool, oldest first. */
  listOpenApprovalTasks(pool: ApprovalPool, limit: number): Promise<ApprovalTask[]>;
  listApprovalTasksOfApplication(applicationId: string): Promise<ApprovalTask[]>;
  /** Newest first. */
  listAuditTrail(trail: string, first: number, after?: string): Promise<Page<AuditEvent>>;

  // --- Individual contracts (A5-3 … A5-5): worker register, establishments, legal records ---
  getWorker(workerId: string): Promise<Worker | undefined>;
  getWorkers(workerIds: readonly string[]): Promise<Worker[]>;
  /** The worker register, by worker id. */
  listWorkers(first: number, after?: string): Promise<Page<Worker>>;
  /** Every assignment of one worker (all clients), oldest first. */
  listWorkerAssignmentsOfWorker(workerId: string): Promise<WorkerAssignmentMirror[]>;
  getEstablishment(establishmentId: string): Promise<Establishment | undefined>;
  /** A client's establishments, oldest first. */
  listEstablishmentsOfClient(clientId: string): Promise<Establishment[]>;
  /** The treatment information given for an order (one per order). */
  getTreatmentInformation(orderId: string): Promise<TreatmentInformation | undefined>;
  getIndividualContract(individualContractId: string): Promise<IndividualContract | undefined>;
  /** Newest first. */
  listIndividualContractsOfClient(clientId: string): Promise<IndividualContract[]>;
  /** Newest first. */
  listIndividualContractsOfOrder(orderId: string): Promise<IndividualContract[]>;
  /** Contracts whose terms were requested and are not complete, due before `dueBefore`, soonest due first. */
  listOpenIndividualContractTermsRequests(query: {
    dueBefore: Date;
    department?: string;
    first: number;
    after?: string;
  }): Promise<Page<IndividualContract>>;
}
