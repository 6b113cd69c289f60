/** OutboxLedger and NotificationLedger: the due queues of the outboxes, their lists, and the staff inbox. */
import { describe, expect, it } from 'vitest';
import type { NotificationLedger, OutboxLedger } from '../../core/ledger.js';
import {
  create,
  kintoneOutboxEntry,
  mailMessage,
  notification,
  nov,
  signatureEnvelope,
  update,
} from './builders.js';
import { type Fresh, freshPerTest, idsOf } from './harness.js';

export function outboxLedgerContract(fresh: Fresh<OutboxLedger>) {
  describe('OutboxLedger', () => {
    const ledger = freshPerTest(fresh);

    it('gives the kintone entries due by now (the instant itself included), longest waiting first, up to the limit', async () => {
      const k1 = kintoneOutboxEntry('k1', { nextAttemptAt: nov(1) });
      await create(
        ledger(),
        kintoneOutboxEntry('k3', { nextAttemptAt: nov(3) }),
        k1,
        kintoneOutboxEntry('k2', { nextAttemptAt: nov(2) }),
        kintoneOutboxEntry('k4', { nextAttemptAt: nov(9) }),
        kintoneOutboxEntry('k5', { nextAttemptAt: nov(1), state: 'HELD' }),
      );
      const due = (limit: number) => ledger().listDueKintoneOutboxEntries(new Date(nov(3)), limit);
      expect(idsOf(await due(2), (e) => e.entryId)).toEqual(['k1', 'k2']);
      expect(idsOf(await due(10), (e) => e.entryId)).toEqual(['k1', 'k2', 'k3']);
      await ledger().commit([update(k1, { state: 'DONE' })], []);
      expect(idsOf(await due(10), (e) => e.entryId)).toEqual(['k2', 'k3']);
    });

    it('lists a client’s kintone entries newest first, whatever their state', async () => {
      await create(
        ledger(),
        kintoneOutboxEntry('k1', { createdAt: nov(1), state: 'DONE' }),
        kintoneOutboxEntry('k2', { createdAt: nov(2), clientId: 'c2' }),
        kintoneOutboxEntry('k3', { createdAt: nov(3), state: 'FAILED' }),
      );
      expect(idsOf(await ledger().listKintoneOutboxEntriesOfClient('cli-1'), (e) => e.entryId)).toEqual([
        'k3',
        'k1',
      ]);
    });

    it('gives the pending e-mails due by now, oldest due first, and pages every e-mail newest first', async () => {
      const m1 = mailMessage('m1', { nextAttemptAt: nov(1), createdAt: nov(1) });
      await create(
        ledger(),
        mailMessage('m2', { nextAttemptAt: nov(2), createdAt: nov(2) }),
        m1,
        mailMessage('m3', { nextAttemptAt: nov(9), createdAt: nov(3) }),
        mailMessage('m4', { state: 'SENT', nextAttemptAt: nov(1), createdAt: nov(4) }),
      );
      expect(idsOf(await ledger().listDueMailMessages(new Date(nov(5)), 10), (m) => m.messageId)).toEqual([
        'm1',
        'm2',
      ]);
      await ledger().commit([update(m1, { state: 'SENT', sentAt: nov(5) })], []);
      expect(idsOf(await ledger().listDueMailMessages(new Date(nov(5)), 10), (m) => m.messageId)).toEqual([
        'm2',
      ]);
      const first = await ledger().listMailMessages(3);
      expect(idsOf(first.items, (m) => m.messageId)).toEqual(['m4', 'm3', 'm2']);
      expect(first.hasNextPage).toBe(true);
      const rest = await ledger().listMailMessages(3, first.endCursor);
      expect(idsOf(rest.items, (m) => m.messageId)).toEqual(['m1']);
      expect(rest.hasNextPage).toBe(false);
      expect((await ledger().getMailMessage('m1'))?.state).toBe('SENT');
      expect(await ledger().getMailMessage('missing')).toBeUndefined();
    });

    it('gives the envelopes to send or confirm that are due, oldest first, and pages every envelope newest first', async () => {
      await create(
        ledger(),
        signatureEnvelope('e1', { state: 'PENDING', nextAttemptAt: nov(1), createdAt: nov(1) }),
        signatureEnvelope('e2', { state: 'SENDING', nextAttemptAt: nov(3), createdAt: nov(2) }),
        signatureEnvelope('e3', { state: 'NEEDS_CONFIRMATION', nextAttemptAt: nov(2), createdAt: nov(3) }),
        signatureEnvelope('e4', { state: 'SENT', nextAttemptAt: nov(1), createdAt: nov(4) }),
        signatureEnvelope('e5', { state: 'PENDING', nextAttemptAt: nov(20), createdAt: nov(5) }),
      );
      expect(
        idsOf(await ledger().listDueSignatureEnvelopes(new Date(nov(5)), 10), (e) => e.envelopeName),
      ).toEqual(['e1', 'e3', 'e2']);
      const first = await ledger().listSignatureEnvelopes(2);
      expect(idsOf(first.items, (e) => e.envelopeName)).toEqual(['e5', 'e4']);
      const rest = await ledger().listSignatureEnvelopes(10, first.endCursor);
      expect(idsOf(rest.items, (e) => e.envelopeName)).toEqual(['e3', 'e2', 'e1']);
      expect((await ledger().getSignatureEnvelope('e4'))?.state).toBe('SENT');
      expect(await ledger().getSignatureEnvelope('missing')).toBeUndefined();
    });
  });
}

export function notificationLedgerContract(fresh: Fresh<NotificationLedger>) {
  describe('NotificationLedger', () => {
    const ledger = freshPerTest(fresh);

    it('pages one person’s inbox newest first, and reads a notification with what was marked on it', async () => {
      const n1 = notification('n1', { createdAt: nov(1) });
      await create(
        ledger(),
        n1,
        notification('n2', { createdAt: nov(2) }),
        notification('n3', { createdAt: nov(3) }),
        notification('n9', { createdAt: nov(9), recipientId: 'someone-else' }),
      );
      const first = await ledger().listNotifications('rep-1', 2);
      expect(idsOf(first.items, (n) => n.notificationId)).toEqual(['n3', 'n2']);
      expect(first.hasNextPage).toBe(true);
      expect(
        idsOf((await ledger().listNotifications('rep-1', 2, first.endCursor)).items, (n) => n.notificationId),
      ).toEqual(['n1']);
      await ledger().commit([update(n1, { readAt: nov(4) })], []);
      expect((await ledger().getNotification('n1'))?.readAt).toBe(nov(4));
      expect(await ledger().getNotification('missing')).toBeUndefined();
      expect((await ledger().listNotifications('nobody', 5)).items).toEqual([]);
    });
  });
}
