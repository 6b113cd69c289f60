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
import { COMPLETION_WEBHOOK_KEY, ensureCompletionWebhook } from './completion-webhook.js';
import {
  AWAITING_CONFIRMATION,
  confirmSignatureEnvelope,
  dispatchSignatureOutbox,
  recordEnvelopeCompletion,
  requestSignature,
} from './signature-outbox.js';
import type { EnvelopeRequest } from './signature-service.js';

const pdf = Buffer.from('%PDF-1.4');
const request = (envelopeName: string): EnvelopeRequest => ({
  envelopeName,
  documentName: 'c.pdf',
  documentKey: `signing/${envelopeName}.pdf`,
  ourSigners: [{ name: 'legal', email: 'legal@agency.example' }],
  partnerSigners: [{ name: 'client', email: 'client@client.example' }],
  approvers: [],
});
const admin = { userId: 'admin.ito', role: 'ADMIN' as const };

/** GMO Sign as its definition has it offers no lookup; `offersLookup` is the fake's other mode. */
function setup(offersLookup = false) {
  const ledger = new InMemoryClientLedger();
  const signatures = new InMemorySignatureService({ offersLookup });
  const documents = new InMemoryDocumentStore();
  const clock = new FixedClock(new Date('2026-11-30T01:00:00Z'));
  const deps = {
    ledger,
    clock,
    ids: randomIds,
    policy: defaultPolicy,
    signatures,
    documents,
    signatureRetry: { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 4000 },
  };
  const ask = async (name: string) => {
    await documents.put(`signing/${name}.pdf`, pdf, 'application/pdf');
    return requestSignature(deps, { businessType: 'BASIC_CONTRACT', businessId: name }, request(name));
  };
  return { deps, ledger, signatures, documents, clock, ask };
}

