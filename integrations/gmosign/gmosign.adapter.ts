/**
 * GmoSignAdapter: the core `SignatureService` over GMO Sign's API (gmosign-mapping.ts holds
 * every path and assumption). The access token is cached and refreshed before its 30 minutes
 * run out (and once more if the service says it expired). Reads and document registration are
 * retried when retryable; the signature request itself is sent once per call — whether to send
 * again is the signature outbox's decision (NEEDS_CONFIRMATION), never a blind retry here.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import { IntegrationError } from '../../core/errors.js';
import type {
  EnvelopeInfo,
  EnvelopeRequest,
  SignatureService,
  SignedDocument,
} from '../../core/signing/signature-service.js';
import { ResilientHttpClient } from '../shared/http-client.js';
import type { RetryPolicy } from '../shared/resilience.js';
import {
  authorizationHeader,
  GMOSIGN_PATHS,
  type GmoEnvelope,
  type GmoTokenResponse,
  TOKEN_REFRESH_MARGIN_MS,
} from './gmosign-mapping.js';

export interface GmoSignConnection {
  baseUrl: string;
  customerId: string;
  secretKey: string;
  timeoutMs: number;
  retry: RetryPolicy;
}

const ONCE: RetryPolicy = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 };

export class GmoSignAdapter implements SignatureService {
  private readonly http: ResilientHttpClient;
  private token: { value: string; expiresAt: number } | undefined;
  private pendingToken: Promise<string> | undefined;
  tokensIssued = 0;

  constructor(
    private readonly connection: GmoSignConnection,
    private readonly clock: Clock,
  ) {
    this.http = new ResilientHttpClient({
      system: 'gmosign',
      baseUrl: connection.baseUrl,
      timeoutMs: connection.timeoutMs,
      retry: connection.retry,
    });
  }

  private async accessToken(): Promise<string> {
    const now = this.clock.now().getTime();
    if (this.token && now < this.token.expiresAt - TOKEN_REFRESH_MARGIN_MS) return this.token.value;
    // One refresh at a time, shared by concurrent callers.
    this.pendingToken ??= this.http
      .request<GmoTokenResponse>('token', {
        method: 'POST',
        url: GMOSIGN_PATHS.token,
        data: { customer_id: this.connection.customerId, secret_key: this.connection.secretKey },
      })
      .then((answer) => {
        this.tokensIssued += 1;
        this.token = {
          value: answer.access_token,
          expiresAt: this.clock.now().getTime() + answer.expires_in * 1000,
        };
        return answer.access_token;
      })
      .finally(() => {
        this.pendingToken = undefined;
      });
    return this.pendingToken;
  }

  /** A call with the token; when the service says the token expired, one fresh token and one more try. */
  private async call<T>(
    operation: string,
    config: Parameters<ResilientHttpClient['request']>[1],
    retry?: RetryPolicy,
  ): Promise<T> {
    const attempt = async () =>
      this.http.request<T>(
        operation,
        { ...config, headers: { ...config.headers, ...authorizationHeader(await this.accessToken()) } },
        retry ? { retry } : {},
      );
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof IntegrationError && error.status === 401) {
        this.token = undefined;
        return attempt();
      }
      throw error;
    }
  }

  async send(request: EnvelopeRequest): Promise<{ envelopeId: string; documentIds: string[] }> {
    const signer = (s: EnvelopeRequest['ourSigners'][number], order: number) => ({
      order_no: order + 1,
      sign_type: 0,
      name: s.name,
      email: s.email,
      ...(s.organization ? { organize_name: s.organization } : {}),
    });
    const parties = {
      envelope_name: request.envelopeName,
      our_signer_list: request.ourSigners.map(signer),
      partner_signer_list: request.partnerSigners.map(signer),
      approver_list: request.approvers.map(signer),
      is_web_hook: 1,
    };
    if ('templateId' in request) {
      // Sent once per call, like the signature request below.
      const sent = await this.call<{ envelope_xid: string; document_list: { document_id: string }[] }>(
        'sendFromTemplate',
        { method: 'POST', url: GMOSIGN_PATHS.templateTransaction(request.templateId), data: parties },
        ONCE,
      );
      return { envelopeId: sent.envelope_xid, documentIds: sent.document_list.map((d) => d.document_id) };
    }
    const { document_id } = await this.call<{ document_id: string }>('registerDocument', {
      method: 'POST',
      url: GMOSIGN_PATHS.registerDocument,
      data: {
        document_code: request.envelopeName,
        reuse_flag: 0,
        file_name: request.documentName,
        file: request.pdfBase64,
      },
    });
    const { envelope_xid } = await this.call<{ envelope_xid: string }>(
      'requestSignatures',
      {
        method: 'POST',
        url: GMOSIGN_PATHS.requestSignatures,
        data: { ...parties, document_list: [{ document_id }] },
      },
      ONCE,
    );
    return { envelopeId: envelope_xid, documentIds: [document_id] };
  }

  async findEnvelope(envelopeName: string): Promise<EnvelopeInfo | undefined> {
    const { envelopes } = await this.call<{ envelopes: GmoEnvelope[] }>('findEnvelope', {
      method: 'GET',
      url: GMOSIGN_PATHS.envelopes,
      params: { envelope_name: envelopeName },
    });
    const found = envelopes.find((e) => e.envelope_name === envelopeName);
    return found
      ? {
          envelopeId: found.envelope_xid,
          envelopeName: found.envelope_name,
          status: found.status,
          documentIds: found.document_list.map((d) => d.documentId),
        }
      : undefined;
  }

  async registerCompletionWebhook(url: string): Promise<void> {
    await this.call('registerCompletionWebhook', {
      method: 'POST',
      url: GMOSIGN_PATHS.connect,
      data: { url, envelopeEvents: 'Completed' },
    });
  }

  async downloadSigned(documentId: string): Promise<SignedDocument> {
    const answer = await this.call<{ status: string; file: string }>('downloadSigned', {
      method: 'GET',
      url: GMOSIGN_PATHS.document(documentId),
      params: { download_type: 'signed', operation: 'download' },
    });
    if (answer.status !== 'COMPLETED') {
      throw new IntegrationError({
        system: 'gmosign',
        operation: 'downloadSigned',
        retryable: false,
        message: `document not signed yet (${answer.status})`,
      });
    }
    const pdf = Buffer.from(answer.file, 'base64');
    return { pdf, size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') };
  }
}
