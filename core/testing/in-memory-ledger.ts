/**
 * In-memory ClientLedger for `core/` unit tests only (docs/architecture.md, "Fakes"). It keeps the
 * port's contract — all-or-nothing commits, version checks, newest-first pages — so use-case
 * tests exercise the same rules the DynamoDB adapter enforces.
 */
import type { AuditEvent } from '../audit.js';
import type { Client } from '../clients/client.js';
import { ConflictError } from '../errors.js';
import type { IndividualContract } from '../individual-contracts/individual-contract.js';
import type { Inquiry } from '../inquiries/inquiry.js';
import type {
  ClientLedger,
  ClientQuery,
  InquiryQuery,
  LedgerEntity,
  LedgerWrite,
  Page,
  WebSubmission,
} from '../ledger.js';
import {
  type AuditTrailRequest,
  auditTrailRequestKey,
  type OwnedListName,
  type OwnedLists,
} from '../ledger-batch-reads.js';
import type { OrderQuery } from '../orders/order-ledger.js';
import type { StaffMember } from '../staff/staff-member.js';
import type { SyncedKintoneApp, SyncJobName } from '../sync/sync-model.js';

const keyOf = (e: LedgerEntity): string => {
  switch (e.type) {
    case 'CLIENT':
      return `CLIENT#${e.value.clientId}`;
    case 'INQUIRY':
      return `INQUIRY#${e.value.inquiryId}`;
    case 'STAFF_MEMBER':
      return `STAFF_MEMBER#${e.value.userId}`;
    case 'WEB_SUBMISSION':
      return `WEB_SUBMISSION#${e.value.submissionId}`;
    case 'KINTONE_OUTBOX_ENTRY':
      return `KINTONE_OUTBOX#${e.value.entryId}`;
    case 'MAIL_MESSAGE':
      return `MAIL#${e.value.messageId}`;
    case 'GSTAFF_CLIENT':
      return `GSTAFF_CLIENT#${e.value.gstaffClientId}`;
    case 'SIGNATURE_ENVELOPE':
      return `ENVELOPE#${e.value.envelopeName}`;
    case 'WORKER_ASSIGNMENT':
      return `WORKER_ASSIGNMENT#${e.value.assignmentId}`;
    case 'NOTIFICATION':
      return `NOTIFICATION#${e.value.notificationId}`;
    case 'SALES_REP_ASSIGNMENT':
      return `REP_ASSIGNMENT#${e.value.assignmentId}`;
    case 'VISIT':
      return `VISIT#${e.value.visitId}`;
    case 'HEARING_SHEET':
      return `HEARING_SHEET#${e.value.hearingSheetId}`;
    case 'APPLICATION':
      return `APPLICATION#${e.value.applicationId}`;
    case 'APPLICATION_SLOT':
      return `APPLICATION_SLOT#${e.value.clientId}#${e.value.type}${e.value.subjectId ? `#${e.value.subjectId}` : ''}`;
    case 'APPROVAL_TASK':
      return `APPROVAL_TASK#${e.value.taskId}`;
    case 'KINTONE_RECORD':
      return `KINTONE_RECORD#${e.value.app}#${e.value.hubId}`;
    case 'SYNC_CONFLICT':
      return `SYNC_CONFLICT#${e.value.conflictId}`;
    case 'SYNC_RUN':
      return `SYNC_RUN#${e.value.runId}`;
    case 'SYNC_CURSOR':
      return `SYNC_CURSOR#${e.value.job}`;
    case 'JOB_LEASE':
      return `JOB_LEASE#${e.value.job}`;
    case 'KINTONE_NOTIFICATION':
      return `KINTONE_NOTIFICATION#${e.value.notificationId}`;
    // --- Individual contracts ---
    case 'WORKER':
      return `WORKER#${e.value.workerId}`;
    case 'ESTABLISHMENT':
      return `ESTABLISHMENT#${e.value.establishmentId}`;
    case 'TREATMENT_INFORMATION':
      return `TREATMENT_INFORMATION#${e.value.orderId}`;
    case 'INDIVIDUAL_CONTRACT':
      return `INDIVIDUAL_CONTRACT#${e.value.individualContractId}`;
  }
};

function page<T>(items: T[], first: number, after?: string): Page<T> {
  const start = after ? Number(after) : 0;
  const slice = items.slice(start, start + first);
  const end = start + slice.length;
  return {
    items: slice,
    cursors: slice.map((_, i) => String(start + i + 1)),
    hasNextPage: end < items.length,
    ...(slice.length ? { endCursor: String(end) } : {}),
  };
}

