/**
 * The credit / anti-social pre-check (06_1) on the local engine, running the state machine
 * `cdk synth` produces, against DynamoDB Local: approve, reject, director escalation, HIT
 * auto-reject, self-approval denied, approval timeout escalation, restart mid-workflow, double
 * submit, order approval, and every decision in the audit trail. Requirements: A3-1, A4-1, A4-2, A4-3,
 * A6-1, A7-1, A7-3, X-1.
 */
import validator from 'asl-validator';
import { printSchema } from 'graphql';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../core/access.js';
import { myApprovalTasks } from '../core/applications/application-queries.js';
import { approvalTaskIdOf } from '../core/applications/approval-task.js';
import { decideApproval } from '../core/applications/decide-approval.js';
import { redriveInFlightApplications } from '../core/applications/redrive.js';
import { registerOrder } from '../core/applications/register-order.js';
import { submitCreditPrecheck } from '../core/applications/submit-credit-precheck.js';
import { assignSalesRep } from '../core/assignment/assign-sales-rep.js';
import { IntegrationError } from '../core/errors.js';
import { saveHearingSheet } from '../core/hearing-sheets/save-hearing-sheet.js';
import { recordPhoneInquiry } from '../core/inquiries/record-phone-inquiry.js';
import { InMemoryGStaff } from '../core/testing/in-memory-gstaff.js';
import { schema } from '../graphql/schema/index.js';
import type { LocalWorkflowEngine } from '../integrations/stepfunctions/local-workflow-engine.js';
import { createTestApi } from './support/api.js';
import {
  director,
  directory,
  hubDeps,
  managerTokyo,
  phoneInquiry,
  salesTokyo,
  seedDirectory,
  staffMember,
} from './support/builders.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';
import { moreTokyoReps, visitedClient as visitedClientOf } from './support/visits.js';
import { eventually, localEngine, precheck, testDefinitions, withConcern } from './support/workflows.js';

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
  testDefinitions();
  testDefinitions(2);
});
afterEach(() => {
  for (const engine of engines.splice(0)) engine.stop();
});

function deps(approvalTimeoutSeconds?: number) {
  const hub = { ...hubDeps(t.ledger, '2026-12-01T01:00:00Z'), gstaff: new InMemoryGStaff() };
  const workflows = localEngine(hub, approvalTimeoutSeconds);
  engines.push(workflows);
  return { ...hub, workflows };
}
type Deps = ReturnType<typeof deps>;

/** A visited client of sales-tokyo-1 whose contact has an e-mail address. */
async function visitedClient(d: Deps) {
  companies += 1;
  return visitedClientOf(d, {
    company: `株式会社与信${companies}`,
    phone: `03-6666-${1000 + companies}`,
    email: `jinji@yoshin${companies}.example`,
  });
}

const openTask = (applicationId: string, step: 'MANAGER' | 'DIRECTOR', escalated = false) =>
  eventually(
    async () => {
      const task = await t.ledger.getApprovalTask(approvalTaskIdOf(applicationId, step, escalated));
      return task?.status === 'OPEN' ? task : undefined;
    },
    `${step}${escalated ? ' (escalated)' : ''} task of ${applicationId} open`,
  );

const decided = (applicationId: string) =>
  eventually(async () => {
    const a = await t.ledger.getApplication(applicationId);
    return a && a.status !== 'SUBMITTED' ? a : undefined;
  }, `${applicationId} decided`);

describe('the state machines', () => {
  it('are valid Amazon States Language', () => {
    for (const definition of Object.values(testDefinitions())) {
      const { isValid, errors } = validator(definition as never);
      expect(errors ?? []).toEqual([]);
      expect(isValid).toBe(true);
    }
  });
});

