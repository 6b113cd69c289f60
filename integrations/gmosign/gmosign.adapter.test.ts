/**
 * The GMO Sign adapter against its sandbox over HTTP, both speaking the public definition
 * (gmosign-mapping.ts, docs/integrations/gmosign.openapi.json): sending a PDF and from a template
 * with approvers and signers placed as the definition places them, the signed PDF by GetDocuments,
 * the callback registration, HTTP Basic; the sandbox refusing what the definition refuses and
 * keeping its envelopes across a restart. A5-2, A5-6, A6-5.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelopeToSend, samplePdf } from '../../test/support/signing.js';
import { GmoSignSignatureService } from './gmosign.adapter.js';
import { type GmoSignSandbox, startGmoSignSandbox } from './gmosign.sandbox.js';
import { basicAuthorization } from './gmosign-mapping.js';

let sandbox: GmoSignSandbox;
const stateFile = join(mkdtempSync(join(tmpdir(), 'gmosign-')), 'gmosign.json');
beforeAll(async () => {
  sandbox = await startGmoSignSandbox({ callbackDelayMs: 10, stateFile, recordExchanges: true });
});
afterAll(() => sandbox.stop());

function adapter(secretKey = sandbox.secretKey, target = sandbox) {
  return new GmoSignSignatureService({
    baseUrl: target.apiUrl,
    customerId: target.customerId,
    secretKey,
    timeoutMs: 2000,
    retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 },
  });
}

/** A raw call to the sandbox's API, as any client could make it. */
async function call(method: string, path: string, body?: unknown, authorization?: string) {
  const response = await fetch(`${sandbox.apiUrl}${path}`, {
    method,
    headers: {
      authorization: authorization ?? basicAuthorization(sandbox.customerId, sandbox.secretKey),
      'content-type': 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('GMO Sign adapter', () => {
  it('registers the PDF, requests the signatures, and downloads the signed PDF with its size and SHA-256', async () => {
    const gmo = adapter();
    const sent = await gmo.send(envelopeToSend('BASIC-cli_1-1'));
    const envelope = sandbox.envelopes.get(sent.envelopeId);
    expect(envelope).toMatchObject({ envelope_name: 'BASIC-cli_1-1', status: 'SENT', webHook: true });
    expect(sent.documentIds).toEqual(envelope?.documents.map((d) => d.control_number));
    // In-house signers first (the definition's in-house list has no name), then the client.
    expect(envelope?.parties).toEqual([
      expect.objectContaining({ role: 'IN_HOUSE', order: 1, email: 'legal.tanaka@haken-agency.example' }),
      expect.objectContaining({
        role: 'PARTNER',
        order: 1,
        name: '山田 花子',
        organization: '株式会社みなと物流',
      }),
    ]);
    expect(sandbox.registered.get('BASIC-cli_1-1')?.base64).toBe(samplePdf.toString('base64'));

    sandbox.sign(sent.envelopeId);
    const signed = await gmo.downloadSigned(sent.documentIds[0] as string);
    const expected = Buffer.from(
      sandbox.documentOf(sent.documentIds[0] as string)?.base64 as string,
      'base64',
    );
    expect(signed.size).toBe(expected.length);
    expect(signed.sha256).toBe(createHash('sha256').update(expected).digest('hex'));
    expect(signed.sha256).not.toBe(createHash('sha256').update(samplePdf).digest('hex'));
  });

  it('sends from a template kept in GMO Sign, with the sales rep as approver before the signers', async () => {
    const gmo = adapter();
    const sent = await gmo.send({
      templateId: 'TPL-INDIVIDUAL',
      envelopeName: 'INDIVIDUAL-ord_1-1',
      ourSigners: [{ name: '鈴木 彩花', email: 'mkt.suzuki@haken-agency.example' }],
      partnerSigners: [
        { name: '山田 花子', email: 'hanako@minato-logi.example', organization: '株式会社みなと物流' },
      ],
      approvers: [{ name: '高橋 美咲', email: 'sales.tokyo1@haken-agency.example' }],
    });
    const envelope = sandbox.envelopes.get(sent.envelopeId);
    expect(envelope?.documents[0]?.document_name).toBe('労働者派遣個別契約書.pdf');
    expect(envelope?.parties.map((p) => [p.role, p.name])).toEqual([
      ['APPROVER', '高橋 美咲'],
      ['IN_HOUSE', '鈴木 彩花'],
      ['PARTNER', '山田 花子'],
    ]);
    // By hand: the approver, then the in-house signer, then the client; only the last completes it.
    sandbox.act(sent.envelopeId);
    sandbox.act(sent.envelopeId);
    expect(envelope?.status).toBe('SENT');
    sandbox.act(sent.envelopeId);
    expect(envelope?.status).toBe('COMPLETED');
    expect((await gmo.downloadSigned(sent.documentIds[0] as string)).size).toBeGreaterThan(0);
  });

  it('registers the completion callback (201, connect_id) and removes it again', async () => {
    const gmo = adapter();
    const { connectId } = await gmo.registerCompletionWebhook(
      'http://127.0.0.1:9/webhooks/gmosign/s3cret-s3cret-s3cret',
    );
    expect(sandbox.connections.get(connectId)).toMatchObject({
      urlToPublishTo: 'http://127.0.0.1:9/webhooks/gmosign/s3cret-s3cret-s3cret',
      envelopeEvents: 'Completed',
    });
    await gmo.deregisterCompletionWebhook(connectId);
    expect(sandbox.connections.has(connectId)).toBe(false);
    await expect(gmo.deregisterCompletionWebhook(connectId)).rejects.toMatchObject({
      status: 404,
      retryable: false,
    });
  });

  it('reports wrong credentials as a non-retryable IntegrationError', async () => {
    const error = await adapter('wrong')
      .send(envelopeToSend('BASIC-cli_2-1'))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      system: 'gmosign',
      operation: 'RegisterEnvelopeDocument',
      retryable: false,
      status: 401,
    });
  });

  it('retries downloads through retryable faults; sends the signature request only once', async () => {
    const gmo = adapter();
    const sent = await gmo.send(envelopeToSend('BASIC-cli_3-1'));
    sandbox.sign(sent.envelopeId);
    sandbox.setFaults({
      rate: 0.5,
      seed: 9,
      kinds: ['429', '503', 'reset'],
      pathFilter: '/customer/documents',
    });
    for (let i = 0; i < 5; i += 1)
      expect((await gmo.downloadSigned(sent.documentIds[0] as string)).size).toBeGreaterThan(0);
    sandbox.setFaults({ rate: 1, seed: 1, kinds: ['503'], pathFilter: 'signatures/request' });
    const requests = () =>
      sandbox.exchanges.filter((e) => e.request.path.endsWith('signatures/request')).length;
    const before = requests();
    await expect(gmo.send(envelopeToSend('BASIC-cli_4-1'))).rejects.toMatchObject({ status: 503 });
    sandbox.setFaults(undefined);
    expect(requests()).toBe(before + 1);
  });
});

describe('GMO Sign sandbox', () => {
  const valid = {
    envelope_name: 'RAW-1',
    document_list: [{ document_code: 'RAW-1', document_name: 'a.pdf' }],
    is_detailed_response: 1,
    our_signer_list: [{ order_no: '1', sign_type: 2, email: 'legal@agency.example' }],
    in_house_signer_envelope_documents_list: [
      { signer_no: 'legal@agency.example', document_code: 'RAW-1', request_type: '1' },
    ],
  };

  it('refuses what the definition refuses, naming the field', async () => {
    await call('POST', '/customer/envelopes/documents', {
      document: samplePdf.toString('base64'),
      document_code: 'RAW-1',
      reuse_flag: 1,
    });
    expect((await call('POST', '/customer/envelopes/signatures/request', valid)).status).toBe(200);
    const refused = async (body: unknown, path = '/customer/envelopes/signatures/request') => {
      const answer = await call('POST', path, body);
      expect(answer.status).toBe(400);
      return answer.body.message as string;
    };
    const { is_detailed_response: _d, ...withoutDetailed } = valid;
    expect(await refused(withoutDetailed)).toContain('body/is_detailed_response is required');
    expect(
      await refused({ ...valid, our_signer_list: [{ order_no: 1, sign_type: 2, email: 'x@y' }] }),
    ).toContain('body/our_signer_list/0/order_no must be string');
    expect(
      await refused({ ...valid, our_signer_list: [{ order_no: '1', sign_type: 0, email: 'x@y' }] }),
    ).toContain('body/our_signer_list/0/sign_type must be one of 1, 2');
    const { in_house_signer_envelope_documents_list: _l, ...withoutDocuments } = valid;
    expect(await refused(withoutDocuments)).toContain('in_house_signer_envelope_documents_list');
    expect(
      await refused({ ...valid, document_list: [{ document_code: 'NEVER', document_name: 'x.pdf' }] }),
    ).toContain('NEVER is not registered');
    expect(
      await refused({ file: 'x', file_name: 'a.pdf', reuse_flag: 0 }, '/customer/envelopes/documents'),
    ).toMatch(/body\/document is required.*reuse_flag must be one of 1/);
    expect(await refused({ url: 'http://x', envelopeEvents: 'Completed' }, '/customer/connect')).toMatch(
      /name is required.*urlToPublishTo is required/,
    );
    expect(
      await refused(
        { envelope_name: 'T', is_web_hook: 1, our_signer_list: [] },
        '/customer/envelopes/templates/TPL-BASIC/transaction',
      ),
    ).toContain('body/signer_list is required');
    const download = await call('GET', '/customer/documents/x?download_type=signed&operation=download');
    expect(download.status).toBe(400);
    expect(download.body.message).toMatch(
      /query\/download_type must be integer.*query\/operation must be integer/,
    );
  });

  it('refuses wrong Basic credentials and a Bearer token with 401', async () => {
    const wrong = await call('POST', '/customer/connect', {}, basicAuthorization(sandbox.customerId, 'nope'));
    expect(wrong.status).toBe(401);
    expect((await call('POST', '/customer/connect', {}, 'Bearer abc')).status).toBe(401);
  });

  it('keeps envelopes, documents and callback registrations across a restart', async () => {
    const gmo = adapter();
    const sent = await gmo.send(envelopeToSend('BASIC-cli_9-1'));
    const { connectId } = await gmo.registerCompletionWebhook('http://127.0.0.1:9/cb');
    await sandbox.stop();
    sandbox = await startGmoSignSandbox({ callbackDelayMs: 10, stateFile });
    expect(sandbox.envelopes.get(sent.envelopeId)).toMatchObject({
      envelope_name: 'BASIC-cli_9-1',
      status: 'SENT',
    });
    expect(sandbox.connections.has(connectId)).toBe(true);
    sandbox.sign(sent.envelopeId);
    expect((await adapter().downloadSigned(sent.documentIds[0] as string)).size).toBeGreaterThan(
      samplePdf.length,
    );
  });
});
