/**
 * Keeps GMO Sign's completion callback pointed at the hub: registered once per URL, the
 * registration's id kept in the document store (durable: S3 on AWS, .data locally) with a hash
 * of the URL (the URL holds the callback's secret, so it is not stored). When the URL changes
 * (a new host, a rotated secret) the new one is registered first, then the old one removed, so no
 * completion goes unannounced in between. Requirements: A5-2, X-3.
 */
import { createHash } from 'node:crypto';
import type { DocumentStore } from '../documents/document-store.js';
import { IntegrationError } from '../errors.js';
import type { SignatureService } from './signature-service.js';

export const COMPLETION_WEBHOOK_KEY = 'signing/completion-webhook.json';

interface Registration {
  connectId: string;
  urlSha256: string;
  registeredAt: string;
}

const hashOf = (url: string) => createHash('sha256').update(url).digest('hex');

export async function ensureCompletionWebhook(
  deps: { signatures: SignatureService; documents: DocumentStore; clock: { now(): Date } },
  url: string,
): Promise<{ connectId: string; registered: boolean; removed?: string }> {
  const saved = await deps.documents.get(COMPLETION_WEBHOOK_KEY);
  const previous = saved ? (JSON.parse(saved.toString('utf8')) as Registration) : undefined;
  if (previous?.urlSha256 === hashOf(url)) return { connectId: previous.connectId, registered: false };
  const { connectId } = await deps.signatures.registerCompletionWebhook(url);
  const registration: Registration = {
    connectId,
    urlSha256: hashOf(url),
    registeredAt: deps.clock.now().toISOString(),
  };
  await deps.documents.put(
    COMPLETION_WEBHOOK_KEY,
    Buffer.from(JSON.stringify(registration)),
    'application/json',
  );
  if (!previous) return { connectId, registered: true };
  try {
    await deps.signatures.deregisterCompletionWebhook(previous.connectId);
  } catch (error) {
    // Already gone is what we wanted; anything else is reported (the new registration stands).
    if (!(error instanceof IntegrationError && error.status === 404)) throw error;
  }
  return { connectId, registered: true, removed: previous.connectId };
}
