/**
 * The G-Staff mirror in the ledger, refreshed from the sandbox over HTTP and from a Shift_JIS
 * CSV export, and the facts it gives about a client (A1-5). DynamoDB Local.
 */
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GSTAFF_MIRROR_TRAIL,
  mirrorGStaffClients,
  refreshGStaffMirror,
} from '../core/gstaff/gstaff-mirror.js';
import { gstaffFactsOfClient, gstaffRegisterByName } from '../core/gstaff/gstaff-queries.js';
import { linkClientsToGStaff } from '../core/gstaff/link-clients-to-gstaff.js';
import { refreshWorkerRegisterMirror } from '../core/gstaff/worker-register-mirror.js';
import { recordPhoneInquiry } from '../core/inquiries/record-phone-inquiry.js';
import { type GStaffSandbox, startGStaffSandbox } from '../integrations/gstaff/gstaff.sandbox.js';
import { parseGStaffClientCsv } from '../integrations/gstaff/gstaff-csv-import.js';
import { HttpGStaff } from '../integrations/gstaff/gstaff-http.adapter.js';
import { hubDeps, marketing, phoneInquiry, salesTokyo, seedDirectory } from './support/builders.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';

let t: TestLedger;
let sandbox: GStaffSandbox;
beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger);
  sandbox = await startGStaffSandbox();
});
afterAll(() => sandbox.stop());

const deps = () => ({
  ...hubDeps(t.ledger),
  gstaff: new HttpGStaff({
    baseUrl: sandbox.url,
    apiKey: sandbox.apiKey,
    timeoutMs: 2000,
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
  }),
});

