/**
 * kintone settings, read once at start-up. `KINTONE_MODE=sandbox` (the default locally) talks
 * to the sandbox the host starts; `live` talks to a real tenant and then requires its base URL,
 * app ids and API tokens, naming any that is missing.
 */
import * as z from 'zod';
import type { Clock } from '../../core/clock.js';
import type { OrdersApp, VisitRecordsApp } from '../../core/kintone/order.js';
import { parseSettings, wholeNumberSetting } from '../../core/validation.js';
import { ordersApp, visitRecordsApp } from './app-definitions.js';
import { RestKintoneApp } from './kintone-app.adapter.js';
import { KintoneRequestBudget } from './kintone-request-budget.js';

const kintoneEnv = z
  .object({
    KINTONE_MODE: z.enum(['sandbox', 'live']).default('sandbox'),
    KINTONE_BASE_URL: z.url().optional(),
    KINTONE_GUEST_SPACE_ID: z.string().regex(/^\d+$/).optional(),
    KINTONE_ORDERS_APP_ID: z.string().regex(/^\d+$/, 'must be the numeric app id').optional(),
    KINTONE_ORDERS_API_TOKEN: z.string().min(1).optional(),
    KINTONE_VISITS_APP_ID: z.string().regex(/^\d+$/, 'must be the numeric app id').optional(),
    KINTONE_VISITS_API_TOKEN: z.string().min(1).optional(),
    KINTONE_SANDBOX_PORT: wholeNumberSetting(0, 65535, 4010),
    KINTONE_MAX_CONCURRENCY: wholeNumberSetting(1, 100, 10),
    KINTONE_DAILY_QUOTA: wholeNumberSetting(1, 1_000_000, 10_000),
    KINTONE_TIMEOUT_MS: wholeNumberSetting(500, 120_000, 10_000),
    KINTONE_RETRY_MAX_ATTEMPTS: wholeNumberSetting(1, 20, 4),
    KINTONE_RETRY_BASE_MS: wholeNumberSetting(1, 60_000, 500),
    KINTONE_RETRY_MAX_MS: wholeNumberSetting(1, 600_000, 8_000),
    OUTBOX_MAX_ATTEMPTS: wholeNumberSetting(1, 100, 12),
    OUTBOX_BASE_DELAY_MS: wholeNumberSetting(100, 3_600_000, 30_000),
    OUTBOX_MAX_DELAY_MS: wholeNumberSetting(1000, 86_400_000, 3_600_000),
  })
  .superRefine((env, ctx) => {
    if (env.KINTONE_MODE !== 'live') return;
    for (const key of [
      'KINTONE_BASE_URL',
      'KINTONE_ORDERS_APP_ID',
      'KINTONE_ORDERS_API_TOKEN',
      'KINTONE_VISITS_APP_ID',
      'KINTONE_VISITS_API_TOKEN',
    ] as const) {
      if (!env[key])
        ctx.addIssue({ code: 'custom', path: [key], message: 'is required when KINTONE_MODE=live' });
    }
  });

export type KintoneSettings = z.output<typeof kintoneEnv>;

export function kintoneSettings(env: Record<string, string | undefined>): KintoneSettings {
  return parseSettings(kintoneEnv, env, 'kintone configuration');
}

export interface KintoneTarget {
  baseUrl: string;
  orders: { appId: string; apiToken: string };
  visits: { appId: string; apiToken: string };
}

/** The live tenant named by the settings (KINTONE_MODE=live). */
export function liveTarget(settings: KintoneSettings): KintoneTarget {
  return {
    baseUrl: settings.KINTONE_BASE_URL as string,
    orders: {
      appId: settings.KINTONE_ORDERS_APP_ID as string,
      apiToken: settings.KINTONE_ORDERS_API_TOKEN as string,
    },
    visits: {
      appId: settings.KINTONE_VISITS_APP_ID as string,
      apiToken: settings.KINTONE_VISITS_API_TOKEN as string,
    },
  };
}

export interface KintoneApps {
  ordersApp: OrdersApp;
  visitRecordsApp: VisitRecordsApp;
  budget: KintoneRequestBudget;
  outboxRetry: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
}

/** Adapters for both apps sharing one request budget (the per-process cap applies to all calls). */
export function createKintoneApps(
  settings: KintoneSettings,
  target: KintoneTarget,
  clock: Clock,
  warn: (message: string, details: Record<string, unknown>) => void,
): KintoneApps {
  const budget = new KintoneRequestBudget({
    maxConcurrent: settings.KINTONE_MAX_CONCURRENCY,
    dailyQuotaPerApp: settings.KINTONE_DAILY_QUOTA,
    warnAt: 0.8,
    clock,
    onQuotaWarning: (info) => warn('kintone daily request quota at 80 %', info),
  });
  const connection = {
    baseUrl: target.baseUrl,
    ...(settings.KINTONE_GUEST_SPACE_ID ? { guestSpaceId: settings.KINTONE_GUEST_SPACE_ID } : {}),
    socketTimeoutMs: settings.KINTONE_TIMEOUT_MS,
    retry: {
      maxAttempts: settings.KINTONE_RETRY_MAX_ATTEMPTS,
      baseDelayMs: settings.KINTONE_RETRY_BASE_MS,
      maxDelayMs: settings.KINTONE_RETRY_MAX_MS,
    },
  };
  const onRetry = (info: { operation: string; attempt: number; delayMs: number }) =>
    warn('kintone call retried', info);
  return {
    ordersApp: new RestKintoneApp(
      ordersApp,
      target.orders.appId,
      target.orders.apiToken,
      connection,
      budget,
      onRetry,
    ),
    visitRecordsApp: new RestKintoneApp(
      visitRecordsApp,
      target.visits.appId,
      target.visits.apiToken,
      connection,
      budget,
      onRetry,
    ),
    budget,
    outboxRetry: {
      maxAttempts: settings.OUTBOX_MAX_ATTEMPTS,
      baseDelayMs: settings.OUTBOX_BASE_DELAY_MS,
      maxDelayMs: settings.OUTBOX_MAX_DELAY_MS,
    },
  };
}
