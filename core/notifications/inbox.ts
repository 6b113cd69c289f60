/** Reading one's own inbox and marking entries read. Requirements: X-5 (only one's own). */
import { type Actor, assertMay } from '../access.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { HubDepsWith } from '../hub.js';
import type { LedgerCommit, NotificationLedger, Page } from '../ledger.js';
import type { Notification } from './notification.js';

export async function myNotifications(
  deps: HubDepsWith<NotificationLedger>,
  actor: Actor,
  page: { first?: number; after?: string },
): Promise<Page<Notification>> {
  assertMay(actor, 'me.read');
  const first = Math.min(Math.max(page.first ?? 20, 1), 100);
  return deps.ledger.listNotifications(actor.userId, first, page.after);
}

export async function markNotificationRead(
  deps: HubDepsWith<LedgerCommit & NotificationLedger>,
  actor: Actor,
  notificationId: string,
): Promise<Notification> {
  assertMay(actor, 'me.read');
  const notification = await deps.ledger.getNotification(notificationId);
  if (!notification) throw new NotFoundError('Notification', notificationId);
  if (notification.recipientId !== actor.userId)
    throw new ForbiddenError('NOT_YOUR_NOTIFICATION', 'this notification is someone else’s');
  if (notification.readAt) return notification;
  const after: Notification = {
    ...notification,
    readAt: deps.clock.now().toISOString(),
    version: notification.version + 1,
  };
  // Reading one's own inbox is not a business change: no audit event.
  await deps.ledger.commit(
    [{ entity: { type: 'NOTIFICATION', value: after }, expectedVersion: notification.version }],
    [],
  );
  return after;
}
