/** Unit tests of the signature outbox rules with in-memory fakes (the HTTP path is tested in test/). */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../clock.js';
import { IntegrationError } from '../errors.js';
import { randomIds } from '../ids.js';
import { defaultPolicy } from '../policy-config.js';
import { InMemoryDocumentStore } from '../testing/in-memory-document-store.js';
import { InMemoryClientLedger } from '../testing/in-memory-ledger.js';
import { InMemorySignatureService } from '../testing/in-memory-signature-service.js';
import { dispatchSignatureOutbox, recordEnvelopeCompletion, requestSignature } from './signature-outbox.js';
import type { EnvelopeRequest } from './signature-service.js';

const request = (envelopeName: string): EnvelopeRequest => ({
  envelopeName,
  documentName: 'c.pdf',
  pdfBase64: Buffer.from('%PDF-1.4').toString('base64'),
  ourSigners: [{ name: 'legal', email: 'legal@agency.example' }],
  partnerSigners: [{ name: 'client', email: 'client@client.example' }],
  approvers: [],
});

/** Keeps documents in memory: core tests touch no disk. */
const documents = new InMemoryDocumentStore();

function setup() {
  const ledger = new InMemoryClientLedger();
  const signatures = new InMemorySignatureService();
  const clock = new FixedClock(new Date('2026-11-30T01:00:00Z'));
  const deps = {
    ledger,
    clock,
    ids: randomIds,
    policy: defaultPolicy,
    signatures,
    signatureRetry: { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 4000 },
  };
  return { deps, ledger, signatures, clock };
}

describe('signature outbox (rules)', () => {
  it('resolves a lost answer by lookup, never by a second send', async () => {
    const { deps, ledger, signatures } = setup();
    await requestSignature(deps, { businessType: 'BASIC_CONTRACT', businessId: 'c1' }, request('BASIC-c1-1'));
    signatures.loseNextAnswer = true;
    expect(await dispatchSignatureOutbox(deps)).toMatchObject({ needsConfirmation: 1 });
    expect(await dispatchSignatureOutbox(deps)).toMatchObject({ confirmed: 1 });
    expect(signatures.sends).toBe(1);
    expect((await ledger.getSignatureEnvelope('BASIC-c1-1'))?.state).toBe('SENT');
  });

  it('sends again later when the service answered that it did not process the request', async () => {
    const { deps, signatures, clock } = setup();
    await requestSignature(deps, { businessType: 'BASIC_CONTRACT', businessId: 'c2' }, request('BASIC-c2-1'));
    signatures.failNextWith = new IntegrationError({
      system: 'gmosign',
      operation: 'requestSignatures',
      retryable: true,
      status: 503,
      message: 'busy',
    });
    expect(await dispatchSignatureOutbox(deps)).toMatchObject({ retrying: 1 });
    expect(await dispatchSignatureOutbox(deps)).toMatchObject({ sent: 0 }); // not due yet
    clock.advance(1000);
    expect(await dispatchSignatureOutbox(deps)).toMatchObject({ sent: 1 });
    expect(signatures.envelopes.size).toBe(1);
  });

  it('takes a SENDING entry left by a stopped dispatcher as unknown and looks it up', async () => {
    const { deps, ledger, clock } = setup();
    const entry = await requestSignature(
      deps,
      { businessType: 'BASIC_CONTRACT', businessId: 'c3' },
      request('BASIC-c3-1'),
    );
    await ledger.commit(
      [
        {
          entity: { type: 'SIGNATURE_ENVELOPE', value: { ...entry, state: 'SENDING', version: 2 } },
          expectedVersion: 1,
        },
      ],
      [],
    );
    clock.advance(1);
    expect(await dispatchSignatureOutbox(deps)).toMatchObject({ retrying: 1 }); // not there: safe to send
    expect(await dispatchSignatureOutbox(deps)).toMatchObject({ sent: 1 });
  });

  it('records completion with the signed PDF’s checksum', async () => {
    const { deps, ledger, signatures } = setup();
    await requestSignature(deps, { businessType: 'BASIC_CONTRACT', businessId: 'c4' }, request('BASIC-c4-1'));
    await dispatchSignatureOutbox(deps);
    signatures.sign('env-1');
    expect(await recordEnvelopeCompletion({ ...deps, documents }, 'BASIC-c4-1')).toBe('COMPLETED');
    expect((await ledger.getSignatureEnvelope('BASIC-c4-1'))?.signedPdf).toEqual({
      size: 8,
      sha256: createHash('sha256').update('%PDF-1.4').digest('hex'),
      location: 'memory://signed/BASIC-c4-1.pdf',
    });
    expect(documents.stored.get('signed/BASIC-c4-1.pdf')?.content.toString()).toBe('%PDF-1.4');
  });
});
