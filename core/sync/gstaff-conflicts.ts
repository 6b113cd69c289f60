/**
 * G-Staff ↔ hub for the fields the hub registers a client with (A1-5, X-3; docs/sync.md
 * "G-Staff"): name, corporate number and phone. Each linked client keeps them as both sides last
 * agreed (`Client.gstaff.agreed`); when a sync brings a G-Staff change of its registration, each
 * field is judged by the same three-way rule as kintone's records (`threeWayMerge`):
 *
 * - changed only in G-Staff: the client takes G-Staff's value, audited with its source and time;
 * - changed only in the hub: stays (G-Staff keeps its value; the next G-Staff change of the field
 *   is judged against the agreed one);
 * - changed on both sides to different values: a `SyncConflict` (system `gstaff`) holding the
 *   agreed, hub and G-Staff versions and the differing fields; until a person resolves it the
 *   client takes no G-Staff change of these fields (later G-Staff versions only refresh the
 *   conflict's G-Staff side) and the hub refuses changing them (CLIENT_SYNC_CONFLICT_OPEN).
 */
import { type AuditEvent, auditChange, systemActor } from '../audit.js';
import { type Client, clientTrail, type GStaffSharedFields } from '../clients/client.js';
import { normalizeCompanyName } from '../clients/client-matching.js';
import type { GStaffClientRecord } from '../gstaff/gstaff.js';
import type { HubDeps } from '../hub.js';
import type { LedgerWrite } from '../ledger.js';
import { type RecordFields, type SyncConflict, syncConflictIdOf } from './sync-model.js';
import { changedFieldNames, threeWayMerge } from './three-way-merge.js';

export const GSTAFF_SHARED_FIELDS = ['name', 'corporateNumber', 'phone'] as const;

const digits = (phone: string | undefined) => phone?.replace(/\D/g, '') || undefined;

const asFields = (shared: GStaffSharedFields): RecordFields => ({
  name: shared.name,
  corporateNumber: shared.corporateNumber,
  phone: shared.phone,
});

/** The shared fields as G-Staff holds them. */
export function gstaffSharedOf(record: Pick<GStaffClientRecord, 'name' | 'corporateNumber' | 'phone'>) {
  const phone = digits(record.phone);
  return {
    name: record.name,
    ...(record.corporateNumber ? { corporateNumber: record.corporateNumber } : {}),
    ...(phone ? { phone } : {}),
  } satisfies GStaffSharedFields;
}

/** The shared fields as the hub holds them (its first phone is the one it registers). */
export function hubSharedOf(client: Client): GStaffSharedFields {
  return gstaffSharedOf({
    name: client.name,
    ...(client.corporateNumber ? { corporateNumber: client.corporateNumber } : {}),
    ...(client.phones[0] ? { phone: client.phones[0] } : {}),
  });
}

/** The client with the given shared fields (a new phone goes first; the older ones stay matching keys). */
export function withSharedFields(client: Client, fields: RecordFields): Client {
  const next: Client = { ...client };
  if (fields.name && fields.name !== client.name) {
    next.name = fields.name;
    next.normalizedName = normalizeCompanyName(fields.name);
  }
  if (fields.corporateNumber) next.corporateNumber = fields.corporateNumber;
  else delete next.corporateNumber;
  const phone = digits(fields.phone);
  if (phone) next.phones = [phone, ...client.phones.filter((p) => p !== phone)];
  return next;
}

/** Shared fields from a conflict's version. */
export const sharedFromFields = (fields: RecordFields): GStaffSharedFields =>
  gstaffSharedOf({
    name: fields.name ?? '',
    ...(fields.corporateNumber ? { corporateNumber: fields.corporateNumber } : {}),
    ...(fields.phone ? { phone: fields.phone } : {}),
  });

export interface GStaffClientChange {
  outcome: 'unchanged' | 'taken' | 'conflict';
  writes: LedgerWrite[];
  audit: AuditEvent[];
}

/**
 * What a G-Staff version of a registration means for one client linked to it. `before` is the
 * registration as the mirror held it (the agreed fields of a client linked before they were kept);
 * `openConflict` the client's open G-Staff conflict, when it has one.
 */
