/**
 * `npm run bench:sync`: the kintone → hub reconciliation against the kintone sandbox holding
 * 50,000 order records (SYNC_BENCH_RECORDS to change), in one run, written to
 * docs/benchmarks.md:
 * - the read side of a full sync (fetch and map, no ledger writes) next to the official
 *   `cli-kintone record export` of the same app;
 * - the full sync with its audited ledger writes: rate, kintone requests, peak RSS of this
 *   process (the sandbox runs in a process of its own, DynamoDB Local in Java);
 * - an incremental run after 1 % of the records changed: kintone requests used.
 * Loopback only; every loop is bounded by the record count.
 */
import { execFile, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { KintoneRestAPIClient } from '@kintone/rest-api-client';
import { randomIds } from '../core/ids.js';
import type { OrderRecord } from '../core/kintone/order.js';
import { defaultPolicy } from '../core/policy-config.js';
import { reconcileKintoneApp } from '../core/sync/reconcile-kintone.js';
import type { SyncRun } from '../core/sync/sync-model.js';
import { startDynamoDbLocal } from '../dev/dynamodb-local.js';
import { createDocumentClient } from '../integrations/dynamodb/dynamodb-client.js';
import { DynamoDbClientLedger } from '../integrations/dynamodb/dynamodb-client-ledger.adapter.js';
import { ensureLedgerTable } from '../integrations/dynamodb/ensure-table.js';
import type { RestKintoneApp } from '../integrations/kintone/kintone-app.adapter.js';
import { createKintoneApps, kintoneSettings } from '../integrations/kintone/kintone-config.js';
import { systemClock } from '../integrations/system-clock.js';
import { writeSection } from './report.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';

const RECORDS = Number(process.env.SYNC_BENCH_RECORDS ?? 50_000);
const OVERLAP_MS = 10_000;
const SEED_CHUNK = 2_000;
const run = promisify(execFile);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function startSandboxProcess() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/kintone-sandbox.process.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((ok, fail) => {
    createInterface({ input: child.stdout }).once('line', ok);
    child.once('exit', (code) => fail(new Error(`sandbox exited with ${code}`)));
  });
  const info = JSON.parse(line) as { url: string; tokens: Record<string, string> };
  return { ...info, stop: () => child.kill('SIGTERM') };
}

