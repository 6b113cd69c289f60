/**
 * The signature outbox against DynamoDB Local and the GMO Sign sandbox over HTTP: one envelope
 * per business object under 20 % faults including answers lost after the envelope was made,
 * and NEEDS_CONFIRMATION resolved by a lookup, never by a blind second send.
 */

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dispatchSignatureOutbox,
  recordEnvelopeCompletion,
  requestSignature,
} from '../core/signing/signature-outbox.js';
import { LocalDocumentStore } from '../integrations/documents/local-document.store.js';
import { GmoSignAdapter } from '../integrations/gmosign/gmosign.adapter.js';
import { type GmoSignSandbox, startGmoSignSandbox } from '../integrations/gmosign/gmosign.sandbox.js';
import { hubDeps } from './support/builders.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';
import { envelopeRequest } from './support/signing.js';

let t: TestLedger;
let sandbox: GmoSignSandbox;
const documents = new LocalDocumentStore(mkdtempSync(join(tmpdir(), 'docs-')), {
  baseUrl: 'http://127.0.0.1:0',
  secret: 'test-secret',
});
beforeAll(async () => {
  t = await createTestLedger();
  sandbox = await startGmoSignSandbox();
});
afterAll(() => sandbox.stop());

function deps() {
  const hub = hubDeps(t.ledger);
  const signatures = new GmoSignAdapter(
    {
      baseUrl: sandbox.url,
      customerId: sandbox.customerId,
      secretKey: sandbox.secretKey,
      timeoutMs: 2000,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    },
    hub.clock,
  );
  return { ...hub, signatures, signatureRetry: { maxAttempts: 20, baseDelayMs: 1000, maxDelayMs: 1000 } };
}

const envelopesNamed = (name: string) =>
  [...sandbox.envelopes.values()].filter((e) => e.envelope_name === name);

