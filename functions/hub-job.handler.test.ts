/**
 * The scheduled-job handler on AWS runs the hub's jobs (core/sync/hub-jobs.ts) named in its
 * event, under the same lease as the local host: outbox rounds while time is left, the numbers
 * the alarms watch, a failing job not stopping the next, and nothing it is not deployed for.
 * Requirements.
 */
import { expect, it, vi } from 'vitest';
import { recordPhoneInquiry } from '../core/inquiries/record-phone-inquiry.js';
import type { OrderRecord, VisitRecordEntry } from '../core/kintone/order.js';
import type { HubJobDeps } from '../core/sync/hub-jobs.js';
import type { SyncRun } from '../core/sync/sync-model.js';
import { InMemoryKintoneApp } from '../core/testing/in-memory-kintone-app.js';
import { InMemoryClientLedger } from '../core/testing/in-memory-ledger.js';
import { localMailTransport } from '../integrations/mail/local-mail.transport.js';
import { hubDeps, phoneInquiry, salesTokyo, seedDirectory } from '../test/support/builders.js';
import { type HubJobHandlerDeps, makeHandler } from './hub-job.handler.js';
import { createLogger } from './shared/logger.js';
import { createMetrics, HUB_METRICS } from './shared/metrics.js';

const retry = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 60_000 };

async function setUp(
  overrides: (hub: ReturnType<typeof hubDeps>) => Partial<HubJobHandlerDeps> = () => ({}),
) {
  const ledger = new InMemoryClientLedger();
  await seedDirectory(ledger);
  const hub = hubDeps(ledger);
  const orders = new InMemoryKintoneApp<OrderRecord>(() => hub.clock.now());
  const visits = new InMemoryKintoneApp<VisitRecordEntry>(() => hub.clock.now());
  const jobDeps = {
    ...hub,
    ordersApp: orders,
    visitRecordsApp: visits,
    outboxRetry: retry,
    kintoneApps: { orders, visits },
    mailTransport: localMailTransport,
    mailRetry: retry,
  } as unknown as HubJobDeps;
  const metrics = createMetrics('test');
  const added = vi.spyOn(metrics, 'addMetric');
  vi.spyOn(metrics, 'publishStoredMetrics').mockImplementation(() => metrics);
  const compose = vi.fn(async () => jobDeps);
  const handler = makeHandler({
    compose,
    logger: createLogger('test'),
    metrics,
    leaseMs: 60_000,
    overlapMs: 0,
    allowedJobs: ['deadlines', 'kintone.outbox', 'mail.outbox', 'kintone.orders'],
    ...overrides(hub),
  });
  return { ledger, hub, orders, handler, added, compose };
}

it('runs the jobs of its event, each an outbox in rounds while time is left, and publishes what the alarms watch', async () => {
  const { hub, handler, added, orders } = await setUp();
  for (let i = 0; i < 30; i += 1)
    await recordPhoneInquiry(hub, salesTokyo, phoneInquiry({ company: `株式会社定期${i}` }));
  hub.clock.advance(1000);
  const result = await handler(
    { jobs: ['deadlines', 'kintone.outbox', 'mail.outbox'] },
    { awsRequestId: 'req-1', getRemainingTimeInMillis: () => 300_000 },
  );
  // 30 orders: a full round of 25, then a second round, in one run of the job.
  expect((result['kintone.outbox'] as SyncRun).counts).toMatchObject({ read: 30, updated: 30, failed: 0 });
  expect((result['kintone.outbox'] as SyncRun).status).toBe('SUCCEEDED');
  expect(result.deadlines).toMatchObject({ job: 'deadlines', status: 'SUCCEEDED' });
  expect(Object.keys(result)).toEqual(['deadlines', 'kintone.outbox', 'mail.outbox']);
  expect(orders.records.size).toBe(30);
  const names = added.mock.calls.map(([name]) => name);
  expect(names.filter((n) => n === HUB_METRICS.outboxGaveUp)).toHaveLength(2);
  expect(names).toContain(HUB_METRICS.oldestOpenApprovalAgeHours);
});

it('does one round only when the invocation has no time for another', async () => {
  const { hub, handler } = await setUp();
  for (let i = 0; i < 30; i += 1)
    await recordPhoneInquiry(hub, salesTokyo, phoneInquiry({ company: `株式会社時間切れ${i}` }));
  hub.clock.advance(1000);
  const result = await handler(
    { jobs: ['kintone.outbox'] },
    { awsRequestId: 'req-2', getRemainingTimeInMillis: () => 10_000 },
  );
  expect((result['kintone.outbox'] as SyncRun).counts.read).toBe(25);
});

it('skips a job whose lease another invocation holds, and runs it once that one is done', async () => {
  const { handler } = await setUp();
  const [a, b] = await Promise.all([
    handler({ jobs: ['kintone.orders'] }, { awsRequestId: 'req-a', getRemainingTimeInMillis: () => 300_000 }),
    handler({ jobs: ['kintone.orders'] }, { awsRequestId: 'req-b', getRemainingTimeInMillis: () => 300_000 }),
  ]);
  const outcomes = [a?.['kintone.orders'], b?.['kintone.orders']];
  expect(outcomes.filter((o) => o && 'runId' in o)).toHaveLength(1);
  expect(outcomes.filter((o) => o?.status === 'SKIPPED')).toHaveLength(1);
});

it('goes on with the next job when one fails, then fails the invocation (its on-failure queue is alarmed)', async () => {
  // The reconciliation's kintone adapters are missing (a broken composition): that job fails,
  // the deadline job after it still runs.
  const { handler, added, ledger } = await setUp((hub) => ({
    compose: async () => hub as unknown as HubJobDeps,
  }));
  await expect(
    handler(
      { jobs: ['kintone.orders', 'deadlines'] },
      { awsRequestId: 'req-3', getRemainingTimeInMillis: () => 300_000 },
    ),
  ).rejects.toThrow();
  const [reconciliation] = await ledger.listSyncRuns({ job: 'kintone.orders', limit: 1 });
  expect(reconciliation?.status).toBe('FAILED');
  expect(reconciliation?.errors).toEqual(['TypeError']);
  // The deadline job ran after it (its number is published after it).
  expect(added.mock.calls.map(([name]) => name)).toContain(HUB_METRICS.oldestOpenApprovalAgeHours);
});

it('refuses a job it is not deployed for, a job listed twice and an unknown job, naming the field', async () => {
  const { handler, compose } = await setUp();
  await expect(handler({ jobs: ['gstaff.mirror'] })).rejects.toMatchObject({
    fieldErrors: [{ path: 'event.jobs', message: expect.stringContaining('gstaff.mirror') }],
  });
  await expect(handler({ jobs: ['deadlines', 'deadlines'] })).rejects.toMatchObject({
    fieldErrors: [expect.objectContaining({ path: expect.stringContaining('event.jobs') })],
  });
  await expect(handler({ jobs: ['payroll'] })).rejects.toMatchObject({
    fieldErrors: [expect.objectContaining({ path: expect.stringContaining('event.jobs') })],
  });
  expect(compose).not.toHaveBeenCalled();
});