describe('credit pre-check (06_1)', () => {
  it('is approved by the manager: client CREDIT_APPROVED, order RECEIVED in kintone, basic-contract template e-mailed, all audited', async () => {
    const d = deps();
    const clientId = await visitedClient(d);
    const application = await submitCreditPrecheck(d, salesTokyo, { clientId, creditPrecheck: precheck() });
    // The visit's draft (A6-1) became the application.
    expect(application.visitId).toBeDefined();
    expect((await t.ledger.getClient(clientId))?.stage).toBe('CREDIT_REVIEW');
    const task = await openTask(application.applicationId, 'MANAGER');
    expect((await myApprovalTasks(d, managerTokyo)).map((x) => x.taskId)).toContain(task.taskId);
    // Directors may decide what managers may: the task is in their queue too.
    expect((await myApprovalTasks(d, director)).map((x) => x.taskId)).toContain(task.taskId);

    await decideApproval(d, managerTokyo, { taskId: task.taskId, decision: 'APPROVE' });
    const done = await decided(application.applicationId);
    expect(done.status).toBe('APPROVED');
    const final = await eventually(async () => {
      const a = await t.ledger.getApplication(application.applicationId);
      return a?.history.some((h) => h.kind === 'GSTAFF_UPDATED') ? a : undefined;
    }, 'G-Staff told');
    expect(final.history.map((h) => h.kind)).toEqual([
      'SUBMITTED',
      'VALIDATED',
      'APPROVAL_REQUESTED',
      'DECIDED',
      'APPROVED',
      'GSTAFF_UPDATED',
    ]);
    // The unchecked client was registered in G-Staff first, then the decision recorded on it.
    expect([...d.gstaff.registrations.keys()]).toEqual([clientId]);
    expect(d.gstaff.creditDecisions.get(application.applicationId)).toMatchObject({
      outcome: 'APPROVED',
      creditRating: 72,
      antisocialCheck: 'CLEAR',
    });
    expect((await t.ledger.getClient(clientId))?.stage).toBe('CREDIT_APPROVED');
    const outbox = await t.ledger.listKintoneOutboxEntriesOfClient(clientId);
    expect(outbox.some((e) => e.app === 'orders' && e.order.status === 'RECEIVED')).toBe(true);
    const mails = (await t.ledger.listMailMessages(200)).items.filter((m) => m.clientId === clientId);
    expect(mails.find((m) => m.template === 'BASIC_CONTRACT_TEMPLATE')?.to[0]).toMatch(
      /@yoshin\d+\.example$/,
    );
    expect(mails.some((m) => m.template === 'APPLICATION_DECIDED')).toBe(true);
    const trail = (await t.ledger.listAuditTrail(`CLIENT#${clientId}`, 200)).items.map((e) => e.operation);
    for (const op of ['application.submit', 'approval.open', 'approval.decide', 'application.decide']) {
      expect(trail).toContain(op);
    }
    // The slot is free again: the stage now refuses a second pre-check, naming why.
    await expect(
      submitCreditPrecheck(d, salesTokyo, { clientId, creditPrecheck: precheck() }),
    ).rejects.toMatchObject({
      rule: 'CLIENT_STAGE',
    });
  });

  it('is rejected by the manager with a reason, and may be submitted again', async () => {
    const d = deps();
    const clientId = await visitedClient(d);
    const first = await submitCreditPrecheck(d, salesTokyo, { clientId, creditPrecheck: precheck() });
    const task = await openTask(first.applicationId, 'MANAGER');
    await expect(
      decideApproval(d, managerTokyo, { taskId: task.taskId, decision: 'REJECT' }),
    ).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ path: 'input.comment' })],
    });
    await decideApproval(d, managerTokyo, {
      taskId: task.taskId,
      decision: 'REJECT',
      comment: '取引条件が合わない',
    });
    expect((await decided(first.applicationId)).status).toBe('REJECTED');
    // G-Staff is told of the rejection too (its last step), before the rep resubmits.
    await eventually(async () => {
      const a = await t.ledger.getApplication(first.applicationId);
      return a?.history.some((h) => h.kind === 'GSTAFF_UPDATED');
    }, 'G-Staff told of the rejection');
    expect(d.gstaff.creditDecisions.get(first.applicationId)?.outcome).toBe('REJECTED');
    expect((await t.ledger.getClient(clientId))?.stage).toBe('CREDIT_REJECTED');
    await expect(
      decideApproval(d, managerTokyo, { taskId: task.taskId, decision: 'APPROVE' }),
    ).rejects.toMatchObject({ rule: 'TASK_ALREADY_DECIDED' });

    const second = await submitCreditPrecheck(d, salesTokyo, {
      clientId,
      creditPrecheck: precheck({ creditRating: 80 }),
    });
    expect(second.applicationId).not.toBe(first.applicationId);
    await openTask(second.applicationId, 'MANAGER');
  });

  it('needs the director too when the policy says so, and the director decides', async () => {
    const d = deps();
    const clientId = await visitedClient(d);
    const application = await submitCreditPrecheck(d, salesTokyo, {
      clientId,
      creditPrecheck: precheck({ creditRating: 45, ...withConcern() }),
    });
    expect(application.directorReasons).toHaveLength(2);
    const managerTask = await openTask(application.applicationId, 'MANAGER');
    await decideApproval(d, managerTokyo, { taskId: managerTask.taskId, decision: 'APPROVE' });
    const directorTask = await openTask(application.applicationId, 'DIRECTOR');
    expect(directorTask.pool).toEqual({ role: 'DIRECTOR' });
    await expect(
      decideApproval(d, managerTokyo, { taskId: directorTask.taskId, decision: 'APPROVE' }),
    ).rejects.toMatchObject({ name: 'ForbiddenError' });
    await decideApproval(d, director, {
      taskId: directorTask.taskId,
      decision: 'APPROVE',
      comment: '条件付きで可',
    });
    const done = await decided(application.applicationId);
    expect(done.status).toBe('APPROVED');
    expect(done.history.filter((h) => h.kind === 'DECIDED').map((h) => [h.step, h.by])).toEqual([
      ['MANAGER', 'mgr-tokyo-1'],
      ['DIRECTOR', 'director-1'],
    ]);
  });

  it('rejects an anti-social HIT automatically: nobody is asked', async () => {
    const d = deps();
    const clientId = await visitedClient(d);
    const application = await submitCreditPrecheck(d, salesTokyo, {
      clientId,
      creditPrecheck: precheck({ antisocialCheck: 'HIT' }),
    });
    const done = await decided(application.applicationId);
    expect(done.status).toBe('REJECTED');
    expect(done.history.map((h) => h.kind)).toContain('AUTO_REJECTED');
    expect(await t.ledger.listApprovalTasksOfApplication(application.applicationId)).toEqual([]);
  });

  it('lets nobody decide their own application, nor another department’s', async () => {
    const d = deps();
    const clientId = await visitedClient(d);
    // A manager may submit for the rep — and then may not approve it.
    const application = await submitCreditPrecheck(d, managerTokyo, { clientId, creditPrecheck: precheck() });
    const task = await openTask(application.applicationId, 'MANAGER');
    await expect(
      decideApproval(d, managerTokyo, { taskId: task.taskId, decision: 'APPROVE' }),
    ).rejects.toMatchObject({ name: 'ForbiddenError', message: 'nobody decides their own application' });
    expect(await myApprovalTasks(d, managerTokyo)).not.toContainEqual(
      expect.objectContaining({ taskId: task.taskId }),
    );
    const managerOsaka: Actor = { userId: 'mgr-osaka-1', role: 'MANAGER', department: 'SALES_OSAKA' };
    await expect(
      decideApproval(d, managerOsaka, { taskId: task.taskId, decision: 'APPROVE' }),
    ).rejects.toMatchObject({
      name: 'ForbiddenError',
    });
    await expect(
      decideApproval(d, salesTokyo, { taskId: task.taskId, decision: 'APPROVE' }),
    ).rejects.toMatchObject({
      name: 'ForbiddenError',
    });
    // A director may decide a manager task (a director may do what a manager may).
    await decideApproval(d, director, { taskId: task.taskId, decision: 'APPROVE' });
    expect((await decided(application.applicationId)).status).toBe('APPROVED');
  });

  it('escalates an approval nobody decides in time to the directors', async () => {
    const d = deps(2);
    const clientId = await visitedClient(d);
    const application = await submitCreditPrecheck(d, salesTokyo, { clientId, creditPrecheck: precheck() });
    const original = await openTask(application.applicationId, 'MANAGER');
    // This machine was synthesized with a 2-second approval timeout.
    const escalated = await openTask(application.applicationId, 'MANAGER', true);
    expect(escalated.pool).toEqual({ role: 'DIRECTOR' });
    expect((await t.ledger.getApprovalTask(original.taskId))?.status).toBe('ESCALATED');
    await expect(
      decideApproval(d, managerTokyo, { taskId: original.taskId, decision: 'APPROVE' }),
    ).rejects.toMatchObject({ rule: 'TASK_ESCALATED' });
    expect((await myApprovalTasks(d, director)).map((x) => x.taskId)).toContain(escalated.taskId);
    await decideApproval(d, director, { taskId: escalated.taskId, decision: 'APPROVE' });
    const done = await decided(application.applicationId);
    expect(done.status).toBe('APPROVED');
    expect(done.history.map((h) => h.kind)).toContain('ESCALATED');
  });

  it('survives a restart mid-workflow: the re-run re-attaches the task, asks nobody twice, and finishes once', async () => {
    const d = deps();
    const clientId = await visitedClient(d);
    const application = await submitCreditPrecheck(d, salesTokyo, { clientId, creditPrecheck: precheck() });
    const before = await openTask(application.applicationId, 'MANAGER');
    d.workflows.stop(); // npm start stopped

    const restarted = { ...d, workflows: localEngine(d) };
    engines.push(restarted.workflows);
    expect(await redriveInFlightApplications(restarted)).toContain(application.applicationId);
    const after = await eventually(async () => {
      const task = await t.ledger.getApprovalTask(before.taskId);
      return task && task.taskToken !== before.taskToken ? task : undefined;
    }, 'the task re-attached to the new execution');
    expect(after.status).toBe('OPEN');
    await decideApproval(restarted, managerTokyo, { taskId: after.taskId, decision: 'APPROVE' });
    expect((await decided(application.applicationId)).status).toBe('APPROVED');
    const requests = (await t.ledger.listMailMessages(500)).items.filter(
      (m) => m.clientId === clientId && m.template === 'APPROVAL_REQUESTED',
    );
    expect(requests).toHaveLength(1);
    // Re-driving a finished application starts nothing.
    expect(await redriveInFlightApplications(restarted)).not.toContain(application.applicationId);
  });

  it('starts one execution for a double submit, refuses a different second one, and requires a visit', async () => {
    const d = deps();
    const clientId = await visitedClient(d);
    const input = { clientId, creditPrecheck: precheck() };
    const [a, b] = [
      await submitCreditPrecheck(d, salesTokyo, input),
      await submitCreditPrecheck(d, salesTokyo, input),
    ];
    expect(b.applicationId).toBe(a.applicationId);
    expect(d.workflows.inFlight.filter((n) => n === a.applicationId)).toHaveLength(1);
    await expect(
      submitCreditPrecheck(d, salesTokyo, { clientId, creditPrecheck: precheck({ creditRating: 10 }) }),
    ).rejects.toMatchObject({ rule: 'APPLICATION_ALREADY_OPEN' });

    companies += 1;
    const unvisited = await recordPhoneInquiry(
      d,
      salesTokyo,
      phoneInquiry({ company: `株式会社未訪問${companies}`, phone: `03-6667-${1000 + companies}` }),
    );
    await assignSalesRep(d, managerTokyo, {
      clientId: unvisited.clientId,
      salesRepId: 'sales-tokyo-1',
      overrideReason: 'テスト',
    });
    await expect(
      submitCreditPrecheck(d, salesTokyo, { clientId: unvisited.clientId, creditPrecheck: precheck() }),
    ).rejects.toMatchObject({ rule: 'VISIT_REQUIRED' });
  });
});

