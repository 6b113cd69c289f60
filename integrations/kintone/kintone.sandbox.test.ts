/**
 * Sandbox behaviours beyond the adapter's: process management as kintone has it, webhooks as
 * kintone sends them (shapes, what sends none, 60 a minute, no retry), persistence between
 * runs, guest-space paths, and seeding and paging many records. Requirements: A7-3, X-3.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KintoneRestAPIClient, KintoneRestAPIError } from '@kintone/rest-api-client';
import { afterEach, describe, expect, it } from 'vitest';
import { type KintoneSandbox, type KintoneSandboxOptions, startKintoneSandbox } from './kintone.sandbox.js';

const record = (hubId: string) => ({
  hub_id: { value: hubId },
  client_id: { value: 'cli_1' },
  client_name: { value: '株式会社フック' },
});

const started: { sandbox?: KintoneSandbox; receiver?: Server }[] = [];
afterEach(async () => {
  for (const { sandbox, receiver } of started.splice(0)) {
    await sandbox?.stop();
    receiver?.closeAllConnections();
    receiver?.close();
  }
});

async function sandboxWith(options: KintoneSandboxOptions = {}) {
  const sandbox = await startKintoneSandbox(options);
  started.push({ sandbox });
  const client = (app = '1') =>
    new KintoneRestAPIClient({ baseUrl: sandbox.url, auth: { apiToken: sandbox.tokens[app] as string } });
  return { sandbox, client };
}

/** A webhook receiver: what it was sent, and how it answers (status, or never). */
async function receiver(answer: 'ok' | 'error' | 'never' = 'ok') {
  const received: Record<string, unknown>[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push(JSON.parse(body));
      if (answer === 'ok') res.end('{}');
      if (answer === 'error') {
        res.statusCode = 500;
        res.end();
      }
    });
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  started.push({ receiver: server });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/kintone`, received };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (e: unknown) => (e instanceof KintoneRestAPIError ? `${e.status} ${e.code}` : String(e)),
  );

describe('process management on the orders app', () => {
  it('serves the states and actions, starts a record in the first state and moves it only by action', async () => {
    const { client } = await sandboxWith();
    const settings = await client().app.getProcessManagement({ app: '1' });
    expect(settings.enable).toBe(true);
    expect(Object.values(settings.states ?? {}).map((s) => [s.name, s.index])).toEqual([
      ['INQUIRY', '0'],
      ['RECEIVED', '1'],
      ['PENDING_APPROVAL', '2'],
      ['OPEN', '3'],
      ['CLOSED', '4'],
    ]);
    expect(settings.actions).toContainEqual(
      expect.objectContaining({ name: '差戻し', from: 'PENDING_APPROVAL', to: 'RECEIVED' }),
    );
    expect((await client('2').app.getProcessManagement({ app: '2' })).enable).toBe(false);

    const { id, revision } = await client().record.addRecord({ app: '1', record: record('pm-1') });
    const read = async () => (await client().record.getRecord({ app: '1', id })).record;
    expect(await read()).toMatchObject({
      ステータス: { type: 'STATUS', value: 'INQUIRY' },
      作業者: { type: 'STATUS_ASSIGNEE', value: [] },
    });
    // ステータス cannot be written as a field: kintone ignores it.
    const edited = await client().record.updateRecord({
      app: '1',
      id,
      record: { ステータス: { value: 'OPEN' }, summary: { value: '変更' } },
    });
    expect(Number(edited.revision)).toBe(Number(revision) + 1);
    expect((await read()).ステータス?.value).toBe('INQUIRY');

    // An action adds two revisions; one not available from the current status is refused.
    const moved = await client().record.updateRecordStatus({
      app: '1',
      id,
      action: '与信承認',
      assignee: 'sato',
    });
    expect(Number(moved.revision)).toBe(Number(edited.revision) + 2);
    expect(await read()).toMatchObject({
      ステータス: { value: 'RECEIVED' },
      作業者: { value: [{ code: 'sato', name: 'sato' }] },
    });
    expect(await codeOf(client().record.updateRecordStatus({ app: '1', id, action: '承認' }))).toBe(
      '400 GAIA_IL03',
    );
    expect(
      await codeOf(
        client().record.updateRecordStatus({ app: '1', id, action: '承認申請', revision: edited.revision }),
      ),
    ).toBe('409 GAIA_CO02');
    expect((await read()).ステータス?.value).toBe('RECEIVED');
    const { records } = await client().record.getRecords({
      app: '1',
      query: 'ステータス in ("RECEIVED", "OPEN")',
    });
    expect(records.map((r) => r.hub_id?.value)).toEqual(['pm-1']);
    expect(await codeOf(client('2').record.updateRecordStatus({ app: '2', id: 1, action: '承認' }))).toBe(
      '400 GAIA_ST02',
    );
  });

  it('changes up to 100 statuses in one request, all or nothing', async () => {
    const { client } = await sandboxWith();
    const { ids } = await client().record.addRecords({
      app: '1',
      records: [record('many-1'), record('many-2'), record('many-3')],
    });
    const [a, b, c] = ids as [string, string, string];
    // The third action is not available from INQUIRY: nothing changes.
    expect(
      await codeOf(
        client().record.updateRecordsStatus({
          app: '1',
          records: [
            { id: a, action: '与信承認' },
            { id: b, action: 'クローズ' },
            { id: c, action: '再開' },
          ],
        }),
      ),
    ).toBe('400 GAIA_IL03');
    const statuses = async () =>
      (await client().record.getRecords({ app: '1', query: 'order by $id asc' })).records.map(
        (r) => r.ステータス?.value,
      );
    expect(await statuses()).toEqual(['INQUIRY', 'INQUIRY', 'INQUIRY']);
    const done = await client().record.updateRecordsStatus({
      app: '1',
      records: [
        { id: a, action: '与信承認', revision: 1 },
        { id: b, action: 'クローズ' },
      ],
    });
    expect(done.records).toEqual([
      { id: a, revision: '3' },
      { id: b, revision: '3' },
    ]);
    expect(await statuses()).toEqual(['RECEIVED', 'CLOSED', 'INQUIRY']);
    const tooMany = Array.from({ length: 101 }, () => ({ id: c, action: 'クローズ' }));
    expect(await codeOf(client().record.updateRecordsStatus({ app: '1', records: tooMany }))).toBe(
      '400 CB_VA01',
    );
  });

  it('keeps statuses on disk, and reads records saved before process management as the first state', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'kintone-')), 'kintone.json');
    const at = '2026-11-01T00:00:00Z';
    const old = { hub_id: 'old-1', client_id: 'c', client_name: '株式会社旧' };
    writeFileSync(
      dataFile,
      JSON.stringify({
        '1': { nextId: 2, records: [{ id: 1, revision: 4, values: old, createdAt: at, updatedAt: at }] },
      }),
    );
    const first = await sandboxWith({ dataFile });
    expect((await first.client().record.getRecord({ app: '1', id: 1 })).record.ステータス?.value).toBe(
      'INQUIRY',
    );
    const { records } = await first.client().record.getRecords({ app: '1', query: 'ステータス = "INQUIRY"' });
    expect(records).toHaveLength(1);
    await first.client().record.updateRecordStatus({ app: '1', id: 1, action: 'クローズ' });
    await first.sandbox.stop();
    started.length = 0;

    const second = await sandboxWith({ dataFile });
    expect((await second.client().record.getRecord({ app: '1', id: 1 })).record).toMatchObject({
      ステータス: { value: 'CLOSED' },
      $revision: { value: '6' },
    });
  });
});

describe('webhooks as kintone sends them', () => {
  it('sends ADD_RECORD, UPDATE_RECORD, UPDATE_STATUS and DELETE_RECORD in kintone’s shapes, each with its own id', async () => {
    const hook = await receiver();
    const { sandbox, client } = await sandboxWith({
      webhookUrl: hook.url,
      now: () => new Date('2026-12-01T03:04:05.678Z'),
    });
    const { id } = await client().record.addRecord({ app: '1', record: record('hook-1') });
    await client().record.updateRecord({ app: '1', id, record: { summary: { value: '編集' } } });
    await client().record.updateRecordStatus({ app: '1', id, action: '与信承認' });
    sandbox.screen.deleteRecord('1', id, { code: 'sato', name: '佐藤 升' });
    await sandbox.webhooksSettled();

    const byType = new Map(hook.received.map((n) => [n.type, n]));
    expect([...byType.keys()].sort()).toEqual([
      'ADD_RECORD',
      'DELETE_RECORD',
      'UPDATE_RECORD',
      'UPDATE_STATUS',
    ]);
    expect(new Set(hook.received.map((n) => n.id)).size).toBe(4);
    for (const type of ['ADD_RECORD', 'UPDATE_RECORD', 'UPDATE_STATUS']) {
      const n = byType.get(type) as Record<string, unknown>;
      expect(Object.keys(n).sort()).toEqual(['app', 'id', 'record', 'recordTitle', 'type', 'url']);
      expect(n).toMatchObject({
        app: { id: '1', name: 'オーダー管理 (orders)' },
        record: { $id: { type: '__ID__', value: id }, hub_id: { value: 'hook-1' } },
        recordTitle: '株式会社フック',
        url: `${sandbox.url}/k/1/show#record=${id}`,
      });
    }
    expect(byType.get('UPDATE_RECORD')).toMatchObject({
      record: { summary: { value: '編集' }, $revision: { value: '2' } },
    });
    expect(byType.get('UPDATE_STATUS')).toMatchObject({
      record: { ステータス: { value: 'RECEIVED' }, $revision: { value: '4' } },
    });
    expect(byType.get('DELETE_RECORD')).toEqual({
      id: expect.any(String),
      type: 'DELETE_RECORD',
      app: { id: '1', name: 'オーダー管理 (orders)' },
      recordId: id,
      deletedBy: { code: 'sato', name: '佐藤 升' },
      deletedAt: '2026-12-01T03:04:05Z',
    });
    expect(sandbox.webhookStats()).toEqual({ sent: 4, dropped: 0, delivered: 4, failed: 0 });
  });

  it('sends none for multi-record APIs, bulk requests and status changes of many records', async () => {
    const hook = await receiver();
    const { sandbox, client } = await sandboxWith({ webhookUrl: hook.url });
    const { ids } = await client().record.addRecords({
      app: '1',
      records: [record('bulk-1'), record('bulk-2')],
    });
    await client().record.updateRecords({
      app: '1',
      records: (ids as string[]).map((id) => ({ id, record: { summary: { value: '一括' } } })),
    });
    await client().record.updateRecordsStatus({
      app: '1',
      records: (ids as string[]).map((id) => ({ id, action: '与信承認' })),
    });
    await client().bulkRequest({
      requests: [
        { method: 'POST', api: '/k/v1/record.json', payload: { app: '1', record: record('bulk-3') } },
        {
          method: 'PUT',
          api: '/k/v1/record/status.json',
          payload: { app: '1', id: ids?.[0], action: '承認申請' },
        },
      ],
    });
    await client().record.deleteRecords({ app: '1', ids: [ids?.[1] as string] });
    await sandbox.webhooksSettled();
    expect(hook.received).toEqual([]);
    expect(sandbox.webhookStats()).toEqual({ sent: 0, dropped: 0, delivered: 0, failed: 0 });
  });

  it('sends at most 60 a minute for the whole domain and drops the rest silently', async () => {
    const hook = await receiver();
    let now = new Date('2026-12-01T00:00:00Z');
    const { sandbox, client } = await sandboxWith({ webhookUrl: hook.url, now: () => now });
    for (let i = 0; i < 70; i += 1) {
      // Both apps count against the same domain limit.
      if (i % 2) await client().record.addRecord({ app: '1', record: record(`rate-${i}`) });
      else
        await client('2').record.addRecord({
          app: '2',
          record: {
            hub_id: { value: `visit-${i}` },
            client_id: { value: 'c' },
            client_name: { value: '株式会社訪問' },
            sales_rep_id: { value: 'rep' },
            visited_at: { value: '2026-12-01T00:00:00Z' },
            ended_at: { value: '2026-12-01T01:00:00Z' },
            recorded_at: { value: '2026-12-01T02:00:00Z' },
            record_timeliness: { value: 'ON_TIME' },
            work_judgment: { value: 'PERMITTED' },
            outcome: { value: 'NO_REQUEST_YET' },
            summary: { value: '訪問' },
          },
        });
    }
    await sandbox.webhooksSettled();
    expect(hook.received).toHaveLength(60);
    expect(sandbox.webhookStats()).toMatchObject({ sent: 60, dropped: 10 });
    // A minute after the first one, notifications go out again.
    now = new Date('2026-12-01T00:01:00Z');
    await client().record.addRecord({ app: '1', record: record('rate-after') });
    await sandbox.webhooksSettled();
    expect(hook.received).toHaveLength(61);
    expect(sandbox.webhookStats()).toMatchObject({ sent: 61, dropped: 10 });
  });

  it('takes a webhook URL after start, and can be switched off', async () => {
    const hook = await receiver();
    const { sandbox, client } = await sandboxWith();
    await client().record.addRecord({ app: '1', record: record('before') });
    sandbox.setWebhookUrl(hook.url);
    await client().record.addRecord({ app: '1', record: record('during') });
    sandbox.setWebhookUrl(undefined);
    await client().record.addRecord({ app: '1', record: record('after') });
    await sandbox.webhooksSettled();
    expect(hook.received.map((n) => (n.record as { hub_id: { value: string } }).hub_id.value)).toEqual([
      'during',
    ]);
    expect(sandbox.webhookStats()).toEqual({ sent: 1, dropped: 0, delivered: 1, failed: 0 });
  });

  it('delivers once, with a timeout, and never retries a failed delivery', async () => {
    const failing = await receiver('error');
    const silent = await receiver('never');
    const { sandbox, client } = await sandboxWith({ webhookUrl: failing.url, webhookTimeoutMs: 200 });
    await client().record.addRecord({ app: '1', record: record('fails') });
    await sandbox.webhooksSettled();
    sandbox.setWebhookUrl(silent.url);
    await client().record.addRecord({ app: '1', record: record('times-out') });
    await sandbox.webhooksSettled();
    expect(failing.received).toHaveLength(1);
    expect(silent.received).toHaveLength(1);
    expect(sandbox.webhookStats()).toEqual({ sent: 2, dropped: 0, delivered: 0, failed: 2 });
  });
});

