/**
 * No N+1 (issue 15): for every paged list of the API, a query touching every field reachable
 * from its rows — generated from the schema, so a new field cannot be missed — costs the same
 * number of DynamoDB calls for a page of 5 and a page of 50, against DynamoDB Local. Every row
 * carries the same things (an inquiry with its hearing, a rep assignment, a recorded visit, an
 * executed basic contract, an establishment with its conflict-date notice, an individual contract
 * with its worker, an order in kintone), so each nested field has rows to read. First, the ledger's
 * batch reads are checked against its single-row reads on the same data (DynamoDB Local).
 * Requirements: X-4.
 */
import { execute, parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientTrail } from '../core/clients/client.js';
import { auditTrailRequestKey, OWNED_LIST_NAMES, type OwnedListName } from '../core/ledger-batch-reads.js';
import type { SyncedKintoneRecord } from '../core/sync/sync-model.js';
import { InMemoryDocumentStore } from '../core/testing/in-memory-document-store.js';
import { RecordingWorkflowEngine } from '../core/testing/recording-workflow-engine.js';
import { type ApiDeps, createContext } from '../graphql/context.js';
import { schema } from '../graphql/schema/index.js';
import { director, hubDeps, seedDirectory } from './support/builders.js';
import { readyIndividualContract } from './support/individual-contracts.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';
import {
  fieldPaths,
  fullSelection,
  type PagedList,
  pagedLists,
  pageQuery,
  type Selection,
  splitSelection,
} from './support/schema-walk.js';
import { visitedClientRecords } from './support/visits.js';

const ROWS = 50;
/** Levels of fields below the Query field, as deep as the API lets a query go (graphql/yoga.ts). */
const MAX_DEPTH = 10;

let t: TestLedger;
let deps: ApiDeps;
/** A DynamoDB call: the command, what it reads (key prefix), and how many keys or partitions. */
interface Call {
  read: string;
  size: number;
}
/** The DynamoDB calls of the request being measured. */
const calls: Call[] = [];

/** Most partitions one PartiQL statement may name, most keys one BatchGetItem may ask for (DynamoDB's limits). */
const MOST_PER_CALL: Record<string, number> = { ExecuteStatementCommand: 50, BatchGetItemCommand: 100 };

const prefix = (key: unknown) => String(key).replace(/[^#]*$/, '');

function describeCall(command: string, input: Record<string, unknown>): Call {
  if (command === 'ExecuteStatementCommand') {
    const parameters = (input.Parameters ?? []) as unknown[];
    return { read: `${command} ${prefix(parameters[0])}`, size: parameters.length };
  }
  if (command === 'BatchGetItemCommand') {
    const keys = Object.values(
      (input.RequestItems ?? {}) as Record<string, { Keys: { pk: unknown }[] }>,
    ).flatMap((r) => r.Keys);
    return { read: `${command} ${prefix(keys[0]?.pk)}`, size: keys.length };
  }
  return { read: command, size: 1 };
}

/**
 * Equal call counts, read by read; a read of more partitions or keys than one call may carry
 * takes exactly as many calls as DynamoDB's limit forces (e.g. the approval tasks of 100
 * applications: two statements of 50), no more.
 */
function compareCalls(small: Call[], large: Call[]) {
  const byRead = (list: Call[]) => {
    const reads = new Map<string, { calls: number; size: number }>();
    for (const c of list) {
      const r = reads.get(c.read) ?? { calls: 0, size: 0 };
      reads.set(c.read, { calls: r.calls + 1, size: r.size + c.size });
    }
    return reads;
  };
  const s = byRead(small);
  const l = byRead(large);
  const differences: string[] = [];
  for (const read of new Set([...s.keys(), ...l.keys()])) {
    const few = s.get(read)?.calls ?? 0;
    const many = l.get(read) ?? { calls: 0, size: 0 };
    const most = MOST_PER_CALL[read.split(' ')[0] as string];
    const forced = most !== undefined && many.size > most * few && many.calls === Math.ceil(many.size / most);
    if (many.calls !== few && !forced)
      differences.push(`${read}: ${few} calls for 5 rows, ${many.calls} for 50`);
  }
  return differences;
}

beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger);
  const hub = hubDeps(t.ledger, '2026-12-01T01:00:00Z');
  deps = { ...hub, documents: new InMemoryDocumentStore(), workflows: new RecordingWorkflowEngine() };
  for (let i = 0; i < ROWS; i += 1) {
    const n = String(i).padStart(3, '0');
    const { clientId } = await visitedClientRecords(hub, {
      company: `株式会社ページ${n}`,
      phone: `03-5555-0${n}`,
      email: `tanto@page${n}.example`,
    });
    const { orderId } = await readyIndividualContract(t.ledger, { gstaffClientId: `G-P${n}`, clientId });
    const now = hub.clock.now().toISOString();
    const order: SyncedKintoneRecord = {
      app: 'orders',
      hubId: orderId,
      clientId,
      recordId: String(1000 + i),
      revision: 1,
      kintoneUpdatedAt: now,
      fields: {
        clientName: `株式会社ページ${n}`,
        status: 'OPEN',
        department: 'SALES_TOKYO',
        summary: '検品スタッフ1名',
        establishmentId: 'x',
      },
      lastChangedBy: 'KINTONE',
      syncedAt: now,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await t.ledger.commit([{ entity: { type: 'KINTONE_RECORD', value: order } }], []);
  }
  t.db.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(describeCall(String(context.commandName), args.input as Record<string, unknown>));
      return next(args);
    },
    { step: 'initialize', name: 'countCalls' },
  );
}, 600_000);

