/**
 * The signature outbox (docs/integrations.md, GMO Sign): the hub records each send under a
 * deterministic envelope name before it sends (the document itself stays in the document store,
 * referenced by key), sends at most once per entry, and when the outcome of a send is unknown
 * (the request left, no answer came) marks it NEEDS_CONFIRMATION — never a blind second send.
 * GMO Sign offers no envelope lookup, so such an entry waits for what can settle it: the
 * completion callback, which names the envelope (COMPLETED), or an admin who checked GMO Sign's
 * screens (`confirmSignatureEnvelope`). A service that offers a lookup resolves it by name.
 * Requirements: A5-2, A5-6 (the sending), X-3.
 */

import { type Actor, assertMay } from '../access.js';
import { auditChange, userActor } from '../audit.js';
import { type DocumentStore, documentKey } from '../documents/document-store.js';
import {
  ConflictError,
  IntegrationError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
} from '../errors.js';
import type { HubDeps, HubDepsWith } from '../hub.js';
import type { LedgerCommit, OutboxLedger } from '../ledger.js';
import { afterFailedAttempt, type OutboxRetryPolicy } from '../outbox-retry.js';
import type {
  CompletionNotice,
  EnvelopeRequest,
  EnvelopeToSend,
  SignatureService,
} from './signature-service.js';

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
  /**
   * An admin saw the envelope completed in GMO Sign's own screens (its callback was lost): the
   * next look-at-it (the workflow's poll, the local host's start, or the confirmation itself where
   * the host can reach GMO Sign) downloads the signed PDF and records COMPLETED.
   */
  completionConfirmed?: { by: string; at: string };
  /** A workflow waiting for this envelope's outcome (its task token is a secret: envelopes are not audited). */
  workflowWait?: { applicationId: string; taskToken: string };
  lastError?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Records a send; asking again for the same envelope name returns the first record (one envelope per business object). */
export async function requestSignature(
  deps: HubDepsWith<LedgerCommit & OutboxLedger>,
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
/** The request may have reached the vendor: nothing but the vendor can say whether the envelope exists. */
const outcomeUnknown = (error: unknown) =>
  error instanceof IntegrationError && error.retryable && !notProcessed(error);

/** An entry only a callback or an admin can settle is not due again (it leaves the due queue's head). */
export const AWAITING_CONFIRMATION = '9999-12-31T23:59:59.999Z';

export interface SignatureDispatchDeps extends HubDeps {
  signatures: SignatureService;
  signatureRetry: OutboxRetryPolicy;
  /** Where the PDFs to sign are kept. */
  documents: DocumentStore;
}

async function save(
  deps: HubDepsWith<LedgerCommit>,
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

/**
 * Saves `changes` on top of whatever the entry became meanwhile, while `applies` still holds:
 * the workflow writes its wait (`workflowWait`) onto the same entry while a send or a download is
 * under way, and that must not lose the send's outcome. False when the entry moved on (another
 * dispatcher or notice decided it).
 */
async function saveOnLatest(
  deps: HubDeps,
  before: SignatureEnvelope,
  changes: Partial<SignatureEnvelope>,
  applies: (latest: SignatureEnvelope) => boolean,
): Promise<boolean> {
  let current = before;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      await save(deps, current, changes);
      return true;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const latest = await deps.ledger.getSignatureEnvelope(before.envelopeName);
      if (!latest || !applies(latest)) return false;
      current = latest;
    }
  }
  throw new ConflictError(`SIGNATURE_ENVELOPE ${before.envelopeName} keeps changing`);
}

/** The envelope as the service is given it: the PDF read back from the document store. */
async function toSend(
  deps: SignatureDispatchDeps,
  request: EnvelopeRequest,
): Promise<EnvelopeToSend | undefined> {
  if ('templateId' in request) return request;
  if (typeof request.documentKey !== 'string') return undefined; // an entry from before documents were referenced
  const pdf = await deps.documents.get(request.documentKey);
  if (!pdf) return undefined;
  const { documentKey: _key, ...rest } = request;
  return { ...rest, pdf };
}

/** The entry is still this dispatcher's send (only the workflow's wait may have been written meanwhile). */
const stillSending = (sending: SignatureEnvelope) => (latest: SignatureEnvelope) =>
  latest.state === 'SENDING' && latest.attempts === sending.attempts;

/** An unknown outcome: looked up next run where the service offers a lookup, else it waits for a callback or an admin. */
const unknownOutcome = (deps: SignatureDispatchDeps, lastError: string): Partial<SignatureEnvelope> => ({
  state: 'NEEDS_CONFIRMATION',
  lastError,
  nextAttemptAt: deps.signatures.findEnvelope ? deps.clock.now().toISOString() : AWAITING_CONFIRMATION,
});

