/**
 * Orders to closing (A7-4) against DynamoDB Local and the kintone sandbox over HTTP: the
 * `orders` view, `updateOrder` and `closeOrder` written through the outbox at the record's
 * revision (closing by the orders app's process-management action), a change made meanwhile in
 * kintone kept as a sync conflict with both versions and resolved each way, a change of another
 * field merged, bad input refused naming the field, another department refused.
 * Requirements: A7-4, X-1, X-3, X-4, X-5.
 */
import { KintoneRestAPIClient } from '@kintone/rest-api-client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { approvalTaskIdOf } from '../core/applications/approval-task.js';
import { decideApproval } from '../core/applications/decide-approval.js';
import { registerOrder } from '../core/applications/register-order.js';
import { submitCreditPrecheck } from '../core/applications/submit-credit-precheck.js';
import { runWorkflowTask } from '../core/applications/workflow-tasks.js';
import { clientAuditTrail } from '../core/clients/client-queries.js';
import { FixedClock } from '../core/clock.js';
import { recordPhoneInquiry } from '../core/inquiries/record-phone-inquiry.js';
import { dispatchKintoneOutbox } from '../core/kintone/dispatch-kintone-outbox.js';
import { closeOrder, updateOrder } from '../core/orders/change-order.js';
import { getOrder, listOrders } from '../core/orders/order-queries.js';
import { reconcileKintoneApp } from '../core/sync/reconcile-kintone.js';
import { resolveSyncConflict } from '../core/sync/sync-conflicts.js';
import { InMemoryGStaff } from '../core/testing/in-memory-gstaff.js';
import { type KintoneSandbox, startKintoneSandbox } from '../integrations/kintone/kintone.sandbox.js';
import { createTestApi } from './support/api.js';
import {
  admin,
  director,
  hubDeps,
  managerTokyo,
  marketing,
  phoneInquiry,
  salesOsaka,
  salesTokyo,
  seedDirectory,
} from './support/builders.js';
import { readyIndividualContract } from './support/individual-contracts.js';
import { sandboxKintoneApps } from './support/kintone.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';
import { visitedClient } from './support/visits.js';
import { eventually, localEngine, precheck, testDefinitions } from './support/workflows.js';

let t: TestLedger;
let sandbox: KintoneSandbox;
let kintoneNow = new Date('2026-11-27T01:00:00Z');
const clock = new FixedClock(kintoneNow);

beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger);
  sandbox = await startKintoneSandbox({ now: () => kintoneNow });
});
afterAll(() => sandbox.stop());

const tick = (seconds = 1) => {
  kintoneNow = new Date(kintoneNow.getTime() + seconds * 1000);
  clock.set(kintoneNow);
};
beforeEach(() => tick(5));

function deps() {
  const base = { ...hubDeps(t.ledger), clock };
  const { orders, visits } = sandboxKintoneApps(sandbox, { clock, maxAttempts: 4 });
  return {
    ...base,
    ordersApp: orders,
    visitRecordsApp: visits,
    kintoneApps: { orders, visits } as never,
    kintoneAppIds: { orders: '1', visits: '2' },
    outboxRetry: { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000 },
  };
}

const kintone = () =>
  new KintoneRestAPIClient({ baseUrl: sandbox.url, auth: { apiToken: sandbox.tokens['1'] as string } });
const kintoneRecord = async (recordId: string) =>
  (await kintone().record.getRecord({ app: '1', id: recordId })).record as Record<string, { value: unknown }>;

/** An order of the Tokyo department, written to kintone, as the ledger shows it. */
async function tokyoOrder(company = '株式会社オーダー商事') {
  const x = deps();
  const inquiry = await recordPhoneInquiry(x, salesTokyo, phoneInquiry({ company, message: '検品 2名' }));
  tick();
  await dispatchKintoneOutbox(x);
  const [entry] = await t.ledger.listKintoneOutboxEntriesOfClient(inquiry.clientId);
  const order = await getOrder(x, salesTokyo, entry?.hubId as string);
  return { x, inquiry, order };
}

const dispatch = async (x: ReturnType<typeof deps>) => {
  tick();
  return dispatchKintoneOutbox(x);
};

