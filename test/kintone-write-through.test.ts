/**
 * Inquiries written through to the kintone orders app via the outbox, against DynamoDB Local
 * and the kintone sandbox over HTTP: a kintone outage only delays the write, nothing is lost
 * or duplicated, and the client shows each record's sync state. Requirements: A1-1, A1-3, X-3.
 */
import { KintoneRestAPIClient } from '@kintone/rest-api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAuditTrail } from '../core/clients/client-queries.js';
import type { FixedClock } from '../core/clock.js';
import { receiveWebInquiry } from '../core/inquiries/receive-web-inquiry.js';
import { recordPhoneInquiry } from '../core/inquiries/record-phone-inquiry.js';
import { routeInquiry } from '../core/inquiries/route-inquiry.js';
import { dispatchKintoneOutbox } from '../core/kintone/dispatch-kintone-outbox.js';
import { kintoneSyncOfClient } from '../core/kintone/kintone-sync-queries.js';
import { type KintoneSandbox, startKintoneSandbox } from '../integrations/kintone/kintone.sandbox.js';
import { hubDeps, marketing, phoneInquiry, salesTokyo, seedDirectory, webForm } from './support/builders.js';
import { sandboxKintoneApps } from './support/kintone.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';

let t: TestLedger;
let sandbox: KintoneSandbox;

beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger);
  sandbox = await startKintoneSandbox();
});
afterAll(() => sandbox.stop());

function deps(maxAttempts = 5) {
  const base = hubDeps(t.ledger);
  const { orders: ordersAdapter, visits } = sandboxKintoneApps(sandbox, {
    clock: base.clock,
    maxAttempts: 2,
  });
  return {
    ...base,
    ordersApp: ordersAdapter,
    visitRecordsApp: visits,
    outboxRetry: { maxAttempts, baseDelayMs: 30_000, maxDelayMs: 600_000 },
  };
}

const kintone = () =>
  new KintoneRestAPIClient({ baseUrl: sandbox.url, auth: { apiToken: sandbox.tokens['1'] as string } });
const recordsOf = async (hubId: string) =>
  (await kintone().record.getRecords({ app: '1', query: `hub_id = "${hubId}"` })).records;

describe('write-through to the kintone orders app', () => {
  it('writes a phone inquiry as an INQUIRY order and shows it synced on the client', async () => {
    const d = deps();
    const inquiry = await recordPhoneInquiry(
      d,
      salesTokyo,
      phoneInquiry({ company: '有限会社カイゼン製作所', message: '検品 3名' }),
    );
    const [pending] = await kintoneSyncOfClient(d, salesTokyo, inquiry.clientId);
    expect(pending).toMatchObject({ state: 'PENDING', attempts: 0, subjectId: inquiry.inquiryId });

    d.clock.advance(2000);
    expect(await dispatchKintoneOutbox(d)).toEqual({ delivered: 1, retrying: 0, failed: 0, held: 0 });
    const [synced] = await kintoneSyncOfClient(d, salesTokyo, inquiry.clientId);
    expect(synced).toMatchObject({ state: 'DONE', attempts: 1, kintoneRecordId: expect.any(String) });
    const [record] = await recordsOf(synced?.hubId as string);
    expect(record).toMatchObject({
      ステータス: { value: 'INQUIRY' },
      client_name: { value: '有限会社カイゼン製作所' },
      channel: { value: 'PHONE' },
      department: { value: 'SALES_TOKYO' },
      inquiry_id: { value: inquiry.inquiryId },
    });
    const trail = await clientAuditTrail(d, salesTokyo, inquiry.clientId, { first: 1 });
    expect(trail.items[0]).toMatchObject({
      operation: 'kintone.orderWritten',
      actor: { kind: 'SYSTEM', name: 'kintone-sync' },
    });
  });

  it('writes a web inquiry once marketing has routed it', async () => {
    const d = deps();
    const receipt = await receiveWebInquiry(d, webForm({ company: '株式会社ルーティング' }));
    const inquiryId = String(receipt.body.inquiryId);
    expect(await dispatchKintoneOutbox(d)).toEqual({ delivered: 0, retrying: 0, failed: 0, held: 0 });
    const routed = await routeInquiry(d, marketing, { inquiryId, department: 'SALES_TOKYO' });
    await dispatchKintoneOutbox(d);
    const [sync] = await kintoneSyncOfClient(d, marketing, routed.clientId);
    expect(sync?.state).toBe('DONE');
    expect((await recordsOf(sync?.hubId as string))[0]).toMatchObject({
      channel: { value: 'WEB' },
      department: { value: 'SALES_TOKYO' },
    });
  });

  it('keeps the inquiry during a kintone outage and writes it once kintone is back, exactly once', async () => {
    const d = deps();
    sandbox.setFaults({ rate: 1, seed: 3, kinds: ['503'] });
    const inquiry = await recordPhoneInquiry(d, salesTokyo, phoneInquiry({ company: '株式会社停電中' }));
    expect(await t.ledger.getInquiry(inquiry.inquiryId)).toBeDefined();

    expect(await dispatchKintoneOutbox(d)).toEqual({ delivered: 0, retrying: 1, failed: 0, held: 0 });
    const [waiting] = await kintoneSyncOfClient(d, salesTokyo, inquiry.clientId);
    expect(waiting).toMatchObject({
      state: 'PENDING',
      attempts: 1,
      lastError: expect.stringContaining('kintone'),
    });
    expect(await dispatchKintoneOutbox(d)).toEqual({ delivered: 0, retrying: 0, failed: 0, held: 0 }); // not due yet

    sandbox.setFaults({ rate: 1, seed: 3, kinds: ['timeout-after-commit'] }); // back, but the answer is lost
    (d.clock as FixedClock).advance(31_000);
    expect(await dispatchKintoneOutbox(d)).toEqual({ delivered: 0, retrying: 1, failed: 0, held: 0 });
    sandbox.setFaults(undefined);
    (d.clock as FixedClock).advance(61_000);
    expect(await dispatchKintoneOutbox(d)).toEqual({ delivered: 1, retrying: 0, failed: 0, held: 0 });
    const [done] = await kintoneSyncOfClient(d, salesTokyo, inquiry.clientId);
    expect(done).toMatchObject({ state: 'DONE', attempts: 3 });
    expect(await recordsOf(done?.hubId as string)).toHaveLength(1);
  });

  it('marks the write FAILED for a person to see after the last attempt', async () => {
    const d = deps(2);
    sandbox.setFaults({ rate: 1, seed: 5, kinds: ['500'] });
    const inquiry = await recordPhoneInquiry(d, salesTokyo, phoneInquiry({ company: '株式会社長期停止' }));
    await dispatchKintoneOutbox(d);
    (d.clock as FixedClock).advance(31_000);
    expect(await dispatchKintoneOutbox(d)).toEqual({ delivered: 0, retrying: 0, failed: 1, held: 0 });
    sandbox.setFaults(undefined);
    const [failed] = await kintoneSyncOfClient(d, salesTokyo, inquiry.clientId);
    expect(failed).toMatchObject({ state: 'FAILED', attempts: 2 });
    const trail = await clientAuditTrail(d, salesTokyo, inquiry.clientId, { first: 1 });
    expect(trail.items[0]?.operation).toBe('kintone.orderWriteFailed');
  });
});