/** Sends due envelopes, then resolves those whose outcome is unknown where the service can say. */
export async function dispatchSignatureOutbox(deps: SignatureDispatchDeps, options: { limit?: number } = {}) {
  const result = { sent: 0, retrying: 0, needsConfirmation: 0, confirmed: 0, failed: 0 };
  for (const entry of await deps.ledger.listDueSignatureEnvelopes(deps.clock.now(), options.limit ?? 10)) {
    if (entry.state === 'NEEDS_CONFIRMATION' || entry.state === 'SENDING') {
      // SENDING that is due: a dispatcher stopped mid-send; its outcome is unknown too.
      if (!deps.signatures.findEnvelope) {
        await save(deps, entry, unknownOutcome(deps, entry.lastError ?? 'the dispatcher stopped mid-send'));
        result.needsConfirmation += 1;
        continue;
      }
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
    const envelope = await toSend(deps, entry.request);
    if (!envelope) {
      await save(deps, entry, {
        state: 'FAILED',
        lastError: 'the document to sign is not in the document store',
      });
      result.failed += 1;
      continue;
    }
    // Mark the send before making it: a crash from here on leaves SENDING, an unknown outcome.
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
      const sent = await deps.signatures.send(envelope);
      await saveOnLatest(
        deps,
        sending,
        { state: 'SENT', envelopeId: sent.envelopeId, documentIds: sent.documentIds },
        stillSending(sending),
      );
      result.sent += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (outcomeUnknown(error)) {
        await saveOnLatest(deps, sending, unknownOutcome(deps, message), stillSending(sending));
        result.needsConfirmation += 1;
      } else {
        const next = afterFailedAttempt(
          deps.signatureRetry,
          sending.attempts,
          notProcessed(error) ? error : new Error(message),
          deps.clock.now(),
        );
        await saveOnLatest(deps, sending, next, stillSending(sending));
        result[next.state === 'PENDING' ? 'retrying' : 'failed'] += 1;
      }
    }
  }
  return result;
}

/**
 * A completion notice for an envelope: from the completion callback (authenticated by its URL's
 * secret, naming the envelope and its documents), or a bare name from the workflow's fallback.
 * Where the service offers a lookup, the hub asks it; GMO Sign does not, so the callback's word
 * is taken — unless it names another envelope than the one the hub recorded. Once completed, the
 * signed PDF is downloaded, kept in the document store and its size and SHA-256 recorded. A
 * callback also settles an entry whose send outcome was unknown. A repeated notice changes
 * nothing. Returns the envelope's state afterwards.
 */
export async function recordEnvelopeCompletion(
  deps: HubDeps & { signatures: SignatureService; documents: DocumentStore },
  notice: CompletionNotice,
): Promise<EnvelopeState | 'UNKNOWN'> {
  const { envelopeName } = notice;
  const entry = await deps.ledger.getSignatureEnvelope(envelopeName);
  if (!entry) return 'UNKNOWN';
  if (entry.state === 'COMPLETED' || entry.state === 'FAILED') return entry.state;
  let completed: { envelopeId: string; documentIds: string[] };
  if (deps.signatures.findEnvelope) {
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
    completed = found;
  } else {
    // No lookup: only the callback, or an admin who saw it in GMO Sign's screens, can say it completed.
    const envelopeId = notice.envelopeId ?? (entry.completionConfirmed ? entry.envelopeId : undefined);
    if (!envelopeId) return entry.state;
    if (entry.envelopeId && entry.envelopeId !== envelopeId) return entry.state;
    completed = {
      envelopeId,
      documentIds: notice.documentIds?.length ? notice.documentIds : (entry.documentIds ?? []),
    };
  }
  const documentId = completed.documentIds[0];
  if (!documentId) return entry.state;
  const signed = await deps.signatures.downloadSigned(documentId);
  const { location } = await deps.documents.put(
    documentKey('signed', `${envelopeName}.pdf`),
    signed.pdf,
    'application/pdf',
  );
  // A concurrent notice may have recorded it already; a workflow's wait written meanwhile is kept.
  await saveOnLatest(
    deps,
    entry,
    {
      state: 'COMPLETED',
      envelopeId: completed.envelopeId,
      documentIds: completed.documentIds,
      signedPdf: { size: signed.size, sha256: signed.sha256, location },
      completedAt: deps.clock.now().toISOString(),
    },
    (latest) => latest.state !== 'COMPLETED' && latest.state !== 'FAILED',
  );
  return 'COMPLETED';
}

