/**
 * Where each ledger entity lives in the single table (docs/data-model.md). The index keys
 * written here are the only access paths the adapter queries; nothing scans.
 */
import { createHash } from 'node:crypto';
import type { AuditEvent } from '../../core/audit.js';
import type { LedgerEntity } from '../../core/ledger.js';
import type { GsiName } from './table-layout.js';

export type ItemKeys = { pk: string; sk: string } & Partial<Record<`${GsiName}${'pk' | 'sk'}`, string>>;

export const staffKey = (userId: string) => ({ pk: `STAFF_MEMBER#${userId}`, sk: 'STAFF_MEMBER' });
export const clientKey = (clientId: string) => ({ pk: `CLIENT#${clientId}`, sk: 'CLIENT' });
export const inquiryKey = (inquiryId: string) => ({ pk: `INQUIRY#${inquiryId}`, sk: 'INQUIRY' });
export const webSubmissionKey = (submissionId: string) => ({
  pk: `WEB_SUBMISSION#${submissionId}`,
  sk: 'WEB_SUBMISSION',
});

export const STAFF_DIRECTORY = 'STAFF_DIRECTORY';
export const GSTAFF_UNCHECKED_CLIENTS = 'CLIENTS#GSTAFF_UNCHECKED';
/**
 * A name as part of an index key. DynamoDB refuses an index key over 1,024 bytes, and one such
 * item fails its whole transaction (a G-Staff mirror page, a client's creation): a name over
 * 1,000 bytes — no company's, but one row of an export can hold anything — keeps its first 100
 * characters and a digest of the whole, so a look-up by the same name still finds exactly it.
 * Shorter names stay as they are, so keys written before stay valid.
 */
export function nameKeyPart(normalizedName: string): string {
  if (Buffer.byteLength(normalizedName, 'utf8') <= 1_000) return normalizedName;
  const digest = createHash('sha256').update(normalizedName, 'utf8').digest('base64url');
  return `${Array.from(normalizedName).slice(0, 100).join('')}#${digest}`;
}

export const clientNamePartition = (normalizedName: string) => `CLIENT_NAME#${nameKeyPart(normalizedName)}`;
export const inquiriesByDepartment = (department: string | undefined) =>
  `INQUIRIES#DEPT#${department ?? '-'}`;
export const inquiriesByStatus = (status: string) => `INQUIRIES#STATUS#${status}`;
export const OPEN_FIRST_CONTACTS = 'FIRST_CONTACT#OPEN';
export const inquiriesOfClient = (clientId: string) => `INQUIRIES#CLIENT#${clientId}`;
export const ALL_INQUIRIES = 'INQUIRIES#ALL';
export const auditPartition = (trail: string) => `AUDIT#${trail}`;
export const outboxKey = (entryId: string) => ({ pk: `KINTONE_OUTBOX#${entryId}`, sk: 'KINTONE_OUTBOX' });
export const DUE_KINTONE_OUTBOX = 'KINTONE_OUTBOX#DUE';
export const outboxOfClient = (clientId: string) => `KINTONE_OUTBOX#CLIENT#${clientId}`;
export const mailKey = (messageId: string) => ({ pk: `MAIL#${messageId}`, sk: 'MAIL' });
export const DUE_MAIL = 'MAIL#DUE';
export const envelopeKey = (envelopeName: string) => ({ pk: `ENVELOPE#${envelopeName}`, sk: 'ENVELOPE' });
export const DUE_ENVELOPES = 'ENVELOPE#DUE';
export const ALL_ENVELOPES = 'ENVELOPE#ALL';
export const workerAssignmentKey = (id: string) => ({
  pk: `WORKER_ASSIGNMENT#${id}`,
  sk: 'WORKER_ASSIGNMENT',
});
export const workerAssignmentsOfGStaffClient = (gstaffClientId: string) =>
  `ASSIGNMENTS#GSTAFF_CLIENT#${gstaffClientId}`;
