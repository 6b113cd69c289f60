/**
 * Delivers due e-mails from the mail outbox. A message is handed to the transport at most once
 * per successful attempt; a retryable failure waits with back-off, the last one is FAILED.
 */

import { ConflictError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import { afterFailedAttempt, type OutboxRetryPolicy } from '../outbox-retry.js';
import type { MailMessage } from './mail-message.js';
import type { MailTransport } from './mail-transport.js';

export async function dispatchMailOutbox(
  deps: HubDeps & { mailTransport: MailTransport; mailRetry: OutboxRetryPolicy },
  options: { limit?: number } = {},
): Promise<{ sent: number; retrying: number; failed: number }> {
  const result = { sent: 0, retrying: 0, failed: 0 };
  for (const message of await deps.ledger.listDueMailMessages(deps.clock.now(), options.limit ?? 25)) {
    const attempts = message.attempts + 1;
    let after: MailMessage;
    try {
      const { providerMessageId } = await deps.mailTransport.deliver(message);
      const now = deps.clock.now().toISOString();
      after = {
        ...message,
        state: 'SENT',
        attempts,
        providerMessageId,
        sentAt: now,
        version: message.version + 1,
        updatedAt: now,
      };
      delete after.lastError;
    } catch (error) {
      const now = deps.clock.now();
      after = {
        ...message,
        ...afterFailedAttempt(deps.mailRetry, attempts, error, now),
        attempts,
        version: message.version + 1,
        updatedAt: now.toISOString(),
      };
    }
    try {
      await deps.ledger.commit(
        [{ entity: { type: 'MAIL_MESSAGE', value: after }, expectedVersion: message.version }],
        [],
      );
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      continue; // another dispatcher recorded it first
    }
    result[after.state === 'SENT' ? 'sent' : after.state === 'PENDING' ? 'retrying' : 'failed'] += 1;
  }
  return result;
}