describe('in GraphQL', () => {
  it('submits, lists the approval for the manager, decides, and shows the history; the task token never leaves the hub', async () => {
    const d = deps();
    const api = await createTestApi(d);
    const clientId = await visitedClient(d);
    const submitted = await api.graphql(
      salesTokyo,
      `mutation($input: SubmitCreditPrecheckInput!) { submitCreditPrecheck(input: $input) {
        __typename ... on Application { id status directorReasons } } }`,
      { input: { clientId, creditPrecheck: precheck({ creditRating: 40 }) } },
    );
    const application = (
      submitted.data as { submitCreditPrecheck: { id: string; directorReasons: string[] } }
    ).submitCreditPrecheck;
    expect(application.directorReasons[0]).toContain('40 点');
    await openTask(application.id, 'MANAGER');
    const tasks = await api.graphql(
      managerTokyo,
      '{ myApprovalTasks { id step pool { role department } application { id creditPrecheck { creditRating } } } }',
    );
    const mine = (tasks.data as { myApprovalTasks: { id: string; application: { id: string } }[] })
      .myApprovalTasks;
    const task = mine.find((x) => x.application.id === application.id);
    expect(task).toBeDefined();
    const denied = await api.graphql(
      salesTokyo,
      `mutation { decideApproval(input: { taskId: "${task?.id}", decision: APPROVE }) { __typename } }`,
    );
    expect((denied.errors as { extensions: { code: string } }[])[0]?.extensions.code).toBe('FORBIDDEN');
    const decidedResult = await api.graphql(
      managerTokyo,
      `mutation { decideApproval(input: { taskId: "${task?.id}", decision: APPROVE, comment: "問題なし" }) {
        __typename ... on DecideApprovalPayload { task { status decision decidedBy } } } }`,
    );
    expect((decidedResult.data as { decideApproval: { task: unknown } }).decideApproval.task).toEqual({
      status: 'DECIDED',
      decision: 'APPROVE',
      decidedBy: 'mgr-tokyo-1',
    });
    const directorTask = await openTask(application.id, 'DIRECTOR');
    await decideApproval(d, director, { taskId: directorTask.taskId, decision: 'APPROVE' });
    await decided(application.id);
    // The workflow's last step records the decision in G-Staff after APPROVED: wait for it, so the
    // history read below is the finished one.
    await eventually(async () => {
      const a = await t.ledger.getApplication(application.id);
      return a?.history.some((h) => h.kind === 'GSTAFF_UPDATED') ? a : undefined;
    }, `${application.id} recorded in G-Staff`);
    const shown = await api.graphql(
      managerTokyo,
      `query($id: ID!) { application(id: $id) { ... on Application { status
        history { kind step by decision comment } approvalTasks { step status } } } }`,
      { id: application.id },
    );
    const view = (shown.data as { application: { status: string; history: { kind: string }[] } }).application;
    expect(view.status).toBe('APPROVED');
    expect(view.history.map((h) => h.kind)).toEqual([
      'SUBMITTED',
      'VALIDATED',
      'APPROVAL_REQUESTED',
      'DECIDED',
      'APPROVAL_REQUESTED',
      'DECIDED',
      'APPROVED',
      'GSTAFF_UPDATED',
    ]);
    expect(printSchema(schema)).not.toMatch(/taskToken/i);
  });
});

