import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { type GStaffSandbox, startGStaffSandbox } from '../integrations/gstaff/gstaff.sandbox.js';
import { HttpGStaff } from '../integrations/gstaff/gstaff-http.adapter.js';
import { hubDeps } from '../test/support/builders.js';
import { createTestLedger, type TestLedger } from '../test/support/ledger.js';
import { makeHandler } from './gstaff-mirror.handler.js';
import { createLogger } from './shared/logger.js';
import { createMetrics, HUB_METRICS } from './shared/metrics.js';

let t: TestLedger;
let sandbox: GStaffSandbox;
beforeAll(async () => {
  t = await createTestLedger();
  sandbox = await startGStaffSandbox();
});
afterAll(() => sandbox.stop());

it('refreshes the mirror on schedule', async () => {
  const gstaff = new HttpGStaff({
    baseUrl: sandbox.url,
    apiKey: sandbox.apiKey,
    timeoutMs: 2000,
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
  });
  const metrics = createMetrics('test');
  const added = vi.spyOn(metrics, 'addMetric');
  vi.spyOn(metrics, 'publishStoredMetrics').mockImplementation(() => metrics);
  const handler = makeHandler({ hub: hubDeps(t.ledger), gstaff, logger: createLogger('test'), metrics });
  expect(await handler()).toEqual({
    clients: { seen: sandbox.clients.size, changed: sandbox.clients.size },
    workers: { seen: 6, changed: 12 },
    links: { linked: 0, registered: 0, needsReview: 0, retryLater: 0 },
  });
  expect(await handler()).toEqual({
    clients: { seen: sandbox.clients.size, changed: 0 },
    workers: { seen: 6, changed: 0 },
    links: { linked: 0, registered: 0, needsReview: 0, retryLater: 0 },
  });
  // One "refreshed" per successful run: the stale-mirror alarm fires when they stop.
  expect(added.mock.calls).toEqual([
    [HUB_METRICS.gstaffMirrorRefreshed, 'Count', 1],
    [HUB_METRICS.gstaffMirrorRefreshed, 'Count', 1],
  ]);
});
