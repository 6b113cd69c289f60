/**
 * The mail outbox against DynamoDB Local: e-mails written with the change that causes them,
 * delivered once, retried with back-off, FAILED when retrying cannot help.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { IntegrationError } from '../core/errors.js';
import { receiveWebInquiry } from '../core/inquiries/receive-web-inquiry.js';
import { recordPhoneInquiry } from '../core/inquiries/record-phone-inquiry.js';
import { routeInquiry } from '../core/inquiries/route-inquiry.js';
import { dispatchMailOutbox } from '../core/mail/dispatch-mail-outbox.js';
import type { MailMessage } from '../core/mail/mail-message.js';
import type { MailTransport } from '../core/mail/mail-transport.js';
import { hubDeps, marketing, phoneInquiry, salesTokyo, seedDirectory, webForm } from './support/builders.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';

let t: TestLedger;
beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger);
});

const retry = { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 600_000 };
const recording = (): MailTransport & { delivered: MailMessage[] } => {
  const delivered: MailMessage[] = [];
  return {
    delivered,
    deliver: async (m) => {
      delivered.push(m);
      return { providerMessageId: `p-${m.messageId}` };
    },
  };
};
const failing = (retryable: boolean): MailTransport => ({
  deliver: async () => {
    throw new IntegrationError({
      system: 'ses',
      operation: 'sendEmail',
      retryable,
      message: retryable ? 'Throttling' : 'MessageRejected',
    });
  },
});

async function mailsAbout(clientId: string) {
  return (await t.ledger.listMailMessages(100)).items.filter((m) => m.clientId === clientId);
}

describe('mail outbox', () => {
  it('tells the department’s managers, in Japanese, when marketing routes a web inquiry', async () => {
    const d = hubDeps(t.ledger);
    const receipt = await receiveWebInquiry(
      d,
      webForm({ company: '株式会社メール通知', jobCategory: '軽作業' }),
    );
    const routed = await routeInquiry(d, marketing, {
      inquiryId: String(receipt.body.inquiryId),
      department: 'SALES_TOKYO',
    });
    const [mail] = await mailsAbout(routed.clientId);
    expect(mail).toMatchObject({
      template: 'INQUIRY_ROUTED',
      to: ['mgr-tokyo-1@agency.example'],
      subject: '【新規お問い合わせ】株式会社メール通知 様（SALES_TOKYO）',
      state: 'PENDING',
    });
    expect(mail?.text).toContain('初回連絡の期限: 2026年11月30日(月) 23:59（受付から1営業日以内）');
    expect(mail?.text).toContain('ご希望の職種: 軽作業');

    const transport = recording();
    expect(await dispatchMailOutbox({ ...d, mailTransport: transport, mailRetry: retry })).toMatchObject({
      sent: 1,
    });
    expect(transport.delivered.map((m) => m.messageId)).toEqual([mail?.messageId]);
    expect(await dispatchMailOutbox({ ...d, mailTransport: transport, mailRetry: retry })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    expect((await t.ledger.getMailMessage(mail?.messageId as string))?.state).toBe('SENT');
  });

  it('tells the other department’s managers when sales shares a phone inquiry with them, and nobody otherwise', async () => {
    const d = hubDeps(t.ledger);
    const own = await recordPhoneInquiry(d, salesTokyo, phoneInquiry({ company: '株式会社自部署' }));
    expect(await mailsAbout(own.clientId)).toEqual([]);
    const shared = await recordPhoneInquiry(
      d,
      salesTokyo,
      phoneInquiry({ company: '株式会社他部署', department: 'SALES_OSAKA' }),
    );
    expect((await mailsAbout(shared.clientId)).map((m) => m.to)).toEqual([['mgr-osaka-1@agency.example']]);
  });

  it('retries a retryable failure with back-off and gives up after the last attempt', async () => {
    const d = hubDeps(t.ledger);
    const inquiry = await recordPhoneInquiry(
      d,
      salesTokyo,
      phoneInquiry({ company: '株式会社再送', department: 'SALES_OSAKA' }),
    );
    const deps = { ...d, mailTransport: failing(true), mailRetry: retry };
    // Other tests' mails may be due too: look only at this one.
    const state = async () => (await mailsAbout(inquiry.clientId))[0];
    await dispatchMailOutbox(deps, { limit: 100 });
    expect(await state()).toMatchObject({
      state: 'PENDING',
      attempts: 1,
      lastError: expect.stringContaining('Throttling'),
    });
    d.clock.advance(60_000);
    await dispatchMailOutbox(deps, { limit: 100 });
    d.clock.advance(120_000);
    await dispatchMailOutbox(deps, { limit: 100 });
    expect(await state()).toMatchObject({ state: 'FAILED', attempts: 3 });
  });

  it('fails at once when the mail service rejects the message', async () => {
    const d = hubDeps(t.ledger);
    const inquiry = await recordPhoneInquiry(
      d,
      salesTokyo,
      phoneInquiry({ company: '株式会社拒否', department: 'SALES_OSAKA' }),
    );
    await dispatchMailOutbox({ ...d, mailTransport: failing(false), mailRetry: retry }, { limit: 100 });
    expect((await mailsAbout(inquiry.clientId))[0]).toMatchObject({ state: 'FAILED', attempts: 1 });
  });
});
