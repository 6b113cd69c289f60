/**
 * The website-form webhook against DynamoDB Local: good, bad signature, stale, replayed,
 * duplicate, malformed, oversized; nothing written when refused. Requirements: A1-1, X-4, X-5.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { hubDeps, webForm } from '../test/support/builders.js';
import { createTestLedger, type TestLedger } from '../test/support/ledger.js';
import { makeHandler } from './inquiry-webhook.handler.js';
import { createLogger } from './shared/logger.js';
import { signWebhook } from './shared/webhook-signature.js';

const SECRET = 'test-webhook-secret-0123456789';
let t: TestLedger;
beforeAll(async () => {
  t = await createTestLedger();
});

function setup() {
  const hub = hubDeps(t.ledger);
  const handler = makeHandler({
    hub,
    secret: async () => SECRET,
    logger: createLogger('test'),
    replayWindowSeconds: 300,
    maxBodyBytes: 65_536,
  });
  const nowSeconds = () => Math.floor(hub.clock.now().getTime() / 1000);
  return { hub, handler, nowSeconds };
}

function event(body: string, headers: Record<string, string>): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /webhooks/inquiry',
    rawPath: '/webhooks/inquiry',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', ...headers },
    requestContext: {
      accountId: 'test',
      apiId: 'test',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: 'POST',
        path: '/webhooks/inquiry',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'test',
      },
      requestId: 'r',
      routeKey: 'POST /webhooks/inquiry',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
    body,
    isBase64Encoded: false,
  };
}

const signed = (body: string, timestamp: number, secret = SECRET) =>
  event(body, {
    'X-Signature-Timestamp': String(timestamp),
    'X-Signature': signWebhook(secret, timestamp, body),
  });

async function storedInquiriesOf(company: string) {
  const { normalizeCompanyName } = await import('../core/clients/client-matching.js');
  const clients = await t.ledger.findClientsByNormalizedName(normalizeCompanyName(company));
  return (await Promise.all(clients.map((c) => t.ledger.listInquiriesOfClient(c.clientId)))).flat();
}

const uniqueCompany = () => `株式会社フック${Math.random().toString(36).slice(2, 8)}`;

describe('POST /webhooks/inquiry', () => {
  it('stores a correctly signed inquiry and answers 201 with its deadline', async () => {
    const { handler, nowSeconds } = setup();
    const company = uniqueCompany();
    const body = JSON.stringify(webForm({ company }));
    const result = await handler(signed(body, nowSeconds()));
    expect(result.statusCode).toBe(201);
    expect(JSON.parse(result.body as string)).toMatchObject({
      firstContactDueAt: '2026-11-30T14:59:59.999Z',
    });
    expect(await storedInquiriesOf(company)).toHaveLength(1);
  });

  it.each([
    [
      'a wrong secret',
      (b: string, ts: number) => signed(b, ts, 'another-secret-0123456789'),
      'BAD_SIGNATURE',
    ],
    ['no signature', (b: string) => event(b, {}), 'MISSING_SIGNATURE'],
    [
      'a tampered body',
      (b: string, ts: number) => ({ ...signed(b, ts), body: b.replace('フック', 'ハック') }),
      'BAD_SIGNATURE',
    ],
    [
      'a malformed signature header',
      (b: string, ts: number) => event(b, { 'x-signature-timestamp': String(ts), 'x-signature': 'md5=abc' }),
      'BAD_SIGNATURE',
    ],
    ['a stale timestamp (301 s old)', (b: string, ts: number) => signed(b, ts - 301), 'STALE'],
    ['a timestamp from the future (301 s ahead)', (b: string, ts: number) => signed(b, ts + 301), 'STALE'],
  ])('refuses %s with 401 and writes nothing', async (_case, build, reason) => {
    const { handler, nowSeconds } = setup();
    const company = uniqueCompany();
    const result = await handler(build(JSON.stringify(webForm({ company })), nowSeconds()));
    expect(result.statusCode).toBe(401);
    expect(JSON.parse(result.body as string)).toEqual({ error: reason });
    expect(await storedInquiriesOf(company)).toEqual([]);
  });

  it('refuses a replay of a captured request once its window has passed', async () => {
    const { hub, handler, nowSeconds } = setup();
    const captured = signed(JSON.stringify(webForm({ company: uniqueCompany() })), nowSeconds());
    expect((await handler(captured)).statusCode).toBe(201);
    hub.clock.advance(301_000);
    expect((await handler(captured)).statusCode).toBe(401);
  });

  it('answers a duplicate delivery with the first response, storing one inquiry', async () => {
    const { hub, handler, nowSeconds } = setup();
    const company = uniqueCompany();
    const body = JSON.stringify(webForm({ company }));
    const first = await handler(signed(body, nowSeconds()));
    hub.clock.advance(30_000);
    const again = await handler(signed(body, nowSeconds()));
    expect(again).toEqual(first);
    expect(await storedInquiriesOf(company)).toHaveLength(1);
  });

  it('stores one inquiry under concurrent duplicate deliveries', async () => {
    const { handler, nowSeconds } = setup();
    const company = uniqueCompany();
    const body = JSON.stringify(webForm({ company }));
    const results = await Promise.all(Array.from({ length: 8 }, () => handler(signed(body, nowSeconds()))));
    expect(new Set(results.map((r) => r.body)).size).toBe(1);
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    expect(await storedInquiriesOf(company)).toHaveLength(1);
  });

  it('answers 400 for malformed JSON', async () => {
    const { handler, nowSeconds } = setup();
    const result = await handler(signed('{"company": ', nowSeconds()));
    expect(result.statusCode).toBe(400);
    expect(JSON.parse(result.body as string)).toMatchObject({ error: 'MALFORMED_JSON' });
  });

  it('answers 400 listing each bad field, and writes nothing', async () => {
    const { handler, nowSeconds } = setup();
    const company = uniqueCompany();
    const body = JSON.stringify(
      webForm({ company, submissionId: '', contactName: undefined, email: 'x', phone: 'abc' }),
    );
    const result = await handler(signed(body, nowSeconds()));
    expect(result.statusCode).toBe(400);
    const paths = (JSON.parse(result.body as string) as { fieldErrors: { path: string }[] }).fieldErrors.map(
      (f) => f.path,
    );
    expect(paths.sort()).toEqual(['body.contactName', 'body.email', 'body.phone', 'body.submissionId']);
    expect(await storedInquiriesOf(company)).toEqual([]);
  });

  it('answers 413 for a body over 64 KiB, before anything else', async () => {
    const { handler, nowSeconds } = setup();
    const company = uniqueCompany();
    const body = JSON.stringify(webForm({ company, message: 'あ'.repeat(22_000) }));
    expect(Buffer.byteLength(body)).toBeGreaterThan(65_536);
    const result = await handler(signed(body, nowSeconds()));
    expect(result.statusCode).toBe(413);
    expect(await storedInquiriesOf(company)).toEqual([]);
  });
});