describe('order approval (A7-3)', () => {
  /** A client with an approved 06_1 and a complete hearing sheet (from its visit). */
  async function approvedClient(d: Deps) {
    const clientId = await visitedClient(d);
    const application = await submitCreditPrecheck(d, salesTokyo, { clientId, creditPrecheck: precheck() });
    const task = await openTask(application.applicationId, 'MANAGER');
    await decideApproval(d, managerTokyo, { taskId: task.taskId, decision: 'APPROVE' });
    await decided(application.applicationId);
    const [inquiry] = await t.ledger.listInquiriesOfClient(clientId);
    return { clientId, inquiryId: inquiry?.inquiryId as string };
  }

  it('cannot be registered before the credit pre-check is approved, nor with hearing items missing', async () => {
    const d = deps();
    const clientId = await visitedClient(d);
    const [inquiry] = await t.ledger.listInquiriesOfClient(clientId);
    await expect(registerOrder(d, salesTokyo, { inquiryId: inquiry?.inquiryId })).rejects.toMatchObject({
      rule: 'CREDIT_PRECHECK_NOT_APPROVED',
    });
    // A second request of an approved client, with only part of its hearing sheet.
    const { clientId: approved } = await approvedClient(d);
    const client = await t.ledger.getClient(approved);
    const second = await recordPhoneInquiry(
      d,
      salesTokyo,
      phoneInquiry({ company: client?.name, phone: client?.phones[0], message: '追加で2名' }),
    );
    expect(second.clientId).toBe(approved);
    await saveHearingSheet(d, salesTokyo, { inquiryId: second.inquiryId, items: { jobContent: '検品' } });
    await expect(registerOrder(d, salesTokyo, { inquiryId: second.inquiryId })).rejects.toMatchObject({
      rule: 'HEARING_ITEMS_MISSING',
      message: expect.stringContaining('billingRate'),
    });
  });

  it('goes PENDING_APPROVAL in kintone, the supervisor approves, and it opens (OPEN)', async () => {
    const d = deps();
    const { clientId, inquiryId } = await approvedClient(d);
    const application = await registerOrder(d, salesTokyo, { inquiryId });
    const task = await openTask(application.applicationId, 'MANAGER');
    const orders = async () =>
      (await t.ledger.listKintoneOutboxEntriesOfClient(clientId)).flatMap((e) =>
        e.app === 'orders' ? [e.order] : [],
      );
    const pending = (await orders()).find((o) => o.status === 'PENDING_APPROVAL');
    expect(pending?.summary).toContain('請求単価: 2,100円／時間');
    // The rep may not approve their own order; a second registration while it runs starts nothing new.
    await expect(
      decideApproval(d, salesTokyo, { taskId: task.taskId, decision: 'APPROVE' }),
    ).rejects.toMatchObject({
      name: 'ForbiddenError',
    });
    expect((await registerOrder(d, salesTokyo, { inquiryId })).applicationId).toBe(application.applicationId);
    await decideApproval(d, managerTokyo, { taskId: task.taskId, decision: 'APPROVE' });
    expect((await decided(application.applicationId)).status).toBe('APPROVED');
    expect((await orders()).map((o) => o.status)).toEqual(
      expect.arrayContaining(['PENDING_APPROVAL', 'OPEN']),
    );
    await expect(registerOrder(d, salesTokyo, { inquiryId })).rejects.toMatchObject({
      rule: 'ORDER_ALREADY_APPROVED',
    });
  });
});

