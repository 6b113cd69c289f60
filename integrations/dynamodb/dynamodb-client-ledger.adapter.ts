/**
 * DynamoDbClientLedger: the client ledger on one DynamoDB table. Every commit is one
 * TransactWriteItems in which each entity is conditional (create: key absent; update: the
 * version read) and each audit event is a create, so a change never exists without its audit
 * event and nothing is silently overwritten. Requirements: X-1, X-4.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  ExecuteStatementCommand,
  type ExecuteStatementCommandOutput,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Application, ApplicationSlot } from '../../core/applications/application.js';
import type { ApprovalPool, ApprovalTask } from '../../core/applications/approval-task.js';
import { fromStoredAssignment, type SalesRepAssignment } from '../../core/assignment/sales-rep-assignment.js';
import type { AuditEvent } from '../../core/audit.js';
import type { Client } from '../../core/clients/client.js';
import { ConflictError, IntegrationError, ValidationError } from '../../core/errors.js';
import type { Establishment } from '../../core/establishments/establishment.js';
import type { GStaffMirrorRecord } from '../../core/gstaff/gstaff-mirror.js';
import type { Worker, WorkerAssignmentMirror } from '../../core/gstaff/worker-register-mirror.js';
import type { HearingSheet } from '../../core/hearing-sheets/hearing-sheet.js';
import type { IndividualContract } from '../../core/individual-contracts/individual-contract.js';
import type { TreatmentInformation } from '../../core/individual-contracts/treatment-information.js';
import type { Inquiry } from '../../core/inquiries/inquiry.js';
import type { KintoneOutboxEntry } from '../../core/kintone/kintone-outbox.js';
import type {
  ClientLedger,
  ClientQuery,
  InquiryQuery,
  LedgerWrite,
  Page,
  WebSubmission,
} from '../../core/ledger.js';
import {
  type AuditTrailRequest,
  auditTrailRequestKey,
  type OwnedListName,
  type OwnedLists,
} from '../../core/ledger-batch-reads.js';
import type { MailMessage } from '../../core/mail/mail-message.js';
import type { Notification } from '../../core/notifications/notification.js';
import type { OrderQuery } from '../../core/orders/order-ledger.js';
import type { SignatureEnvelope } from '../../core/signing/signature-outbox.js';
import type { StaffMember } from '../../core/staff/staff-member.js';
import type {
  JobLease,
  KintoneNotification,
  SyncConflict,
  SyncCursor,
  SyncedKintoneApp,
  SyncedKintoneRecord,
  SyncJobName,
  SyncRun,
} from '../../core/sync/sync-model.js';
import type { Visit } from '../../core/visits/visit.js';
import { awsIntegrationError } from '../shared/aws-sdk.js';
import {
  ALL_CLIENTS,
  ALL_ENVELOPES,
  ALL_INQUIRIES,
  ALL_MAIL,
  ALL_ORDERS,
  ALL_SYNC_RUNS,
  APPLICATIONS_IN_FLIGHT,
  applicationKey,
  applicationSlotKey,
  applicationsOfClient,
  approvalTaskKey,
  approvalTasksOfApplication,
  auditKeys,
  auditPartition,
  clientKey,
  clientNamePartition,
  clientsOfDepartment,
  clientsOfRep,
  DUE_ENVELOPES,
  DUE_KINTONE_OUTBOX,
  DUE_MAIL,
  envelopeKey,
  establishmentKey,
  establishmentsOfClient,
  GSTAFF_UNCHECKED_CLIENTS,
  gstaffClientKey,
  gstaffNamePartition,
  hearingSheetKey,
  hearingSheetsOfClient,
  inboxOf,
  individualContractKey,
  individualContractsOfClient,
  individualContractsOfOrder,
  inquiriesByDepartment,
  inquiriesByStatus,
  inquiriesOfClient,
  inquiryKey,
  jobLeaseKey,
  keysOf,
  kintoneNotificationKey,
  kintoneRecordKey,
  kintoneRecordsOfApp,
  kintoneRecordsOfClient,
  mailKey,
  notificationKey,
  OPEN_FIRST_CONTACTS,
  OPEN_TERMS_REQUESTS,
  OPEN_VISIT_RECORDS,
  openApprovalTasksOf,
  ordersOfDepartment,
  outboxOfClient,
  paddedRecordId,
  repAssignmentKey,
  repAssignmentsOfClient,
  repAssignmentsOfRep,
  STAFF_DIRECTORY,
  staffKey,
  syncConflictKey,
  syncConflictsByStatus,
  syncCursorKey,
  syncRunKey,
  syncRunsOfJob,
  treatmentInformationKey,
  visitKey,
  visitsOfClient,
  WORKER_REGISTER,
  webSubmissionKey,
  workerAssignmentKey,
  workerAssignmentsOfGStaffClient,
  workerAssignmentsOfRep,
  workerAssignmentsOfWorker,
  workerKey,
} from './ledger-keys.js';
import { GSI_NAMES, type GsiName } from './table-layout.js';

/** DynamoDB's limit on items in one transaction. */
const MAX_TRANSACTION_ITEMS = 100;
/** Concurrent transactions on the same item cancel each other; a short, bounded retry settles them. */
const TRANSACTION_CONFLICT_RETRIES = 3;
/** Upper bound on filtered query round-trips for one page. */
const MAX_QUERY_ROUNDS = 20;

