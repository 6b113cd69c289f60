/**
 * `npm run gstaff:import -- <export.csv> [--utf8] [--workers]`: refreshes the local hub's G-Staff
 * mirror from a client-register CSV export (Shift_JIS by default) — or, with `--workers`, from a
 * worker-register export (スタッフ台帳) — printing every issue found.
 * Needs `npm start` running (it writes to its DynamoDB Local).
 */
import { readFileSync } from 'node:fs';
import { mirrorGStaffClients } from '../core/gstaff/gstaff-mirror.js';
import { mirrorWorkerRegister } from '../core/gstaff/worker-register-mirror.js';
import { randomIds } from '../core/ids.js';
import { defaultPolicy } from '../core/policy-config.js';
import { createDocumentClient } from '../integrations/dynamodb/dynamodb-client.js';
import { DynamoDbClientLedger } from '../integrations/dynamodb/dynamodb-client-ledger.adapter.js';
import { parseGStaffClientCsv, parseGStaffWorkerCsv } from '../integrations/gstaff/gstaff-csv-import.js';
import { systemClock } from '../integrations/system-clock.js';
import { localConfig } from './local-config.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main() {
  const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!file) throw new Error('give the CSV file: npm run gstaff:import -- export.csv [--utf8] [--workers]');
  const config = localConfig(process.env);
  const encoding = process.argv.includes('--utf8') ? 'utf-8' : 'cp932';
  const workers = process.argv.includes('--workers');
  const parsed = workers
    ? { kind: 'workers' as const, ...parseGStaffWorkerCsv(readFileSync(file), { encoding }) }
    : { kind: 'clients' as const, ...parseGStaffClientCsv(readFileSync(file), { encoding }) };
  const { issues } = parsed;
  for (const issue of issues) console.log(`line ${issue.line}, ${issue.column}: ${issue.message}`);
  const db = createDocumentClient({ region: 'local', endpoint: `http://127.0.0.1:${config.DYNAMODB_PORT}` });
  const ledger = new DynamoDbClientLedger(db, { tableName: config.LEDGER_TABLE_NAME });
  const deps = { ledger, clock: systemClock, ids: randomIds, policy: defaultPolicy };
  const result =
    parsed.kind === 'workers'
      ? await mirrorWorkerRegister(deps, parsed.workers, 'csv')
      : await mirrorGStaffClients(deps, parsed.records, 'csv');
  console.log(
    `${result.seen} records read, ${result.changed} changed in the mirror, ${issues.length} issues`,
  );
  db.destroy();
}

main().catch((error: unknown) => {
  console.error(`G-Staff CSV import failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