describe('signature outbox', () => {
  it('records one envelope per business object, however often it is asked', async () => {
    const d = deps();
    const first = await requestSignature(
      d,
      { businessType: 'BASIC_CONTRACT', businessId: 'cli_a' },
      envelopeRequest('BASIC-cli_a-1'),
    );
    const again = await requestSignature(
      d,
      { businessType: 'BASIC_CONTRACT', businessId: 'cli_a' },
      envelopeRequest('BASIC-cli_a-1'),
    );
    expect(again).toEqual(first);
    expect(await dispatchSignatureOutbox(d)).toMatchObject({ sent: 1 });
    expect(envelopesNamed('BASIC-cli_a-1')).toHaveLength(1);
    expect((await t.ledger.getSignatureEnvelope('BASIC-cli_a-1'))?.state).toBe('SENT');
  });

  it('marks a send whose answer was lost NEEDS_CONFIRMATION and confirms it by lookup, without a second send', async () => {
    const d = deps();
    await requestSignature(
      d,
      { businessType: 'BASIC_CONTRACT', businessId: 'cli_b' },
      envelopeRequest('BASIC-cli_b-1'),
    );
    sandbox.setFaults({
      rate: 1,
      seed: 1,
      kinds: ['timeout-after-commit'],
      pathFilter: 'signatures/request',
    });
    expect(await dispatchSignatureOutbox(d)).toMatchObject({ needsConfirmation: 1 });
    sandbox.setFaults(undefined);
    expect((await t.ledger.getSignatureEnvelope('BASIC-cli_b-1'))?.state).toBe('NEEDS_CONFIRMATION');
    expect(await dispatchSignatureOutbox(d)).toMatchObject({ confirmed: 1, sent: 0 });
    const entry = await t.ledger.getSignatureEnvelope('BASIC-cli_b-1');
    expect(entry).toMatchObject({
      state: 'SENT',
      envelopeId: envelopesNamed('BASIC-cli_b-1')[0]?.envelope_xid,
    });
    expect(envelopesNamed('BASIC-cli_b-1')).toHaveLength(1);
  });

  it('sends again after confirming that a lost request never arrived', async () => {
    const d = deps();
    await requestSignature(
      d,
      { businessType: 'BASIC_CONTRACT', businessId: 'cli_c' },
      envelopeRequest('BASIC-cli_c-1'),
    );
    sandbox.setFaults({ rate: 1, seed: 1, kinds: ['reset'], pathFilter: 'signatures/request' });
    expect(await dispatchSignatureOutbox(d)).toMatchObject({ needsConfirmation: 1 });
    sandbox.setFaults(undefined);
    expect(await dispatchSignatureOutbox(d)).toMatchObject({ retrying: 1 }); // looked up: not there → PENDING
    expect(await dispatchSignatureOutbox(d)).toMatchObject({ sent: 1 });
    expect(envelopesNamed('BASIC-cli_c-1')).toHaveLength(1);
  });

  it('makes exactly one envelope per business object under 20 % injected faults', async () => {
    const d = deps();
    const names = Array.from({ length: 15 }, (_, i) => `INDIVIDUAL-ord_${i}-1`);
    for (const name of names)
      await requestSignature(
        d,
        { businessType: 'INDIVIDUAL_CONTRACT', businessId: name },
        envelopeRequest(name),
      );
    sandbox.setFaults({ rate: 0.2, seed: 77, kinds: ['429', '500', '503', 'reset', 'timeout-after-commit'] });
    for (let round = 0; round < 40; round += 1) {
      await dispatchSignatureOutbox(d, { limit: 50 });
      d.clock.advance(2000);
      const states = await Promise.all(names.map((n) => t.ledger.getSignatureEnvelope(n)));
      if (states.every((s) => s?.state === 'SENT')) break;
    }
    sandbox.setFaults(undefined);
    const states = await Promise.all(names.map((n) => t.ledger.getSignatureEnvelope(n)));
    expect(states.map((s) => s?.state)).toEqual(names.map(() => 'SENT'));
    for (const name of names) expect(envelopesNamed(name)).toHaveLength(1);
  });

  it('records a completion only after looking the envelope up, once, with the signed PDF’s checksum', async () => {
    const d = deps();
    await requestSignature(
      d,
      { businessType: 'BASIC_CONTRACT', businessId: 'cli_d' },
      envelopeRequest('BASIC-cli_d-1'),
    );
    await dispatchSignatureOutbox(d);
    expect(await recordEnvelopeCompletion({ ...d, documents }, 'BASIC-cli_d-1')).toBe('SENT'); // a premature or forged hint changes nothing
    const xid = envelopesNamed('BASIC-cli_d-1')[0]?.envelope_xid as string;
    sandbox.sign(xid);
    expect(await recordEnvelopeCompletion({ ...d, documents }, 'BASIC-cli_d-1')).toBe('COMPLETED');
    expect(await recordEnvelopeCompletion({ ...d, documents }, 'BASIC-cli_d-1')).toBe('COMPLETED');
    const entry = await t.ledger.getSignatureEnvelope('BASIC-cli_d-1');
    const documentId = entry?.documentIds?.[0] as string;
    const signed = Buffer.from(sandbox.documents.get(documentId)?.base64 as string, 'base64');
    expect(entry?.signedPdf).toEqual({
      size: signed.length,
      sha256: createHash('sha256').update(signed).digest('hex'),
      location: expect.stringMatching(/^file:\/\/.*\/signed\/BASIC-cli_d-1\.pdf$/),
    });
    expect(readFileSync(new URL(entry?.signedPdf?.location as string))).toEqual(signed);
    expect(await recordEnvelopeCompletion({ ...d, documents }, 'NOBODY')).toBe('UNKNOWN');
  });

  it('marks a declined envelope FAILED', async () => {
    const d = deps();
    await requestSignature(
      d,
      { businessType: 'BASIC_CONTRACT', businessId: 'cli_e' },
      envelopeRequest('BASIC-cli_e-1'),
    );
    await dispatchSignatureOutbox(d);
    sandbox.sign(envelopesNamed('BASIC-cli_e-1')[0]?.envelope_xid as string, 'DECLINED');
    expect(await recordEnvelopeCompletion({ ...d, documents }, 'BASIC-cli_e-1')).toBe('FAILED');
  });
});
