/**
 * The signature outbox against DynamoDB Local and the GMO Sign sandbox speaking the public
 * definition over HTTP: one envelope per business object under 20 % faults including answers
 * lost after the envelope was made; an unknown outcome is never sent blindly again — it is
 * settled by the completion callback or by an admin who looked in GMO Sign; the PDF to sign
 * stays in the document store (a 5 MB contract goes through; the ledger item stays small).
 * A5-2, A5-6, A6-5, X-3.
 */

import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  confirmSignatureEnvelope,
  dispatchSignatureOutbox,
  recordEnvelopeCompletion,
  requestSignature,
} from '../core/signing/signature-outbox.js';
import { RecordingWorkflowEngine } from '../core/testing/recording-workflow-engine.js';
import { LocalDocumentStore } from '../integrations/documents/local-document.store.js';
import { GmoSignSignatureService } from '../integrations/gmosign/gmosign.adapter.js';
import { type GmoSignSandbox, startGmoSignSandbox } from '../integrations/gmosign/gmosign.sandbox.js';
import { completionNoticeOf, type GmoCallbackBody } from '../integrations/gmosign/gmosign-mapping.js';
import { createTestApi } from './support/api.js';
import { hubDeps } from './support/builders.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';
import { largePdf, storedEnvelopeRequest } from './support/signing.js';

let t: TestLedger;
let sandbox: GmoSignSandbox;
const documents = new LocalDocumentStore(mkdtempSync(join(tmpdir(), 'docs-')), {
  baseUrl: 'http://127.0.0.1:0',
  secret: 'test-secret',
});
const admin = { userId: 'admin.ito', role: 'ADMIN' as const };
beforeAll(async () => {
  t = await createTestLedger();
  sandbox = await startGmoSignSandbox({ callbackDelayMs: 1 });
  // GMO Sign calls back only registered URLs (nobody listens at this one: the test reads what was sent).
  await deps().signatures.registerCompletionWebhook('http://127.0.0.1:9/webhooks/gmosign/test-secret');
});
afterAll(() => sandbox.stop());

function deps() {
  const hub = hubDeps(t.ledger);
  const signatures = new GmoSignSignatureService({
    baseUrl: sandbox.apiUrl,
    customerId: sandbox.customerId,
    secretKey: sandbox.secretKey,
    timeoutMs: 5000,
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
  });
  return {
    ...hub,
    signatures,
    documents,
    signatureRetry: { maxAttempts: 20, baseDelayMs: 1000, maxDelayMs: 1000 },
  };
}
type Deps = ReturnType<typeof deps>;

const envelopesNamed = (name: string) =>
  [...sandbox.envelopes.values()].filter((e) => e.envelope_name === name);
const ask = async (d: Deps, name: string, pdf?: Buffer) =>
  requestSignature(
    d,
    { businessType: 'BASIC_CONTRACT', businessId: name },
    await storedEnvelopeRequest(documents, name, pdf),
  );

/** Signs in the sandbox and hands the hub the callback GMO Sign posts (the definition's body). */
async function signAndCallBack(d: Deps, name: string) {
  const envelope = envelopesNamed(name)[0];
  if (!envelope) throw new Error(`no envelope ${name} in the sandbox`);
  const before = sandbox.callbacks.length;
  sandbox.sign(envelope.envelope_xid);
  await expect.poll(() => sandbox.callbacks.length).toBe(before + 1);
  const body = sandbox.callbacks.at(-1)?.body as GmoCallbackBody & { envelope_name: string };
  expect(body.envelope_name).toBe(name);
  return recordEnvelopeCompletion(d, completionNoticeOf(body));
}

/** What an admin does for an unknown outcome: looks in GMO Sign's screens, and says what is there. */
async function adminLooksInGmoSign(d: Deps, name: string) {
  const there = envelopesNamed(name)[0];
  return confirmSignatureEnvelope(
    d,
    admin,
    there
      ? { envelopeName: name, outcome: 'SENT', envelopeId: there.envelope_xid }
      : { envelopeName: name, outcome: 'NOT_SENT' },
  );
}