type StoredItem = Record<string, unknown>;

const KEY_ATTRIBUTES = new Set(['pk', 'sk', 'entityType', ...GSI_NAMES.flatMap((g) => [`${g}pk`, `${g}sk`])]);

function fromItem<T>(item: StoredItem | undefined): T | undefined {
  if (!item) return undefined;
  const value: StoredItem = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRIBUTES.has(k)) value[k] = v;
  return value as T;
}

function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string): Record<string, unknown> {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (key && typeof key === 'object' && !Array.isArray(key)) return key as Record<string, unknown>;
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError([{ path: 'after', message: 'is not a cursor this API returned' }]);
}

const entityLabel = (write: LedgerWrite | AuditEvent, i: number) =>
  'entity' in write ? `${write.entity.type} #${i}` : `audit event #${i}`;

export interface DynamoDbClientLedgerOptions {
  tableName: string;
  /** Pause between transaction-conflict retries, in ms (configurable so tests do not sleep). */
  conflictBackoffMs?: number;
}

export class DynamoDbClientLedger implements ClientLedger {
  private readonly tableName: string;
  private readonly conflictBackoffMs: number;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    options: DynamoDbClientLedgerOptions,
  ) {
    this.tableName = options.tableName;
    this.conflictBackoffMs = options.conflictBackoffMs ?? 25;
  }

  async commit(writes: LedgerWrite[], audit: AuditEvent[]): Promise<void> {
    const total = writes.length + audit.length;
    if (total === 0) return;
    if (total > MAX_TRANSACTION_ITEMS) {
      throw new Error(`a ledger commit may write at most ${MAX_TRANSACTION_ITEMS} items, got ${total}`);
    }
    const items = [
      ...writes.map((w) => this.putEntity(w)),
      ...audit.map((event, position) => ({
        Put: {
          TableName: this.tableName,
          Item: { ...event, ...auditKeys(event, position), entityType: 'AUDIT_EVENT' },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      })),
    ];
    // DynamoDB refuses a transaction that touches one item twice with a ValidationException; it
    // is the caller's mistake, not an integration failure, so it is said plainly before sending.
    const keys = items.map(({ Put: { Item } }) => `${Item.pk}|${Item.sk}`);
    const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
    if (repeated) throw new Error(`a ledger commit may write an item only once; ${repeated} more than once`);
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.db.send(new TransactWriteCommand({ TransactItems: items }));
        return;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw this.integrationError('commit', error);
        const reasons = error.CancellationReasons ?? [];
        const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
        if (failed >= 0) {
          const subject = [...writes, ...audit][failed];
          throw new ConflictError(
            `${subject ? entityLabel(subject, failed) : 'an item'} was changed by someone else or already exists`,
            { cause: error },
          );
        }
        const conflicting = reasons.some((r) => r.Code === 'TransactionConflict');
        if (!conflicting || attempt >= TRANSACTION_CONFLICT_RETRIES)
          throw this.integrationError('commit', error);
        const delay = this.conflictBackoffMs * 2 ** attempt * (0.5 + Math.random());
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  private putEntity(write: LedgerWrite) {
    const item = { ...write.entity.value, ...keysOf(write.entity), entityType: write.entity.type };
    if (write.expectedVersion === undefined) {
      return {
        Put: { TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' },
      };
    }
    if (write.entity.value.version !== write.expectedVersion + 1) {
      throw new Error(`${write.entity.type}: a new version must be the expected version + 1`);
    }
    return {
      Put: {
        TableName: this.tableName,
        Item: item,
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': write.expectedVersion },
      },
    };
  }

  /** An SDK error as an IntegrationError (integrations/shared/aws-sdk.ts). */
  private integrationError(operation: string, error: unknown): IntegrationError {
    return awsIntegrationError('dynamodb', operation, error);
  }

  private async get<T>(key: { pk: string; sk: string }): Promise<T | undefined> {
    try {
      const out = await this.db.send(
        new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
      );
      return fromItem<T>(out.Item);
    } catch (error) {
      throw this.integrationError('get', error);
    }
  }

  /**
   * One page of an index query, newest (or soonest) first as the sort key orders it. With a
   * filter, DynamoDB applies `Limit` before filtering, so this keeps reading until the page is
   * full, the partition ends, or MAX_QUERY_ROUNDS is reached.
   */
  private async queryPage<T>(
    index: GsiName | undefined,
    partition: string,
    options: {
      first: number;
      after?: string;
      ascending?: boolean;
      skBefore?: string;
      /** attribute (a dotted path for a nested one) → the value, or any of a list of values. */
      filters?: Record<string, string | readonly string[]>;
    },
  ): Promise<Page<T>> {
    const pkName = index ? `${index}pk` : 'pk';
    const skName = index ? `${index}sk` : 'sk';
    const names: Record<string, string> = { '#pk': pkName };
    const values: Record<string, unknown> = { ':pk': partition };
    let keyCondition = '#pk = :pk';
    if (options.skBefore !== undefined) {
      names['#sk'] = skName;
      values[':skBefore'] = options.skBefore;
      keyCondition += ' AND #sk < :skBefore';
    }
    const filterParts: string[] = [];
    for (const [i, [attr, value]] of Object.entries(options.filters ?? {}).entries()) {
      const path = attr.split('.').map((part, j) => {
        names[`#f${i}_${j}`] = part;
        return `#f${i}_${j}`;
      });
      if (typeof value === 'string') {
        values[`:f${i}`] = value;
        filterParts.push(`${path.join('.')} = :f${i}`);
      } else {
        value.forEach((v, j) => {
          values[`:f${i}_${j}`] = v;
        });
        filterParts.push(`${path.join('.')} IN (${value.map((_, j) => `:f${i}_${j}`).join(', ')})`);
      }
    }
    // The key DynamoDB needs to resume right after an item: the table key plus the index key.
    const cursorOf = (item: StoredItem): string => {
      const key: Record<string, unknown> = { pk: item.pk, sk: item.sk };
      if (index) {
        key[pkName] = item[pkName];
        key[skName] = item[skName];
      }
      return encodeCursor(key) as string;
    };
    const items: StoredItem[] = [];
    let startKey = options.after ? decodeCursor(options.after) : undefined;
    for (let round = 0; round < MAX_QUERY_ROUNDS; round += 1) {
      const input: QueryCommandInput = {
        TableName: this.tableName,
        ...(index ? { IndexName: index } : {}),
        KeyConditionExpression: keyCondition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ...(filterParts.length ? { FilterExpression: filterParts.join(' AND ') } : {}),
        ScanIndexForward: options.ascending ?? false,
        Limit: options.first + 1 - items.length,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      };
      let out: QueryCommandOutput;
      try {
        out = await this.db.send(new QueryCommand(input));
      } catch (error) {
        throw this.integrationError('query', error);
      }
      items.push(...(out.Items ?? []));
      startKey = out.LastEvaluatedKey;
      if (items.length > options.first) {
        const page = items.slice(0, options.first);
        const cursors = page.map(cursorOf);
        return {
          items: page.map((i) => fromItem<T>(i) as T),
          cursors,
          hasNextPage: true,
          endCursor: cursors.at(-1) as string,
        };
      }
      if (!startKey) break;
    }
    // Either the partition ended, or the round budget did: then resume where the reads stopped.
    const cursors = items.map(cursorOf);
    const endCursor = startKey ? encodeCursor(startKey) : cursors.at(-1);
    return {
      items: items.map((i) => fromItem<T>(i) as T),
      cursors,
      hasNextPage: Boolean(startKey),
      ...(endCursor ? { endCursor } : {}),
    };
  }

  private async queryAll<T>(index: GsiName | undefined, partition: string): Promise<T[]> {
    const all: T[] = [];
    let after: string | undefined;
    do {
      const page = await this.queryPage<T>(index, partition, {
        first: 100,
        ascending: true,
        ...(after ? { after } : {}),
      });
      all.push(...page.items);
      after = page.hasNextPage ? page.endCursor : undefined;
    } while (after);
    return all;
  }

  getClient(clientId: string) {
    return this.get<Client>(clientKey(clientId));
  }

  getClients(clientIds: readonly string[]): Promise<Client[]> {
    return this.batchGet<Client>(clientIds.map(clientKey));
  }

  getGStaffMirrorRecords(ids: readonly string[]): Promise<GStaffMirrorRecord[]> {
    return this.batchGet<GStaffMirrorRecord>(ids.map(gstaffClientKey));
  }

  findGStaffMirrorRecordsByName(normalizedName: string) {
    return this.queryAll<GStaffMirrorRecord>('gsi1', gstaffNamePartition(normalizedName));
  }

  /** BatchGetItem in chunks of 100, following UnprocessedKeys a bounded number of times. */
  private async batchGet<T>(allKeys: { pk: string; sk: string }[]): Promise<T[]> {
    const unique = [...new Map(allKeys.map((k) => [k.pk, k])).values()];
    const found: T[] = [];
    for (let i = 0; i < unique.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = unique.slice(i, i + 100);
      for (let round = 0; keys?.length && round < 5; round += 1) {
        try {
          const out: BatchGetCommandOutput = await this.db.send(
            new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys } } }),
          );
          found.push(...(out.Responses?.[this.tableName] ?? []).map((item) => fromItem<T>(item) as T));
          keys = out.UnprocessedKeys?.[this.tableName]?.Keys;
        } catch (error) {
          throw this.integrationError('batchGet', error);
        }
      }
      if (keys?.length) {
        throw new IntegrationError({
          system: 'dynamodb',
          operation: 'batchGet',
          retryable: true,
          message: 'keys left unprocessed',
        });
      }
    }
    return found;
  }

  async listClientsWithoutGStaffCheck(limit: number): Promise<Client[]> {
    return (await this.queryPage<Client>('gsi2', GSTAFF_UNCHECKED_CLIENTS, { first: limit, ascending: true }))
      .items;
  }

  findClientsByNormalizedName(normalizedName: string) {
    return this.queryAll<Client>('gsi1', clientNamePartition(normalizedName));
  }

  getInquiry(inquiryId: string) {
    return this.get<Inquiry>(inquiryKey(inquiryId));
  }

  listInquiries(q: InquiryQuery): Promise<Page<Inquiry>> {
    const page = { first: q.first, ...(q.after ? { after: q.after } : {}) };
    const filters: Record<string, string> = {};
    if (q.overdueAt) {
      if (q.department) filters.department = q.department;
      if (q.status) filters.status = q.status;
      // Sort keys are `<dueAt>#<id>`: everything due before the instant, soonest first.
      return this.queryPage('gsi3', OPEN_FIRST_CONTACTS, {
        ...page,
        ascending: true,
        skBefore: q.overdueAt.toISOString(),
        filters,
      });
    }
    if (q.department) {
      if (q.status) filters.status = q.status;
      return this.queryPage('gsi1', inquiriesByDepartment(q.department), { ...page, filters });
    }
    if (q.status) return this.queryPage('gsi2', inquiriesByStatus(q.status), page);
    return this.queryPage('gsi5', ALL_INQUIRIES, page);
  }

  async listInquiriesOfClient(clientId: string) {
    return (await this.queryAll<Inquiry>('gsi4', inquiriesOfClient(clientId))).reverse();
  }

  getWebSubmission(submissionId: string) {
    return this.get<WebSubmission>(webSubmissionKey(submissionId));
  }

  getStaffMember(userId: string) {
    return this.get<StaffMember>(staffKey(userId));
  }

  getStaffMembers(userIds: readonly string[]): Promise<StaffMember[]> {
    return this.batchGet<StaffMember>(userIds.map(staffKey));
  }

  listStaffMembers() {
    return this.queryAll<StaffMember>('gsi1', STAFF_DIRECTORY);
  }

  listDueKintoneOutboxEntries(now: Date, limit: number): Promise<KintoneOutboxEntry[]> {
    return this.due<KintoneOutboxEntry>(DUE_KINTONE_OUTBOX, now, limit);
  }

  async listKintoneOutboxEntriesOfClient(clientId: string): Promise<KintoneOutboxEntry[]> {
    return (await this.queryAll<KintoneOutboxEntry>('gsi4', outboxOfClient(clientId))).reverse();
  }

  listDueMailMessages(now: Date, limit: number): Promise<MailMessage[]> {
    return this.due<MailMessage>(DUE_MAIL, now, limit);
  }

  listMailMessages(first: number, after?: string): Promise<Page<MailMessage>> {
    return this.queryPage<MailMessage>('gsi5', ALL_MAIL, { first, ...(after ? { after } : {}) });
  }

  getMailMessage(messageId: string) {
    return this.get<MailMessage>(mailKey(messageId));
  }

  listNotifications(recipientId: string, first: number, after?: string): Promise<Page<Notification>> {
    return this.queryPage<Notification>('gsi1', inboxOf(recipientId), { first, ...(after ? { after } : {}) });
  }

  getNotification(notificationId: string) {
    return this.get<Notification>(notificationKey(notificationId));
  }

  getWorkerAssignments(ids: readonly string[]): Promise<WorkerAssignmentMirror[]> {
    return this.batchGet<WorkerAssignmentMirror>(ids.map(workerAssignmentKey));
  }

  listWorkerAssignmentsOfGStaffClient(gstaffClientId: string) {
    return this.queryAll<WorkerAssignmentMirror>('gsi1', workerAssignmentsOfGStaffClient(gstaffClientId));
  }

  listWorkerAssignmentsOfRep(salesRepId: string) {
    return this.queryAll<WorkerAssignmentMirror>('gsi2', workerAssignmentsOfRep(salesRepId));
  }

  listSignatureEnvelopes(first: number, after?: string): Promise<Page<SignatureEnvelope>> {
    return this.queryPage<SignatureEnvelope>('gsi5', ALL_ENVELOPES, { first, ...(after ? { after } : {}) });
  }

  getSignatureEnvelope(envelopeName: string) {
    return this.get<SignatureEnvelope>(envelopeKey(envelopeName));
  }

  listDueSignatureEnvelopes(now: Date, limit: number): Promise<SignatureEnvelope[]> {
    return this.due<SignatureEnvelope>(DUE_ENVELOPES, now, limit);
  }

  /** A due queue (gsi3, sort key `<nextAttemptAt>#<id>`): everything due up to now, the longest-waiting first. */
  private async due<T>(partition: string, now: Date, limit: number): Promise<T[]> {
    const page = await this.queryPage<T>('gsi3', partition, {
      first: limit,
      ascending: true,
      skBefore: `${now.toISOString()}~`,
    });
    return page.items;
  }

  listClients(q: ClientQuery): Promise<Page<Client>> {
    const page = { first: q.first, ...(q.after ? { after: q.after } : {}) };
    const filters: Record<string, string> = {};
    if (q.stage) filters.stage = q.stage;
    if (q.salesRepId) {
      if (q.department) filters.department = q.department;
      return this.queryPage('gsi3', clientsOfRep(q.salesRepId), { ...page, filters });
    }
    if (q.department) return this.queryPage('gsi4', clientsOfDepartment(q.department), { ...page, filters });
    return this.queryPage('gsi5', ALL_CLIENTS, { ...page, filters });
  }

  async listSalesRepAssignmentsOfRep(salesRepId: string) {
    return (await this.queryAll<SalesRepAssignment>('gsi1', repAssignmentsOfRep(salesRepId))).map(
      fromStoredAssignment,
    );
  }

  async listSalesRepAssignmentsOfClient(clientId: string) {
    return (await this.queryAll<SalesRepAssignment>('gsi4', repAssignmentsOfClient(clientId)))
      .reverse()
      .map(fromStoredAssignment);
  }

  getVisit(visitId: string) {
    return this.get<Visit>(visitKey(visitId));
  }

  async listVisitsOfClient(clientId: string) {
    return (await this.queryAll<Visit>('gsi4', visitsOfClient(clientId))).reverse();
  }

  listOpenVisitRecordDeadlines(q: { dueBefore: Date; department?: string; first: number; after?: string }) {
    return this.queryPage<Visit>('gsi3', OPEN_VISIT_RECORDS, {
      first: q.first,
      ascending: true,
      skBefore: q.dueBefore.toISOString(),
      ...(q.after ? { after: q.after } : {}),
      ...(q.department ? { filters: { department: q.department } } : {}),
    });
  }

  async getSalesRepAssignment(assignmentId: string) {
    const stored = await this.get<SalesRepAssignment>(repAssignmentKey(assignmentId));
    return stored && fromStoredAssignment(stored);
  }

  getHearingSheet(hearingSheetId: string) {
    return this.get<HearingSheet>(hearingSheetKey(hearingSheetId));
  }

  listHearingSheetsOfClient(clientId: string) {
    return this.queryAll<HearingSheet>('gsi4', hearingSheetsOfClient(clientId));
  }

  getApplication(applicationId: string) {
    return this.get<Application>(applicationKey(applicationId));
  }

  async listApplicationsOfClient(clientId: string) {
    return (await this.queryAll<Application>('gsi4', applicationsOfClient(clientId))).reverse();
  }

  async listApplicationsInFlight(limit: number): Promise<Application[]> {
    return (
      await this.queryPage<Application>('gsi3', APPLICATIONS_IN_FLIGHT, { first: limit, ascending: true })
    ).items;
  }

  getApplicationSlot(slotId: string) {
    return this.get<ApplicationSlot>(applicationSlotKey(slotId));
  }

  getApprovalTask(taskId: string) {
    return this.get<ApprovalTask>(approvalTaskKey(taskId));
  }

  async listOpenApprovalTasks(pool: ApprovalPool, limit: number): Promise<ApprovalTask[]> {
    return (
      await this.queryPage<ApprovalTask>('gsi3', openApprovalTasksOf(pool), { first: limit, ascending: true })
    ).items;
  }

  listApprovalTasksOfApplication(applicationId: string) {
    return this.queryAll<ApprovalTask>('gsi4', approvalTasksOfApplication(applicationId));
  }

  listAuditTrail(trail: string, first: number, after?: string) {
    return this.queryPage<AuditEvent>(undefined, auditPartition(trail), {
      first,
      ...(after ? { after } : {}),
    });
  }

  // --- Sync (docs/sync.md) ---

  getSyncedKintoneRecords(app: SyncedKintoneApp, hubIds: readonly string[]) {
    return this.batchGet<SyncedKintoneRecord>(hubIds.map((id) => kintoneRecordKey(app, id)));
  }

  async findSyncedKintoneRecordByRecordId(app: SyncedKintoneApp, recordId: string) {
    const [found] = await this.listSyncedKintoneRecordsByRecordId(app, {
      afterRecordId: Number(recordId) - 1,
      upToRecordId: Number(recordId),
      limit: 1,
    });
    return found;
  }

  async listSyncedKintoneRecordsByRecordId(
    app: SyncedKintoneApp,
    range: { afterRecordId: number; upToRecordId?: number; limit: number },
  ): Promise<SyncedKintoneRecord[]> {
    const upper = range.upToRecordId === undefined ? '~' : paddedRecordId(range.upToRecordId);
    const items: SyncedKintoneRecord[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      let out: QueryCommandOutput;
      try {
        out = await this.db.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
            ExpressionAttributeValues: {
              ':pk': kintoneRecordsOfApp(app),
              ':from': paddedRecordId(range.afterRecordId + 1),
              ':to': upper,
            },
            Limit: range.limit - items.length,
            ...(startKey ? { ExclusiveStartKey: startKey } : {}),
          }),
        );
      } catch (error) {
        throw this.integrationError('query', error);
      }
      items.push(...(out.Items ?? []).map((i) => fromItem<SyncedKintoneRecord>(i) as SyncedKintoneRecord));
      startKey = out.LastEvaluatedKey;
    } while (startKey && items.length < range.limit);
    return items;
  }

  listSyncedKintoneRecordsOfClient(clientId: string) {
    return this.queryAll<SyncedKintoneRecord>('gsi4', kintoneRecordsOfClient(clientId));
  }

  getSyncConflict(conflictId: string) {
    return this.get<SyncConflict>(syncConflictKey(conflictId));
  }

  // --- Orders (A7-4): the orders app's records, newest first (docs/data-model.md) ---

  listOrders(q: OrderQuery): Promise<Page<SyncedKintoneRecord>> {
    const page = { first: q.first, ...(q.after ? { after: q.after } : {}) };
    const filters: Record<string, string | readonly string[]> = {};
    if (q.status) filters['fields.status'] = q.status;
    if (q.clientIds) filters.clientId = q.clientIds.length ? q.clientIds : ['-'];
    if (q.clientId) {
      if (q.department) filters['fields.department'] = q.department;
      return this.queryPage('gsi4', kintoneRecordsOfClient(q.clientId), {
        ...page,
        filters: { ...filters, app: 'orders' },
      });
    }
    if (q.department !== undefined)
      return this.queryPage('gsi2', ordersOfDepartment(q.department), { ...page, filters });
    return this.queryPage('gsi5', ALL_ORDERS, { ...page, filters });
  }

  async listSyncConflicts(status: 'OPEN' | 'RESOLVED', limit: number): Promise<SyncConflict[]> {
    const page = await this.queryPage<SyncConflict>('gsi3', syncConflictsByStatus(status), {
      first: limit,
      ascending: status === 'OPEN',
    });
    return page.items;
  }

  getSyncCursor(job: SyncJobName) {
    return this.get<SyncCursor>(syncCursorKey(job));
  }

  getSyncRun(runId: string) {
    return this.get<SyncRun>(syncRunKey(runId));
  }

  async listSyncRuns(query: { job?: SyncJobName; limit: number }): Promise<SyncRun[]> {
    const page = query.job
      ? await this.queryPage<SyncRun>('gsi4', syncRunsOfJob(query.job), { first: query.limit })
      : await this.queryPage<SyncRun>('gsi5', ALL_SYNC_RUNS, { first: query.limit });
    return page.items;
  }

  getJobLease(job: SyncJobName) {
    return this.get<JobLease>(jobLeaseKey(job));
  }

  getKintoneNotification(notificationId: string) {
    return this.get<KintoneNotification>(kintoneNotificationKey(notificationId));
  }

  // --- Individual contracts (A5-3 … A5-5): worker register, establishments, legal records ---

  getWorker(workerId: string) {
    return this.get<Worker>(workerKey(workerId));
  }

  getWorkers(workerIds: readonly string[]): Promise<Worker[]> {
    return this.batchGet<Worker>(workerIds.map(workerKey));
  }

  listWorkers(first: number, after?: string): Promise<Page<Worker>> {
    return this.queryPage<Worker>('gsi5', WORKER_REGISTER, {
      first,
      ascending: true,
      ...(after ? { after } : {}),
    });
  }

  listWorkerAssignmentsOfWorker(workerId: string) {
    return this.queryAll<WorkerAssignmentMirror>('gsi4', workerAssignmentsOfWorker(workerId));
  }

  getEstablishment(establishmentId: string) {
    return this.get<Establishment>(establishmentKey(establishmentId));
  }

  listEstablishmentsOfClient(clientId: string) {
    return this.queryAll<Establishment>('gsi4', establishmentsOfClient(clientId));
  }

  getTreatmentInformation(orderId: string) {
    return this.get<TreatmentInformation>(treatmentInformationKey(orderId));
  }

  getIndividualContract(individualContractId: string) {
    return this.get<IndividualContract>(individualContractKey(individualContractId));
  }

  async listIndividualContractsOfClient(clientId: string) {
    return (await this.queryAll<IndividualContract>('gsi4', individualContractsOfClient(clientId))).reverse();
  }

  async listIndividualContractsOfOrder(orderId: string) {
    return (await this.queryAll<IndividualContract>('gsi1', individualContractsOfOrder(orderId))).reverse();
  }

  listOpenIndividualContractTermsRequests(q: {
    dueBefore: Date;
    department?: string;
    first: number;
    after?: string;
  }) {
    return this.queryPage<IndividualContract>('gsi3', OPEN_TERMS_REQUESTS, {
      first: q.first,
      ascending: true,
      skBefore: q.dueBefore.toISOString(),
      ...(q.after ? { after: q.after } : {}),
      ...(q.department ? { filters: { department: q.department } } : {}),
    });
  }

  // --- Batch reads (core/ledger-batch-reads.ts): a page's rows in one call per 50 owners ---
  // DynamoDB reads several partitions in one request only by PartiQL `IN` on the partition key
  // (at most 50 values a statement); BatchGetItem needs whole keys. Rows come back unordered, so
  // each owner's list is put in its single read's order here (docs/data-model.md).

  /** Every item of the given partitions of `index` (or of the table), grouped by partition, sort key ascending. */
  private async selectPartitions(
    index: GsiName | undefined,
    partitions: readonly string[],
  ): Promise<Map<string, StoredItem[]>> {
    const pkName = index ? `${index}pk` : 'pk';
    const skName = index ? `${index}sk` : 'sk';
    const unique = [...new Set(partitions)];
    const grouped = new Map<string, StoredItem[]>(unique.map((p) => [p, []]));
    const from = index ? `"${this.tableName}"."${index}"` : `"${this.tableName}"`;
    for (let i = 0; i < unique.length; i += MAX_PARTITIONS_PER_STATEMENT) {
      const chunk = unique.slice(i, i + MAX_PARTITIONS_PER_STATEMENT);
      const statement = `SELECT * FROM ${from} WHERE "${pkName}" IN [${chunk.map(() => '?').join(', ')}]`;
      let nextToken: string | undefined;
      let rounds = 0;
      do {
        let out: ExecuteStatementCommandOutput;
        try {
          out = await this.db.send(
            new ExecuteStatementCommand({
              Statement: statement,
              Parameters: chunk,
              ...(index ? {} : { ConsistentRead: true }),
              ...(nextToken ? { NextToken: nextToken } : {}),
            }),
          );
        } catch (error) {
          throw this.integrationError('executeStatement', error);
        }
        for (const item of out.Items ?? []) grouped.get(String(item[pkName]))?.push(item);
        nextToken = out.NextToken;
        rounds += 1;
      } while (nextToken && rounds < MAX_STATEMENT_ROUNDS);
      if (nextToken) {
        throw new IntegrationError({
          system: 'dynamodb',
          operation: 'executeStatement',
          retryable: false,
          message: `more than ${MAX_STATEMENT_ROUNDS} result pages for one batch`,
        });
      }
    }
    for (const items of grouped.values()) {
      items.sort((a, b) =>
        String(a[skName]) < String(b[skName]) ? -1 : String(a[skName]) > String(b[skName]) ? 1 : 0,
      );
    }
    return grouped;
  }

  async listOwnedBatch<K extends OwnedListName>(list: K, ownerIds: readonly string[]) {
    const { partition, newestFirst, fromStored } = OWNED_LIST_PARTITIONS[list] as {
      partition: (ownerId: string) => string;
      newestFirst: boolean;
      fromStored?: (stored: OwnedLists[K]) => OwnedLists[K];
    };
    const byPartition = await this.selectPartitions('gsi4', ownerIds.map(partition));
    const lists = new Map<string, OwnedLists[K][]>();
    for (const id of ownerIds) {
      const items = (byPartition.get(partition(id)) ?? []).map((item) => {
        const stored = fromItem<OwnedLists[K]>(item) as OwnedLists[K];
        return fromStored ? fromStored(stored) : stored;
      });
      lists.set(id, newestFirst ? items.reverse() : items);
    }
    return lists;
  }

  async findGStaffMirrorRecordsByNames(normalizedNames: readonly string[]) {
    const byPartition = await this.selectPartitions('gsi1', normalizedNames.map(gstaffNamePartition));
    return new Map(
      normalizedNames.map((name) => [
        name,
        (byPartition.get(gstaffNamePartition(name)) ?? []).map(
          (i) => fromItem<GStaffMirrorRecord>(i) as GStaffMirrorRecord,
        ),
      ]),
    );
  }

  /** Reads whole trails (a trail's first page cannot be limited per partition in one statement). */
  async listAuditTrails(requests: readonly AuditTrailRequest[]) {
    const byPartition = await this.selectPartitions(
      undefined,
      requests.map((r) => auditPartition(r.trail)),
    );
    const pages = new Map<string, Page<AuditEvent>>();
    for (const r of requests) {
      const newest = [...(byPartition.get(auditPartition(r.trail)) ?? [])].reverse();
      const items = newest.slice(0, r.first);
      const cursors = items.map((item) => encodeCursor({ pk: item.pk, sk: item.sk }));
      const endCursor = cursors.at(-1);
      pages.set(auditTrailRequestKey(r), {
        items: items.map((i) => fromItem<AuditEvent>(i) as AuditEvent),
        cursors,
        hasNextPage: newest.length > r.first,
        ...(endCursor ? { endCursor } : {}),
      });
    }
    return pages;
  }

  getApplications(ids: readonly string[]) {
    return this.batchGet<Application>(ids.map(applicationKey));
  }

  getEstablishments(ids: readonly string[]) {
    return this.batchGet<Establishment>(ids.map(establishmentKey));
  }

  getHearingSheets(ids: readonly string[]) {
    return this.batchGet<HearingSheet>(ids.map(hearingSheetKey));
  }

  getSyncConflicts(ids: readonly string[]) {
    return this.batchGet<SyncConflict>(ids.map(syncConflictKey));
  }

  getIndividualContracts(ids: readonly string[]) {
    return this.batchGet<IndividualContract>(ids.map(individualContractKey));
  }

  getTreatmentInformations(orderIds: readonly string[]) {
    return this.batchGet<TreatmentInformation>(orderIds.map(treatmentInformationKey));
  }
}

