/**
 * The individual-contract workflow end to end, on DynamoDB Local, with the state machine CDK
 * synthesizes run by the local engine, the G-Staff sandbox and the GMO Sign sandbox behind their
 * real adapters: the gates, the share to G-Staff, marketing's send, the rep approving and the
 * client signing in the GMO Sign sandbox, the signed PDF in G-Staff with its retention deadline,
 * the kintone order showing it, the contracts register and an audited download; a failing gate
 * sends nothing; exactly one envelope under injected faults and a restart mid-wait; a renewal
 * re-runs every gate and moves the retention deadline. Requirements: A5-5, A5-6, A6-5, A7-4, X-1, X-4.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { approvalTaskIdOf } from '../core/applications/approval-task.js';
import { decideApproval } from '../core/applications/decide-approval.js';
import { redriveInFlightApplications } from '../core/applications/redrive.js';
import {
  renewIndividualContract,
  submitIndividualContract,
} from '../core/applications/submit-individual-contract.js';
import { listContracts, requestContractDownload } from '../core/contracts/contracts-register.js';
import { PreconditionFailedError } from '../core/errors.js';
import { ensureCompletionWebhook } from '../core/signing/completion-webhook.js';
import { dispatchSignatureOutbox } from '../core/signing/signature-outbox.js';
import { InMemoryDocumentStore } from '../core/testing/in-memory-document-store.js';
import { makeHandler as makeGmoSignWebhook } from '../functions/gmosign-webhook.handler.js';
import { createLogger } from '../functions/shared/logger.js';
import { GmoSignSignatureService } from '../integrations/gmosign/gmosign.adapter.js';
import { type GmoSignSandbox, startGmoSignSandbox } from '../integrations/gmosign/gmosign.sandbox.js';
import { type GStaffSandbox, startGStaffSandbox } from '../integrations/gstaff/gstaff.sandbox.js';
import { HttpGStaff } from '../integrations/gstaff/gstaff-http.adapter.js';
import type { LocalWorkflowEngine } from '../integrations/stepfunctions/local-workflow-engine.js';
import { directory, hubDeps, marketing, salesTokyo, seedDirectory, staffMember } from './support/builders.js';
import { readyIndividualContract } from './support/individual-contracts.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';
import { eventually, localEngine, testDefinitions } from './support/workflows.js';

let t: TestLedger;
let gmo: GmoSignSandbox;
let gstaffSandbox: GStaffSandbox;
let receiver: Server;
let webhook: ((event: never) => Promise<{ statusCode?: number }>) | undefined;
const engines: LocalWorkflowEngine[] = [];

beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger, [
    ...directory,
    staffMember({ userId: 'director-1', role: 'DIRECTOR', department: 'EXECUTIVE' }),
  ]);
  gmo = await startGmoSignSandbox({ callbackDelayMs: 1 });
  gstaffSandbox = await startGStaffSandbox();
  receiver = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const answer = await webhook?.({ rawPath: req.url, body, isBase64Encoded: false } as never);
    res.writeHead(answer?.statusCode ?? 503).end();
  });
  await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
  testDefinitions();
}, 300_000);
afterEach(() => {
  for (const engine of engines.splice(0)) engine.stop();
  gmo.setFaults(undefined);
});
afterAll(async () => {
  await gmo.stop();
  await gstaffSandbox.stop();
  await new Promise((ok) => receiver.close(ok));
});

/** The hub with the real GMO Sign and G-Staff adapters against their sandboxes. */
async function hub(documents = new InMemoryDocumentStore()) {
  const base = hubDeps(t.ledger, '2026-12-01T01:00:00Z');
  const external = {
    documents,
    gstaff: new HttpGStaff({
      baseUrl: gstaffSandbox.url,
      apiKey: gstaffSandbox.apiKey,
      timeoutMs: 5000,
      retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 },
    }),
    signatures: new GmoSignSignatureService({
      baseUrl: gmo.apiUrl,
      customerId: gmo.customerId,
      secretKey: gmo.secretKey,
      timeoutMs: 5000,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    }),
  };
  const workflows = localEngine({ ...base, ...external });
  engines.push(workflows);
  const d = { ...base, ...external, workflows };
  webhook = makeGmoSignWebhook({
    hub: d,
    signatures: d.signatures,
    documents: d.documents,
    workflows,
    secret: async () => 'callback-secret-ic-01',
    logger: createLogger('test'),
  }) as never;
  const port = (receiver.address() as AddressInfo).port;
  await ensureCompletionWebhook(d, `http://127.0.0.1:${port}/webhooks/gmosign/callback-secret-ic-01`);
  return d;
}
type Hub = Awaited<ReturnType<typeof hub>>;