describe('updateOrder and closeOrder write through to kintone', () => {
  it('writes an update at the agreed revision: pending first, then synced, audited', async () => {
    const { x, order, inquiry } = await tokyoOrder();
    expect(order).toMatchObject({ syncState: 'SYNCED', fields: { status: 'INQUIRY' } });
    const before = await kintoneRecord(order.kintoneRecordId);
    expect(Number(before.$revision?.value)).toBe(order.revision);

    const pending = await updateOrder(x, salesTokyo, {
      orderId: order.orderId,
      revision: order.revision,
      jobCategory: '検品',
      requestedStart: '2027-01-10',
    });
    expect(pending).toMatchObject({
      syncState: 'PENDING',
      revision: order.revision,
      fields: { jobCategory: '検品', requestedStart: '2027-01-10' },
    });
    expect(await dispatch(x)).toMatchObject({ delivered: 1, held: 0 });

    const after = await kintoneRecord(order.kintoneRecordId);
    expect(after).toMatchObject({
      job_category: { value: '検品' },
      requested_start: { value: '2027-01-10' },
    });
    // One write, at the revision both sides agreed on: kintone moved exactly one revision on.
    expect(Number(after.$revision?.value)).toBe(order.revision + 1);
    const synced = await getOrder(x, salesTokyo, order.orderId);
    expect(synced).toMatchObject({ syncState: 'SYNCED', revision: order.revision + 1 });
    const trail = await clientAuditTrail(x, salesTokyo, inquiry.clientId, {});
    expect(trail.items.find((e) => e.operation === 'order.update')).toMatchObject({
      actor: { kind: 'USER', userId: salesTokyo.userId },
      subjectType: 'ORDER',
      subjectId: order.orderId,
      changes: expect.arrayContaining([{ field: 'jobCategory', before: '製造補助', after: '検品' }]),
    });
  });

  it('closes by the process-management action with outcome and reason; a repeat changes nothing', async () => {
    const { x, order } = await tokyoOrder();
    const input = { orderId: order.orderId, revision: order.revision, outcome: 'FILLED', reason: '2名充足' };
    const closing = await closeOrder(x, managerTokyo, input);
    expect(closing).toMatchObject({
      syncState: 'PENDING',
      fields: { status: 'CLOSED', closeOutcome: 'FILLED' },
    });
    // A retry after a lost answer finds the order already so: no second write is owed.
    const again = await closeOrder(x, managerTokyo, input);
    expect(again.syncState).toBe('PENDING');
    const owed = (await t.ledger.listKintoneOutboxEntriesOfClient(order.clientId)).filter(
      (e) => e.state === 'PENDING',
    );
    expect(owed).toHaveLength(1);

    expect(await dispatch(x)).toMatchObject({ delivered: 1 });
    const record = await kintoneRecord(order.kintoneRecordId);
    expect(record).toMatchObject({
      ステータス: { value: 'CLOSED' },
      close_outcome: { value: 'FILLED' },
      close_reason: { value: '2名充足' },
    });
    // fields (one revision) then the クローズ action (two).
    expect(Number(record.$revision?.value)).toBe(order.revision + 3);
    const closed = await getOrder(x, salesTokyo, order.orderId);
    expect(closed).toMatchObject({
      syncState: 'SYNCED',
      fields: { status: 'CLOSED', closeReason: '2名充足' },
    });

    await expect(
      updateOrder(x, salesTokyo, { orderId: order.orderId, revision: closed.revision, summary: '追記' }),
    ).rejects.toMatchObject({ rule: 'ORDER_CLOSED' });
    expect(await closeOrder(x, salesTokyo, { ...input, revision: closed.revision })).toMatchObject({
      syncState: 'SYNCED',
    });
  });

  it('two changes at once never undo each other: one owed write carries every change answered as done', async () => {
    const { x, order } = await tokyoOrder();
    const changes = [
      { by: salesTokyo, fields: { jobCategory: '検品' } },
      { by: managerTokyo, fields: { summary: '同時に変更' } },
      { by: director, fields: { requestedStart: '2027-02-01' } },
    ];
    const results = await Promise.allSettled(
      changes.map((c) =>
        updateOrder(x, c.by, { orderId: order.orderId, revision: order.revision, ...c.fields }),
      ),
    );
    const done = changes.filter((_, i) => results[i]?.status === 'fulfilled');
    expect(done.length).toBeGreaterThanOrEqual(1);
    for (const r of results)
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'CONFLICT' });
    const owed = (await t.ledger.listKintoneOutboxEntriesOfClient(order.clientId)).filter(
      (e) => e.state === 'PENDING',
    );
    expect(owed).toHaveLength(1);
    await dispatch(x);
    const record = await kintoneRecord(order.kintoneRecordId);
    const codes = { jobCategory: 'job_category', summary: 'summary', requestedStart: 'requested_start' };
    for (const c of done)
      for (const [field, value] of Object.entries(c.fields))
        expect(record[codes[field as keyof typeof codes]]?.value).toBe(value);
  });

  it('refuses a revision older than the one the ledger knows: kintone changed since it was read', async () => {
    const { x, order } = await tokyoOrder();
    tick();
    await kintone().record.updateRecord({
      app: '1',
      id: order.kintoneRecordId,
      record: { summary: { value: '現場で追記' } },
    });
    tick();
    await reconcileKintoneApp(x, 'orders', {
      trigger: 'API',
      holder: 'test',
      overlapMs: 0,
      leaseMs: 60_000,
      full: true,
    });
    const stale = updateOrder(x, salesTokyo, {
      orderId: order.orderId,
      revision: order.revision,
      summary: 'ハブで書き換え',
    });
    await expect(stale).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await kintoneRecord(order.kintoneRecordId)).summary?.value).toBe('現場で追記');
  });
});

