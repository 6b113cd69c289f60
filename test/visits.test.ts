/**
 * Assign, prepare, visit (issue 5) against DynamoDB Local and the kintone sandbox: the rep
 * proposal's inputs and ranking, who may assign, the checklist gate, visit records with the
 * prohibited-work rejection, the 24-hour deadline, attachments, kintone write-through (with an
 * outage) and the hearing sheet's completeness. Requirements: A2-1, A2-2, A2-3, A3-1 … A3-6,
 * A6-1, A6-2, A1-6, A7-2, A7-5.
 */
import { KintoneRestAPIClient } from '@kintone/rest-api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../core/access.js';
import { assignSalesRep } from '../core/assignment/assign-sales-rep.js';
import { salesRepProposal } from '../core/assignment/propose-sales-rep.js';
import { listClients } from '../core/clients/list-clients.js';
import { updateClientProfile } from '../core/clients/update-client-profile.js';
import { runDeadlineJob } from '../core/deadline-job.js';
import { clientLedgerFacts } from '../core/hearing-sheets/client-facts.js';
import { completenessOf } from '../core/hearing-sheets/hearing-sheet.js';
import { saveHearingSheet } from '../core/hearing-sheets/save-hearing-sheet.js';
import { recordPhoneInquiry } from '../core/inquiries/record-phone-inquiry.js';
import { dispatchKintoneOutbox } from '../core/kintone/dispatch-kintone-outbox.js';
import { kintoneSyncOfClient } from '../core/kintone/kintone-sync-queries.js';
import { InMemoryDocumentStore } from '../core/testing/in-memory-document-store.js';
import { cancelVisit, rescheduleVisit } from '../core/visits/change-visit-plan.js';
import { confirmPreVisitChecklist } from '../core/visits/confirm-pre-visit-checklist.js';
import { planVisit } from '../core/visits/plan-visit.js';
import { recordVisit } from '../core/visits/record-visit.js';
import { confirmVisitAttachment, requestVisitAttachmentUpload } from '../core/visits/visit-attachments.js';
import { type KintoneSandbox, startKintoneSandbox } from '../integrations/kintone/kintone.sandbox.js';
import {
  admin,
  director,
  directory,
  FRIDAY_MORNING,
  hubDeps,
  legal,
  managerTokyo,
  marketing,
  phoneInquiry,
  salesTokyo,
  seedDirectory,
} from './support/builders.js';
import { sandboxKintoneApps } from './support/kintone.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';
import { fullChecklist, moreTokyoReps, salesTokyo2, visitRecordInput } from './support/visits.js';

let t: TestLedger;
let sandbox: KintoneSandbox;
let companies = 0;

beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger, [...directory, ...moreTokyoReps]);
  sandbox = await startKintoneSandbox();
});
afterAll(() => sandbox.stop());

function deps(now = FRIDAY_MORNING) {
  const base = hubDeps(t.ledger, now);
  const { orders, visits } = sandboxKintoneApps(sandbox, { clock: base.clock, maxAttempts: 2 });
  return {
    ...base,
    documents: new InMemoryDocumentStore(),
    ordersApp: orders,
    visitRecordsApp: visits,
    outboxRetry: { maxAttempts: 5, baseDelayMs: 30_000, maxDelayMs: 600_000 },
  };
}
type Deps = ReturnType<typeof deps>;

/** A new SALES_TOKYO client, taken by phone; its phone number is unique to it. */
async function newClient(d: Deps, overrides: Record<string, unknown> = {}) {
  companies += 1;
  const inquiry = await recordPhoneInquiry(
    d,
    salesTokyo,
    phoneInquiry({
      company: `株式会社テスト工業${companies}`,
      phone: `03-5555-${String(1000 + companies)}`,
      ...overrides,
    }),
  );
  return inquiry;
}

/** A client assigned to `rep` (the proposal's top one or with a reason). */
async function assignedClient(d: Deps, rep = 'sales-tokyo-1') {
  const inquiry = await newClient(d);
  await assignSalesRep(d, managerTokyo, {
    clientId: inquiry.clientId,
    salesRepId: rep,
    overrideReason: 'テストのため指定',
  });
  return inquiry;
}

