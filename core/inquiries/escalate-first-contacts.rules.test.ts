/**
 * The first-contact deadline job (A1-2, X-2, docs/policy.md "Escalation") against the in-memory
 * ledger: a web inquiry not contacted by the end of the business day after its receipt business
 * day is escalated exactly once, at the first instant past its deadline, to the active managers of
 * the department owning it (the active marketing members while unrouted), in their inboxes and by
 * e-mail, audited on the client's trail; one contacted in time never is, one contacted meanwhile is
 * skipped, a ledger failure is not swallowed. (test/first-contact-escalation.test.ts proves the
 * same on DynamoDB Local.)
 */
import { describe, expect, it } from 'vitest';
import { hubDeps, marketing, salesTokyo, staffMember, webForm } from '../../test/support/builders.js';
import {
  actAfterNextRead,
  escalationDirectory,
  expectEscalatedOnlyPast,
  FailingLedger,
  inboxesOf,
  mailsOf,
  seedStaff,
} from '../../test/support/deadline-escalation.js';
import { clientTrail } from '../clients/client.js';
import { InMemoryClientLedger } from '../testing/in-memory-ledger.js';
import { escalateOverdueFirstContacts } from './escalate-first-contacts.js';
import { firstContactStatus, type Inquiry } from './inquiry.js';
import { receiveWebInquiry } from './receive-web-inquiry.js';
import { recordFirstContact } from './record-first-contact.js';
import { routeInquiry } from './route-inquiry.js';

/** Friday 2026-11-27 10:00 JST: a web inquiry received now is due Monday 30 November 23:59:59.999 JST. */
const FRIDAY_10_JST = '2026-11-27T01:00:00.000Z';
const LAST_INSTANT = '2026-11-30T14:59:59.999Z';
const PAST_DUE = '2026-11-30T15:00:00.000Z';

/** The directory, a second Tokyo manager, a second marketer, and a manager and a marketer who have left. */
const members = [
  ...escalationDirectory,
  staffMember({ userId: 'mkt-2', role: 'MARKETING', department: 'MARKETING' }),
  staffMember({ userId: 'mkt-left', role: 'MARKETING', department: 'MARKETING', active: false }),
];

let contacts = 0;

async function setUp(ledger = new InMemoryClientLedger()) {
  await seedStaff(ledger, members);
  const d = hubDeps(ledger, FRIDAY_10_JST);
  const web = async (company: string, department?: string): Promise<Inquiry> => {
    contacts += 1;
    const received = await receiveWebInquiry(
      d,
      webForm({
        company,
        phone: `03-5555-${String(contacts).padStart(4, '0')}`,
        email: `c${contacts}@c${contacts}.example`,
      }),
    );
    const inquiryId = String(received.body.inquiryId);
    if (department) return routeInquiry(d, marketing, { inquiryId, department });
    return (await ledger.getInquiry(inquiryId)) as Inquiry;
  };
  const inboxes = () => inboxesOf(ledger, members, 'FIRST_CONTACT_OVERDUE', 'inquiryId');
  const mails = () => mailsOf(ledger, 'FIRST_CONTACT_OVERDUE');
  return { d, ledger, web, inboxes, mails };
}

