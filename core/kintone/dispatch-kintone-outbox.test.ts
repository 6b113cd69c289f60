/** Unit tests of the kintone outbox rules with in-memory fakes (the HTTP path is tested in test/). */
import { describe, expect, it } from 'vitest';
import type { Application } from '../applications/application.js';
import { creditPrecheckWorkflow } from '../applications/credit-precheck-workflow.js';
import type { WorkflowTaskDeps } from '../applications/workflow-module.js';
import { FixedClock } from '../clock.js';
import { IntegrationError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import { randomIds } from '../ids.js';
import { recordPhoneInquiry } from '../inquiries/record-phone-inquiry.js';
import { defaultPolicy } from '../policy-config.js';
import { applyKintoneRecords, pendingHubWrites, type StoredRecord } from '../sync/apply-kintone-records.js';
import { InMemoryKintoneApp } from '../testing/in-memory-kintone-app.js';
import { InMemoryClientLedger } from '../testing/in-memory-ledger.js';
import { dispatchKintoneOutbox } from './dispatch-kintone-outbox.js';
import { enqueueReplacingKintoneWrite } from './kintone-outbox.js';
import type { OrderRecord, VisitRecordEntry } from './order.js';

const sales = { userId: 'sales-1', role: 'SALES' as const, department: 'SALES_TOKYO' };

async function setup() {
  const ledger = new InMemoryClientLedger();
  const clock = new FixedClock(new Date('2026-11-30T01:00:00Z'));
  const now = clock.now().toISOString();
  await ledger.commit(
    [
      {
        entity: {
          type: 'STAFF_MEMBER',
          value: {
            userId: 'sales-1',
            name: 'n',
            email: 'e@x.example',
            role: 'SALES',
            department: 'SALES_TOKYO',
            active: true,
            version: 1,
            createdAt: now,
            updatedAt: now,
          },
        },
      },
    ],
    [],
  );
  const deps: HubDeps = { ledger, clock, ids: randomIds, policy: defaultPolicy };
  const ordersApp = new InMemoryKintoneApp<OrderRecord>(() => clock.now());
  const outboxRetry = { maxAttempts: 3, baseDelayMs: 10_000, maxDelayMs: 60_000 };
  const inquiry = await recordPhoneInquiry(deps, sales, {
    company: '株式会社ユニット',
    contactName: '佐藤',
    phone: '03-1111-2222',
  });
  const visitRecordsApp = new InMemoryKintoneApp<VisitRecordEntry>(() => clock.now());
  return { ledger, clock, deps: { ...deps, ordersApp, visitRecordsApp, outboxRetry }, ordersApp, inquiry };
}

/** kintone answering 503 (retryable). */
const kintoneUnavailable = () =>
  new IntegrationError({
    system: 'kintone',
    operation: 'upsert',
    retryable: true,
    status: 503,
    message: 'CB_IL02',
  });

describe('dispatchKintoneOutbox', () => {
  it('writes the inquiry’s order once and records DONE', async () => {
    const { deps, ordersApp, ledger, inquiry } = await setup();
    expect(await dispatchKintoneOutbox(deps)).toEqual({ delivered: 1, retrying: 0, failed: 0, held: 0 });
    expect([...ordersApp.records.values()].map((r) => r.fields)).toEqual([
      expect.objectContaining({ status: 'INQUIRY', inquiryId: inquiry.inquiryId, department: 'SALES_TOKYO' }),
    ]);
    expect((await ledger.listKintoneOutboxEntriesOfClient(inquiry.clientId))[0]).toMatchObject({
      state: 'DONE',
      kintoneRecordId: '1',
    });
    expect(await dispatchKintoneOutbox(deps)).toEqual({ delivered: 0, retrying: 0, failed: 0, held: 0 });
  });

  it('waits with growing back-off while kintone is down, then gives up for a person to see', async () => {
    const { deps, ordersApp, clock, ledger, inquiry } = await setup();
    ordersApp.failWith = kintoneUnavailable();
    await dispatchKintoneOutbox(deps);
    const [first] = await ledger.listKintoneOutboxEntriesOfClient(inquiry.clientId);
    expect(first).toMatchObject({ state: 'PENDING', attempts: 1, nextAttemptAt: '2026-11-30T01:00:10.000Z' });
    clock.advance(10_000);
    await dispatchKintoneOutbox(deps);
    expect((await ledger.listKintoneOutboxEntriesOfClient(inquiry.clientId))[0]?.nextAttemptAt).toBe(
      '2026-11-30T01:00:30.000Z',
    );
    clock.advance(20_000);
    expect(await dispatchKintoneOutbox(deps)).toEqual({ delivered: 0, retrying: 0, failed: 1, held: 0 });
  });

  it('does not retry what retrying cannot fix', async () => {
    const { deps, ordersApp } = await setup();
    ordersApp.failWith = new IntegrationError({
      system: 'kintone',
      operation: 'upsert',
      retryable: false,
      status: 400,
      message: 'CB_VA01',
    });
    expect(await dispatchKintoneOutbox(deps)).toEqual({ delivered: 0, retrying: 0, failed: 1, held: 0 });
  });
});

describe('a newer write of the same order', () => {
  it('replaces the older one still owed, so the older retried later cannot move the order back', async () => {
    const { deps, ordersApp, clock, ledger, inquiry } = await setup();
    // The inquiry's INQUIRY write fails once (kintone may even have applied it: a lost answer).
    ordersApp.failWith = kintoneUnavailable();
    expect(await dispatchKintoneOutbox(deps)).toMatchObject({ retrying: 1 });
    delete ordersApp.failWith;
    // Meanwhile 06_1 is approved: the order is to be RECEIVED (A7-1), written before the retry is due.
    const client = await ledger.getClient(inquiry.clientId);
    const now = clock.now().toISOString();
    const application = {
      applicationId: 'app_unit',
      type: 'CREDIT_PRECHECK',
      status: 'APPROVED',
      clientId: inquiry.clientId,
      department: 'SALES_TOKYO',
      applicantId: 'sales-1',
      history: [],
      createdAt: now,
      updatedAt: now,
      version: 1,
    } satisfies Application;
    const effects = await creditPrecheckWorkflow.onDecided?.(
      deps as unknown as WorkflowTaskDeps,
      'APPROVED',
      {
        application,
        client: client as NonNullable<typeof client>,
        now,
      },
    );
    await ledger.commit(effects?.writes ?? [], []);

    clock.advance(60_000); // both due
    await dispatchKintoneOutbox(deps);
    await dispatchKintoneOutbox(deps);
    expect([...ordersApp.records.values()].map((r) => r.fields.status)).toEqual(['RECEIVED']);
    const entries = await ledger.listKintoneOutboxEntriesOfClient(inquiry.clientId);
    expect(entries.map((e) => [e.app === 'orders' && e.order.status, e.state]).sort()).toEqual([
      ['INQUIRY', 'SUPERSEDED'],
      ['RECEIVED', 'DONE'],
    ]);
  });
});

describe('the hub’s own write whose answer was lost (kintone applied it, the ledger never heard)', () => {
  /** Registers the order in kintone (DONE), then has kintone apply the next write and lose its answer. */
  async function lostAnswer() {
    const t = await setup();
    await dispatchKintoneOutbox(t.deps);
    const [first] = await t.ledger.listKintoneOutboxEntriesOfClient(t.inquiry.clientId);
    if (first?.app !== 'orders') throw new Error('expected the order write');
    const write = async (status: OrderRecord['status']) =>
      t.ledger.commit(
        await enqueueReplacingKintoneWrite(t.deps, t.clock.now().toISOString(), {
          app: 'orders',
          order: { ...first.order, status },
          hubId: first.hubId,
          clientId: first.clientId,
          subjectType: 'INQUIRY',
          subjectId: first.subjectId,
        }),
        [],
      );
    t.clock.advance(1_000);
    await write('RECEIVED');
    const update = t.ordersApp.update.bind(t.ordersApp);
    t.ordersApp.update = async (...args) => {
      await update(...args);
      throw kintoneUnavailable(); // applied, but the answer never came back
    };
    expect(await dispatchKintoneOutbox(t.deps)).toMatchObject({ retrying: 1 });
    t.ordersApp.update = update;
    expect([...t.ordersApp.records.values()].map((r) => r.fields.status)).toEqual(['RECEIVED']);
    // A newer write of the same order supersedes the one still PENDING in the ledger.
    t.clock.advance(1_000);
    await write('OPEN');
    return t;
  }

  const statesOf = async (t: Awaited<ReturnType<typeof setup>>) =>
    (await t.ledger.listKintoneOutboxEntriesOfClient(t.inquiry.clientId))
      .map((e) => [e.app === 'orders' && e.order.status, e.state])
      .sort();

  it('delivers the newer write instead of holding it as a conflict with kintone’s staff', async () => {
    const t = await lostAnswer();
    t.clock.advance(60_000);
    expect(await dispatchKintoneOutbox(t.deps)).toEqual({ delivered: 1, retrying: 0, failed: 0, held: 0 });
    expect([...t.ordersApp.records.values()].map((r) => r.fields.status)).toEqual(['OPEN']);
    expect(await statesOf(t)).toEqual(
      [
        ['INQUIRY', 'DONE'],
        ['OPEN', 'DONE'],
        ['RECEIVED', 'SUPERSEDED'],
      ].sort(),
    );
    expect(await t.ledger.listSyncConflicts('OPEN', 10)).toEqual([]);
  });

  it('the reconciliation reading kintone first takes it as the hub’s write, not a staff change', async () => {
    const t = await lostAnswer();
    const records = [...t.ordersApp.records.values()] as unknown as StoredRecord[];
    const pending = await pendingHubWrites(t.deps, 'orders');
    expect(await applyKintoneRecords(t.deps, 'orders', records, { pending })).toMatchObject({
      counts: { read: 1, updated: 1 },
    });
    t.clock.advance(60_000);
    expect(await dispatchKintoneOutbox(t.deps)).toMatchObject({ delivered: 1, held: 0 });
    expect([...t.ordersApp.records.values()].map((r) => r.fields.status)).toEqual(['OPEN']);
  });

  it('a field kintone’s staff changed to a value the hub never sent is still a conflict', async () => {
    const t = await lostAnswer();
    const [record] = [...t.ordersApp.records.values()];
    if (!record) throw new Error('no record');
    record.fields.status = 'CLOSED';
    record.revision += 1;
    t.clock.advance(60_000);
    expect(await dispatchKintoneOutbox(t.deps)).toMatchObject({ delivered: 0, held: 1 });
    const conflicts = await t.ledger.listSyncConflicts('OPEN', 10);
    expect(conflicts.map((c) => c.differingFields.map((d) => [d.field, d.hub, d.source]))).toEqual([
      [['status', 'OPEN', 'CLOSED']],
    ]);
  });
});
