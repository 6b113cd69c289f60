/** The staff inbox: reports to supervisors and deadline alerts, per recipient. */
import type { Page } from '../ledger.js';
import type { Notification } from '../notifications/notification.js';

export interface NotificationLedger {
  /** A person's inbox, newest first. */
  listNotifications(recipientId: string, first: number, after?: string): Promise<Page<Notification>>;
  getNotification(notificationId: string): Promise<Notification | undefined>;
}
