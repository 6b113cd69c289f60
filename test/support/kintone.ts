/** The orders- and visit-app adapters wired to a kintone sandbox, with test-sized timeouts and back-off. */
import { type Clock, FixedClock } from '../../core/clock.js';
import { ordersApp, visitRecordsApp } from '../../integrations/kintone/app-definitions.js';
import type { KintoneSandbox } from '../../integrations/kintone/kintone.sandbox.js';
import { RestKintoneApp } from '../../integrations/kintone/kintone-app.adapter.js';
import { KintoneRequestBudget } from '../../integrations/kintone/kintone-request-budget.js';

export function sandboxKintoneApps(
  sandbox: KintoneSandbox,
  options: {
    clock?: Clock;
    maxConcurrent?: number;
    dailyQuota?: number;
    maxAttempts?: number;
    onQuotaWarning?: (info: { appId: string; day: string; count: number; quota: number }) => void;
  } = {},
) {
  const budget = new KintoneRequestBudget({
    maxConcurrent: options.maxConcurrent ?? 10,
    dailyQuotaPerApp: options.dailyQuota ?? 10_000,
    warnAt: 0.8,
    clock: options.clock ?? new FixedClock(new Date('2026-11-30T01:00:00Z')),
    onQuotaWarning: options.onQuotaWarning ?? (() => undefined),
  });
  const connection = {
    baseUrl: sandbox.url,
    socketTimeoutMs: 2000,
    retry: { maxAttempts: options.maxAttempts ?? 8, baseDelayMs: 1, maxDelayMs: 10 },
  };
  const orders = new RestKintoneApp(
    ordersApp,
    ordersApp.sandboxAppId,
    sandbox.tokens[ordersApp.sandboxAppId] as string,
    connection,
    budget,
  );
  const visits = new RestKintoneApp(
    visitRecordsApp,
    visitRecordsApp.sandboxAppId,
    sandbox.tokens[visitRecordsApp.sandboxAppId] as string,
    connection,
    budget,
  );
  return { orders, visits, budget };
}