async function main() {
  const loadAtStart = loadavg()[0] ?? 0;
  const sandbox = await startSandboxProcess();
  const dynamo = await startDynamoDbLocal({ port: 0, readyTimeoutMs: 120_000 });
  const db = createDocumentClient({ region: 'local', endpoint: dynamo.endpoint });
  try {
    await ensureLedgerTable(db, 'bench-sync');
    const hub = {
      ledger: new DynamoDbClientLedger(db, { tableName: 'bench-sync' }),
      clock: systemClock,
      ids: randomIds,
      policy: defaultPolicy,
    };
    const settings = kintoneSettings({});
    const apps = createKintoneApps(
      settings,
      {
        baseUrl: sandbox.url,
        orders: { appId: '1', apiToken: sandbox.tokens['1'] as string },
        visits: { appId: '2', apiToken: sandbox.tokens['2'] as string },
      },
      hub.clock,
      () => undefined,
    );
    const deps = { ...hub, kintoneApps: { orders: apps.ordersApp, visits: apps.visitRecordsApp } };

    // The app as the agency's staff would have it: RECORDS orders, written in bulk, made a chunk
    // at a time so this process never holds them all.
    const seedStart = performance.now();
    const ordersApp = apps.ordersApp as RestKintoneApp<OrderRecord>;
    for (let from = 0; from < RECORDS; from += SEED_CHUNK) {
      await ordersApp.upsertAll(
        Array.from({ length: Math.min(SEED_CHUNK, RECORDS - from) }, (_, j) => {
          const i = from + j;
          return {
            hubId: `ord_bench_${i}`,
            clientId: `cl_bench_${i % 500}`,
            clientName: `株式会社ベンチ${i % 500}`,
            status: 'INQUIRY',
            jobCategory: '軽作業',
            summary: `倉庫内軽作業 ${i}`,
          };
        }),
      );
    }
    const seedSeconds = (performance.now() - seedStart) / 1000;

    // 1. The read side: every page fetched and mapped, nothing written.
    let read = 0;
    let readRequests = 0;
    const readStart = performance.now();
    for (let after = 0; ; ) {
      const page = await apps.ordersApp.listPage({ order: 'ID', afterRecordId: after, limit: 500 });
      readRequests += 1;
      read += page.length;
      if (page.length < 500) break;
      after = Number(page.at(-1)?.recordId);
    }
    const readSeconds = (performance.now() - readStart) / 1000;
    const cliStart = performance.now();
    const exported = await run(
      'node_modules/.bin/cli-kintone',
      [
        'record',
        'export',
        '--base-url',
        sandbox.url,
        '--app',
        '1',
        '--api-token',
        sandbox.tokens['1'] as string,
      ],
      { maxBuffer: 512 * 1024 * 1024 },
    );
    const cliSeconds = (performance.now() - cliStart) / 1000;
    const cliRows = exported.stdout.split('\n').filter(Boolean).length - 1;

    // 2. The full sync with its audited ledger writes (after the overlap has passed since seeding).
    await new Promise((ok) => setTimeout(ok, OVERLAP_MS + 1000));
    // In a process of its own, so its peak RSS is the sync's alone.
    const fullChild = await run(process.execPath, ['--import', 'tsx', 'bench/sync-full.process.ts'], {
      env: {
        ...process.env,
        BENCH_DYNAMODB_ENDPOINT: dynamo.endpoint,
        BENCH_TABLE: 'bench-sync',
        BENCH_KINTONE_URL: sandbox.url,
        BENCH_ORDERS_TOKEN: sandbox.tokens['1'] as string,
        BENCH_VISITS_TOKEN: sandbox.tokens['2'] as string,
        BENCH_OVERLAP_MS: String(OVERLAP_MS),
      },
      maxBuffer: 16 * 1024 * 1024,
    });
    const fullResult = JSON.parse(fullChild.stdout.trim().split('\n').at(-1) as string) as {
      run: SyncRun;
      seconds: number;
      startRss: number;
      peakRss: number;
    };
    const full = fullResult.run;
    const fullSeconds = fullResult.seconds;
    const rssMb = fullResult.peakRss / 1024 / 1024;
    const startRssMb = fullResult.startRss / 1024 / 1024;

    // 3. An incremental run after 1 % changed (the changes themselves are not counted).
    const staff = new KintoneRestAPIClient({
      baseUrl: sandbox.url,
      auth: { apiToken: sandbox.tokens['1'] as string },
    });
    const changed = Math.round(RECORDS / 100);
    const step = Math.floor(RECORDS / changed);
    for (let i = 0; i < changed; i += 100) {
      await staff.record.updateRecords({
        app: '1',
        records: Array.from({ length: Math.min(100, changed - i) }, (_, j) => ({
          updateKey: { field: 'hub_id', value: `ord_bench_${(i + j) * step}` },
          record: { summary: { value: `変更 ${i + j}` } },
        })),
      });
    }
    const incStart = performance.now();
    const incremental = (await reconcileKintoneApp(deps, 'orders', {
      trigger: 'CLI',
      holder: 'bench',
      overlapMs: OVERLAP_MS,
      leaseMs: 600_000,
    })) as SyncRun;
    const incSeconds = (performance.now() - incStart) / 1000;

    const commit = (await run('git', ['rev-parse', '--short', 'HEAD'])).stdout.trim();
    const ratio = read / readSeconds / (cliRows / cliSeconds);
    const maxRequests = Math.ceil(RECORDS / 500) + 3;
    const report = `## kintone → hub sync (issue 10)

Produced by \`npm run bench:sync\` (\`bench/sync.ts\`) on ${new Date().toISOString().slice(0, 10)}, commit \`${commit}\`.
Machine: ${cpus().length} × ${cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}, Node ${process.version}; the kintone sandbox
in a process of its own holding ${fmt(RECORDS)} order records (seeded in ${seedSeconds.toFixed(1)} s by bulk requests),
DynamoDB Local in memory. Overlap ${OVERLAP_MS / 1000} s. Load average (1 min) ${loadAtStart.toFixed(1)} at the start and
${(loadavg()[0] ?? 0).toFixed(1)} at the end: rates fall as the load rises; request counts and RSS do not depend on it.

| what | records | seconds | records/s | kintone requests | goal |
|---|---|---|---|---|---|
| read side of a full sync (\`listPage\` by \`$id\`, mapped; no ledger writes) | ${fmt(read)} | ${readSeconds.toFixed(1)} | ${fmt(read / readSeconds)} | ${readRequests} | — |
| official \`cli-kintone record export\` of the same app (CSV to memory) | ${fmt(cliRows)} | ${cliSeconds.toFixed(1)} | ${fmt(cliRows / cliSeconds)} | — | — |
| **ratio** hub read side / cli-kintone | | | **${ratio.toFixed(2)}×** | | ≥ 1.0× ${ratio >= 1 ? '(met)' : '(missed)'} |
| full sync with audited ledger writes (created ${fmt(full.counts.created)}, batches of 40 records per transaction) | ${fmt(full.counts.read)} | ${fullSeconds.toFixed(1)} | ${fmt(full.counts.read / fullSeconds)} | ${full.requests} | ≤ ${maxRequests} ${full.requests <= maxRequests ? '(met)' : '(missed)'} |
| incremental after ${fmt(changed)} records (1 %) changed (updated ${fmt(incremental.counts.updated)}, unchanged re-read in the overlap ${fmt(incremental.counts.unchanged)}) | ${fmt(incremental.counts.read)} | ${incSeconds.toFixed(1)} | ${fmt(incremental.counts.read / incSeconds)} | ${incremental.requests} | ≤ 5 ${incremental.requests <= 5 ? '(met)' : '(missed)'} |

Peak RSS of the syncing process during the full sync: **${fmt(rssMb)} MB** (goal under 300 MB${rssMb < 300 ? ', met' : ', missed'}),
${fmt(startRssMb)} MB of it before the first page (Node, tsx and the hub's modules loaded). The full sync runs in a process of its
own (\`bench/sync-full.process.ts\`) that holds nothing but the sync: pages of 500 are applied and dropped.
The full sync's time is mostly DynamoDB Local's transactions (each record is one versioned item and one audit event).
`;
    writeSection('kintone-sync', report);
    console.log(report);
  } finally {
    db.destroy();
    await dynamo.stop();
    sandbox.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