export function gstaffChangeForClient(
  deps: HubDeps,
  client: Client,
  change: {
    before: GStaffClientRecord | undefined;
    after: GStaffClientRecord;
    source: 'api' | 'csv';
    openConflict: SyncConflict | undefined;
  },
): GStaffClientChange {
  const link = client.gstaff;
  const unchanged: GStaffClientChange = { outcome: 'unchanged', writes: [], audit: [] };
  if (!link) return unchanged;
  const at = deps.clock.now().toISOString();
  const source = asFields(gstaffSharedOf(change.after));
  const agreedShared = link.agreed ?? (change.before ? gstaffSharedOf(change.before) : undefined);
  if (!agreedShared) return unchanged;
  const agreed = asFields(agreedShared);
  const hub = asFields(hubSharedOf(client));
  const merge = threeWayMerge({ agreed, hubBase: agreed, hub, source });
  const actor = systemActor(`gstaff-${change.source}`);

  if (link.openConflictId) {
    // Held: G-Staff's newer version only refreshes the conflict's G-Staff side.
    const open = change.openConflict;
    if (open?.status !== 'OPEN' || changedFieldNames(open.sourceVersion, source).length === 0)
      return unchanged;
    const refreshed = {
      ...open,
      sourceVersion: source,
      sourceUpdatedAt: change.after.updatedAt,
      differingFields: merge.differing,
      version: open.version + 1,
      updatedAt: at,
    };
    return {
      outcome: 'conflict',
      writes: [{ entity: { type: 'SYNC_CONFLICT', value: refreshed }, expectedVersion: open.version }],
      audit: [],
    };
  }

  if (merge.differing.length) {
    const conflict: SyncConflict = {
      conflictId: syncConflictIdOf('clients', client.clientId, at),
      system: 'gstaff',
      app: 'clients',
      hubId: client.clientId,
      clientId: client.clientId,
      recordId: change.after.gstaffClientId,
      status: 'OPEN',
      detectedAt: at,
      detectedBy: 'SYNC',
      agreed,
      hubVersion: hub,
      sourceVersion: source,
      sourceUpdatedAt: change.after.updatedAt,
      differingFields: merge.differing,
      hubChanged: merge.hubChanged,
      heldOutboxEntryIds: [],
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    const held: Client = {
      ...client,
      gstaff: { ...link, agreed: agreedShared, openConflictId: conflict.conflictId },
      version: client.version + 1,
      updatedAt: at,
    };
    return {
      outcome: 'conflict',
      writes: [
        { entity: { type: 'SYNC_CONFLICT', value: conflict } },
        { entity: { type: 'CLIENT', value: held }, expectedVersion: client.version },
      ],
      audit: [
        auditChange(deps.ids, {
          trail: clientTrail(client.clientId),
          at,
          actor,
          operation: 'sync.conflictDetected',
          subjectType: 'SYNC_CONFLICT',
          subjectId: conflict.conflictId,
          before: undefined,
          after: {
            system: 'gstaff',
            gstaffClientId: change.after.gstaffClientId,
            differingFields: merge.differing.map((d) => d.field),
          },
        }),
      ],
    };
  }

  // No conflict: G-Staff's own changes are taken; a field both sides now hold alike is agreed.
  const taken = merge.sourceChanged.filter((f) => (hub[f] ?? '') === (agreed[f] ?? ''));
  const nextAgreed = sharedFromFields({
    ...agreed,
    ...Object.fromEntries(merge.sourceChanged.map((f) => [f, source[f]])),
  });
  const target = { ...hub, ...Object.fromEntries(taken.map((f) => [f, source[f]])) };
  const agreedMoved =
    changedFieldNames(asFields(nextAgreed), asFields(link.agreed ?? { name: '' })).length > 0;
  if (!taken.length && !agreedMoved) return unchanged;
  const after: Client = {
    ...withSharedFields(client, target),
    gstaff: { ...link, agreed: nextAgreed },
    version: client.version + 1,
    updatedAt: at,
  };
  return {
    outcome: taken.length ? 'taken' : 'unchanged',
    writes: [{ entity: { type: 'CLIENT', value: after }, expectedVersion: client.version }],
    audit: taken.length
      ? [
          auditChange(deps.ids, {
            trail: clientTrail(client.clientId),
            at,
            actor,
            operation: 'gstaff.clientChanged',
            subjectType: 'CLIENT',
            subjectId: client.clientId,
            before: Object.fromEntries(taken.map((f) => [f, hub[f] ?? null])),
            after: {
              ...Object.fromEntries(taken.map((f) => [f, source[f] ?? null])),
              source: change.source,
              changedInGStaffAt: change.after.updatedAt,
            },
          }),
        ]
      : [],
  };
}
