/**
 * `npm run bench`: measures the hub's hot paths on this machine against DynamoDB Local and
 * writes docs/benchmarks.md with the command that produced it. Loopback only, bounded loops.
 *
 * - deadline computation (pure core),
 * - website webhook intake: signed request → stored inquiry (handler in-process),
 * - GraphQL `inquiries(first: 50)` with each inquiry's client, `clients(first: 50)` with each
 *   client's rep (one Query + one BatchGetItem each), and a rep proposal (`salesRepProposal`).
 */
import { execSync } from 'node:child_process';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dueWithinBusinessDays } from '../core/business-days.js';
import type { HubDeps } from '../core/hub.js';
import { randomIds } from '../core/ids.js';
import { defaultPolicy } from '../core/policy-config.js';
import { InMemoryDocumentStore } from '../core/testing/in-memory-document-store.js';
import { RecordingWorkflowEngine } from '../core/testing/recording-workflow-engine.js';
import { createDevAuth, DEV_AUDIENCE, DEV_ISSUER } from '../dev/dev-auth.js';
import { startDynamoDbLocal } from '../dev/dynamodb-local.js';
import { seedDirectory } from '../dev/seed-directory.js';
import { makeHandler } from '../functions/inquiry-webhook.handler.js';
import { createJwtVerifier } from '../functions/shared/jwt-verifier.js';
import { createLogger } from '../functions/shared/logger.js';
import { signWebhook } from '../functions/shared/webhook-signature.js';
import { CSRF_HEADER, createYogaApp } from '../graphql/yoga.js';
import { createDocumentClient } from '../integrations/dynamodb/dynamodb-client.js';
import { DynamoDbClientLedger } from '../integrations/dynamodb/dynamodb-client-ledger.adapter.js';
import { ensureLedgerTable } from '../integrations/dynamodb/ensure-table.js';
import { systemClock } from '../integrations/system-clock.js';
import { writeSection } from './report.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';

const WEBHOOK_DELIVERIES = 400;
const WEBHOOK_CONCURRENCY = 8;
const GRAPHQL_REQUESTS = 200;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const fmt = (ms: number) => ms.toFixed(1);

async function timed<T>(samples: number[], fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await fn();
  samples.push(performance.now() - start);
  return result;
}

async function runPool(total: number, concurrency: number, task: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await task(next++);
    }),
  );
}

function summary(samples: number[], wallMs: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: samples.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    perSecond: (samples.length / wallMs) * 1000,
  };
}

