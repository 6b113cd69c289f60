/** The scheduled dispatcher handler: rounds until the outbox is drained. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordPhoneInquiry } from '../core/inquiries/record-phone-inquiry.js';
import { ordersApp } from '../integrations/kintone/app-definitions.js';
import { type KintoneSandbox, startKintoneSandbox } from '../integrations/kintone/kintone.sandbox.js';
import { KintoneAppAdapter } from '../integrations/kintone/kintone-app.adapter.js';
import { KintoneRequestBudget } from '../integrations/kintone/kintone-request-budget.js';
import { hubDeps, phoneInquiry, salesTokyo, seedDirectory } from '../test/support/builders.js';
import { createTestLedger, type TestLedger } from '../test/support/ledger.js';
import { makeHandler } from './kintone-outbox.handler.js';
import { createLogger } from './shared/logger.js';

let t: TestLedger;
let sandbox: KintoneSandbox;
beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger);
  sandbox = await startKintoneSandbox();
});
afterAll(() => sandbox.stop());

it('delivers the whole outbox in rounds of the batch size', async () => {
  const hub = hubDeps(t.ledger);
  for (let i = 0; i < 23; i += 1)
    await recordPhoneInquiry(hub, salesTokyo, phoneInquiry({ company: `株式会社ラウンド${i}` }));
  hub.clock.advance(1000);
  const budget = new KintoneRequestBudget({
    maxConcurrent: 10,
    dailyQuotaPerApp: 10_000,
    warnAt: 0.8,
    clock: hub.clock,
    onQuotaWarning: () => undefined,
  });
  const handler = makeHandler({
    hub,
    kintone: {
      ordersApp: new KintoneAppAdapter(
        ordersApp,
        '1',
        sandbox.tokens['1'] as string,
        {
          baseUrl: sandbox.url,
          socketTimeoutMs: 2000,
          retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
        },
        budget,
      ),
      outboxRetry: { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000 },
    },
    logger: createLogger('test'),
    batchSize: 10,
  });
  expect(await handler({}, { getRemainingTimeInMillis: () => 300_000 })).toEqual({
    delivered: 23,
    retrying: 0,
    failed: 0,
  });
  expect(await handler({})).toEqual({ delivered: 0, retrying: 0, failed: 0 });
});
