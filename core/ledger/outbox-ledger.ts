/**
 * The outboxes: what the hub owes kintone, the mail server and the e-signature service,
 * written in the same commit as the change that owes it and sent later by the outbox rounds.
 */
import type { KintoneOutboxEntry } from '../kintone/kintone-outbox.js';
import type { Page } from '../ledger.js';
import type { MailMessage } from '../mail/mail-message.js';
import type { SignatureEnvelope } from '../signing/signature-outbox.js';

export interface OutboxLedger {
  /** PENDING entries due at `now`, oldest due first. */
  listDueKintoneOutboxEntries(now: Date, limit: number): Promise<KintoneOutboxEntry[]>;
  /** Every outbox entry of a client, newest first (its kintone sync state). */
  listKintoneOutboxEntriesOfClient(clientId: string): Promise<KintoneOutboxEntry[]>;
  /** PENDING e-mails due at `now`, oldest due first. */
  listDueMailMessages(now: Date, limit: number): Promise<MailMessage[]>;
  /** Every e-mail the hub wrote, newest first (the local outbox at /dev/mail). */
  listMailMessages(first: number, after?: string): Promise<Page<MailMessage>>;
  getMailMessage(messageId: string): Promise<MailMessage | undefined>;
  getSignatureEnvelope(envelopeName: string): Promise<SignatureEnvelope | undefined>;
  /** Every signature envelope, newest first. */
  listSignatureEnvelopes(first: number, after?: string): Promise<Page<SignatureEnvelope>>;
  /** Envelopes to send or to confirm, due at `now`, oldest due first. */
  listDueSignatureEnvelopes(now: Date, limit: number): Promise<SignatureEnvelope[]>;
}
