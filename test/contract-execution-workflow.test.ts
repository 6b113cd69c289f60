/**
 * Contract execution (06_2) and the basic contract on the local engine running the synthesized
 * state machine, against DynamoDB Local: manager approval, legal review of a non-standard text,
 * legal sends through the signature outbox, the signature completes by callback (duplicates and
 * forged callbacks change nothing) or, without one, by the workflow's own lookup; the signed PDF
 * goes to G-Staff with its retention deadline and the client is TRADING. Also the approval fixes:
 * one person per step, no decision on a closed application, a decision whose release failed is
 * picked up; a delay past 10 business days needs a reason. Requirements: A4-2, A4-5, A4-7, A5-1, A5-2,
 * A6-5, X-1.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '../core/applications/application.js';
import { approvalTaskIdOf } from '../core/applications/approval-task.js';
import { recordDelayReason } from '../core/applications/contract-delay.js';
import { decideApproval } from '../core/applications/decide-approval.js';
import { redriveInFlightApplications } from '../core/applications/redrive.js';
import { submitContractExecution } from '../core/applications/submit-contract-execution.js';
import { submitCreditPrecheck } from '../core/applications/submit-credit-precheck.js';
import { assignSalesRep } from '../core/assignment/assign-sales-rep.js';
import { updateClientProfile } from '../core/clients/update-client-profile.js';
import { requestContractDownload } from '../core/contracts/contracts-register.js';
import { runDeadlineJob } from '../core/deadline-job.js';
import { IntegrationError } from '../core/errors.js';
import { recordPhoneInquiry } from '../core/inquiries/record-phone-inquiry.js';
import { ensureCompletionWebhook } from '../core/signing/completion-webhook.js';
import { dispatchSignatureOutbox } from '../core/signing/signature-outbox.js';
import type { SignatureService } from '../core/signing/signature-service.js';
import { InMemoryDocumentStore } from '../core/testing/in-memory-document-store.js';
import { InMemoryGStaff } from '../core/testing/in-memory-gstaff.js';
import { InMemorySignatureService } from '../core/testing/in-memory-signature-service.js';
import { makeHandler as makeGmoSignWebhook } from '../functions/gmosign-webhook.handler.js';
import { createLogger } from '../functions/shared/logger.js';
import { GmoSignSignatureService } from '../integrations/gmosign/gmosign.adapter.js';
import { type GmoSignSandbox, startGmoSignSandbox } from '../integrations/gmosign/gmosign.sandbox.js';
import type { LocalWorkflowEngine } from '../integrations/stepfunctions/local-workflow-engine.js';
import {
  director,
  directory,
  hubDeps,
  legal,
  managerTokyo,
  marketing,
  phoneInquiry,
  salesTokyo,
  seedDirectory,
  staffMember,
} from './support/builders.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';
import { largePdf } from './support/signing.js';
import { moreTokyoReps, visitedClient } from './support/visits.js';
import { eventually, localEngine, precheck, testDefinitions } from './support/workflows.js';

let t: TestLedger;
const engines: LocalWorkflowEngine[] = [];
let companies = 0;

beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger, [
    ...directory,
    ...moreTokyoReps,
    staffMember({ userId: 'director-1', role: 'DIRECTOR', department: 'EXECUTIVE' }),
    staffMember({ userId: 'legal-1', role: 'LEGAL', department: 'LEGAL' }),
  ]);
  // Synthesize the state machines here, under the hook's time, not the first test's.
  testDefinitions(2, 2);
});
afterEach(() => {
  for (const engine of engines.splice(0)) engine.stop();
});

/** Short timeouts (2 s) so the timeout paths run; the sandbox-free fakes stand in for GMO Sign and G-Staff. */
function deps() {
  const hub = hubDeps(t.ledger, '2026-12-01T01:00:00Z');
  const external = {
    documents: new InMemoryDocumentStore(),
    gstaff: new InMemoryGStaff(),
    signatures: new InMemorySignatureService(),
  };
  const workflows = localEngine({ ...hub, ...external }, 2, 2);
  engines.push(workflows);
  return { ...hub, ...external, workflows };
}
/** What the helpers need: the fakes above, or the real GMO Sign adapter against its sandbox. */
type Deps = Omit<ReturnType<typeof deps>, 'signatures'> & { signatures: SignatureService };

