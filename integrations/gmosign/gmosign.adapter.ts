/**
 * GmoSignSignatureService: the core `SignatureService` over GMO Sign's API as its public definition has it
 * (gmosign-mapping.ts holds every path, body and answer; docs/integrations/gmosign.openapi.json
 * describes them). HTTP Basic with the customer id and secret key on every call. Document
 * registration (the same document code each time), downloads and the callback registration are
 * retried when retryable; the signature request and the template send are made once per call —
 * whether to send again is the signature outbox's decision, never a blind retry here.
 */
import { createHash } from 'node:crypto';
import { IntegrationError } from '../../core/errors.js';
import type {
  EnvelopeToSend,
  SentEnvelope,
  SignatureService,
  SignedDocument,
} from '../../core/signing/signature-service.js';
import { ResilientHttpClient } from '../shared/http-client.js';
import type { RetryPolicy } from '../shared/resilience.js';
import {
  basicAuthorization,
  connectBody,
  DOWNLOAD_QUERY,
  documentCodeOf,
  GMOSIGN_PATHS,
  type GmoConnectAnswer,
  type GmoDocumentAnswer,
  type GmoRegisterAnswer,
  type GmoSendEnvelopeAnswer,
  type GmoSignatureAnswer,
  registerDocumentBody,
  sentEnvelopeOf,
  signatureRequestBody,
  templateSendBody,
} from './gmosign-mapping.js';

export interface GmoSignConnection {
  /** The service's base URL including the definition's base path, e.g. `https://api.gmo-exapi.net/gmosign`. */
  baseUrl: string;
  customerId: string;
  secretKey: string;
  timeoutMs: number;
  retry: RetryPolicy;
}

const ONCE: RetryPolicy = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 };

export class GmoSignSignatureService implements SignatureService {
  private readonly http: ResilientHttpClient;

  constructor(connection: GmoSignConnection) {
    this.http = new ResilientHttpClient({
      system: 'gmosign',
      baseUrl: connection.baseUrl,
      timeoutMs: connection.timeoutMs,
      retry: connection.retry,
      headers: { authorization: basicAuthorization(connection.customerId, connection.secretKey) },
    });
  }

  private unexpected(operation: string, message: string): IntegrationError {
    return new IntegrationError({ system: 'gmosign', operation, retryable: false, message });
  }

  async send(envelope: EnvelopeToSend): Promise<SentEnvelope> {
    let answer: GmoSignatureAnswer | GmoSendEnvelopeAnswer;
    let operation: string;
    if ('templateId' in envelope) {
      operation = 'SendEnvelope';
      answer = await this.http.request<GmoSendEnvelopeAnswer>(
        operation,
        {
          method: 'POST',
          url: GMOSIGN_PATHS.templateTransaction(envelope.templateId),
          data: templateSendBody(envelope),
        },
        { retry: ONCE },
      );
    } else {
      const registered = await this.http.request<GmoRegisterAnswer>('RegisterEnvelopeDocument', {
        method: 'POST',
        url: GMOSIGN_PATHS.registerDocument,
        data: registerDocumentBody(documentCodeOf(envelope.envelopeName), envelope.pdf),
        // A contract PDF of several megabytes, base64 in JSON.
        maxBodyLength: Number.POSITIVE_INFINITY,
      });
      const documentCode = registered.document_code ?? documentCodeOf(envelope.envelopeName);
      operation = 'RequestEnvelopeSignature';
      answer = await this.http.request<GmoSignatureAnswer>(
        operation,
        {
          method: 'POST',
          url: GMOSIGN_PATHS.requestSignature,
          data: signatureRequestBody(envelope, documentCode),
        },
        { retry: ONCE },
      );
    }
    const sent = sentEnvelopeOf(answer);
    if (!sent) throw this.unexpected(operation, 'the answer names no envelope_xid');
    return sent;
  }

  async downloadSigned(documentId: string): Promise<SignedDocument> {
    const answer = await this.http.request<GmoDocumentAnswer>('GetDocuments', {
      method: 'GET',
      url: GMOSIGN_PATHS.document(documentId),
      params: DOWNLOAD_QUERY,
      maxContentLength: Number.POSITIVE_INFINITY,
    });
    if (!answer.downloadedDocument) throw this.unexpected('GetDocuments', 'the answer holds no document');
    const pdf = Buffer.from(answer.downloadedDocument, 'base64');
    return { pdf, size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') };
  }

  async registerCompletionWebhook(url: string): Promise<{ connectId: string }> {
    const answer = await this.http.request<GmoConnectAnswer>('CreateHookEnvelope', {
      method: 'POST',
      url: GMOSIGN_PATHS.connect,
      data: connectBody(url),
    });
    if (!answer.connect_id) throw this.unexpected('CreateHookEnvelope', 'the answer names no connect_id');
    return { connectId: answer.connect_id };
  }

  async deregisterCompletionWebhook(connectId: string): Promise<void> {
    await this.http.request<GmoConnectAnswer>('DeleteHook', {
      method: 'DELETE',
      url: GMOSIGN_PATHS.connection(connectId),
    });
  }
}