/**
 * What an admin found in GMO Sign's own screens: for an envelope whose send outcome is unknown
 * (NEEDS_CONFIRMATION), or for one SENT whose completion callback never came.
 */
export type EnvelopeConfirmation =
  | { envelopeName: string; outcome: 'SENT'; envelopeId: string; documentIds?: string[] }
  | { envelopeName: string; outcome: 'NOT_SENT' }
  | { envelopeName: string; outcome: 'DECLINED' }
  | { envelopeName: string; outcome: 'COMPLETED'; envelopeId?: string };

/** Which confirmations an envelope in each state takes. */
const CONFIRMABLE: Partial<Record<EnvelopeState, readonly EnvelopeConfirmation['outcome'][]>> = {
  NEEDS_CONFIRMATION: ['SENT', 'NOT_SENT', 'DECLINED', 'COMPLETED'],
  SENT: ['DECLINED', 'COMPLETED'],
};

/**
 * An admin settles an envelope from what GMO Sign's own screens show. A NEEDS_CONFIRMATION entry:
 * it is there (SENT, with the envelope id shown in GMO Sign), it is not (sent again by the next
 * dispatch), it was declined (FAILED), or it is already signed. A SENT entry whose completion
 * callback was lost (GMO Sign offers no look-up): declined (FAILED), or completed — then the signed
 * PDF is downloaded by whatever next looks at the envelope with GMO Sign at hand
 * (`recordEnvelopeCompletion`). Audited. Requirements: A5-2, A5-6, X-3.
 */
export async function confirmSignatureEnvelope(
  deps: HubDepsWith<LedgerCommit & OutboxLedger>,
  actor: Actor,
  confirmation: EnvelopeConfirmation,
): Promise<SignatureEnvelope> {
  assertMay(actor, 'signature.confirm');
  if (confirmation.outcome === 'SENT' && !confirmation.envelopeId.trim())
    throw new ValidationError([
      { path: 'input.envelopeId', message: 'is required when the envelope was sent' },
    ]);
  const entry = await deps.ledger.getSignatureEnvelope(confirmation.envelopeName);
  if (!entry) throw new NotFoundError('SignatureEnvelope', confirmation.envelopeName);
  if (!CONFIRMABLE[entry.state]?.includes(confirmation.outcome))
    throw new PreconditionFailedError(
      'NOT_AWAITING_CONFIRMATION',
      `${entry.envelopeName} is ${entry.state}: it takes ${CONFIRMABLE[entry.state]?.join(' or ') ?? 'no confirmation'}`,
    );
  const now = deps.clock.now().toISOString();
  const changes = confirmationChanges(entry, confirmation, actor, now);
  const after: SignatureEnvelope = { ...entry, ...changes, version: entry.version + 1, updatedAt: now };
  const { workflowWait: _secret, request: _request, ...seen } = after;
  const { workflowWait: _secretBefore, request: _requestBefore, ...seenBefore } = entry;
  await deps.ledger.commit(
    [{ entity: { type: 'SIGNATURE_ENVELOPE', value: after }, expectedVersion: entry.version }],
    [
      auditChange(deps.ids, {
        trail: `SIGNATURE_ENVELOPE#${entry.envelopeName}`,
        at: now,
        actor: userActor(actor),
        operation: 'signature.confirm',
        subjectType: 'SignatureEnvelope',
        subjectId: entry.envelopeName,
        before: seenBefore,
        after: seen,
      }),
    ],
  );
  return after;
}

function confirmationChanges(
  entry: SignatureEnvelope,
  confirmation: EnvelopeConfirmation,
  actor: Actor,
  now: string,
): Partial<SignatureEnvelope> {
  switch (confirmation.outcome) {
    case 'SENT':
      return {
        state: 'SENT',
        envelopeId: confirmation.envelopeId.trim(),
        ...(confirmation.documentIds?.length ? { documentIds: confirmation.documentIds } : {}),
      };
    case 'NOT_SENT':
      return { state: 'PENDING', nextAttemptAt: now };
    case 'DECLINED':
      return { state: 'FAILED', lastError: 'declined by a signer (confirmed by an admin)' };
    case 'COMPLETED': {
      const envelopeId = confirmation.envelopeId?.trim() || entry.envelopeId;
      if (!envelopeId)
        throw new ValidationError([
          { path: 'input.envelopeId', message: 'is required: the hub has no envelope id for this envelope' },
        ]);
      if (entry.envelopeId && envelopeId !== entry.envelopeId)
        throw new ValidationError([
          { path: 'input.envelopeId', message: `is not the envelope the hub sent (${entry.envelopeId})` },
        ]);
      return { state: 'SENT', envelopeId, completionConfirmed: { by: actor.userId, at: now } };
    }
  }
}
