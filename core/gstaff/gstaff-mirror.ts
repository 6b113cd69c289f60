/**
 * The mirror of G-Staff's client register in the ledger, refreshed by `refreshGStaffMirror`
 * (on a schedule, or from a CSV export when the API is not available), so lookups never wait
 * on G-Staff. Requirements: A1-5, X-3.
 */
import { auditChange, systemActor } from '../audit.js';
import { normalizeCompanyName } from '../clients/client-matching.js';
import type { HubDeps } from '../hub.js';
import type { LedgerWrite } from '../ledger.js';
import type { GStaff, GStaffClientRecord } from './gstaff.js';

export interface GStaffMirrorRecord extends GStaffClientRecord {
  normalizedName: string;
  mirroredAt: string;
  version: number;
}

export const GSTAFF_MIRROR_TRAIL = 'SYSTEM#GSTAFF_MIRROR';

/** DynamoDB allows 100 items per transaction: 99 records and the run's audit event at most. */
const CHUNK = 99;

/** Bookkeeping that says nothing about the client. */
const BOOKKEEPING = new Set(['normalizedName', 'mirroredAt', 'version']);

/** A canonical form (keys sorted at every level: the ledger may return them in any order). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((k) => !BOOKKEEPING.has(k))
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

const sameRecord = (a: GStaffClientRecord, b: GStaffClientRecord) =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/**
 * Commits mirror writes in transactions of at most 99 records, each with one audit event
 * summing it up (the mirror copies G-Staff; a per-record trail would only repeat G-Staff's).
 */
export async function commitMirrorWrites(
  deps: HubDeps,
  writes: LedgerWrite[],
  run: { now: string; source: string; operation: string; subjectId: string },
): Promise<void> {
  for (let i = 0; i < writes.length; i += CHUNK) {
    const chunk = writes.slice(i, i + CHUNK);
    await deps.ledger.commit(chunk, [
      auditChange(deps.ids, {
        trail: GSTAFF_MIRROR_TRAIL,
        at: run.now,
        actor: systemActor(run.source),
        operation: run.operation,
        subjectType: 'GSTAFF_MIRROR',
        subjectId: run.subjectId,
        before: undefined,
        after: { changed: chunk.length },
      }),
    ]);
  }
}

/** Writes the given G-Staff records into the mirror; unchanged ones are left alone. */
export async function mirrorGStaffClients(
  deps: HubDeps,
  records: GStaffClientRecord[],
  source: 'api' | 'csv',
): Promise<{ seen: number; changed: number }> {
  // A client listed twice (a CSV export can repeat a row) is one mirror record: the last one wins,
  // instead of two writes of the same key failing the whole refresh.
  records = [...new Map(records.map((r) => [r.gstaffClientId, r])).values()];
  const now = deps.clock.now().toISOString();
  const existing = new Map(
    (await deps.ledger.getGStaffMirrorRecords(records.map((r) => r.gstaffClientId))).map((m) => [
      m.gstaffClientId,
      m,
    ]),
  );
  const writes: LedgerWrite[] = [];
  for (const record of records) {
    const before = existing.get(record.gstaffClientId);
    if (before && sameRecord(before, record)) continue;
    const after: GStaffMirrorRecord = {
      ...record,
      normalizedName: normalizeCompanyName(record.name),
      mirroredAt: now,
      version: (before?.version ?? 0) + 1,
    };
    writes.push({
      entity: { type: 'GSTAFF_CLIENT', value: after },
      ...(before ? { expectedVersion: before.version } : {}),
    });
  }
  await commitMirrorWrites(deps, writes, {
    now,
    source: `gstaff-${source}`,
    operation: 'gstaff.mirrorRefresh',
    subjectId: 'clients',
  });
  return { seen: records.length, changed: writes.length };
}

/** Refreshes the mirror from the G-Staff API. */
export async function refreshGStaffMirror(
  deps: HubDeps & { gstaff: GStaff },
  options: { since?: Date } = {},
): Promise<{ seen: number; changed: number }> {
  const total = { seen: 0, changed: 0 };
  for await (const page of deps.gstaff.clientRegister(options.since)) {
    const result = await mirrorGStaffClients(deps, page, 'api');
    total.seen += result.seen;
    total.changed += result.changed;
  }
  return total;
}
