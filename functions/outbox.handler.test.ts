/** The scheduled outbox handler: rounds until the kintone and mail outboxes are drained. */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { recordPhoneInquiry } from '../core/inquiries/record-phone-inquiry.js';
import { type KintoneSandbox, startKintoneSandbox } from '../integrations/kintone/kintone.sandbox.js';
import { localMailTransport } from '../integrations/mail/local-mail.transport.js';
import { hubDeps, phoneInquiry, salesTokyo, seedDirectory } from '../test/support/builders.js';
import { sandboxKintoneApps } from '../test/support/kintone.js';
import { createTestLedger, type TestLedger } from '../test/support/ledger.js';
import { makeHandler } from './outbox.handler.js';
import { createLogger } from './shared/logger.js';
import { createMetrics, HUB_METRICS } from './shared/metrics.js';

let t: TestLedger;
let sandbox: KintoneSandbox;
beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger);
  sandbox = await startKintoneSandbox();
});
afterAll(() => sandbox.stop());

it('delivers both outboxes in rounds of the batch size', async () => {
  const hub = hubDeps(t.ledger);
  for (let i = 0; i < 23; i += 1)
    await recordPhoneInquiry(
      hub,
      salesTokyo,
      phoneInquiry({ company: `株式会社ラウンド${i}`, department: i < 12 ? 'SALES_OSAKA' : 'SALES_TOKYO' }),
    );
  hub.clock.advance(1000);
  const handler = makeHandler({
    hub,
    kintone: {
      ordersApp: sandboxKintoneApps(sandbox, { clock: hub.clock, maxAttempts: 2 }).orders,
      visitRecordsApp: sandboxKintoneApps(sandbox, { clock: hub.clock, maxAttempts: 2 }).visits,
      outboxRetry: { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000 },
    },
    mail: {
      mailTransport: localMailTransport,
      mailRetry: { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000 },
    },
    logger: createLogger('test'),
    batchSize: 10,
  });
  // sales-tokyo-1 shared 12 of the 23 with SALES_OSAKA: its manager gets 12 e-mails.
  expect(await handler({}, { getRemainingTimeInMillis: () => 300_000 })).toEqual({
    deadlines: {
      firstContacts: { escalated: 0, skipped: 0 },
      visitRecords: { escalated: 0, skipped: 0 },
      contractExecutions: { escalated: 0, skipped: 0 },
      individualContractTerms: { escalated: 0, skipped: 0 },
    },
    restarted: 0,
    kintone: { delivered: 23, retrying: 0, failed: 0, held: 0 },
    mail: { sent: 12, retrying: 0, failed: 0 },
  });
  expect(await handler({})).toEqual({
    deadlines: {
      firstContacts: { escalated: 0, skipped: 0 },
      visitRecords: { escalated: 0, skipped: 0 },
      contractExecutions: { escalated: 0, skipped: 0 },
      individualContractTerms: { escalated: 0, skipped: 0 },
    },
    restarted: 0,
    kintone: { delivered: 0, retrying: 0, failed: 0, held: 0 },
    mail: { sent: 0, retrying: 0, failed: 0 },
  });
});

it('publishes the entries given up for good and the age of the oldest open approval', async () => {
  const hub = hubDeps(t.ledger);
  const openedAt = new Date(hub.clock.now().getTime() - 50 * 3_600_000).toISOString();
  await t.ledger.commit(
    [
      {
        entity: {
          type: 'APPROVAL_TASK',
          value: {
            taskId: 'tsk_metrics_MANAGER',
            applicationId: 'app_metrics',
            applicationType: 'CREDIT_PRECHECK',
            clientId: 'cli_metrics',
            applicantId: salesTokyo.userId,
            step: 'MANAGER',
            pool: { role: 'MANAGER', department: 'SALES_TOKYO' },
            status: 'OPEN',
            taskToken: 'token',
            openedAt,
            version: 1,
          },
        },
      },
    ],
    [],
  );
  const metrics = createMetrics('test');
  const added = vi.spyOn(metrics, 'addMetric');
  const published = vi.spyOn(metrics, 'publishStoredMetrics').mockImplementation(() => metrics);
  const handler = makeHandler({
    hub,
    kintone: {
      ordersApp: sandboxKintoneApps(sandbox, { clock: hub.clock, maxAttempts: 2 }).orders,
      visitRecordsApp: sandboxKintoneApps(sandbox, { clock: hub.clock, maxAttempts: 2 }).visits,
      outboxRetry: { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000 },
    },
    mail: {
      mailTransport: localMailTransport,
      mailRetry: { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000 },
    },
    logger: createLogger('test'),
    batchSize: 10,
    metrics,
  });
  await handler({});
  expect(added.mock.calls).toEqual([
    [HUB_METRICS.outboxGaveUp, 'Count', 0],
    [HUB_METRICS.oldestOpenApprovalAgeHours, 'Count', 50],
  ]);
  expect(published).toHaveBeenCalledOnce();
});
