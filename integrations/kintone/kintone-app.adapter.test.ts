/**
 * The kintone adapter and the sandbox together, over real HTTP: limits, retryable and
 * non-retryable errors, revisions, bulk writes that resume, and no duplicate under faults.
 * Requirements: A1-3, X-3.
 */
import { KintoneRestAPIClient, KintoneRestAPIError } from '@kintone/rest-api-client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, IntegrationError } from '../../core/errors.js';
import type { OrderRecord } from '../../core/kintone/order.js';
import { sandboxKintoneApps } from '../../test/support/kintone.js';
import { KINTONE_LIMITS, type KintoneSandbox, startKintoneSandbox } from './kintone.sandbox.js';
import { classifyKintoneError, KintoneBatchError } from './kintone-app.adapter.js';

let sandbox: KintoneSandbox;
let now = new Date('2026-11-30T01:00:00Z');
const warnings: unknown[] = [];

beforeAll(async () => {
  sandbox = await startKintoneSandbox({ now: () => now, cursorTtlMs: 60_000 });
});
afterAll(() => sandbox.stop());
afterEach(() => sandbox.setFaults(undefined));

const adapter = (options: { maxConcurrent?: number; dailyQuota?: number; maxAttempts?: number } = {}) =>
  sandboxKintoneApps(sandbox, { ...options, onQuotaWarning: (info) => warnings.push(info) });

let seq = 0;
const order = (overrides: Partial<OrderRecord> = {}): OrderRecord => {
  seq += 1;
  return {
    hubId: `ord_${Date.now()}_${seq}`,
    clientId: 'cli_1',
    clientName: '株式会社みなと物流',
    status: 'INQUIRY',
    channel: 'PHONE',
    department: 'SALES_TOKYO',
    ...overrides,
  };
};

const rawClient = () =>
  new KintoneRestAPIClient({ baseUrl: sandbox.url, auth: { apiToken: sandbox.tokens['1'] as string } });
const kintoneCode = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (e: unknown) => (e instanceof KintoneRestAPIError ? `${e.status} ${e.code}` : String(e)),
  );

