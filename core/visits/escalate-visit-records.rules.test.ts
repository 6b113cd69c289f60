/**
 * The visit-record deadline job (A3-6, X-2, docs/policy.md "Escalation") against the in-memory
 * ledger: a visit not recorded within 24 hours of its (planned) end is escalated exactly once, at
 * the first instant past those 24 hours, to the active managers of the visit's department, in their
 * inboxes and by e-mail naming the client, the rep and the deadline, audited on the client's trail;
 * one recorded or called off in time never is, one recorded meanwhile is skipped, a ledger failure
 * is not swallowed. (test/overdue-view.test.ts and test/visits.test.ts prove it on DynamoDB Local.)
 */
import { describe, expect, it } from 'vitest';
import { hubDeps, managerTokyo, phoneInquiry, salesOsaka, salesTokyo } from '../../test/support/builders.js';
import {
  actAfterNextRead,
  escalationDirectory,
  expectEscalatedOnlyPast,
  FailingLedger,
  inboxesOf,
  leaves,
  mailsOf,
  seedStaff,
} from '../../test/support/deadline-escalation.js';
import { fullChecklist, visitRecordInput } from '../../test/support/visits.js';
import type { Actor } from '../access.js';
import { assignSalesRep } from '../assignment/assign-sales-rep.js';
import { clientTrail } from '../clients/client.js';
import { recordPhoneInquiry } from '../inquiries/record-phone-inquiry.js';
import { InMemoryClientLedger } from '../testing/in-memory-ledger.js';
import { cancelVisit } from './change-visit-plan.js';
import { confirmPreVisitChecklist } from './confirm-pre-visit-checklist.js';
import { escalateOverdueVisitRecords } from './escalate-visit-records.js';
import { planVisit } from './plan-visit.js';
import { recordVisit } from './record-visit.js';
import type { Visit } from './visit.js';

const managerOsaka: Actor = { userId: 'mgr-osaka-1', role: 'MANAGER', department: 'SALES_OSAKA' };

/** Monday 2026-11-30, 12:00–13:00 JST: the record is due 24 hours after the end, 13:00 JST Tuesday. */
const START = '2026-11-30T03:00:00.000Z';
const END = '2026-11-30T04:00:00.000Z';
const DUE = '2026-12-01T04:00:00.000Z';
const PAST_DUE = '2026-12-01T04:00:00.001Z';

const members = escalationDirectory;

let clients = 0;

async function setUp(ledger = new InMemoryClientLedger()) {
  await seedStaff(ledger, members);
  const d = hubDeps(ledger, '2026-11-27T01:00:00.000Z');
  /** A client of the rep's department with a visit planned from START to END. */
  const visitOf = async (company: string, rep: Actor = salesTokyo, manager: Actor = managerTokyo) => {
    clients += 1;
    const inquiry = await recordPhoneInquiry(
      d,
      rep,
      phoneInquiry({ company, phone: `03-6666-${String(clients).padStart(4, '0')}` }),
    );
    await assignSalesRep(d, manager, {
      clientId: inquiry.clientId,
      salesRepId: rep.userId,
      overrideReason: 'テスト',
    });
    return planVisit(d, rep, { clientId: inquiry.clientId, plannedStartAt: START, plannedEndAt: END });
  };
  const inboxes = () => inboxesOf(ledger, members, 'VISIT_RECORD_OVERDUE');
  const mails = () => mailsOf(ledger, 'VISIT_RECORD_OVERDUE');
  const record = async (visit: Visit, rep: Actor = salesTokyo) => {
    await confirmPreVisitChecklist(d, rep, { visitId: visit.visitId, items: fullChecklist });
    return recordVisit(d, rep, visitRecordInput(visit.visitId, END));
  };
  return { d, ledger, visitOf, inboxes, mails, record };
}

