/**
 * The ledger as one GraphQL request sees it. Resolvers of a page run the same use cases for every
 * row at once; each use case still makes its own single-row reads and its own role and department
 * checks, row by row. This view collects the single-row reads made in the same tick and sends
 * them as one batch read of the ledger (core/ledger-batch-reads.ts), so a page of 50 rows costs
 * the ledger calls of a page of 5 (docs/benchmarks.md, "No N+1"). Everything else passes through.
 *
 * Reads are remembered for the request (a client shown in ten fields is read once) and forgotten
 * on every commit, so a mutation's result is read as it was written. Requirements: X-4.
 */
import DataLoader from 'dataloader';
import type { ClientLedger } from '../core/ledger.js';
import {
  type AuditTrailRequest,
  auditTrailRequestKey,
  OWNED_LIST_NAMES,
  type OwnedListName,
  type OwnedLists,
} from '../core/ledger-batch-reads.js';

export function batchingLedger(ledger: ClientLedger): ClientLedger {
  const loaders: DataLoader<unknown, unknown, unknown>[] = [];
  const track = <K, V, C>(loader: DataLoader<K, V, C>) => {
    loaders.push(loader as DataLoader<unknown, unknown, unknown>);
    return loader;
  };
  const forgetAll = () => {
    for (const loader of loaders) loader.clearAll();
  };

  /** `get(id)` answered from `getMany(ids)`, which returns those found in any order. */
  const byId = <T>(getMany: (ids: readonly string[]) => Promise<T[]>, idOf: (value: T) => string) => {
    const loader = track(
      new DataLoader<string, T | undefined>(async (ids) => {
        const found = new Map((await getMany(ids)).map((value) => [idOf(value), value]));
        return ids.map((id) => found.get(id));
      }),
    );
    return (id: string) => loader.load(id);
  };

  const owned = <K extends OwnedListName>(list: K) => {
    const loader = track(
      new DataLoader<string, OwnedLists[K][]>(async (ownerIds) => {
        const lists = await ledger.listOwnedBatch(list, ownerIds);
        return ownerIds.map((id) => lists.get(id) ?? []);
      }),
    );
    return (ownerId: string) => loader.load(ownerId);
  };

  const gstaffByName = track(
    new DataLoader<string, Awaited<ReturnType<ClientLedger['findGStaffMirrorRecordsByName']>>>(
      async (names) => {
        const found = await ledger.findGStaffMirrorRecordsByNames(names);
        return names.map((name) => found.get(name) ?? []);
      },
    ),
  );

  const firstAuditPages = track(
    new DataLoader<AuditTrailRequest, Awaited<ReturnType<ClientLedger['listAuditTrail']>>, string>(
      async (requests) => {
        const pages = await ledger.listAuditTrails(requests);
        return requests.map(
          (r) => pages.get(auditTrailRequestKey(r)) ?? { items: [], cursors: [], hasNextPage: false },
        );
      },
      { cacheKeyFn: auditTrailRequestKey },
    ),
  );

  const overrides: Partial<ClientLedger> = {
    getClient: byId(
      (ids) => ledger.getClients(ids),
      (c) => c.clientId,
    ),
    getStaffMember: byId(
      (ids) => ledger.getStaffMembers(ids),
      (m) => m.userId,
    ),
    getWorker: byId(
      (ids) => ledger.getWorkers(ids),
      (w) => w.workerId,
    ),
    getApplication: byId(
      (ids) => ledger.getApplications(ids),
      (a) => a.applicationId,
    ),
    getEstablishment: byId(
      (ids) => ledger.getEstablishments(ids),
      (e) => e.establishmentId,
    ),
    getHearingSheet: byId(
      (ids) => ledger.getHearingSheets(ids),
      (h) => h.hearingSheetId,
    ),
    getSyncConflict: byId(
      (ids) => ledger.getSyncConflicts(ids),
      (c) => c.conflictId,
    ),
    getIndividualContract: byId(
      (ids) => ledger.getIndividualContracts(ids),
      (c) => c.individualContractId,
    ),
    getTreatmentInformation: byId(
      (ids) => ledger.getTreatmentInformations(ids),
      (t) => t.orderId,
    ),
    findGStaffMirrorRecordsByName: (name) => gstaffByName.load(name),
    // Only a trail's first page is batched; a page after a cursor is one row's drill-down.
    listAuditTrail: (trail, first, after) =>
      after ? ledger.listAuditTrail(trail, first, after) : firstAuditPages.load({ trail, first }),
    commit: async (writes, audit) => {
      forgetAll();
      try {
        await ledger.commit(writes, audit);
      } finally {
        forgetAll();
      }
    },
  };
  const lists = Object.fromEntries(OWNED_LIST_NAMES.map((name) => [name, owned(name)]));
  Object.assign(overrides, lists);

  return new Proxy(ledger, {
    get(target, property) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof ClientLedger];
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
