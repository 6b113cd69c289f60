/**
 * G-Staff → hub as an incremental sync (A1-5, X-3): the same runs, checkpoints and lease as the
 * kintone reconciliation — a first full run, then only what changed; a run killed half-way
 * resumed without applying a page twice or missing one; two runs at once doing the work once;
 * a registration or conflict date changed in G-Staff shown on the linked client with its source
 * and time; the fields the hub registered a client with changed on both sides kept as a sync
 * conflict with both versions and resolved each way, nothing overwritten before.
 */
import { describe, expect, it } from 'vitest';
import type { Client } from '../core/clients/client.js';
import { clientAuditTrail } from '../core/clients/client-queries.js';
import { updateClientProfile } from '../core/clients/update-client-profile.js';
import type { GStaff, GStaffClientRecord } from '../core/gstaff/gstaff.js';
import { GSTAFF_MIRROR_TRAIL } from '../core/gstaff/gstaff-mirror.js';
import { recordPhoneInquiry } from '../core/inquiries/record-phone-inquiry.js';
import type { JobOutcome } from '../core/sync/job-runner.js';
import { listSyncConflicts, resolveSyncConflict } from '../core/sync/sync-conflicts.js';
import { syncGStaff } from '../core/sync/sync-gstaff.js';
import type { SyncConflict, SyncRun } from '../core/sync/sync-model.js';
import { InMemoryGStaff } from '../core/testing/in-memory-gstaff.js';
import { InMemoryClientLedger } from '../core/testing/in-memory-ledger.js';
import { admin, hubDeps, managerTokyo, phoneInquiry, salesTokyo, seedDirectory } from './support/builders.js';

const record = (
  id: string,
  updatedAt: string,
  overrides: Partial<GStaffClientRecord> = {},
): GStaffClientRecord => ({
  gstaffClientId: id,
  name: `株式会社同期${id}`,
  active: true,
  pastTroubles: [],
  conflictDates: [],
  updatedAt,
  ...overrides,
});

/** G-Staff as the API pages it: a fixed order, `pageSize` records a page; `hangAfter` pages, then no answer (a killed run). */
class PagedGStaff extends InMemoryGStaff implements GStaff {
  pageSize = 2;
  hangAfter = Number.POSITIVE_INFINITY;
  pagesServed = 0;
  override async *clientRegister(since?: Date): AsyncIterable<GStaffClientRecord[]> {
    const changed = this.clients
      .filter((c) => !since || Date.parse(c.updatedAt) > since.getTime())
      .sort((a, b) => a.gstaffClientId.localeCompare(b.gstaffClientId));
    for (let i = 0; i < changed.length; i += this.pageSize) {
      if (this.pagesServed >= this.hangAfter) await new Promise(() => {});
      this.pagesServed += 1;
      yield changed.slice(i, i + this.pageSize);
    }
  }
}

async function setUp() {
  const ledger = new InMemoryClientLedger();
  await seedDirectory(ledger);
  const hub = hubDeps(ledger);
  const gstaff = new PagedGStaff();
  gstaff.clients = ['G-1', 'G-2', 'G-3', 'G-4', 'G-5'].map((id) => record(id, '2026-11-01T00:00:00.000Z'));
  const deps = { ...hub, gstaff };
  const settings = { trigger: 'API' as const, holder: 'test', leaseMs: 60_000, overlapMs: 0 };
  return { ledger, hub, gstaff, deps, settings };
}
const asRun = (outcome: JobOutcome) => outcome as SyncRun;

it('reads the whole register first, then only what changed since the last run started', async () => {
  const { ledger, hub, gstaff, deps, settings } = await setUp();
  const first = asRun(await syncGStaff(deps, settings));
  expect(first).toMatchObject({ job: 'gstaff.mirror', mode: 'FULL', status: 'SUCCEEDED', requests: 3 });
  expect(first.counts).toMatchObject({ read: 5, updated: 5 });
  hub.clock.advance(60_000);
  gstaff.clients[1] = record('G-2', hub.clock.now().toISOString(), { turnoverRate: 0.2 });
  hub.clock.advance(60_000);
  gstaff.pagesServed = 0;
  const second = asRun(await syncGStaff(deps, settings));
  expect(second).toMatchObject({ mode: 'INCREMENTAL', status: 'SUCCEEDED', requests: 1 });
  expect(second.counts).toMatchObject({ read: 1, updated: 1 });
  const [g2] = await ledger.getGStaffMirrorRecords(['G-2']);
  expect(g2).toMatchObject({ turnoverRate: 0.2, source: 'api', version: 2 });
  expect((await ledger.listSyncRuns({ job: 'gstaff.mirror', limit: 5 })).map((r) => r.runId).sort()).toEqual(
    [first.runId, second.runId].sort(),
  );
});