describe('when a visit record is overdue', () => {
  it('is escalated only once the 24 hours after the visit’s end have passed', async () => {
    const { d, visitOf, mails } = await setUp();
    const visit = await visitOf('株式会社訪問境界');
    expect(visit.recordDeadline.dueAt).toBe(DUE);

    await expectEscalatedOnlyPast(d.clock, () => escalateOverdueVisitRecords(d), mails, {
      due: DUE,
      pastDue: PAST_DUE,
    });
  });

  it('goes to every active manager of the visit’s department, no one else', async () => {
    const { d, visitOf, inboxes, mails } = await setUp();
    const tokyo = await visitOf('株式会社東京訪問');
    const osaka = await visitOf('株式会社大阪訪問', salesOsaka, managerOsaka);
    d.clock.set(PAST_DUE);
    expect(await escalateOverdueVisitRecords(d)).toEqual({ escalated: 2, skipped: 0 });

    const inbox = await inboxes();
    expect(inbox[tokyo.clientId]?.sort()).toEqual(['mgr-tokyo-1', 'mgr-tokyo-2']);
    expect(inbox[osaka.clientId]).toEqual(['mgr-osaka-1']);
    const toTokyo = (await mails()).find((m) => m.clientId === tokyo.clientId);
    expect(toTokyo?.to.sort()).toEqual(['mgr-tokyo-1@agency.example', 'mgr-tokyo-2@agency.example']);
  });

  it('tells them which client, which rep, which visit and the deadline', async () => {
    const { d, ledger, visitOf, mails } = await setUp();
    const visit = await visitOf('株式会社訪問内容');
    d.clock.set(PAST_DUE);
    await escalateOverdueVisitRecords(d);
    const [mail] = await mails();
    expect(mail?.subject).toBe('【期限超過】訪問記録未登録: 株式会社訪問内容 様（2026-12-01 期限）');
    expect(mail?.text).toContain('SALES_TOKYO マネージャー各位');
    expect(mail?.text).toContain(
      `株式会社訪問内容 様への訪問（担当: 東京 太郎、ID: ${visit.visitId}）の訪問記録が、期限（2026年12月1日(火) 13:00）`,
    );
    const [notice] = (await ledger.listNotifications('mgr-tokyo-2', 10)).items.filter(
      (n) => n.kind === 'VISIT_RECORD_OVERDUE',
    );
    expect(notice).toMatchObject({ clientId: visit.clientId, title: mail?.subject, createdAt: PAST_DUE });
  });

  it('names the rep who has left the agency since, by name', async () => {
    const { d, ledger, visitOf, inboxes, mails } = await setUp();
    const visit = await visitOf('株式会社退職担当');
    await leaves(ledger, 'sales-tokyo-1');
    d.clock.set(PAST_DUE);
    expect(await escalateOverdueVisitRecords(d)).toEqual({ escalated: 1, skipped: 0 });
    expect((await mails())[0]?.text).toContain(`（担当: 東京 太郎、ID: ${visit.visitId}）`);
    expect((await inboxes())[visit.clientId]?.sort()).toEqual(['mgr-tokyo-1', 'mgr-tokyo-2']);
  });

  it('is escalated once: the deadline records when, and later runs send nothing', async () => {
    const { d, ledger, visitOf, mails, record } = await setUp();
    const visit = await visitOf('株式会社一度だけ訪問');
    d.clock.set(PAST_DUE);
    await escalateOverdueVisitRecords(d);
    d.clock.set('2026-12-02T00:00:00.000Z');
    expect(await escalateOverdueVisitRecords(d)).toEqual({ escalated: 0, skipped: 0 });
    expect((await ledger.getVisit(visit.visitId))?.recordDeadline).toEqual({
      dueAt: DUE,
      basis: 'PLANNED_END',
      escalatedAt: PAST_DUE,
    });
    expect(await mails()).toHaveLength(1);

    // Recorded late afterwards: flagged late, never escalated again.
    const recorded = await record(visit);
    expect(recorded.visit.recordDeadline.late).toBe(true);
    expect(await escalateOverdueVisitRecords(d)).toEqual({ escalated: 0, skipped: 0 });
  });

  it('is audited on the client’s trail as the deadline job’s change', async () => {
    const { d, ledger, visitOf } = await setUp();
    const visit = await visitOf('株式会社訪問監査');
    d.clock.set(PAST_DUE);
    await escalateOverdueVisitRecords(d);
    const [event] = (await ledger.listAuditTrail(clientTrail(visit.clientId), 10)).items;
    expect(event).toMatchObject({
      at: PAST_DUE,
      actor: { kind: 'SYSTEM', name: 'deadline-job' },
      operation: 'visit.escalateRecordDeadline',
      subjectType: 'VISIT',
      subjectId: visit.visitId,
      changes: [
        {
          field: 'recordDeadline',
          before: { dueAt: DUE, basis: 'PLANNED_END' },
          after: { dueAt: DUE, basis: 'PLANNED_END', escalatedAt: PAST_DUE },
        },
      ],
    });
  });

  it('escalates every overdue visit of a backlog longer than one page', async () => {
    const { d, ledger, visitOf, mails } = await setUp();
    const template = await visitOf('株式会社訪問滞留');
    const backlog: Visit[] = Array.from({ length: 104 }, (_, i) => ({
      ...template,
      visitId: `vis_backlog_${String(i).padStart(3, '0')}`,
      recordDeadline: {
        dueAt: `2026-11-${String(10 + (i % 20)).padStart(2, '0')}T04:00:00.000Z`,
        basis: 'PLANNED_END',
      },
    }));
    for (const visit of backlog) await ledger.commit([{ entity: { type: 'VISIT', value: visit } }], []);
    d.clock.set(PAST_DUE);
    expect(await escalateOverdueVisitRecords(d)).toEqual({ escalated: 105, skipped: 0 });
    expect(await mails()).toHaveLength(105);
    for (const visit of backlog)
      expect((await ledger.getVisit(visit.visitId))?.recordDeadline.escalatedAt).toBe(PAST_DUE);
  });
});