async function main() {
  const dynamo = await startDynamoDbLocal({ port: 0 });
  const db = createDocumentClient({ region: 'local', endpoint: dynamo.endpoint });
  let dynamoCalls = 0;
  db.middlewareStack.add(
    (next) => async (args) => {
      dynamoCalls += 1;
      return next(args);
    },
    { step: 'initialize', name: 'countCalls' },
  );
  try {
    await ensureLedgerTable(db, 'bench');
    const hub: HubDeps = {
      ledger: new DynamoDbClientLedger(db, { tableName: 'bench' }),
      clock: systemClock,
      ids: randomIds,
      policy: defaultPolicy,
    };
    await seedDirectory(hub);

    // 1. Deadline computation.
    const deadlineRuns = 200_000;
    const base = Date.parse('2026-04-20T00:00:00Z');
    const d0 = performance.now();
    for (let i = 0; i < deadlineRuns; i += 1) {
      dueWithinBusinessDays(new Date(base + i * 97_000), 1, defaultPolicy.calendar);
    }
    const deadlineMs = performance.now() - d0;

    // 2. Webhook intake, signed requests into the real handler and table.
    const secret = 'bench-secret-0123456789abcdef';
    const webhook = makeHandler({
      hub,
      secret: async () => secret,
      logger: createLogger('bench'),
      replayWindowSeconds: 300,
      maxBodyBytes: 65_536,
    });
    const event = (body: string): APIGatewayProxyEventV2 => {
      const ts = Math.floor(Date.now() / 1000);
      return {
        version: '2.0',
        routeKey: 'POST /webhooks/inquiry',
        rawPath: '/webhooks/inquiry',
        rawQueryString: '',
        headers: { 'x-signature-timestamp': String(ts), 'x-signature': signWebhook(secret, ts, body) },
        requestContext: {} as APIGatewayProxyEventV2['requestContext'],
        body,
        isBase64Encoded: false,
      };
    };
    const webhookSamples: number[] = [];
    const callsBefore = dynamoCalls;
    const w0 = performance.now();
    await runPool(WEBHOOK_DELIVERIES, WEBHOOK_CONCURRENCY, async (i) => {
      const body = JSON.stringify({
        submissionId: `bench-${i}`,
        company: `株式会社ベンチ${i % 40}`,
        contactName: '山田 花子',
        phone: `03-1234-${String(i % 40).padStart(4, '0')}`,
        email: `person${i}@bench${i % 40}.example`,
        message: '倉庫内軽作業のスタッフを5名お願いしたいです。',
      });
      const result = await timed(webhookSamples, () => webhook(event(body)));
      if (result.statusCode !== 201) throw new Error(`webhook answered ${result.statusCode}: ${result.body}`);
    });
    const webhookWall = performance.now() - w0;
    const callsPerIntake = (dynamoCalls - callsBefore) / WEBHOOK_DELIVERIES;

    // 3. GraphQL list page of 50 inquiries with their clients.
    const devAuth = await createDevAuth();
    const verify = createJwtVerifier({ issuer: DEV_ISSUER, audience: DEV_AUDIENCE, jwks: devAuth.jwks });
    const yoga = createYogaApp({
      deps: { ...hub, documents: new InMemoryDocumentStore(), workflows: new RecordingWorkflowEngine() },
      claims: (request) => verify(request.headers.get('authorization')),
    });
    /** Runs one query `GRAPHQL_REQUESTS` times in sequence: latencies and the DynamoDB calls of one request. */
    async function measureQuery(
      actor: Parameters<typeof devAuth.issue>[0],
      query: string,
      check: (data: Record<string, unknown>) => boolean,
    ) {
      const issued = await devAuth.issue(actor);
      if (!('token' in issued)) throw new Error('sign-in failed');
      const samples: number[] = [];
      let calls = 0;
      const t0 = performance.now();
      for (let i = 0; i < GRAPHQL_REQUESTS; i += 1) {
        const before = dynamoCalls;
        const response = await timed(samples, async () =>
          yoga.fetch('http://localhost/graphql', {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${issued.token}`,
              [CSRF_HEADER]: '1',
            },
            body: JSON.stringify({ query }),
          }),
        );
        const json = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
        if (!json.data || !check(json.data))
          throw new Error(`bad answer: ${JSON.stringify(json.errors ?? json.data)}`);
        calls = dynamoCalls - before;
      }
      return { stats: summary(samples, performance.now() - t0), calls };
    }
    const edges = (data: Record<string, unknown>, field: string) =>
      (data[field] as { edges: unknown[] } | undefined)?.edges.length ?? 0;

    const inquiriesPage = await measureQuery(
      { userId: 'mkt.suzuki', role: 'MARKETING' },
      '{ inquiries(first: 50) { edges { node { id company firstContact { dueAt status } client { id name stage } } } } }',
      (data) => edges(data, 'inquiries') === 50,
    );

    // 4. The client ledger: 150 clients of SALES_TOKYO, each assigned to one of its reps.
    const reps = ['sales.tokyo1', 'sales.tokyo2'];
    const seeded = Array.from({ length: 150 }, (_, i) => {
      const at = new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString();
      const clientId = `cli_bench${String(i).padStart(4, '0')}`;
      const salesRepId = reps[i % reps.length] as string;
      return [
        {
          entity: {
            type: 'CLIENT' as const,
            value: {
              clientId,
              name: `株式会社ベンチ${i}`,
              normalizedName: `ベンチ${i}`,
              phones: [],
              emailDomains: [],
              stage: 'ASSIGNED' as const,
              industry: i % 3 === 0 ? ('MANUFACTURING' as const) : ('WHOLESALE_RETAIL' as const),
              department: 'SALES_TOKYO',
              salesRepId,
              possibleDuplicateOf: [],
              gstaff: { state: 'REGISTERED' as const, checkedAt: at },
              version: 1,
              createdAt: at,
              updatedAt: at,
            },
          },
        },
        {
          entity: {
            type: 'SALES_REP_ASSIGNMENT' as const,
            value: {
              assignmentId: `asg_bench${i}`,
              clientId,
              department: 'SALES_TOKYO',
              salesRepId,
              assignedBy: 'mgr.tokyo',
              assignedAt: at,
              proposalRank: 1,
              proposal: {
                clientId,
                department: 'SALES_TOKYO',
                risk: { level: 0, reasons: [] },
                candidates: [],
                weights: defaultPolicy.assignment,
                computedAt: at,
              },
              version: 1,
            },
          },
        },
      ];
    }).flat();
    for (let i = 0; i < seeded.length; i += 50) await hub.ledger.commit(seeded.slice(i, i + 50), []);
    const manager = { userId: 'mgr.tokyo', role: 'MANAGER' as const, department: 'SALES_TOKYO' };
    const clientsPage = await measureQuery(
      manager,
      '{ clients(first: 50) { edges { node { id name stage salesRep { name } } } } }',
      (data) => edges(data, 'clients') === 50,
    );
    const proposal = await measureQuery(
      manager,
      '{ salesRepProposal(clientId: "cli_bench0149") { ... on SalesRepProposal { candidates { salesRepId score } } } }',
      (data) => ((data.salesRepProposal as { candidates?: unknown[] }).candidates?.length ?? 0) > 0,
    );

    const webhookStats = summary(webhookSamples, webhookWall);
    const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, DynamoDB Local (in memory)`;
    const commit = (() => {
      try {
        return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
      } catch {
        return 'unknown';
      }
    })();
    const row = (what: string, m: { stats: ReturnType<typeof summary>; calls: number }, per: string) =>
      `| ${what} | ${GRAPHQL_REQUESTS} sequential requests | ${fmt(m.stats.p50)} | ${fmt(m.stats.p95)} | ${fmt(m.stats.p99)} | ${m.stats.perSecond.toFixed(0)} /s | ${m.calls} per ${per} |`;
    const report = `## Hot paths

Produced by \`npm run bench\` (\`bench/run.ts\`) on ${new Date().toISOString().slice(0, 10)}, commit \`${commit}\`.
Machine: ${machine}.

Everything runs in one process against DynamoDB Local on loopback, so the numbers compare
versions of the hub on this machine; they are not AWS latencies.

| what | workload | p50 ms | p95 ms | p99 ms | throughput | DynamoDB calls |
|---|---|---|---|---|---|---|
| first-contact deadline (\`dueWithinBusinessDays\`) | ${deadlineRuns.toLocaleString('en')} instants | — | — | — | ${Math.round((deadlineRuns / deadlineMs) * 1000).toLocaleString('en')} /s | 0 |
| website webhook intake (verify HMAC → match client → transaction) | ${WEBHOOK_DELIVERIES} deliveries, ${WEBHOOK_CONCURRENCY} concurrent | ${fmt(webhookStats.p50)} | ${fmt(webhookStats.p95)} | ${fmt(webhookStats.p99)} | ${webhookStats.perSecond.toFixed(0)} /s | ${callsPerIntake.toFixed(1)} per intake |
${row('GraphQL `inquiries(first: 50)` with each client', inquiriesPage, 'page')}
${row('GraphQL `clients(first: 50)` with each rep (150 clients)', clientsPage, 'page')}
${row('GraphQL `salesRepProposal` (2 reps, 75 past clients each)', proposal, 'proposal')}

Reading the table:
- Intake costs a constant number of DynamoDB calls: look for an earlier delivery of the
  submission (GetItem), look up clients by normalised name (Query), one TransactWriteItems.
- A page of 50 inquiries with their clients, or of 50 clients with their reps, costs one Query
  plus one BatchGetItem (the per-request dataloaders), whatever the page size.
- A proposal reads the client, the directory, each rep's assignment history and worker-register
  entries, the clients of those histories (one BatchGetItem per 100) and the client's risk
  sources: its cost grows with the number of reps in the department and their history.
`;
    writeSection('hot-paths', report);
    console.log(report);
  } finally {
    db.destroy();
    await dynamo.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