describe('a change made meanwhile in kintone', () => {
  async function conflicted(hub: string, source: string) {
    const { x, order } = await tokyoOrder();
    await updateOrder(x, salesTokyo, { orderId: order.orderId, revision: order.revision, jobCategory: hub });
    tick();
    await kintone().record.updateRecord({
      app: '1',
      id: order.kintoneRecordId,
      record: { job_category: { value: source } },
    });
    expect(await dispatch(x)).toMatchObject({ delivered: 0, held: 1 });
    return { x, order, conflictOrder: await getOrder(x, salesTokyo, order.orderId) };
  }

  it('to the same field is a conflict showing both versions; nothing is overwritten; KEEP_HUB writes the hub’s', async () => {
    const { x, order, conflictOrder } = await conflicted('検品', '梱包');
    expect(conflictOrder).toMatchObject({ syncState: 'CONFLICT', openConflictId: expect.any(String) });
    const conflict = await t.ledger.getSyncConflict(conflictOrder.openConflictId as string);
    expect(conflict).toMatchObject({
      status: 'OPEN',
      hubId: order.orderId,
      hubVersion: expect.objectContaining({ jobCategory: '検品' }),
      sourceVersion: expect.objectContaining({ jobCategory: '梱包' }),
      differingFields: [{ field: 'jobCategory', agreed: '製造補助', hub: '検品', source: '梱包' }],
    });
    expect((await kintoneRecord(order.kintoneRecordId)).job_category?.value).toBe('梱包');
    // Until a person decides, the order takes no further change from the hub.
    await expect(
      closeOrder(x, salesTokyo, {
        orderId: order.orderId,
        revision: conflictOrder.revision,
        outcome: 'LOST',
        reason: '他社決定',
      }),
    ).rejects.toMatchObject({ rule: 'ORDER_SYNC_CONFLICT_OPEN' });

    await resolveSyncConflict(x, managerTokyo, { conflictId: conflict?.conflictId, resolution: 'KEEP_HUB' });
    await dispatch(x);
    expect((await kintoneRecord(order.kintoneRecordId)).job_category?.value).toBe('検品');
    expect(await getOrder(x, salesTokyo, order.orderId)).toMatchObject({
      syncState: 'SYNCED',
      fields: { jobCategory: '検品' },
    });
  });

  it('to the same field, resolved KEEP_SOURCE: kintone’s value stays and the ledger takes it', async () => {
    const { x, order, conflictOrder } = await conflicted('検品', '梱包');
    const revision = (await kintoneRecord(order.kintoneRecordId)).$revision?.value;
    await resolveSyncConflict(x, admin, {
      conflictId: conflictOrder.openConflictId,
      resolution: 'KEEP_SOURCE',
    });
    expect((await kintoneRecord(order.kintoneRecordId)).$revision?.value).toBe(revision);
    expect(await getOrder(x, salesTokyo, order.orderId)).toMatchObject({
      syncState: 'SYNCED',
      fields: { jobCategory: '梱包' },
    });
  });

  it('a close while staff moved the status in kintone: a status conflict; KEEP_HUB closes by the action', async () => {
    const { x, order } = await tokyoOrder();
    await closeOrder(x, salesTokyo, {
      orderId: order.orderId,
      revision: order.revision,
      outcome: 'CANCELLED',
      reason: '先方都合で取消',
    });
    tick();
    await kintone().record.updateRecordStatus({ app: '1', id: order.kintoneRecordId, action: '与信承認' });
    expect(await dispatch(x)).toMatchObject({ held: 1 });
    const held = await getOrder(x, salesTokyo, order.orderId);
    const conflict = await t.ledger.getSyncConflict(held.openConflictId as string);
    expect(conflict?.differingFields).toEqual([
      { field: 'status', agreed: 'INQUIRY', hub: 'CLOSED', source: 'RECEIVED' },
    ]);
    expect((await kintoneRecord(order.kintoneRecordId)).ステータス?.value).toBe('RECEIVED');

    await resolveSyncConflict(x, managerTokyo, { conflictId: conflict?.conflictId, resolution: 'KEEP_HUB' });
    await dispatch(x);
    expect(await kintoneRecord(order.kintoneRecordId)).toMatchObject({
      ステータス: { value: 'CLOSED' },
      close_outcome: { value: 'CANCELLED' },
      close_reason: { value: '先方都合で取消' },
    });
  });

  it('to a different field merges without a conflict: both changes end up in kintone and the ledger', async () => {
    const { x, order } = await tokyoOrder();
    await updateOrder(x, salesTokyo, {
      orderId: order.orderId,
      revision: order.revision,
      jobCategory: '検品',
    });
    tick();
    await kintone().record.updateRecord({
      app: '1',
      id: order.kintoneRecordId,
      record: { summary: { value: '現場で追記' } },
    });
    expect(await dispatch(x)).toMatchObject({ delivered: 1, held: 0 });
    expect(await kintoneRecord(order.kintoneRecordId)).toMatchObject({
      job_category: { value: '検品' },
      summary: { value: '現場で追記' },
    });
    expect(await getOrder(x, salesTokyo, order.orderId)).toMatchObject({
      syncState: 'SYNCED',
      fields: { jobCategory: '検品', summary: '現場で追記' },
    });
  });
});

