/** The SES transport over HTTP against a loopback stand-in of SES v2's SendEmail, and its error mapping under aws-sdk-client-mock. A1-1, X-1. */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { type AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IntegrationError } from '../../core/errors.js';
import type { MailMessage } from '../../core/mail/mail-message.js';
import { SesMailTransport } from './ses-mail.transport.js';

const requests: { path: string; body: Record<string, unknown> }[] = [];
let answer: { status: number; type?: string } = { status: 200 };
let url = '';
const server = createServer(async (req: IncomingMessage, res) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  requests.push({ path: req.url ?? '', body: JSON.parse(body) });
  if (answer.status === 200) {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ MessageId: `ses-${requests.length}` }));
  }
  res.writeHead(answer.status, { 'content-type': 'application/json', 'x-amzn-errortype': answer.type ?? '' });
  res.end(JSON.stringify({ message: answer.type }));
});

beforeAll(async () => {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

const message: MailMessage = {
  messageId: 'mail_1',
  template: 'INQUIRY_ROUTED',
  to: ['mgr.tokyo@haken-agency.example'],
  cc: [],
  subject: '【新規お問い合わせ】株式会社みなと物流 様（SALES_TOKYO）',
  text: '本文',
  state: 'PENDING',
  attempts: 0,
  nextAttemptAt: '2026-11-30T00:00:00Z',
  version: 1,
  createdAt: '2026-11-30T00:00:00Z',
  updatedAt: '2026-11-30T00:00:00Z',
};

const transport = () =>
  new SesMailTransport({ region: 'ap-northeast-1', fromAddress: 'hub@haken-agency.example', endpoint: url });

it('sends through SES v2 from the configured identity, in UTF-8', async () => {
  answer = { status: 200 };
  const before = requests.length;
  expect(await transport().deliver(message)).toEqual({ providerMessageId: `ses-${before + 1}` });
  const sent = requests.at(-1);
  expect(sent?.path).toBe('/v2/email/outbound-emails');
  expect(sent?.body).toMatchObject({
    FromEmailAddress: 'hub@haken-agency.example',
    Destination: { ToAddresses: ['mgr.tokyo@haken-agency.example'] },
    Content: { Simple: { Subject: { Data: message.subject, Charset: 'UTF-8' } } },
  });
});

it('reports a rejection as final, without retrying', async () => {
  answer = { status: 400, type: 'MessageRejected' };
  const before = requests.length;
  const error = await transport()
    .deliver(message)
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(IntegrationError);
  expect(error).toMatchObject({ system: 'ses', retryable: false, status: 400 });
  expect(requests.length - before).toBe(1);
});

it('retries throttling a bounded number of times, then reports it as retryable', async () => {
  answer = { status: 429, type: 'TooManyRequestsException' };
  const before = requests.length;
  const error = await transport()
    .deliver(message)
    .catch((e: unknown) => e);
  expect(error).toMatchObject({ system: 'ses', retryable: true });
  expect(requests.length - before).toBe(3);
});

const serviceError = (name: string, status: number) =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

describe('under aws-sdk-client-mock', () => {
  // Mocked only while this block runs: the tests above speak HTTP.
  let ses: AwsClientStub<SESv2Client>;
  beforeAll(() => {
    ses = mockClient(SESv2Client);
  });
  afterAll(() => ses.restore());
  beforeEach(() => ses.reset());
  const transport = () => new SesMailTransport({ region: 'ap-northeast-1', fromAddress: 'hub@example.com' });

  it('returns SES’s message id', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    await expect(transport().deliver(message)).resolves.toEqual({ providerMessageId: 'ses-1' });
    expect(ses.commandCalls(SendEmailCommand)[0]?.args[0].input).toMatchObject({
      FromEmailAddress: 'hub@example.com',
      Destination: { ToAddresses: ['mgr.tokyo@haken-agency.example'] },
    });
  });

  it.each([
    ['TooManyRequestsException', 429, true],
    ['InternalServiceErrorException', 500, true],
    ['MessageRejected', 400, false],
    ['MailFromDomainNotVerifiedException', 400, false],
    ['AccountSuspendedException', 400, false],
  ] as const)('reports %s (%i) as retryable: %s', async (name, status, retryable) => {
    ses.on(SendEmailCommand).rejects(serviceError(name, status));
    const error = await transport()
      .deliver(message)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ system: 'ses', operation: 'sendEmail', retryable, status });
    expect((error as Error).message).toBe(`ses sendEmail failed: ${name}`);
  });
});
