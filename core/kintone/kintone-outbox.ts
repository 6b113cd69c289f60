/**
 * The kintone outbox: a write the hub owes kintone, stored in the ledger in the same
 * transaction as the change that causes it, then delivered by `dispatchKintoneOutbox`. A
 * kintone outage only delays it; after the last attempt it is marked FAILED for a person to
 * see. The inquiry itself is never rolled back because kintone was down. Requirements: A1-3, X-3.
 */
import type { Client } from '../clients/client.js';
import type { HubDeps } from '../hub.js';
import type { IdGenerator } from '../ids.js';
import type { Inquiry } from '../inquiries/inquiry.js';
import type { LedgerWrite } from '../ledger.js';
import type { OrderRecord, VisitRecordEntry } from './order.js';

/**
 * PENDING: owed; DONE: written; FAILED: gave up (a person looks); HELD: kintone's staff changed
 * the same fields meanwhile, waiting for a person to resolve the sync conflict; SUPERSEDED: the
 * conflict's resolution, or a newer write of the same record, took its place.
 */
export const KINTONE_SYNC_STATES = ['PENDING', 'DONE', 'FAILED', 'HELD', 'SUPERSEDED'] as const;
export type KintoneSyncState = (typeof KINTONE_SYNC_STATES)[number];

/** What to upsert, as it was when the change was made: an order, or a visit record (A3-6). */
export type KintoneWrite = { app: 'orders'; order: OrderRecord } | { app: 'visits'; visit: VisitRecordEntry };

export type KintoneOutboxEntry = KintoneOutboxState & KintoneWrite;

interface KintoneOutboxState {
  entryId: string;
  /** The hub id of the kintone record (its unique key there). */
  hubId: string;
  clientId: string;
  subjectType: 'INQUIRY' | 'VISIT';
  subjectId: string;
  state: KintoneSyncState;
  attempts: number;
  /** When the next attempt is due (PENDING only). */
  nextAttemptAt: string;
  lastError?: string;
  kintoneRecordId?: string;
  kintoneRevision?: number;
  /**
   * A person resolving a sync conflict chose to write back a record kintone deleted: the write is
   * an upsert by hub id (a new kintone record), not an update of the deleted one.
   */
  recreate?: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The order an inquiry becomes in the kintone orders app (status INQUIRY, docs/policy.md). */
export function orderForInquiry(inquiry: Inquiry, client: Client): OrderRecord {
  const summary = [inquiry.message, inquiry.contactDepartment && `先方部署: ${inquiry.contactDepartment}`]
    .filter(Boolean)
    .join('\n');
  return {
    hubId: `ord_${inquiry.inquiryId.replace(/^inq_/, '')}`,
    clientId: client.clientId,
    clientName: client.name,
    status: 'INQUIRY',
    inquiryId: inquiry.inquiryId,
    channel: inquiry.channel,
    ...(inquiry.department ? { department: inquiry.department } : {}),
    ...(inquiry.requestedJobCategory ? { jobCategory: inquiry.requestedJobCategory } : {}),
    ...(inquiry.requestedStart ? { requestedStart: inquiry.requestedStart } : {}),
    ...(summary ? { summary } : {}),
  };
}

/** The outbox write that owes kintone the inquiry's order; goes into the inquiry's own transaction. */
export function enqueueOrderWrite(
  ids: IdGenerator,
  inquiry: Inquiry,
  client: Client,
  now: string,
): LedgerWrite {
  const order = orderForInquiry(inquiry, client);
  return enqueueKintoneWrite(ids, now, {
    app: 'orders',
    order,
    hubId: order.hubId,
    clientId: client.clientId,
    subjectType: 'INQUIRY',
    subjectId: inquiry.inquiryId,
  });
}

/** An outbox write owed to kintone; goes into the transaction of the change that causes it. */
export function enqueueKintoneWrite(
  ids: IdGenerator,
  now: string,
  write: KintoneWrite &
    Pick<KintoneOutboxEntry, 'hubId' | 'clientId' | 'subjectType' | 'subjectId'> &
    Partial<Pick<KintoneOutboxEntry, 'recreate'>>,
): LedgerWrite {
  const entry: KintoneOutboxEntry = {
    entryId: ids.next('kout'),
    ...write,
    state: 'PENDING',
    attempts: 0,
    nextAttemptAt: now,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return { entity: { type: 'KINTONE_OUTBOX_ENTRY', value: entry } };
}

/**
 * The outbox write of a record's new state, replacing the hub's older writes of the same record
 * still owed (PENDING) or given up (FAILED): they become SUPERSEDED in the same transaction. A
 * write carries the whole record, so the newest is all kintone needs; delivered after it, an
 * older write would undo it (an order moved back from RECEIVED to INQUIRY, which no action of the
 * app does, so it ended FAILED). Superseding at enqueue follows the order the changes were made
 * in, which two writes made in the same millisecond cannot tell apart. An older write being
 * delivered right now makes the commit a ConflictError, so the caller's retry sees it DONE.
 */
export async function enqueueReplacingKintoneWrite(
  deps: Pick<HubDeps, 'ids' | 'ledger'>,
  now: string,
  write: KintoneWrite & Pick<KintoneOutboxEntry, 'hubId' | 'clientId' | 'subjectType' | 'subjectId'>,
): Promise<LedgerWrite[]> {
  const older = (await deps.ledger.listKintoneOutboxEntriesOfClient(write.clientId)).filter(
    (e) => e.app === write.app && e.hubId === write.hubId && (e.state === 'PENDING' || e.state === 'FAILED'),
  );
  return [
    ...older.map(
      (e): LedgerWrite => ({
        entity: {
          type: 'KINTONE_OUTBOX_ENTRY',
          value: { ...e, state: 'SUPERSEDED', version: e.version + 1, updatedAt: now },
        },
        expectedVersion: e.version,
      }),
    ),
    enqueueKintoneWrite(deps.ids, now, write),
  ];
}
