/**
 * kintone → hub sync against DynamoDB Local and the kintone sandbox over HTTP: incremental runs
 * that never miss a same-second change, full runs that find deletions, conflicts kept with both
 * versions and resolved each way, a killed run resumed without duplicates, webhooks as hints (one
 * dropped over kintone's 60 a minute caught by the next run), a close by process management and a
 * cli-kintone import reaching the ledger by the next run,
 * one run of a job at a time, and a sync under injected faults ending equal to kintone.
 * Requirements: X-3, A7-3, A7-4, X-1, X-2.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { KintoneRestAPIClient } from '@kintone/rest-api-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientAuditTrail } from '../core/clients/client-queries.js';
import { FixedClock } from '../core/clock.js';
import { recordPhoneInquiry } from '../core/inquiries/record-phone-inquiry.js';
import { dispatchKintoneOutbox } from '../core/kintone/dispatch-kintone-outbox.js';
import { enqueueKintoneWrite } from '../core/kintone/kintone-outbox.js';
import type { OrderRecord } from '../core/kintone/order.js';
import { type JobOutcome, runJob } from '../core/sync/job-runner.js';
import { reconcileKintoneApp } from '../core/sync/reconcile-kintone.js';
import { listSyncConflicts, listSyncRuns, resolveSyncConflict } from '../core/sync/sync-conflicts.js';
import type { SyncRun } from '../core/sync/sync-model.js';
import { makeHandler as makeKintoneWebhook } from '../functions/kintone-webhook.handler.js';
import { createLogger } from '../functions/shared/logger.js';
import { type KintoneSandbox, startKintoneSandbox } from '../integrations/kintone/kintone.sandbox.js';
import {
  admin,
  hubDeps,
  managerTokyo,
  phoneInquiry,
  salesOsaka,
  salesTokyo,
  seedDirectory,
} from './support/builders.js';
import { sandboxKintoneApps } from './support/kintone.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';

let t: TestLedger;
let sandbox: KintoneSandbox;
let kintoneNow = new Date('2026-11-27T01:00:00Z');

beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger);
  sandbox = await startKintoneSandbox({ now: () => kintoneNow });
});
afterAll(() => sandbox.stop());

const clock = new FixedClock(kintoneNow);
function deps() {
  const base = { ...hubDeps(t.ledger), clock };
  const { orders, visits } = sandboxKintoneApps(sandbox, { clock: base.clock, maxAttempts: 6 });
  return {
    ...base,
    ordersApp: orders,
    visitRecordsApp: visits,
    kintoneApps: { orders, visits } as never,
    kintoneAppIds: { orders: '1', visits: '2' },
    outboxRetry: { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000 },
  };
}

const settings = { trigger: 'API' as const, holder: 'test', overlapMs: 0, leaseMs: 60_000 };
const asRun = (outcome: JobOutcome) => outcome as SyncRun;
const kintone = () =>
  new KintoneRestAPIClient({ baseUrl: sandbox.url, auth: { apiToken: sandbox.tokens['1'] as string } });
const tick = (seconds = 1) => {
  kintoneNow = new Date(kintoneNow.getTime() + seconds * 1000);
  clock.set(kintoneNow);
};
const syncedOf = async (hubId: string) => (await t.ledger.getSyncedKintoneRecords('orders', [hubId]))[0];

let n = 0;
const order = (overrides: Partial<OrderRecord> = {}): OrderRecord => {
  n += 1;
  return {
    hubId: `ord_sync_${n}_${Date.now()}`,
    clientId: 'cl_sync',
    clientName: '株式会社同期テスト',
    status: 'INQUIRY',
    summary: `依頼 ${n}`,
    ...overrides,
  };
};

/** An order the hub wrote through its outbox, so the ledger and kintone agree on it. */
async function hubOrder(company = '株式会社同期商事') {
  const x = deps();
  const inquiry = await recordPhoneInquiry(x, salesTokyo, phoneInquiry({ company, message: '軽作業 2名' }));
  tick();
  await dispatchKintoneOutbox(x);
  const [entry] = await t.ledger.listKintoneOutboxEntriesOfClient(inquiry.clientId);
  const synced = await syncedOf(entry?.hubId as string);
  return {
    x,
    inquiry,
    entry: entry as NonNullable<typeof entry>,
    synced: synced as NonNullable<typeof synced>,
  };
}

