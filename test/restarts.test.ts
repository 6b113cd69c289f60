/**
 * Restarts of the local host (npm start stopped and started again, or killed): an approval's
 * deadline does not move, a stopped execution is not reported as finished, and a signature
 * completed while the hub was down is looked up at the next start instead of an hour later.
 * Requirements: A4-3, A6-3, X-1.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { approvalTaskIdOf } from '../core/applications/approval-task.js';
import { redriveInFlightApplications } from '../core/applications/redrive.js';
import { submitCreditPrecheck } from '../core/applications/submit-credit-precheck.js';
import { runWorkflowTask, workflowErrorName } from '../core/applications/workflow-tasks.js';
import { dispatchSignatureOutbox, requestSignature } from '../core/signing/signature-outbox.js';
import { InMemoryDocumentStore } from '../core/testing/in-memory-document-store.js';
import { InMemoryGStaff } from '../core/testing/in-memory-gstaff.js';
import { InMemorySignatureService } from '../core/testing/in-memory-signature-service.js';
import { lookUpSentEnvelopes } from '../dev/signatures-after-restart.js';
import { LocalWorkflowEngine } from '../integrations/stepfunctions/local-workflow-engine.js';
import { directory, hubDeps, salesTokyo, seedDirectory, staffMember } from './support/builders.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';
import { storedEnvelopeRequest } from './support/signing.js';
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
  ]);
  testDefinitions(600);
});
afterEach(() => {
  for (const engine of engines.splice(0)) engine.stop();
});

function deps() {
  const hub = { ...hubDeps(t.ledger, '2026-12-01T01:00:00Z'), gstaff: new InMemoryGStaff() };
  const workflows = localEngine(hub, 600);
  engines.push(workflows);
  return { ...hub, workflows };
}

async function submitted(d: ReturnType<typeof deps>) {
  companies += 1;
  const clientId = await visitedClient(d, {
    company: `株式会社再起動${companies}`,
    phone: `03-6669-${1000 + companies}`,
    email: `soumu@saikidou${companies}.example`,
  });
  const application = await submitCreditPrecheck(d, salesTokyo, { clientId, creditPrecheck: precheck() });
  const taskId = approvalTaskIdOf(application.applicationId, 'MANAGER', false);
  await eventually(async () => (await t.ledger.getApprovalTask(taskId))?.status === 'OPEN', 'task open');
  return { application, taskId };
}

describe('a restart of the local host', () => {
  it('does not extend an approval deadline: a task whose time ran out while stopped is escalated at once', async () => {
    const d = deps();
    const { application, taskId } = await submitted(d);
    d.workflows.stop();
    d.clock.advance(601_000); // the 600 s the approver had passed while the hub was down

    const restarted = { ...d, workflows: localEngine(d, 600) };
    engines.push(restarted.workflows);
    await redriveInFlightApplications(restarted);
    // Without the stored deadline the re-run would wait another 600 s; with it, the step times out now.
    const escalated = await eventually(async () => {
      const task = await t.ledger.getApprovalTask(
        approvalTaskIdOf(application.applicationId, 'MANAGER', true),
      );
      return task?.status === 'OPEN' ? task : undefined;
    }, 'the escalated task open');
    expect(escalated.pool).toEqual({ role: 'DIRECTOR' });
    expect((await t.ledger.getApprovalTask(taskId))?.status).toBe('ESCALATED');
  }, 60_000);

  it('keeps a deadline that has time left: the re-run does not escalate early', async () => {
    const d = deps();
    const { application, taskId } = await submitted(d);
    d.workflows.stop();
    d.clock.advance(300_000); // half of the time used

    const restarted = { ...d, workflows: localEngine(d, 600) };
    engines.push(restarted.workflows);
    await redriveInFlightApplications(restarted);
    const reattached = await eventually(async () => {
      const task = await t.ledger.getApprovalTask(taskId);
      return task && task.version > 1 ? task : undefined;
    }, 'the task re-attached');
    expect(reattached.status).toBe('OPEN');
    expect(
      await t.ledger.getApprovalTask(approvalTaskIdOf(application.applicationId, 'MANAGER', true)),
    ).toBeUndefined();
  });

  it('reports an execution the host stopped as stopped, not finished', async () => {
    const d = deps();
    const ends: { name: string; status: string }[] = [];
    const engine = new LocalWorkflowEngine({
      definitions: testDefinitions(),
      runTask: (event) =>
        runWorkflowTask(
          {
            ...d,
            documents: new InMemoryDocumentStore(),
            signatures: new InMemorySignatureService(),
          },
          event,
        ),
      errorName: workflowErrorName,
      retryIntervalSeconds: 0,
      onExecutionEnd: (name, outcome) => ends.push({ name, status: outcome.status }),
    });
    engines.push(engine);
    d.workflows.stop();
    const { application } = await submitted({ ...d, workflows: engine });
    engine.stop();
    const end = await eventually(
      async () => ends.find((e) => e.name === application.applicationId),
      'the execution ended',
    );
    expect(end.status).toBe('STOPPED');
  });

  it('looks up at start an envelope still SENT whose completion callback was lost while the hub was down', async () => {
    const d = {
      ...deps(),
      documents: new InMemoryDocumentStore(),
      signatures: new InMemorySignatureService(),
    };
    const name = `RESTART-${Date.now()}`;
    await requestSignature(
      d,
      { businessType: 'TEST', businessId: name },
      await storedEnvelopeRequest(d.documents, name),
    );
    await dispatchSignatureOutbox({
      ...d,
      signatureRetry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100 },
    });
    const sent = await t.ledger.getSignatureEnvelope(name);
    expect(sent?.state).toBe('SENT');
    d.signatures.sign(sent?.envelopeId as string); // signed while the hub was down: no callback came

    const looked = await lookUpSentEnvelopes(d);
    expect(looked.settled).toContain(name);
    const completed = await t.ledger.getSignatureEnvelope(name);
    expect(completed?.state).toBe('COMPLETED');
    expect(completed?.signedPdf?.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Looked up once: a second start finds nothing still SENT under that name.
    expect((await lookUpSentEnvelopes(d)).settled).not.toContain(name);
  });
});
