/**
 * The official cli-kintone against the sandbox: export the orders app to CSV, change it, import
 * it back keyed by hub_id — records are updated, new ones added, none duplicated. As on kintone,
 * the status (process management) is neither exported nor imported, and an import sends no webhook.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { KintoneRestAPIClient } from '@kintone/rest-api-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sandboxKintoneApps } from '../../test/support/kintone.js';
import { type KintoneSandbox, startKintoneSandbox } from './kintone.sandbox.js';

const run = promisify(execFile);
let sandbox: KintoneSandbox;

beforeAll(async () => {
  // A webhook URL nobody listens on: the import must not even try to notify it.
  sandbox = await startKintoneSandbox({ webhookUrl: 'http://127.0.0.1:9/webhooks/kintone' });
});
afterAll(() => sandbox.stop());

const cli = (...args: string[]) =>
  run(
    'node_modules/.bin/cli-kintone',
    [
      'record',
      ...args,
      '--base-url',
      sandbox.url,
      '--app',
      '1',
      '--api-token',
      sandbox.tokens['1'] as string,
    ],
    { timeout: 30_000 },
  );

const rawStatuses = async () => {
  const { records } = await new KintoneRestAPIClient({
    baseUrl: sandbox.url,
    auth: { apiToken: sandbox.tokens['1'] as string },
  }).record.getRecords({ app: '1', query: 'hub_id like "ord_cli_"' });
  return new Map(records.map((r) => [String(r.hub_id?.value), r.ステータス?.value]));
};

it('exports and imports records with cli-kintone', async () => {
  const { orders } = sandboxKintoneApps(sandbox);
  for (const i of [1, 2, 3]) {
    await orders.upsert({
      hubId: `ord_cli_${i}`,
      clientId: `cli_${i}`,
      clientName: `株式会社CSV${i}`,
      status: i === 2 ? 'RECEIVED' : 'INQUIRY',
    });
  }
  const sentBefore = sandbox.webhookStats().sent;

  const exported = (await cli('export')).stdout;
  const lines = exported.trim().split('\n');
  expect(lines[0]).toContain('"hub_id"');
  expect(lines).toHaveLength(4);
  expect(exported).toContain('"株式会社CSV2"');
  expect(lines[0]).not.toContain('ステータス');

  // Drop the system columns, rename one order's client, and add a new one.
  const header = '"hub_id","client_id","client_name","summary"';
  const rows = ['"ord_cli_2","cli_2","株式会社CSV2改","CSVで修正"', '"ord_cli_4","cli_4","株式会社CSV4",""'];
  const file = join(mkdtempSync(join(tmpdir(), 'cli-')), 'orders.csv');
  writeFileSync(file, `${[header, ...rows].join('\n')}\n`);
  const imported = await cli('import', '--file-path', file, '--update-key', 'hub_id');
  expect(imported.stderr).toContain('Imported 2 records successfully');

  const after = (await cli('export')).stdout.trim().split('\n');
  expect(after).toHaveLength(5);
  expect(after.find((l) => l.includes('"ord_cli_2"'))).toContain('"株式会社CSV2改"');
  expect(after.filter((l) => l.includes('"ord_cli_2"'))).toHaveLength(1);
  // The import changed fields only: the status stays, the new record starts in the first state.
  const statuses = await rawStatuses();
  expect(statuses.get('ord_cli_2')).toBe('RECEIVED');
  expect(statuses.get('ord_cli_4')).toBe('INQUIRY');
  expect(sandbox.webhookStats().sent).toBe(sentBefore);
}, 60_000);