describe('records', () => {
  it('keeps its records between runs when given a data file', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'kintone-')), 'kintone.json');
    const first = await sandboxWith({ dataFile });
    await first.client().record.addRecord({ app: '1', record: record('kept-1') });
    await first.sandbox.stop();
    started.length = 0;

    const second = await sandboxWith({ dataFile });
    const { records } = await second.client().record.getRecords({ app: '1', query: 'hub_id = "kept-1"' });
    expect(records).toHaveLength(1);
    const { id } = await second.client().record.addRecord({ app: '1', record: record('kept-2') });
    expect(id).toBe('2'); // record numbers continue
  });

  it('serves guest-space paths', async () => {
    const { sandbox } = await sandboxWith();
    const guest = new KintoneRestAPIClient({
      baseUrl: sandbox.url,
      guestSpaceId: 7,
      auth: { apiToken: sandbox.tokens['1'] as string },
    });
    const { id } = await guest.record.addRecord({ app: '1', record: record('guest-1') });
    expect((await guest.record.getRecord({ app: '1', id })).record.hub_id?.value).toBe('guest-1');
  });

  it('seeds many records at once and pages through them by $id and by 更新日時 without missing or repeating one', async () => {
    const { sandbox, client } = await sandboxWith();
    const base = Date.parse('2026-11-01T00:00:00Z');
    const statuses = ['INQUIRY', 'OPEN', 'CLOSED'];
    // Update times out of $id order, several records per second.
    const seeded = sandbox.store.seed('1', 5000, (i) => ({
      values: { hub_id: `seed-${i}`, client_id: 'c', client_name: `株式会社${i}` },
      status: statuses[i % 3] as string,
      updatedAt: new Date(base + ((i * 7919) % 1000) * 1000),
    }));
    expect(seeded).toEqual({ firstId: 1, lastId: 5000 });
    expect(
      (await client().record.getRecords({ app: '1', query: 'ステータス in ("OPEN")', totalCount: true }))
        .totalCount,
    ).toBe('1667');

    const byId: number[] = [];
    for (let last = 0; ; ) {
      const { records } = await client().record.getRecords({
        app: '1',
        query: `$id > ${last} order by $id asc limit 500`,
        fields: ['$id'],
      });
      if (!records.length) break;
      byId.push(...records.map((r) => Number(r.$id?.value)));
      last = byId.at(-1) as number;
    }
    expect(byId).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));

    // Watermark paging: from the last page's time, skipping what was already seen at that time.
    const seen: { id: number; at: string }[] = [];
    const keys = new Set<string>();
    let watermark = '2026-10-31T00:00:00Z';
    for (;;) {
      const { records } = await client().record.getRecords({
        app: '1',
        query: `更新日時 >= "${watermark}" order by 更新日時 asc, $id asc limit 500`,
        fields: ['$id', '更新日時'],
      });
      const fresh = records
        .map((r) => ({ id: Number(r.$id?.value), at: String(r.更新日時?.value) }))
        .filter((r) => !keys.has(`${r.id}@${r.at}`));
      if (!fresh.length) break;
      seen.push(...fresh);
      for (const r of fresh) keys.add(`${r.id}@${r.at}`);
      watermark = (fresh.at(-1) as { at: string }).at;
    }
    expect(new Set(seen.map((s) => s.id)).size).toBe(5000);
    const order = seen.map((s) => `${s.at}#${String(s.id).padStart(5, '0')}`);
    expect(order).toEqual([...order].sort());
    // The same pages as a full sort gives.
    const sorted = sandbox.store.query('1', 'order by 更新日時 asc, $id asc').records.map((r) => r.id);
    expect(seen.map((s) => s.id)).toEqual(sorted);
  });
});