describe('refusals', () => {
  it('refuses a close without a reason or with an unknown outcome, naming the field, writing nothing', async () => {
    const { x, order } = await tokyoOrder();
    const owedBefore = await t.ledger.listKintoneOutboxEntriesOfClient(order.clientId);
    const base = { orderId: order.orderId, revision: order.revision };
    await expect(closeOrder(x, salesTokyo, { ...base, outcome: 'FILLED' })).rejects.toMatchObject({
      fieldErrors: [{ path: 'input.reason' }],
    });
    await expect(
      closeOrder(x, salesTokyo, { ...base, outcome: 'FILLED', reason: '   ' }),
    ).rejects.toMatchObject({
      fieldErrors: [{ path: 'input.reason', message: 'a reason is required to close an order' }],
    });
    await expect(
      closeOrder(x, salesTokyo, { ...base, outcome: 'WON', reason: '充足' }),
    ).rejects.toMatchObject({
      fieldErrors: [{ path: 'input.outcome' }],
    });
    await expect(updateOrder(x, salesTokyo, { ...base, status: 'OPEN' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(updateOrder(x, salesTokyo, base)).rejects.toMatchObject({
      fieldErrors: [{ path: 'input' }],
    });
    await expect(
      updateOrder(x, salesTokyo, { ...base, establishmentId: 'est_nowhere' }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'input.establishmentId' }] });
    expect(await t.ledger.listKintoneOutboxEntriesOfClient(order.clientId)).toEqual(owedBefore);
  });

  it('lets sales of the order’s department and up change it; another department’s sales and other roles are refused', async () => {
    const { x, order } = await tokyoOrder();
    const change = (actor: typeof salesTokyo, summary: string, revision = order.revision) =>
      updateOrder(x, actor, { orderId: order.orderId, revision, summary });
    await expect(change(salesOsaka, '大阪から')).rejects.toMatchObject({ rule: 'OTHER_DEPARTMENT' });
    await expect(change(marketing, 'マーケから')).rejects.toMatchObject({ rule: 'ROLE_NOT_ALLOWED' });
    await expect(change(admin, '管理者から')).rejects.toMatchObject({ rule: 'ROLE_NOT_ALLOWED' });
    await expect(getOrder(x, salesOsaka, order.orderId)).rejects.toMatchObject({ rule: 'OTHER_DEPARTMENT' });
    expect((await change(managerTokyo, 'マネージャーから')).fields.summary).toBe('マネージャーから');
    expect((await change(director, '取締役から')).fields.summary).toBe('取締役から');
  });
});

/** An establishment of the client with its organisational units. */
async function establishmentOf(clientId: string, establishmentId: string, units: string[]) {
  const at = clock.now().toISOString();
  await t.ledger.commit(
    [
      {
        entity: {
          type: 'ESTABLISHMENT',
          value: {
            establishmentId,
            clientId,
            name: `本社工場 ${establishmentId}`,
            organisationalUnits: units.map((id) => ({ organisationalUnitId: id, name: `製造${id}課` })),
            createdBy: salesTokyo.userId,
            createdAt: at,
            updatedAt: at,
            version: 1,
          },
        },
      },
    ],
    [],
  );
}

describe('the establishment and organisational unit an order names', () => {
  it('must be the order’s client’s, the unit within that establishment; both reach kintone', async () => {
    const { x, order } = await tokyoOrder('株式会社事業所あり');
    const other = await tokyoOrder('株式会社よその会社');
    const own = `est_own_${Date.now()}`;
    const foreign = `est_foreign_${Date.now()}`;
    await establishmentOf(order.clientId, own, ['ou_1', 'ou_2']);
    await establishmentOf(other.order.clientId, foreign, ['ou_9']);
    const place = (fields: Record<string, string>) =>
      updateOrder(x, salesTokyo, { orderId: order.orderId, revision: order.revision, ...fields });

    await expect(place({ establishmentId: foreign })).rejects.toMatchObject({
      fieldErrors: [{ path: 'input.establishmentId' }],
    });
    await expect(place({ establishmentId: own, organisationalUnitId: 'ou_9' })).rejects.toMatchObject({
      fieldErrors: [{ path: 'input.organisationalUnitId' }],
    });
    await expect(place({ organisationalUnitId: 'ou_1' })).rejects.toMatchObject({
      fieldErrors: [
        { path: 'input.organisationalUnitId', message: 'an organisational unit needs its establishment' },
      ],
    });
    const placed = await place({ establishmentId: own, organisationalUnitId: 'ou_2' });
    expect(placed.fields).toMatchObject({ establishmentId: own, organisationalUnitId: 'ou_2' });
    await dispatch(x);
    expect(await kintoneRecord(order.kintoneRecordId)).toMatchObject({
      establishment_id: { value: own },
      organisational_unit_id: { value: 'ou_2' },
    });
    // Only the unit changes: it is checked against the establishment the order already names.
    const synced = await getOrder(x, salesTokyo, order.orderId);
    await expect(
      updateOrder(x, salesTokyo, {
        orderId: order.orderId,
        revision: synced.revision,
        organisationalUnitId: 'ou_3',
      }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'input.organisationalUnitId' }] });
  });
});