describe('records', () => {
  it('creates, reads and updates with revisions; a stale revision is a ConflictError', async () => {
    const { orders } = adapter();
    const fields = order({ summary: '倉庫内軽作業 5名' });
    const created = await orders.create(fields);
    const read = await orders.get(created.recordId);
    expect(read).toMatchObject({ recordId: created.recordId, revision: 1, fields });
    const edited = await orders.update(created.recordId, { summary: '倉庫内軽作業 6名' }, 1);
    expect(edited.revision).toBe(2);
    // The status moves by process-management action: kintone counts two revisions per action.
    const updated = await orders.update(created.recordId, { status: 'RECEIVED' }, 2);
    expect(updated.revision).toBe(4);
    const before = sandbox.requestCount();
    await expect(orders.update(created.recordId, { summary: '上書き' }, 2)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(orders.update(created.recordId, { status: 'OPEN' }, 2)).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(sandbox.requestCount() - before).toBe(2); // never blind-retried, no action run
    expect((await orders.get(created.recordId))?.fields).toMatchObject({
      status: 'RECEIVED',
      summary: '倉庫内軽作業 6名',
    });
  });

  it('refuses a second create with the same hub id, and upserts by hub id', async () => {
    const { orders } = adapter();
    const fields = order();
    const first = await orders.upsert(fields);
    await expect(orders.create(fields)).rejects.toBeInstanceOf(ConflictError);
    const again = await orders.upsert({ ...fields, status: 'RECEIVED' });
    expect(again.recordId).toBe(first.recordId);
    expect((await orders.get(first.recordId))?.fields.status).toBe('RECEIVED');
  });

  it('returns undefined for a record that does not exist', async () => {
    expect(await adapter().orders.get('999999')).toBeUndefined();
  });

  it('reports bad input as a non-retryable IntegrationError without retrying', async () => {
    const { orders } = adapter();
    const before = sandbox.requestCount();
    const error = await orders
      .create(order({ channel: 'FAX' as OrderRecord['channel'] }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ system: 'kintone', retryable: false, status: 400 });
    expect(sandbox.requestCount() - before).toBe(1);
  });

  it('refuses a status that is not a state of the process before writing anything', async () => {
    const { orders } = adapter();
    const before = sandbox.requestCount();
    const bogus = order({ status: 'BOGUS' as OrderRecord['status'] });
    for (const write of [
      () => orders.create(bogus),
      () => orders.upsert(bogus),
      () => orders.upsertAll([bogus]),
    ]) {
      const error = await write().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IntegrationError);
      expect(error).toMatchObject({ retryable: false, message: expect.stringContaining('status: "BOGUS"') });
    }
    expect(sandbox.requestCount() - before).toBe(0);
  });

  it('reads changed records by (更新日時, $id) seek, resuming strictly after the last one read', async () => {
    const { orders } = adapter();
    now = new Date('2026-12-01T00:00:00Z');
    const mine = [order(), order(), order()];
    for (const o of mine) await orders.upsert(o);
    const since = '2026-12-01T00:00:00Z';
    const first = await orders.listPage({ order: 'CHANGED', since, limit: 2 });
    expect(first.map((r) => r.fields.hubId)).toEqual(mine.slice(0, 2).map((o) => o.hubId));
    const last = first.at(-1);
    const rest = await orders.listPage({
      order: 'CHANGED',
      since,
      after: { updatedAt: last?.updatedAt as string, recordId: Number(last?.recordId) },
      limit: 2,
    });
    expect(rest.map((r) => r.fields.hubId)).toEqual([mine[2]?.hubId]);
    // A record changed later moves behind the reader: it is read again, never skipped.
    now = new Date('2026-12-01T00:00:05Z');
    await orders.upsert({ ...(mine[0] as OrderRecord), summary: 'changed' });
    const after = await orders.listPage({
      order: 'CHANGED',
      since,
      after: { updatedAt: rest.at(-1)?.updatedAt as string, recordId: Number(rest.at(-1)?.recordId) },
      limit: 2,
    });
    expect(after.map((r) => [r.fields.hubId, r.fields.summary])).toEqual([[mine[0]?.hubId, 'changed']]);
    const byId = await orders.listPage({
      order: 'ID',
      afterRecordId: Number(first[0]?.recordId),
      limit: 500,
    });
    expect(byId.map((r) => r.fields.hubId)).toEqual(mine.slice(1).map((o) => o.hubId));
    now = new Date('2026-11-30T01:00:00Z');
  });
});

