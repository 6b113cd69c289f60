/**
 * Separation of duties with a one-director directory, on the local engine against DynamoDB
 * Local: the manager and the director step are two people, so the only director may not approve
 * the manager step of an application that still needs a director (the refusal names who should
 * decide it instead); such a task is not in his queue once he decided the other step, nor is he
 * e-mailed for it; a decider must be an active staff member. Requirements: A4-2, A4-3, X-5.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { myApprovalTasks } from '../core/applications/application-queries.js';
import { approvalTaskIdOf } from '../core/applications/approval-task.js';
import { decideApproval } from '../core/applications/decide-approval.js';
import { submitCreditPrecheck } from '../core/applications/submit-credit-precheck.js';
import { InMemoryGStaff } from '../core/testing/in-memory-gstaff.js';
import type { LocalWorkflowEngine } from '../integrations/stepfunctions/local-workflow-engine.js';
import {
  director,
  directory,
  hubDeps,
  managerTokyo,
  salesTokyo,
  seedDirectory,
  staffMember,
} from './support/builders.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';
import { moreTokyoReps, visitedClient } from './support/visits.js';
import { eventually, localEngine, precheck, testDefinitions, withConcern } from './support/workflows.js';

let t: TestLedger;
const engines: LocalWorkflowEngine[] = [];
let companies = 0;

beforeAll(async () => {
  t = await createTestLedger();
  // One director; a second, inactive one who left.
  await seedDirectory(t.ledger, [
    ...directory,
    ...moreTokyoReps,
    staffMember({ userId: 'director-1', role: 'DIRECTOR', department: 'EXECUTIVE' }),
    staffMember({ userId: 'director-gone', role: 'DIRECTOR', department: 'EXECUTIVE', active: false }),
  ]);
  testDefinitions();
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

async function needingDirector(d: ReturnType<typeof deps>) {
  companies += 1;
  const clientId = await visitedClient(d, {
    company: `株式会社職務分掌${companies}`,
    phone: `03-6670-${1000 + companies}`,
    email: `soumu@bunsho${companies}.example`,
  });
  const application = await submitCreditPrecheck(d, salesTokyo, {
    clientId,
    creditPrecheck: precheck({ creditRating: 45, ...withConcern() }),
  });
  expect(application.directorReasons?.length).toBeGreaterThan(0);
  return application;
}

const openTask = (applicationId: string, step: 'MANAGER' | 'DIRECTOR') =>
  eventually(async () => {
    const task = await t.ledger.getApprovalTask(approvalTaskIdOf(applicationId, step, false));
    return task?.status === 'OPEN' ? task : undefined;
  }, `${step} task open`);

describe('separation of duties with one director', () => {
  it('refuses the only director’s approval of the manager step when the director step is still to come, naming who decides it instead', async () => {
    const d = deps();
    const application = await needingDirector(d);
    const managerTask = await openTask(application.applicationId, 'MANAGER');
    const refusal = await decideApproval(d, director, {
      taskId: managerTask.taskId,
      decision: 'APPROVE',
    }).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ name: 'ForbiddenError', rule: 'NO_ONE_LEFT_TO_DECIDE' });
    expect((refusal as Error).message).toMatch(
      /would leave the DIRECTOR step with nobody .* ask mgr-tokyo-1 to decide the MANAGER step/,
    );
    // Nothing was recorded: the task is still open for the manager.
    expect((await t.ledger.getApprovalTask(managerTask.taskId))?.status).toBe('OPEN');

    // The manager decides the manager step, the director the director step: the application is decidable to the end.
    await decideApproval(d, managerTokyo, { taskId: managerTask.taskId, decision: 'APPROVE' });
    const directorTask = await openTask(application.applicationId, 'DIRECTOR');
    expect((await myApprovalTasks(d, director)).map((x) => x.taskId)).toContain(directorTask.taskId);
    await decideApproval(d, director, { taskId: directorTask.taskId, decision: 'APPROVE' });
    const done = await eventually(async () => {
      const a = await t.ledger.getApplication(application.applicationId);
      return a?.status === 'APPROVED' ? a : undefined;
    }, 'approved');
    expect(done.history.filter((h) => h.kind === 'DECIDED').map((h) => [h.step, h.by])).toEqual([
      ['MANAGER', 'mgr-tokyo-1'],
      ['DIRECTOR', 'director-1'],
    ]);
  }, 60_000);

  it('lets the only director reject the manager step (a rejection leaves no step to decide)', async () => {
    const d = deps();
    const application = await needingDirector(d);
    const managerTask = await openTask(application.applicationId, 'MANAGER');
    await decideApproval(d, director, {
      taskId: managerTask.taskId,
      decision: 'REJECT',
      comment: '与信不足',
    });
    const done = await eventually(async () => {
      const a = await t.ledger.getApplication(application.applicationId);
      return a?.status === 'REJECTED' ? a : undefined;
    }, 'rejected');
    expect(done.status).toBe('REJECTED');
  });

  it('refuses a decider who is not an active staff member, naming the rule', async () => {
    const d = deps();
    const application = await needingDirector(d);
    const managerTask = await openTask(application.applicationId, 'MANAGER');
    const gone = { userId: 'director-gone', role: 'DIRECTOR' as const };
    await expect(
      decideApproval(d, gone, { taskId: managerTask.taskId, decision: 'APPROVE' }),
    ).rejects.toMatchObject({ rule: 'NOT_ACTIVE_STAFF' });
    const stranger = { userId: 'nobody', role: 'MANAGER' as const, department: 'SALES_TOKYO' };
    await expect(
      decideApproval(d, stranger, { taskId: managerTask.taskId, decision: 'APPROVE' }),
    ).rejects.toMatchObject({ rule: 'NOT_ACTIVE_STAFF' });
  });

  it('a manager step nobody decided in time stays with the managers too, so the only director remains for the director step', async () => {
    const d = deps(2); // a 2-second approval timeout
    const application = await needingDirector(d);
    const original = await openTask(application.applicationId, 'MANAGER');
    const escalated = await eventually(async () => {
      const task = await t.ledger.getApprovalTask(
        approvalTaskIdOf(application.applicationId, 'MANAGER', true),
      );
      return task?.status === 'OPEN' ? task : undefined;
    }, 'escalated MANAGER task open');
    expect((await t.ledger.getApprovalTask(original.taskId))?.status).toBe('ESCALATED');
    // Handed to the directors alone, the only director could approve it and nobody the director step.
    expect(escalated.pool).toEqual({ role: 'MANAGER', department: 'SALES_TOKYO' });
    expect((await myApprovalTasks(d, director)).map((x) => x.taskId)).toContain(escalated.taskId);
    expect((await myApprovalTasks(d, managerTokyo)).map((x) => x.taskId)).toContain(escalated.taskId);
    const told = (await t.ledger.listMailMessages(500)).items.filter(
      (m) => m.clientId === application.clientId && m.template === 'APPROVAL_REQUESTED',
    );
    // First the Tokyo manager; on escalation the manager again and the director.
    expect(told.map((m) => m.to.slice().sort())).toEqual(
      expect.arrayContaining([
        ['mgr-tokyo-1@agency.example'],
        ['director-1@agency.example', 'mgr-tokyo-1@agency.example'],
      ]),
    );
    expect(told).toHaveLength(2);
    await expect(
      decideApproval(d, director, { taskId: escalated.taskId, decision: 'APPROVE' }),
    ).rejects.toMatchObject({ rule: 'NO_ONE_LEFT_TO_DECIDE' });
    await decideApproval(d, managerTokyo, { taskId: escalated.taskId, decision: 'APPROVE' });
    const directorTask = await eventually(async () => {
      const task =
        (await t.ledger.getApprovalTask(approvalTaskIdOf(application.applicationId, 'DIRECTOR', false))) ??
        undefined;
      return task && task.status !== 'ESCALATED' ? task : undefined;
    }, 'DIRECTOR task open');
    await decideApproval(d, director, { taskId: directorTask.taskId, decision: 'APPROVE' });
    const done = await eventually(async () => {
      const a = await t.ledger.getApplication(application.applicationId);
      return a?.status === 'APPROVED' ? a : undefined;
    }, 'approved');
    expect(done.history.filter((h) => h.kind === 'DECIDED').map((h) => [h.step, h.by])).toEqual([
      ['MANAGER', 'mgr-tokyo-1'],
      ['DIRECTOR', 'director-1'],
    ]);
  }, 60_000);

  it('with a second director: the one who decided the manager step may not decide the director step, is not queued nor e-mailed for it', async () => {
    await seedDirectory(t.ledger, [
      staffMember({ userId: 'director-2', role: 'DIRECTOR', department: 'EXECUTIVE' }),
    ]);
    const d = deps();
    const application = await needingDirector(d);
    const managerTask = await openTask(application.applicationId, 'MANAGER');
    await decideApproval(d, director, { taskId: managerTask.taskId, decision: 'APPROVE' });
    const directorTask = await openTask(application.applicationId, 'DIRECTOR');
    await expect(
      decideApproval(d, director, { taskId: directorTask.taskId, decision: 'APPROVE' }),
    ).rejects.toMatchObject({ rule: 'ONE_PERSON_PER_STEP' });
    expect((await myApprovalTasks(d, director)).map((x) => x.taskId)).not.toContain(directorTask.taskId);
    const directorTwo = { userId: 'director-2', role: 'DIRECTOR' as const };
    expect((await myApprovalTasks(d, directorTwo)).map((x) => x.taskId)).toContain(directorTask.taskId);
    const asked = (await t.ledger.listMailMessages(500)).items.filter(
      (m) => m.clientId === application.clientId && m.template === 'APPROVAL_REQUESTED',
    );
    // The manager step went to the Tokyo manager, the director step to director-2 only.
    expect(asked.flatMap((m) => m.to).sort()).toEqual([
      'director-2@agency.example',
      'mgr-tokyo-1@agency.example',
    ]);
    await decideApproval(d, directorTwo, { taskId: directorTask.taskId, decision: 'APPROVE' });
  }, 60_000);
});