describe('when a visit record is not overdue', () => {
  it('is never escalated once recorded in time, or once the visit was called off', async () => {
    const { d, visitOf, mails, record } = await setUp();
    const recorded = await visitOf('株式会社記録済');
    const cancelled = await visitOf('株式会社中止');
    d.clock.set('2026-11-30T10:00:00.000Z');
    await record(recorded);
    await cancelVisit(d, salesTokyo, { visitId: cancelled.visitId, reason: '先方都合' });
    d.clock.set('2027-01-15T00:00:00.000Z');
    expect(await escalateOverdueVisitRecords(d)).toEqual({ escalated: 0, skipped: 0 });
    expect(await mails()).toEqual([]);
  });

  it('skips one recorded between the job’s read and its write, and does not escalate it later', async () => {
    const { d, ledger, visitOf, mails, record } = await setUp();
    const raced = await visitOf('株式会社同時記録');
    const other = await visitOf('株式会社未記録');
    d.clock.set(PAST_DUE);
    actAfterNextRead(ledger, 'listOpenVisitRecordDeadlines', () => record(raced));
    expect(await escalateOverdueVisitRecords(d)).toEqual({ escalated: 1, skipped: 1 });
    expect((await mails()).map((m) => m.clientId)).toEqual([other.clientId]);
    expect((await ledger.getVisit(raced.visitId))?.recordDeadline.escalatedAt).toBeUndefined();
    expect(await escalateOverdueVisitRecords(d)).toEqual({ escalated: 0, skipped: 0 });
  });

  it('does not pass off a ledger failure as a skip', async () => {
    const ledger = new FailingLedger();
    const { d, visitOf } = await setUp(ledger);
    const visit = await visitOf('株式会社訪問障害');
    d.clock.set(PAST_DUE);
    ledger.failing = true;
    await expect(escalateOverdueVisitRecords(d)).rejects.toThrow('ledger unavailable');
    ledger.failing = false;
    expect((await ledger.getVisit(visit.visitId))?.recordDeadline.escalatedAt).toBeUndefined();
    expect(await escalateOverdueVisitRecords(d)).toEqual({ escalated: 1, skipped: 0 });
  });
});