const task = (applicationId: string, step: Parameters<typeof approvalTaskIdOf>[1], escalated = false) =>
  eventually(async () => {
    const found = await t.ledger.getApprovalTask(approvalTaskIdOf(applicationId, step, escalated));
    return found?.status === 'OPEN' ? found : undefined;
  }, `${step} task of ${applicationId}`);

const settled = (applicationId: string) =>
  eventually(async () => {
    const a = await t.ledger.getApplication(applicationId);
    return a && a.status !== 'SUBMITTED' ? a : undefined;
  }, `${applicationId} settled`);

const approve = async (
  d: Deps,
  applicationId: string,
  step: Parameters<typeof approvalTaskIdOf>[1],
  by = managerTokyo,
) => decideApproval(d, by, { taskId: (await task(applicationId, step)).taskId, decision: 'APPROVE' });

/** A client with an approved 06_1; the 06_1 workflow registered it in G-Staff and recorded the decision there. */
async function creditApprovedClient(d: Deps): Promise<string> {
  companies += 1;
  const clientId = await visitedClient(d, {
    company: `株式会社契約${companies}`,
    phone: `03-6668-${1000 + companies}`,
    email: `soumu@keiyaku${companies}.example`,
  });
  const credit = await submitCreditPrecheck(d, salesTokyo, {
    clientId,
    creditPrecheck: precheck(),
  });
  await approve(d, credit.applicationId, 'MANAGER');
  expect((await settled(credit.applicationId)).status).toBe('APPROVED');
  // The 06_1 workflow ends by telling G-Staff (registering the client there first): wait for it.
  await eventually(async () => {
    const a = await t.ledger.getApplication(credit.applicationId);
    return a?.history.some((h) => h.kind === 'GSTAFF_UPDATED');
  }, 'G-Staff told of the credit decision');
  return clientId;
}

/** Legal approves the send; the outbox sends the envelope; returns it once it is out. */
async function sent(d: Deps, application: Application) {
  await approve(d, application.applicationId, 'LEGAL_SEND', legal);
  const name = application.contractExecution?.envelopeName as string;
  return eventually(async () => {
    await dispatchSignatureOutbox({
      ...d,
      signatureRetry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100 },
    });
    const envelope = await t.ledger.getSignatureEnvelope(name);
    return envelope?.state === 'SENT' && envelope.workflowWait ? envelope : undefined;
  }, `${name} sent and awaited`);
}