const application = (
  applicationId: string,
  until: (a: { status: string; history: { kind: string }[] }) => boolean,
  what: string,
) =>
  eventually(async () => {
    const a = await t.ledger.getApplication(applicationId);
    return a && until(a) ? a : undefined;
  }, what);

/** Marketing sends: its task opens once the data is shared to G-Staff. */
async function marketingSends(d: Hub, applicationId: string) {
  const taskId = approvalTaskIdOf(applicationId, 'MARKETING_SEND', false);
  await eventually(
    async () => (await t.ledger.getApprovalTask(taskId))?.status === 'OPEN',
    'marketing task open',
  );
  return decideApproval(d, marketing, { taskId, decision: 'APPROVE' });
}

/** The outbox sends the envelope (retrying through injected faults); returns it once the workflow waits on it. */
async function dispatched(d: Hub, envelopeName: string) {
  return eventually(async () => {
    await dispatchSignatureOutbox({
      ...d,
      signatureRetry: { maxAttempts: 10, baseDelayMs: 1, maxDelayMs: 5 },
    });
    const envelope = await t.ledger.getSignatureEnvelope(envelopeName);
    return envelope?.state === 'SENT' && envelope.workflowWait ? envelope : undefined;
  }, `${envelopeName} sent and awaited`);
}

const envelopesNamed = (envelopeName: string) =>
  [...gmo.envelopes.values()].filter((e) => e.envelope_name === envelopeName);

/** In the GMO Sign sandbox: the rep approves, then the client's contact signs. */
function approveAndSign(envelopeName: string) {
  const [envelope] = envelopesNamed(envelopeName);
  if (!envelope) throw new Error(`${envelopeName} is not in the sandbox`);
  expect(envelope.parties.map((p) => [p.role, p.email])).toEqual([
    ['APPROVER', expect.stringContaining('sales-tokyo-1')],
    ['PARTNER', expect.stringMatching(/^yamada@/)],
  ]);
  gmo.act(envelope.envelope_xid); // the rep approves
  expect(envelope.parties[0]?.done).toBe(true);
  gmo.act(envelope.envelope_xid); // the client signs
}

