/**
 * The first-contact deadline job (A1-2, X-2) against DynamoDB Local: one escalation per missed
 * deadline, to the owning department's managers (marketing while unrouted), never for a met one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { escalateOverdueFirstContacts } from '../core/inquiries/escalate-first-contacts.js';
import { firstContactStatus } from '../core/inquiries/inquiry.js';
import { receiveWebInquiry } from '../core/inquiries/receive-web-inquiry.js';
import { recordFirstContact } from '../core/inquiries/record-first-contact.js';
import { routeInquiry } from '../core/inquiries/route-inquiry.js';
import { hubDeps, marketing, salesTokyo, seedDirectory, webForm } from './support/builders.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';

let t: TestLedger;
beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger);
});

const mailsAbout = async (clientId: string) =>
  (await t.ledger.listMailMessages(200)).items.filter(
    (m) => m.clientId === clientId && m.template === 'FIRST_CONTACT_OVERDUE',
  );

describe('first-contact escalation', () => {
  it('escalates a missed deadline once, to marketing while unrouted and to the department’s managers once routed', async () => {
    const d = hubDeps(t.ledger); // Friday 10:00 JST: due Monday 23:59:59.999 JST
    const unrouted = await receiveWebInquiry(d, webForm({ company: '株式会社未連絡' }));
    const routed = await receiveWebInquiry(d, webForm({ company: '株式会社振分済未連絡' }));
    const routedInquiry = await routeInquiry(d, marketing, {
      inquiryId: String(routed.body.inquiryId),
      department: 'SALES_TOKYO',
    });
    const contacted = await receiveWebInquiry(d, webForm({ company: '株式会社連絡済' }));
    await routeInquiry(d, marketing, {
      inquiryId: String(contacted.body.inquiryId),
      department: 'SALES_TOKYO',
    });
    await recordFirstContact(d, salesTokyo, { inquiryId: String(contacted.body.inquiryId) });

    d.clock.set('2026-11-30T14:59:59.999Z'); // the last instant of the deadline: not missed yet
    expect((await escalateOverdueFirstContacts(d)).escalated).toBe(0);

    d.clock.set('2026-11-30T15:00:00.000Z');
    expect(await escalateOverdueFirstContacts(d)).toEqual({ escalated: 2, skipped: 0 });
    expect(await escalateOverdueFirstContacts(d)).toEqual({ escalated: 0, skipped: 0 });

    const unroutedInquiry = await t.ledger.getInquiry(String(unrouted.body.inquiryId));
    expect(unroutedInquiry?.firstContact?.escalatedAt).toBe('2026-11-30T15:00:00.000Z');
    expect(firstContactStatus(unroutedInquiry!, d.clock.now())).toBe('OVERDUE');
    expect((await mailsAbout(unroutedInquiry!.clientId)).map((m) => m.to)).toEqual([
      ['mkt-1@agency.example'],
    ]);
    const [toManagers] = await mailsAbout(routedInquiry.clientId);
    expect(toManagers).toMatchObject({
      to: ['mgr-tokyo-1@agency.example'],
      subject: '【期限超過】初回連絡未了: 株式会社振分済未連絡 様（2026-11-30 期限）',
    });
    expect(toManagers?.text).toContain('初回連絡の期限（2026年11月30日(月) 23:59）を過ぎています。');

    // Met late afterwards: recorded as late, still escalated exactly once.
    d.clock.set('2026-12-01T01:00:00Z');
    const late = await recordFirstContact(d, salesTokyo, { inquiryId: routedInquiry.inquiryId });
    expect(firstContactStatus(late, d.clock.now())).toBe('MET_LATE');
    expect(late.firstContact?.escalatedAt).toBe('2026-11-30T15:00:00.000Z');
    const trail = await t.ledger.listAuditTrail(`CLIENT#${routedInquiry.clientId}`, 5);
    expect(trail.items.map((e) => e.operation)).toContain('inquiry.escalateFirstContact');
  });
});