describe('retries', () => {
  it.each(['429', '500', '503', 'GAIA_RE18', 'reset'] as const)(
    'retries %s until it succeeds',
    async (kind) => {
      const { orders } = adapter();
      sandbox.setFaults({ rate: 0.5, seed: 7, kinds: [kind] });
      const created = await orders.upsert(order());
      sandbox.setFaults(undefined);
      expect(await orders.get(created.recordId)).toBeDefined();
    },
  );

  it('classifies kintone errors: retryable only when kintone says so', () => {
    const error = (status: number, code: string, headers: Record<string, string> = {}) =>
      new KintoneRestAPIError({ data: { id: 'x', code, message: code }, status, statusText: code, headers });
    expect(classifyKintoneError(error(400, 'GAIA_TM12'))).toEqual({ retryable: true });
    expect(classifyKintoneError(error(409, 'GAIA_DA02'))).toEqual({ retryable: true });
    expect(classifyKintoneError(error(429, 'CB_TO01', { 'retry-after': '2' }))).toEqual({
      retryable: true,
      retryAfterMs: 2000,
    });
    expect(classifyKintoneError(error(409, 'GAIA_CO02'))).toEqual({ retryable: false });
    expect(classifyKintoneError(error(400, 'CB_VA01'))).toEqual({ retryable: false });
    expect(classifyKintoneError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toEqual(
      { retryable: true },
    );
  });

  it('gives up after the configured attempts with a retryable IntegrationError', async () => {
    const { orders } = adapter({ maxAttempts: 3 });
    sandbox.setFaults({ rate: 1, seed: 1, kinds: ['503'] });
    const before = sandbox.requestCount();
    const error = await orders.upsert(order()).catch((e: unknown) => e);
    expect(error).toMatchObject({ system: 'kintone', retryable: true, status: 503 });
    expect(sandbox.requestCount() - before).toBe(3);
  });

  it('never duplicates a record under 20 % injected faults, lost answers included', async () => {
    const { orders } = adapter({ maxAttempts: 12 });
    sandbox.setFaults({ rate: 0.2, seed: 42, kinds: ['429', '500', '503', 'reset', 'timeout-after-commit'] });
    const batch = Array.from({ length: 60 }, () => order({ clientName: '重複テスト' }));
    await Promise.all(batch.map((o) => orders.upsert(o)));
    sandbox.setFaults(undefined);
    const { records } = await rawClient().record.getRecords({
      app: '1',
      query: 'client_name = "重複テスト" limit 500',
    });
    const ids = records.map((r) => String(r.hub_id?.value));
    expect(ids.sort()).toEqual(batch.map((o) => o.hubId).sort());
  });
});

describe('the order status through kintone process management', () => {
  const statusOf = async (recordId: string) =>
    (await rawClient().record.getRecord({ app: '1', id: recordId })).record.ステータス?.value;

  it('runs the actions that lead to the wanted status, revisions chained', async () => {
    const { orders } = adapter();
    const created = await orders.create(order({ status: 'OPEN' }));
    // 与信承認 → 承認申請 → 承認: three actions, two revisions each.
    expect(created.revision).toBe(7);
    expect(await statusOf(created.recordId)).toBe('OPEN');
    const pending = order({ status: 'PENDING_APPROVAL' });
    const first = await orders.upsert(pending);
    expect(await statusOf(first.recordId)).toBe('PENDING_APPROVAL');
    // Sent back (差戻し), then closed from wherever it is.
    const back = await orders.upsert({ ...pending, status: 'RECEIVED' });
    expect(back).toEqual({ recordId: first.recordId, revision: first.revision + 1 + 2 });
    const closed = await orders.update(first.recordId, { status: 'CLOSED' }, back.revision);
    expect(closed.revision).toBe(back.revision + 2);
    expect((await orders.get(first.recordId))?.fields.status).toBe('CLOSED');
  });

  it('does not run an action when the status is already the wanted one', async () => {
    const { orders } = adapter();
    const fields = order({ status: 'RECEIVED' });
    const first = await orders.upsert(fields);
    const again = await orders.upsert(fields);
    expect(again.revision).toBe(first.revision + 1); // the field upsert only
  });

  it('is a ConflictError when staff changed the status since the hub read it, or moved it where no action leads back', async () => {
    const { orders } = adapter();
    const created = await orders.create(order({ status: 'RECEIVED' }));
    await rawClient().record.updateRecordStatus({ app: '1', id: created.recordId, action: 'クローズ' });
    const before = sandbox.requestCount();
    await expect(
      orders.update(created.recordId, { status: 'PENDING_APPROVAL' }, created.revision),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(sandbox.requestCount() - before).toBe(1); // read only, no action run
    // CLOSED can only be reopened to OPEN: RECEIVED is out of reach, nothing is changed.
    const now = (await orders.get(created.recordId)) as { revision: number };
    await expect(orders.update(created.recordId, { status: 'RECEIVED' }, now.revision)).rejects.toThrow(
      /CLOSED; no action of the app leads from there to RECEIVED/,
    );
    expect(await statusOf(created.recordId)).toBe('CLOSED');
    expect((await orders.update(created.recordId, { status: 'OPEN' }, now.revision)).revision).toBe(
      now.revision + 2,
    );
  });

  it('finishes a status change whose answers were lost, without running an action twice', async () => {
    const { orders } = adapter();
    sandbox.setFaults({ rate: 1, seed: 5, kinds: ['timeout-after-commit'], pathFilter: 'record/status' });
    const created = await orders.create(order({ status: 'OPEN' }));
    sandbox.setFaults(undefined);
    expect(created.revision).toBe(7);
    expect(await statusOf(created.recordId)).toBe('OPEN');
  });

  it('sets statuses after a bulk upsert, 100 records per status request', async () => {
    const { orders } = adapter();
    const statuses = ['INQUIRY', 'RECEIVED', 'PENDING_APPROVAL', 'OPEN', 'CLOSED'] as const;
    const records = Array.from({ length: 250 }, (_, i) =>
      order({ clientName: '一括ステータス', status: statuses[i % statuses.length] }),
    );
    expect(await orders.upsertAll(records)).toEqual({ processed: 250 });
    // Again with each one step on: only the records whose status differs get an action.
    const next = records.map((r) => ({
      ...r,
      status: r.status === 'RECEIVED' ? ('PENDING_APPROVAL' as const) : r.status,
    }));
    expect(await orders.upsertAll(next)).toEqual({ processed: 250 });
    const all = await rawClient().record.getAllRecordsWithId({
      app: '1',
      condition: 'client_name = "一括ステータス"',
    });
    const byHubId = new Map(all.map((r) => [String(r.hub_id?.value), r.ステータス?.value]));
    expect(next.every((r) => byHubId.get(r.hubId) === r.status)).toBe(true);
  });
});

describe('bulk writes', () => {
  it('upserts thousands in bulk requests and resumes after a partial failure', async () => {
    const { orders } = adapter();
    const records = Array.from({ length: 4500 }, (_, i) => order({ clientName: 'バルク', summary: `#${i}` }));
    records[2500] = { ...(records[2500] as OrderRecord), channel: 'FAX' as OrderRecord['channel'] };
    const error = await orders.upsertAll(records).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KintoneBatchError);
    expect((error as KintoneBatchError).processed).toBe(2000);
    records[2500] = { ...(records[2500] as OrderRecord), channel: 'PHONE' };
    expect(await orders.upsertAll(records, (error as KintoneBatchError).processed)).toEqual({
      processed: 4500,
    });
    const all = await rawClient().record.getAllRecordsWithId({
      app: '1',
      condition: 'client_name = "バルク"',
    });
    expect(all).toHaveLength(4500);
    expect(new Set(all.map((r) => r.hub_id?.value)).size).toBe(4500);
  });
});

describe('the request budget', () => {
  it('keeps at most its cap in flight', async () => {
    const { orders, budget } = adapter({ maxConcurrent: 3 });
    let peak = 0;
    const timer = setInterval(() => {
      peak = Math.max(peak, budget.inFlight);
    }, 1);
    await Promise.all(Array.from({ length: 15 }, () => orders.upsert(order())));
    clearInterval(timer);
    expect(peak).toBeLessThanOrEqual(3);
    expect(peak).toBeGreaterThan(0);
  });

  it('counts requests per app and day and warns once at 80 % of the quota', async () => {
    warnings.length = 0;
    const { orders, budget } = adapter({ dailyQuota: 10 });
    for (let i = 0; i < 9; i += 1) await orders.upsert(order());
    expect(budget.count('1')).toBe(9);
    expect(warnings).toEqual([{ appId: '1', day: '2026-11-30', count: 8, quota: 10 }]);
  });
});

describe('sandbox limits and errors (kintone-shaped)', () => {
  const client = rawClient;

  it('caps reads at 500 and offsets at 10,000', async () => {
    expect(await kintoneCode(client().record.getRecords({ app: '1', query: 'limit 501' }))).toBe(
      '400 CB_VA01',
    );
    expect(await kintoneCode(client().record.getRecords({ app: '1', query: 'limit 1 offset 10001' }))).toBe(
      '400 CB_VA01',
    );
  });

  it('caps writes at 100 records and bulk requests at 20', async () => {
    const many = Array.from({ length: 101 }, () => ({
      hub_id: { value: `x${Math.random()}` },
      client_id: { value: 'c' },
      client_name: { value: 'n' },
    }));
    expect(await kintoneCode(client().record.addRecords({ app: '1', records: many }))).toBe('400 CB_VA01');
    const requests = Array.from({ length: 21 }, () => ({
      method: 'POST' as const,
      api: '/k/v1/record.json',
      payload: { app: '1', record: {} },
    }));
    expect(await kintoneCode(client().bulkRequest({ requests }))).toBe('400 CB_VA01');
  });

  it('rolls back a multi-record update when one revision is stale', async () => {
    const { orders } = adapter();
    const a = await orders.create(order());
    const b = await orders.create(order());
    await orders.update(b.recordId, { summary: '先に変更' }, 1);
    const code = await kintoneCode(
      client().record.updateRecords({
        app: '1',
        records: [
          { id: a.recordId, revision: 1, record: { summary: { value: '一括' } } },
          { id: b.recordId, revision: 1, record: { summary: { value: '一括' } } },
        ],
      }),
    );
    expect(code).toBe('409 GAIA_CO02');
    expect((await orders.get(a.recordId))?.fields.summary).toBeUndefined();
  });

  it('rolls back a whole bulk request when one part fails, naming its index', async () => {
    const { orders } = adapter();
    const a = await orders.create(order());
    const error = await client()
      .bulkRequest({
        requests: [
          {
            method: 'PUT',
            api: '/k/v1/record.json',
            payload: { app: '1', id: a.recordId, record: { summary: { value: '一つ目' } } },
          },
          {
            method: 'PUT',
            api: '/k/v1/record/status.json',
            payload: { app: '1', id: a.recordId, revision: 1, action: 'クローズ' },
          },
        ],
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'GAIA_CO02', bulkRequestIndex: 1 });
    expect((await orders.get(a.recordId))?.fields).toMatchObject({ status: 'INQUIRY' });
    expect((await orders.get(a.recordId))?.fields.summary).toBeUndefined();
  });

  it('allows 10 cursors, refuses the 11th with GAIA_TM12, and expires them', async () => {
    const ids: string[] = [];
    for (let i = 0; i < KINTONE_LIMITS.cursors; i += 1)
      ids.push((await client().record.createCursor({ app: '1', size: 1 })).id);
    expect(await kintoneCode(client().record.createCursor({ app: '1' }))).toBe('400 GAIA_TM12');
    await client().record.deleteCursor({ id: ids.pop() as string });
    expect(await kintoneCode(client().record.createCursor({ app: '1', query: 'limit 5' }))).toBe(
      '400 CB_VA01',
    );
    now = new Date(now.getTime() + 61_000);
    expect(await kintoneCode(client().record.getRecordsByCursor({ id: ids[0] as string }))).toBe(
      '404 GAIA_CU01',
    );
    now = new Date('2026-11-30T01:00:00Z');
  });

  it('reads everything through a cursor as the official client does', async () => {
    const all = await client().record.getAllRecordsWithCursor({ app: '1', query: 'client_name = "バルク"' });
    expect(all.length).toBe(4500);
  });

  it('answers 429 beyond 100 concurrent requests', async () => {
    sandbox.setLatency(100);
    const results = await Promise.all(
      Array.from({ length: 130 }, () =>
        kintoneCode(client().record.getRecords({ app: '1', query: 'limit 1' })),
      ),
    );
    sandbox.setLatency(0);
    expect(results.filter((r) => r === '429 CB_TO01').length).toBeGreaterThan(0);
    expect(results.filter((r) => r === 'no error').length).toBeGreaterThan(0);
  });

  it('checks the API token per app', async () => {
    const wrong = new KintoneRestAPIClient({
      baseUrl: sandbox.url,
      auth: { apiToken: sandbox.tokens['2'] as string },
    });
    expect(await kintoneCode(wrong.record.getRecords({ app: '1' }))).toBe('403 GAIA_IA02');
  });

  it('answers an unsupported query with an error instead of ignoring it', async () => {
    expect(await kintoneCode(client().record.getRecords({ app: '1', query: '更新日時 > TODAY()' }))).toBe(
      '400 CB_VA01',
    );
    expect(await kintoneCode(client().record.getRecords({ app: '1', query: 'nosuch = "x"' }))).toBe(
      '400 GAIA_IQ11',
    );
  });

  it('serves the form fields and layout', async () => {
    const { properties } = await client().app.getFormFields({ app: '1' });
    expect(properties.hub_id).toMatchObject({ type: 'SINGLE_LINE_TEXT', unique: true, required: true });
    const { layout } = await client().app.getFormLayout({ app: '1' });
    expect(layout.length).toBeGreaterThan(0);
  });
});

beforeEach(() => {
  now = new Date('2026-11-30T01:00:00Z');
});
