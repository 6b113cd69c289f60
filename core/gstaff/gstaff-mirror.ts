/**
 * The mirror of G-Staff's client register in the ledger, refreshed by `refreshGStaffMirror`
 * (on a schedule, or from a CSV export when the API is not available), so lookups never wait
 * on G-Staff. Requirements: A1-5, X-3.
 */
import { type AuditEvent, auditChange, systemActor } from '../audit.js';
import { type Client, clientTrail } from '../clients/client.js';
import { normalizeCompanyName } from '../clients/client-matching.js';
import type { HubDeps, HubDepsWith } from '../hub.js';
import type { LedgerCommit, LedgerWrite } from '../ledger.js';
import { gstaffChangeForClient } from '../sync/gstaff-conflicts.js';
import type { GStaff, GStaffClientRecord } from './gstaff.js';

export interface GStaffMirrorRecord extends GStaffClientRecord {
  normalizedName: string;
  mirroredAt: string;
  /** Where the record last came from: the G-Staff API (a sync run) or a CSV export. */
  source?: 'api' | 'csv';
  version: number;
}

/**
 * What G-Staff alone decides about a client and the hub shows on it: its registration (still
 * trading or ended) and its conflict dates. A change of either is written on the client's own
 * trail, with its source and G-Staff's time of the change.
 */
const SHOWN_ON_CLIENT = ['active', 'conflictDates'] as const;

export const GSTAFF_MIRROR_TRAIL = 'SYSTEM#GSTAFF_MIRROR';

/** DynamoDB allows 100 items per transaction: 99 records and the run's audit event at most. */
const CHUNK = 99;

/** Bookkeeping that says nothing about the client. */
const BOOKKEEPING = new Set(['normalizedName', 'mirroredAt', 'source', 'version']);

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
 * Commits mirror writes in transactions of at most 99 items, each with one audit event
 * summing it up (the mirror copies G-Staff; a per-record trail would only repeat G-Staff's).
 * `also[i]` are the writes and events that belong with `writes[i]` (what the change means for the
 * clients linked to it), in the same transaction.
 */
export async function commitMirrorWrites(
  deps: HubDepsWith<LedgerCommit>,
  writes: LedgerWrite[],
  run: { now: string; source: string; operation: string; subjectId: string },
  also: { writes: LedgerWrite[]; audit: AuditEvent[] }[] = [],
): Promise<void> {
  const chunks: { writes: LedgerWrite[]; audit: AuditEvent[] }[] = [];
  writes.forEach((write, i) => {
    const extra = also[i] ?? { writes: [], audit: [] };
    const size = 1 + extra.writes.length + extra.audit.length;
    let last = chunks.at(-1);
    if (!last || last.writes.length + last.audit.length + 1 + size > CHUNK) {
      last = { writes: [], audit: [] };
      chunks.push(last);
    }
    last.writes.push(write, ...extra.writes);
    last.audit.push(...extra.audit);
  });
  for (const { writes: chunk, audit } of chunks) {
    await deps.ledger.commit(chunk, [
      ...audit,
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

/**
 * Writes the given G-Staff records into the mirror; unchanged ones are left alone. A changed
 * registration is judged for every hub client linked to it, in the same transaction: its
 * registration and conflict dates shown on the client's trail, and the fields the hub registered
 * it with taken, agreed or held as a sync conflict (core/sync/gstaff-conflicts.ts). `dryRun`
 * decides and counts but writes nothing.
 */
export async function mirrorGStaffClients(
  deps: HubDeps,
  records: GStaffClientRecord[],
  source: 'api' | 'csv',
  options: { dryRun?: boolean } = {},
): Promise<{ seen: number; changed: number; clientsChanged: number; conflicts: number }> {
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
  const also: { writes: LedgerWrite[]; audit: AuditEvent[] }[] = [];
  let clientsChanged = 0;
  let conflicts = 0;
  for (const record of records) {
    const before = existing.get(record.gstaffClientId);
    if (before && sameRecord(before, record)) continue;
    const after: GStaffMirrorRecord = {
      ...record,
      normalizedName: normalizeCompanyName(record.name),
      mirroredAt: now,
      source,
      version: (before?.version ?? 0) + 1,
    };
    writes.push({
      entity: { type: 'GSTAFF_CLIENT', value: after },
      ...(before ? { expectedVersion: before.version } : {}),
    });
    const linked = await linkedClients(deps, before, after);
    const extra = {
      writes: [] as LedgerWrite[],
      audit: before ? shownOnClients(deps, linked, before, after, now) : [],
    };
    for (const client of linked) {
      const openConflict = client.gstaff?.openConflictId
        ? await deps.ledger.getSyncConflict(client.gstaff.openConflictId)
        : undefined;
      const change = gstaffChangeForClient(deps, client, { before, after: record, source, openConflict });
      if (change.outcome === 'taken') clientsChanged += 1;
      if (change.outcome === 'conflict' && !openConflict) conflicts += 1;
      extra.writes.push(...change.writes);
      extra.audit.push(...change.audit);
    }
    also.push(extra);
  }
  if (!options.dryRun)
    await commitMirrorWrites(
      deps,
      writes,
      { now, source: `gstaff-${source}`, operation: 'gstaff.mirrorRefresh', subjectId: 'clients' },
      also,
    );
  return { seen: records.length, changed: writes.length, clientsChanged, conflicts };
}

/** The hub clients linked to a registration (found by its old and its new name). */
async function linkedClients(
  deps: HubDeps,
  before: GStaffMirrorRecord | undefined,
  after: GStaffMirrorRecord,
): Promise<Client[]> {
  const linked = new Map<string, Client>();
  for (const name of new Set([before?.normalizedName ?? after.normalizedName, after.normalizedName]))
    for (const client of await deps.ledger.findClientsByNormalizedName(name))
      if (client.gstaff?.gstaffClientId === after.gstaffClientId) linked.set(client.clientId, client);
  return [...linked.values()];
}

/**
 * A registration or conflict date G-Staff changed, as an event on the trail of each hub client
 * linked to that registration: what it was, what it is, where it came from (API or CSV) and when
 * G-Staff changed it.
 */
function shownOnClients(
  deps: HubDeps,
  linked: readonly Client[],
  before: GStaffMirrorRecord,
  after: GStaffMirrorRecord,
  now: string,
): AuditEvent[] {
  const pick = (r: GStaffClientRecord) =>
    Object.fromEntries(SHOWN_ON_CLIENT.map((f) => [f, canonical(r[f])])) as Record<string, unknown>;
  if (JSON.stringify(pick(before)) === JSON.stringify(pick(after))) return [];
  return linked.map((client) =>
    auditChange(deps.ids, {
      trail: clientTrail(client.clientId),
      at: now,
      actor: systemActor(`gstaff-${after.source ?? 'api'}`),
      operation: 'gstaff.registrationChanged',
      subjectType: 'GSTAFF_CLIENT',
      subjectId: after.gstaffClientId,
      before: pick(before),
      after: { ...pick(after), source: after.source ?? 'api', changedInGStaffAt: after.updatedAt },
    }),
  );
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
