/**
 * Everything the hub says to GMO Sign and reads from it, in one file. Each entry cites the
 * operation id of GMO Sign's only public API definition (the certified Power Automate
 * connector's OpenAPI definition, version 2.0; our own description of what we use is
 * docs/integrations/gmosign.openapi.json). What the definition leaves open is marked ASSUMED
 * here and explained in docs/integrations/gmosign.md; the sandbox implements the same document.
 */
import type { CompletionNotice, EnvelopeToSend, SentEnvelope } from '../../core/signing/signature-service.js';

/** Definition: host `api.gmo-exapi.net`, base path `/gmosign`, https. */
export const GMOSIGN_DEFAULT_BASE_URL = 'https://api.gmo-exapi.net/gmosign';

/**
 * Definition: `securityDefinitions.basicAuth` on every operation; the connector's connection
 * parameters name the user "Customer ID" and the password "Secret Key".
 */
export const basicAuthorization = (customerId: string, secretKey: string) =>
  `Basic ${Buffer.from(`${customerId}:${secretKey}`, 'utf8').toString('base64')}`;

export const GMOSIGN_PATHS = {
  /** CreateHookEnvelope (POST, answers 201). */
  connect: '/customer/connect',
  /** DeleteHook (DELETE, answers 200). */
  connection: (connectId: string) => `/customer/connect/${encodeURIComponent(connectId)}`,
  /** GetDocuments (GET, answers 200). */
  document: (documentId: string) => `/customer/documents/${encodeURIComponent(documentId)}`,
  /** RegisterEnvelopeDocument (POST, answers 200). */
  registerDocument: '/customer/envelopes/documents',
  /** RequestEnvelopeSignature (POST, answers 200). */
  requestSignature: '/customer/envelopes/signatures/request',
  /** SendEnvelope (POST, answers 201). */
  templateTransaction: (templateId: string) =>
    `/customer/envelopes/templates/${encodeURIComponent(templateId)}/transaction`,
} as const;

// ---- CreateHookEnvelope / DeleteHook -------------------------------------------------------

/** The connection's title in GMO Sign (our choice). */
export const CONNECT_NAME = 'dispatch-hub completion callback';

/** CreateHookEnvelope body: all three fields are required; `Completed` is the definition's default event. */
export const connectBody = (url: string) => ({
  name: CONNECT_NAME,
  urlToPublishTo: url,
  envelopeEvents: 'Completed',
});

/** CreateHookEnvelope answer (201) and DeleteHook answer (200). */
export interface GmoConnectAnswer {
  cus_id?: string;
  connect_id?: string;
  envelopeEvents?: string;
  urlToPublishTo?: string;
  connectionName?: string;
  created_at?: string;
  updated_at?: string;
}

/** The callback body (the definition's notification content of /customer/connect). */
export interface GmoCallbackBody {
  document_list?: { documentId?: string; document_name?: string }[];
  envelope_name?: string;
  envelope_xid?: string;
}

export function completionNoticeOf(body: GmoCallbackBody & { envelope_name: string }): CompletionNotice {
  const documentIds = (body.document_list ?? [])
    .map((d) => d.documentId)
    .filter((id): id is string => Boolean(id));
  return {
    envelopeName: body.envelope_name,
    ...(body.envelope_xid ? { envelopeId: body.envelope_xid } : {}),
    ...(documentIds.length ? { documentIds } : {}),
  };
}

// ---- GetDocuments ---------------------------------------------------------------------------

/** GetDocuments query: both integers and required; the definition's defaults, its only values. */
export const DOWNLOAD_QUERY = { download_type: 2, operation: 1 } as const;

/** GetDocuments answer: the document base64-encoded (`format: byte`). */
export interface GmoDocumentAnswer {
  downloadedDocument?: string;
}

// ---- RegisterEnvelopeDocument ---------------------------------------------------------------

/**
 * The code the hub gives the document (RegisterEnvelopeDocument `document_code`, used again in
 * RequestEnvelopeSignature's `document_list`): the envelope name, so a registration repeated
 * after a lost answer names the same document.
 */
export const documentCodeOf = (envelopeName: string) => envelopeName;

/**
 * RegisterEnvelopeDocument body: `document` is required; `reuse_flag` has the single value 1.
 * ASSUMED: the definition types `document` as binary inside a JSON body; the bytes go base64.
 */
export const registerDocumentBody = (documentCode: string, pdf: Buffer) => ({
  document: pdf.toString('base64'),
  document_code: documentCode,
  reuse_flag: 1,
});

/** RegisterEnvelopeDocument answer. */
export interface GmoRegisterAnswer {
  status?: string;
  result?: string;
  message?: string;
  document_code?: string;
}

// ---- RequestEnvelopeSignature ---------------------------------------------------------------

/** InHouseSignerList `sign_type`: 1 personal seal type, 2 contract seal type (our choice: 2, no certificate needed). */
export const IN_HOUSE_SIGN_TYPE = 2;
/** PartnerSignerList `sign_type`: 0 digital, 1 e-sign, 3 in person (our choice: 1, e-sign by e-mail). */
export const PARTNER_SIGN_TYPE = 1;
/** Per-signer document lists `request_type`: "1" sign, "2" check the document, "3" not sent. */
export const REQUEST_TYPE_SIGN = '1';
/** `is_web_hook` and `is_detailed_response`: 1 = yes. */
const YES = 1;