export const workerAssignmentsOfRep = (salesRepId: string) => `ASSIGNMENTS#REP#${salesRepId}`;
export const notificationKey = (id: string) => ({ pk: `NOTIFICATION#${id}`, sk: 'NOTIFICATION' });
export const inboxOf = (userId: string) => `INBOX#${userId}`;
export const gstaffClientKey = (id: string) => ({ pk: `GSTAFF_CLIENT#${id}`, sk: 'GSTAFF_CLIENT' });
export const gstaffNamePartition = (normalizedName: string) => `GSTAFF_NAME#${nameKeyPart(normalizedName)}`;
export const ALL_MAIL = 'MAIL#ALL';
export const clientsOfRep = (salesRepId: string) => `CLIENTS#REP#${salesRepId}`;
export const clientsOfDepartment = (department: string | undefined) => `CLIENTS#DEPT#${department ?? '-'}`;
export const ALL_CLIENTS = 'CLIENTS#ALL';
export const repAssignmentKey = (id: string) => ({ pk: `REP_ASSIGNMENT#${id}`, sk: 'REP_ASSIGNMENT' });
export const repAssignmentsOfRep = (salesRepId: string) => `REP_ASSIGNMENTS#REP#${salesRepId}`;
export const repAssignmentsOfClient = (clientId: string) => `REP_ASSIGNMENTS#CLIENT#${clientId}`;
export const visitKey = (id: string) => ({ pk: `VISIT#${id}`, sk: 'VISIT' });
export const visitsOfClient = (clientId: string) => `VISITS#CLIENT#${clientId}`;
export const OPEN_VISIT_RECORDS = 'VISIT_RECORD#OPEN';
export const hearingSheetKey = (id: string) => ({ pk: `HEARING_SHEET#${id}`, sk: 'HEARING_SHEET' });
export const hearingSheetsOfClient = (clientId: string) => `HEARING_SHEETS#CLIENT#${clientId}`;
export const applicationKey = (id: string) => ({ pk: `APPLICATION#${id}`, sk: 'APPLICATION' });
export const applicationsOfClient = (clientId: string) => `APPLICATIONS#CLIENT#${clientId}`;
export const APPLICATIONS_IN_FLIGHT = 'APPLICATIONS#IN_FLIGHT';
export const applicationSlotKey = (slotId: string) => ({
  pk: `APPLICATION_SLOT#${slotId}`,
  sk: 'APPLICATION_SLOT',
});
export const approvalTaskKey = (id: string) => ({ pk: `APPROVAL_TASK#${id}`, sk: 'APPROVAL_TASK' });
export const openApprovalTasksOf = (pool: { role: string; department?: string }) =>
  `APPROVAL_TASKS#OPEN#${pool.role}#${pool.department ?? '-'}`;
export const approvalTasksOfApplication = (applicationId: string) =>
  `APPROVAL_TASKS#APPLICATION#${applicationId}`;

export const kintoneRecordKey = (app: string, hubId: string) => ({
  pk: `KINTONE_RECORD#${app}#${hubId}`,
  sk: 'KINTONE_RECORD',
});
export const kintoneRecordsOfApp = (app: string) => `KINTONE_RECORDS#APP#${app}`;
export const kintoneRecordsOfClient = (clientId: string) => `KINTONE_RECORDS#CLIENT#${clientId}`;
/** Orders (A7-4): the orders app's records by the order's department, and all of them. */
export const ordersOfDepartment = (department: string | undefined) => `ORDERS#DEPT#${department || '-'}`;
export const ALL_ORDERS = 'ORDERS#ALL';
/** kintone record ids sort as numbers when padded. */
export const paddedRecordId = (recordId: string | number) => String(recordId).padStart(12, '0');
export const syncConflictKey = (id: string) => ({ pk: `SYNC_CONFLICT#${id}`, sk: 'SYNC_CONFLICT' });
export const syncConflictsByStatus = (status: string) => `SYNC_CONFLICTS#${status}`;
export const syncRunKey = (id: string) => ({ pk: `SYNC_RUN#${id}`, sk: 'SYNC_RUN' });
export const ALL_SYNC_RUNS = 'SYNC_RUNS#ALL';
export const syncRunsOfJob = (job: string) => `SYNC_RUNS#JOB#${job}`;
export const syncCursorKey = (job: string) => ({ pk: `SYNC_CURSOR#${job}`, sk: 'SYNC_CURSOR' });
export const jobLeaseKey = (job: string) => ({ pk: `JOB_LEASE#${job}`, sk: 'JOB_LEASE' });
export const kintoneNotificationKey = (id: string) => ({
  pk: `KINTONE_NOTIFICATION#${id}`,
  sk: 'KINTONE_NOTIFICATION',
});