export class InMemoryClientLedger implements ClientLedger {
  readonly entities = new Map<string, LedgerEntity>();
  readonly auditEvents: AuditEvent[] = [];
  commits = 0;

  async commit(writes: LedgerWrite[], audit: AuditEvent[]): Promise<void> {
    for (const w of writes) {
      const current = this.entities.get(keyOf(w.entity));
      if (w.expectedVersion === undefined ? current : current?.value.version !== w.expectedVersion) {
        throw new ConflictError(`${keyOf(w.entity)} was changed or already exists`);
      }
    }
    for (const w of writes) this.entities.set(keyOf(w.entity), structuredClone(w.entity));
    this.auditEvents.push(...structuredClone(audit));
    this.commits += 1;
  }

  private all<T extends LedgerEntity['type']>(type: T) {
    return [...this.entities.values()]
      .filter((e): e is Extract<LedgerEntity, { type: T }> => e.type === type)
      .map((e) => structuredClone(e.value) as Extract<LedgerEntity, { type: T }>['value']);
  }

  async listClients(q: ClientQuery): Promise<Page<Client>> {
    const matching = this.all('CLIENT')
      .filter((c) => !q.salesRepId || c.salesRepId === q.salesRepId)
      .filter((c) => !q.department || c.department === q.department)
      .filter((c) => !q.stage || c.stage === q.stage)
      .sort((a, b) => `${b.createdAt}#${b.clientId}`.localeCompare(`${a.createdAt}#${a.clientId}`));
    return page(matching, q.first, q.after);
  }
  async listSalesRepAssignmentsOfRep(salesRepId: string) {
    return this.all('SALES_REP_ASSIGNMENT')
      .filter((a) => a.salesRepId === salesRepId)
      .sort((a, b) => a.assignedAt.localeCompare(b.assignedAt));
  }
  async listSalesRepAssignmentsOfClient(clientId: string) {
    return this.all('SALES_REP_ASSIGNMENT')
      .filter((a) => a.clientId === clientId)
      .sort((a, b) => b.assignedAt.localeCompare(a.assignedAt));
  }
  async getVisit(id: string) {
    return this.all('VISIT').find((v) => v.visitId === id);
  }
  async listVisitsOfClient(clientId: string) {
    return this.all('VISIT')
      .filter((v) => v.clientId === clientId)
      .sort((a, b) => b.plannedStartAt.localeCompare(a.plannedStartAt));
  }
  async listOpenVisitRecordDeadlines(q: {
    dueBefore: Date;
    department?: string;
    first: number;
    after?: string;
  }) {
    const open = this.all('VISIT')
      .filter(
        (v) =>
          (v.status === 'PLANNED' || v.status === 'PREPARED') &&
          Date.parse(v.recordDeadline.dueAt) < q.dueBefore.getTime(),
      )
      .filter((v) => !q.department || v.department === q.department)
      .sort((a, b) => a.recordDeadline.dueAt.localeCompare(b.recordDeadline.dueAt));
    return page(open, q.first, q.after);
  }
  async getSalesRepAssignment(id: string) {
    return this.all('SALES_REP_ASSIGNMENT').find((a) => a.assignmentId === id);
  }
  async getHearingSheet(id: string) {
    return this.all('HEARING_SHEET').find((h) => h.hearingSheetId === id);
  }
  async listHearingSheetsOfClient(clientId: string) {
    return this.all('HEARING_SHEET')
      .filter((h) => h.clientId === clientId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
  async getApplication(id: string) {
    return this.all('APPLICATION').find((a) => a.applicationId === id);
  }
  async listApplicationsOfClient(clientId: string) {
    return this.all('APPLICATION')
      .filter((a) => a.clientId === clientId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
  async listApplicationsInFlight(limit: number) {
    return this.all('APPLICATION')
      .filter((a) => a.status === 'SUBMITTED')
      .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''))
      .slice(0, limit);
  }
  async getApplicationSlot(slotId: string) {
    return this.all('APPLICATION_SLOT').find(
      (s) => `${s.clientId}#${s.type}${s.subjectId ? `#${s.subjectId}` : ''}` === slotId,
    );
  }
  async getApprovalTask(taskId: string) {
    return this.all('APPROVAL_TASK').find((t) => t.taskId === taskId);
  }
  async listOpenApprovalTasks(pool: { role: string; department?: string }, limit: number) {
    return this.all('APPROVAL_TASK')
      .filter(
        (t) => t.status === 'OPEN' && t.pool.role === pool.role && t.pool.department === pool.department,
      )
      .sort((a, b) => a.openedAt.localeCompare(b.openedAt))
      .slice(0, limit);
  }
  async listApprovalTasksOfApplication(applicationId: string) {
    return this.all('APPROVAL_TASK')
      .filter((t) => t.applicationId === applicationId)
      .sort((a, b) => a.openedAt.localeCompare(b.openedAt));
  }
  async getClient(id: string) {
    return this.all('CLIENT').find((c) => c.clientId === id);
  }
  async getClients(ids: readonly string[]): Promise<Client[]> {
    return this.all('CLIENT').filter((c) => ids.includes(c.clientId));
  }
  async listClientsWithoutGStaffCheck(limit: number) {
    return this.all('CLIENT')
      .filter((c) => !c.gstaff)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .slice(0, limit);
  }
  async findClientsByNormalizedName(name: string) {
    return this.all('CLIENT').filter((c) => c.normalizedName === name);
  }
  async getInquiry(id: string) {
    return this.all('INQUIRY').find((i) => i.inquiryId === id);
  }
  async listInquiries(q: InquiryQuery): Promise<Page<Inquiry>> {
    const matching = this.all('INQUIRY')
      .filter((i) => !q.department || i.department === q.department)
      .filter((i) => !q.status || i.status === q.status)
      .filter(
        (i) =>
          !q.overdueAt ||
          (i.firstContact &&
            !i.firstContact.contactedAt &&
            Date.parse(i.firstContact.dueAt) < q.overdueAt.getTime()),
      )
      .sort((a, b) =>
        q.overdueAt
          ? (a.firstContact?.dueAt ?? '').localeCompare(b.firstContact?.dueAt ?? '')
          : b.receivedAt.localeCompare(a.receivedAt),
      );
    return page(matching, q.first, q.after);
  }
  async listInquiriesOfClient(clientId: string) {
    return this.all('INQUIRY')
      .filter((i) => i.clientId === clientId)
      .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  }
  async getWebSubmission(id: string): Promise<WebSubmission | undefined> {
    return this.all('WEB_SUBMISSION').find((s) => s.submissionId === id);
  }
  async getStaffMember(id: string): Promise<StaffMember | undefined> {
    return this.all('STAFF_MEMBER').find((m) => m.userId === id);
  }
  async getStaffMembers(ids: readonly string[]) {
    return this.all('STAFF_MEMBER').filter((m) => ids.includes(m.userId));
  }
  async listStaffMembers() {
    return this.all('STAFF_MEMBER').sort((a, b) => a.userId.localeCompare(b.userId));
  }
  async listDueKintoneOutboxEntries(now: Date, limit: number) {
    return this.all('KINTONE_OUTBOX_ENTRY')
      .filter((e) => e.state === 'PENDING' && Date.parse(e.nextAttemptAt) <= now.getTime())
      .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt))
      .slice(0, limit);
  }
  async listKintoneOutboxEntriesOfClient(clientId: string) {
    return this.all('KINTONE_OUTBOX_ENTRY')
      .filter((e) => e.clientId === clientId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
  async listDueMailMessages(now: Date, limit: number) {
    return this.all('MAIL_MESSAGE')
      .filter((m) => m.state === 'PENDING' && Date.parse(m.nextAttemptAt) <= now.getTime())
      .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt))
      .slice(0, limit);
  }
  async listMailMessages(first: number, after?: string) {
    return page(
      this.all('MAIL_MESSAGE').sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
      first,
      after,
    );
  }
  async getMailMessage(id: string) {
    return this.all('MAIL_MESSAGE').find((m) => m.messageId === id);
  }
  async getGStaffMirrorRecords(ids: readonly string[]) {
    return this.all('GSTAFF_CLIENT').filter((g) => ids.includes(g.gstaffClientId));
  }
  async findGStaffMirrorRecordsByName(normalizedName: string) {
    return this.all('GSTAFF_CLIENT').filter((g) => g.normalizedName === normalizedName);
  }
  async listNotifications(recipientId: string, first: number, after?: string) {
    return page(
      this.all('NOTIFICATION')
        .filter((n) => n.recipientId === recipientId)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
      first,
      after,
    );
  }
  async getNotification(id: string) {
    return this.all('NOTIFICATION').find((n) => n.notificationId === id);
  }
  async getWorkerAssignments(ids: readonly string[]) {
    return this.all('WORKER_ASSIGNMENT').filter((a) => ids.includes(a.assignmentId));
  }
  async listWorkerAssignmentsOfClient(gstaffClientId: string) {
    return this.all('WORKER_ASSIGNMENT').filter((a) => a.gstaffClientId === gstaffClientId);
  }
  async listWorkerAssignmentsOfRep(salesRepId: string) {
    return this.all('WORKER_ASSIGNMENT').filter((a) => a.salesRepId === salesRepId);
  }
  async listSignatureEnvelopes(first: number, after?: string) {
    return page(
      this.all('SIGNATURE_ENVELOPE').sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
      first,
      after,
    );
  }
  async getSignatureEnvelope(name: string) {
    return this.all('SIGNATURE_ENVELOPE').find((e) => e.envelopeName === name);
  }
  async listDueSignatureEnvelopes(now: Date, limit: number) {
    return this.all('SIGNATURE_ENVELOPE')
      .filter(
        (e) =>
          ['PENDING', 'SENDING', 'NEEDS_CONFIRMATION'].includes(e.state) &&
          Date.parse(e.nextAttemptAt) <= now.getTime(),
      )
      .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt))
      .slice(0, limit);
  }
  async listAuditTrail(trail: string, first: number, after?: string) {
    const events = this.auditEvents.filter((e) => e.trail === trail).reverse();
    return page(structuredClone(events), first, after);
  }

  // --- Sync ---
  async getSyncedKintoneRecords(app: SyncedKintoneApp, hubIds: readonly string[]) {
    return this.all('KINTONE_RECORD').filter((r) => r.app === app && hubIds.includes(r.hubId));
  }
  async findSyncedKintoneRecordByRecordId(app: SyncedKintoneApp, recordId: string) {
    return this.all('KINTONE_RECORD').find((r) => r.app === app && r.recordId === recordId);
  }
  async listSyncedKintoneRecordsByRecordId(
    app: SyncedKintoneApp,
    range: { afterRecordId: number; upToRecordId?: number; limit: number },
  ) {
    return this.all('KINTONE_RECORD')
      .filter(
        (r) =>
          r.app === app &&
          Number(r.recordId) > range.afterRecordId &&
          (range.upToRecordId === undefined || Number(r.recordId) <= range.upToRecordId),
      )
      .sort((a, b) => Number(a.recordId) - Number(b.recordId))
      .slice(0, range.limit);
  }
  async listSyncedKintoneRecordsOfClient(clientId: string) {
    return this.all('KINTONE_RECORD').filter((r) => r.clientId === clientId);
  }
  // --- Orders ---
  async listOrders(q: OrderQuery) {
    const matching = this.all('KINTONE_RECORD')
      .filter((r) => r.app === 'orders')
      .filter((r) => !q.clientId || r.clientId === q.clientId)
      .filter((r) => q.department === undefined || (r.fields.department ?? '') === q.department)
      .filter((r) => !q.clientIds || q.clientIds.includes(r.clientId))
      .filter((r) => !q.status || r.fields.status === q.status)
      .sort((a, b) =>
        q.clientId
          ? Number(b.recordId) - Number(a.recordId)
          : `${b.createdAt}#${b.hubId}`.localeCompare(`${a.createdAt}#${a.hubId}`),
      );
    return page(matching, q.first, q.after);
  }
  async getSyncConflict(conflictId: string) {
    return this.all('SYNC_CONFLICT').find((c) => c.conflictId === conflictId);
  }
  async listSyncConflicts(status: 'OPEN' | 'RESOLVED', limit: number) {
    const sorted = this.all('SYNC_CONFLICT')
      .filter((c) => c.status === status)
      .sort((a, b) => a.detectedAt.localeCompare(b.detectedAt));
    return (status === 'OPEN' ? sorted : sorted.reverse()).slice(0, limit);
  }
  async getSyncCursor(job: SyncJobName) {
    return this.all('SYNC_CURSOR').find((c) => c.job === job);
  }
  async getSyncRun(runId: string) {
    return this.all('SYNC_RUN').find((r) => r.runId === runId);
  }
  async listSyncRuns(query: { job?: SyncJobName; limit: number }) {
    return this.all('SYNC_RUN')
      .filter((r) => !query.job || r.job === query.job)
      .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
      .slice(0, query.limit);
  }
  async getJobLease(job: SyncJobName) {
    return this.all('JOB_LEASE').find((l) => l.job === job);
  }
  async getKintoneNotification(notificationId: string) {
    return this.all('KINTONE_NOTIFICATION').find((n) => n.notificationId === notificationId);
  }

  // --- Individual contracts (A5-3 … A5-5) ---
  async getWorker(workerId: string) {
    return this.all('WORKER').find((w) => w.workerId === workerId);
  }
  async getWorkers(ids: readonly string[]) {
    return this.all('WORKER').filter((w) => ids.includes(w.workerId));
  }
  async listWorkers(first: number, after?: string) {
    return page(
      this.all('WORKER').sort((a, b) => a.workerId.localeCompare(b.workerId)),
      first,
      after,
    );
  }
  async listWorkerAssignmentsOfWorker(workerId: string) {
    return this.all('WORKER_ASSIGNMENT')
      .filter((a) => a.workerId === workerId)
      .sort((a, b) => `${a.startDate}#${a.assignmentId}`.localeCompare(`${b.startDate}#${b.assignmentId}`));
  }
  async getEstablishment(establishmentId: string) {
    return this.all('ESTABLISHMENT').find((e) => e.establishmentId === establishmentId);
  }
  async listEstablishmentsOfClient(clientId: string) {
    return this.all('ESTABLISHMENT')
      .filter((e) => e.clientId === clientId)
      .sort((a, b) =>
        `${a.createdAt}#${a.establishmentId}`.localeCompare(`${b.createdAt}#${b.establishmentId}`),
      );
  }
  async getTreatmentInformation(orderId: string) {
    return this.all('TREATMENT_INFORMATION').find((t) => t.orderId === orderId);
  }
  async getIndividualContract(id: string) {
    return this.all('INDIVIDUAL_CONTRACT').find((c) => c.individualContractId === id);
  }
  private newestContracts(keep: (c: IndividualContract) => boolean) {
    return this.all('INDIVIDUAL_CONTRACT')
      .filter(keep)
      .sort((a, b) =>
        `${b.createdAt}#${b.individualContractId}`.localeCompare(`${a.createdAt}#${a.individualContractId}`),
      );
  }
  async listIndividualContractsOfClient(clientId: string) {
    return this.newestContracts((c) => c.clientId === clientId);
  }
  async listIndividualContractsOfOrder(orderId: string) {
    return this.newestContracts((c) => c.orderId === orderId);
  }
  async listOpenIndividualContractTermsRequests(q: {
    dueBefore: Date;
    department?: string;
    first: number;
    after?: string;
  }) {
    const open = this.all('INDIVIDUAL_CONTRACT')
      .filter((c) => c.termsRequest && !c.termsRequest.metAt)
      .filter((c) => Date.parse(c.termsRequest?.dueAt ?? '') < q.dueBefore.getTime())
      .filter((c) => !q.department || c.department === q.department)
      .sort((a, b) =>
        `${a.termsRequest?.dueAt}#${a.individualContractId}`.localeCompare(
          `${b.termsRequest?.dueAt}#${b.individualContractId}`,
        ),
      );
    return page(open, q.first, q.after);
  }

  // --- Batch reads (core/ledger-batch-reads.ts): each row answered by the single-row read ---

  async listOwnedBatch<K extends OwnedListName>(list: K, ownerIds: readonly string[]) {
    const read = this[list].bind(this) as (ownerId: string) => Promise<OwnedLists[K][]>;
    return new Map(
      await Promise.all([...new Set(ownerIds)].map(async (id) => [id, await read(id)] as const)),
    );
  }

  async findGStaffMirrorRecordsByNames(normalizedNames: readonly string[]) {
    return new Map(
      await Promise.all(
        [...new Set(normalizedNames)].map(
          async (n) => [n, await this.findGStaffMirrorRecordsByName(n)] as const,
        ),
      ),
    );
  }

  async listAuditTrails(requests: readonly AuditTrailRequest[]) {
    return new Map(
      await Promise.all(
        requests.map(
          async (r) => [auditTrailRequestKey(r), await this.listAuditTrail(r.trail, r.first)] as const,
        ),
      ),
    );
  }

  private async found<T>(ids: readonly string[], read: (id: string) => Promise<T | undefined>) {
    return (await Promise.all([...new Set(ids)].map(read))).filter((v): v is Awaited<T> => v !== undefined);
  }

  getApplications(ids: readonly string[]) {
    return this.found(ids, (id) => this.getApplication(id));
  }

  getEstablishments(ids: readonly string[]) {
    return this.found(ids, (id) => this.getEstablishment(id));
  }

  getHearingSheets(ids: readonly string[]) {
    return this.found(ids, (id) => this.getHearingSheet(id));
  }

  getSyncConflicts(ids: readonly string[]) {
    return this.found(ids, (id) => this.getSyncConflict(id));
  }

  getIndividualContracts(ids: readonly string[]) {
    return this.found(ids, (id) => this.getIndividualContract(id));
  }

  getTreatmentInformations(orderIds: readonly string[]) {
    return this.found(orderIds, (id) => this.getTreatmentInformation(id));
  }
}
