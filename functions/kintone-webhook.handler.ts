/**
 * `POST /webhooks/kintone/{secret}`: kintone's webhook. kintone signs nothing, so the
 * request is authenticated by a secret in the path (compared in constant time) and treated as a
 * hint: the record is read again by its `$id` and applied through the same upsert as a sync run
 * (`core/sync/receive-kintone-notification.ts`); a notification id already handled does nothing.
 * kintone does not retry, so the answer is 200 once the record is applied; a dropped or failed
 * notification is caught by the next reconciliation.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ValidationError } from '../core/errors.js';
import { receiveKintoneNotification } from '../core/sync/receive-kintone-notification.js';
import type { KintoneSyncDeps } from '../core/sync/reconcile-kintone.js';
import type { SyncedKintoneApp } from '../core/sync/sync-model.js';
import { lambdaHandler } from './shared/lambda-handler.js';
import { json, samePathSecret } from './shared/webhook-response.js';

export interface KintoneWebhookDeps {
  sync: KintoneSyncDeps & { kintoneAppIds: Record<SyncedKintoneApp, string> };
  secret: () => Promise<string>;
  logger: Logger;
  maxBodyBytes?: number;
}

export function makeHandler(deps: KintoneWebhookDeps) {
  const maxBody = deps.maxBodyBytes ?? 262_144;
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const given = decodeURIComponent(event.rawPath.split('/').pop() ?? '');
    if (!samePathSecret(given, await deps.secret())) {
      deps.logger.warn('kintone webhook rejected', { reason: 'BAD_PATH_SECRET' });
      return json(404, { error: 'NOT_FOUND' });
    }
    const raw = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
    if (raw.length > maxBody) return json(413, { error: 'PAYLOAD_TOO_LARGE' });
    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString('utf8'));
    } catch {
      return json(400, { error: 'MALFORMED_JSON' });
    }
    try {
      const result = await receiveKintoneNotification(deps.sync, payload);
      deps.logger.info('kintone webhook handled', {
        status: result.status,
        ...(result.status === 'APPLIED'
          ? { app: result.app, recordId: result.recordId, ...result.counts }
          : {}),
      });
      return json(200, result);
    } catch (error) {
      if (error instanceof ValidationError) {
        deps.logger.warn('kintone webhook rejected', { reason: 'VALIDATION_FAILED' });
        return json(400, { error: 'VALIDATION_FAILED', fieldErrors: error.fieldErrors });
      }
      throw error;
    }
  };
}

/** The deployed entry point: kintone tokens and the path secret from Secrets Manager. */
export const handler = lambdaHandler({
  kind: 'http',
  secrets: ['KINTONE_SECRET_ARN'],
  compose: async ({ config, env, logger, secrets }) => {
    const [{ createHubDeps }, { kintoneFromSecret }] = await Promise.all([
      import('./composition.js'),
      import('./kintone-credentials.js'),
    ]);
    const hub = createHubDeps(config, env);
    const { apps, appIds, webhookSecret } = kintoneFromSecret(
      secrets.KINTONE_SECRET_ARN,
      env,
      hub.clock,
      (message, details) => logger.warn(message, details),
    );
    if (!webhookSecret) throw new Error('invalid kintone secret: webhookSecret missing or malformed');
    return makeHandler({
      sync: {
        ...hub,
        kintoneApps: { orders: apps.ordersApp, visits: apps.visitRecordsApp },
        kintoneAppIds: appIds,
      },
      secret: async () => webhookSecret,
      logger,
    });
  },
});