// --- Individual contracts (A5-3 … A5-5): worker register, establishments, legal records ---
export const workerAssignmentsOfWorker = (workerId: string) => `ASSIGNMENTS#WORKER#${workerId}`;
export const workerKey = (workerId: string) => ({ pk: `WORKER#${workerId}`, sk: 'WORKER' });
export const WORKER_REGISTER = 'WORKERS#ALL';
export const establishmentKey = (id: string) => ({ pk: `ESTABLISHMENT#${id}`, sk: 'ESTABLISHMENT' });
export const establishmentsOfClient = (clientId: string) => `ESTABLISHMENTS#CLIENT#${clientId}`;
export const treatmentInformationKey = (orderId: string) => ({
  pk: `TREATMENT_INFORMATION#${orderId}`,
  sk: 'TREATMENT_INFORMATION',
});
export const treatmentInformationOfClient = (clientId: string) => `TREATMENT_INFORMATION#CLIENT#${clientId}`;
export const individualContractKey = (id: string) => ({
  pk: `INDIVIDUAL_CONTRACT#${id}`,
  sk: 'INDIVIDUAL_CONTRACT',
});
export const individualContractsOfOrder = (orderId: string) => `INDIVIDUAL_CONTRACTS#ORDER#${orderId}`;
export const individualContractsOfClient = (clientId: string) => `INDIVIDUAL_CONTRACTS#CLIENT#${clientId}`;
export const OPEN_TERMS_REQUESTS = 'INDIVIDUAL_CONTRACT_TERMS#OPEN';

