/**
 * SesMailTransport: e-mail through Amazon SES (v2 SendEmail) from the configured identity,
 * with a per-attempt timeout and the SDK's bounded retries for retryable errors only.
 * Rejections (unverified sender, bad address) are final; throttling and 5xx are retryable.
 */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { MailMessage } from '../../core/mail/mail-message.js';
import type { MailTransport } from '../../core/mail/mail-transport.js';
import { awsIntegrationError, awsRequestHandler } from '../shared/aws-sdk.js';

export interface SesMailSettings {
  region: string;
  fromAddress: string;
  /** A local SES stand-in for tests; absent on AWS. */
  endpoint?: string;
  requestTimeoutMs?: number;
}

export class SesMailTransport implements MailTransport {
  private readonly client: SESv2Client;

  constructor(private readonly settings: SesMailSettings) {
    this.client = new SESv2Client({
      region: settings.region,
      maxAttempts: 3,
      requestHandler: awsRequestHandler(settings.requestTimeoutMs ?? 5000, 2000),
      ...(settings.endpoint
        ? { endpoint: settings.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
    });
  }

  async deliver(message: MailMessage): Promise<{ providerMessageId: string }> {
    try {
      const out = await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: this.settings.fromAddress,
          Destination: { ToAddresses: message.to, ...(message.cc.length ? { CcAddresses: message.cc } : {}) },
          Content: {
            Simple: {
              Subject: { Data: message.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
            },
          },
          EmailTags: [{ Name: 'template', Value: message.template }],
        }),
      );
      return { providerMessageId: out.MessageId ?? 'unknown' };
    } catch (error) {
      throw awsIntegrationError('ses', 'sendEmail', error);
    }
  }
}
