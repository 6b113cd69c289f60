/**
 * The official cli-kintone against the sandbox: export the orders app to CSV, change it, import
 * it back keyed by hub_id — records are updated, new ones added, none duplicated.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sandboxKintoneApps } from '../../test/support/kintone.js';
import { type KintoneSandbox, startKintoneSandbox } from './kintone.sandbox.js';

const run = promisify(execFile);
let sandbox: KintoneSandbox;

beforeAll(async () => {
  sandbox = await startKintoneSandbox();
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

it('exports and imports records with cli-kintone', async () => {
  const { orders } = sandboxKintoneApps(sandbox);
  for (const i of [1, 2, 3]) {
    await orders.upsert({
      hubId: `ord_cli_${i}`,
      clientId: `cli_${i}`,
      clientName: `株式会社CSV${i}`,
      status: 'INQUIRY',
    });
  }

  const exported = (await cli('export')).stdout;
  const lines = exported.trim().split('\n');
  expect(lines[0]).toContain('"hub_id"');
  expect(lines).toHaveLength(4);
  expect(exported).toContain('"株式会社CSV2"');

  // Drop the system columns, move one order on, and add a new one.
  const header = '"hub_id","client_id","client_name","status"';
  const rows = [
    '"ord_cli_2","cli_2","株式会社CSV2","RECEIVED"',
    '"ord_cli_4","cli_4","株式会社CSV4","INQUIRY"',
  ];
  const file = join(mkdtempSync(join(tmpdir(), 'cli-')), 'orders.csv');
  writeFileSync(file, `${[header, ...rows].join('\n')}\n`);
  const imported = await cli('import', '--file-path', file, '--update-key', 'hub_id');
  expect(imported.stderr).toContain('Imported 2 records successfully');

  const after = (await cli('export')).stdout.trim().split('\n');
  expect(after).toHaveLength(5);
  expect(after.find((l) => l.includes('"ord_cli_2"'))).toContain('"RECEIVED"');
  expect(after.filter((l) => l.includes('"ord_cli_2"'))).toHaveLength(1);
}, 60_000);