describe('signature outbox', () => {
  it('records one envelope per business object, however often it is asked', async () => {
    const d = deps();
    const first = await ask(d, 'BASIC-cli_a-1');
    expect(await ask(d, 'BASIC-cli_a-1')).toEqual(first);
    expect(await dispatchSignatureOutbox(d)).toMatchObject({ sent: 1 });
    expect(envelopesNamed('BASIC-cli_a-1')).toHaveLength(1);
    expect(await t.ledger.getSignatureEnvelope('BASIC-cli_a-1')).toMatchObject({
      state: 'SENT',
      envelopeId: envelopesNamed('BASIC-cli_a-1')[0]?.envelope_xid,
      documentIds: envelopesNamed('BASIC-cli_a-1')[0]?.documents.map((x) => x.control_number),
    });
  });

  it('never sends again after a lost answer; the completion callback settles it', async () => {
    const d = deps();
    await ask(d, 'BASIC-cli_b-1');
    sandbox.setFaults({
      rate: 1,
      seed: 1,
      kinds: ['timeout-after-commit'],
      pathFilter: 'signatures/request',
    });
    expect(await dispatchSignatureOutbox(d)).toMatchObject({ needsConfirmation: 1 });
    sandbox.setFaults(undefined);
    expect(await dispatchSignatureOutbox(d)).toMatchObject({ sent: 0, needsConfirmation: 0 });
    expect((await t.ledger.getSignatureEnvelope('BASIC-cli_b-1'))?.state).toBe('NEEDS_CONFIRMATION');
    expect(await signAndCallBack(d, 'BASIC-cli_b-1')).toBe('COMPLETED');
    expect(await t.ledger.getSignatureEnvelope('BASIC-cli_b-1')).toMatchObject({
      state: 'COMPLETED',
      envelopeId: envelopesNamed('BASIC-cli_b-1')[0]?.envelope_xid,
    });
    expect(envelopesNamed('BASIC-cli_b-1')).toHaveLength(1);
  });

  it('lets an admin, and only an admin, settle an unknown outcome through the API', async () => {
    const d = deps();
    await ask(d, 'BASIC-cli_api-1');
    sandbox.setFaults({
      rate: 1,
      seed: 1,
      kinds: ['timeout-after-commit'],
      pathFilter: 'signatures/request',
    });
    expect(await dispatchSignatureOutbox(d)).toMatchObject({ needsConfirmation: 1 });
    sandbox.setFaults(undefined);
    const api = await createTestApi(d);
    const confirm = `mutation($input: ConfirmSignatureEnvelopeInput!) { confirmSignatureEnvelope(input: $input) {
      __typename ... on SignatureEnvelope { state envelopeId }
      ... on ValidationError { fieldErrors { path } } } }`;
    const there = envelopesNamed('BASIC-cli_api-1')[0];
    const legal = { userId: 'legal-1', role: 'LEGAL' as const };
    const refused = await api.graphql(legal, confirm, {
      input: { envelopeName: 'BASIC-cli_api-1', outcome: 'SENT', envelopeId: there?.envelope_xid },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const missingId = await api.graphql(admin, confirm, {
      input: { envelopeName: 'BASIC-cli_api-1', outcome: 'SENT' },
    });
    expect(missingId.data?.confirmSignatureEnvelope).toMatchObject({
      fieldErrors: [{ path: 'input.envelopeId' }],
    });
    const settled = await api.graphql(admin, confirm, {
      input: { envelopeName: 'BASIC-cli_api-1', outcome: 'SENT', envelopeId: there?.envelope_xid },
    });
    expect(settled.data?.confirmSignatureEnvelope).toMatchObject({
      state: 'SENT',
      envelopeId: there?.envelope_xid,
    });
    expect(envelopesNamed('BASIC-cli_api-1')).toHaveLength(1);
  });

  it('an admin who saw a SENT envelope signed in GMO Sign settles its lost callback: at once where the host reaches GMO Sign, at the next poll where it does not', async () => {
    const confirm = `mutation($input: ConfirmSignatureEnvelopeInput!) { confirmSignatureEnvelope(input: $input) {
      __typename ... on SignatureEnvelope { state envelopeId } } }`;
    const sentAndSigned = async (name: string) => {
      const d = deps();
      await ask(d, name);
      expect(await dispatchSignatureOutbox(d)).toMatchObject({ sent: 1 });
      // The workflow waits for this envelope (its callback step left its token on it).
      const sent = await t.ledger.getSignatureEnvelope(name);
      if (!sent) throw new Error(`no envelope ${name}`);
      await t.ledger.commit(
        [
          {
            entity: {
              type: 'SIGNATURE_ENVELOPE',
              value: {
                ...sent,
                workflowWait: { applicationId: `app_${name}`, taskToken: `token-${name}` },
                version: sent.version + 1,
              },
            },
            expectedVersion: sent.version,
          },
        ],
        [],
      );
      // Signed in GMO Sign; its callback never reaches the hub.
      const envelope = envelopesNamed(name)[0];
      sandbox.sign(envelope?.envelope_xid as string);
      const signed = Buffer.from(
        sandbox.documentOf(envelope?.documents[0]?.control_number as string)?.base64 as string,
        'base64',
      );
      return { d, signed, sha256: createHash('sha256').update(signed).digest('hex') };
    };

    // The local host holds GMO Sign's key: the PDF is fetched now and the workflow released.
    const local = await sentAndSigned('BASIC-cli_done-1');
    const localWorkflows = new RecordingWorkflowEngine();
    const localApi = await createTestApi({ ...local.d, workflows: localWorkflows });
    const settled = await localApi.graphql(admin, confirm, {
      input: { envelopeName: 'BASIC-cli_done-1', outcome: 'COMPLETED' },
    });
    expect(settled.data?.confirmSignatureEnvelope).toMatchObject({ state: 'COMPLETED' });
    const done = await t.ledger.getSignatureEnvelope('BASIC-cli_done-1');
    expect(done?.signedPdf).toMatchObject({ size: local.signed.length, sha256: local.sha256 });
    expect(await documents.get('signed/BASIC-cli_done-1.pdf')).toEqual(local.signed);
    expect(done?.workflowWait).toBeUndefined();
    expect(localWorkflows.released).toEqual([
      { taskToken: 'token-BASIC-cli_done-1', output: { signature: 'COMPLETED' } },
    ]);

    // The GraphQL function on AWS has no GMO Sign key: the envelope stays SENT, confirmed, and the
    // workflow is not woken to store a PDF it does not have; its next poll fetches it.
    const aws = await sentAndSigned('BASIC-cli_done-2');
    const { signatures: _noKey, ...withoutGmoSign } = aws.d;
    const awsWorkflows = new RecordingWorkflowEngine();
    const awsApi = await createTestApi({ ...withoutGmoSign, workflows: awsWorkflows });
    const confirmed = await awsApi.graphql(admin, confirm, {
      input: { envelopeName: 'BASIC-cli_done-2', outcome: 'COMPLETED' },
    });
    expect(confirmed.data?.confirmSignatureEnvelope).toMatchObject({ state: 'SENT' });
    expect(await t.ledger.getSignatureEnvelope('BASIC-cli_done-2')).toMatchObject({
      state: 'SENT',
      completionConfirmed: { by: admin.userId },
      workflowWait: { taskToken: 'token-BASIC-cli_done-2' },
    });
    expect(awsWorkflows.released).toEqual([]);
    // The workflow's poll (CheckSignature) looks with the key and records the completion.
    expect(await recordEnvelopeCompletion(aws.d, { envelopeName: 'BASIC-cli_done-2' })).toBe('COMPLETED');
    expect((await t.ledger.getSignatureEnvelope('BASIC-cli_done-2'))?.signedPdf?.sha256).toBe(aws.sha256);
  });

  it('sends again only after an admin found that a lost request never arrived', async () => {
    const d = deps();
    await ask(d, 'BASIC-cli_c-1');
    sandbox.setFaults({ rate: 1, seed: 1, kinds: ['reset'], pathFilter: 'signatures/request' });
    expect(await dispatchSignatureOutbox(d)).toMatchObject({ needsConfirmation: 1 });
    sandbox.setFaults(undefined);
    expect(await dispatchSignatureOutbox(d)).toMatchObject({ sent: 0 });
    expect(envelopesNamed('BASIC-cli_c-1')).toHaveLength(0);
    await adminLooksInGmoSign(d, 'BASIC-cli_c-1');
    expect(await dispatchSignatureOutbox(d)).toMatchObject({ sent: 1 });
    expect(envelopesNamed('BASIC-cli_c-1')).toHaveLength(1);
  });

  it('makes exactly one envelope per business object under 20 % injected faults', async () => {
    const d = deps();
    const names = Array.from({ length: 15 }, (_, i) => `INDIVIDUAL-ord_${i}-1`);
    for (const name of names) await ask(d, name);
    sandbox.setFaults({ rate: 0.2, seed: 77, kinds: ['429', '500', '503', 'reset', 'timeout-after-commit'] });
    const states = () => Promise.all(names.map((n) => t.ledger.getSignatureEnvelope(n)));
    for (let round = 0; round < 40; round += 1) {
      await dispatchSignatureOutbox(d, { limit: 50 });
      for (const entry of await states())
        if (entry?.state === 'NEEDS_CONFIRMATION') await adminLooksInGmoSign(d, entry.envelopeName);
      d.clock.advance(2000);
      if ((await states()).every((s) => s?.state === 'SENT')) break;
    }
    sandbox.setFaults(undefined);
    expect((await states()).map((s) => s?.state)).toEqual(names.map(() => 'SENT'));
    for (const name of names) expect(envelopesNamed(name)).toHaveLength(1);
  });

  it('records a completion once, with the signed PDF’s checksum; a callback naming another envelope changes nothing', async () => {
    const d = deps();
    await ask(d, 'BASIC-cli_d-1');
    await dispatchSignatureOutbox(d);
    const forged = { envelopeName: 'BASIC-cli_d-1', envelopeId: 'env-forged', documentIds: ['ctl-x'] };
    expect(await recordEnvelopeCompletion(d, forged)).toBe('SENT');
    expect(await recordEnvelopeCompletion(d, { envelopeName: 'BASIC-cli_d-1' })).toBe('SENT');
    expect(await signAndCallBack(d, 'BASIC-cli_d-1')).toBe('COMPLETED');
    const again = sandbox.callbacks.at(-1)?.body as GmoCallbackBody & { envelope_name: string };
    expect(await recordEnvelopeCompletion(d, completionNoticeOf(again))).toBe('COMPLETED');
    const entry = await t.ledger.getSignatureEnvelope('BASIC-cli_d-1');
    const signed = Buffer.from(
      sandbox.documentOf(entry?.documentIds?.[0] as string)?.base64 as string,
      'base64',
    );
    expect(entry?.signedPdf).toEqual({
      size: signed.length,
      sha256: createHash('sha256').update(signed).digest('hex'),
      location: expect.stringMatching(/^file:\/\/.*\/signed\/BASIC-cli_d-1\.pdf$/),
    });
    expect(readFileSync(new URL(entry?.signedPdf?.location as string))).toEqual(signed);
    expect(await recordEnvelopeCompletion(d, { envelopeName: 'NOBODY', envelopeId: 'x' })).toBe('UNKNOWN');
  });

  it('a declined envelope is not called back (the definition registers Completed only): an admin marks it FAILED', async () => {
    const d = deps();
    await ask(d, 'BASIC-cli_e-1');
    await dispatchSignatureOutbox(d);
    const callbacks = sandbox.callbacks.length;
    sandbox.sign(envelopesNamed('BASIC-cli_e-1')[0]?.envelope_xid as string, 'DECLINED');
    expect(sandbox.callbacks.length).toBe(callbacks);
    await t.ledger.commit(
      [
        {
          entity: {
            type: 'SIGNATURE_ENVELOPE',
            value: {
              ...((await t.ledger.getSignatureEnvelope('BASIC-cli_e-1')) as NonNullable<
                Awaited<ReturnType<typeof t.ledger.getSignatureEnvelope>>
              >),
              state: 'NEEDS_CONFIRMATION',
              version: 4,
            },
          },
          expectedVersion: 3,
        },
      ],
      [],
    );
    await confirmSignatureEnvelope(d, admin, { envelopeName: 'BASIC-cli_e-1', outcome: 'DECLINED' });
    expect((await t.ledger.getSignatureEnvelope('BASIC-cli_e-1'))?.state).toBe('FAILED');
  });

  it('takes a 5 MB contract PDF from the document store through GMO Sign and back, the ledger item staying small', async () => {
    const d = deps();
    const pdf = largePdf(5 * 1024 * 1024);
    await ask(d, 'BASIC-cli_big-1', pdf);
    expect(await dispatchSignatureOutbox(d)).toMatchObject({ sent: 1 });
    expect(
      Buffer.from(sandbox.registered.get('BASIC-cli_big-1')?.base64 as string, 'base64').equals(pdf),
    ).toBe(true);
    expect(await signAndCallBack(d, 'BASIC-cli_big-1')).toBe('COMPLETED');
    const entry = await t.ledger.getSignatureEnvelope('BASIC-cli_big-1');
    expect(entry?.signedPdf?.size).toBeGreaterThan(pdf.length);
    const signed = await documents.get('signed/BASIC-cli_big-1.pdf');
    expect(signed?.subarray(0, pdf.length).equals(pdf)).toBe(true);
    expect(
      createHash('sha256')
        .update(signed as Buffer)
        .digest('hex'),
    ).toBe(entry?.signedPdf?.sha256);
    expect(Buffer.byteLength(JSON.stringify(entry))).toBeLessThan(4_000);
  });
});
