/**
 * The local mail transport: sends nothing. The message stays in the ledger's mail outbox, where
 * a person reads it at /dev/mail, marked as delivered locally.
 */
import type { MailMessage } from '../../core/mail/mail-message.js';
import type { MailTransport } from '../../core/mail/mail-transport.js';

export const localMailTransport: MailTransport = {
  async deliver(message: MailMessage) {
    return { providerMessageId: `local-${message.messageId}` };
  },
};