/** PartiQL's limit on partition key values in one `IN`. */
const MAX_PARTITIONS_PER_STATEMENT = 50;
/** Upper bound on result pages of one statement (1 MB each). */
const MAX_STATEMENT_ROUNDS = 20;

/** Where each owned list lives (all on gsi4, the owner's index) and its single read's order. */
const OWNED_LIST_PARTITIONS: {
  [K in OwnedListName]: {
    partition: (ownerId: string) => string;
    newestFirst: boolean;
    /** How an item stored in an older shape reads today (as the single read does). */
    fromStored?: (stored: OwnedLists[K]) => OwnedLists[K];
  };
} = {
  listInquiriesOfClient: { partition: inquiriesOfClient, newestFirst: true },
  listVisitsOfClient: { partition: visitsOfClient, newestFirst: true },
  listSalesRepAssignmentsOfClient: {
    partition: repAssignmentsOfClient,
    newestFirst: true,
    fromStored: fromStoredAssignment,
  },
  listApplicationsOfClient: { partition: applicationsOfClient, newestFirst: true },
  listHearingSheetsOfClient: { partition: hearingSheetsOfClient, newestFirst: false },
  listEstablishmentsOfClient: { partition: establishmentsOfClient, newestFirst: false },
  listIndividualContractsOfClient: { partition: individualContractsOfClient, newestFirst: true },
  listKintoneOutboxEntriesOfClient: { partition: outboxOfClient, newestFirst: true },
  listSyncedKintoneRecordsOfClient: { partition: kintoneRecordsOfClient, newestFirst: false },
  listApprovalTasksOfApplication: { partition: approvalTasksOfApplication, newestFirst: false },
  listWorkerAssignmentsOfWorker: { partition: workerAssignmentsOfWorker, newestFirst: false },
};
