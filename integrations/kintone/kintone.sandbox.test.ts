/** Sandbox behaviours beyond the adapter's: webhooks, persistence between runs, guest-space paths. */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KintoneRestAPIClient } from '@kintone/rest-api-client';
import { describe, expect, it } from 'vitest';
import { startKintoneSandbox } from './kintone.sandbox.js';

const record = (hubId: string) => ({
  hub_id: { value: hubId },
  client_id: { value: 'cli_1' },
  client_name: { value: '株式会社フック' },
  status: { value: 'INQUIRY' },
});

describe('kintone sandbox', () => {
  it('notifies single-record changes like kintone, and none for bulk APIs', async () => {
    const received: { type: string; app: { id: string }; record: { hub_id: { value: string } } }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.end('{}');
      });
    }).listen(0, '127.0.0.1');
    await new Promise((r) => receiver.once('listening', r));
    const sandbox = await startKintoneSandbox({
      webhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/kintone`,
    });
    try {
      const client = new KintoneRestAPIClient({
        baseUrl: sandbox.url,
        auth: { apiToken: sandbox.tokens['1'] as string },
      });
      const { id } = await client.record.addRecord({ app: '1', record: record('hook-1') });
      await client.record.updateRecord({ app: '1', id, record: { status: { value: 'RECEIVED' } } });
      await client.record.addRecords({ app: '1', records: [record('bulk-1'), record('bulk-2')] });
      await new Promise((r) => setTimeout(r, 200));
      expect(received.map((n) => [n.type, n.app.id, n.record.hub_id.value])).toEqual([
        ['ADD_RECORD', '1', 'hook-1'],
        ['UPDATE_RECORD', '1', 'hook-1'],
      ]);
    } finally {
      await sandbox.stop();
      receiver.close();
    }
  });

  it('keeps its records between runs when given a data file', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'kintone-')), 'kintone.json');
    const first = await startKintoneSandbox({ dataFile });
    const client1 = new KintoneRestAPIClient({
      baseUrl: first.url,
      auth: { apiToken: first.tokens['1'] as string },
    });
    await client1.record.addRecord({ app: '1', record: record('kept-1') });
    await first.stop();

    const second = await startKintoneSandbox({ dataFile });
    try {
      const client2 = new KintoneRestAPIClient({
        baseUrl: second.url,
        auth: { apiToken: second.tokens['1'] as string },
      });
      const { records } = await client2.record.getRecords({ app: '1', query: 'hub_id = "kept-1"' });
      expect(records).toHaveLength(1);
      const { id } = await client2.record.addRecord({ app: '1', record: record('kept-2') });
      expect(id).toBe('2'); // record numbers continue
    } finally {
      await second.stop();
    }
  });

  it('serves guest-space paths', async () => {
    const sandbox = await startKintoneSandbox();
    try {
      const guest = new KintoneRestAPIClient({
        baseUrl: sandbox.url,
        guestSpaceId: 7,
        auth: { apiToken: sandbox.tokens['1'] as string },
      });
      const { id } = await guest.record.addRecord({ app: '1', record: record('guest-1') });
      expect((await guest.record.getRecord({ app: '1', id })).record.hub_id?.value).toBe('guest-1');
    } finally {
      await sandbox.stop();
    }
  });
});
