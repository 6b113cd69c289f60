/**
 * The signature outbox (integrations.md, GMO Sign): the hub records each send under a
 * deterministic envelope name before it sends, sends at most once per entry, and when the
 * outcome of a send is unknown (the request left, no answer came) marks it NEEDS_CONFIRMATION,
 * resolved by looking the envelope up by name — never by a blind second send.
 * Requirements: A5-2, A5-6 (the sending), X-3.
 */

import { type DocumentStore, documentKey } from '../documents/document-store.js';
import { ConflictError, IntegrationError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import { afterFailedAttempt, type OutboxRetryPolicy } from '../outbox-retry.js';
import type { EnvelopeRequest, SignatureService } from './signature-service.js';

export const ENVELOPE_STATES = [
  'PENDING',
  'SENDING',
  'SENT',
  'NEEDS_CONFIRMATION',
  'COMPLETED',
  'FAILED',
] as const;
export type EnvelopeState = (typeof ENVELOPE_STATES)[number];

export interface SignatureEnvelope {
  envelopeName: string;
  /** What the envelope is for, e.g. BASIC_CONTRACT / cli_123. */
  businessType: string;
  businessId: string;
  request: EnvelopeRequest;
  state: EnvelopeState;
  attempts: number;
  nextAttemptAt: string;
  envelopeId?: string;
  documentIds?: string[];
  /** The signed PDF once completed: its size and SHA-256 (it is stored with the contract). */
  signedPdf?: { size: number; sha256: string; location: string };
  completedAt?: string;
  /** A workflow waiting for this envelope's outcome (its task token is a secret: envelopes are not audited). */
  workflowWait?: { applicationId: string; taskToken: string };
  lastError?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Records a send; asking again for the same envelope name returns the first record (one envelope per business object). */
export async function requestSignature(
  deps: HubDeps,
  business: { businessType: string; businessId: string },
  request: EnvelopeRequest,
): Promise<SignatureEnvelope> {
  const now = deps.clock.now().toISOString();
  const envelope: SignatureEnvelope = {
    ...business,
    envelopeName: request.envelopeName,
    request,
    state: 'PENDING',
    attempts: 0,
    nextAttemptAt: now,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await deps.ledger.commit([{ entity: { type: 'SIGNATURE_ENVELOPE', value: envelope } }], []);
    return envelope;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const existing = await deps.ledger.getSignatureEnvelope(request.envelopeName);
    if (!existing) throw error;
    return existing;
  }
}

/** The vendor answered and did not process it (busy): safe to send again later. */
const notProcessed = (error: unknown) =>
  error instanceof IntegrationError && (error.status === 429 || error.status === 503);
/** The request may have reached the vendor: only a lookup can say whether the envelope exists. */
const outcomeUnknown = (error: unknown) =>
  error instanceof IntegrationError && error.retryable && !notProcessed(error);

export interface SignatureDispatchDeps extends HubDeps {
  signatures: SignatureService;
  signatureRetry: OutboxRetryPolicy;
}

async function save(
  deps: HubDeps,
  before: SignatureEnvelope,
  changes: Partial<SignatureEnvelope>,
): Promise<SignatureEnvelope> {
  const after: SignatureEnvelope = {
    ...before,
    ...changes,
    version: before.version + 1,
    updatedAt: deps.clock.now().toISOString(),
  };
  await deps.ledger.commit(
    [{ entity: { type: 'SIGNATURE_ENVELOPE', value: after }, expectedVersion: before.version }],
    [],
  );
  return after;
}

/** Sends due envelopes, then resolves those whose outcome is unknown. */
export async function dispatchSignatureOutbox(deps: SignatureDispatchDeps, options: { limit?: number } = {}) {
  const result = { sent: 0, retrying: 0, needsConfirmation: 0, confirmed: 0, failed: 0 };
  for (const entry of await deps.ledger.listDueSignatureEnvelopes(deps.clock.now(), options.limit ?? 10)) {
    if (entry.state === 'NEEDS_CONFIRMATION' || entry.state === 'SENDING') {
      // SENDING that is due: a dispatcher stopped mid-send. Both are resolved by a lookup.
      const found = await deps.signatures
        .findEnvelope(entry.envelopeName)
        .catch(() => 'LOOKUP_FAILED' as const);
      if (found === 'LOOKUP_FAILED') continue;
      if (found) {
        await save(deps, entry, {
          state: 'SENT',
          envelopeId: found.envelopeId,
          documentIds: found.documentIds,
        });
        result.confirmed += 1;
      } else {
        await save(deps, entry, { state: 'PENDING', nextAttemptAt: deps.clock.now().toISOString() });
        result.retrying += 1;
      }
      continue;
    }
    // Mark the send before making it: a crash from here on leaves SENDING, resolved by lookup.
    const lease = new Date(deps.clock.now().getTime() + deps.signatureRetry.baseDelayMs).toISOString();
    let sending: SignatureEnvelope;
    try {
      sending = await save(deps, entry, {
        state: 'SENDING',
        attempts: entry.attempts + 1,
        nextAttemptAt: lease,
      });
    } catch (error) {
      if (error instanceof ConflictError) continue; // another dispatcher took it
      throw error;
    }
    try {
      const sent = await deps.signatures.send(entry.request);
      await save(deps, sending, {
        state: 'SENT',
        envelopeId: sent.envelopeId,
        documentIds: sent.documentIds,
      });
      result.sent += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (outcomeUnknown(error)) {
        await save(deps, sending, {
          state: 'NEEDS_CONFIRMATION',
          lastError: message,
          nextAttemptAt: deps.clock.now().toISOString(),
        });
        result.needsConfirmation += 1;
      } else {
        const next = afterFailedAttempt(
          deps.signatureRetry,
          sending.attempts,
          notProcessed(error) ? error : new Error(message),
          deps.clock.now(),
        );
        await save(deps, sending, next);
        result[next.state === 'PENDING' ? 'retrying' : 'failed'] += 1;
      }
    }
  }
  return result;
}

/**
 * A completion notice for an envelope (the callback is only a hint): the hub looks the envelope
 * up itself, and when it is completed downloads the signed PDF and records its size and
 * SHA-256. A repeated notice changes nothing. Returns the envelope's state afterwards.
 */
export async function recordEnvelopeCompletion(
  deps: HubDeps & { signatures: SignatureService; documents: DocumentStore },
  envelopeName: string,
): Promise<EnvelopeState | 'UNKNOWN'> {
  const entry = await deps.ledger.getSignatureEnvelope(envelopeName);
  if (!entry) return 'UNKNOWN';
  if (entry.state === 'COMPLETED' || entry.state === 'FAILED') return entry.state;
  const found = await deps.signatures.findEnvelope(envelopeName);
  if (!found || found.status === 'SENT') return entry.state;
  if (found.status === 'DECLINED') {
    await save(deps, entry, {
      state: 'FAILED',
      envelopeId: found.envelopeId,
      lastError: 'declined by a signer',
    });
    return 'FAILED';
  }
  const signed = await deps.signatures.downloadSigned(found.documentIds[0] as string);
  const { location } = await deps.documents.put(
    documentKey('signed', `${envelopeName}.pdf`),
    signed.pdf,
    'application/pdf',
  );
  try {
    await save(deps, entry, {
      state: 'COMPLETED',
      envelopeId: found.envelopeId,
      documentIds: found.documentIds,
      signedPdf: { size: signed.size, sha256: signed.sha256, location },
      completedAt: deps.clock.now().toISOString(),
    });
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error; // a concurrent notice recorded it
  }
  return 'COMPLETED';
}