describe('contract execution (06_2)', () => {
  it('runs a standard contract to a signed basic contract by callback: stored in G-Staff, client TRADING', async () => {
    const d = deps();
    const clientId = await creditApprovedClient(d);
    const application = await submitContractExecution(d, salesTokyo, { clientId, form: 'STANDARD' });
    expect((await t.ledger.getClient(clientId))?.stage).toBe('CONTRACTING');
    await approve(d, application.applicationId, 'MANAGER');
    const envelope = await sent(d, application);
    expect(envelope.request).toMatchObject({
      templateId: 'TPL-BASIC',
      partnerSigners: [expect.objectContaining({ email: expect.stringMatching(/@keiyaku\d+\.example$/) })],
    });

    d.signatures.sign(envelope.envelopeId as string);
    const webhook = makeGmoSignWebhook({
      hub: d,
      signatures: d.signatures,
      documents: d.documents,
      workflows: d.workflows,
      secret: async () => 'callback-secret',
      logger: createLogger('test'),
    });
    const callback = (secret: string) =>
      webhook({
        rawPath: `/webhooks/gmosign/${secret}`,
        body: JSON.stringify({ envelope_name: envelope.envelopeName }),
        isBase64Encoded: false,
      } as never);
    expect((await callback('forged-secret')).statusCode).toBe(404);
    expect((await callback('callback-secret')).statusCode).toBe(200);
    expect((await callback('callback-secret')).statusCode).toBe(200); // a duplicate changes nothing
    const done = await settled(application.applicationId);
    expect(done.status).toBe('APPROVED');
    expect(done.history.map((h) => h.kind)).toEqual(
      expect.arrayContaining(['SIGNATURE_REQUESTED', 'STORED', 'APPROVED']),
    );
    expect((await t.ledger.getClient(clientId))?.stage).toBe('TRADING');
    expect([...d.gstaff.contracts.values()]).toEqual([
      expect.objectContaining({
        hubContractId: application.applicationId,
        kind: 'BASIC',
        retentionUntil: 'OPEN',
      }),
    ]);
    expect(d.signatures.envelopes.size).toBe(1);
  });

  it('has legal review a non-standard text, and completes by its own lookup when no callback comes', async () => {
    const d = deps();
    const clientId = await creditApprovedClient(d);
    // The contact for contracts, recorded on the client, signs instead of the inquiry's contact.
    await updateClientProfile(d, salesTokyo, {
      clientId,
      contact: { name: '総務部長 佐々木', email: 'sasaki@keiyaku.example' },
    });
    const key = `contracts/${clientId}/own-text.pdf`;
    await d.documents.put(key, Buffer.from('%PDF-1.4\n% 先方書式の基本契約書\n%%EOF\n'), 'application/pdf');
    await expect(
      submitContractExecution(d, salesTokyo, {
        clientId,
        form: 'NON_STANDARD',
        documentKey: 'contracts/other/x.pdf',
      }),
    ).rejects.toMatchObject({ fieldErrors: [expect.objectContaining({ path: 'input.documentKey' })] });
    const application = await submitContractExecution(d, salesTokyo, {
      clientId,
      form: 'NON_STANDARD',
      documentKey: key,
      fileName: '基本契約書（先方書式）.pdf',
    });
    await approve(d, application.applicationId, 'MANAGER');
    // A4-4 / A5-1: legal reads the client's own text before deciding, through a short-lived URL,
    // audited; marketing (no contract.download) may not, and there is no signed PDF yet.
    await task(application.applicationId, 'LEGAL_REVIEW');
    const review = await requestContractDownload(d, legal, {
      contractId: application.applicationId,
      document: 'REVIEWED_TEXT',
    });
    expect(review.url).toContain(key);
    expect(review.fileName).toMatch(/_定形外\.pdf$/);
    await expect(
      requestContractDownload(d, marketing, {
        contractId: application.applicationId,
        document: 'REVIEWED_TEXT',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      requestContractDownload(d, legal, { contractId: application.applicationId, document: 'SIGNED_PDF' }),
    ).rejects.toMatchObject({ rule: 'DOCUMENT_NOT_STORED' });
    expect(
      (await t.ledger.listAuditTrail(`CLIENT#${clientId}`, 50)).items.filter(
        (e) => e.operation === 'contract.download',
      ),
    ).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ userId: legal.userId }),
        subjectId: application.applicationId,
        changes: expect.arrayContaining([{ field: 'document', before: null, after: 'REVIEWED_TEXT' }]),
      }),
    ]);
    await approve(d, application.applicationId, 'LEGAL_REVIEW', legal);
    const envelope = await sent(d, application);
    expect(envelope.request).toMatchObject({
      documentName: '基本契約書（先方書式）.pdf',
      partnerSigners: [expect.objectContaining({ email: 'sasaki@keiyaku.example' })],
    });
    d.signatures.sign(envelope.envelopeId as string);
    // No callback: the 2-second wait times out and the workflow looks the envelope up itself (this fake offers a lookup; GMO Sign's definition does not).
    const done = await settled(application.applicationId);
    expect(done.status).toBe('APPROVED');
    expect((await t.ledger.getSignatureEnvelope(envelope.envelopeName))?.state).toBe('COMPLETED');
    // Registered in G-Staff once (by the 06_1 workflow), and the contract stored on that registration.
    expect([...d.gstaff.registrations.keys()]).toEqual([clientId]);
    expect((await t.ledger.getClient(clientId))?.gstaff?.state).toBe('REGISTERED');
    expect((await t.ledger.getClient(clientId))?.stage).toBe('TRADING');
  });

  it('cannot start before 06_1 is approved, and a manager rejection returns the client to CREDIT_APPROVED', async () => {
    const d = deps();
    companies += 1;
    const fresh = await recordPhoneInquiry(
      d,
      salesTokyo,
      phoneInquiry({ company: `株式会社未与信${companies}`, phone: `03-6669-${1000 + companies}` }),
    );
    await assignSalesRep(d, managerTokyo, {
      clientId: fresh.clientId,
      salesRepId: 'sales-tokyo-1',
      overrideReason: 'テスト',
    });
    await expect(
      submitContractExecution(d, salesTokyo, { clientId: fresh.clientId, form: 'STANDARD' }),
    ).rejects.toMatchObject({
      rule: 'CREDIT_PRECHECK_NOT_APPROVED',
    });
    const clientId = await creditApprovedClient(d);
    const application = await submitContractExecution(d, salesTokyo, { clientId, form: 'STANDARD' });
    const managerTask = await task(application.applicationId, 'MANAGER');
    await decideApproval(d, managerTokyo, {
      taskId: managerTask.taskId,
      decision: 'REJECT',
      comment: '条件再調整',
    });
    expect((await settled(application.applicationId)).status).toBe('REJECTED');
    expect((await t.ledger.getClient(clientId))?.stage).toBe('CREDIT_APPROVED');
    await expect(
      decideApproval(d, legal, {
        taskId: approvalTaskIdOf(application.applicationId, 'LEGAL_SEND', false),
        decision: 'APPROVE',
      }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});

describe('approvals, hardened', () => {
  it('lets one person decide only one step of an application', async () => {
    const d = deps();
    companies += 1;
    const clientId = await visitedClient(d, {
      company: `株式会社二段${companies}`,
      phone: `03-6670-${1000 + companies}`,
    });
    const application = await submitCreditPrecheck(d, salesTokyo, {
      clientId,
      creditPrecheck: precheck({ creditRating: 30 }),
    });
    // The directory has one director: approving the manager step himself would leave the
    // director step to nobody, so it is refused and the manager is named instead
    // (test/separation-of-duties.test.ts covers the rest).
    await expect(approve(d, application.applicationId, 'MANAGER', director)).rejects.toMatchObject({
      name: 'ForbiddenError',
      rule: 'NO_ONE_LEFT_TO_DECIDE',
      message: expect.stringContaining('ask mgr-tokyo-1 to decide the MANAGER step'),
    });
  });

  it('keeps a decision whose release failed, and the workflow picks it up at its next check', async () => {
    const d = deps();
    const clientId = await creditApprovedClient(d);
    const application = await submitContractExecution(d, salesTokyo, { clientId, form: 'STANDARD' });
    const managerTask = await task(application.applicationId, 'MANAGER');
    const unreachable = {
      ...d,
      workflows: {
        start: d.workflows.start.bind(d.workflows),
        sendTaskSuccess: async () => {
          throw new IntegrationError({
            system: 'stepfunctions',
            operation: 'sendTaskSuccess',
            retryable: false,
            message: 'InvalidToken',
          });
        },
      },
    };
    const decided = await decideApproval(unreachable, managerTokyo, {
      taskId: managerTask.taskId,
      decision: 'REJECT',
      comment: '見送り',
    });
    expect(decided.task.status).toBe('DECIDED');
    // The manager step times out (2 s), finds the decision in the ledger, and the application is rejected.
    expect((await settled(application.applicationId)).status).toBe('REJECTED');
    await expect(
      decideApproval(d, director, { taskId: managerTask.taskId, decision: 'APPROVE' }),
    ).rejects.toMatchObject({ rule: 'TASK_ALREADY_DECIDED' });
  });
});

describe('restart mid-signature', () => {
  it('re-runs to the same envelope: exactly one envelope sent, and the signature still completes it', async () => {
    const d = deps();
    const clientId = await creditApprovedClient(d);
    const application = await submitContractExecution(d, salesTokyo, { clientId, form: 'STANDARD' });
    await approve(d, application.applicationId, 'MANAGER');
    const envelope = await sent(d, application);
    d.workflows.stop(); // npm start stopped while the contract waits for its signature

    const restarted = { ...d, workflows: localEngine(d, 2, 2) };
    engines.push(restarted.workflows);
    expect(await redriveInFlightApplications(restarted)).toContain(application.applicationId);
    // The re-run passes the decided approvals, finds the same envelope and waits on it again.
    await eventually(async () => {
      const again = await t.ledger.getSignatureEnvelope(envelope.envelopeName);
      return again?.workflowWait && again.workflowWait.taskToken !== envelope.workflowWait?.taskToken;
    }, 'the envelope awaited by the re-run');
    await dispatchSignatureOutbox({
      ...d,
      signatureRetry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100 },
    });
    expect(d.signatures.envelopes.size).toBe(1);
    d.signatures.sign(envelope.envelopeId as string);
    expect((await settled(application.applicationId)).status).toBe('APPROVED');
    expect(d.signatures.envelopes.size).toBe(1);
    expect(d.gstaff.contracts.size).toBe(1);
  });
});

describe('delay past 10 business days (A4-5)', () => {
  it('tells the person in charge and the supervisor once, then records the reason and reports it', async () => {
    const d = deps();
    const clientId = await creditApprovedClient(d);
    const application = await submitContractExecution(d, salesTokyo, { clientId, form: 'STANDARD' });
    // Submitted Tuesday 1 December: ten business days run to the end of Tuesday 15 December (JST).
    expect(application.contractExecution?.deadline?.dueAt).toBe('2026-12-15T14:59:59.999Z');
    await expect(
      recordDelayReason(d, salesTokyo, {
        applicationId: application.applicationId,
        reason: '先方の稟議待ち',
      }),
    ).rejects.toMatchObject({ rule: 'NOT_DELAYED' });

    d.clock.set(new Date('2026-12-16T00:00:00Z'));
    // The workflow runs alongside and may change the application in the same moment: the job skips
    // it then (a conflict) and takes it at its next run.
    await eventually(async () => {
      await runDeadlineJob(d);
      return (await t.ledger.getApplication(application.applicationId))?.contractExecution?.deadline
        ?.escalatedAt;
    }, 'the delay escalated');
    await runDeadlineJob(d);
    const delayed = async (userId: string) =>
      (await t.ledger.listNotifications(userId, 200)).items.filter(
        (n) => n.kind === 'CONTRACT_EXECUTION_DELAYED' && n.clientId === clientId,
      );
    expect(await delayed('sales-tokyo-1')).toHaveLength(1);
    expect(await delayed('mgr-tokyo-1')).toHaveLength(1);

    await expect(
      recordDelayReason(d, salesTokyo, { applicationId: application.applicationId, reason: ' ' }),
    ).rejects.toMatchObject({ fieldErrors: [expect.objectContaining({ path: 'input.reason' })] });
    const recorded = await recordDelayReason(d, salesTokyo, {
      applicationId: application.applicationId,
      reason: '先方の社内稟議が年明けまでかかるため',
    });
    expect(recorded.contractExecution?.deadline?.delayReason).toMatchObject({ by: 'sales-tokyo-1' });
    const toSupervisor = await delayed('mgr-tokyo-1');
    expect(toSupervisor).toHaveLength(2);
    expect(toSupervisor.map((n) => n.title).join()).toContain('【遅延理由】');
  });
});

describe('06_2 against the GMO Sign sandbox speaking the public definition', () => {
  let sandbox: GmoSignSandbox;
  let receiver: Server;
  let webhook: ((event: never) => Promise<{ statusCode?: number }>) | undefined;
  beforeAll(async () => {
    sandbox = await startGmoSignSandbox({ callbackDelayMs: 1 });
    // The hub's callback endpoint: what the local host and API Gateway do, reduced to the handler.
    receiver = createServer(async (req, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      const answer = await webhook?.({ rawPath: req.url, body, isBase64Encoded: false } as never);
      res.writeHead(answer?.statusCode ?? 503).end();
    });
    await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
  });
  afterAll(async () => {
    await sandbox.stop();
    await new Promise((ok) => receiver.close(ok));
  });

  /** The hub with the real adapter (no envelope lookup: the callback releases the workflow). */
  async function gmoDeps() {
    const hub = hubDeps(t.ledger, '2026-12-01T01:00:00Z');
    const external = {
      documents: new InMemoryDocumentStore(),
      gstaff: new InMemoryGStaff(),
      signatures: new GmoSignSignatureService({
        baseUrl: sandbox.apiUrl,
        customerId: sandbox.customerId,
        secretKey: sandbox.secretKey,
        timeoutMs: 5000,
        retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
      }),
    };
    const workflows = localEngine({ ...hub, ...external }, 2, 2);
    engines.push(workflows);
    const d = { ...hub, ...external, workflows };
    webhook = makeGmoSignWebhook({
      hub: d,
      signatures: d.signatures,
      documents: d.documents,
      workflows,
      secret: async () => 'callback-secret-0123',
      logger: createLogger('test'),
    }) as never;
    const port = (receiver.address() as AddressInfo).port;
    await ensureCompletionWebhook(d, `http://127.0.0.1:${port}/webhooks/gmosign/callback-secret-0123`);
    return d;
  }

  /** Everyone in the envelope acts by hand, in the order GMO Sign asks them. */
  const signByHand = (envelopeId: string) => {
    const envelope = sandbox.envelopes.get(envelopeId);
    for (const _party of envelope?.parties ?? []) sandbox.act(envelopeId);
    return envelope;
  };

  it('runs a standard basic contract from the template to a signed contract in G-Staff, released by the callback', async () => {
    const d = await gmoDeps();
    const clientId = await creditApprovedClient(d);
    const application = await submitContractExecution(d, salesTokyo, { clientId, form: 'STANDARD' });
    await approve(d, application.applicationId, 'MANAGER');
    const envelope = await sent(d, application);
    const inSandbox = signByHand(envelope.envelopeId as string);
    expect(inSandbox?.parties.map((p) => p.role)).toEqual(['IN_HOUSE', 'PARTNER']);
    const done = await settled(application.applicationId);
    expect(done.status).toBe('APPROVED');
    expect(await t.ledger.getSignatureEnvelope(envelope.envelopeName)).toMatchObject({
      state: 'COMPLETED',
      envelopeId: inSandbox?.envelope_xid,
    });
    expect((await t.ledger.getClient(clientId))?.stage).toBe('TRADING');
    expect([...d.gstaff.contracts.values()]).toEqual([
      expect.objectContaining({ hubContractId: application.applicationId, kind: 'BASIC' }),
    ]);
  });

  it('sends the client’s own 5 MB contract text from the document store, and stores the signed one', async () => {
    const d = await gmoDeps();
    const clientId = await creditApprovedClient(d);
    const key = `contracts/${clientId}/own-text.pdf`;
    const pdf = largePdf(5 * 1024 * 1024);
    await d.documents.put(key, pdf, 'application/pdf');
    const application = await submitContractExecution(d, salesTokyo, {
      clientId,
      form: 'NON_STANDARD',
      documentKey: key,
      fileName: '基本契約書（先方書式）.pdf',
    });
    await approve(d, application.applicationId, 'MANAGER');
    // A4-4 / A5-1: legal reads the client's own text before deciding, through a short-lived URL,
    // audited; marketing (no contract.download) may not, and there is no signed PDF yet.
    await task(application.applicationId, 'LEGAL_REVIEW');
    const review = await requestContractDownload(d, legal, {
      contractId: application.applicationId,
      document: 'REVIEWED_TEXT',
    });
    expect(review.url).toContain(key);
    expect(review.fileName).toMatch(/_定形外\.pdf$/);
    await expect(
      requestContractDownload(d, marketing, {
        contractId: application.applicationId,
        document: 'REVIEWED_TEXT',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      requestContractDownload(d, legal, { contractId: application.applicationId, document: 'SIGNED_PDF' }),
    ).rejects.toMatchObject({ rule: 'DOCUMENT_NOT_STORED' });
    expect(
      (await t.ledger.listAuditTrail(`CLIENT#${clientId}`, 50)).items.filter(
        (e) => e.operation === 'contract.download',
      ),
    ).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ userId: legal.userId }),
        subjectId: application.applicationId,
        changes: expect.arrayContaining([{ field: 'document', before: null, after: 'REVIEWED_TEXT' }]),
      }),
    ]);
    await approve(d, application.applicationId, 'LEGAL_REVIEW', legal);
    const envelope = await sent(d, application);
    expect(envelope.request).toMatchObject({ documentKey: key });
    signByHand(envelope.envelopeId as string);
    expect((await settled(application.applicationId)).status).toBe('APPROVED');
    const stored = [...d.gstaff.contracts.values()][0] as { pdfBase64?: string; sha256: string };
    expect(stored.sha256).toBe(
      (await t.ledger.getSignatureEnvelope(envelope.envelopeName))?.signedPdf?.sha256,
    );
    expect(
      Buffer.from(stored.pdfBase64 ?? '', 'base64')
        .subarray(0, pdf.length)
        .equals(pdf),
    ).toBe(true);
  });
});
