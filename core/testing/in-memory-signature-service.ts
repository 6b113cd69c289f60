/**
 * In-memory e-signature service for `core/` unit tests only. `loseNextAnswer` makes the next
 * send create the envelope and then fail as if the answer was lost; `failNextWith` fails a call
 * before anything happens. With `offersLookup` (the default) it answers lookups by envelope name,
 * a capability GMO Sign's public definition does not have; without it, it behaves as GMO Sign.
 */
import { createHash } from 'node:crypto';
import { IntegrationError } from '../errors.js';
import type {
  EnvelopeInfo,
  EnvelopeToSend,
  SignatureService,
  SignedDocument,
} from '../signing/signature-service.js';

export class InMemorySignatureService implements SignatureService {
  readonly envelopes = new Map<string, EnvelopeInfo & { pdf: Buffer }>();
  loseNextAnswer = false;
  failNextWith: Error | undefined;
  sends = 0;
  webhooks = new Map<string, string>();
  private connections = 0;
  readonly findEnvelope?: (envelopeName: string) => Promise<EnvelopeInfo | undefined>;

  constructor(options: { offersLookup?: boolean } = {}) {
    if (options.offersLookup ?? true) this.findEnvelope = async (name) => this.envelopeNamed(name);
  }

  async send(envelope: EnvelopeToSend) {
    this.sends += 1;
    if (this.failNextWith) {
      const error = this.failNextWith;
      this.failNextWith = undefined;
      throw error;
    }
    const envelopeId = `env-${this.envelopes.size + 1}`;
    this.envelopes.set(envelopeId, {
      envelopeId,
      envelopeName: envelope.envelopeName,
      status: 'SENT',
      documentIds: [`doc-${envelopeId}`],
      pdf: 'pdf' in envelope ? envelope.pdf : Buffer.from(`template ${envelope.templateId}`),
    });
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new IntegrationError({
        system: 'gmosign',
        operation: 'RequestEnvelopeSignature',
        retryable: true,
        message: 'socket hang up',
      });
    }
    return { envelopeId, documentIds: [`doc-${envelopeId}`] };
  }

  envelopeNamed(envelopeName: string): EnvelopeInfo | undefined {
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
        operation: 'GetDocuments',
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
    this.connections += 1;
    const connectId = `con-${this.connections}`;
    this.webhooks.set(connectId, url);
    return { connectId };
  }

  async deregisterCompletionWebhook(connectId: string) {
    if (!this.webhooks.delete(connectId))
      throw new IntegrationError({
        system: 'gmosign',
        operation: 'DeleteHook',
        retryable: false,
        status: 404,
        message: 'gone',
      });
  }
}
