/**
 * In-memory e-signature service for `core/` unit tests only. `loseNextAnswer` makes the next
 * send create the envelope and then fail as if the answer was lost; `failNextWith` fails a call
 * before anything happens.
 */
import { createHash } from 'node:crypto';
import { IntegrationError } from '../errors.js';
import type {
  EnvelopeInfo,
  EnvelopeRequest,
  SignatureService,
  SignedDocument,
} from '../signing/signature-service.js';

export class InMemorySignatureService implements SignatureService {
  readonly envelopes = new Map<string, EnvelopeInfo & { pdf: Buffer }>();
  loseNextAnswer = false;
  failNextWith: Error | undefined;
  sends = 0;
  webhooks: string[] = [];

  async send(request: EnvelopeRequest) {
    this.sends += 1;
    if (this.failNextWith) {
      const error = this.failNextWith;
      this.failNextWith = undefined;
      throw error;
    }
    const envelopeId = `env-${this.envelopes.size + 1}`;
    this.envelopes.set(envelopeId, {
      envelopeId,
      envelopeName: request.envelopeName,
      status: 'SENT',
      documentIds: [`doc-${envelopeId}`],
      pdf:
        'pdfBase64' in request
          ? Buffer.from(request.pdfBase64, 'base64')
          : Buffer.from(`template ${request.templateId}`),
    });
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new IntegrationError({
        system: 'gmosign',
        operation: 'requestSignatures',
        retryable: true,
        message: 'socket hang up',
      });
    }
    return { envelopeId, documentIds: [`doc-${envelopeId}`] };
  }

  async findEnvelope(envelopeName: string) {
    const found = [...this.envelopes.values()].find((e) => e.envelopeName === envelopeName);
    if (!found) return undefined;
    const { pdf: _pdf, ...info } = found;
    return info;
  }

  /** Completes an envelope as its signers would. */
  sign(envelopeId: string) {
    const envelope = this.envelopes.get(envelopeId);
    if (envelope) envelope.status = 'COMPLETED';
  }

  async downloadSigned(documentId: string): Promise<SignedDocument> {
    const envelope = [...this.envelopes.values()].find((e) => e.documentIds.includes(documentId));
    if (envelope?.status !== 'COMPLETED') {
      throw new IntegrationError({
        system: 'gmosign',
        operation: 'downloadSigned',
        retryable: false,
        message: 'not signed',
      });
    }
    return {
      pdf: envelope.pdf,
      size: envelope.pdf.length,
      sha256: createHash('sha256').update(envelope.pdf).digest('hex'),
    };
  }

  async registerCompletionWebhook(url: string) {
    this.webhooks.push(url);
  }
}