it('resumes a run killed half-way from its checkpoint: no page applied twice, none missed', async () => {
  const { ledger, hub, gstaff, deps, settings } = await setUp();
  gstaff.hangAfter = 2;
  // The killed run: it applied two pages (four records), then its process died (no answer, ever).
  void syncGStaff(deps, { ...settings, holder: 'killed' });
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect((await ledger.getGStaffMirrorRecords(['G-1', 'G-2', 'G-3', 'G-4', 'G-5'])).length).toBe(4);
  const killed = (await ledger.listSyncRuns({ job: 'gstaff.mirror', limit: 1 }))[0] as SyncRun;
  expect(killed).toMatchObject({ status: 'RUNNING', checkpoint: { system: 'gstaff', pagesDone: 2 } });
  // While its lease lasts nobody else runs; once it expires the next run takes over.
  gstaff.hangAfter = Number.POSITIVE_INFINITY;
  expect(await syncGStaff(deps, { ...settings, holder: 'next' })).toMatchObject({
    status: 'SKIPPED',
    holder: 'killed',
  });
  hub.clock.advance(61_000);
  const resumed = asRun(await syncGStaff(deps, { ...settings, holder: 'next' }));
  expect(resumed).toMatchObject({ status: 'SUCCEEDED', mode: 'FULL', resumedRunId: killed.runId });
  // Only the third page was applied by the resumed run.
  expect(resumed.counts).toMatchObject({ read: 1, updated: 1 });
  expect(await ledger.getSyncRun(killed.runId)).toMatchObject({ status: 'INTERRUPTED' });
  const mirrored = await ledger.getGStaffMirrorRecords(['G-1', 'G-2', 'G-3', 'G-4', 'G-5']);
  expect(mirrored.map((m) => [m.gstaffClientId, m.version]).sort()).toEqual([
    ['G-1', 1],
    ['G-2', 1],
    ['G-3', 1],
    ['G-4', 1],
    ['G-5', 1],
  ]);
  // One summary event per transaction: the killed run's two pages, the resumed run's one.
  expect((await ledger.listAuditTrail(GSTAFF_MIRROR_TRAIL, 20)).items).toHaveLength(3);
  expect((await ledger.getSyncCursor('gstaff.mirror'))?.inProgress).toBeUndefined();
});

it('does the work once when two runs start together', async () => {
  const { ledger, deps, settings } = await setUp();
  const [a, b] = await Promise.all([
    syncGStaff(deps, { ...settings, holder: 'a' }),
    syncGStaff(deps, { ...settings, holder: 'b' }),
  ]);
  expect([a, b].filter((o) => o.status === 'SKIPPED')).toHaveLength(1);
  expect([a, b].filter((o) => o.status === 'SUCCEEDED')).toHaveLength(1);
  // One run's three pages, each one summary event; nothing written twice.
  expect((await ledger.listAuditTrail(GSTAFF_MIRROR_TRAIL, 20)).items).toHaveLength(3);
  const mirrored = await ledger.getGStaffMirrorRecords(['G-1', 'G-2', 'G-3', 'G-4', 'G-5']);
  expect(mirrored.every((m) => m.version === 1)).toBe(true);
});

