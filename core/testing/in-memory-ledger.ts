/**
 * In-memory ClientLedger for `core/` unit tests only (docs/architecture.md, "Fakes"). It keeps the
 * ports' contract — all-or-nothing commits, version checks, one write per item, at most 100 items,
 * append-only audit events, each list in the DynamoDB adapter's order (its sort key, id last) and
 * cursors that resume after an item — and test/ledger-contract.test.ts runs the same suites
 * against both, so use-case tests exercise the rules the DynamoDB adapter enforces.
 */
import type { AuditEvent } from '../audit.js';
import type { Client } from '../clients/client.js';
import { ConflictError, ValidationError } from '../errors.js';
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

/** The same limit as one DynamoDB transaction. */
const MAX_COMMIT_ITEMS = 100;

type Order = 'asc' | 'desc';

/** Sorted by a unique key (the adapter's index sort key, id last), as DynamoDB returns a partition. */
function ordered<T>(items: T[], sortKey: (item: T) => string, order: Order): T[] {
  const sign = order === 'asc' ? 1 : -1;
  return items.sort((a, b) => sign * compare(sortKey(a), sortKey(b)));
}

/** By UTF-16 code units, as DynamoDB orders string sort keys (by bytes, the same for these keys). */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const encodeCursor = (sortKey: string) =>
  Buffer.from(JSON.stringify({ after: sortKey })).toString('base64url');

function decodeCursor(cursor: string): string {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (decoded && typeof decoded === 'object' && typeof (decoded as { after?: unknown }).after === 'string')
      return (decoded as { after: string }).after;
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError([{ path: 'after', message: 'is not a cursor this API returned' }]);
}

/**
 * One page of a list sorted by `sortKey`: a cursor names the sort key of its item, so the next
 * page resumes right after it even when items were written before it meanwhile (as DynamoDB's
 * ExclusiveStartKey does), never at an offset that shifted.
 */
function page<T>(
  items: T[],
  sortKey: (item: T) => string,
  order: Order,
  first: number,
  after?: string,
): Page<T> {
  const sorted = ordered(items, sortKey, order);
  const afterKey = after === undefined ? undefined : decodeCursor(after);
  const rest =
    afterKey === undefined
      ? sorted
      : sorted.filter((item) => (order === 'asc' ? 1 : -1) * compare(sortKey(item), afterKey) > 0);
  const slice = rest.slice(0, first);
  const cursors = slice.map((item) => encodeCursor(sortKey(item)));
  return {
    items: slice,
    cursors,
    hasNextPage: rest.length > slice.length,
    ...(cursors.length ? { endCursor: cursors.at(-1) as string } : {}),
  };
}

/** The order of events written at the same instant: their position in the commit, then the id. */
const auditSortKey = (event: AuditEvent, position: number) =>
  `${event.at}#${String(position).padStart(3, '0')}#${event.eventId}`;

export class InMemoryClientLedger implements ClientLedger {
  readonly entities = new Map<string, LedgerEntity>();
  readonly auditEvents: AuditEvent[] = [];
  /** `<trail>|<sort key>` of every audit event, as the adapter keys them. */
  private readonly auditKeys = new Map<AuditEvent, string>();
  commits = 0;

