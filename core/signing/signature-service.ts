/**
 * The e-signature service (GMO Sign, 電子印鑑GMOサイン) as the hub needs it: send a document for
 * signature under a deterministic envelope name, download the signed PDF, and register the URL
 * the service calls back when an envelope is completed. GMO Sign's public API definition offers
 * no way to look an envelope up; a service that does (a test fake) says so with `findEnvelope`.
 * Requirements: A5-2, A5-6, A6-5.
 */

export interface EnvelopeSigner {
  name: string;
  email: string;
  organization?: string;
}

/**
 * A document to sign, as the signature outbox keeps it: a PDF in the document store (never the
 * bytes themselves: a ledger item holds at most 400 KB), or one of the templates kept in GMO Sign.
 */
export type EnvelopeDocument = { documentName: string; documentKey: string } | { templateId: string };

interface EnvelopeParties {
  /** The business key: one envelope per business object, e.g. `BASIC-cli_123-1`. */
  envelopeName: string;
  /** The agency's signers (e.g. legal for the basic contract). */
  ourSigners: EnvelopeSigner[];
  /** The client's signers. */
  partnerSigners: EnvelopeSigner[];
  /** Approve before anyone signs, e.g. the sales rep for an individual contract (A5-6). */
  approvers: EnvelopeSigner[];
}

export type EnvelopeRequest = EnvelopeDocument & EnvelopeParties;

/** What the service is given to send: the stored PDF read back, or the template. */
export type EnvelopeToSend = ({ documentName: string; pdf: Buffer } | { templateId: string }) &
  EnvelopeParties;

export interface SentEnvelope {
  envelopeId: string;
  /** The ids of the envelope's documents (to download them once signed). */
  documentIds: string[];
}

export interface EnvelopeInfo extends SentEnvelope {
  envelopeName: string;
  status: 'SENT' | 'COMPLETED' | 'DECLINED';
}

/** What a completion callback says (authenticated by the callback URL's secret). */
export interface CompletionNotice {
  envelopeName: string;
  envelopeId?: string;
  documentIds?: string[];
}

export interface SignedDocument {
  pdf: Buffer;
  size: number;
  sha256: string;
}

export interface SignatureService {
  /** Sends once per call (no in-call retry of the send itself: whether to send again is the outbox's decision). */
  send(envelope: EnvelopeToSend): Promise<SentEnvelope>;
  /** A lookup by envelope name, only where the service offers one (GMO Sign's definition does not). */
  readonly findEnvelope?: (envelopeName: string) => Promise<EnvelopeInfo | undefined>;
  downloadSigned(documentId: string): Promise<SignedDocument>;
  /** Asks the service to call `url` when an envelope is completed; returns the registration's id. */
  registerCompletionWebhook(url: string): Promise<{ connectId: string }>;
  /** Removes a registration made before (e.g. for a URL no longer in use). */
  deregisterCompletionWebhook(connectId: string): Promise<void>;
}
