/** The GMO Sign adapter against its sandbox over HTTP (assumed endpoints, gmosign-mapping.ts). */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../core/clock.js';
import { envelopeRequest, samplePdf } from '../../test/support/signing.js';
import { GmoSignAdapter } from './gmosign.adapter.js';
import { type GmoSignSandbox, startGmoSignSandbox } from './gmosign.sandbox.js';

let now = new Date('2026-11-30T01:00:00Z');
let sandbox: GmoSignSandbox;
beforeAll(async () => {
  sandbox = await startGmoSignSandbox({ now: () => now, callbackDelayMs: 10 });
});
afterAll(() => sandbox.stop());

const pdf = samplePdf;

function adapter(clock = new FixedClock(now), secretKey = sandbox.secretKey) {
  return new GmoSignAdapter(
    {
      baseUrl: sandbox.url,
      customerId: sandbox.customerId,
      secretKey,
      timeoutMs: 2000,
      retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 },
    },
    clock,
  );
}

describe('GMO Sign adapter', () => {
  it('sends, finds by envelope name, and downloads the signed PDF with its size and SHA-256', async () => {
    const gmo = adapter();
    const sent = await gmo.send(envelopeRequest('BASIC-cli_1-1'));
    expect(await gmo.findEnvelope('BASIC-cli_1-1')).toMatchObject({
      envelopeId: sent.envelopeId,
      status: 'SENT',
    });
    expect(await gmo.findEnvelope('BASIC-nobody')).toBeUndefined();
    await expect(gmo.downloadSigned(sent.documentIds[0] as string)).rejects.toMatchObject({
      retryable: false,
    });

    sandbox.sign(sent.envelopeId);
    const signed = await gmo.downloadSigned(sent.documentIds[0] as string);
    const expected = Buffer.from(
      sandbox.documents.get(sent.documentIds[0] as string)?.base64 as string,
      'base64',
    );
    expect(signed.size).toBe(expected.length);
    expect(signed.sha256).toBe(createHash('sha256').update(expected).digest('hex'));
    expect(signed.sha256).not.toBe(createHash('sha256').update(pdf).digest('hex'));
  });

  it('caches the access token and refreshes it before its 30 minutes run out', async () => {
    const clock = new FixedClock(now);
    const gmo = adapter(clock);
    await gmo.findEnvelope('x');
    await gmo.findEnvelope('x');
    expect(gmo.tokensIssued).toBe(1);
    clock.advance(26 * 60 * 1000); // within the 5-minute margin
    await gmo.findEnvelope('x');
    expect(gmo.tokensIssued).toBe(2);
  });

  it('gets a fresh token once when the service says the token expired', async () => {
    const clock = new FixedClock(now);
    const gmo = adapter(clock);
    await gmo.findEnvelope('x');
    now = new Date(now.getTime() + 31 * 60 * 1000); // the service's clock moved on; the adapter's did not
    await gmo.findEnvelope('x');
    expect(gmo.tokensIssued).toBe(2);
  });

  it('reports wrong credentials as a non-retryable IntegrationError', async () => {
    const error = await adapter(new FixedClock(now), 'wrong')
      .findEnvelope('x')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ system: 'gmosign', operation: 'token', retryable: false, status: 401 });
  });

  it('retries reads through retryable faults', async () => {
    sandbox.setFaults({
      rate: 0.5,
      seed: 9,
      kinds: ['429', '503', 'reset'],
      pathFilter: '/customer/envelopes',
    });
    const gmo = adapter();
    for (let i = 0; i < 5; i += 1) expect(await gmo.findEnvelope('BASIC-nobody')).toBeUndefined();
    sandbox.setFaults(undefined);
  });

  it('sends from a template kept in GMO Sign, with the sales rep as approver', async () => {
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
    expect(envelope?.document_list[0]?.document_name).toBe('労働者派遣個別契約書.pdf');
    expect(envelope?.signers).toMatchObject({ approvers: [{ name: '高橋 美咲', order_no: 1 }] });
    sandbox.sign(sent.envelopeId);
    expect((await gmo.downloadSigned(sent.documentIds[0] as string)).size).toBeGreaterThan(0);
  });
});