it('shows a conflict date or registration G-Staff changed on the linked client, with its source and time', async () => {
  const { ledger, hub, gstaff, deps, settings } = await setUp();
  const { clientId } = await recordPhoneInquiry(hub, salesTokyo, phoneInquiry({ company: '株式会社抵触' }));
  gstaff.clients.push(
    record('G-9', '2026-11-01T00:00:00.000Z', {
      name: '株式会社抵触',
      phone: '06-9876-5432',
      conflictDates: [{ establishment: '本社', conflictDate: '2027-04-01' }],
    }),
  );
  await syncGStaff(deps, settings);
  expect((await ledger.getClients([clientId]))[0]?.gstaff).toMatchObject({
    state: 'LINKED',
    gstaffClientId: 'G-9',
  });

  hub.clock.advance(60_000);
  const changedAt = hub.clock.now().toISOString();
  gstaff.clients[5] = {
    ...(gstaff.clients[5] as GStaffClientRecord),
    active: false,
    conflictDates: [{ establishment: '本社', conflictDate: '2027-10-01' }],
    updatedAt: changedAt,
  };
  hub.clock.advance(60_000);
  expect(asRun(await syncGStaff(deps, settings)).counts.updated).toBe(1);
  const trail = await clientAuditTrail(hub, admin, clientId, { first: 50 });
  const shown = trail.items.filter((e) => e.operation === 'gstaff.registrationChanged');
  expect(shown).toHaveLength(1);
  expect(shown[0]).toMatchObject({
    subjectId: 'G-9',
    actor: { kind: 'SYSTEM', name: 'gstaff-api' },
  });
  expect(JSON.stringify(shown[0]?.changes)).toContain('2027-10-01');
  expect(JSON.stringify(shown[0]?.changes)).toContain(changedAt);
});