describe('when a first contact is overdue', () => {
  it('is escalated at the first instant after the end of the next business day, not at its last one', async () => {
    const { d, web, mails } = await setUp();
    const inquiry = await web('株式会社期限境界', 'SALES_TOKYO');
    expect(inquiry.firstContact?.dueAt).toBe(LAST_INSTANT);

    await expectEscalatedOnlyPast(d.clock, () => escalateOverdueFirstContacts(d), mails, {
      due: LAST_INSTANT,
      pastDue: PAST_DUE,
    });
  });

  it('counts from the next business day when received at or after the 18:00 cut-off', async () => {
    const { d, web } = await setUp();
    d.clock.set('2026-11-27T09:00:00.000Z'); // Friday 18:00 JST: received Monday, due Tuesday
    const late = await web('株式会社締め後受付', 'SALES_TOKYO');
    expect(late.firstContact?.dueAt).toBe('2026-12-01T14:59:59.999Z');
    d.clock.set(PAST_DUE);
    expect((await escalateOverdueFirstContacts(d)).escalated).toBe(0);
    d.clock.set('2026-12-01T15:00:00.000Z');
    expect((await escalateOverdueFirstContacts(d)).escalated).toBe(1);
  });

  it('goes to every active manager of the owning department, and to active marketing while unrouted', async () => {
    const { d, web, inboxes, mails } = await setUp();
    const tokyo = await web('株式会社東京未連絡', 'SALES_TOKYO');
    const osaka = await web('株式会社大阪未連絡', 'SALES_OSAKA');
    const unrouted = await web('株式会社未振分');
    d.clock.set(PAST_DUE);
    expect(await escalateOverdueFirstContacts(d)).toEqual({ escalated: 3, skipped: 0 });

    const inbox = await inboxes();
    expect(inbox[tokyo.inquiryId]?.sort()).toEqual(['mgr-tokyo-1', 'mgr-tokyo-2']);
    expect(inbox[osaka.inquiryId]).toEqual(['mgr-osaka-1']);
    expect(inbox[unrouted.inquiryId]?.sort()).toEqual(['mkt-1', 'mkt-2']);

    const mailOf = async (i: Inquiry) => (await mails()).find((m) => m.clientId === i.clientId);
    expect((await mailOf(tokyo))?.to.sort()).toEqual([
      'mgr-tokyo-1@agency.example',
      'mgr-tokyo-2@agency.example',
    ]);
    expect((await mailOf(unrouted))?.to.sort()).toEqual(['mkt-1@agency.example', 'mkt-2@agency.example']);
  });

  it('tells them which inquiry of which client, its department and its deadline', async () => {
    const { d, ledger, web, mails } = await setUp();
    const tokyo = await web('株式会社東京未連絡', 'SALES_TOKYO');
    const unrouted = await web('株式会社未振分');
    d.clock.set(PAST_DUE);
    await escalateOverdueFirstContacts(d);

    const [toTokyo] = (await mails()).filter((m) => m.clientId === tokyo.clientId);
    expect(toTokyo?.subject).toBe('【期限超過】初回連絡未了: 株式会社東京未連絡 様（2026-11-30 期限）');
    expect(toTokyo?.text).toContain('SALES_TOKYO マネージャー各位');
    expect(toTokyo?.text).toContain(
      `（ID: ${tokyo.inquiryId}）について、初回連絡の期限（2026年11月30日(月) 23:59）`,
    );
    const [toMarketing] = (await mails()).filter((m) => m.clientId === unrouted.clientId);
    expect(toMarketing?.text).toContain('MARKETING マネージャー各位');
    expect(toMarketing?.text).toContain(`（ID: ${unrouted.inquiryId}）`);

    const [notice] = (await ledger.listNotifications('mgr-tokyo-1', 10)).items.filter(
      (n) => n.kind === 'FIRST_CONTACT_OVERDUE',
    );
    expect(notice).toMatchObject({
      kind: 'FIRST_CONTACT_OVERDUE',
      clientId: tokyo.clientId,
      inquiryId: tokyo.inquiryId,
      title: toTokyo?.subject,
      createdAt: PAST_DUE,
    });
  });

  it('is escalated once: the deadline records when, it stays overdue, and later runs send nothing', async () => {
    const { d, ledger, web, mails, inboxes } = await setUp();
    const inquiry = await web('株式会社一度だけ', 'SALES_TOKYO');
    d.clock.set(PAST_DUE);
    await escalateOverdueFirstContacts(d);
    d.clock.set('2026-12-01T03:00:00.000Z');
    expect(await escalateOverdueFirstContacts(d)).toEqual({ escalated: 0, skipped: 0 });
    expect(await escalateOverdueFirstContacts(d)).toEqual({ escalated: 0, skipped: 0 });

    const after = (await ledger.getInquiry(inquiry.inquiryId)) as Inquiry;
    expect(after.firstContact).toEqual({ dueAt: LAST_INSTANT, escalatedAt: PAST_DUE });
    expect(firstContactStatus(after, d.clock.now())).toBe('OVERDUE');
    expect(await mails()).toHaveLength(1);
    expect((await inboxes())[inquiry.inquiryId]?.sort()).toEqual(['mgr-tokyo-1', 'mgr-tokyo-2']);

    // Contacted late afterwards: recorded as late, never escalated again.
    const contacted = await recordFirstContact(d, salesTokyo, { inquiryId: inquiry.inquiryId });
    expect(firstContactStatus(contacted, d.clock.now())).toBe('MET_LATE');
    expect(contacted.firstContact?.escalatedAt).toBe(PAST_DUE);
    d.clock.set('2026-12-10T00:00:00.000Z');
    expect(await escalateOverdueFirstContacts(d)).toEqual({ escalated: 0, skipped: 0 });
  });

  it('is audited on the client’s trail as the deadline job’s change', async () => {
    const { d, ledger, web } = await setUp();
    const inquiry = await web('株式会社監査', 'SALES_TOKYO');
    d.clock.set(PAST_DUE);
    await escalateOverdueFirstContacts(d);
    const [event] = (await ledger.listAuditTrail(clientTrail(inquiry.clientId), 10)).items;
    expect(event).toMatchObject({
      at: PAST_DUE,
      actor: { kind: 'SYSTEM', name: 'deadline-job' },
      operation: 'inquiry.escalateFirstContact',
      subjectType: 'INQUIRY',
      subjectId: inquiry.inquiryId,
      changes: [
        {
          field: 'firstContact',
          before: { dueAt: LAST_INSTANT },
          after: { dueAt: LAST_INSTANT, escalatedAt: PAST_DUE },
        },
      ],
    });
  });

  it('escalates every overdue inquiry of a backlog longer than one page', async () => {
    const { d, ledger, web, mails } = await setUp();
    const template = await web('株式会社雛形', 'SALES_TOKYO');
    const backlog: Inquiry[] = Array.from({ length: 104 }, (_, i) => ({
      ...template,
      inquiryId: `inq_backlog_${String(i).padStart(3, '0')}`,
      firstContact: { dueAt: `2026-11-${String(10 + (i % 20)).padStart(2, '0')}T14:59:59.999Z` },
    }));
    for (const inquiry of backlog) await ledger.commit([{ entity: { type: 'INQUIRY', value: inquiry } }], []);
    d.clock.set(PAST_DUE);
    expect(await escalateOverdueFirstContacts(d)).toEqual({ escalated: 105, skipped: 0 });
    expect(await mails()).toHaveLength(105);
    for (const inquiry of backlog)
      expect((await ledger.getInquiry(inquiry.inquiryId))?.firstContact?.escalatedAt).toBe(PAST_DUE);
  });
});

