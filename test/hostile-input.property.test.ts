/**
 * Property-based suites that try to break the hub's edges with hostile input (fast-check),
 * against DynamoDB Local: signed website-webhook bodies, GraphQL inputs, G-Staff CSV exports and
 * kintone queries. The properties: never a 5xx or an unexpected error, never a partial write,
 * and a refusal always names the field. `npm run test:soak` runs them with many more cases
 * (PROPERTY_RUNS). Requirements.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorGStaffClients } from '../core/gstaff/gstaff-mirror.js';
import { makeHandler } from '../functions/inquiry-webhook.handler.js';
import { createLogger } from '../functions/shared/logger.js';
import { signWebhook } from '../functions/shared/webhook-signature.js';
import { GStaffCsvError, parseGStaffClientCsv } from '../integrations/gstaff/gstaff-csv-import.js';
import { type KintoneSandbox, startKintoneSandbox } from '../integrations/kintone/kintone.sandbox.js';
import { createTestApi } from './support/api.js';
import { hubDeps, salesTokyo, seedDirectory } from './support/builders.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';

/** Cases per property: a few dozen in CI, many more under `npm run test:soak`. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 30);
const TIMEOUT = Math.max(120_000, RUNS * 2_000);
const SECRET = 'property-webhook-secret-0123456789';

let t: TestLedger;
let kintone: KintoneSandbox;
const unexpected: unknown[] = [];
let api: Awaited<ReturnType<typeof createTestApi>>;

beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger);
  api = await createTestApi(hubDeps(t.ledger), (error) => unexpected.push(error));
  kintone = await startKintoneSandbox({ port: 0 });
});
afterAll(async () => {
  await kintone?.stop();
});

/** Every item in the test's table: what a refused request must leave as it was. */
async function itemCount(): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await t.db.send(
      new ScanCommand({ TableName: t.tableName, Select: 'COUNT', ExclusiveStartKey: start }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

/** Strings an attacker or a broken form sends: long, control characters, other scripts, lone surrogates, markup. */
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\ud800',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '%00',
    `\${jndi:x}`,
  ),
  fc.nat({ max: 12_000 }).map((n) => 'あ'.repeat(n)),
);
const anyValue = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);

const FORM_FIELDS = [
  'submissionId',
  'company',
  'contactName',
  'department',
  'phone',
  'email',
  'message',
  'jobCategory',
  'headcount',
  'startDate',
];

function webhookEvent(body: string, headers: Record<string, string>): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /webhooks/inquiry',
    rawPath: '/webhooks/inquiry',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...headers },
    requestContext: {
      http: { method: 'POST', path: '/webhooks/inquiry', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1' },
    } as APIGatewayProxyEventV2['requestContext'],
    body,
    isBase64Encoded: false,
  };
}