describe('the orders view', () => {
  it('filters by client, status, department and rep, pages, and scopes sales to their department', async () => {
    const x = deps();
    const a = await tokyoOrder('株式会社一覧A');
    const b = await tokyoOrder('株式会社一覧B');
    await closeOrder(x, salesTokyo, {
      orderId: b.order.orderId,
      revision: b.order.revision,
      outcome: 'LOST',
      reason: '他社',
    });
    await dispatch(x);

    const ofClient = await listOrders(x, salesTokyo, { clientId: a.order.clientId }, {});
    expect(ofClient.items.map((o) => o.orderId)).toEqual([a.order.orderId]);
    const closed = await listOrders(x, admin, { status: 'CLOSED' }, { first: 100 });
    expect(closed.items.map((o) => o.orderId)).toContain(b.order.orderId);
    expect(closed.items.map((o) => o.orderId)).not.toContain(a.order.orderId);
    expect(closed.items.every((o) => o.fields.status === 'CLOSED')).toBe(true);

    const tokyo = await listOrders(x, salesTokyo, {}, { first: 1 });
    expect(tokyo.items).toHaveLength(1);
    expect(tokyo.hasNextPage).toBe(true);
    const next = await listOrders(x, salesTokyo, {}, { first: 1, after: tokyo.endCursor as string });
    expect(next.items[0]?.orderId).not.toBe(tokyo.items[0]?.orderId);
    // Newest first: B was registered after A.
    expect(tokyo.items[0]?.orderId).toBe(b.order.orderId);

    expect((await listOrders(x, salesOsaka, {}, { first: 100 })).items).toEqual([]);
    await expect(listOrders(x, salesOsaka, { department: 'SALES_TOKYO' }, {})).rejects.toMatchObject({
      rule: 'OTHER_DEPARTMENT',
    });

    const client = await t.ledger.getClient(a.order.clientId);
    await t.ledger.commit(
      [
        {
          entity: {
            type: 'CLIENT',
            value: {
              ...(client as NonNullable<typeof client>),
              salesRepId: 'rep-orders',
              version: (client?.version ?? 0) + 1,
            },
          },
          expectedVersion: client?.version as number,
        },
      ],
      [],
    );
    const ofRep = await listOrders(x, managerTokyo, { salesRepId: 'rep-orders' }, {});
    expect(ofRep.items.map((o) => o.orderId)).toEqual([a.order.orderId]);
  });

  it('answers through GraphQL with the sync state, and typed errors naming the field', async () => {
    const { x, order } = await tokyoOrder('株式会社グラフ');
    const api = await createTestApi(x);
    const listed = await api.graphql(
      salesTokyo,
      `query($id: ID!) { orders(filter: { clientId: $id }) { edges { node { id status syncState revision clientName } } } }`,
      { id: order.clientId },
    );
    expect(listed.data).toEqual({
      orders: {
        edges: [
          {
            node: {
              id: order.orderId,
              status: 'INQUIRY',
              syncState: 'SYNCED',
              revision: order.revision,
              clientName: '株式会社グラフ',
            },
          },
        ],
      },
    });
    const close = `mutation($input: CloseOrderInput!) { closeOrder(input: $input) {
      __typename ... on Order { status syncState closeOutcome }
      ... on ValidationError { fieldErrors { path } } } }`;
    const empty = await api.graphql(salesTokyo, close, {
      input: { orderId: order.orderId, revision: order.revision, outcome: 'LOST', reason: '' },
    });
    expect(empty.data?.closeOrder).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ path: 'input.reason' }],
    });
    const bad = await api.graphql(salesTokyo, close, {
      input: { orderId: order.orderId, revision: order.revision, outcome: 'WON', reason: 'x' },
    });
    expect(bad.errors?.[0]?.message).toContain('outcome');
    const done = await api.graphql(salesTokyo, close, {
      input: { orderId: order.orderId, revision: order.revision, outcome: 'LOST', reason: '他社に決定' },
    });
    expect(done.data?.closeOrder).toEqual({
      __typename: 'Order',
      status: 'CLOSED',
      syncState: 'PENDING',
      closeOutcome: 'LOST',
    });
    const other = await api.graphql(salesOsaka, close, {
      input: { orderId: order.orderId, revision: order.revision, outcome: 'LOST', reason: 'x' },
    });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'OTHER_DEPARTMENT' });
  });
});