/**
 * DynamoDB calls and rows of one page query, run on the schema with the request context the API
 * builds (its loaders and batching ledger) — without the API's depth and cost limits, which
 * refuse some of these deep walks at 50 rows and are not what is measured here.
 */
async function measure(list: PagedList, first: number, rows: Selection) {
  const contextValue = await createContext(deps, { sub: director.userId, role: director.role });
  calls.length = 0;
  const result = await execute({ schema, document: parse(pageQuery(list, first, rows)), contextValue });
  const made = [...calls];
  const top = result.data?.[list.field] as { edges?: unknown[] } | unknown[] | undefined;
  const count = Array.isArray(top) ? top.length : (top?.edges?.length ?? 0);
  const errors = (result.errors ?? []).map((e) => ({ message: e.message, code: e.extensions?.code }));
  return { made, count, errors };
}

describe('the batch reads answer what the single-row reads answer, row by row and in order', () => {
  it('for every owned list, audit trails, G-Staff names and entities by id', async () => {
    const clients = (await t.ledger.listClients({ first: 8 })).items;
    const clientIds = [...clients.map((c) => c.clientId), 'cli_missing'];
    const applications = (
      await Promise.all(clientIds.map((id) => t.ledger.listApplicationsOfClient(id)))
    ).flat();
    const contracts = (
      await Promise.all(clientIds.map((id) => t.ledger.listIndividualContractsOfClient(id)))
    ).flat();
    const owners: Record<OwnedListName, string[]> = Object.fromEntries(
      OWNED_LIST_NAMES.map((name) => [name, clientIds]),
    ) as Record<OwnedListName, string[]>;
    owners.listApprovalTasksOfApplication = applications.map((a) => a.applicationId);
    owners.listWorkerAssignmentsOfWorker = contracts.flatMap((c) => (c.worker ? [c.worker.workerId] : []));
    for (const name of OWNED_LIST_NAMES) {
      const batch = await t.ledger.listOwnedBatch(name, owners[name]);
      const single = t.ledger[name].bind(t.ledger) as (id: string) => Promise<unknown[]>;
      for (const id of owners[name]) expect(batch.get(id), `${name}(${id})`).toEqual(await single(id));
    }
    expect(applications.length).toBeGreaterThan(clients.length);

    const trails = clients.map((c) => ({ trail: clientTrail(c.clientId), first: 3 }));
    const pages = await t.ledger.listAuditTrails(trails);
    for (const r of trails) {
      const page = pages.get(auditTrailRequestKey(r));
      expect(page).toEqual(await t.ledger.listAuditTrail(r.trail, r.first));
      expect(page?.items.length).toBeGreaterThan(0);
    }
    const names = clients.map((c) => c.normalizedName);
    const byName = await t.ledger.findGStaffMirrorRecordsByNames(names);
    for (const n of names) expect(byName.get(n)).toEqual(await t.ledger.findGStaffMirrorRecordsByName(n));

    const sorted = <T>(items: T[], id: (item: T) => string) =>
      [...items].sort((a, b) => id(a).localeCompare(id(b)));
    const ids = applications.map((a) => a.applicationId);
    expect(sorted(await t.ledger.getApplications([...ids, 'app_missing']), (a) => a.applicationId)).toEqual(
      sorted(applications, (a) => a.applicationId),
    );
    const contractIds = contracts.map((c) => c.individualContractId);
    expect(sorted(await t.ledger.getIndividualContracts(contractIds), (c) => c.individualContractId)).toEqual(
      sorted(contracts, (c) => c.individualContractId),
    );
    const establishments = await t.ledger.getEstablishments(contracts.map((c) => c.establishmentId));
    expect(establishments).toHaveLength(contracts.length);
    const treatments = await t.ledger.getTreatmentInformations(contracts.map((c) => c.orderId));
    expect(treatments.map((x) => x.orderId).sort()).toEqual(contracts.map((c) => c.orderId).sort());
  }, 120_000);
});

const lists = pagedLists(schema);
/** The pages the ledger above fills with 50 rows; the others are walked on whatever they hold. */
const SEEDED = ['clients', 'inquiries', 'orders', 'workers'];

describe('every paged list costs the same DynamoDB calls for 5 rows and for 50', () => {
  it('finds the paged lists in the schema', () => {
    expect(lists.map((l) => l.field)).toEqual(expect.arrayContaining(SEEDED));
  });

  for (const list of lists) {
    it(`${list.field}: every field of its rows`, async () => {
      const nodeDepth = list.connection ? 3 : 1;
      const full = fullSelection(list.node, MAX_DEPTH - nodeDepth);
      if (!full) throw new Error(`nothing to select on ${list.node.name}`);
      const covered = new Set(fieldPaths(full));
      const parts = splitSelection(full);
      const reached = new Set<string>();
      for (const part of parts) {
        const small = await measure(list, 5, part);
        const large = await measure(list, ROWS, part);
        // Refusals of the field itself (a role that may not see it) are fine; limits and failures are not.
        const unexpected = [...small.errors, ...large.errors].filter(
          (e) => !['FORBIDDEN', 'NOT_FOUND'].includes(String(e.code)),
        );
        expect(unexpected, JSON.stringify(part).slice(0, 300)).toEqual([]);
        if (SEEDED.includes(list.field)) {
          expect(small.count).toBe(5);
          expect(large.count).toBe(ROWS);
        }
        expect(compareCalls(small.made, large.made), fieldPaths(part).slice(0, 3).join(', ')).toEqual([]);
        for (const path of fieldPaths(part)) reached.add(path);
      }
      expect([...covered].filter((path) => !reached.has(path))).toEqual([]);
    }, 600_000);
  }
});
