/**
 * The e-signature service (GMO Sign, 電子印鑑GMOサイン) as the hub needs it: send a document for
 * signature under a deterministic envelope name, find an envelope by that name (to resolve a
 * send whose outcome is unknown), and download the signed PDF. Requirements: A5-2, A5-6, A6-5.
 */

export interface EnvelopeSigner {
  name: string;
  email: string;
  organization?: string;
}

/** A document to sign: a PDF the hub sends, or one of the templates kept in GMO Sign. */
export type EnvelopeDocument =
  | { documentName: string /** The PDF to sign, base64. */; pdfBase64: string }
  | { templateId: string };

export type EnvelopeRequest = EnvelopeDocument & {
  /** The business key: one envelope per business object, e.g. `BASIC-cli_123-1`. */
  envelopeName: string;
  ourSigners: EnvelopeSigner[];
  partnerSigners: EnvelopeSigner[];
  /** e.g. the sales rep for an individual contract (A5-6). */
  approvers: EnvelopeSigner[];
};

export interface EnvelopeInfo {
  envelopeId: string;
  envelopeName: string;
  status: 'SENT' | 'COMPLETED' | 'DECLINED';
  documentIds: string[];
}

export interface SignedDocument {
  pdf: Buffer;
  size: number;
  sha256: string;
}

export interface SignatureService {
  send(request: EnvelopeRequest): Promise<{ envelopeId: string; documentIds: string[] }>;
  findEnvelope(envelopeName: string): Promise<EnvelopeInfo | undefined>;
  downloadSigned(documentId: string): Promise<SignedDocument>;
  /** Asks the service to call `url` when an envelope is completed (a hint; the hub confirms by lookup). */
  registerCompletionWebhook(url: string): Promise<void>;
}
