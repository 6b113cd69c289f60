/**
 * E-mail the hub sends (to staff and clients). A message is written to the ledger in the same
 * transaction as the change that causes it (the mail outbox) and delivered by
 * `dispatchMailOutbox`: through SES on AWS; locally it stays in the ledger, where a person
 * reads it at /dev/mail. Requirements: A1-1 (routing notice); later A1-2, A3-6, A7-1.
 */
import type { IdGenerator } from '../ids.js';
import type { LedgerWrite } from '../ledger.js';
import { type MailTemplate, type MailTemplateParams, renderMail } from './templates.js';

export const MAIL_STATES = ['PENDING', 'SENT', 'FAILED'] as const;
export type MailState = (typeof MAIL_STATES)[number];

export interface MailMessage {
  messageId: string;
  template: MailTemplate;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  /** The client the message is about, when there is one. */
  clientId?: string;
  state: MailState;
  attempts: number;
  nextAttemptAt: string;
  lastError?: string;
  /** The transport's id once sent (SES MessageId; `local` locally). */
  providerMessageId?: string;
  sentAt?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The outbox write for one e-mail; goes into the transaction of the change that causes it. */
export function enqueueMail<T extends MailTemplate>(
  ids: IdGenerator,
  now: string,
  mail: { template: T; params: MailTemplateParams[T]; to: string[]; cc?: string[]; clientId?: string },
): LedgerWrite {
  const { subject, text } = renderMail(mail.template, mail.params);
  const message: MailMessage = {
    messageId: ids.next('mail'),
    template: mail.template,
    to: mail.to,
    cc: mail.cc ?? [],
    subject,
    text,
    ...(mail.clientId ? { clientId: mail.clientId } : {}),
    state: 'PENDING',
    attempts: 0,
    nextAttemptAt: now,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return { entity: { type: 'MAIL_MESSAGE', value: message } };
}