/** The hub owes kintone a new summary for the record (as a staff change through the hub would). */
async function oweSummary(
  x: ReturnType<typeof deps>,
  synced: { hubId: string; clientId: string; hubFields?: Record<string, string | undefined> },
  summary: string,
) {
  const order = { ...(synced.hubFields as unknown as OrderRecord), summary };
  await t.ledger.commit(
    [
      enqueueKintoneWrite(x.ids, x.clock.now().toISOString(), {
        app: 'orders',
        order,
        hubId: synced.hubId,
        clientId: synced.clientId,
        subjectType: 'INQUIRY',
        subjectId: 'inq',
      }),
    ],
    [],
  );
}

beforeEach(() => tick(5));

describe('incremental and full reconciliation', () => {
  it('a first run is full; a record changed in kintone reaches the ledger, audited, once', async () => {
    const x = deps();
    const mine = [order(), order(), order()];
    for (const o of mine) await x.ordersApp.upsert(o);
    tick();
    const first = asRun(await reconcileKintoneApp(x, 'orders', { ...settings, full: true }));
    expect(first).toMatchObject({ status: 'SUCCEEDED', mode: 'FULL' });
    expect(first.counts.created).toBeGreaterThanOrEqual(3);
    const created = await syncedOf(mine[0]?.hubId as string);
    expect(created).toMatchObject({
      lastChangedBy: 'KINTONE',
      fields: expect.objectContaining({ summary: mine[0]?.summary }),
    });

    tick();
    await kintone().record.updateRecord({
      app: '1',
      id: created?.recordId as string,
      record: { summary: { value: '現場で変更' } },
    });
    tick();
    const second = asRun(await reconcileKintoneApp(x, 'orders', settings));
    expect(second).toMatchObject({ mode: 'INCREMENTAL', status: 'SUCCEEDED' });
    expect(second.counts.updated).toBe(1);
    expect(second.requests).toBe(1);
    expect((await syncedOf(mine[0]?.hubId as string))?.fields.summary).toBe('現場で変更');
    const third = asRun(await reconcileKintoneApp(x, 'orders', settings));
    expect(third.counts.updated).toBe(0);
  });

  it('never misses a change made in the same second as the watermark, even with no overlap', async () => {
    const x = deps();
    const [a, b] = [order(), order()];
    const refA = await x.ordersApp.upsert(a as OrderRecord);
    const refB = await x.ordersApp.upsert(b as OrderRecord);
    tick();
    await reconcileKintoneApp(x, 'orders', settings);
    tick();
    // b (the higher $id) changes and is synced; then a (lower $id) changes within the same second.
    await kintone().record.updateRecord({
      app: '1',
      id: refB.recordId,
      record: { summary: { value: 'B1' } },
    });
    await reconcileKintoneApp(x, 'orders', settings);
    await kintone().record.updateRecord({
      app: '1',
      id: refA.recordId,
      record: { summary: { value: 'A1' } },
    });
    const run = asRun(await reconcileKintoneApp(x, 'orders', settings));
    expect(run.counts.updated).toBe(1);
    expect((await syncedOf(a?.hubId as string))?.fields.summary).toBe('A1');
    expect((await syncedOf(b?.hubId as string))?.fields.summary).toBe('B1');
  });

  it('a full run marks a record deleted in kintone, keeps what it was, and audits it', async () => {
    const { x, synced, inquiry } = await hubOrder('株式会社削除検知');
    tick();
    await kintone().record.deleteRecords({ app: '1', ids: [synced.recordId] });
    const run = asRun(await reconcileKintoneApp(x, 'orders', { ...settings, full: true }));
    expect(run.counts.deleted).toBe(1);
    const after = await syncedOf(synced.hubId);
    expect(after?.deletedInKintoneAt).toBeDefined();
    expect(after?.fields.hubId).toBe(synced.hubId);
    const trail = await clientAuditTrail(x, salesTokyo, inquiry.clientId, {});
    expect(trail.items.map((e) => e.operation)).toContain('kintone.orders.deleted');
  });
});