describe('website webhook bodies (signed, so they reach validation)', () => {
  it(
    'never answer 5xx, never write on a refusal, and name the field of every validation error',
    async () => {
      const hub = hubDeps(t.ledger);
      const handler = makeHandler({
        hub,
        secret: async () => SECRET,
        logger: createLogger('property'),
        replayWindowSeconds: 300,
        maxBodyBytes: 65_536,
      });
      const bodies = fc.oneof(
        fc.dictionary(fc.constantFrom(...FORM_FIELDS), anyValue).map((o) => JSON.stringify(o)),
        fc.jsonValue().map((v) => JSON.stringify(v)),
        hostileString,
      );
      await fc.assert(
        fc.asyncProperty(bodies, async (body) => {
          const before = await itemCount();
          const ts = Math.floor(hub.clock.now().getTime() / 1000);
          const result = await handler(
            webhookEvent(body, {
              'x-signature-timestamp': String(ts),
              'x-signature': signWebhook(SECRET, ts, body),
            }),
          );
          const status = result.statusCode as number;
          expect(status).toBeLessThan(500);
          if (status >= 400) {
            expect(await itemCount()).toBe(before);
            const answer = JSON.parse(result.body as string) as {
              fieldErrors?: { path: string; message: string }[];
            };
            if (status === 400) {
              expect(answer.fieldErrors?.length).toBeGreaterThan(0);
              for (const e of answer.fieldErrors ?? []) {
                expect(e.path).toMatch(/^(body|input)(\.|$)/);
                expect(e.message.length).toBeGreaterThan(0);
              }
            }
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

describe('GraphQL inputs', () => {
  const RECORD_PHONE = `mutation($input: RecordPhoneInquiryInput!) { recordPhoneInquiry(input: $input) {
    __typename ... on ValidationError { fieldErrors { path message } } } }`;

  it(
    'recordPhoneInquiry: an Inquiry or a refusal naming fields, never an unexpected error or a partial write',
    async () => {
      const input = fc.record(
        {
          company: hostileString,
          contactName: hostileString,
          phone: hostileString,
          requestedJobCategory: hostileString,
          email: hostileString,
          department: hostileString,
          message: hostileString,
          contactDepartment: hostileString,
          corporateNumber: hostileString,
        },
        { requiredKeys: ['company', 'contactName', 'phone', 'requestedJobCategory'] },
      );
      await fc.assert(
        fc.asyncProperty(input, async (variables) => {
          const before = await itemCount();
          const result = await api.graphql(salesTokyo, RECORD_PHONE, { input: variables });
          expect(result.status).toBeLessThan(500);
          expect(unexpected).toEqual([]);
          const codes = (result.errors ?? []).map((e) => e.extensions?.code);
          expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
          const answer = result.data?.recordPhoneInquiry as
            | { __typename: string; fieldErrors?: { path: string }[] }
            | undefined;
          if (answer?.__typename === 'Inquiry') return;
          expect(await itemCount()).toBe(before);
          const fieldErrors =
            answer?.fieldErrors ??
            (result.errors?.[0]?.extensions as { fieldErrors?: { path: string }[] } | undefined)
              ?.fieldErrors ??
            [];
          if (answer || codes.includes('VALIDATION_FAILED')) {
            expect(fieldErrors.length).toBeGreaterThan(0);
            for (const e of fieldErrors) expect(e.path).toMatch(/^(recordPhoneInquiry\.)?input\./);
          } else {
            // Only GraphQL's own type checks remain (e.g. a string that is not valid UTF-16 JSON): named too.
            expect(codes.every((c) => c === 'BAD_USER_INPUT' || c === 'GRAPHQL_VALIDATION_FAILED')).toBe(
              true,
            );
            expect(result.errors?.[0]?.message).toMatch(/\$input|input/);
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'gstaffClients(name:) and client(id:): a list, NOT_FOUND or a validation error, never an unexpected error',
    async () => {
      await fc.assert(
        fc.asyncProperty(hostileString, async (text) => {
          const byName = await api.graphql(
            salesTokyo,
            'query($n: String!) { gstaffClients(name: $n) { gstaffClientId } }',
            { n: text },
          );
          const byId = await api.graphql(salesTokyo, 'query($id: ID!) { client(id: $id) { __typename } }', {
            id: text,
          });
          for (const result of [byName, byId]) {
            expect(result.status).toBeLessThan(500);
            expect((result.errors ?? []).map((e) => e.extensions?.code)).not.toContain(
              'INTERNAL_SERVER_ERROR',
            );
          }
          expect(unexpected).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

describe('G-Staff CSV exports', () => {
  /**
   * Text of any script, up to 2,000 characters a cell. This property found a name over about 340
   * Japanese characters failing the whole mirror run (its index key over DynamoDB's 1,024 bytes);
   * such a name is now keyed by its beginning and a digest (`nameKeyPart`).
   */
  const csvText = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 100 }),
    fc.nat({ max: 2_000 }).map((n) => 'あ'.repeat(n)),
  );
  const HEADER = '顧客コード,顧客名,法人番号,電話番号,取引状態,離職率,抵触日,過去トラブル,更新日時';
  const cell = fc.oneof(
    csvText.map((s) => `"${s.replaceAll('"', '""')}"`),
    fc.constantFrom('', '12%', '0.4', '-1', 'NaN', '本社:2027-01-15', '2026-13-45:x', '取引中', '取引終了'),
  );
  const row = fc.array(cell, { minLength: 9, maxLength: 9 }).map((cells) => cells.join(','));

  it(
    'are read into records with every problem named by line and column, and the records they give can be stored',
    async () => {
      const deps = hubDeps(t.ledger);
      await fc.assert(
        fc.asyncProperty(fc.array(row, { maxLength: 3 }), async (rows) => {
          const csv = Buffer.from([HEADER, ...rows].join('\r\n'), 'utf8');
          let parsed: ReturnType<typeof parseGStaffClientCsv>;
          try {
            parsed = parseGStaffClientCsv(csv, { encoding: 'utf-8' });
          } catch (error) {
            // A file that is not a CSV of the register is refused as a whole, saying where.
            expect(error).toBeInstanceOf(GStaffCsvError);
            return;
          }
          for (const issue of parsed.issues) {
            expect(issue.line).toBeGreaterThanOrEqual(2);
            expect(issue.column.length).toBeGreaterThan(0);
          }
          await mirrorGStaffClients(deps, parsed.records, 'csv');
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

describe('kintone queries (the sandbox, as kintone documents its query language)', () => {
  // A URL cannot carry a lone surrogate (encodeURIComponent refuses it): every other string goes.
  const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  // Up to 400 characters a value: a longer GET URL (16 KB encoded) is refused by the HTTP server itself, with no JSON body.
  const wellFormed = hostileString.filter((s) => !loneSurrogate.test(s) && s.length <= 400);
  const FIELDS = ['client_name', 'status', 'hub_id', '$id', 'レコード番号', 'nonexistent'];
  const OPERATORS = ['=', '!=', '>', '<', '>=', '<=', 'in', 'not in', 'like', 'not like'];
  const term = fc
    .tuple(fc.constantFrom(...FIELDS), fc.constantFrom(...OPERATORS), wellFormed)
    .map(([f, op, v]) =>
      op.endsWith('in')
        ? `${f} ${op} ("${v.replaceAll('"', '\\"')}")`
        : `${f} ${op} "${v.replaceAll('"', '\\"')}"`,
    );
  const query = fc.oneof(
    wellFormed,
    fc
      .array(fc.tuple(term, fc.constantFrom(' and ', ' or ', ' ', ' and (')), { minLength: 1, maxLength: 3 })
      .map((parts) =>
        parts
          .map(([a, b]) => `${a}${b}`)
          .join('')
          .replace(/( and \(| and | or | )$/, ''),
      ),
    fc
      .tuple(term, fc.constantFrom('order by $id asc', 'limit 5', 'offset -1', 'limit 501', 'order by nope'))
      .map(([a, b]) => `${a} ${b}`),
  );

  it(
    'answer records or a 400 kintone error, never a 5xx',
    async () => {
      await fc.assert(
        fc.asyncProperty(query, async (q) => {
          const response = await fetch(
            `${kintone.url}/k/v1/records.json?app=1&query=${encodeURIComponent(q)}`,
            { headers: { 'x-cybozu-api-token': kintone.tokens['1'] as string } },
          );
          expect(response.status).toBeLessThan(500);
          const body = (await response.json()) as { records?: unknown[]; code?: string; message?: string };
          if (response.status === 200) expect(Array.isArray(body.records)).toBe(true);
          else {
            expect(response.status).toBe(400);
            expect(body.code).toMatch(/^(CB|GAIA)_/);
            expect(body.message?.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: RUNS * 3 },
      );
    },
    TIMEOUT,
  );
});