/** A prepared visit of a client assigned to sales-tokyo-1, Monday 10:00–11:30 JST. */
async function preparedVisit(d: Deps) {
  const inquiry = await assignedClient(d);
  const visit = await planVisit(d, salesTokyo, {
    clientId: inquiry.clientId,
    plannedStartAt: '2026-11-30T01:00:00Z',
    plannedEndAt: '2026-11-30T02:30:00Z',
  });
  await confirmPreVisitChecklist(d, salesTokyo, { visitId: visit.visitId, items: fullChecklist });
  return { inquiry, visit };
}

async function expectError(promise: Promise<unknown>, shape: Record<string, unknown>) {
  await expect(promise).rejects.toMatchObject(shape);
}

describe('rep assignment (A2-1, A2-2)', () => {
  it('derives every input from data: ledger history, worker register and the G-Staff mirror', async () => {
    const d = deps();
    // sales-tokyo-2 has two current manufacturing clients (ledger), sales-tokyo-3 three dispatched workers (worker register).
    for (let i = 0; i < 2; i += 1) {
      const c = await newClient(d);
      await updateClientProfile(d, salesTokyo, { clientId: c.clientId, industry: 'MANUFACTURING' });
      await assignSalesRep(d, managerTokyo, {
        clientId: c.clientId,
        salesRepId: 'sales-tokyo-2',
        overrideReason: '製造業の経験',
      });
    }
    await t.ledger.commit(
      ['s1', 's2', 's3'].map((workerId, i) => ({
        entity: {
          type: 'WORKER_ASSIGNMENT' as const,
          value: {
            assignmentId: `as-${workerId}`,
            workerId,
            gstaffClientId: 'G-OTHER',
            establishment: '本社',
            organisationalUnit: '総務課',
            salesRepId: 'sales-tokyo-3',
            startDate: '2026-04-01',
            ...(i === 2 ? { endDate: '2027-03-31' } : {}),
            mirroredAt: FRIDAY_MORNING,
            version: 1,
          },
        },
      })),
      [],
    );
    // The new client: manufacturing, with two past troubles in its G-Staff registration (same name and phone).
    const inquiry = await newClient(d);
    await updateClientProfile(d, salesTokyo, { clientId: inquiry.clientId, industry: 'MANUFACTURING' });
    const client = await t.ledger.getClient(inquiry.clientId);
    await t.ledger.commit(
      [
        {
          entity: {
            type: 'GSTAFF_CLIENT',
            value: {
              gstaffClientId: 'G-9001',
              name: client?.name as string,
              normalizedName: client?.normalizedName as string,
              phone: client?.phones[0] as string,
              active: false,
              pastTroubles: [
                { date: '2023-05-01', summary: '未払い残業の指摘' },
                { date: '2024-02-10', summary: '契約外業務の指示' },
              ],
              conflictDates: [],
              turnoverRate: 0.12,
              updatedAt: FRIDAY_MORNING,
              mirroredAt: FRIDAY_MORNING,
              version: 1,
            },
          },
        },
      ],
      [],
    );

    const proposal = await salesRepProposal(d, managerTokyo, inquiry.clientId);
    const byRep = Object.fromEntries(proposal.candidates.map((c) => [c.salesRepId, c]));
    const value = (rep: string, factor: string) =>
      byRep[rep]?.factors.find((f) => f.factor === factor)?.value;
    expect(Object.keys(byRep).sort()).toEqual(['sales-tokyo-1', 'sales-tokyo-2', 'sales-tokyo-3']);
    expect(value('sales-tokyo-2', 'CLIENT_LOAD')).toBe(2);
    expect(value('sales-tokyo-2', 'INDUSTRY_FIT')).toBe(2);
    expect(value('sales-tokyo-3', 'WORKER_LOAD')).toBe(3);
    expect(value('sales-tokyo-1', 'INDUSTRY_FIT')).toBe(0);
    expect(proposal.risk.level).toBe(1);
    expect(proposal.risk.reasons).toContain('G-Staff の過去トラブル 2 件');
    expect(proposal.risk.reasons.join()).toContain('離職率 12%');
    // The risky manufacturing client goes to the experienced rep despite the load.
    expect(proposal.candidates[0]?.salesRepId).toBe('sales-tokyo-2');
    // Determinism: asked again with the same data, the same ranking.
    const again = await salesRepProposal(d, managerTokyo, inquiry.clientId);
    expect(again.candidates).toEqual(proposal.candidates);
  });

  it('lets only managers (and above) of the client’s department propose and assign', async () => {
    const d = deps();
    const inquiry = await newClient(d);
    await expectError(salesRepProposal(d, salesTokyo, inquiry.clientId), { name: 'ForbiddenError' });
    await expectError(
      assignSalesRep(d, salesTokyo, { clientId: inquiry.clientId, salesRepId: 'sales-tokyo-1' }),
      { name: 'ForbiddenError' },
    );
    const managerOsaka: Actor = { userId: 'mgr-osaka-1', role: 'MANAGER', department: 'SALES_OSAKA' };
    await expectError(salesRepProposal(d, managerOsaka, inquiry.clientId), { name: 'ForbiddenError' });
    for (const other of [managerOsaka, marketing, admin, legal]) {
      await expectError(
        assignSalesRep(d, other, {
          clientId: inquiry.clientId,
          salesRepId: 'sales-tokyo-1',
          overrideReason: 'x',
        }),
        { name: 'ForbiddenError' },
      );
    }
    await expectError(salesRepProposal(d, marketing, inquiry.clientId), { name: 'ForbiddenError' });
    const proposal = await salesRepProposal(d, director, inquiry.clientId);
    expect(proposal.department).toBe('SALES_TOKYO');
  });

  it('requires and records a reason to override the top rep; the rep is told; a reassignment ends the previous one', async () => {
    const d = deps();
    const inquiry = await newClient(d);
    const proposal = await salesRepProposal(d, managerTokyo, inquiry.clientId);
    const top = proposal.candidates[0]?.salesRepId as string;
    const other = proposal.candidates[1]?.salesRepId as string;
    await expectError(assignSalesRep(d, managerTokyo, { clientId: inquiry.clientId, salesRepId: other }), {
      name: 'ValidationError',
      fieldErrors: [expect.objectContaining({ path: 'input.overrideReason' })],
    });
    await expectError(assignSalesRep(d, managerTokyo, { clientId: inquiry.clientId, salesRepId: 'mkt-1' }), {
      fieldErrors: [expect.objectContaining({ path: 'input.salesRepId' })],
    });
    const first = await assignSalesRep(d, managerTokyo, { clientId: inquiry.clientId, salesRepId: top });
    expect(first.client).toMatchObject({ stage: 'ASSIGNED', salesRepId: top });
    expect(first.assignment).toMatchObject({ proposalRank: 1, assignedBy: 'mgr-tokyo-1' });
    expect(first.assignment.overrideReason).toBeUndefined();
    const inbox = await t.ledger.listNotifications(top, 10);
    expect(inbox.items.some((n) => n.kind === 'SALES_REP_ASSIGNED' && n.clientId === inquiry.clientId)).toBe(
      true,
    );

    d.clock.advance(60_000);
    const second = await assignSalesRep(d, managerTokyo, {
      clientId: inquiry.clientId,
      salesRepId: other,
      overrideReason: '先方の指名',
    });
    expect(second.assignment.overrideReason).toBe('先方の指名');
    const history = await t.ledger.listSalesRepAssignmentsOfClient(inquiry.clientId);
    expect(history.map((a) => [a.salesRepId, a.endedAt === undefined])).toEqual([
      [other, true],
      [top, false],
    ]);
    const trail = await t.ledger.listAuditTrail(`CLIENT#${inquiry.clientId}`, 50);
    expect(trail.items.filter((e) => e.operation === 'assignment.assign').length).toBe(4);
  });
});