describe('conflicts are kept, never silently overwritten', () => {
  async function bothSidesChange(hubSummary: string, kintoneSummary: string) {
    const { x, entry, synced, inquiry } = await hubOrder();
    tick();
    await kintone().record.updateRecord({
      app: '1',
      id: synced.recordId,
      record: { summary: { value: kintoneSummary } },
    });
    const client = await t.ledger.getClient(inquiry.clientId);
    const changed = { ...(entry.app === 'orders' ? entry.order : ({} as OrderRecord)), summary: hubSummary };
    await t.ledger.commit(
      [
        enqueueKintoneWrite(x.ids, x.clock.now().toISOString(), {
          app: 'orders',
          order: changed,
          hubId: entry.hubId,
          clientId: client?.clientId as string,
          subjectType: 'INQUIRY',
          subjectId: inquiry.inquiryId,
        }),
      ],
      [],
    );
    tick();
    const dispatched = await dispatchKintoneOutbox(x);
    return { x, synced, dispatched, inquiry };
  }

  it('a field only one side changed goes through both ways without a conflict', async () => {
    const { x, synced } = await hubOrder();
    tick();
    await kintone().record.updateRecord({
      app: '1',
      id: synced.recordId,
      record: { job_category: { value: '経理' } },
    });
    await oweSummary(x, synced, 'ハブで変更');
    tick();
    expect(await dispatchKintoneOutbox(x)).toMatchObject({ delivered: 1, held: 0 });
    const record = (await kintone().record.getRecord({ app: '1', id: synced.recordId })).record;
    expect(record.summary?.value).toBe('ハブで変更');
    expect(record.job_category?.value).toBe('経理');
  });

  it('holds both versions and the differing field; KEEP_HUB writes the hub’s value at the revision seen', async () => {
    const { x, synced, dispatched } = await bothSidesChange('ハブの内容', 'キントーンの内容');
    expect(dispatched.held).toBe(1);
    const [conflict] = (await listSyncConflicts(x, managerTokyo, {})).filter((c) => c.hubId === synced.hubId);
    expect(conflict).toMatchObject({
      status: 'OPEN',
      hubVersion: expect.objectContaining({ summary: 'ハブの内容' }),
      sourceVersion: expect.objectContaining({ summary: 'キントーンの内容' }),
      differingFields: [
        { field: 'summary', agreed: synced.fields.summary, hub: 'ハブの内容', source: 'キントーンの内容' },
      ],
    });
    // Until resolved neither side overwrites the other: the next run and dispatch leave both alone.
    tick();
    await reconcileKintoneApp(x, 'orders', settings);
    await dispatchKintoneOutbox(x);
    expect((await kintone().record.getRecord({ app: '1', id: synced.recordId })).record.summary?.value).toBe(
      'キントーンの内容',
    );
    expect(await listSyncConflicts(x, salesOsaka as never, {}).catch((e: Error) => e.name)).toBe(
      'ForbiddenError',
    );

    // The resolution is recorded without calling kintone; the outbox writes it at the revision seen.
    await resolveSyncConflict(x, managerTokyo, { conflictId: conflict?.conflictId, resolution: 'KEEP_HUB' });
    expect((await kintone().record.getRecord({ app: '1', id: synced.recordId })).record.summary?.value).toBe(
      'キントーンの内容',
    );
    expect(await dispatchKintoneOutbox(x)).toMatchObject({ delivered: 1, held: 0 });
    expect((await kintone().record.getRecord({ app: '1', id: synced.recordId })).record.summary?.value).toBe(
      'ハブの内容',
    );
    // Repeated after a lost answer: the same decision answers the resolved conflict, nothing more owed.
    expect(
      await resolveSyncConflict(x, managerTokyo, {
        conflictId: conflict?.conflictId,
        resolution: 'KEEP_HUB',
      }),
    ).toMatchObject({ status: 'RESOLVED' });
    await expect(
      resolveSyncConflict(x, managerTokyo, { conflictId: conflict?.conflictId, resolution: 'KEEP_SOURCE' }),
    ).rejects.toMatchObject({ rule: 'SYNC_CONFLICT_NOT_OPEN' });
    const after = await syncedOf(synced.hubId);
    expect(after?.openConflictId).toBeUndefined();
    expect(after?.fields.summary).toBe('ハブの内容');
    const entries = await t.ledger.listKintoneOutboxEntriesOfClient(synced.clientId);
    expect(entries.filter((e) => e.state === 'HELD')).toEqual([]);
    expect(entries.some((e) => e.state === 'SUPERSEDED')).toBe(true);
  });

  it('KEEP_SOURCE takes kintone’s value into the ledger and writes nothing to kintone', async () => {
    const { x, synced } = await bothSidesChange('ハブ案', '現場案');
    const [conflict] = (await listSyncConflicts(x, admin, {})).filter((c) => c.hubId === synced.hubId);
    const revision = (await kintone().record.getRecord({ app: '1', id: synced.recordId })).record.$revision
      ?.value;
    await resolveSyncConflict(x, admin, {
      conflictId: conflict?.conflictId,
      resolution: 'KEEP_SOURCE',
      note: '現場優先',
    });
    expect(
      (await kintone().record.getRecord({ app: '1', id: synced.recordId })).record.$revision?.value,
    ).toBe(revision);
    expect((await syncedOf(synced.hubId))?.fields.summary).toBe('現場案');
    const trail = await clientAuditTrail(x, admin, synced.clientId, {});
    expect(trail.items.map((e) => e.operation)).toEqual(
      expect.arrayContaining(['sync.conflictDetected', 'sync.resolveConflict']),
    );
  });

  it('MERGE writes the value a person chose, and refuses fields that are not in conflict', async () => {
    const { x, synced } = await bothSidesChange('A案', 'B案');
    const [conflict] = (await listSyncConflicts(x, admin, {})).filter((c) => c.hubId === synced.hubId);
    await expect(
      resolveSyncConflict(x, admin, {
        conflictId: conflict?.conflictId,
        resolution: 'MERGE',
        fields: [{ field: 'clientName', value: 'x' }],
      }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'input.fields.0.field' }] });
    await resolveSyncConflict(x, admin, {
      conflictId: conflict?.conflictId,
      resolution: 'MERGE',
      fields: [{ field: 'summary', value: 'A案とB案' }],
    });
    await dispatchKintoneOutbox(x);
    expect((await kintone().record.getRecord({ app: '1', id: synced.recordId })).record.summary?.value).toBe(
      'A案とB案',
    );
  });

  it('kintone changed the same field again after the decision: a new conflict, never overwritten', async () => {
    const { x, synced } = await bothSidesChange('決定前ハブ', '決定前キントーン');
    const [conflict] = (await listSyncConflicts(x, admin, {})).filter((c) => c.hubId === synced.hubId);
    await resolveSyncConflict(x, admin, { conflictId: conflict?.conflictId, resolution: 'KEEP_HUB' });
    tick();
    await kintone().record.updateRecord({
      app: '1',
      id: synced.recordId,
      record: { summary: { value: '三度目' } },
    });
    tick();
    expect(await dispatchKintoneOutbox(x)).toMatchObject({ delivered: 0, held: 1 });
    expect((await kintone().record.getRecord({ app: '1', id: synced.recordId })).record.summary?.value).toBe(
      '三度目',
    );
    const again = (await listSyncConflicts(x, admin, {})).filter((c) => c.hubId === synced.hubId);
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({
      differingFields: [
        { field: 'summary', agreed: '決定前キントーン', hub: '決定前ハブ', source: '三度目' },
      ],
    });
  });

  it('KEEP_HUB writes only what the hub changed: a field kintone alone changed earlier stays kintone’s', async () => {
    const { x, synced, entry } = await hubOrder('株式会社別項目');
    tick();
    // kintone's staff change the job category (taken by a run); the hub never wrote it since.
    await kintone().record.updateRecord({
      app: '1',
      id: synced.recordId,
      record: { job_category: { value: 'キントーンで変えた職種' } },
    });
    tick();
    await reconcileKintoneApp(x, 'orders', settings);
    // Then both change the summary: the hub's write still carries the job category it last wrote.
    tick();
    await kintone().record.updateRecord({
      app: '1',
      id: synced.recordId,
      record: { summary: { value: '現場の要約' } },
    });
    await oweSummary(
      x,
      { ...synced, hubFields: entry.app === 'orders' ? { ...entry.order } : {} },
      'ハブの要約',
    );
    tick();
    expect(await dispatchKintoneOutbox(x)).toMatchObject({ held: 1 });
    const [conflict] = (await listSyncConflicts(x, admin, {})).filter((c) => c.hubId === synced.hubId);
    expect(conflict?.hubChanged).toEqual(['summary']);
    await resolveSyncConflict(x, admin, { conflictId: conflict?.conflictId, resolution: 'KEEP_HUB' });
    tick();
    await dispatchKintoneOutbox(x);
    const record = (await kintone().record.getRecord({ app: '1', id: synced.recordId })).record;
    expect(record.summary?.value).toBe('ハブの要約');
    expect(record.job_category?.value).toBe('キントーンで変えた職種');
  });

  it('a record kintone deleted while the hub changed it: KEEP_HUB writes it anew through the outbox', async () => {
    const { x, synced } = await hubOrder('株式会社削除再作成');
    tick();
    await kintone().record.deleteRecords({ app: '1', ids: [synced.recordId] });
    await reconcileKintoneApp(x, 'orders', { ...settings, full: true });
    expect((await syncedOf(synced.hubId))?.deletedInKintoneAt).toBeDefined();
    await oweSummary(x, synced, '再作成して');
    tick();
    expect(await dispatchKintoneOutbox(x)).toMatchObject({ held: 1 });
    const [conflict] = (await listSyncConflicts(x, admin, {})).filter((c) => c.hubId === synced.hubId);
    await resolveSyncConflict(x, admin, { conflictId: conflict?.conflictId, resolution: 'KEEP_HUB' });
    tick();
    expect(await dispatchKintoneOutbox(x)).toMatchObject({ delivered: 1 });
    const after = await syncedOf(synced.hubId);
    expect(after?.deletedInKintoneAt).toBeUndefined();
    expect(after?.recordId).not.toBe(synced.recordId);
    const record = (await kintone().record.getRecord({ app: '1', id: after?.recordId as string })).record;
    expect(record.summary?.value).toBe('再作成して');
    expect(record.hub_id?.value).toBe(synced.hubId);
  });
});

