/**
 * kintone on AWS: the apps' API tokens (and the webhook's path secret) from one secret
 * {ordersApiToken, visitsApiToken, webhookSecret?} (KINTONE_SECRET_ARN), never logged; the base
 * URL and app ids from the environment (KINTONE_MODE=live).
 */
import * as z from 'zod';
import type { Clock } from '../core/clock.js';
import {
  createKintoneApps,
  type KintoneApps,
  kintoneSettings,
  liveTarget,
} from '../integrations/kintone/kintone-config.js';
import { parseSecretJson } from './composition.js';

const tokens = z.object({
  ordersApiToken: z.string().min(1),
  visitsApiToken: z.string().min(1),
  webhookSecret: z.string().min(16).optional(),
});

/** `secret`: the secret's value as the wrapper read it. */
export function kintoneFromSecret(
  secret: string,
  env: Record<string, string | undefined>,
  clock: Clock,
  warn: (message: string, details: Record<string, unknown>) => void,
): { apps: KintoneApps; appIds: { orders: string; visits: string }; webhookSecret?: string } {
  const parsed = parseSecretJson('kintone', secret, tokens);
  const settings = kintoneSettings({
    ...env,
    KINTONE_MODE: 'live',
    KINTONE_ORDERS_API_TOKEN: parsed.ordersApiToken,
    KINTONE_VISITS_API_TOKEN: parsed.visitsApiToken,
  });
  const target = liveTarget(settings);
  return {
    apps: createKintoneApps(settings, target, clock, warn),
    appIds: { orders: target.orders.appId, visits: target.visits.appId },
    ...(parsed.webhookSecret ? { webhookSecret: parsed.webhookSecret } : {}),
  };
}
