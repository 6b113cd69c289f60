/**
 * `npm run gstaff:import -- <export.csv> [--utf8] [--workers]`: refreshes the local hub's G-Staff
 * mirror from a client-register CSV export (Shift_JIS by default), printing every issue found. The
 * same import as the S3 drop on AWS (`importGStaffClientCsv`): one run of the `gstaff.mirror` job.
 * With `--workers`, it reads a worker-register export (スタッフ台帳) into the worker register.
 * Needs `npm start` running (it writes to its DynamoDB Local).
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { mirrorWorkerRegister } from '../core/gstaff/worker-register-mirror.js';
import { randomIds } from '../core/ids.js';
import { defaultPolicy } from '../core/policy-config.js';
import { createDocumentClient } from '../integrations/dynamodb/dynamodb-client.js';
import { DynamoDbClientLedger } from '../integrations/dynamodb/dynamodb-client-ledger.adapter.js';
import { importGStaffClientCsv, parseGStaffWorkerCsv } from '../integrations/gstaff/gstaff-csv-import.js';
import { systemClock } from '../integrations/system-clock.js';
import { localConfig } from './local-config.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main() {
  const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!file) throw new Error('give the CSV file: npm run gstaff:import -- export.csv [--utf8] [--workers]');
  const config = localConfig(process.env);
  const db = createDocumentClient({ region: 'local', endpoint: `http://127.0.0.1:${config.DYNAMODB_PORT}` });
  const ledger = new DynamoDbClientLedger(db, { tableName: config.LEDGER_TABLE_NAME });
  const deps = { ledger, clock: systemClock, ids: randomIds, policy: defaultPolicy };
  const encoding = process.argv.includes('--utf8') ? 'utf-8' : 'cp932';
  if (process.argv.includes('--workers')) {
    const { workers, issues } = parseGStaffWorkerCsv(readFileSync(file), { encoding });
    for (const issue of issues) console.log(`line ${issue.line}, ${issue.column}: ${issue.message}`);
    const result = await mirrorWorkerRegister(deps, workers, 'csv');
    console.log(
      `${result.seen} workers read, ${result.changed} changed in the register, ${issues.length} issues`,
    );
    db.destroy();
    return;
  }
  const { outcome, issues } = await importGStaffClientCsv(deps, readFileSync(file), {
    encoding,
    trigger: 'CLI',
    holder: `gstaff-import:${hostname()}:${process.pid}`,
    leaseMs: 120_000,
  });
  for (const issue of issues) console.log(`line ${issue.line}, ${issue.column}: ${issue.message}`);
  if (!('runId' in outcome)) {
    console.log(`the G-Staff mirror is being synced (${outcome.holder}); try again in a moment`);
    process.exitCode = 1;
  } else {
    const c = outcome.counts;
    console.log(
      `${c.read} rows read, ${c.updated} changed in the mirror, ${c.failed} skipped, ${issues.length} issues (run ${outcome.runId})`,
    );
  }
  db.destroy();
}

main().catch((error: unknown) => {
  console.error(`G-Staff CSV import failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