export function keysOf(entity: LedgerEntity): ItemKeys {
  switch (entity.type) {
    case 'STAFF_MEMBER': {
      const m = entity.value;
      return { ...staffKey(m.userId), gsi1pk: STAFF_DIRECTORY, gsi1sk: m.userId };
    }
    case 'CLIENT': {
      const c = entity.value;
      return {
        ...clientKey(c.clientId),
        gsi1pk: clientNamePartition(c.normalizedName),
        gsi1sk: `${c.createdAt}#${c.clientId}`,
        // Sparse: clients whose G-Staff registration has not been checked yet.
        ...(c.gstaff ? {} : { gsi2pk: GSTAFF_UNCHECKED_CLIENTS, gsi2sk: `${c.createdAt}#${c.clientId}` }),
        ...(c.salesRepId
          ? { gsi3pk: clientsOfRep(c.salesRepId), gsi3sk: `${c.createdAt}#${c.clientId}` }
          : {}),
        gsi4pk: clientsOfDepartment(c.department),
        gsi4sk: `${c.createdAt}#${c.clientId}`,
        gsi5pk: ALL_CLIENTS,
        gsi5sk: `${c.createdAt}#${c.clientId}`,
      };
    }
    case 'SALES_REP_ASSIGNMENT': {
      const a = entity.value;
      return {
        ...repAssignmentKey(a.assignmentId),
        gsi1pk: repAssignmentsOfRep(a.salesRepId),
        gsi1sk: `${a.assignedAt}#${a.assignmentId}`,
        gsi4pk: repAssignmentsOfClient(a.clientId),
        gsi4sk: `${a.assignedAt}#${a.assignmentId}`,
      };
    }
    case 'VISIT': {
      const v = entity.value;
      return {
        ...visitKey(v.visitId),
        // Sparse: present only while the visit record is owed.
        ...(v.status === 'PLANNED' || v.status === 'PREPARED'
          ? { gsi3pk: OPEN_VISIT_RECORDS, gsi3sk: `${v.recordDeadline.dueAt}#${v.visitId}` }
          : {}),
        gsi4pk: visitsOfClient(v.clientId),
        gsi4sk: `${v.plannedStartAt}#${v.visitId}`,
      };
    }
    case 'HEARING_SHEET': {
      const h = entity.value;
      return {
        ...hearingSheetKey(h.hearingSheetId),
        gsi4pk: hearingSheetsOfClient(h.clientId),
        gsi4sk: `${h.createdAt}#${h.hearingSheetId}`,
      };
    }
    case 'APPLICATION': {
      const a = entity.value;
      return {
        ...applicationKey(a.applicationId),
        // Sparse: present only while its workflow runs.
        ...(a.status === 'SUBMITTED'
          ? { gsi3pk: APPLICATIONS_IN_FLIGHT, gsi3sk: `${a.submittedAt}#${a.applicationId}` }
          : {}),
        gsi4pk: applicationsOfClient(a.clientId),
        gsi4sk: `${a.createdAt}#${a.applicationId}`,
      };
    }
    case 'APPLICATION_SLOT': {
      const slot = entity.value;
      return applicationSlotKey(`${slot.clientId}#${slot.type}${slot.subjectId ? `#${slot.subjectId}` : ''}`);
    }
    case 'APPROVAL_TASK': {
      const t = entity.value;
      return {
        ...approvalTaskKey(t.taskId),
        // Sparse: the pool's queue holds only open tasks.
        ...(t.status === 'OPEN'
          ? { gsi3pk: openApprovalTasksOf(t.pool), gsi3sk: `${t.openedAt}#${t.taskId}` }
          : {}),
        gsi4pk: approvalTasksOfApplication(t.applicationId),
        gsi4sk: `${t.openedAt}#${t.taskId}`,
      };
    }
    case 'INQUIRY': {
      const i = entity.value;
      const newest = `${i.receivedAt}#${i.inquiryId}`;
      const openFirstContact = i.firstContact && !i.firstContact.contactedAt;
      return {
        ...inquiryKey(i.inquiryId),
        gsi1pk: inquiriesByDepartment(i.department),
        gsi1sk: newest,
        gsi2pk: inquiriesByStatus(i.status),
        gsi2sk: newest,
        // Sparse: present only while the first-contact deadline is open.
        ...(openFirstContact
          ? { gsi3pk: OPEN_FIRST_CONTACTS, gsi3sk: `${i.firstContact?.dueAt}#${i.inquiryId}` }
          : {}),
        gsi4pk: inquiriesOfClient(i.clientId),
        gsi4sk: newest,
        gsi5pk: ALL_INQUIRIES,
        gsi5sk: newest,
      };
    }
    case 'WEB_SUBMISSION':
      return webSubmissionKey(entity.value.submissionId);
    case 'SIGNATURE_ENVELOPE': {
      const e = entity.value;
      const due = e.state === 'PENDING' || e.state === 'SENDING' || e.state === 'NEEDS_CONFIRMATION';
      return {
        ...envelopeKey(e.envelopeName),
        ...(due ? { gsi3pk: DUE_ENVELOPES, gsi3sk: `${e.nextAttemptAt}#${e.envelopeName}` } : {}),
        gsi5pk: ALL_ENVELOPES,
        gsi5sk: `${e.createdAt}#${e.envelopeName}`,
      };
    }
    case 'NOTIFICATION': {
      const n = entity.value;
      return {
        ...notificationKey(n.notificationId),
        gsi1pk: inboxOf(n.recipientId),
        gsi1sk: `${n.createdAt}#${n.notificationId}`,
      };
    }
    case 'WORKER_ASSIGNMENT': {
      const a = entity.value;
      return {
        ...workerAssignmentKey(a.assignmentId),
        gsi1pk: workerAssignmentsOfGStaffClient(a.gstaffClientId),
        gsi1sk: `${a.startDate}#${a.assignmentId}`,
        ...(a.salesRepId
          ? { gsi2pk: workerAssignmentsOfRep(a.salesRepId), gsi2sk: `${a.startDate}#${a.assignmentId}` }
          : {}),
        gsi4pk: workerAssignmentsOfWorker(a.workerId),
        gsi4sk: `${a.startDate}#${a.assignmentId}`,
      };
    }
    case 'GSTAFF_CLIENT': {
      const g = entity.value;
      return {
        ...gstaffClientKey(g.gstaffClientId),
        gsi1pk: gstaffNamePartition(g.normalizedName),
        gsi1sk: g.gstaffClientId,
      };
    }
    case 'MAIL_MESSAGE': {
      const m = entity.value;
      return {
        ...mailKey(m.messageId),
        ...(m.state === 'PENDING' ? { gsi3pk: DUE_MAIL, gsi3sk: `${m.nextAttemptAt}#${m.messageId}` } : {}),
        gsi5pk: ALL_MAIL,
        gsi5sk: `${m.createdAt}#${m.messageId}`,
      };
    }
    case 'KINTONE_RECORD': {
      const r = entity.value;
      return {
        ...kintoneRecordKey(r.app, r.hubId),
        gsi1pk: kintoneRecordsOfApp(r.app),
        gsi1sk: paddedRecordId(r.recordId),
        gsi4pk: kintoneRecordsOfClient(r.clientId),
        gsi4sk: `${r.app}#${paddedRecordId(r.recordId)}`,
        // Orders only: the `orders` list view by department and over all (newest first).
        ...(r.app === 'orders'
          ? {
              gsi2pk: ordersOfDepartment(r.fields.department),
              gsi2sk: `${r.createdAt}#${r.hubId}`,
              gsi5pk: ALL_ORDERS,
              gsi5sk: `${r.createdAt}#${r.hubId}`,
            }
          : {}),
      };
    }
    case 'SYNC_CONFLICT': {
      const c = entity.value;
      return {
        ...syncConflictKey(c.conflictId),
        gsi3pk: syncConflictsByStatus(c.status),
        gsi3sk: `${c.detectedAt}#${c.conflictId}`,
      };
    }
    case 'SYNC_RUN': {
      const r = entity.value;
      return {
        ...syncRunKey(r.runId),
        gsi4pk: syncRunsOfJob(r.job),
        gsi4sk: `${r.startedAt}#${r.runId}`,
        gsi5pk: ALL_SYNC_RUNS,
        gsi5sk: `${r.startedAt}#${r.runId}`,
      };
    }
    case 'SYNC_CURSOR':
      return syncCursorKey(entity.value.job);
    case 'JOB_LEASE':
      return jobLeaseKey(entity.value.job);
    case 'KINTONE_NOTIFICATION':
      return kintoneNotificationKey(entity.value.notificationId);
    // --- Individual contracts (A5-3 … A5-5) ---
    case 'WORKER':
      return { ...workerKey(entity.value.workerId), gsi5pk: WORKER_REGISTER, gsi5sk: entity.value.workerId };
    case 'ESTABLISHMENT': {
      const e = entity.value;
      return {
        ...establishmentKey(e.establishmentId),
        gsi4pk: establishmentsOfClient(e.clientId),
        gsi4sk: `${e.createdAt}#${e.establishmentId}`,
      };
    }
    case 'TREATMENT_INFORMATION': {
      const t = entity.value;
      return {
        ...treatmentInformationKey(t.orderId),
        gsi4pk: treatmentInformationOfClient(t.clientId),
        gsi4sk: `${t.createdAt}#${t.orderId}`,
      };
    }
    case 'INDIVIDUAL_CONTRACT': {
      const c = entity.value;
      const newest = `${c.createdAt}#${c.individualContractId}`;
      return {
        ...individualContractKey(c.individualContractId),
        gsi1pk: individualContractsOfOrder(c.orderId),
        gsi1sk: newest,
        // Sparse: present only while requested terms are incomplete (the 2-day deadline, A5-4).
        ...(c.termsRequest && !c.termsRequest.metAt
          ? { gsi3pk: OPEN_TERMS_REQUESTS, gsi3sk: `${c.termsRequest.dueAt}#${c.individualContractId}` }
          : {}),
        gsi4pk: individualContractsOfClient(c.clientId),
        gsi4sk: newest,
      };
    }
    case 'KINTONE_OUTBOX_ENTRY': {
      const e = entity.value;
      return {
        ...outboxKey(e.entryId),
        // Sparse: only PENDING entries are in the due queue.
        ...(e.state === 'PENDING'
          ? { gsi3pk: DUE_KINTONE_OUTBOX, gsi3sk: `${e.nextAttemptAt}#${e.entryId}` }
          : {}),
        gsi4pk: outboxOfClient(e.clientId),
        gsi4sk: `${e.createdAt}#${e.entryId}`,
      };
    }
  }
}

/** `position` keeps the order of events written in one commit (same instant) stable. */
export function auditKeys(event: AuditEvent, position: number): ItemKeys {
  return {
    pk: auditPartition(event.trail),
    sk: `${event.at}#${String(position).padStart(3, '0')}#${event.eventId}`,
  };
}