describe('visits (A2-3, A3-1 … A3-6, A6-1, A6-2)', () => {
  it('refuses to record a visit before the pre-visit checklist is complete, and saves the checklist in parts', async () => {
    const d = deps();
    const inquiry = await assignedClient(d);
    const visit = await planVisit(d, salesTokyo, {
      clientId: inquiry.clientId,
      plannedStartAt: '2026-11-30T01:00:00Z',
      plannedEndAt: '2026-11-30T02:30:00Z',
    });
    expect(visit.recordDeadline).toEqual({ dueAt: '2026-12-01T02:30:00.000Z', basis: 'PLANNED_END' });
    const partial = await confirmPreVisitChecklist(d, salesTokyo, {
      visitId: visit.visitId,
      items: fullChecklist.slice(0, 3),
    });
    expect(partial.status).toBe('PLANNED');
    d.clock.set(new Date('2026-11-30T03:00:00Z'));
    await expectError(recordVisit(d, salesTokyo, visitRecordInput(visit.visitId, '2026-11-30T02:30:00Z')), {
      name: 'PreconditionFailedError',
      rule: 'PRE_VISIT_CHECKLIST_INCOMPLETE',
      message: expect.stringContaining('EMPLOYMENT_MANAGEMENT'),
    });
    await expectError(
      confirmPreVisitChecklist(d, salesTokyo, {
        visitId: visit.visitId,
        items: [{ item: 'TRAINING', note: ' ' }],
      }),
      { fieldErrors: [expect.objectContaining({ path: 'input.items.0.note' })] },
    );
    const prepared = await confirmPreVisitChecklist(d, salesTokyo, {
      visitId: visit.visitId,
      items: fullChecklist.slice(3),
    });
    expect(prepared.status).toBe('PREPARED');
    expect(prepared.checklist.map((c) => c.item)).toEqual(fullChecklist.map((c) => c.item));
    expect((await t.ledger.getVisit(visit.visitId))?.record).toBeUndefined();
  });

  it('lets only the client’s rep or a department manager plan and record visits', async () => {
    const d = deps();
    const unassigned = await newClient(d);
    await expectError(
      planVisit(d, salesTokyo, {
        clientId: unassigned.clientId,
        plannedStartAt: '2026-11-30T01:00:00Z',
        plannedEndAt: '2026-11-30T02:00:00Z',
      }),
      { rule: 'REP_NOT_ASSIGNED' },
    );
    const { inquiry, visit } = await preparedVisit(d);
    const plan = {
      clientId: inquiry.clientId,
      plannedStartAt: '2026-12-01T01:00:00Z',
      plannedEndAt: '2026-12-01T02:00:00Z',
    };
    await expectError(planVisit(d, salesTokyo2, plan), { name: 'ForbiddenError' });
    await expectError(
      saveHearingSheet(d, salesTokyo2, { inquiryId: inquiry.inquiryId, items: { welfare: '社食' } }),
      { name: 'ForbiddenError' },
    );
    await expectError(
      updateClientProfile(d, salesTokyo2, { clientId: inquiry.clientId, industry: 'EDUCATION' }),
      {
        name: 'ForbiddenError',
      },
    );
    d.clock.set(new Date('2026-11-30T03:00:00Z'));
    const input = visitRecordInput(visit.visitId, '2026-11-30T02:30:00Z');
    await expectError(recordVisit(d, salesTokyo2, input), { name: 'ForbiddenError' });
    await expectError(recordVisit(d, marketing, input), { name: 'ForbiddenError' });
    const osaka: Actor = { userId: 'sales-osaka-1', role: 'SALES', department: 'SALES_OSAKA' };
    await expectError(recordVisit(d, osaka, input), { name: 'ForbiddenError' });
    expect((await recordVisit(d, managerTokyo, input)).visit.status).toBe('RECORDED');
  });

  it('records a visit: stage VISITED, hearing sheet filled from the visit, draft credit pre-check, supervisor told', async () => {
    const d = deps();
    const { inquiry, visit } = await preparedVisit(d);
    d.clock.set(new Date('2026-11-30T05:00:00Z'));
    // A6-2: every topic of how dispatch works must have been explained.
    const partly = visitRecordInput(visit.visitId, '2026-11-30T02:30:00Z');
    await expectError(
      recordVisit(d, salesTokyo, {
        ...partly,
        dispatchExplanation: { ...partly.dispatchExplanation, topics: ['EMPLOYMENT_RELATIONSHIP'] },
      }),
      { fieldErrors: [expect.objectContaining({ path: 'input.dispatchExplanation.topics' })] },
    );
    const { visit: recorded, draftApplication } = await recordVisit(
      d,
      salesTokyo,
      visitRecordInput(visit.visitId, '2026-11-30T02:30:00Z'),
    );
    expect(recorded.status).toBe('RECORDED');
    expect(recorded.record?.outcome).toBe('REQUEST_LIKELY');
    // A3-2 / A6-2: what was explained and heard, and the client's acknowledgement, are kept.
    expect(recorded.record).toMatchObject({
      explained: { company: true, registrants: true, trackRecord: true },
      recruitmentBackground: '増産のため、来年1月から製造補助が必要',
      hrIssues: '直接雇用の採用が難航',
      dispatchExplanation: {
        how: 'WRITTEN',
        acknowledgedByRole: '製造部長',
        topics: ['EMPLOYMENT_RELATIONSHIP', 'COMMAND_AUTHORITY', 'CONTRACT_COMPLIANCE', 'RECEIVING_STAFF'],
      },
    });
    expect(recorded.recordDeadline).toMatchObject({
      dueAt: '2026-12-01T02:30:00.000Z',
      basis: 'VISIT_END',
      late: false,
    });
    expect((await t.ledger.getClient(inquiry.clientId))?.stage).toBe('VISITED');
    expect(draftApplication).toMatchObject({
      type: 'CREDIT_PRECHECK',
      status: 'DRAFT',
      applicantId: 'sales-tokyo-1',
      visitId: visit.visitId,
    });
    const [sheet] = await t.ledger.listHearingSheetsOfClient(inquiry.clientId);
    expect(completenessOf(sheet).complete).toBe(true);
    expect(sheet?.sources.jobContent).toMatchObject({
      via: 'VISIT',
      visitId: visit.visitId,
      by: 'sales-tokyo-1',
    });
    const supervisorInbox = await t.ledger.listNotifications('mgr-tokyo-1', 50);
    expect(
      supervisorInbox.items.find((n) => n.kind === 'VISIT_RECORDED' && n.clientId === inquiry.clientId)
        ?.title,
    ).toContain('【訪問報告】');
    await expectError(recordVisit(d, salesTokyo, visitRecordInput(visit.visitId, '2026-11-30T02:30:00Z')), {
      rule: 'VISIT_ALREADY_RECORDED',
    });
    // A second visit with a likely request, recorded while the draft exists, makes no second draft.
    const second = await planVisit(d, salesTokyo, {
      clientId: inquiry.clientId,
      plannedStartAt: '2026-11-30T03:00:00Z',
      plannedEndAt: '2026-11-30T04:00:00Z',
    });
    await confirmPreVisitChecklist(d, salesTokyo, { visitId: second.visitId, items: fullChecklist });
    const followUp = await recordVisit(
      d,
      salesTokyo,
      visitRecordInput(second.visitId, '2026-11-30T04:00:00Z'),
    );
    expect(followUp.draftApplication).toBeUndefined();
    expect(await t.ledger.listApplicationsOfClient(inquiry.clientId)).toHaveLength(1);
  });

  it('rejects prohibited work with its statutory reason, and a likely request for it', async () => {
    const d = deps();
    const { inquiry, visit } = await preparedVisit(d);
    d.clock.set(new Date('2026-11-30T05:00:00Z'));
    await expectError(
      recordVisit(
        d,
        salesTokyo,
        visitRecordInput(visit.visitId, '2026-11-30T02:30:00Z', { workJudgment: { result: 'PROHIBITED' } }),
      ),
      {
        fieldErrors: [
          expect.objectContaining({ path: 'input.workJudgment.prohibitedCategory' }),
          expect.objectContaining({ path: 'input.requestLikely' }),
        ],
      },
    );
    await expectError(
      recordVisit(
        d,
        salesTokyo,
        visitRecordInput(visit.visitId, '2026-11-30T02:30:00Z', {
          workJudgment: { result: 'PROHIBITED', prohibitedCategory: 'CONSTRUCTION' },
        }),
      ),
      { fieldErrors: [expect.objectContaining({ path: 'input.requestLikely' })] },
    );
    const { visit: rejected, draftApplication } = await recordVisit(
      d,
      salesTokyo,
      visitRecordInput(visit.visitId, '2026-11-30T02:30:00Z', {
        workJudgment: { result: 'PROHIBITED', prohibitedCategory: 'CONSTRUCTION' },
        requestLikely: false,
      }),
    );
    expect(rejected.record?.outcome).toBe('REJECTED_PROHIBITED_WORK');
    expect(rejected.record?.workJudgment.reason).toContain('建設業務は労働者派遣法第4条により');
    expect(draftApplication).toBeUndefined();
    expect(await t.ledger.listApplicationsOfClient(inquiry.clientId)).toEqual([]);
  });

  it('flags a record entered more than 24 hours after the visit, and escalates an unrecorded visit once', async () => {
    const d = deps();
    const { inquiry, visit } = await preparedVisit(d);
    // Planned end Monday 02:30Z: due Tuesday 02:30Z. Nothing is recorded by Tuesday 03:00Z.
    d.clock.set(new Date('2026-12-01T03:00:00Z'));
    const first = await runDeadlineJob(d);
    expect(first.visitRecords.escalated).toBeGreaterThanOrEqual(1);
    expect((await runDeadlineJob(d)).visitRecords.escalated).toBe(0);
    expect((await t.ledger.getVisit(visit.visitId))?.recordDeadline.escalatedAt).toBe(
      '2026-12-01T03:00:00.000Z',
    );
    const managerInbox = await t.ledger.listNotifications('mgr-tokyo-1', 100);
    expect(
      managerInbox.items.filter((n) => n.kind === 'VISIT_RECORD_OVERDUE' && n.clientId === inquiry.clientId),
    ).toHaveLength(1);
    const overdue = await listClients(d, managerTokyo, { overdue: true }, { first: 50 });
    expect(overdue.items.map((c) => c.clientId)).toContain(inquiry.clientId);

    const { visit: late } = await recordVisit(
      d,
      salesTokyo,
      visitRecordInput(visit.visitId, '2026-11-30T02:30:00Z'),
    );
    expect(late.recordDeadline).toMatchObject({
      late: true,
      recordedAt: '2026-12-01T03:00:00.000Z',
      escalatedAt: '2026-12-01T03:00:00.000Z',
    });
    const again = await preparedVisit(d);
    d.clock.set(new Date('2026-12-01T03:00:00Z'));
    await runDeadlineJob(d);
    // Claiming the visit ended later does not make an escalated record on time.
    const { visit: claimed } = await recordVisit(
      d,
      salesTokyo,
      visitRecordInput(again.visit.visitId, '2026-12-01T02:59:00Z'),
    );
    expect(claimed.recordDeadline).toMatchObject({ late: true, escalatedAt: '2026-12-01T03:00:00.000Z' });
    const after = await listClients(d, managerTokyo, { overdue: true }, { first: 50 });
    expect(after.items.map((c) => c.clientId)).not.toContain(inquiry.clientId);
    await expectError(recordVisit(d, salesTokyo, visitRecordInput(visit.visitId, '2026-12-02T00:00:00Z')), {
      name: 'PreconditionFailedError',
    });
  });

  it('writes the visit record to the kintone visit app, keeping it through an outage', async () => {
    const d = deps();
    const { inquiry, visit } = await preparedVisit(d);
    d.clock.set(new Date('2026-11-30T05:00:00Z'));
    await dispatchKintoneOutbox(d); // earlier orders out of the way
    await recordVisit(d, salesTokyo, visitRecordInput(visit.visitId, '2026-11-30T02:30:00Z'));
    sandbox.setFaults({ rate: 1, seed: 7, kinds: ['503'] });
    try {
      expect(await dispatchKintoneOutbox(d)).toMatchObject({ delivered: 0, retrying: 1 });
    } finally {
      sandbox.setFaults(undefined);
    }
    expect((await t.ledger.getVisit(visit.visitId))?.status).toBe('RECORDED');
    const pending = (await kintoneSyncOfClient(d, salesTokyo, inquiry.clientId)).find(
      (e) => e.app === 'visits',
    );
    expect(pending).toMatchObject({ state: 'PENDING', attempts: 1, subjectId: visit.visitId });

    d.clock.advance(60 * 60_000);
    expect(await dispatchKintoneOutbox(d)).toMatchObject({ delivered: 1, retrying: 0 });
    const kintone = new KintoneRestAPIClient({
      baseUrl: sandbox.url,
      auth: { apiToken: sandbox.tokens['2'] as string },
    });
    const { records } = await kintone.record.getRecords({ app: '2', query: `hub_id = "${visit.visitId}"` });
    expect(records).toHaveLength(1);
    const record = records[0] as Record<string, { value: unknown }>;
    expect(record.client_id?.value).toBe(inquiry.clientId);
    expect(record.record_timeliness?.value).toBe('ON_TIME');
    expect(record.outcome?.value).toBe('REQUEST_LIKELY');
    expect(String(record.summary?.value)).toContain('ヒアリング項目: すべて記入済み');
  });

  it('validates attachments by type and size before the upload and by content after it', async () => {
    const d = deps();
    const { visit } = await preparedVisit(d);
    const base = { visitId: visit.visitId, kind: 'SITE_PHOTO', fileName: '現場写真.jpg' };
    await expectError(
      requestVisitAttachmentUpload(d, salesTokyo, { ...base, contentType: 'application/zip', size: 1000 }),
      { fieldErrors: [expect.objectContaining({ path: 'input.contentType' })] },
    );
    await expectError(
      requestVisitAttachmentUpload(d, salesTokyo, {
        ...base,
        contentType: 'image/jpeg',
        size: 21 * 1024 * 1024,
      }),
      { fieldErrors: [expect.objectContaining({ path: 'input.size' })] },
    );
    await expectError(
      requestVisitAttachmentUpload(d, salesTokyo, {
        ...base,
        fileName: '../x.jpg',
        contentType: 'image/jpeg',
        size: 10,
      }),
      { fieldErrors: [expect.objectContaining({ path: 'input.fileName' })] },
    );
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 1)]);
    const { attachment, upload } = await requestVisitAttachmentUpload(d, salesTokyo, {
      ...base,
      contentType: 'image/jpeg',
      size: jpeg.length,
    });
    expect(upload.method).toBe('PUT');
    expect(d.documents.grants.at(-1)).toEqual({
      key: attachment.key,
      contentType: 'image/jpeg',
      size: jpeg.length,
    });
    const confirm = { visitId: visit.visitId, attachmentId: attachment.attachmentId };
    await expectError(confirmVisitAttachment(d, salesTokyo, confirm), { rule: 'ATTACHMENT_NOT_UPLOADED' });
    await d.documents.put(
      attachment.key,
      Buffer.from('PK\u0003\u0004 not a photo at all, padded to the size....'.padEnd(64)),
      'image/jpeg',
    );
    await expectError(confirmVisitAttachment(d, salesTokyo, confirm), {
      fieldErrors: [expect.objectContaining({ message: 'the uploaded file is not a image/jpeg' })],
    });
    await d.documents.put(attachment.key, jpeg, 'image/jpeg');
    const stored = await confirmVisitAttachment(d, salesTokyo, confirm);
    expect(stored.attachments[0]).toMatchObject({ state: 'STORED', fileName: '現場写真.jpg', size: 64 });
  });
});