describe('an order registered with its placement, changed by staff, then approved (A7-3, A7-4)', () => {
  const engines: { stop(): void }[] = [];
  beforeAll(() => void testDefinitions(), 300_000);
  afterEach(() => {
    for (const engine of engines.splice(0)) engine.stop();
  });
  let companies = 0;

  function withWorkflows() {
    // After the visits the support builders record (they end on 1 December 2026).
    if (kintoneNow < new Date('2026-12-01T01:00:00Z')) {
      kintoneNow = new Date('2026-12-01T01:00:00Z');
      clock.set(kintoneNow);
    }
    const x = { ...deps(), gstaff: new InMemoryGStaff() };
    const workflows = localEngine(x);
    engines.push(workflows);
    return { ...x, workflows };
  }

  /** Delivers the outbox (time moving on, so retries fall due) until kintone holds the order in `status`. */
  async function settled(d: ReturnType<typeof withWorkflows>, orderId: string, status: string) {
    let order: Awaited<ReturnType<typeof getOrder>> | undefined;
    for (let round = 0; round < 40; round += 1) {
      tick(30);
      await dispatchKintoneOutbox(d);
      order = await getOrder(d, salesTokyo, orderId).catch(() => undefined);
      if (order?.fields.status === status && order.syncState === 'SYNCED') return order;
    }
    throw new Error(`order ${orderId} is not ${status} in kintone: ${JSON.stringify(order)}`);
  }

  /** A visited client whose credit pre-check (06_1) the manager approved: its order is RECEIVED in kintone. */
  async function approvedClient(d: ReturnType<typeof withWorkflows>) {
    companies += 1;
    const clientId = await visitedClient(d, {
      company: `株式会社承認後変更${companies}`,
      phone: `03-5555-${2000 + companies}`,
      email: `jinji@henkou${companies}.example`,
    });
    // The phone inquiry's order reaches kintone before 06_1 moves it on (as it does within seconds).
    const [first] = await t.ledger.listInquiriesOfClient(clientId);
    await settled(d, `ord_${first?.inquiryId.replace(/^inq_/, '')}`, 'INQUIRY');
    const application = await submitCreditPrecheck(d, salesTokyo, { clientId, creditPrecheck: precheck() });
    const taskId = approvalTaskIdOf(application.applicationId, 'MANAGER', false);
    await eventually(async () => (await t.ledger.getApprovalTask(taskId))?.status === 'OPEN', '06_1 task');
    await decideApproval(d, managerTokyo, { taskId, decision: 'APPROVE' });
    await eventually(
      async () => (await t.ledger.getApplication(application.applicationId))?.status === 'APPROVED',
      '06_1 approved',
    );
    const [inquiry] = await t.ledger.listInquiriesOfClient(clientId);
    return { clientId, inquiryId: inquiry?.inquiryId as string };
  }

  it('refuses a placement that is not the client’s naming the field, then keeps it and what staff changed through PENDING_APPROVAL and OPEN', async () => {
    const d = withWorkflows();
    const { clientId, inquiryId } = await approvedClient(d);
    const orderId = `ord_${inquiryId.replace(/^inq_/, '')}`;
    // The order's first write creates it in kintone; the next moves it to RECEIVED.
    const received = await settled(d, orderId, 'RECEIVED');

    // Staff change the order before registering it for approval.
    await updateOrder(d, salesTokyo, {
      orderId,
      revision: received.revision,
      jobCategory: '精密部品の検品（変更後）',
      summary: '2名 8:30-17:30（変更後）',
    });
    await settled(d, orderId, 'RECEIVED');

    const own = `est_reg_${Date.now()}`;
    const foreign = `est_regx_${Date.now()}`;
    await establishmentOf(clientId, own, ['ou_r1']);
    const other = await tokyoOrder('株式会社よその登録先');
    await establishmentOf(other.order.clientId, foreign, ['ou_x']);
    await expect(registerOrder(d, salesTokyo, { inquiryId, establishmentId: foreign })).rejects.toMatchObject(
      {
        fieldErrors: [{ path: 'input.establishmentId', message: expect.stringContaining(foreign) }],
      },
    );
    await expect(
      registerOrder(d, salesTokyo, { inquiryId, establishmentId: own, organisationalUnitId: 'ou_x' }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'input.organisationalUnitId' }] });
    await expect(
      registerOrder(d, salesTokyo, { inquiryId, organisationalUnitId: 'ou_r1' }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'input.organisationalUnitId' }] });
    // Nothing was registered by a refusal.
    expect(
      (await t.ledger.listApplicationsOfClient(clientId)).filter((a) => a.type === 'ORDER_APPROVAL'),
    ).toEqual([]);

    const application = await registerOrder(d, salesTokyo, {
      inquiryId,
      establishmentId: own,
      organisationalUnitId: 'ou_r1',
    });
    expect(application.orderPlacement).toEqual({ establishmentId: own, organisationalUnitId: 'ou_r1' });
    const taskId = approvalTaskIdOf(application.applicationId, 'MANAGER', false);
    await eventually(async () => (await t.ledger.getApprovalTask(taskId))?.status === 'OPEN', 'order task');
    await settled(d, orderId, 'PENDING_APPROVAL');
    const changed = {
      job_category: { value: '精密部品の検品（変更後）' },
      summary: { value: '2名 8:30-17:30（変更後）' },
      establishment_id: { value: own },
      organisational_unit_id: { value: 'ou_r1' },
    };
    expect(await kintoneRecord(received.kintoneRecordId)).toMatchObject({
      ステータス: { value: 'PENDING_APPROVAL' },
      ...changed,
    });

    await decideApproval(d, managerTokyo, { taskId, decision: 'APPROVE' });
    await eventually(
      async () => (await t.ledger.getApplication(application.applicationId))?.status === 'APPROVED',
      'order approved',
    );
    await settled(d, orderId, 'OPEN');
    expect(await kintoneRecord(received.kintoneRecordId)).toMatchObject({
      ステータス: { value: 'OPEN' },
      ...changed,
    });
    expect(await getOrder(d, salesTokyo, orderId)).toMatchObject({
      syncState: 'SYNCED',
      fields: { status: 'OPEN', jobCategory: '精密部品の検品（変更後）', establishmentId: own },
    });
  }, 180_000);
});

