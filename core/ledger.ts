/**
 * The client ledger (顧客管理台帳): what it stores (LedgerEntity), how a use case writes
 * (LedgerWrite: every entity with its expected version, and its audit events, all or nothing;
 * X-1, X-4), and ClientLedger, the composition of the ports by aggregate.
 */
import type { Application, ApplicationSlot } from './applications/application.js';
import type { ApprovalTask } from './applications/approval-task.js';
import type { SalesRepAssignment } from './assignment/sales-rep-assignment.js';
import type { Client } from './clients/client.js';
import type { Establishment } from './establishments/establishment.js';
import type { GStaffMirrorRecord } from './gstaff/gstaff-mirror.js';
import type { Worker, WorkerAssignmentMirror } from './gstaff/worker-register-mirror.js';
import type { HearingSheet } from './hearing-sheets/hearing-sheet.js';
import type { IndividualContract } from './individual-contracts/individual-contract.js';
import type { TreatmentInformation } from './individual-contracts/treatment-information.js';
import type { Inquiry } from './inquiries/inquiry.js';
import type { KintoneOutboxEntry } from './kintone/kintone-outbox.js';
import type { ApplicationLedger } from './ledger/application-ledger.js';
import type { AuditTrailLedger } from './ledger/audit-trail-ledger.js';
import type { ClientInquiryLedger, WebSubmission } from './ledger/client-inquiry-ledger.js';
import type { EstablishmentLedger } from './ledger/establishment-ledger.js';
import type { GStaffMirrorLedger } from './ledger/gstaff-mirror-ledger.js';
import type { HearingSheetLedger } from './ledger/hearing-sheet-ledger.js';
import type { IndividualContractLedger } from './ledger/individual-contract-ledger.js';
import type { LedgerCommit } from './ledger/ledger-commit.js';
import type { NotificationLedger } from './ledger/notification-ledger.js';
import type { OutboxLedger } from './ledger/outbox-ledger.js';
import type { SalesRepAssignmentLedger } from './ledger/sales-rep-assignment-ledger.js';
import type { StaffDirectoryLedger } from './ledger/staff-directory-ledger.js';
import type { VisitLedger } from './ledger/visit-ledger.js';
import type { WorkerRegisterLedger } from './ledger/worker-register-ledger.js';
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

export type { ClientQuery, InquiryQuery } from './ledger/client-inquiry-ledger.js';
export type {
  ApplicationLedger,
  AuditTrailLedger,
  ClientInquiryLedger,
  EstablishmentLedger,
  GStaffMirrorLedger,
  HearingSheetLedger,
  IndividualContractLedger,
  LedgerCommit,
  NotificationLedger,
  OutboxLedger,
  SalesRepAssignmentLedger,
  StaffDirectoryLedger,
  VisitLedger,
  WebSubmission,
  WorkerRegisterLedger,
};

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

/**
 * The whole ledger as one adapter implements it: the composition of the ports by aggregate
 * (core/ledger/*.ts, plus SyncLedger and OrderLedger next to their aggregates, and
 * LedgerBatchReads, the batch reads of the API's pages, core/ledger-batch-reads.ts). A use case
 * names only the ports it reads (docs/architecture.md, "Ledger ports"); hosts compose all.
 */
export interface ClientLedger
  extends LedgerCommit,
    AuditTrailLedger,
    ClientInquiryLedger,
    SalesRepAssignmentLedger,
    HearingSheetLedger,
    VisitLedger,
    ApplicationLedger,
    OutboxLedger,
    NotificationLedger,
    StaffDirectoryLedger,
    GStaffMirrorLedger,
    WorkerRegisterLedger,
    EstablishmentLedger,
    IndividualContractLedger,
    SyncLedger,
    OrderLedger,
    LedgerBatchReads {}