describe('hearing sheet (A1-6, A7-2, A3-5, A7-5)', () => {
  it('saves in parts, reports what is missing, refuses unknown items and shows the latest facts with their source', async () => {
    const d = deps();
    const inquiry = await newClient(d);
    const first = await saveHearingSheet(d, salesTokyo, {
      inquiryId: inquiry.inquiryId,
      items: { jobCategory: '製造補助', workingHours: '9:00〜18:00（休憩60分）', hazardousWork: false },
    });
    const report = completenessOf(first);
    expect(report.complete).toBe(false);
    expect(report.missingForFirstContact).not.toContain('jobCategory');
    expect(report.missingForFirstContact).toContain('welfare');
    expect(report.missingForOrder).toContain('billingRate');
    expect(report.missingForOrder).not.toContain('workingHours');
    await expectError(
      saveHearingSheet(d, salesTokyo, { inquiryId: inquiry.inquiryId, items: { favouriteColour: 'blue' } }),
      { fieldErrors: [expect.objectContaining({ path: 'input.items' })] },
    );
    await expectError(
      saveHearingSheet(d, salesTokyo, {
        inquiryId: inquiry.inquiryId,
        items: { overtime: { expected: true } },
      }),
      { fieldErrors: [expect.objectContaining({ path: 'input.items.overtime.hoursPerMonth' })] },
    );
    await expectError(
      saveHearingSheet(d, marketing, { inquiryId: inquiry.inquiryId, items: { welfare: '社食' } }),
      { name: 'ForbiddenError' },
    );
    d.clock.advance(60_000);
    const second = await saveHearingSheet(d, salesTokyo, {
      inquiryId: inquiry.inquiryId,
      items: { workingHours: '8:30〜17:30（休憩60分）', welfare: '社員食堂' },
      expectedVersion: first.version,
    });
    expect(second.items.jobCategory).toBe('製造補助');
    const facts = await clientLedgerFacts(d, salesTokyo, inquiry.clientId);
    expect(facts.find((f) => f.item === 'workingHours')).toMatchObject({
      value: '8:30〜17:30（休憩60分）',
      source: { via: 'HEARING', by: 'sales-tokyo-1', at: second.updatedAt, inquiryId: inquiry.inquiryId },
    });
  });
});