describe('the order’s individual contract in kintone (A7-4)', () => {
  it('has fields of its own, read back as written: no staff change, no conflict; staff and the hub still change other fields', async () => {
    const x = deps();
    const ready = await readyIndividualContract(t.ledger, {
      gstaffClientId: 'G-1001',
      now: clock.now().toISOString(),
    });
    await dispatch(x);
    const before = await getOrder(x, salesTokyo, ready.orderId);
    // The contract signed and stored, as the workflow leaves it; then its kintone step.
    const contract = await t.ledger.getIndividualContract(ready.individualContractId);
    const at = clock.now().toISOString();
    await t.ledger.commit(
      [
        {
          entity: {
            type: 'APPLICATION',
            value: {
              applicationId: `app_${ready.individualContractId}`,
              type: 'INDIVIDUAL_CONTRACT',
              status: 'APPROVED',
              clientId: ready.clientId,
              department: 'SALES_TOKYO',
              applicantId: 'sales-tokyo-1',
              individualContract: {
                individualContractId: ready.individualContractId,
                orderId: ready.orderId,
                period: contract?.period as { startDate: string; endDate: string },
                envelopeName: `INDIVIDUAL-${ready.individualContractId}`,
                approver: {
                  userId: 'sales-tokyo-1',
                  name: '高橋 美咲',
                  email: 'sales-tokyo-1@agency.example',
                },
                clientSigner: { name: '山田 太郎', email: 'yamada@kobetsu.example' },
                signedAt: '2026-12-01T16:30:00.000Z',
                gstaffContractId: 'K-77',
                retentionUntil: '2030-03-31',
              },
              history: [],
              createdAt: at,
              updatedAt: at,
              version: 1,
            },
          },
        },
      ],
      [],
    );
    await runWorkflowTask({ ...x, gstaff: new InMemoryGStaff() } as never, {
      task: 'individualContract.showInKintone',
      applicationId: `app_${ready.individualContractId}`,
    });
    await dispatch(x);
    const shown = await kintoneRecord(before.kintoneRecordId);
    expect(shown).toMatchObject({
      individual_contract_id: { value: ready.individualContractId },
      contract_start_date: { type: 'DATE', value: '2027-01-04' },
      contract_end_date: { value: '2027-03-31' },
      contract_worker_code: { value: contract?.worker?.workerId },
      // Signed at 01:30 JST on 2 December.
      contract_signed_on: { value: '2026-12-02' },
      contract_retention_until: { value: '2030-03-31' },
      contract_gstaff_id: { value: 'K-77' },
      summary: { value: '検品スタッフ1名' },
      ステータス: { value: 'OPEN' },
    });

    // The reconciliation finds nothing changed by staff: no change taken, no conflict.
    tick();
    const run = await reconcileKintoneApp(x, 'orders', {
      trigger: 'API',
      holder: 'test',
      overlapMs: 0,
      leaseMs: 60_000,
      full: true,
    });
    expect('counts' in run && run.counts.conflicts).toBe(0);
    const trail = await clientAuditTrail(x, salesTokyo, ready.clientId, { first: 100 });
    expect(trail.items.filter((e) => e.operation === 'kintone.orders.changed')).toEqual([]);

    // Staff change another field in kintone while the hub changes one: both kept, the contract intact.
    const synced = await getOrder(x, salesTokyo, ready.orderId);
    await kintone().record.updateRecord({
      app: '1',
      id: synced.kintoneRecordId,
      record: { job_category: { value: '梱包' } },
    });
    await updateOrder(x, salesTokyo, {
      orderId: ready.orderId,
      revision: synced.revision,
      summary: '検品スタッフ2名に増員',
    });
    await dispatch(x);
    const after = await getOrder(x, salesTokyo, ready.orderId);
    expect(after.syncState).toBe('SYNCED');
    expect(after.fields).toMatchObject({
      jobCategory: '梱包',
      summary: '検品スタッフ2名に増員',
      individualContractId: ready.individualContractId,
      contractRetentionUntil: '2030-03-31',
    });
    // updateOrder does not take the contract's fields; kintone refuses a date not written YYYY-MM-DD.
    await expect(
      updateOrder(x, salesTokyo, {
        orderId: ready.orderId,
        revision: after.revision,
        contractEndDate: '2031-01-01',
      }),
    ).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(
      kintone().record.updateRecord({
        app: '1',
        id: synced.kintoneRecordId,
        record: { contract_end_date: { value: '2027/03/31' } },
      }),
    ).rejects.toMatchObject({ code: 'CB_VA01' });
  }, 60_000);
});
