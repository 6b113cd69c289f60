/**
 * The adapter and the sandbox cannot drift from GMO Sign's public definition again: every request
 * the adapter makes (each of the six operations, no field the definition does not know) and every
 * answer and callback the sandbox gives are validated against the project's OpenAPI document
 * docs/integrations/gmosign.openapi.json. A5-2, A5-6, X-3.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelopeToSend } from '../../test/support/signing.js';
import { GmoSignSignatureService } from './gmosign.adapter.js';
import { type GmoSignSandbox, startGmoSignSandbox } from './gmosign.sandbox.js';
import { loadGmoSignContract } from './gmosign-openapi.js';

const contract = loadGmoSignContract();
const strict = loadGmoSignContract({ strict: true });
let sandbox: GmoSignSandbox;
let receiver: Server;
let receiverUrl: string;
const received: unknown[] = [];

beforeAll(async () => {
  sandbox = await startGmoSignSandbox({ callbackDelayMs: 1, recordExchanges: true });
  receiver = createServer(async (req, res) => {
    let text = '';
    for await (const chunk of req) text += chunk;
    received.push(JSON.parse(text));
    res.end('{}');
  });
  await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/gmosign/secret-of-the-test`;
});
afterAll(async () => {
  await sandbox.stop();
  await new Promise((ok) => receiver.close(ok));
});

describe('GMO Sign against its definition (our OpenAPI document)', () => {
  it('validates every request the adapter makes and every answer and callback the sandbox gives', async () => {
    const gmo = new GmoSignSignatureService({
      baseUrl: sandbox.apiUrl,
      customerId: sandbox.customerId,
      secretKey: sandbox.secretKey,
      timeoutMs: 2000,
      retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    });
    const { connectId } = await gmo.registerCompletionWebhook(receiverUrl);
    const pdf = await gmo.send(envelopeToSend('BASIC-app_1-1'));
    const template = await gmo.send({
      templateId: 'TPL-INDIVIDUAL',
      envelopeName: 'INDIVIDUAL-ord_1-1',
      ourSigners: [{ name: '鈴木 彩花', email: 'mkt.suzuki@haken-agency.example' }],
      partnerSigners: [
        { name: '山田 花子', email: 'hanako@minato-logi.example', organization: '株式会社みなと物流' },
      ],
      approvers: [{ name: '高橋 美咲', email: 'sales.tokyo1@haken-agency.example' }],
    });
    // A send without in-house signers (the partner alone) and one without partners.
    await gmo.send({ ...envelopeToSend('TEST-partner-only'), ourSigners: [] });
    await gmo.send({ ...envelopeToSend('TEST-in-house-only'), partnerSigners: [] });
    sandbox.sign(pdf.envelopeId);
    sandbox.sign(template.envelopeId);
    await expect.poll(() => received.length).toBe(2);
    await gmo.downloadSigned(pdf.documentIds[0] as string);
    await gmo.downloadSigned(template.documentIds[0] as string);
    await expect(gmo.downloadSigned('ctl-none')).rejects.toMatchObject({ status: 404 });
    await gmo.deregisterCompletionWebhook(connectId);

    const exchanges = sandbox.exchanges;
    expect(new Set(exchanges.map((e) => e.operationId))).toEqual(
      new Set([
        'CreateHookEnvelope',
        'RegisterEnvelopeDocument',
        'RequestEnvelopeSignature',
        'SendEnvelope',
        'GetDocuments',
        'DeleteHook',
      ]),
    );
    for (const exchange of exchanges) {
      const where = `${exchange.request.method} ${exchange.request.path}`;
      expect(strict.checkRequest(exchange.request).problems, where).toEqual([]);
      expect(
        contract.checkResponse(exchange.operationId as string, exchange.status, exchange.answer),
        where,
      ).toEqual([]);
    }
    expect(received).toEqual(sandbox.callbacks.map((c) => c.body));
    for (const body of received) expect(contract.checkCallback(body)).toEqual([]);
  });

  it('catches what the adapter used to send and what the sandbox used to answer', () => {
    const request = (method: string, path: string, body?: unknown, query: Record<string, string> = {}) =>
      strict.checkRequest({ method, path, query, authorization: 'Basic YTpi', body }).problems;
    expect(request('POST', '/auth/token', { customer_id: 'a', secret_key: 'b' })).toEqual([
      'POST /auth/token is not an operation of the definition',
    ]);
    expect(
      strict.checkRequest({
        method: 'POST',
        path: '/customer/connect',
        query: {},
        authorization: 'Bearer t',
        body: { url: 'http://x', envelopeEvents: 'Completed' },
      }).problems,
    ).toEqual(
      expect.arrayContaining([
        'header/authorization must be HTTP Basic (customer id and secret key)',
        'body/name is required',
        'body/urlToPublishTo is required',
        'body/url is not in the definition',
      ]),
    );
    expect(
      request('POST', '/customer/envelopes/documents', {
        document_code: 'X',
        reuse_flag: 0,
        file_name: 'a.pdf',
        file: 'JVBE',
      }),
    ).toEqual(expect.arrayContaining(['body/document is required', 'body/reuse_flag must be one of 1']));
    expect(
      request('POST', '/customer/envelopes/signatures/request', {
        envelope_name: 'X',
        document_list: [{}],
        our_signer_list: [{ order_no: 1, sign_type: 0, name: 'a', email: 'a@b' }],
      }),
    ).toEqual(
      expect.arrayContaining([
        'body/is_detailed_response is required',
        'body/document_list/0/document_code is required',
        'body/our_signer_list/0/order_no must be string',
        'body/our_signer_list/0/sign_type must be one of 1, 2',
        'body/our_signer_list/0/name is not in the definition',
      ]),
    );
    expect(
      request('POST', '/customer/envelopes/templates/T/transaction', {
        envelope_name: 'X',
        our_signer_list: [],
        is_web_hook: 1,
      }),
    ).toEqual(expect.arrayContaining(['body/signer_list is required']));
    expect(
      request('GET', '/customer/documents/d', undefined, { download_type: 'signed', operation: 'download' }),
    ).toEqual(
      expect.arrayContaining(['query/download_type must be integer', 'query/operation must be integer']),
    );
    expect(request('GET', '/customer/envelopes', undefined, { envelope_name: 'X' })).toEqual([
      'GET /customer/envelopes is not an operation of the definition',
    ]);
    expect(contract.checkResponse('CreateHookEnvelope', 200, { connect_id: 'c' })).toEqual([
      'CreateHookEnvelope answers 200, which the definition does not list',
    ]);
    expect(contract.checkResponse('GetDocuments', 200, { downloadedDocument: 'not base64!' })).toEqual([
      'answer/downloadedDocument must match format "byte"',
    ]);
    expect(contract.checkCallback({ envelope_name: 1, document_list: [{ documentId: 7 }] })).toEqual(
      expect.arrayContaining([
        'callback/envelope_name must be string',
        'callback/document_list/0/documentId must be string',
      ]),
    );
  });
});
