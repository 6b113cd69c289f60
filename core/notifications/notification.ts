/**
 * The staff inbox: every report to a supervisor and every deadline alert goes to the recipients'
 * inboxes and by e-mail, both written in the transaction of the change that causes them.
 * Requirements: A1-1 (routing notice), A1-2 (escalation); later A3-6 (visit reports).
 */
import type { IdGenerator } from '../ids.js';
import type { LedgerWrite } from '../ledger.js';
import { enqueueMail } from '../mail/mail-message.js';
import { type MailTemplate, type MailTemplateParams, renderMail } from '../mail/templates.js';
import type { StaffMember } from '../staff/staff-member.js';

export interface Notification {
  notificationId: string;
  recipientId: string;
  kind: MailTemplate;
  /** The e-mail's subject: what happened, in one line. */
  title: string;
  clientId?: string;
  inquiryId?: string;
  createdAt: string;
  readAt?: string;
  version: number;
}

/** Inbox entries for each recipient plus one e-mail to all of them. */
export function notify<T extends MailTemplate>(
  ids: IdGenerator,
  now: string,
  recipients: StaffMember[],
  message: { template: T; params: MailTemplateParams[T]; clientId?: string; inquiryId?: string },
): LedgerWrite[] {
  if (recipients.length === 0) return [];
  const { subject } = renderMail(message.template, message.params);
  const inbox: LedgerWrite[] = recipients.map((r) => ({
    entity: {
      type: 'NOTIFICATION',
      value: {
        notificationId: ids.next('ntf'),
        recipientId: r.userId,
        kind: message.template,
        title: subject,
        ...(message.clientId ? { clientId: message.clientId } : {}),
        ...(message.inquiryId ? { inquiryId: message.inquiryId } : {}),
        createdAt: now,
        version: 1,
      },
    },
  }));
  return [
    ...inbox,
    enqueueMail(ids, now, {
      template: message.template,
      params: message.params,
      to: recipients.map((r) => r.email),
      ...(message.clientId ? { clientId: message.clientId } : {}),
    }),
  ];
}
