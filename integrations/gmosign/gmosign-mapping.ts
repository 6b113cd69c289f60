/**
 * Everything the hub assumes about GMO Sign's API, in one file. Paths and payloads marked
 * "connector spec" follow the certified Power Automate connector's OpenAPI definition;
 * everything marked ASSUMED is not in any public source — confirm with GMO's API
 * documentation and change it here (and in the sandbox, which implements the same assumptions).
 */
export const GMOSIGN_PATHS = {
  /** ASSUMED: exchanges the customer id and secret key for an access token living 30 minutes. */
  token: '/auth/token',
  /** connector spec (multipart there; ASSUMED: JSON with the file as base64). */
  registerDocument: '/customer/envelopes/documents',
  /** connector spec. */
  requestSignatures: '/customer/envelopes/signatures/request',
  /** ASSUMED: envelopes by name, used to resolve a send whose outcome is unknown. */
  envelopes: '/customer/envelopes',
  /** connector spec: `GET /customer/documents/{documentId}?download_type=&operation=` (PDF as base64). */
  document: (documentId: string) => `/customer/documents/${encodeURIComponent(documentId)}`,
  /** connector spec: send from a template kept in GMO Sign (answer shape ASSUMED: `{envelope_xid, document_list}`). */
  templateTransaction: (templateId: string) =>
    `/customer/envelopes/templates/${encodeURIComponent(templateId)}/transaction`,
  /** connector spec: completion webhook registration. */
  connect: '/customer/connect',
} as const;

/** ASSUMED: the access token goes in a Bearer Authorization header. */
export const authorizationHeader = (token: string) => ({ authorization: `Bearer ${token}` });

/** ASSUMED token answer. */
export interface GmoTokenResponse {
  access_token: string;
  /** seconds */
  expires_in: number;
}

export interface GmoSignerEntry {
  order_no: number;
  sign_type: number;
  name: string;
  email: string;
  organize_name?: string;
}

/** ASSUMED envelope listing item (names follow the connector's callback body). */
export interface GmoEnvelope {
  envelope_xid: string;
  envelope_name: string;
  /** ASSUMED codes. */
  status: 'SENT' | 'COMPLETED' | 'DECLINED';
  document_list: { documentId: string; document_name: string }[];
}

/** Refresh the token this long before it expires. */
export const TOKEN_REFRESH_MARGIN_MS = 5 * 60 * 1000;
