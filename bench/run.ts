/**
 * `npm run bench`: measures the hub's hot paths on this machine against DynamoDB Local and
 * writes docs/benchmarks.md with the command that produced it. Loopback only, bounded loops.
 *
 * - deadline computation (pure core),
 * - website webhook intake: signed request → stored inquiry (handler in-process),
 * - GraphQL `inquiries(first: 50)` with each inquiry's client (one Query + one BatchGetItem).
 */
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { dueWithinBusinessDays } from '../core/business-days.js';
import type { HubDeps } from '../core/hub.js';
import { randomIds } from '../core/ids.js';
import { defaultPolicy } from '../core/policy-config.js';
import { InMemoryDocumentStore } from '../core/testing/in-memory-document-store.js';
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
      deps: { ...hub, documents: new InMemoryDocumentStore() },
      claims: (request) => verify(request.headers.get('authorization')),
    });
    const issued = await devAuth.issue({ userId: 'mkt.suzuki', role: 'MARKETING' });
    if (!('token' in issued)) throw new Error('sign-in failed');
    const query =
      '{ inquiries(first: 50) { edges { node { id company firstContact { dueAt status } client { id name stage } } } } }';
    const graphqlSamples: number[] = [];
    let callsPerPage = 0;
    const g0 = performance.now();
    for (let i = 0; i < GRAPHQL_REQUESTS; i += 1) {
      const before = dynamoCalls;
      const response = await timed(graphqlSamples, async () =>
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
      const json = (await response.json()) as {
        data?: { inquiries: { edges: unknown[] } };
        errors?: unknown;
      };
      if (json.data?.inquiries.edges.length !== 50)
        throw new Error(`bad page: ${JSON.stringify(json.errors)}`);
      callsPerPage = dynamoCalls - before;
    }
    const graphqlWall = performance.now() - g0;

    const webhookStats = summary(webhookSamples, webhookWall);
    const graphqlStats = summary(graphqlSamples, graphqlWall);
    const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, DynamoDB Local (in memory)`;
    const commit = (() => {
      try {
        return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
      } catch {
        return 'unknown';
      }
    })();
    const report = `# Benchmarks

Produced by \`npm run bench\` (\`bench/run.ts\`) on ${new Date().toISOString().slice(0, 10)}, commit \`${commit}\`.
Machine: ${machine}.

Everything runs in one process against DynamoDB Local on loopback, so the numbers compare
versions of the hub on this machine; they are not AWS latencies.

| what | workload | p50 ms | p95 ms | p99 ms | throughput | DynamoDB calls |
|---|---|---|---|---|---|---|
| first-contact deadline (\`dueWithinBusinessDays\`) | ${deadlineRuns.toLocaleString('en')} instants | — | — | — | ${Math.round((deadlineRuns / deadlineMs) * 1000).toLocaleString('en')} /s | 0 |
| website webhook intake (verify HMAC → match client → transaction) | ${WEBHOOK_DELIVERIES} deliveries, ${WEBHOOK_CONCURRENCY} concurrent | ${fmt(webhookStats.p50)} | ${fmt(webhookStats.p95)} | ${fmt(webhookStats.p99)} | ${webhookStats.perSecond.toFixed(0)} /s | ${callsPerIntake.toFixed(1)} per intake |
| GraphQL \`inquiries(first: 50)\` with each client | ${GRAPHQL_REQUESTS} sequential requests | ${fmt(graphqlStats.p50)} | ${fmt(graphqlStats.p95)} | ${fmt(graphqlStats.p99)} | ${graphqlStats.perSecond.toFixed(0)} /s | ${callsPerPage} per page |

Reading the table:
- Intake costs a constant number of DynamoDB calls: look for an earlier delivery of the
  submission (GetItem), look up clients by normalised name (Query), one TransactWriteItems.
- A page of 50 inquiries with their clients costs one Query plus one BatchGetItem (the
  per-request dataloader), whatever the page size.
`;
    writeFileSync(new URL('../docs/benchmarks.md', import.meta.url), report);
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