describe('runs: resume, one at a time, recorded', () => {
  it('a run killed half-way is resumed from its last page: nothing read twice, nothing missed', async () => {
    const x = deps();
    const fresh = sandboxKintoneApps(sandbox, { clock: x.clock }).orders;
    const marker = `resume-${Date.now()}`;
    const records = Array.from({ length: 1200 }, () => order({ clientName: marker }));
    await fresh.upsertAll(records);
    tick();
    let pages = 0;
    const dying = {
      ...fresh,
      listPage: async (q: never) => {
        pages += 1;
        if (pages === 2) throw new Error('killed');
        return fresh.listPage(q);
      },
    };
    const killed = { ...x, kintoneApps: { orders: dying, visits: x.visitRecordsApp } as never };
    await expect(
      reconcileKintoneApp(killed, 'orders', { ...settings, full: true, pageSize: 500 }),
    ).rejects.toThrow('killed');
    const cursor = await t.ledger.getSyncCursor('kintone.orders');
    expect(cursor?.inProgress?.checkpoint).toMatchObject({ mode: 'FULL' });

    const resumed = asRun(await reconcileKintoneApp(x, 'orders', { ...settings, pageSize: 500 }));
    expect(resumed.resumedRunId).toBeDefined();
    const all = await t.ledger.getSyncedKintoneRecords(
      'orders',
      records.map((r) => r.hubId),
    );
    expect(all).toHaveLength(1200);
    expect(all.every((r) => r.version === 1)).toBe(true);
    expect((await t.ledger.getSyncCursor('kintone.orders'))?.inProgress).toBeUndefined();
  }, 120_000);

  it('two runs of the same job at once do the work once', async () => {
    const x = deps();
    const outcomes = await Promise.all([
      reconcileKintoneApp(x, 'orders', { ...settings, holder: 'host-a' }),
      reconcileKintoneApp(x, 'orders', { ...settings, holder: 'host-b' }),
    ]);
    expect(outcomes.filter((o) => o.status === 'SKIPPED')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'SUCCEEDED')).toHaveLength(1);
  });

  it('reports after each page the requests made so far, ending at the run’s own count (the CLI’s progress)', async () => {
    const x = deps();
    await sandboxKintoneApps(sandbox, { clock: x.clock }).orders.upsertAll([order(), order(), order()]);
    tick();
    const pages: { page: number; requests: number }[] = [];
    const run = asRun(
      // Incremental: only what changed since the last run (a first run alone is full).
      await reconcileKintoneApp(x, 'orders', {
        ...settings,
        pageSize: 2,
        onPage: ({ page, requests }) => pages.push({ page, requests }),
      }),
    );
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.map((p) => p.requests)).toEqual(pages.map((p) => p.page));
    expect(pages.at(-1)?.requests).toBe(run.requests);
  });

  it('a lease left by a crashed holder stops others until it expires', async () => {
    const x = deps();
    await runJob(
      x,
      'deadlines',
      { mode: 'ROUND', trigger: 'API', holder: 'crashed', leaseMs: 60_000 },
      async () => {
        await t.ledger.commit(
          [
            {
              entity: {
                type: 'JOB_LEASE',
                value: {
                  job: 'kintone.visits',
                  holder: 'crashed',
                  expiresAt: new Date(x.clock.now().getTime() + 60_000).toISOString(),
                  version: 1,
                  createdAt: x.clock.now().toISOString(),
                  updatedAt: x.clock.now().toISOString(),
                },
              },
            },
          ],
          [],
        );
      },
    );
    expect(await reconcileKintoneApp(x, 'visits', settings)).toMatchObject({
      status: 'SKIPPED',
      holder: 'crashed',
    });
    tick(61);
    expect(await reconcileKintoneApp(x, 'visits', settings)).toMatchObject({ status: 'SUCCEEDED' });
    const runs = await listSyncRuns(x, admin, { job: 'kintone.visits' });
    expect(runs[0]).toMatchObject({
      job: 'kintone.visits',
      status: 'SUCCEEDED',
      requests: expect.any(Number),
    });
  });

  it('under 20 % injected faults a full sync ends with the ledger equal to kintone', async () => {
    const x = deps();
    const marker = `faults-${Date.now()}`;
    const records = Array.from({ length: 300 }, (_, i) => order({ clientName: marker, summary: `s${i}` }));
    await x.ordersApp.upsertAll(records);
    tick();
    sandbox.setFaults({ rate: 0.2, seed: 11, kinds: ['429', '500', '503', 'GAIA_RE18', 'reset'] });
    try {
      const run = asRun(await reconcileKintoneApp(x, 'orders', { ...settings, full: true, pageSize: 100 }));
      expect(run.status).toBe('SUCCEEDED');
    } finally {
      sandbox.setFaults(undefined);
    }
    const inLedger = await t.ledger.getSyncedKintoneRecords(
      'orders',
      records.map((r) => r.hubId),
    );
    const kintoneByHub = new Map<string, Awaited<ReturnType<typeof x.ordersApp.listPage>>[number]>();
    for (let after = 0; ; ) {
      const page = await x.ordersApp.listPage({ order: 'ID', afterRecordId: after, limit: 500 });
      for (const r of page) kintoneByHub.set(r.fields.hubId, r);
      if (page.length < 500) break;
      after = Number(page.at(-1)?.recordId);
    }
    expect(inLedger).toHaveLength(300);
    for (const r of inLedger) {
      expect(r.revision).toBe(kintoneByHub.get(r.hubId)?.revision);
      expect(r.fields.summary).toBe(kintoneByHub.get(r.hubId)?.fields.summary);
    }
  }, 120_000);
});