describe('G-Staff mirror', () => {
  it('copies the register, skips what did not change, and picks up changes', async () => {
    const d = deps();
    const first = await refreshGStaffMirror(d);
    expect(first.changed).toBe(first.seen);
    expect(await refreshGStaffMirror(d)).toEqual({ seen: first.seen, changed: 0 });

    const g = sandbox.clients.get('G-1003');
    sandbox.clients.set('G-1003', {
      ...(g as NonNullable<typeof g>),
      rishokuritsu: 0.2,
      koushinNichiji: '2026-11-29T00:00:00.000Z',
    });
    expect((await refreshGStaffMirror(d)).changed).toBe(1);
    const [mirrored] = await gstaffRegisterByName(d, marketing, 'サンプル食品');
    expect(mirrored).toMatchObject({ gstaffClientId: 'G-1003', turnoverRate: 0.2, version: 2 });
    const trail = await t.ledger.listAuditTrail(GSTAFF_MIRROR_TRAIL, 10);
    expect(trail.items.map((e) => e.operation)).toContain('gstaff.mirrorRefresh');
  });

  it('shows a client’s G-Staff facts, confirmed by a second key', async () => {
    const d = deps();
    await refreshGStaffMirror(d);
    const inquiry = await recordPhoneInquiry(
      d,
      salesTokyo,
      phoneInquiry({ company: '株式会社みなと物流', phone: '03-1234-5678' }),
    );
    const [fact] = await gstaffFactsOfClient(d, salesTokyo, inquiry.clientId);
    expect(fact).toMatchObject({
      match: 'CONFIRMED',
      record: {
        gstaffClientId: 'G-1001',
        turnoverRate: 0.12,
        conflictDates: expect.arrayContaining([
          { establishment: '品川第一倉庫', conflictDate: '2027-03-31' },
        ]),
      },
    });
    const other = await recordPhoneInquiry(
      d,
      salesTokyo,
      phoneInquiry({ company: '有限会社テスト製作所', phone: '045-000-0000' }),
    );
    expect((await gstaffFactsOfClient(d, salesTokyo, other.clientId)).map((f) => f.match)).toEqual([
      'NAME_ONLY',
    ]);
  });

  it('refreshes from a Shift_JIS CSV export when the API is not available', async () => {
    const d = deps();
    const csv = iconv.encode(
      '顧客コード,顧客名,法人番号,電話番号,取引状態,離職率,抵触日,過去トラブル,更新日時\r\nC-9001,株式会社シーエスブイ,,,取引中,5%,,,2026-11-01T00:00:00Z\r\n',
      'cp932',
    );
    const { records, issues } = parseGStaffClientCsv(csv);
    expect(issues).toEqual([]);
    expect(await mirrorGStaffClients(d, records, 'csv')).toEqual({
      seen: 1,
      changed: 1,
      clientsChanged: 0,
      conflicts: 0,
    });
    expect((await gstaffRegisterByName(d, marketing, 'シーエスブイ'))[0]?.turnoverRate).toBe(0.05);
  });

  it('mirrors the worker register: workers, and their assignments by client, by rep and by worker', async () => {
    const d = deps();
    // 6 workers and 6 assignments in the sandbox's register.
    expect(await refreshWorkerRegisterMirror(d)).toEqual({ seen: 6, changed: 12 });
    expect(await refreshWorkerRegisterMirror(d)).toEqual({ seen: 6, changed: 0 });
    expect(
      [
        ...new Set((await t.ledger.listWorkerAssignmentsOfGStaffClient('G-1001')).map((a) => a.workerId)),
      ].sort(),
    ).toEqual(['S-001', 'S-002']);
    expect(
      (await t.ledger.listWorkerAssignmentsOfRep('sales.tokyo1')).map((a) => a.organisationalUnit).sort(),
    ).toEqual(['入荷課', '入荷課', '出荷課']);
    expect((await t.ledger.listWorkerAssignmentsOfWorker('S-004')).map((a) => a.startDate)).toEqual([
      '2022-01-10',
      '2025-05-01',
    ]);
    expect(await t.ledger.getWorker('S-003')).toMatchObject({
      name: '中村 健二',
      employmentTerm: 'INDEFINITE',
    });
    expect(await t.ledger.getWorker('S-006')).toMatchObject({
      name: '松本 彩',
      employmentTerm: 'FIXED_TERM',
    });
  });

  it('checks every client against G-Staff: links a confirmed match, registers an unknown client once, leaves a name-only match for a person', async () => {
    const d = deps();
    await refreshGStaffMirror(d);
    const known = await recordPhoneInquiry(
      d,
      salesTokyo,
      phoneInquiry({ company: '株式会社みなと物流', phone: '03-1234-5678' }),
    );
    const nameOnly = await recordPhoneInquiry(
      d,
      salesTokyo,
      phoneInquiry({ company: '株式会社サンプル食品', phone: '045-111-2222' }),
    );
    const unknown = await recordPhoneInquiry(
      d,
      salesTokyo,
      phoneInquiry({ company: '株式会社はじめまして', phone: '052-333-4444' }),
    );

    d.clock.advance(1000);
    sandbox.setFaults({ rate: 1, seed: 1, kinds: ['503'] });
    const duringOutage = await linkClientsToGStaff(d, { limit: 100 });
    sandbox.setFaults(undefined);
    expect(duringOutage.retryLater).toBeGreaterThan(0);
    expect((await t.ledger.getClient(unknown.clientId))?.gstaff).toBeUndefined();

    await linkClientsToGStaff(d, { limit: 100 });
    expect((await t.ledger.getClient(known.clientId))?.gstaff).toMatchObject({
      state: 'LINKED',
      gstaffClientId: 'G-1001',
    });
    expect((await t.ledger.getClient(nameOnly.clientId))?.gstaff).toMatchObject({ state: 'NEEDS_REVIEW' });
    const registered = (await t.ledger.getClient(unknown.clientId))?.gstaff;
    expect(registered).toMatchObject({ state: 'REGISTERED', gstaffClientId: expect.stringMatching(/^G-/) });
    expect(
      [...sandbox.clients.values()].filter((c) => c.kokyakuName === '株式会社はじめまして'),
    ).toHaveLength(1);
    expect(await linkClientsToGStaff(d, { limit: 100 })).toEqual({
      linked: 0,
      registered: 0,
      needsReview: 0,
      retryLater: 0,
    });
    const trail = await t.ledger.listAuditTrail(`CLIENT#${unknown.clientId}`, 1);
    expect(trail.items[0]).toMatchObject({
      operation: 'gstaff.checkClient',
      actor: { kind: 'SYSTEM', name: 'gstaff-link' },
    });
  });
});
