/**
 * The local host over real HTTP, as a person uses it: dev sign-in, a signed website inquiry,
 * GraphQL with the bearer token, the routing and first-contact flow. A1-1, A1-2, X-5.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../functions/shared/logger.js';
import { signWebhook } from '../functions/shared/webhook-signature.js';
import { accepts, externalAddress } from '../test/support/network.js';
import { freePort, StartupError } from './dynamodb-local.js';
import { fromLoopback } from './http-event.js';
import { DEV_WEBHOOK_SECRET, FETCH_BLOCKED_PORTS, localConfig } from './local-config.js';
import { type LocalHub, startLocalHub } from './local-hub.js';

let hub: LocalHub;
let port: number;

beforeAll(async () => {
  port = await freePort();
  const env = {
    PORT: String(port),
    DYNAMODB_PORT: String(await freePort()),
    DATA_DIR: mkdtempSync(join(tmpdir(), 'hub-')),
    KINTONE_SANDBOX_PORT: '0',
    GSTAFF_SANDBOX_PORT: '0',
    GMOSIGN_SANDBOX_PORT: '0',
    GMOSIGN_CALLBACK_DELAY_MS: '10',
  };
  hub = await startLocalHub(localConfig(env), createLogger('test'), env);
}, 180_000);

afterAll(async () => {
  await hub?.stop();
});

async function signIn(body: object): Promise<string> {
  const response = await fetch(`${hub.url}/dev/token`, { method: 'POST', body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

async function graphql(token: string, query: string, variables: object = {}) {
  const response = await fetch(`${hub.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, Record<string, unknown>>; errors?: unknown[] };
}

/** A signed website inquiry of `company`, routed by marketing to SALES_TOKYO; its id. */
async function routedWebInquiry(company: string): Promise<string> {
  const body = JSON.stringify({
    submissionId: `e2e-${company}-${Date.now()}`,
    company,
    contactName: '山田 花子',
    email: 'hanako@e2e.example',
  });
  const ts = Math.floor(Date.now() / 1000);
  const delivered = await fetch(`${hub.url}/webhooks/inquiry`, {
    method: 'POST',
    headers: {
      'x-signature-timestamp': String(ts),
      'x-signature': signWebhook(DEV_WEBHOOK_SECRET, ts, body),
    },
    body,
  });
  expect(delivered.status).toBe(201);
  const { inquiryId } = (await delivered.json()) as { inquiryId: string };
  const marketing = await signIn({ userId: 'mkt.suzuki', role: 'MARKETING' });
  const routed = await graphql(
    marketing,
    'mutation($id: ID!) { routeInquiry(input: { inquiryId: $id, department: "SALES_TOKYO" }) { ... on Inquiry { status } } }',
    { id: inquiryId },
  );
  expect(routed.data?.routeInquiry).toEqual({ status: 'ROUTED' });
  return inquiryId;
}

