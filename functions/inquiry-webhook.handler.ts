/**
 * `POST /webhooks/inquiry`: the website form (A1-1). Authenticated by HMAC signature; 2xx only
 * after the inquiry is durably stored; the same `submissionId` again gets the first answer.
 * Nothing is written for a request that fails any check.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { IntegrationError, ValidationError } from '../core/errors.js';
import type { HubDeps } from '../core/hub.js';
import { receiveWebInquiry } from '../core/inquiries/receive-web-inquiry.js';
import { lambdaHandler } from './shared/lambda-handler.js';
import { json } from './shared/webhook-response.js';
import { verifyWebhookSignature } from './shared/webhook-signature.js';

export interface InquiryWebhookDeps {
  hub: HubDeps;
  /** The shared secret; a function so it can be fetched (and cached) from Secrets Manager. */
  secret: () => Promise<string>;
  logger: Logger;
  replayWindowSeconds: number;
  maxBodyBytes: number;
}

export function makeHandler(deps: InquiryWebhookDeps) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const raw = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
    if (raw.length > deps.maxBodyBytes) {
      deps.logger.warn('inquiry webhook rejected', { reason: 'TOO_LARGE', bytes: raw.length });
      return json(413, {
        error: 'PAYLOAD_TOO_LARGE',
        message: `the body must be at most ${deps.maxBodyBytes} bytes`,
      });
    }
    const headers = Object.fromEntries(
      Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    );
    const verdict = verifyWebhookSignature({
      secret: await deps.secret(),
      timestampHeader: headers['x-signature-timestamp'],
      signatureHeader: headers['x-signature'],
      rawBody: raw,
      now: deps.hub.clock.now(),
      windowSeconds: deps.replayWindowSeconds,
    });
    if (!verdict.ok) {
      deps.logger.warn('inquiry webhook rejected', { reason: verdict.reason });
      return json(401, { error: verdict.reason });
    }
    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString('utf8'));
    } catch {
      return json(400, {
        error: 'MALFORMED_JSON',
        fieldErrors: [{ path: 'body', message: 'must be a JSON object' }],
      });
    }
    try {
      const receipt = await receiveWebInquiry(deps.hub, payload);
      deps.logger.info('inquiry webhook accepted', {
        inquiryId: receipt.body.inquiryId,
        duplicate: receipt.duplicate,
      });
      return json(receipt.status, receipt.body);
    } catch (error) {
      if (error instanceof ValidationError) {
        deps.logger.warn('inquiry webhook rejected', {
          reason: 'VALIDATION',
          fields: error.fieldErrors.map((f) => f.path),
        });
        return json(400, { error: 'VALIDATION_FAILED', fieldErrors: error.fieldErrors });
      }
      deps.logger.error('inquiry webhook failed', { error: error as Error });
      // 503 asks the form service to deliver again; the submissionId keeps that safe.
      const retryable = error instanceof IntegrationError && error.retryable;
      return json(retryable ? 503 : 500, { error: retryable ? 'TRY_AGAIN' : 'INTERNAL_ERROR' });
    }
  };
}

/** The deployed entry point: the signing secret from Secrets Manager, the rest from the environment. */
export const handler = lambdaHandler({
  kind: 'http',
  secrets: ['INQUIRY_WEBHOOK_SECRET_ARN'],
  compose: async ({ config, env, logger, secrets }) =>
    makeHandler({
      hub: (await import('./composition.js')).createHubDeps(config, env),
      secret: async () => secrets.INQUIRY_WEBHOOK_SECRET_ARN,
      logger,
      replayWindowSeconds: config.WEBHOOK_REPLAY_WINDOW_SECONDS,
      maxBodyBytes: config.WEBHOOK_MAX_BODY_BYTES,
    }),
});