describe('the fields the hub registered a client with, changed on both sides', () => {
  /** A client of the hub linked to G-Staff's G-9 (same name and phone) by a first sync. */
  async function linked(company: string) {
    const s = await setUp();
    const { clientId } = await recordPhoneInquiry(s.hub, salesTokyo, phoneInquiry({ company }));
    s.gstaff.clients.push(
      record('G-9', '2026-11-01T00:00:00.000Z', { name: company, phone: '06-9876-5432' }),
    );
    await syncGStaff(s.deps, s.settings);
    return { ...s, clientId };
  }
  /** A linked client whose corporate number then changed in the hub and, differently, in G-Staff. */
  async function conflicted() {
    const { clientId, ...s } = await linked('株式会社両側');
    await updateClientProfile(s.hub, salesTokyo, { clientId, corporateNumber: '1111111111111' });
    s.hub.clock.advance(60_000);
    gstaffChange(s, { corporateNumber: '2222222222222' });
    s.hub.clock.advance(60_000);
    const run = asRun(await syncGStaff(s.deps, s.settings));
    const client = async () => (await s.ledger.getClients([clientId]))[0] as Client;
    const [conflict] = (await listSyncConflicts(s.hub, admin, {})).filter((c) => c.clientId === clientId);
    return { ...s, clientId, run, client, conflict: conflict as SyncConflict };
  }
  function gstaffChange(s: Awaited<ReturnType<typeof setUp>>, changes: Partial<GStaffClientRecord>) {
    const i = s.gstaff.clients.findIndex((c) => c.gstaffClientId === 'G-9');
    s.gstaff.clients[i] = {
      ...(s.gstaff.clients[i] as GStaffClientRecord),
      ...changes,
      updatedAt: s.hub.clock.now().toISOString(),
    };
  }

  it('a change made only in G-Staff reaches the client, audited with its source', async () => {
    const { clientId, ...s } = await linked('株式会社片側');
    s.hub.clock.advance(60_000);
    gstaffChange(s, { corporateNumber: '3333333333333' });
    s.hub.clock.advance(60_000);
    await syncGStaff(s.deps, s.settings);
    expect((await s.ledger.getClients([clientId]))[0]).toMatchObject({
      corporateNumber: '3333333333333',
      gstaff: { agreed: { corporateNumber: '3333333333333' } },
    });
    expect(await listSyncConflicts(s.hub, admin, {})).toEqual([]);
    const trail = await clientAuditTrail(s.hub, admin, clientId, { first: 50 });
    const taken = trail.items.find((e) => e.operation === 'gstaff.clientChanged');
    expect(taken).toMatchObject({ actor: { kind: 'SYSTEM', name: 'gstaff-api' } });
    expect(JSON.stringify(taken?.changes)).toContain('3333333333333');
  });

  it('becomes a sync conflict holding both versions; until resolved neither side overwrites the other', async () => {
    const { run, conflict, client, clientId, gstaff, hub, ledger, deps, settings, ...s } = await conflicted();
    expect(run.counts.conflicts).toBeGreaterThanOrEqual(1);
    expect(conflict).toMatchObject({
      system: 'gstaff',
      app: 'clients',
      status: 'OPEN',
      recordId: 'G-9',
      hubVersion: expect.objectContaining({ corporateNumber: '1111111111111', name: '株式会社両側' }),
      sourceVersion: expect.objectContaining({ corporateNumber: '2222222222222' }),
      differingFields: [
        { field: 'corporateNumber', agreed: null, hub: '1111111111111', source: '2222222222222' },
      ],
    });
    expect((await client()).corporateNumber).toBe('1111111111111');
    // G-Staff changes again (and its phone): the client takes none of it, the conflict shows the newest.
    hub.clock.advance(60_000);
    gstaffChange(
      { ...s, gstaff, hub, ledger, deps, settings },
      { corporateNumber: '4444444444444', phone: '06-1111-2222' },
    );
    hub.clock.advance(60_000);
    await syncGStaff(deps, settings);
    expect(await client()).toMatchObject({ corporateNumber: '1111111111111', phones: ['0698765432'] });
    expect(await ledger.getSyncConflict(conflict.conflictId)).toMatchObject({
      status: 'OPEN',
      sourceVersion: expect.objectContaining({ corporateNumber: '4444444444444', phone: '0611112222' }),
    });
    // Nor does the hub change the field meanwhile.
    await expect(
      updateClientProfile(hub, salesTokyo, { clientId, corporateNumber: '5555555555555' }),
    ).rejects.toMatchObject({ rule: 'CLIENT_SYNC_CONFLICT_OPEN' });
    // G-Staff itself was never written by the hub.
    expect(gstaff.clients.find((c) => c.gstaffClientId === 'G-9')?.corporateNumber).toBe('4444444444444');
  });

  it('KEEP_SOURCE: the client takes G-Staff’s values, audited', async () => {
    const { conflict, client, clientId, hub, ledger } = await conflicted();
    await resolveSyncConflict(hub, managerTokyo, {
      conflictId: conflict.conflictId,
      resolution: 'KEEP_SOURCE',
    });
    expect(await client()).toMatchObject({
      corporateNumber: '2222222222222',
      gstaff: { agreed: { corporateNumber: '2222222222222' } },
    });
    expect((await client()).gstaff?.openConflictId).toBeUndefined();
    expect(await ledger.getSyncConflict(conflict.conflictId)).toMatchObject({
      status: 'RESOLVED',
      resolution: { kind: 'KEEP_SOURCE', by: managerTokyo.userId },
    });
    const trail = await clientAuditTrail(hub, admin, clientId, { first: 50 });
    expect(trail.items.map((e) => e.operation)).toEqual(
      expect.arrayContaining(['sync.conflictDetected', 'sync.resolveConflict']),
    );
  });

  it('KEEP_HUB: the client keeps its value; a later G-Staff change of another field is taken, this one not', async () => {
    const s = await conflicted();
    await resolveSyncConflict(s.hub, admin, { conflictId: s.conflict.conflictId, resolution: 'KEEP_HUB' });
    expect(await s.client()).toMatchObject({
      corporateNumber: '1111111111111',
      gstaff: { agreed: { corporateNumber: '2222222222222' } },
    });
    s.hub.clock.advance(60_000);
    gstaffChange(s, { phone: '06-3333-4444' });
    s.hub.clock.advance(60_000);
    await syncGStaff(s.deps, s.settings);
    expect(await s.client()).toMatchObject({
      corporateNumber: '1111111111111',
      phones: ['0633334444', '0698765432'],
    });
    expect(await listSyncConflicts(s.hub, admin, {})).toEqual([]);
  });

  it('MERGE: the value a person gives; a field not in conflict refused', async () => {
    const s = await conflicted();
    await expect(
      resolveSyncConflict(s.hub, admin, {
        conflictId: s.conflict.conflictId,
        resolution: 'MERGE',
        fields: [{ field: 'name', value: 'x' }],
      }),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'input.fields.0.field' }] });
    await resolveSyncConflict(s.hub, admin, {
      conflictId: s.conflict.conflictId,
      resolution: 'MERGE',
      fields: [{ field: 'corporateNumber', value: '6666666666666' }],
    });
    expect((await s.client()).corporateNumber).toBe('6666666666666');
  });
});