describe('signature outbox (rules)', () => {
  it('keeps the document in the store and refers to it from the ledger entry', async () => {
    const { deps, ledger, signatures, ask } = setup();
    await ask('BASIC-c0-1');
    const entry = await ledger.getSignatureEnvelope('BASIC-c0-1');
    expect(entry?.request).toMatchObject({ documentKey: 'signing/BASIC-c0-1.pdf' });
    expect(JSON.stringify(entry)).not.toContain(pdf.toString('base64'));
    expect(await dispatchSignatureOutbox(deps)).toMatchObject({ sent: 1 });
    expect(signatures.envelopes.get('env-1')?.pdf).toEqual(pdf);
  });

  it('keeps the outcome of a send during which the workflow wrote its wait onto the entry', async () => {
    const { deps, ledger, signatures, ask } = setup();
    await ask('BASIC-wait-1');
    const send = signatures.send.bind(signatures);
    signatures.send = async (envelope) => {
      const during = (await ledger.getSignatureEnvelope('BASIC-wait-1')) as NonNullable<
        Awaited<ReturnType<typeof ledger.getSignatureEnvelope>>
      >;
      await ledger.commit(
        [
          {
            entity: {
              type: 'SIGNATURE_ENVELOPE',
              value: {
                ...during,
                workflowWait: { applicationId: 'app_1', taskToken: 't' },
                version: during.version + 1,
              },
            },
            expectedVersion: during.version,
          },
        ],
        [],
      );
      return send(envelope);
    };
    expect(await dispatchSignatureOutbox(deps)).toMatchObject({ sent: 1 });
    expect(await ledger.getSignatureEnvelope('BASIC-wait-1')).toMatchObject({
      state: 'SENT',
      envelopeId: 'env-1',
      workflowWait: { applicationId: 'app_1', taskToken: 't' },
    });
  });

  it('fails an entry whose document is gone from the store, without sending', async () => {
    const { deps, ledger, signatures } = setup();
    await requestSignature(
      deps,
      { businessType: 'BASIC_CONTRACT', businessId: 'x' },
      request('BASIC-gone-1'),
    );
    expect(await dispatchSignatureOutbox(deps)).toMatchObject({ failed: 1 });
    expect(signatures.sends).toBe(0);
    expect((await ledger.getSignatureEnvelope('BASIC-gone-1'))?.lastError).toMatch(
      /not in the document store/,
    );
  });

  it('never sends again after a lost answer: the entry waits for the callback, which settles it', async () => {
    const { deps, ledger, signatures, documents, ask } = setup();
    await ask('BASIC-c1-1');
    signatures.loseNextAnswer = true;
    expect(await dispatchSignatureOutbox(deps)).toMatchObject({ needsConfirmation: 1 });
    const waiting = await ledger.getSignatureEnvelope('BASIC-c1-1');
    expect(waiting).toMatchObject({ state: 'NEEDS_CONFIRMATION', nextAttemptAt: AWAITING_CONFIRMATION });
    expect(await dispatchSignatureOutbox(deps)).toEqual({
      sent: 0,
      retrying: 0,
      needsConfirmation: 0,
      confirmed: 0,
      failed: 0,
    });
    expect(signatures.sends).toBe(1);
    // A bare name (the workflow's fallback) cannot settle it; the callback naming the envelope does.
    expect(await recordEnvelopeCompletion({ ...deps, documents }, { envelopeName: 'BASIC-c1-1' })).toBe(
      'NEEDS_CONFIRMATION',
    );
    signatures.sign('env-1');
    expect(
      await recordEnvelopeCompletion(
        { ...deps, documents },
        { envelopeName: 'BASIC-c1-1', envelopeId: 'env-1', documentIds: ['doc-env-1'] },
      ),
    ).toBe('COMPLETED');
    expect(await ledger.getSignatureEnvelope('BASIC-c1-1')).toMatchObject({
      state: 'COMPLETED',
      envelopeId: 'env-1',
    });
  });

  it('lets an admin settle an unknown outcome: not there → sent again; there → SENT; declined → FAILED', async () => {
    const { deps, ledger, signatures, ask } = setup();
    for (const name of ['BASIC-a-1', 'BASIC-b-1', 'BASIC-c-1']) {
      await ask(name);
      signatures.failNextWith = new IntegrationError({
        system: 'gmosign',
        operation: 'RequestEnvelopeSignature',
        retryable: true,
        message: 'socket hang up',
      });
      await dispatchSignatureOutbox(deps);
    }
    await expect(
      confirmSignatureEnvelope(
        deps,
        { userId: 'legal.tanaka', role: 'LEGAL' },
        { envelopeName: 'BASIC-a-1', outcome: 'NOT_SENT' },
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      confirmSignatureEnvelope(deps, admin, { envelopeName: 'BASIC-b-1', outcome: 'SENT', envelopeId: ' ' }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'input.envelopeId', message: expect.any(String) }] });
    await confirmSignatureEnvelope(deps, admin, { envelopeName: 'BASIC-a-1', outcome: 'NOT_SENT' });
    await confirmSignatureEnvelope(deps, admin, {
      envelopeName: 'BASIC-b-1',
      outcome: 'SENT',
      envelopeId: 'xid-42',
    });
    await confirmSignatureEnvelope(deps, admin, { envelopeName: 'BASIC-c-1', outcome: 'DECLINED' });
    expect(await dispatchSignatureOutbox(deps)).toMatchObject({ sent: 1 });
    expect((await ledger.getSignatureEnvelope('BASIC-a-1'))?.state).toBe('SENT');
    expect(await ledger.getSignatureEnvelope('BASIC-b-1')).toMatchObject({
      state: 'SENT',
      envelopeId: 'xid-42',
    });
    expect((await ledger.getSignatureEnvelope('BASIC-c-1'))?.state).toBe('FAILED');
    await expect(
      confirmSignatureEnvelope(deps, admin, { envelopeName: 'BASIC-a-1', outcome: 'NOT_SENT' }),
    ).rejects.toMatchObject({ rule: 'NOT_AWAITING_CONFIRMATION' });
    const { items } = await ledger.listAuditTrail('SIGNATURE_ENVELOPE#BASIC-b-1', 10);
    expect(items).toEqual([
      expect.objectContaining({
        operation: 'signature.confirm',
        actor: { kind: 'USER', userId: 'admin.ito', role: 'ADMIN' },
        changes: expect.arrayContaining([{ field: 'state', before: 'NEEDS_CONFIRMATION', after: 'SENT' }]),
      }),
    ]);
  });

  it('takes a SENDING entry left by a stopped dispatcher as an unknown outcome', async () => {
    const { deps, ledger, clock, ask } = setup();
    const entry = await ask('BASIC-c3-1');
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
    expect(await dispatchSignatureOutbox(deps)).toMatchObject({ needsConfirmation: 1, sent: 0 });
  });

  it('with a service that offers a lookup, resolves a lost answer by lookup, never by a second send', async () => {
    const { deps, ledger, signatures, ask } = setup(true);
    await ask('BASIC-c5-1');
    signatures.loseNextAnswer = true;
    expect(await dispatchSignatureOutbox(deps)).toMatchObject({ needsConfirmation: 1 });
    expect(await dispatchSignatureOutbox(deps)).toMatchObject({ confirmed: 1 });
    expect(signatures.sends).toBe(1);
    expect((await ledger.getSignatureEnvelope('BASIC-c5-1'))?.state).toBe('SENT');
  });

  it('sends again later when the service answered that it did not process the request', async () => {
    const { deps, signatures, clock, ask } = setup();
    await ask('BASIC-c2-1');
    signatures.failNextWith = new IntegrationError({
      system: 'gmosign',
      operation: 'RequestEnvelopeSignature',
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

  it('records completion with the signed PDF’s checksum, once; a callback naming another envelope changes nothing', async () => {
    const { deps, ledger, signatures, documents, ask } = setup();
    await ask('BASIC-c4-1');
    await dispatchSignatureOutbox(deps);
    signatures.sign('env-1');
    const complete = (envelopeId: string) =>
      recordEnvelopeCompletion({ ...deps, documents }, { envelopeName: 'BASIC-c4-1', envelopeId });
    expect(await complete('env-999')).toBe('SENT');
    expect(await complete('env-1')).toBe('COMPLETED');
    expect(await complete('env-1')).toBe('COMPLETED');
    expect((await ledger.getSignatureEnvelope('BASIC-c4-1'))?.signedPdf).toEqual({
      size: 8,
      sha256: createHash('sha256').update('%PDF-1.4').digest('hex'),
      location: 'memory://signed/BASIC-c4-1.pdf',
    });
    expect(documents.stored.get('signed/BASIC-c4-1.pdf')?.content.toString()).toBe('%PDF-1.4');
  });

  it('a completion whose callback was lost: an admin who saw it signed in GMO Sign settles it, the PDF fetched by the next look', async () => {
    const { deps, ledger, signatures, documents, ask } = setup();
    await ask('BASIC-c5-1');
    await dispatchSignatureOutbox(deps);
    signatures.sign('env-1'); // signed in GMO Sign; its callback never reached the hub
    // Without a look-up, a bare look (the workflow's poll, a restart) cannot tell.
    expect(await recordEnvelopeCompletion({ ...deps, documents }, { envelopeName: 'BASIC-c5-1' })).toBe(
      'SENT',
    );
    await expect(
      confirmSignatureEnvelope(deps, admin, { envelopeName: 'BASIC-c5-1', outcome: 'NOT_SENT' }),
    ).rejects.toMatchObject({ rule: 'NOT_AWAITING_CONFIRMATION' });
    await expect(
      confirmSignatureEnvelope(deps, admin, {
        envelopeName: 'BASIC-c5-1',
        outcome: 'COMPLETED',
        envelopeId: 'env-7',
      }),
    ).rejects.toMatchObject({
      fieldErrors: [{ path: 'input.envelopeId', message: expect.stringContaining('env-1') }],
    });
    await confirmSignatureEnvelope(deps, admin, { envelopeName: 'BASIC-c5-1', outcome: 'COMPLETED' });
    expect(await ledger.getSignatureEnvelope('BASIC-c5-1')).toMatchObject({
      state: 'SENT',
      completionConfirmed: { by: 'admin.ito' },
    });
    expect(await recordEnvelopeCompletion({ ...deps, documents }, { envelopeName: 'BASIC-c5-1' })).toBe(
      'COMPLETED',
    );
    expect(documents.stored.get('signed/BASIC-c5-1.pdf')?.content.toString()).toBe('%PDF-1.4');
    const { items } = await ledger.listAuditTrail('SIGNATURE_ENVELOPE#BASIC-c5-1', 10);
    expect(items.map((e) => e.operation)).toEqual(['signature.confirm']);
  });

  it('a SENT envelope an admin saw declined in GMO Sign ends FAILED', async () => {
    const { deps, ledger, ask } = setup();
    await ask('BASIC-c6-1');
    await dispatchSignatureOutbox(deps);
    await confirmSignatureEnvelope(deps, admin, { envelopeName: 'BASIC-c6-1', outcome: 'DECLINED' });
    expect((await ledger.getSignatureEnvelope('BASIC-c6-1'))?.state).toBe('FAILED');
    await expect(
      confirmSignatureEnvelope(deps, admin, { envelopeName: 'BASIC-c6-1', outcome: 'COMPLETED' }),
    ).rejects.toMatchObject({ rule: 'NOT_AWAITING_CONFIRMATION' });
  });
});

describe('completion callback registration', () => {
  it('registers once per URL, keeps the connect id, and replaces a registration whose URL changed', async () => {
    const { signatures, documents, clock } = setup();
    const deps = { signatures, documents, clock };
    expect(await ensureCompletionWebhook(deps, 'https://hub.example/webhooks/gmosign/one')).toEqual({
      connectId: 'con-1',
      registered: true,
    });
    expect(await ensureCompletionWebhook(deps, 'https://hub.example/webhooks/gmosign/one')).toEqual({
      connectId: 'con-1',
      registered: false,
    });
    expect(documents.stored.get(COMPLETION_WEBHOOK_KEY)?.content.toString()).not.toContain('webhooks');
    expect(await ensureCompletionWebhook(deps, 'https://hub.example/webhooks/gmosign/two')).toEqual({
      connectId: 'con-2',
      registered: true,
      removed: 'con-1',
    });
    expect([...signatures.webhooks.values()]).toEqual(['https://hub.example/webhooks/gmosign/two']);
    // Removed meanwhile by someone else: still replaced.
    signatures.webhooks.clear();
    expect(await ensureCompletionWebhook(deps, 'https://hub.example/webhooks/gmosign/three')).toMatchObject({
      connectId: 'con-3',
      removed: 'con-2',
    });
  });
});
