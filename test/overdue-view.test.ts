/**
 * The one overdue view on DynamoDB Local: every deadline type the hub tracks, who is
 * responsible, the escalation sent, and each caller seeing only their department's items.
 * Requirements: X-2, A1-2, A3-6, A4-5, X-3.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '../core/applications/application.js';
import type { ApprovalTask } from '../core/applications/approval-task.js';
import { assignSalesRep } from '../core/assignment/assign-sales-rep.js';
import { runDeadlineJob } from '../core/deadline-job.js';
import { receiveWebInquiry } from '../core/inquiries/receive-web-inquiry.js';
import { recordPhoneInquiry } from '../core/inquiries/record-phone-inquiry.js';
import { routeInquiry } from '../core/inquiries/route-inquiry.js';
import { listOverdueItems, type OverdueItem } from '../core/overdue/overdue-items.js';
import type { SyncConflict } from '../core/sync/sync-model.js';
import { planVisit } from '../core/visits/plan-visit.js';
import {
  admin,
  director,
  hubDeps,
  managerTokyo,
  marketing,
  phoneInquiry,
  salesOsaka,
  salesTokyo,
  seedDirectory,
  webForm,
} from './support/builders.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';

let t: TestLedger;
const deps = () => hubDeps(t.ledger, '2026-11-24T01:00:00.000Z');
let d: ReturnType<typeof deps>;
const ids: Record<string, string> = {};

const kindsOf = (items: OverdueItem[]) => [...new Set(items.map((i) => i.kind))].sort();

beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger);
  d = deps();
  // Two web inquiries routed to two departments, neither contacted.
  const tokyoWeb = await receiveWebInquiry(
    d,
    webForm({ company: '株式会社東京期限', phone: '03-5555-0001' }),
  );
  await routeInquiry(d, marketing, { inquiryId: tokyoWeb.body.inquiryId, department: 'SALES_TOKYO' });
  const osakaWeb = await receiveWebInquiry(
    d,
    webForm({ company: '株式会社大阪期限', phone: '06-5555-0002' }),
  );
  await routeInquiry(d, marketing, { inquiryId: osakaWeb.body.inquiryId, department: 'SALES_OSAKA' });
  ids.tokyoWeb = String(tokyoWeb.body.inquiryId);
  ids.osakaWeb = String(osakaWeb.body.inquiryId);

  // A Tokyo client whose visit ended and was never recorded.
  const phone = await recordPhoneInquiry(
    d,
    salesTokyo,
    phoneInquiry({ company: '株式会社訪問期限', phone: '03-5555-0003' }),
  );
  ids.tokyoClient = phone.clientId;
  await assignSalesRep(d, managerTokyo, {
    clientId: phone.clientId,
    salesRepId: 'sales-tokyo-1',
    overrideReason: 'テスト',
  });
  const visit = await planVisit(d, salesTokyo, {
    clientId: phone.clientId,
    plannedStartAt: '2026-11-24T02:00:00Z',
    plannedEndAt: '2026-11-24T03:00:00Z',
  });
  ids.visit = visit.visitId;

  // A 06_2 past its 10 business days, an approval waiting 4 days, and a sync conflict open 2 days.
  const at = '2026-11-24T01:00:00.000Z';
  const application = {
    applicationId: 'app_overdue_ce',
    type: 'CONTRACT_EXECUTION',
    status: 'SUBMITTED',
    clientId: phone.clientId,
    department: 'SALES_TOKYO',
    applicantId: 'sales-tokyo-1',
    contractExecution: {
      form: 'STANDARD',
      clientSigner: { name: '先方', email: 'signer@client.example' },
      envelopeName: 'ENV-OVERDUE',
      deadline: { dueAt: '2026-11-25T14:59:59.999Z' },
    },
    submittedAt: at,
    history: [],
    createdAt: at,
    updatedAt: at,
    version: 1,
  } as Application;
  const task: ApprovalTask = {
    taskId: 'tsk_overdue_manager',
    applicationId: 'app_overdue_pre',
    applicationType: 'CREDIT_PRECHECK',
    clientId: phone.clientId,
    applicantId: 'sales-tokyo-1',
    step: 'MANAGER',
    pool: { role: 'MANAGER', department: 'SALES_TOKYO' },
    status: 'OPEN',
    taskToken: 'secret-token',
    openedAt: at,
    version: 1,
  };
  const conflict: SyncConflict = {
    conflictId: 'sc_overdue',
    system: 'kintone',
    app: 'orders',
    hubId: 'ord_overdue',
    clientId: phone.clientId,
    recordId: '99',
    status: 'OPEN',
    detectedAt: at,
    detectedBy: 'SYNC',
    agreed: { summary: 'a' },
    hubVersion: { summary: 'b' },
    sourceVersion: { summary: 'c' },
    sourceRevision: 3,
    sourceUpdatedAt: at,
    differingFields: [{ field: 'summary', agreed: 'a', hub: 'b', source: 'c' }],
    heldOutboxEntryIds: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await t.ledger.commit(
    [
      { entity: { type: 'APPLICATION', value: application } },
      { entity: { type: 'APPROVAL_TASK', value: task } },
      { entity: { type: 'SYNC_CONFLICT', value: conflict } },
    ],
    [],
  );
  d.clock.set('2026-11-28T01:00:00.000Z');
});

describe('the overdue view', () => {
  it('lists every deadline type past due for the department’s manager, with who is responsible', async () => {
    const items = await listOverdueItems(d, managerTokyo);
    expect(kindsOf(items)).toEqual([
      'APPROVAL',
      'CONTRACT_EXECUTION',
      'FIRST_CONTACT',
      'SYNC_CONFLICT',
      'VISIT_RECORD',
    ]);
    expect(items.every((i) => i.department === 'SALES_TOKYO')).toBe(true);
    expect(items.map((i) => i.subjectId)).not.toContain(ids.osakaWeb);
    expect(items.find((i) => i.kind === 'VISIT_RECORD')).toMatchObject({
      subjectId: ids.visit,
      responsibleUserId: 'sales-tokyo-1',
    });
    expect(items.find((i) => i.kind === 'APPROVAL')).toMatchObject({
      responsible: 'MANAGER SALES_TOKYO',
      dueAt: '2026-11-27T01:00:00.000Z',
    });
    expect(items.find((i) => i.kind === 'SYNC_CONFLICT')).toMatchObject({
      dueAt: '2026-11-25T01:00:00.000Z',
    });
    // The longest overdue first.
    expect(items.map((i) => i.dueAt)).toEqual([...items.map((i) => i.dueAt)].sort());
  });

  it('shows the escalation once the deadline job has sent it', async () => {
    const first = await runDeadlineJob(d);
    // The sync conflict open past SYNC_CONFLICT_HOURS is escalated once, to the department's managers.
    expect(first.syncConflicts.escalated).toBe(1);
    expect((await runDeadlineJob(d)).syncConflicts.escalated).toBe(0);
    const inbox = await t.ledger.listNotifications(managerTokyo.userId, 50);
    expect(inbox.items.filter((n) => n.kind === 'SYNC_CONFLICT_OVERDUE')).toHaveLength(1);
    expect(
      (await listOverdueItems(d, managerTokyo, { kinds: ['SYNC_CONFLICT'] })).find(
        (i) => i.subjectId === 'sc_overdue',
      ),
    ).toMatchObject({ escalatedTo: 'MANAGER SALES_TOKYO', escalatedAt: '2026-11-28T01:00:00.000Z' });
    const firstContact = (await listOverdueItems(d, managerTokyo, { kinds: ['FIRST_CONTACT'] })).find(
      (i) => i.subjectId === ids.tokyoWeb,
    );
    expect(firstContact).toMatchObject({
      escalatedTo: 'MANAGER SALES_TOKYO',
      escalatedAt: expect.any(String),
    });
  });

  it('keeps each department to its own items; those who see all see both', async () => {
    const osaka = await listOverdueItems(d, salesOsaka);
    expect(osaka.map((i) => i.subjectId)).toEqual([ids.osakaWeb]);
    const all = await listOverdueItems(d, admin);
    expect(all.map((i) => i.subjectId)).toEqual(
      expect.arrayContaining([ids.osakaWeb, ids.tokyoWeb, 'sc_overdue']),
    );
    const directors = await listOverdueItems(d, director);
    expect(kindsOf(directors)).toContain('APPROVAL');
    // A sales rep is not shown sync conflicts (managers and admins resolve them).
    expect(kindsOf(await listOverdueItems(d, salesTokyo))).not.toContain('SYNC_CONFLICT');
  });

  it('filters by kind', async () => {
    const visits = await listOverdueItems(d, managerTokyo, { kinds: ['VISIT_RECORD'] });
    expect(visits.map((i) => i.kind)).toEqual(['VISIT_RECORD']);
  });
});
