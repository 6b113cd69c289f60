/** The scheduled dispatcher handler: rounds until the outbox is drained. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordPhoneInquiry } from '../core/inquiries/record-phone-inquiry.js';
import { type KintoneSandbox, startKintoneSandbox } from '../integrations/kintone/kintone.sandbox.js';
import { hubDeps, phoneInquiry, salesTokyo, seedDirectory } from '../test/support/builders.js';
import { sandboxOrdersApp } from '../test/support/kintone.js';
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
  const handler = makeHandler({
    hub,
    kintone: {
      ordersApp: sandboxOrdersApp(sandbox, { clock: hub.clock, maxAttempts: 2 }).orders,
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