describe('when a first contact is not overdue', () => {
  it('is never escalated once contacted in time, however long after', async () => {
    const { d, web, mails } = await setUp();
    const inquiry = await web('株式会社連絡済', 'SALES_TOKYO');
    d.clock.set('2026-11-30T14:00:00.000Z');
    await recordFirstContact(d, salesTokyo, { inquiryId: inquiry.inquiryId });
    d.clock.set('2027-01-15T00:00:00.000Z');
    expect(await escalateOverdueFirstContacts(d)).toEqual({ escalated: 0, skipped: 0 });
    expect(await mails()).toEqual([]);
  });

  it('is not escalated when contacted late but before the job came round', async () => {
    const { d, ledger, web, mails } = await setUp();
    const inquiry = await web('株式会社遅れて連絡', 'SALES_TOKYO');
    d.clock.set('2026-12-01T00:30:00.000Z');
    await recordFirstContact(d, salesTokyo, { inquiryId: inquiry.inquiryId });
    expect(await escalateOverdueFirstContacts(d)).toEqual({ escalated: 0, skipped: 0 });
    expect(await mails()).toEqual([]);
    expect((await ledger.getInquiry(inquiry.inquiryId))?.firstContact?.escalatedAt).toBeUndefined();
  });

  it('skips one contacted between the job’s read and its write, and does not escalate it later', async () => {
    const { d, ledger, web, mails } = await setUp();
    const raced = await web('株式会社同時連絡', 'SALES_TOKYO');
    const other = await web('株式会社未連絡', 'SALES_TOKYO');
    d.clock.set(PAST_DUE);
    actAfterNextRead(ledger, 'listInquiries', () =>
      recordFirstContact(d, salesTokyo, { inquiryId: raced.inquiryId }),
    );
    expect(await escalateOverdueFirstContacts(d)).toEqual({ escalated: 1, skipped: 1 });
    expect((await mails()).map((m) => m.clientId)).toEqual([other.clientId]);
    expect((await ledger.getInquiry(raced.inquiryId))?.firstContact?.escalatedAt).toBeUndefined();
    expect(await escalateOverdueFirstContacts(d)).toEqual({ escalated: 0, skipped: 0 });
  });

  it('does not pass off a ledger failure as a skip', async () => {
    const ledger = new FailingLedger();
    const { d, web } = await setUp(ledger);
    const inquiry = await web('株式会社障害', 'SALES_TOKYO');
    d.clock.set(PAST_DUE);
    ledger.failing = true;
    await expect(escalateOverdueFirstContacts(d)).rejects.toThrow('ledger unavailable');
    ledger.failing = false;
    expect((await ledger.getInquiry(inquiry.inquiryId))?.firstContact?.escalatedAt).toBeUndefined();
    expect(await escalateOverdueFirstContacts(d)).toEqual({ escalated: 1, skipped: 0 });
  });
});
