/**
 * `npm run sync` (X-3, docs/sync.md "Jobs"): the command line checked (a flag that means nothing
 * for G-Staff refused, named), and `gstaff` honouring `--full` and `--dry-run` with a progress line
 * per page and the summary table, against the in-memory ledger and G-Staff.
 */
import { describe, expect, it } from 'vitest';
import type { GStaffClientRecord } from '../core/gstaff/gstaff.js';
import type { SyncRun } from '../core/sync/sync-model.js';
import { InMemoryGStaff } from '../core/testing/in-memory-gstaff.js';
import { InMemoryClientLedger } from '../core/testing/in-memory-ledger.js';
import { hubDeps, seedDirectory } from '../test/support/builders.js';
import { parseSyncArgs, progressWriter, runGStaffSyncFromCli, summaryTable } from './sync-cli.js';

describe('the command line', () => {
  it('takes kintone with every flag and gstaff with --full and --dry-run', () => {
    expect(parseSyncArgs(['kintone', '--full', '--dry-run', '--app', 'visits'])).toEqual({
      system: 'kintone',
      full: true,
      dryRun: true,
      app: 'visits',
      aws: false,
    });
    expect(parseSyncArgs(['gstaff', '--full', '--dry-run'])).toEqual({
      system: 'gstaff',
      full: true,
      dryRun: true,
      aws: false,
    });
  });

  it('refuses --app for G-Staff, an unknown app and an unknown system, naming what is wrong', () => {
    expect(() => parseSyncArgs(['gstaff', '--app', 'orders'])).toThrow(/--app names a kintone app/);
    expect(() => parseSyncArgs(['kintone', '--app', 'clients'])).toThrow(/--app must be orders or visits/);
    expect(() => parseSyncArgs(['gmosign'])).toThrow(/usage: npm run sync/);
    expect(() => parseSyncArgs(['gstaff', '--fast'])).toThrow(/--fast/);
  });
});

describe('npm run sync -- gstaff', () => {
  const record = (id: string, updatedAt: string, turnoverRate = 0.1): GStaffClientRecord => ({
    gstaffClientId: id,
    name: `株式会社CLI${id}`,
    active: true,
    pastTroubles: [],
    conflictDates: [],
    turnoverRate,
    updatedAt,
  });

  async function setUp() {
    const ledger = new InMemoryClientLedger();
    await seedDirectory(ledger);
    const hub = hubDeps(ledger);
    const gstaff = new InMemoryGStaff();
    gstaff.clients = ['C-1', 'C-2', 'C-3'].map((id) => record(id, '2026-11-01T00:00:00.000Z'));
    const lines: string[] = [];
    const progress = progressWriter({ isTTY: false, write: (text: string) => lines.push(text) });
    const settings = { holder: 'cli:test', leaseMs: 60_000, overlapMs: 0 };
    const run = async (command: { full: boolean; dryRun: boolean }) =>
      (await runGStaffSyncFromCli({ ...hub, gstaff }, command, settings, progress)).outcome as SyncRun;
    return { ledger, hub, gstaff, lines, run };
  }

  it('--dry-run reads and decides but writes nothing: no mirror record, no cursor', async () => {
    const { ledger, lines, run } = await setUp();
    const outcome = await run({ full: false, dryRun: true });
    expect(outcome).toMatchObject({ status: 'SUCCEEDED', dryRun: true, mode: 'FULL', requests: 1 });
    expect(outcome.counts).toMatchObject({ read: 3, updated: 3 });
    expect(await ledger.getGStaffMirrorRecords(['C-1', 'C-2', 'C-3'])).toEqual([]);
    expect((await ledger.getSyncCursor('gstaff.mirror'))?.watermark).toBeUndefined();
    expect(lines).toEqual([expect.stringMatching(/^gstaff: 3 records · 1 requests · [\d,]+ rec\/s\n$/)]);
    expect(summaryTable([{ label: 'gstaff mirror', outcome }])).toMatch(
      /gstaff mirror\s+FULL \(dry run\)\s+SUCCEEDED\s+3/,
    );
  });

  it('--full reads the whole register again after an incremental watermark; without it only what changed', async () => {
    const { hub, gstaff, run } = await setUp();
    await run({ full: false, dryRun: false });
    hub.clock.advance(60_000);
    gstaff.clients[0] = record('C-1', hub.clock.now().toISOString(), 0.3);
    hub.clock.advance(60_000);
    expect(await run({ full: false, dryRun: false })).toMatchObject({
      mode: 'INCREMENTAL',
      counts: expect.objectContaining({ read: 1, updated: 1 }),
    });
    hub.clock.advance(60_000);
    expect(await run({ full: true, dryRun: false })).toMatchObject({
      mode: 'FULL',
      counts: expect.objectContaining({ read: 3, updated: 0, unchanged: 3 }),
    });
  });

  it('--full --dry-run reads everything and changes nothing, the watermark included', async () => {
    const { ledger, hub, gstaff, run } = await setUp();
    await run({ full: false, dryRun: false });
    const watermark = (await ledger.getSyncCursor('gstaff.mirror'))?.watermark;
    hub.clock.advance(60_000);
    gstaff.clients[1] = record('C-2', hub.clock.now().toISOString(), 0.5);
    const outcome = await run({ full: true, dryRun: true });
    expect(outcome).toMatchObject({
      mode: 'FULL',
      dryRun: true,
      counts: expect.objectContaining({ read: 3, updated: 1 }),
    });
    expect((await ledger.getGStaffMirrorRecords(['C-2']))[0]?.turnoverRate).toBe(0.1);
    expect((await ledger.getSyncCursor('gstaff.mirror'))?.watermark).toBe(watermark);
  });
});
