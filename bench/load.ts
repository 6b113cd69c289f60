/**
 * `npm run bench:load`: the local host (`npm start`) under load, next to a bare graphql-yoga +
 * Pothos server, both in processes of their own on this machine, in one run.
 *
 * 1. Website webhook burst: 2,000 signed deliveries at concurrency 32, 20 % of them repeats of an
 *    earlier submission and 10 % malformed; then the ledger is read to check created = unique
 *    valid, no duplicate, nothing lost, no 5xx.
 * 2. GraphQL with autocannon on the clients the burst created: `clients(first: 50)` with nested
 *    fields, `client(id)` with its views, and the bare server's one query.
 *
 * Ports: BENCH_PORT_BASE (default 4600) … +5. Writes the `load` section of docs/benchmarks.md.
 */
import { execSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { Inquiry } from '../core/inquiries/inquiry.js';
import { signWebhook } from '../functions/shared/webhook-signature.js';
import { createDocumentClient } from '../integrations/dynamodb/dynamodb-client.js';
import { DynamoDbClientLedger } from '../integrations/dynamodb/dynamodb-client-ledger.adapter.js';
import { rssMb, startLocalHost } from './local-host.js';
import { writeSection } from './report.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 2000);
const CONCURRENCY = 32;
const REDELIVERIES = 3;
const REPEAT_SHARE = 0.2;
const MALFORMED_SHARE = 0.1;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONNECTIONS = 10;
const SECRET = 'bench-inquiry-webhook-secret-0123456789';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** The deliveries in the order they are sent: valid, repeats of earlier valid ones, malformed. */
function deliveries(total: number) {
  const malformed = Math.round(total * MALFORMED_SHARE);
  const repeats = Math.round(total * REPEAT_SHARE);
  const unique = total - malformed - repeats;
  const run = Date.now().toString(36);
  const valid = Array.from({ length: unique }, (_, i) =>
    JSON.stringify({
      submissionId: `bench-${run}-${i}`,
      company: `株式会社ベンチ${run}${i}`,
      contactName: '山田 花子',
      phone: `03-${String(1000 + (i % 9000)).padStart(4, '0')}-${String(i % 10000).padStart(4, '0')}`,
      email: `tanto${i}@bench${run}.example`,
      message: '倉庫内軽作業のスタッフを5名お願いしたいです。',
      jobCategory: '軽作業',
    }),
  );
  const list: { body: string; kind: 'valid' | 'repeat' | 'malformed' }[] = valid.map((body) => ({
    body,
    kind: 'valid',
  }));
  // Repeats are inserted after their original, a little later: some race it at concurrency 32.
  for (let i = 0; i < repeats; i += 1) {
    const original = (i * 7) % unique;
    list.splice(Math.min(list.length, original + 1 + (i % 40)), 0, {
      body: valid[original] as string,
      kind: 'repeat',
    });
  }
  for (let i = 0; i < malformed; i += 1) {
    const body =
      i % 2 === 0
        ? '{"submissionId": "broken'
        : JSON.stringify({ submissionId: `bad-${run}-${i}`, company: '' });
    list.splice(Math.floor((i * list.length) / malformed), 0, { body, kind: 'malformed' });
  }
  return { list, unique: valid };
}

async function webhookBurst(url: string) {
  const { list, unique } = deliveries(DELIVERIES);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let redelivered = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < list.length) {
        const delivery = list[next++] as (typeof list)[number];
        // A 503 asks the form service to deliver again (functions/inquiry-webhook.handler.ts): it does, up to 3 times.
        for (let attempt = 0; attempt <= REDELIVERIES; attempt += 1) {
          const ts = Math.floor(Date.now() / 1000);
          const t0 = performance.now();
          const response = await fetch(`${url}/webhooks/inquiry`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-signature-timestamp': String(ts),
              'x-signature': signWebhook(SECRET, ts, delivery.body),
            },
            body: delivery.body,
          });
          await response.arrayBuffer();
          latencies.push(performance.now() - t0);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status !== 503) break;
          redelivered += 1;
          await new Promise((ok) => setTimeout(ok, 1000 * 2 ** attempt));
        }
      }
    }),
  );
  const wallMs = performance.now() - started;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    list,
    unique,
    statuses,
    redelivered,
    perSecond: (list.length / wallMs) * 1000,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
}