describe('changing a visit plan', () => {
  it('moves the record deadline with a reschedule, and a cancelled visit leaves the open deadlines', async () => {
    const d = deps();
    const { inquiry, visit } = await preparedVisit(d);
    const moved = await rescheduleVisit(d, salesTokyo, {
      visitId: visit.visitId,
      plannedStartAt: '2026-12-03T01:00:00Z',
      plannedEndAt: '2026-12-03T02:00:00Z',
    });
    expect(moved.recordDeadline).toEqual({ dueAt: '2026-12-04T02:00:00.000Z', basis: 'PLANNED_END' });
    expect(moved.status).toBe('PREPARED');
    d.clock.set(new Date('2026-12-02T05:00:00Z'));
    const due = await t.ledger.listOpenVisitRecordDeadlines({ dueBefore: d.clock.now(), first: 500 });
    expect(due.items.map((v) => v.visitId)).not.toContain(visit.visitId);

    await expectError(cancelVisit(d, salesTokyo2, { visitId: visit.visitId, reason: '先方都合' }), {
      name: 'ForbiddenError',
    });
    await expectError(cancelVisit(d, salesTokyo, { visitId: visit.visitId, reason: ' ' }), {
      fieldErrors: [expect.objectContaining({ path: 'input.reason' })],
    });
    const cancelled = await cancelVisit(d, salesTokyo, { visitId: visit.visitId, reason: '先方都合で中止' });
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancellation: { reason: '先方都合で中止' } });
    d.clock.set(new Date('2026-12-10T00:00:00Z'));
    const later = await t.ledger.listOpenVisitRecordDeadlines({ dueBefore: d.clock.now(), first: 500 });
    expect(later.items.map((v) => v.visitId)).not.toContain(visit.visitId);
    await expectError(recordVisit(d, salesTokyo, visitRecordInput(visit.visitId, '2026-12-03T02:00:00Z')), {
      rule: 'VISIT_CANCELLED',
    });
    const overdue = await listClients(d, managerTokyo, { overdue: true }, { first: 100 });
    expect(overdue.items.map((c) => c.clientId)).not.toContain(inquiry.clientId);
  });
});