describe('kintone webhooks are hints', () => {
  const webhook = () =>
    makeKintoneWebhook({
      sync: deps(),
      secret: async () => 'test-kintone-secret-0123',
      logger: createLogger('test'),
    });
  const event = (secret: string, body: unknown) =>
    ({ rawPath: `/webhooks/kintone/${secret}`, body: JSON.stringify(body), isBase64Encoded: false }) as never;

  it('re-reads the record, applies it once per notification id, refuses a forged secret', async () => {
    const { synced } = await hubOrder('株式会社ウェブフック');
    tick();
    await kintone().record.updateRecord({
      app: '1',
      id: synced.recordId,
      record: { summary: { value: '通知で変更' } },
    });
    // The payload claims another value: it is never trusted.
    const body = {
      id: `notif-${Date.now()}`,
      type: 'UPDATE_RECORD',
      app: { id: '1', name: 'orders' },
      record: { $id: { value: synced.recordId }, summary: { value: '偽の値' } },
    };
    expect((await webhook()(event('wrong-secret-000000000', body))).statusCode).toBe(404);
    const first = await webhook()(event('test-kintone-secret-0123', body));
    expect(JSON.parse(first.body as string)).toMatchObject({ status: 'APPLIED', counts: { updated: 1 } });
    expect((await syncedOf(synced.hubId))?.fields.summary).toBe('通知で変更');
    const again = await webhook()(event('test-kintone-secret-0123', body));
    expect(JSON.parse(again.body as string)).toEqual({ status: 'DUPLICATE' });
    const bad = await webhook()(
      event('test-kintone-secret-0123', { id: 'x', type: 'UPDATE_RECORD', app: { id: '1' } }),
    );
    expect(bad.statusCode).toBe(400);
  });

  it('a webhook kintone dropped over its 60 a minute is caught by the next reconciliation', async () => {
    const x = deps();
    const receive = webhook();
    const applied: string[] = [];
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const answer = await receive(
          event('test-kintone-secret-0123', JSON.parse(Buffer.concat(chunks).toString())),
        );
        applied.push(answer.body as string);
        res.writeHead(answer.statusCode ?? 500).end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const mine = Array.from({ length: 61 }, () => order({ clientName: '株式会社通知落ち' }));
      await x.ordersApp.upsertAll(mine);
      tick();
      await reconcileKintoneApp(x, 'orders', settings);
      tick(61);
      sandbox.setWebhookUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/kintone/x`);
      const before = sandbox.webhookStats();
      // 61 single-record edits within one kintone minute: the 61st notification is dropped.
      for (const o of mine) {
        const synced = await syncedOf(o.hubId);
        await kintone().record.updateRecord({
          app: '1',
          id: synced?.recordId as string,
          record: { summary: { value: `通知 ${o.hubId}` } },
        });
      }
      await sandbox.webhooksSettled();
      expect(sandbox.webhookStats().dropped - before.dropped).toBe(1);
      const missed = [];
      for (const o of mine)
        if ((await syncedOf(o.hubId))?.fields.summary !== `通知 ${o.hubId}`) missed.push(o.hubId);
      expect(missed).toHaveLength(1);
      tick();
      await reconcileKintoneApp(x, 'orders', settings);
      expect((await syncedOf(missed[0] as string))?.fields.summary).toBe(`通知 ${missed[0]}`);
    } finally {
      sandbox.setWebhookUrl(undefined);
      await new Promise((resolve) => server.close(resolve));
    }
  }, 120_000);

  it('an order closed by kintone’s process management and one changed by a cli-kintone import reach the ledger by the next run', async () => {
    const x = deps();
    const closed = (await hubOrder('株式会社プロセス管理')).synced;
    const imported = (await hubOrder('株式会社CSV取込')).synced;
    await reconcileKintoneApp(x, 'orders', settings);
    tick();
    await kintone().record.updateRecordStatus({ app: '1', id: closed.recordId, action: 'クローズ' });
    const file = join(mkdtempSync(join(tmpdir(), 'cli-')), 'orders.csv');
    writeFileSync(
      file,
      `"hub_id","client_id","client_name","summary"\n"${imported.hubId}","${imported.clientId}","株式会社CSV取込","cli-kintoneで一括修正"\n`,
    );
    await promisify(execFile)(
      'node_modules/.bin/cli-kintone',
      ['record', 'import', '--file-path', file, '--update-key', 'hub_id', '--base-url', sandbox.url].concat([
        '--app',
        '1',
        '--api-token',
        sandbox.tokens['1'] as string,
      ]),
      { timeout: 60_000 },
    );
    tick();
    await reconcileKintoneApp(x, 'orders', settings);
    expect((await syncedOf(closed.hubId))?.fields.status).toBe('CLOSED');
    expect((await syncedOf(imported.hubId))?.fields.summary).toBe('cli-kintoneで一括修正');
  }, 120_000);

  it('a change that sent no webhook (a bulk update) is caught by the next reconciliation', async () => {
    const x = deps();
    const { synced } = await hubOrder('株式会社一括更新');
    await reconcileKintoneApp(x, 'orders', settings);
    tick();
    await kintone().record.updateRecords({
      app: '1',
      records: [{ id: synced.recordId, record: { summary: { value: 'CSVで変更' } } }],
    });
    tick();
    await reconcileKintoneApp(x, 'orders', settings);
    expect((await syncedOf(synced.hubId))?.fields.summary).toBe('CSVで変更');
  });
});