/** What the ledger holds afterwards: inquiries by submission, and each unique submission's answer. */
async function checkLedger(endpoint: string, unique: string[]) {
  const db = createDocumentClient({ region: 'local', endpoint });
  const ledger = new DynamoDbClientLedger(db, { tableName: 'dispatch-hub-ledger' });
  const inquiries: Inquiry[] = [];
  let after: string | undefined;
  do {
    const page = await ledger.listInquiries({ first: 100, ...(after ? { after } : {}) });
    inquiries.push(...page.items);
    after = page.hasNextPage ? page.endCursor : undefined;
  } while (after);
  const perSubmission = new Map<string, number>();
  for (const i of inquiries)
    if (i.submissionId) perSubmission.set(i.submissionId, (perSubmission.get(i.submissionId) ?? 0) + 1);
  const ids = unique.map((body) => (JSON.parse(body) as { submissionId: string }).submissionId);
  let lost = 0;
  for (const id of ids) if (!perSubmission.has(id) || !(await ledger.getWebSubmission(id))) lost += 1;
  const duplicates = [...perSubmission.values()].reduce((n, count) => n + count - 1, 0);
  const strays = [...perSubmission.keys()].filter((id) => !ids.includes(id)).length;
  return { created: inquiries.length, duplicates, lost, strays, clientIds: inquiries.map((i) => i.clientId) };
}

async function graphql(url: string, token: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'x-graphql-yoga-csrf': '1',
    },
    body: JSON.stringify({ query, variables }),
  });
  const result = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (result.errors?.length)
    throw new Error(`the query failed: ${JSON.stringify(result.errors).slice(0, 500)}`);
  return result.data;
}

/** As many nested lists as the API's cost limit (graphql/yoga.ts, 5,000) lets a page of 50 select. */
const CLIENTS_PAGE = `{ clients(first: 50) { edges { node {
  id name
  salesRep { name }
  inquiries { status }
  visits { status }
  applications { status }
  establishments { id }
  kintoneSync { state }
  gstaff { match }
} } } }`;

const CLIENT_VIEW = `query ($id: ID!) { client(id: $id) { __typename ... on Client {
  id name stage department contact { name email } possibleDuplicateOf
  salesRep { userId name role }
  inquiries { id status receivedAt hearingSheet { __typename } }
  assignments { id salesRepId assignedAt }
  visits { id status plannedStartAt recordDeadline { dueAt } }
  applications { id type status approvalTasks { id status } }
  hearingSheets { __typename }
  ledgerFacts { item value }
  establishments { id name conflictDate }
  individualContracts { id status }
  kintoneSync { id state attempts }
  kintoneRecords { __typename }
  gstaff { match }
  auditTrail(first: 20) { edges { node { id at operation subjectType } } }
} } }`;

async function cannon(url: string, headers: Record<string, string>, body: string) {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    connections: CONNECTIONS,
    duration: SECONDS,
    // The loaded machine of these runs answers in seconds; autocannon's default 10 s would count them as failures.
    timeout: 120,
  });
  return {
    perSecond: result.requests.average,
    p99: result.latency.p99,
    total: result.requests.total,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

async function startBare(port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/baseline/bare-yoga.server.ts'], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ok, fail) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && ok());
    child.once('exit', (code) => fail(new Error(`the bare server exited (${code})`)));
  });
  return child;
}

