import type { MailMessage } from './mail-message.js';

/** Hands an e-mail to the mail service (SES on AWS). Vendor errors become IntegrationError. */
export interface MailTransport {
  deliver(message: MailMessage): Promise<{ providerMessageId: string }>;
}
