/**
 * The full kintone → hub sync of `npm run bench:sync` in a process of its own, so the peak RSS it
 * reports is the syncing process's alone (not the benchmark's seeding or the cli-kintone export).
 * Reads its settings from the environment, prints one JSON line: the run, seconds and peak RSS.
 */
import { performance } from 'node:perf_hooks';
import { randomIds } from '../core/ids.js';
import { defaultPolicy } from '../core/policy-config.js';
import { reconcileKintoneApp } from '../core/sync/reconcile-kintone.js';
import { createDocumentClient } from '../integrations/dynamodb/dynamodb-client.js';
import { DynamoDbClientLedger } from '../integrations/dynamodb/dynamodb-client-ledger.adapter.js';
import { createKintoneApps, kintoneSettings } from '../integrations/kintone/kintone-config.js';
import { systemClock } from '../integrations/system-clock.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const db = createDocumentClient({ region: 'local', endpoint: env('BENCH_DYNAMODB_ENDPOINT') });
const hub = {
  ledger: new DynamoDbClientLedger(db, { tableName: env('BENCH_TABLE') }),
  clock: systemClock,
  ids: randomIds,
  policy: defaultPolicy,
};
const apps = createKintoneApps(
  kintoneSettings({}),
  {
    baseUrl: env('BENCH_KINTONE_URL'),
    orders: { appId: '1', apiToken: env('BENCH_ORDERS_TOKEN') },
    visits: { appId: '2', apiToken: env('BENCH_VISITS_TOKEN') },
  },
  hub.clock,
  () => undefined,
);
const startRss = process.memoryUsage().rss;
let peak = startRss;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);
const started = performance.now();
const run = await reconcileKintoneApp(
  { ...hub, kintoneApps: { orders: apps.ordersApp, visits: apps.visitRecordsApp } },
  'orders',
  {
    full: true,
    trigger: 'CLI',
    holder: 'bench',
    overlapMs: Number(env('BENCH_OVERLAP_MS')),
    leaseMs: 600_000,
  },
);
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
db.destroy();
console.log(JSON.stringify({ run, seconds, startRss, peakRss: peak }));