type SendParties = Pick<EnvelopeToSend, 'envelopeName' | 'ourSigners' | 'partnerSigners' | 'approvers'>;

/**
 * RequestEnvelopeSignature body. Required: envelope_name, document_list, is_detailed_response.
 * Signers' `order_no` is a string, the approvers' an integer; the in-house list has no name (only
 * the e-mail); each signer gets the document through the per-signer document list, whose
 * `signer_no` repeats the signer's e-mail.
 */
export function signatureRequestBody(envelope: SendParties & { documentName: string }, documentCode: string) {
  const documentsOf = (signers: { email: string }[]) =>
    signers.map((s) => ({
      signer_no: s.email,
      document_code: documentCode,
      request_type: REQUEST_TYPE_SIGN,
    }));
  return {
    envelope_name: envelope.envelopeName,
    document_list: [{ document_code: documentCode, document_name: envelope.documentName }],
    is_detailed_response: YES,
    is_web_hook: YES,
    ...(envelope.ourSigners.length
      ? {
          our_signer_list: envelope.ourSigners.map((s, i) => ({
            order_no: String(i + 1),
            sign_type: IN_HOUSE_SIGN_TYPE,
            email: s.email,
          })),
          in_house_signer_envelope_documents_list: documentsOf(envelope.ourSigners),
        }
      : {}),
    ...(envelope.partnerSigners.length
      ? {
          partner_signer_list: envelope.partnerSigners.map((s, i) => ({
            order_no: String(i + 1),
            sign_type: PARTNER_SIGN_TYPE,
            name: s.name,
            email: s.email,
            ...(s.organization ? { organize_name: s.organization } : {}),
          })),
          partner_signer_document_list: documentsOf(envelope.partnerSigners),
        }
      : {}),
    ...(envelope.approvers.length
      ? {
          approver_list: envelope.approvers.map((a, i) => ({
            order_no: i + 1,
            name: a.name,
            email: a.email,
          })),
        }
      : {}),
  };
}

/** A document in RequestEnvelopeSignature's and SendEnvelope's answers (`control_number`: "Document ID"). */
export interface GmoDocument {
  document_name?: string;
  control_number?: string;
}

/** RequestEnvelopeSignature answer (with is_detailed_response = 1, the documents' control numbers). */
export interface GmoSignatureAnswer {
  status?: string;
  result?: string;
  message?: string;
  envelope_xid?: string;
  document_list?: GmoDocument[];
}

// ---- SendEnvelope ---------------------------------------------------------------------------

/** reqSigner `signer_type`: 1 in-house, 2 counterparty. */
export const SIGNER_TYPE = { inHouse: 1, counterparty: 2 } as const;
/** reqSigner `sign_type`: 0 digital signature, 1 e-signature (our choice: 1). */
export const TEMPLATE_SIGN_TYPE = 1;

/**
 * SendEnvelope body. Required: envelope_name, signer_list (each with signer_type and
 * sign_type), is_web_hook. In-house signers first, then the counterparty, numbered in that order;
 * approvers (e.g. the sales rep on an individual contract) approve before anyone signs.
 */
export function templateSendBody(envelope: SendParties) {
  const signers = [
    ...envelope.ourSigners.map((s) => ({ ...s, signer_type: SIGNER_TYPE.inHouse })),
    ...envelope.partnerSigners.map((s) => ({ ...s, signer_type: SIGNER_TYPE.counterparty })),
  ];
  return {
    envelope_name: envelope.envelopeName,
    is_web_hook: YES,
    signer_list: signers.map((s, i) => ({
      signer_type: s.signer_type,
      sign_type: TEMPLATE_SIGN_TYPE,
      order_no: String(i + 1),
      name: s.name,
      email: s.email,
      ...(s.organization ? { organize_name: s.organization } : {}),
    })),
    ...(envelope.approvers.length
      ? {
          approver_list: envelope.approvers.map((a, i) => ({
            order_no: String(i + 1),
            name: a.name,
            email: a.email,
          })),
        }
      : {}),
  };
}

/** SendEnvelope answer (201). */
export interface GmoSendEnvelopeAnswer {
  envelope_xid?: string;
  envelope_status?: string;
  document_list?: GmoDocument[];
  signer_list?: Record<string, string>[];
}

/**
 * The envelope the answer names, with its documents' ids. ASSUMED: a document's
 * `control_number` ("Document ID") is the `documentId` GetDocuments takes and the callback names.
 */
export function sentEnvelopeOf(answer: GmoSignatureAnswer | GmoSendEnvelopeAnswer): SentEnvelope | undefined {
  if (!answer.envelope_xid) return undefined;
  return {
    envelopeId: answer.envelope_xid,
    documentIds: (answer.document_list ?? [])
      .map((d) => d.control_number)
      .filter((id): id is string => Boolean(id)),
  };
}
