/**
 * The dashboard's aggregates, against DynamoDB Local: the pipeline by stage, what is overdue by
 * deadline type and department, approval lead times; scoped to the department for sales.
 * Requirements.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { approvalTaskIdOf } from '../core/applications/approval-task.js';
import { decideApproval } from '../core/applications/decide-approval.js';
import { submitCreditPrecheck } from '../core/applications/submit-credit-precheck.js';
import { assignSalesRep } from '../core/assignment/assign-sales-rep.js';
import { salesDashboard } from '../core/dashboard/sales-dashboard.js';
import { receiveWebInquiry } from '../core/inquiries/receive-web-inquiry.js';
import { recordPhoneInquiry } from '../core/inquiries/record-phone-inquiry.js';
import { planVisit } from '../core/visits/plan-visit.js';
import type { LocalWorkflowEngine } from '../integrations/stepfunctions/local-workflow-engine.js';
import {
  director,
  directory,
  hubDeps,
  managerTokyo,
  phoneInquiry,
  salesOsaka,
  salesTokyo,
  seedDirectory,
  webForm,
} from './support/builders.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';
import { moreTokyoReps, visitedClient } from './support/visits.js';
import { eventually, localEngine, precheck } from './support/workflows.js';

let t: TestLedger;
const engines: LocalWorkflowEngine[] = [];

beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger, [...directory, ...moreTokyoReps]);
});
afterEach(() => {
  for (const engine of engines.splice(0)) engine.stop();
});

describe('the sales dashboard', () => {
  it('counts the pipeline, the overdue deadlines by type and department, and approval lead times', async () => {
    const hub = hubDeps(t.ledger, '2026-12-01T01:00:00Z');
    const workflows = localEngine(hub);
    engines.push(workflows);
    const d = { ...hub, workflows };

    // A visited client whose 06_1 the manager decides five hours after it was submitted.
    const visited = await visitedClient(d, { company: '株式会社ダッシュ一', phone: '03-7777-0001' });
    const credit = await submitCreditPrecheck(d, salesTokyo, {
      clientId: visited,
      creditPrecheck: precheck(),
    });
    d.clock.advance(5 * 3600_000);
    const taskId = approvalTaskIdOf(credit.applicationId, 'MANAGER', false);
    await eventually(async () => (await t.ledger.getApprovalTask(taskId))?.status === 'OPEN', 'manager task');
    await decideApproval(d, managerTokyo, { taskId, decision: 'APPROVE' });
    await eventually(
      async () => (await t.ledger.getClient(visited))?.stage === 'CREDIT_APPROVED',
      '06_1 approved',
    );

    // A client whose planned visit is never recorded, and a web inquiry nobody routes.
    const phone = await recordPhoneInquiry(
      d,
      salesTokyo,
      phoneInquiry({ company: '株式会社ダッシュ二', phone: '03-7777-0002' }),
    );
    await assignSalesRep(d, managerTokyo, {
      clientId: phone.clientId,
      salesRepId: 'sales-tokyo-1',
      overrideReason: 'テスト',
    });
    await planVisit(d, salesTokyo, {
      clientId: phone.clientId,
      plannedStartAt: '2026-12-01T08:00:00Z',
      plannedEndAt: '2026-12-01T09:00:00Z',
    });
    await receiveWebInquiry(d, webForm({ company: '株式会社ダッシュ三', phone: '03-7777-0003' }));
    d.clock.advance(7 * 24 * 3600_000);

    const all = await salesDashboard(d, director);
    const stages = Object.fromEntries(all.pipeline.map((p) => [p.stage, p.clients]));
    expect(stages).toMatchObject({ CREDIT_APPROVED: 1, ASSIGNED: 1 });
    expect(all.overdue).toEqual(
      expect.arrayContaining([
        { deadline: 'FIRST_CONTACT', department: 'UNROUTED', count: 1 },
        { deadline: 'VISIT_RECORD', department: 'SALES_TOKYO', count: 1 },
      ]),
    );
    expect(all.approvalLeadTimes).toEqual([
      { type: 'CREDIT_PRECHECK', decided: 1, medianHours: 5, maxHours: 5 },
    ]);
    expect(all.truncated).toBe(false);

    // Sales see their own department only.
    const tokyo = await salesDashboard(d, salesTokyo);
    expect(tokyo.overdue.map((o) => o.department)).not.toContain('UNROUTED');
    const osaka = await salesDashboard(d, salesOsaka);
    expect(osaka.pipeline.reduce((n, p) => n + p.clients, 0)).toBe(0);
    expect(osaka.overdue).toEqual([]);
    expect(osaka.approvalLeadTimes).toEqual([]);
  }, 120_000);
});