describe('a start that failed after the submission was stored (AWS)', () => {
  it('is started again by the scheduled run after a grace period; running applications are left alone', async () => {
    const d = deps();
    const clientId = await visitedClient(d);
    const failingStart = {
      ...d,
      workflows: {
        start: async () => {
          throw new IntegrationError({
            system: 'stepfunctions',
            operation: 'startExecution',
            retryable: true,
            message: 'ThrottlingException',
          });
        },
        sendTaskSuccess: d.workflows.sendTaskSuccess.bind(d.workflows),
      },
    };
    await expect(
      submitCreditPrecheck(failingStart, salesTokyo, { clientId, creditPrecheck: precheck() }),
    ).rejects.toMatchObject({
      name: 'IntegrationError',
    });
    const [stored] = (await t.ledger.listApplicationsOfClient(clientId)).filter(
      (a) => a.status === 'SUBMITTED',
    );
    expect(stored?.history.map((h) => h.kind)).toEqual(['SUBMITTED']);
    // Within the grace period nothing is started again.
    expect(await redriveInFlightApplications(d, { onlyUnstartedFor: 120_000 })).not.toContain(
      stored?.applicationId,
    );
    d.clock.advance(180_000);
    expect(await redriveInFlightApplications(d, { onlyUnstartedFor: 120_000 })).toContain(
      stored?.applicationId,
    );
    const task = await openTask(stored?.applicationId as string, 'MANAGER');
    // Now running (validated): the next scheduled run leaves it alone.
    expect(await redriveInFlightApplications(d, { onlyUnstartedFor: 120_000 })).not.toContain(
      stored?.applicationId,
    );
    await decideApproval(d, managerTokyo, { taskId: task.taskId, decision: 'APPROVE' });
    expect((await decided(stored?.applicationId as string)).status).toBe('APPROVED');
  });
});