async function main() {
  const portBase = Number(process.env.BENCH_PORT_BASE ?? 4600);
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-load-'));
  const loadBefore = loadavg()[0] ?? 0;
  const host = await startLocalHost(dataDir, portBase, { INQUIRY_WEBHOOK_SECRET: SECRET });
  const bare = await startBare(portBase + 5);
  // The hub's memory through the run, sampled every second: it should level off, not grow.
  const hubPid = host.child.pid as number;
  const memory = { ready: rssMb(hubPid), peak: 0, marks: [] as { after: string; mb: number }[] };
  const sampler = setInterval(() => {
    memory.peak = Math.max(memory.peak, rssMb(hubPid));
  }, 1000);
  const mark = (after: string) => memory.marks.push({ after, mb: rssMb(hubPid) });
  try {
    console.log(`local host ready in ${(host.readyMs / 1000).toFixed(1)} s; webhook burst…`);
    const burst = await webhookBurst(host.url);
    mark('the webhook burst');
    const ledger = await checkLedger(host.dynamoEndpoint, burst.unique);
    const fivexx = [...burst.statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
    console.log({
      statuses: Object.fromEntries(burst.statuses),
      perSecond: burst.perSecond,
      p50: burst.p50,
      p99: burst.p99,
      ...ledger,
      clientIds: undefined,
    });

    const tokenResponse = await fetch(`${host.url}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'bench-director', role: 'DIRECTOR' }),
    });
    const { token } = (await tokenResponse.json()) as { token: string };
    const clientId = ledger.clientIds[0] as string;
    // Each query once first, so a failing query fails the run instead of being measured.
    await graphql(host.url, token, CLIENTS_PAGE);
    await graphql(host.url, token, CLIENT_VIEW, { id: clientId });
    const auth = { authorization: `Bearer ${token}`, 'x-graphql-yoga-csrf': '1' };
    console.log('autocannon: bare server…');
    const bareRun = await cannon(
      `http://127.0.0.1:${portBase + 5}/graphql`,
      {},
      JSON.stringify({ query: '{ hello(name: "bench") }' }),
    );
    console.log('autocannon: clients(first: 50)…');
    const pageRun = await cannon(`${host.url}/graphql`, auth, JSON.stringify({ query: CLIENTS_PAGE }));
    mark('`clients(first: 50)`');
    console.log('autocannon: client(id)…');
    const viewRun = await cannon(
      `${host.url}/graphql`,
      auth,
      JSON.stringify({ query: CLIENT_VIEW, variables: { id: clientId } }),
    );
    mark('`client(id)`');
    // The same page again, as long: memory that only grows shows here.
    console.log('autocannon: clients(first: 50) again…');
    await cannon(`${host.url}/graphql`, auth, JSON.stringify({ query: CLIENTS_PAGE }));
    mark('`clients(first: 50)` again');
    clearInterval(sampler);
    const loadAfter = loadavg()[0] ?? 0;

    const commit = execSync('git rev-parse --short HEAD').toString().trim();
    const day = new Date().toISOString().slice(0, 10);
    const row = (what: string, r: Awaited<ReturnType<typeof cannon>>) =>
      `| ${what} | ${r.perSecond.toFixed(0)} | ${(r.perSecond / bareRun.perSecond).toFixed(3)}× | ${r.p99} | ${r.total} | ${r.failed} |`;
    const count = (kind: string) => burst.list.filter((d) => d.kind === kind).length;
    const status = [...burst.statuses]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ');
    writeSection(
      'load',
      `## The local host under load: GraphQL and the webhook burst (issue 15)

Produced by \`npm run bench:load\` (\`bench/load.ts\`) on ${day}, commit \`${commit}\`, Node ${process.version},
${cpus().length} cores. The local host (\`npm start\`: DynamoDB Local on disk, the sandboxes, the workflow
engine) and a bare graphql-yoga + Pothos server (\`bench/baseline/bare-yoga.server.ts\`, one resolver, nothing
of the hub) each ran in a process of their own; the load generator in a third, all on the same ${cpus().length} cores.
Load average (1 min) ${loadBefore.toFixed(1)} at the start and ${loadAfter.toFixed(1)} at the end, the bench's own processes
included (above about 4, other work was running and the absolute rates are low); the ratios were measured in one run.

### Webhook burst

${burst.list.length} signed deliveries to \`/webhooks/inquiry\` at concurrency ${CONCURRENCY}: ${count('valid')} unique valid,
${count('repeat')} repeats of one of them (inserted up to 40 deliveries after the original, so some race it), ${count('malformed')}
malformed (half not JSON, half with an empty company). Afterwards the ledger (DynamoDB Local) was read.

| throughput | p50 ms | p99 ms | answers (every attempt) | redelivered after 503 | created | unique valid | duplicates | lost | 5xx |
|---|---|---|---|---|---|---|---|---|---|
| ${burst.perSecond.toFixed(1)} /s | ${burst.p50.toFixed(0)} | ${burst.p99.toFixed(0)} | ${status} | ${burst.redelivered} | ${ledger.created} | ${burst.unique.length} | ${ledger.duplicates} | ${ledger.lost} | ${fivexx} |

A 503 is the hub saying it could not store the delivery now and asking for it again (the form
service redelivers; here up to ${REDELIVERIES} times, 1 s, 2 s, 4 s apart); "5xx" counts those answers too.

### GraphQL with autocannon (${CONNECTIONS} connections, ${SECONDS} s each, one after the other)

The data is what the burst created (${ledger.created} clients, each with its inquiry, first-contact deadline and
audit trail), read as a director. \`clients(first: 50)\` selects each client's rep, inquiries, visits,
applications, establishments, kintone sync and G-Staff matches — as many nested lists as the API's query
cost limit (5,000, \`graphql/yoga.ts\`) lets a page of 50 ask for; \`client(id)\` selects every view of one
client, audit trail and approval tasks included (bench/load.ts has both queries).

| what | requests/s | × bare | p99 ms | requests | non-2xx / errors |
|---|---|---|---|---|---|
${row('bare yoga + Pothos `{ hello }`', bareRun)}
${row('hub `clients(first: 50)` with nested fields', pageRun)}
${row('hub `client(id)` with its views', viewRun)}

A page of 50 clients is 50 rows with 7 nested fields each, read in a constant number of DynamoDB calls
(\`test/no-n-plus-one.test.ts\`); the bare server answers a constant string, so the ratio is the price of
the hub's work per request (token check, directory look-up, DynamoDB Local round trips and the rows'
serialisation), not of overhead alone.

### The hub's memory through the run

RSS of the hub's node process (\`dev/start.ts\`; DynamoDB Local's JVM apart), sampled every second:
${memory.ready} MB at ready, ${memory.marks.map((m) => `${m.mb} MB after ${m.after}`).join(', ')}; peak ${memory.peak} MB.
The last run repeats the first GraphQL run: if memory grew with the requests served, it would show there.`,
    );
    console.log({
      bare: bareRun,
      page: pageRun,
      view: viewRun,
      burst: { perSecond: burst.perSecond, p99: burst.p99 },
    });
  } finally {
    clearInterval(sampler);
    bare.kill('SIGINT');
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
