/**
 * kintone on AWS: the apps' API tokens (and the webhook's path secret) from one secret
 * {ordersApiToken, visitsApiToken, webhookSecret?}, read at cold start, never logged; the base
 * URL and app ids from the environment (KINTONE_MODE=live).
 */
import { z } from 'zod';
import type { Clock } from '../core/clock.js';
import {
  createKintoneApps,
  type KintoneApps,
  kintoneSettings,
  liveTarget,
} from '../integrations/kintone/kintone-config.js';
import { cachedSecret } from './composition.js';

const tokens = z.object({
  ordersApiToken: z.string().min(1),
  visitsApiToken: z.string().min(1),
  webhookSecret: z.string().min(16).optional(),
});

export async function kintoneFromSecret(
  region: string,
  env: Record<string, string | undefined>,
  clock: Clock,
  warn: (message: string, details: Record<string, unknown>) => void,
): Promise<{ apps: KintoneApps; appIds: { orders: string; visits: string }; webhookSecret?: string }> {
  const secretArn = env.KINTONE_SECRET_ARN;
  if (!secretArn) throw new Error('invalid configuration: KINTONE_SECRET_ARN: is required');
  const parsed = tokens.safeParse(JSON.parse(await cachedSecret(region, secretArn)()));
  if (!parsed.success) {
    // Name the keys, never the values.
    throw new Error(
      `invalid kintone secret: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')} missing or malformed`,
    );
  }
  const settings = kintoneSettings({
    ...env,
    KINTONE_MODE: 'live',
    KINTONE_ORDERS_API_TOKEN: parsed.data.ordersApiToken,
    KINTONE_VISITS_API_TOKEN: parsed.data.visitsApiToken,
  });
  const target = liveTarget(settings);
  return {
    apps: createKintoneApps(settings, target, clock, warn),
    appIds: { orders: target.orders.appId, visits: target.visits.appId },
    ...(parsed.data.webhookSecret ? { webhookSecret: parsed.data.webhookSecret } : {}),
  };
}