  async commit(writes: LedgerWrite[], audit: AuditEvent[]): Promise<void> {
    const total = writes.length + audit.length;
    if (total > MAX_COMMIT_ITEMS) {
      throw new Error(`a ledger commit may write at most ${MAX_COMMIT_ITEMS} items, got ${total}`);
    }
    for (const w of writes) {
      if (w.expectedVersion !== undefined && w.entity.value.version !== w.expectedVersion + 1) {
        throw new Error(`${w.entity.type}: a new version must be the expected version + 1`);
      }
    }
    const auditKeys = audit.map((e, position) => `${e.trail}|${auditSortKey(e, position)}`);
    const keys = [...writes.map((w) => keyOf(w.entity)), ...auditKeys.map((k) => `AUDIT#${k}`)];
    const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
    if (repeated) throw new Error(`a ledger commit may write an item only once; ${repeated} more than once`);
    for (const w of writes) {
      const current = this.entities.get(keyOf(w.entity));
      if (w.expectedVersion === undefined ? current : current?.value.version !== w.expectedVersion) {
        throw new ConflictError(`${keyOf(w.entity)} was changed or already exists`);
      }
    }
    const written = new Set(this.auditKeys.values());
    const replayed = auditKeys.find((k) => written.has(k));
    if (replayed) throw new ConflictError(`audit event ${replayed} already exists`);
    for (const w of writes) this.entities.set(keyOf(w.entity), structuredClone(w.entity));
    audit.forEach((event, i) => {
      const stored = structuredClone(event);
      this.auditEvents.push(stored);
      this.auditKeys.set(stored, auditKeys[i] as string);
    });
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
      .filter((c) => !q.stage || c.stage === q.stage);
    return page(matching, (c) => `${c.createdAt}#${c.clientId}`, 'desc', q.first, q.after);
  }
  async listSalesRepAssignmentsOfRep(salesRepId: string) {
    const ofRep = this.all('SALES_REP_ASSIGNMENT').filter((a) => a.salesRepId === salesRepId);
    return ordered(ofRep, (a) => `${a.assignedAt}#${a.assignmentId}`, 'asc');
  }
  async listSalesRepAssignmentsOfClient(clientId: string) {
    const ofClient = this.all('SALES_REP_ASSIGNMENT').filter((a) => a.clientId === clientId);
    return ordered(ofClient, (a) => `${a.assignedAt}#${a.assignmentId}`, 'desc');
  }
  async getVisit(id: string) {
    return this.all('VISIT').find((v) => v.visitId === id);
  }
  async listVisitsOfClient(clientId: string) {
    const ofClient = this.all('VISIT').filter((v) => v.clientId === clientId);
    return ordered(ofClient, (v) => `${v.plannedStartAt}#${v.visitId}`, 'desc');
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
      .filter((v) => !q.department || v.department === q.department);
    return page(open, (v) => `${v.recordDeadline.dueAt}#${v.visitId}`, 'asc', q.first, q.after);
  }
  async getSalesRepAssignment(id: string) {
    return this.all('SALES_REP_ASSIGNMENT').find((a) => a.assignmentId === id);
  }
  async getHearingSheet(id: string) {
    return this.all('HEARING_SHEET').find((h) => h.hearingSheetId === id);
  }
  async listHearingSheetsOfClient(clientId: string) {
    const ofClient = this.all('HEARING_SHEET').filter((h) => h.clientId === clientId);
    return ordered(ofClient, (h) => `${h.createdAt}#${h.hearingSheetId}`, 'asc');
  }
  async getApplication(id: string) {
    return this.all('APPLICATION').find((a) => a.applicationId === id);
  }
  async listApplicationsOfClient(clientId: string) {
    const ofClient = this.all('APPLICATION').filter((a) => a.clientId === clientId);
    return ordered(ofClient, (a) => `${a.createdAt}#${a.applicationId}`, 'desc');
  }
  async listApplicationsInFlight(limit: number) {
    const inFlight = this.all('APPLICATION').filter((a) => a.status === 'SUBMITTED');
    return ordered(inFlight, (a) => `${a.submittedAt}#${a.applicationId}`, 'asc').slice(0, limit);
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
    const open = this.all('APPROVAL_TASK').filter(
      (t) =>
        t.status === 'OPEN' &&
        t.pool.role === pool.role &&
        (t.pool.department ?? '-') === (pool.department ?? '-'),
    );
    return ordered(open, (t) => `${t.openedAt}#${t.taskId}`, 'asc').slice(0, limit);
  }
  async listApprovalTasksOfApplication(applicationId: string) {
    const ofApplication = this.all('APPROVAL_TASK').filter((t) => t.applicationId === applicationId);
    return ordered(ofApplication, (t) => `${t.openedAt}#${t.taskId}`, 'asc');
  }
  async getClient(id: string) {
    return this.all('CLIENT').find((c) => c.clientId === id);
  }
  async getClients(ids: readonly string[]): Promise<Client[]> {
    return this.all('CLIENT').filter((c) => ids.includes(c.clientId));
  }
  async listClientsWithoutGStaffCheck(limit: number) {
    const unchecked = this.all('CLIENT').filter((c) => !c.gstaff);
    return ordered(unchecked, (c) => `${c.createdAt}#${c.clientId}`, 'asc').slice(0, limit);
  }
  async findClientsByNormalizedName(name: string) {
    const named = this.all('CLIENT').filter((c) => c.normalizedName === name);
    return ordered(named, (c) => `${c.createdAt}#${c.clientId}`, 'asc');
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
      );
    return q.overdueAt
      ? page(matching, (i) => `${i.firstContact?.dueAt}#${i.inquiryId}`, 'asc', q.first, q.after)
      : page(matching, (i) => `${i.receivedAt}#${i.inquiryId}`, 'desc', q.first, q.after);
  }
  async listInquiriesOfClient(clientId: string) {
    const ofClient = this.all('INQUIRY').filter((i) => i.clientId === clientId);
    return ordered(ofClient, (i) => `${i.receivedAt}#${i.inquiryId}`, 'desc');
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
    return ordered(this.all('STAFF_MEMBER'), (m) => m.userId, 'asc');
  }
  async listDueKintoneOutboxEntries(now: Date, limit: number) {
    const due = this.all('KINTONE_OUTBOX_ENTRY').filter(
      (e) => e.state === 'PENDING' && Date.parse(e.nextAttemptAt) <= now.getTime(),
    );
    return ordered(due, (e) => `${e.nextAttemptAt}#${e.entryId}`, 'asc').slice(0, limit);
  }
  async listKintoneOutboxEntriesOfClient(clientId: string) {
    const ofClient = this.all('KINTONE_OUTBOX_ENTRY').filter((e) => e.clientId === clientId);
    return ordered(ofClient, (e) => `${e.createdAt}#${e.entryId}`, 'desc');
  }
  async listDueMailMessages(now: Date, limit: number) {
    const due = this.all('MAIL_MESSAGE').filter(
      (m) => m.state === 'PENDING' && Date.parse(m.nextAttemptAt) <= now.getTime(),
    );
    return ordered(due, (m) => `${m.nextAttemptAt}#${m.messageId}`, 'asc').slice(0, limit);
  }
  async listMailMessages(first: number, after?: string) {
    return page(this.all('MAIL_MESSAGE'), (m) => `${m.createdAt}#${m.messageId}`, 'desc', first, after);
  }
  async getMailMessage(id: string) {
    return this.all('MAIL_MESSAGE').find((m) => m.messageId === id);
  }
  async getGStaffMirrorRecords(ids: readonly string[]) {
    return this.all('GSTAFF_CLIENT').filter((g) => ids.includes(g.gstaffClientId));
  }
  async findGStaffMirrorRecordsByName(normalizedName: string) {
    const named = this.all('GSTAFF_CLIENT').filter((g) => g.normalizedName === normalizedName);
    return ordered(named, (g) => g.gstaffClientId, 'asc');
  }
  async listNotifications(recipientId: string, first: number, after?: string) {
    const inbox = this.all('NOTIFICATION').filter((n) => n.recipientId === recipientId);
    return page(inbox, (n) => `${n.createdAt}#${n.notificationId}`, 'desc', first, after);
  }
  async getNotification(id: string) {
    return this.all('NOTIFICATION').find((n) => n.notificationId === id);
  }
  async getWorkerAssignments(ids: readonly string[]) {
    return this.all('WORKER_ASSIGNMENT').filter((a) => ids.includes(a.assignmentId));
  }
  async listWorkerAssignmentsOfGStaffClient(gstaffClientId: string) {
    const atClient = this.all('WORKER_ASSIGNMENT').filter((a) => a.gstaffClientId === gstaffClientId);
    return ordered(atClient, (a) => `${a.startDate}#${a.assignmentId}`, 'asc');
  }
  async listWorkerAssignmentsOfRep(salesRepId: string) {
    const underRep = this.all('WORKER_ASSIGNMENT').filter((a) => a.salesRepId === salesRepId);
    return ordered(underRep, (a) => `${a.startDate}#${a.assignmentId}`, 'asc');
  }
  async listSignatureEnvelopes(first: number, after?: string) {
    return page(
      this.all('SIGNATURE_ENVELOPE'),
      (e) => `${e.createdAt}#${e.envelopeName}`,
      'desc',
      first,
      after,
    );
  }
  async getSignatureEnvelope(name: string) {
    return this.all('SIGNATURE_ENVELOPE').find((e) => e.envelopeName === name);
  }
  async listDueSignatureEnvelopes(now: Date, limit: number) {
    const due = this.all('SIGNATURE_ENVELOPE').filter(
      (e) =>
        ['PENDING', 'SENDING', 'NEEDS_CONFIRMATION'].includes(e.state) &&
        Date.parse(e.nextAttemptAt) <= now.getTime(),
    );
    return ordered(due, (e) => `${e.nextAttemptAt}#${e.envelopeName}`, 'asc').slice(0, limit);
  }
  async listAuditTrail(trail: string, first: number, after?: string) {
    const sortKey = new Map(this.auditEvents.map((e) => [e, this.auditKeys.get(e) as string]));
    const events = this.auditEvents.filter((e) => e.trail === trail);
    const found = page(events, (e) => sortKey.get(e) as string, 'desc', first, after);
    return { ...found, items: structuredClone(found.items) };
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
    const ofClient = this.all('KINTONE_RECORD').filter((r) => r.clientId === clientId);
    return ordered(ofClient, (r) => `${r.app}#${r.recordId.padStart(12, '0')}`, 'asc');
  }
  // --- Orders ---
  async listOrders(q: OrderQuery) {
    const matching = this.all('KINTONE_RECORD')
      .filter((r) => r.app === 'orders')
      .filter((r) => !q.clientId || r.clientId === q.clientId)
      .filter((r) => q.department === undefined || (r.fields.department ?? '') === q.department)
      .filter((r) => !q.clientIds || q.clientIds.includes(r.clientId))
      .filter((r) => !q.status || r.fields.status === q.status);
    return q.clientId
      ? page(matching, (r) => r.recordId.padStart(12, '0'), 'desc', q.first, q.after)
      : page(matching, (r) => `${r.createdAt}#${r.hubId}`, 'desc', q.first, q.after);
  }
  async getSyncConflict(conflictId: string) {
    return this.all('SYNC_CONFLICT').find((c) => c.conflictId === conflictId);
  }
  async listSyncConflicts(status: 'OPEN' | 'RESOLVED', limit: number) {
    const inStatus = this.all('SYNC_CONFLICT').filter((c) => c.status === status);
    const order = status === 'OPEN' ? 'asc' : 'desc';
    return ordered(inStatus, (c) => `${c.detectedAt}#${c.conflictId}`, order).slice(0, limit);
  }
  async getSyncCursor(job: SyncJobName) {
    return this.all('SYNC_CURSOR').find((c) => c.job === job);
  }
  async getSyncRun(runId: string) {
    return this.all('SYNC_RUN').find((r) => r.runId === runId);
  }
  async listSyncRuns(query: { job?: SyncJobName; limit: number }) {
    const runs = this.all('SYNC_RUN').filter((r) => !query.job || r.job === query.job);
    return ordered(runs, (r) => `${r.startedAt}#${r.runId}`, 'desc').slice(0, query.limit);
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
    return page(this.all('WORKER'), (w) => w.workerId, 'asc', first, after);
  }
  async listWorkerAssignmentsOfWorker(workerId: string) {
    const ofWorker = this.all('WORKER_ASSIGNMENT').filter((a) => a.workerId === workerId);
    return ordered(ofWorker, (a) => `${a.startDate}#${a.assignmentId}`, 'asc');
  }
  async getEstablishment(establishmentId: string) {
    return this.all('ESTABLISHMENT').find((e) => e.establishmentId === establishmentId);
  }
  async listEstablishmentsOfClient(clientId: string) {
    const ofClient = this.all('ESTABLISHMENT').filter((e) => e.clientId === clientId);
    return ordered(ofClient, (e) => `${e.createdAt}#${e.establishmentId}`, 'asc');
  }
  async getTreatmentInformation(orderId: string) {
    return this.all('TREATMENT_INFORMATION').find((t) => t.orderId === orderId);
  }
  async getIndividualContract(id: string) {
    return this.all('INDIVIDUAL_CONTRACT').find((c) => c.individualContractId === id);
  }
  private newestContracts(keep: (c: IndividualContract) => boolean) {
    const kept = this.all('INDIVIDUAL_CONTRACT').filter(keep);
    return ordered(kept, (c) => `${c.createdAt}#${c.individualContractId}`, 'desc');
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
      .filter((c) => !q.department || c.department === q.department);
    return page(open, (c) => `${c.termsRequest?.dueAt}#${c.individualContractId}`, 'asc', q.first, q.after);
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