/** The page at `url` once it contains `text`; fails (with the last page) when it never does. */
async function pageContaining(url: string, text: string | RegExp): Promise<string> {
  let page = '';
  for (let i = 0; i < 100; i += 1) {
    page = await (await fetch(url)).text();
    if (typeof text === 'string' ? page.includes(text) : text.test(page)) return page;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} never showed ${text}; last page: ${page.slice(0, 500)}`);
}

describe('npm start', () => {
  it('lists every component with its URL', () => {
    expect(hub.components.map((c) => c.url)).toEqual(
      expect.arrayContaining([
        `http://127.0.0.1:${port}/graphql`,
        `http://127.0.0.1:${port}/webhooks/inquiry`,
        `http://127.0.0.1:${port}/dev/token`,
      ]),
    );
  });

  it('serves GraphiQL to a browser', async () => {
    const response = await fetch(`${hub.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('GraphiQL');
  });

  it('publishes the dev signing key and refuses a sign-in without a department for sales', async () => {
    const jwks = (await (await fetch(`${hub.url}/dev/jwks.json`)).json()) as {
      keys: { kty: string; d?: string }[];
    };
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA' });
    expect(jwks.keys[0]?.d).toBeUndefined();
    const refused = await fetch(`${hub.url}/dev/token`, {
      method: 'POST',
      body: '{"userId":"x","role":"SALES"}',
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      fieldErrors: [{ path: 'department', message: 'SALES and MANAGER need a department' }],
    });
  });

  it('takes a signed website inquiry that marketing routes and sales contacts', async () => {
    const marketing = await signIn({ userId: 'mkt.suzuki', role: 'MARKETING' });
    const me = await graphql(marketing, '{ me { userId staffMember { name } } }');
    expect(me.data?.me).toEqual({ userId: 'mkt.suzuki', staffMember: { name: '鈴木 彩花' } });
    const inquiryId = await routedWebInquiry('株式会社イーツーイー');

    const sales = await signIn({ userId: 'sales.tokyo1', role: 'SALES', department: 'SALES_TOKYO' });
    const contacted = await graphql(
      sales,
      'mutation($id: ID!) { recordFirstContact(input: { inquiryId: $id }) { ... on Inquiry { status firstContact { status } } } }',
      { id: inquiryId },
    );
    expect(contacted.data?.recordFirstContact).toEqual({
      status: 'CONTACTED',
      firstContact: { status: 'MET' },
    });
  });

  it('writes a phone inquiry taken in GraphQL to the kintone sandbox’s orders app', async () => {
    const sales = await signIn({ userId: 'sales.osaka1', role: 'SALES', department: 'SALES_OSAKA' });
    const taken = await graphql(
      sales,
      `mutation { recordPhoneInquiry(input: { company: "株式会社キントーン連携", contactName: "佐藤 一郎",
        phone: "06-1111-2222", requestedJobCategory: "軽作業" }) { ... on Inquiry { id client { id } } } }`,
    );
    const { client } = taken.data!.recordPhoneInquiry as unknown as { client: { id: string } };
    const kintone = hub.components.find((c) => c.name.startsWith('kintone sandbox'));
    expect(kintone).toBeDefined();
    let records: { client_name: { value: string } }[] = [];
    for (let i = 0; i < 50 && records.length === 0; i += 1) {
      await new Promise((r) => setTimeout(r, 200));
      const response = await fetch(
        `${kintone?.url}/k/v1/records.json?app=1&query=${encodeURIComponent('client_name = "株式会社キントーン連携"')}`,
        { headers: { 'x-cybozu-api-token': 'sandbox-token-1' } },
      );
      records = ((await response.json()) as { records: typeof records }).records;
    }
    expect(records).toHaveLength(1);
    const sync = await graphql(
      sales,
      `query { client(id: "${client.id}") { ... on Client { kintoneSync { state kintoneRecordId } } } }`,
    );
    expect(sync.data?.client).toEqual({
      kintoneSync: [{ state: 'DONE', kintoneRecordId: expect.any(String) }],
    });
  });

  it('shows at /dev/mail the e-mail the routing sent to the department’s managers', async () => {
    // Its own inquiry: this test does not lean on what another test routed.
    await routedWebInquiry('株式会社メール確認');
    // Its own row: to the Tokyo manager, with this subject, sent.
    const row =
      /<tr><td>[^<]*<\/td><td>[^<]*mgr\.tokyo@haken-agency\.example[^<]*<\/td><td><a href="(\/dev\/mail\/[^"]+)">【新規お問い合わせ】株式会社メール確認 様（SALES_TOKYO）<\/a><\/td><td class="SENT">SENT<\/td><\/tr>/;
    const list = await pageContaining(`${hub.url}/dev/mail`, row);
    const link = row.exec(list)?.[1] as string;
    const message = await (await fetch(`${hub.url}${link}`)).text();
    expect(message).toContain('自社HPから受け付けた人材のお問い合わせが、SALES_TOKYO に振り分けられました。');
    expect((await fetch(`${hub.url}/dev/mail/nope`)).status).toBe(404);
  });

  it('shows a seeded client’s G-Staff facts from the mirror', async () => {
    const sales = await signIn({ userId: 'sales.osaka1', role: 'SALES', department: 'SALES_OSAKA' });
    const result = await graphql(
      sales,
      '{ gstaffClients(name: "テスト製作所") { gstaffClientId turnoverRate pastTroubles { date summary } conflictDates { establishment conflictDate } } }',
    );
    expect(result.data?.gstaffClients).toEqual([
      expect.objectContaining({
        gstaffClientId: 'G-1002',
        turnoverRate: 0.38,
        conflictDates: [{ establishment: '本社工場', conflictDate: '2027-01-15' }],
      }),
    ]);
  });

  it('sends a test envelope to the GMO Sign sandbox, signs it there, and records the completion', async () => {
    const sent = await fetch(`${hub.url}/dev/gmosign/test-envelope`, { method: 'POST', redirect: 'manual' });
    expect(sent.status).toBe(303);
    const until = pageContaining;
    expect(await until(`${hub.url}/dev/envelopes`, '<td>SENT</td>')).toContain('TEST-');
    const sandboxUrl = hub.components.find((c) => c.name.startsWith('GMO Sign sandbox'))?.url as string;
    // By hand, as GMO Sign asks them: legal (in-house) signs first, then the client's contact.
    const listed = await until(sandboxUrl, 'TEST-');
    expect(listed.indexOf('legal.tanaka@haken-agency.example')).toBeLessThan(
      listed.indexOf('test@client.example'),
    );
    for (let signer = 0; signer < 2; signer += 1) {
      const page = await (await fetch(sandboxUrl)).text();
      const act = /action="(\/dev\/envelopes\/[^"]+\/act)"/.exec(page)?.[1] as string;
      expect((await fetch(new URL(act, sandboxUrl), { method: 'POST', redirect: 'manual' })).status).toBe(
        303,
      );
    }
    const completed = await until(`${hub.url}/dev/envelopes`, '<td>COMPLETED</td>');
    expect(completed).toMatch(/B, sha256 [0-9a-f]{16}…/);
  });

  it('lets the admin settle an envelope whose send outcome is unknown from /dev/envelopes', async () => {
    const now = new Date().toISOString();
    await hub.hub.ledger.commit(
      [
        {
          entity: {
            type: 'SIGNATURE_ENVELOPE',
            value: {
              envelopeName: 'TEST-lost-answer',
              businessType: 'TEST',
              businessId: 'TEST-lost-answer',
              request: {
                envelopeName: 'TEST-lost-answer',
                templateId: 'TPL-BASIC',
                ourSigners: [],
                partnerSigners: [],
                approvers: [],
              },
              state: 'NEEDS_CONFIRMATION',
              attempts: 1,
              nextAttemptAt: '9999-12-31T23:59:59.999Z',
              lastError: 'socket hang up',
              version: 1,
              createdAt: now,
              updatedAt: now,
            },
          },
        },
      ],
      [],
    );
    expect(await (await fetch(`${hub.url}/dev/envelopes`)).text()).toContain('action="/dev/gmosign/confirm"');
    const confirm = (form: Record<string, string>) =>
      fetch(`${hub.url}/dev/gmosign/confirm`, {
        method: 'POST',
        body: new URLSearchParams(form),
        redirect: 'manual',
      });
    expect(
      (await confirm({ envelopeName: 'TEST-lost-answer', outcome: 'SENT', envelopeId: '' })).status,
    ).toBe(400);
    expect(
      (await confirm({ envelopeName: 'TEST-lost-answer', outcome: 'SENT', envelopeId: 'env-found-1' }))
        .status,
    ).toBe(303);
    expect(await hub.hub.ledger.getSignatureEnvelope('TEST-lost-answer')).toMatchObject({
      state: 'SENT',
      envelopeId: 'env-found-1',
    });
  });

  it('refuses a GMO Sign callback without the path secret', async () => {
    const response = await fetch(`${hub.url}/webhooks/gmosign/wrong-secret-of-some-length`, {
      method: 'POST',
      body: JSON.stringify({ envelope_name: 'TEST-x' }),
    });
    expect(response.status).toBe(404);
  });

  it('treats a forged token as no token', async () => {
    const forged = `${(await signIn({ userId: 'mkt.suzuki', role: 'MARKETING' })).slice(0, -4)}AAAA`;
    const result = await graphql(forged, '{ me { userId } }');
    expect(result.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
    ]);
  });

  it('refuses to start on a port that is taken, saying which', async () => {
    const env = { PORT: String(port), DATA_DIR: mkdtempSync(join(tmpdir(), 'hub-')) };
    const error = await startLocalHub(localConfig(env), createLogger('test'), env).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toMatch(new RegExp(`port ${port} for the hub .* already in use`));
  });

  it.skipIf(!externalAddress())('listens on 127.0.0.1 only unless HOST says otherwise', async () => {
    expect(localConfig({}).HOST).toBe('127.0.0.1');
    expect(await accepts('127.0.0.1', port)).toBe(true);
    expect(await accepts(externalAddress() as string, port)).toBe(false);
  });

  it('answers 413, not 500, to a webhook body over the limit', async () => {
    const big = JSON.stringify({ submissionId: 'big', company: 'x'.repeat(200_000) });
    const inquiry = await fetch(`${hub.url}/webhooks/inquiry`, {
      method: 'POST',
      headers: { 'x-signature-timestamp': '1', 'x-signature': 'v1=00' },
      body: big,
    });
    expect(inquiry.status).toBe(413);
    const secret = 'dev-gmosign-callback-secret';
    const gmosign = await fetch(`${hub.url}/webhooks/gmosign/${secret}`, { method: 'POST', body: big });
    expect(gmosign.status).toBe(413);
    // The host is still up and answers the next request.
    expect((await fetch(`${hub.url}/dev/jwks.json`)).status).toBe(200);
  });
});

describe('the dev-only routes', () => {
  it('tell a loopback peer from any other (so /dev/token mints nothing for the network even on HOST=0.0.0.0)', async () => {
    const external = externalAddress();
    const seen: boolean[] = [];
    const server = createServer((req, res) => {
      seen.push(fromLoopback(req));
      res.end();
    });
    await new Promise<void>((ok) => server.listen(0, '0.0.0.0', ok));
    const { port: open } = server.address() as { port: number };
    try {
      await fetch(`http://127.0.0.1:${open}/`);
      if (external) await fetch(`http://${external}:${open}/`);
    } finally {
      server.close();
    }
    expect(seen).toEqual(external ? [true, false] : [true]);
  });
});

describe('ports Node cannot call', () => {
  it('are refused at start, naming the setting', () => {
    expect(() => localConfig({ PORT: '6000' })).toThrow(
      /PORT=6000: Node's fetch refuses to call port 6000 .*choose another port/,
    );
    expect(() => localConfig({ DYNAMODB_PORT: '6667' })).toThrow(/DYNAMODB_PORT=6667/);
  });

  it('are exactly the ones fetch refuses', async () => {
    const refusal = async (p: number) =>
      fetch(`http://127.0.0.1:${p}/`, { signal: AbortSignal.timeout(2000) }).then(
        () => 'answered',
        (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
      );
    for (const p of FETCH_BLOCKED_PORTS) expect(await refusal(p)).toBe('bad port');
    expect(await refusal(await freePort())).not.toBe('bad port');
  });
});