describe('individual contract (A5-5, A5-6) against the sandboxes', () => {
  it('goes from the gates to a signed contract in G-Staff with its retention deadline, shown on the kintone order and in the register', async () => {
    const d = await hub();
    const ready = await readyIndividualContract(t.ledger, { gstaffClientId: 'G-1001' });
    const submitted = await submitIndividualContract(d, salesTokyo, {
      individualContractId: ready.individualContractId,
    });
    const envelopeName = `INDIVIDUAL-${ready.individualContractId}`;
    expect(submitted.individualContract).toMatchObject({
      envelopeName,
      approver: { userId: 'sales-tokyo-1' },
    });

    // Shared to G-Staff before marketing is asked; nothing is sent before marketing approves.
    await marketingSends(d, submitted.applicationId);
    const shared = [...gstaffSandbox.shares.values()].find((s) => s.juchuuNo === ready.orderId);
    expect(shared).toMatchObject({ kaishiBi: '2027-01-04', shuuryouBi: '2027-03-31', jigyousho: '本社工場' });
    expect(Object.keys(shared?.koumoku as object)).toContain('業務内容');

    const envelope = await dispatched(d, envelopeName);
    expect(envelope.request).toMatchObject({
      ourSigners: [],
      approvers: [expect.objectContaining({ name: expect.any(String) })],
    });
    approveAndSign(envelopeName);

    const done = await application(submitted.applicationId, (a) => a.status !== 'SUBMITTED', 'decided');
    expect(done.status).toBe('APPROVED');
    expect(done.history.map((h) => h.kind)).toEqual(
      expect.arrayContaining([
        'VALIDATED',
        'GSTAFF_SHARED',
        'SIGNATURE_REQUESTED',
        'STORED',
        'KINTONE_UPDATED',
      ]),
    );
    const signing = (await t.ledger.getApplication(submitted.applicationId))?.individualContract;
    expect(signing?.retentionUntil).toBe('2030-03-31');
    const stored = gstaffSandbox.contracts.get(signing?.gstaffContractId as string);
    expect(stored).toMatchObject({ kokyakuCode: 'G-1001', hozonKigen: '2030-03-31' });

    // The kintone order shows the contract in fields of its own, keeping its status and summary.
    const order = (await t.ledger.listKintoneOutboxEntriesOfClient(ready.clientId)).find(
      (e) => e.app === 'orders' && e.order.individualContractId === ready.individualContractId,
    );
    expect(order?.app === 'orders' && order.order).toMatchObject({
      status: 'OPEN',
      summary: '検品スタッフ1名',
      contractStartDate: '2027-01-04',
      contractEndDate: '2027-03-31',
      contractRetentionUntil: '2030-03-31',
      contractGStaffId: signing?.gstaffContractId,
      contractSignedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      contractWorkerId: expect.stringMatching(/^S-/),
    });

    const register = await listContracts(d, salesTokyo, { clientId: ready.clientId });
    expect(register.contracts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          contractId: ready.individualContractId,
          kind: 'INDIVIDUAL',
          status: 'SIGNED',
          retentionUntil: '2030-03-31',
          gstaffContractId: signing?.gstaffContractId,
          retentionDue: false,
        }),
        // The basic contract stays open while the individual contract runs.
        expect.objectContaining({ kind: 'BASIC', retentionUntil: 'OPEN' }),
      ]),
    );
    const download = await requestContractDownload(d, salesTokyo, {
      contractId: ready.individualContractId,
      document: 'SIGNED_PDF',
    });
    expect(download.url).toBeTruthy();
    const trail = await t.ledger.listAuditTrail(`CLIENT#${ready.clientId}`, 50);
    expect(trail.items.find((e) => e.operation === 'contract.download')).toMatchObject({
      actor: expect.objectContaining({ userId: 'sales-tokyo-1' }),
      subjectId: ready.individualContractId,
    });
  }, 120_000);

  it('refuses a failing gate at submission naming it, and writes or sends nothing', async () => {
    const d = await hub();
    for (const without of ['TREATMENT_INFORMATION', 'CONFLICT_DATE_NOTICE', 'TERMS_COMPLETE'] as const) {
      const ready = await readyIndividualContract(t.ledger, { gstaffClientId: 'G-1001', without });
      const refused = await submitIndividualContract(d, salesTokyo, {
        individualContractId: ready.individualContractId,
      }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(PreconditionFailedError);
      expect((refused as PreconditionFailedError).rule).toBe(without);
      expect((await t.ledger.listApplicationsOfClient(ready.clientId)).map((a) => a.type)).toEqual([
        'CONTRACT_EXECUTION',
      ]);
      expect(await t.ledger.getSignatureEnvelope(`INDIVIDUAL-${ready.individualContractId}`)).toBeUndefined();
    }
  }, 60_000);

  it('stops at the gates before sending when one fails meanwhile: REJECTED naming the gate, no envelope', async () => {
    const d = await hub();
    const ready = await readyIndividualContract(t.ledger, { gstaffClientId: 'G-1001' });
    const submitted = await submitIndividualContract(d, salesTokyo, {
      individualContractId: ready.individualContractId,
    });
    const taskId = approvalTaskIdOf(submitted.applicationId, 'MARKETING_SEND', false);
    await eventually(
      async () => (await t.ledger.getApprovalTask(taskId))?.status === 'OPEN',
      'marketing task open',
    );
    // The treatment information is withdrawn while marketing has the task.
    const treatment = await t.ledger.getTreatmentInformation(ready.orderId);
    if (!treatment) throw new Error('no treatment information');
    await t.ledger.commit(
      [
        {
          entity: {
            type: 'TREATMENT_INFORMATION',
            value: { ...treatment, documents: [], version: treatment.version + 1 },
          },
          expectedVersion: 1,
        },
      ],
      [],
    );
    await decideApproval(d, marketing, { taskId, decision: 'APPROVE' });
    const done = await application(submitted.applicationId, (a) => a.status !== 'SUBMITTED', 'decided');
    expect(done.status).toBe('REJECTED');
    expect(done.history.find((h) => h.kind === 'GATES_FAILED')?.detail).toContain('TREATMENT_INFORMATION');
    expect(await t.ledger.getSignatureEnvelope(`INDIVIDUAL-${ready.individualContractId}`)).toBeUndefined();
    expect(envelopesNamed(`INDIVIDUAL-${ready.individualContractId}`)).toHaveLength(0);
  }, 60_000);

  it('sends exactly one envelope through injected faults and a restart mid-wait, and still completes', async () => {
    const d = await hub();
    const ready = await readyIndividualContract(t.ledger, { gstaffClientId: 'G-1002' });
    const submitted = await submitIndividualContract(d, salesTokyo, {
      individualContractId: ready.individualContractId,
    });
    await marketingSends(d, submitted.applicationId);
    const envelopeName = `INDIVIDUAL-${ready.individualContractId}`;
    await eventually(async () => t.ledger.getSignatureEnvelope(envelopeName), 'envelope recorded');
    gmo.setFaults({ rate: 0.5, seed: 7, kinds: ['503', '429'] });
    await dispatched(d, envelopeName);
    gmo.setFaults(undefined);
    // The hub stops while the workflow waits for the signature, and starts again.
    d.workflows.stop();
    const restarted = { ...d, workflows: localEngine(d) };
    engines.push(restarted.workflows);
    webhook = makeGmoSignWebhook({
      hub: restarted,
      signatures: d.signatures,
      documents: d.documents,
      workflows: restarted.workflows,
      secret: async () => 'callback-secret-ic-01',
      logger: createLogger('test'),
    }) as never;
    await redriveInFlightApplications(restarted);
    await eventually(async () => {
      const e = await t.ledger.getSignatureEnvelope(envelopeName);
      return e?.workflowWait ? e : undefined;
    }, 'the re-run waits on the same envelope');
    // Another dispatch finds nothing to send.
    await dispatchSignatureOutbox({
      ...d,
      signatureRetry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    });
    expect(envelopesNamed(envelopeName)).toHaveLength(1);
    approveAndSign(envelopeName);
    const done = await application(submitted.applicationId, (a) => a.status !== 'SUBMITTED', 'decided');
    expect(done.status).toBe('APPROVED');
    expect(envelopesNamed(envelopeName)).toHaveLength(1);
  }, 120_000);

  it('renews: the next period runs every gate again, and the retention of both moves to 3 years after the renewal’s end', async () => {
    const d = await hub();
    const ready = await readyIndividualContract(t.ledger, { gstaffClientId: 'G-1001' });
    const first = await submitIndividualContract(d, salesTokyo, {
      individualContractId: ready.individualContractId,
    });
    await marketingSends(d, first.applicationId);
    await dispatched(d, `INDIVIDUAL-${ready.individualContractId}`);
    approveAndSign(`INDIVIDUAL-${ready.individualContractId}`);
    await application(first.applicationId, (a) => a.status === 'APPROVED', 'first period signed');

    // Past the establishment's conflict date (2028-10-01): refused by the period gate, nothing created.
    const refused = await renewIndividualContract(d, salesTokyo, {
      individualContractId: ready.individualContractId,
      endDate: '2028-10-01',
    }).catch((e: unknown) => e);
    expect((refused as PreconditionFailedError).rule).toBe('PERIOD_CHECK');
    expect((await t.ledger.listIndividualContractsOfClient(ready.clientId)).length).toBe(1);

    const renewal = await renewIndividualContract(d, salesTokyo, {
      individualContractId: ready.individualContractId,
      endDate: '2027-09-30',
    });
    const next = renewal.individualContract;
    expect(next).toMatchObject({
      renewalOf: ready.individualContractId,
      period: { startDate: '2027-04-01', endDate: '2027-09-30' },
    });
    await marketingSends(d, renewal.applicationId);
    await dispatched(d, next?.envelopeName as string);
    approveAndSign(next?.envelopeName as string);
    const signed = await application(renewal.applicationId, (a) => a.status === 'APPROVED', 'renewal signed');
    expect(signed.individualContract?.retentionUntil).toBe('2030-09-30');
    const earlier = await t.ledger.getApplication(first.applicationId);
    expect(earlier?.individualContract?.retentionUntil).toBe('2030-09-30');
    expect(
      gstaffSandbox.contracts.get(earlier?.individualContract?.gstaffContractId as string)?.hozonKigen,
    ).toBe('2030-09-30');
    const register = await listContracts(d, salesTokyo, { clientId: ready.clientId, kind: 'INDIVIDUAL' });
    expect(register.contracts.map((c) => [c.period?.endDate, c.retentionUntil])).toEqual(
      expect.arrayContaining([
        ['2027-03-31', '2030-09-30'],
        ['2027-09-30', '2030-09-30'],
      ]),
    );
  }, 180_000);
});
