/** The ledger adapter against a real DynamoDB Local. */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../core/audit.js';
import type { Client } from '../../core/clients/client.js';
import { ConflictError, ValidationError } from '../../core/errors.js';
import type { Establishment } from '../../core/establishments/establishment.js';
import type { IndividualContract } from '../../core/individual-contracts/individual-contract.js';
import type { Inquiry } from '../../core/inquiries/inquiry.js';
import { createTestLedger, type TestLedger } from '../../test/support/ledger.js';

let t: TestLedger;
beforeAll(async () => {
  t = await createTestLedger();
});

const client = (id: string, overrides: Partial<Client> = {}): Client => ({
  clientId: id,
  name: `株式会社${id}`,
  normalizedName: id,
  phones: [],
  emailDomains: [],
  stage: 'PROSPECT',
  possibleDuplicateOf: [],
  version: 1,
  createdAt: '2026-11-27T00:00:00.000Z',
  updatedAt: '2026-11-27T00:00:00.000Z',
  ...overrides,
});

const audit = (trail: string, eventId: string, at = '2026-11-27T00:00:00.000Z'): AuditEvent => ({
  eventId,
  trail,
  at,
  actor: { kind: 'SYSTEM', name: 'test' },
  operation: 'test',
  subjectType: 'CLIENT',
  subjectId: trail,
  changes: [],
});

const inquiry = (id: string, overrides: Partial<Inquiry> = {}): Inquiry => ({
  inquiryId: id,
  channel: 'WEB',
  status: 'NEW',
  clientId: 'c-inq',
  clientMatch: 'NEW_PROSPECT',
  company: 'x',
  contactName: 'y',
  receivedAt: '2026-11-27T00:00:00.000Z',
  firstContact: { dueAt: '2026-11-30T14:59:59.999Z' },
  version: 1,
  createdAt: '2026-11-27T00:00:00.000Z',
  updatedAt: '2026-11-27T00:00:00.000Z',
  ...overrides,
});

async function itemsWithPk(prefix: string) {
  // Scan is used only here, to prove what is (not) in the table.
  const out = await t.db.send(new ScanCommand({ TableName: t.tableName }));
  return (out.Items ?? []).filter((i) => String(i.pk).startsWith(prefix));
}

describe('DynamoDbClientLedger.commit', () => {
  it('writes the entity and its audit event together', async () => {
    await t.ledger.commit([{ entity: { type: 'CLIENT', value: client('c1') } }], [audit('CLIENT#c1', 'e1')]);
    expect(await t.ledger.getClient('c1')).toEqual(client('c1'));
    const trail = await t.ledger.listAuditTrail('CLIENT#c1', 10);
    expect(trail.items.map((e) => e.eventId)).toEqual(['e1']);
  });

  it('refuses to create over an existing key, and writes nothing of the failed unit', async () => {
    await t.ledger.commit([{ entity: { type: 'CLIENT', value: client('c2') } }], []);
    await expect(
      t.ledger.commit(
        [
          { entity: { type: 'CLIENT', value: client('c3') } },
          { entity: { type: 'CLIENT', value: client('c2') } },
        ],
        [audit('CLIENT#c3', 'e3')],
      ),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await t.ledger.getClient('c3')).toBeUndefined();
    expect(await itemsWithPk('AUDIT#CLIENT#c3')).toEqual([]);
  });

  it('checks the version on update (optimistic locking), never overwriting silently', async () => {
    await t.ledger.commit([{ entity: { type: 'CLIENT', value: client('c4') } }], []);
    const v2 = client('c4', { version: 2, department: 'SALES_TOKYO' });
    await t.ledger.commit(
      [{ entity: { type: 'CLIENT', value: v2 }, expectedVersion: 1 }],
      [audit('CLIENT#c4', 'e4')],
    );
    const stale = client('c4', { version: 2, department: 'SALES_OSAKA' });
    await expect(
      t.ledger.commit(
        [{ entity: { type: 'CLIENT', value: stale }, expectedVersion: 1 }],
        [audit('CLIENT#c4', 'e5')],
      ),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await t.ledger.getClient('c4'))?.department).toBe('SALES_TOKYO');
    expect((await t.ledger.listAuditTrail('CLIENT#c4', 10)).items.map((e) => e.eventId)).toEqual(['e4']);
  });

  it('keeps audit events append-only: an event id is never written twice', async () => {
    await t.ledger.commit([], [audit('CLIENT#c5', 'e6')]);
    await expect(t.ledger.commit([], [audit('CLIENT#c5', 'e6')])).rejects.toBeInstanceOf(ConflictError);
  });

  it('lets exactly one of two concurrent creates of the same key win', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        t.ledger.commit(
          [{ entity: { type: 'CLIENT', value: client('c6', { name: `n${i}` }) } }],
          [audit('CLIENT#c6', `e6-${i}`)],
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await t.ledger.listAuditTrail('CLIENT#c6', 10)).items).toHaveLength(1);
  });
});

describe('DynamoDbClientLedger queries', () => {
  it('finds clients by normalised name and in batches', async () => {
    await t.ledger.commit(
      [
        { entity: { type: 'CLIENT', value: client('n1', { normalizedName: 'サンプル' }) } },
        { entity: { type: 'CLIENT', value: client('n2', { normalizedName: 'サンプル' }) } },
      ],
      [],
    );
    expect((await t.ledger.findClientsByNormalizedName('サンプル')).map((c) => c.clientId).sort()).toEqual([
      'n1',
      'n2',
    ]);
    expect((await t.ledger.getClients(['n1', 'n2', 'missing', 'n1'])).map((c) => c.clientId).sort()).toEqual([
      'n1',
      'n2',
    ]);
  });

  it('stores and finds a client and a G-Staff registration by a name longer than a key may be', async () => {
    // 2,000 Japanese characters: 6,000 bytes, past DynamoDB's key limits; no company is named so,
    // but one such row in a G-Staff export must not fail the whole mirror run.
    const long = 'あ'.repeat(2_000);
    const longer = `${long}い`;
    await t.ledger.commit(
      [
        { entity: { type: 'CLIENT', value: client('long1', { normalizedName: long }) } },
        { entity: { type: 'CLIENT', value: client('long2', { normalizedName: longer }) } },
        {
          entity: {
            type: 'GSTAFF_CLIENT',
            value: {
              gstaffClientId: 'G-LONG',
              name: long,
              normalizedName: long,
              active: true,
              pastTroubles: [],
              conflictDates: [],
              updatedAt: '2026-11-27T00:00:00.000Z',
              mirroredAt: '2026-11-27T00:00:00.000Z',
              source: 'csv',
              version: 1,
            },
          },
        },
      ],
      [],
    );
    expect((await t.ledger.findClientsByNormalizedName(long)).map((c) => c.clientId)).toEqual(['long1']);
    expect((await t.ledger.findClientsByNormalizedName(longer)).map((c) => c.clientId)).toEqual(['long2']);
    expect((await t.ledger.findGStaffMirrorRecordsByName(long)).map((g) => g.gstaffClientId)).toEqual([
      'G-LONG',
    ]);
    expect((await t.ledger.findGStaffMirrorRecordsByNames([long, longer])).get(long)?.length).toBe(1);
    expect(await t.ledger.findGStaffMirrorRecordsByName(longer)).toEqual([]);
  });

  it('pages inquiries newest first with filters, and resumes from the cursor', async () => {
    const writes = Array.from({ length: 7 }, (_, i) => ({
      entity: {
        type: 'INQUIRY' as const,
        value: inquiry(`q${i}`, {
          receivedAt: `2026-11-2${i}T00:00:00.000Z`,
          department: 'PAGING',
          status: i % 2 === 0 ? ('ROUTED' as const) : ('CONTACTED' as const),
        }),
      },
    }));
    await t.ledger.commit(writes, []);
    const first = await t.ledger.listInquiries({ department: 'PAGING', status: 'ROUTED', first: 2 });
    expect(first.items.map((i) => i.inquiryId)).toEqual(['q6', 'q4']);
    expect(first.hasNextPage).toBe(true);
    const second = await t.ledger.listInquiries({
      department: 'PAGING',
      status: 'ROUTED',
      first: 2,
      after: first.endCursor,
    });
    expect(second.items.map((i) => i.inquiryId)).toEqual(['q2', 'q0']);
    expect(second.hasNextPage).toBe(false);
  });

  it('lists open first contacts due before an instant, soonest first, and drops met ones', async () => {
    const dueSoon = inquiry('o1', {
      department: 'OVERDUE',
      firstContact: { dueAt: '2026-11-10T00:00:00.000Z' },
    });
    const dueLater = inquiry('o2', {
      department: 'OVERDUE',
      firstContact: { dueAt: '2026-11-12T00:00:00.000Z' },
    });
    const notYet = inquiry('o3', {
      department: 'OVERDUE',
      firstContact: { dueAt: '2026-12-12T00:00:00.000Z' },
    });
    await t.ledger.commit(
      [dueLater, dueSoon, notYet].map((value) => ({ entity: { type: 'INQUIRY' as const, value } })),
      [],
    );
    const overdue = await t.ledger.listInquiries({
      department: 'OVERDUE',
      overdueAt: new Date('2026-11-20T00:00:00Z'),
      first: 10,
    });
    expect(overdue.items.map((i) => i.inquiryId)).toEqual(['o1', 'o2']);

    const met = {
      ...dueSoon,
      status: 'CONTACTED' as const,
      version: 2,
      firstContact: { ...dueSoon.firstContact!, contactedAt: '2026-11-11T00:00:00.000Z' },
    };
    await t.ledger.commit([{ entity: { type: 'INQUIRY', value: met }, expectedVersion: 1 }], []);
    const after = await t.ledger.listInquiries({
      department: 'OVERDUE',
      overdueAt: new Date('2026-11-20T00:00:00Z'),
      first: 10,
    });
    expect(after.items.map((i) => i.inquiryId)).toEqual(['o2']);
  });

  it('rejects a cursor it did not issue with a field error', async () => {
    await expect(t.ledger.listInquiries({ first: 5, after: 'not-a-cursor' })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});

describe('individual-contract records (A5-3 … A5-5)', () => {
  const contract = (id: string, overrides: Partial<IndividualContract> = {}): IndividualContract => ({
    individualContractId: id,
    clientId: 'cli_ic',
    orderId: 'ord_ic',
    establishmentId: 'est_ic',
    organisationalUnitId: 'unit_ic',
    department: 'SALES_IC',
    period: { startDate: '2027-01-04', endDate: '2027-03-31' },
    terms: {},
    status: 'DRAFT',
    createdBy: 'sales-1',
    createdAt: `2026-11-2${id.slice(-1)}T00:00:00.000Z`,
    updatedAt: '2026-11-27T00:00:00.000Z',
    version: 1,
    ...overrides,
  });
  const request = (dueAt: string) => ({
    requestedBy: 'sales-1',
    requestedAt: '2026-11-25T00:00:00.000Z',
    sentTo: { name: '担当', email: 'c@client.example' },
    mailMessageId: 'mail_1',
    dueAt,
  });

  it('finds contracts by client and order, newest first, and keeps open terms requests in a due queue until met', async () => {
    const early = contract('ic1', { termsRequest: request('2026-11-27T14:59:59.999Z') });
    const later = contract('ic2', { termsRequest: request('2026-11-29T14:59:59.999Z') });
    const none = contract('ic3', { orderId: 'ord_other' });
    await t.ledger.commit(
      [early, later, none].map((value) => ({ entity: { type: 'INDIVIDUAL_CONTRACT' as const, value } })),
      [],
    );
    expect(
      (await t.ledger.listIndividualContractsOfClient('cli_ic')).map((c) => c.individualContractId),
    ).toEqual(['ic3', 'ic2', 'ic1']);
    expect(
      (await t.ledger.listIndividualContractsOfOrder('ord_ic')).map((c) => c.individualContractId),
    ).toEqual(['ic2', 'ic1']);
    const due = (at: string, department?: string) =>
      t.ledger.listOpenIndividualContractTermsRequests({
        dueBefore: new Date(at),
        first: 10,
        ...(department ? { department } : {}),
      });
    expect((await due('2026-11-30T00:00:00Z')).items.map((c) => c.individualContractId)).toEqual([
      'ic1',
      'ic2',
    ]);
    expect((await due('2026-11-28T00:00:00Z', 'SALES_IC')).items.map((c) => c.individualContractId)).toEqual([
      'ic1',
    ]);
    expect((await due('2026-11-30T00:00:00Z', 'SALES_OTHER')).items).toEqual([]);
    const met = {
      ...early,
      termsRequest: { ...request(early.termsRequest?.dueAt as string), metAt: '2026-11-26T00:00:00.000Z' },
      version: 2,
    };
    await t.ledger.commit([{ entity: { type: 'INDIVIDUAL_CONTRACT', value: met }, expectedVersion: 1 }], []);
    expect((await due('2026-11-30T00:00:00Z')).items.map((c) => c.individualContractId)).toEqual(['ic2']);
    expect(await t.ledger.getIndividualContract('ic1')).toEqual(met);
  });

  it('keeps establishments by client, treatment information by order, and the worker register by worker', async () => {
    const establishment = (id: string, createdAt: string): Establishment => ({
      establishmentId: id,
      clientId: 'cli_est',
      name: id,
      organisationalUnits: [{ organisationalUnitId: `${id}_u`, name: '総務課' }],
      createdBy: 'sales-1',
      createdAt,
      updatedAt: createdAt,
      version: 1,
    });
    await t.ledger.commit(
      [
        { entity: { type: 'ESTABLISHMENT', value: establishment('est_b', '2026-11-02T00:00:00.000Z') } },
        { entity: { type: 'ESTABLISHMENT', value: establishment('est_a', '2026-11-01T00:00:00.000Z') } },
        {
          entity: {
            type: 'TREATMENT_INFORMATION',
            value: {
              orderId: 'ord_t',
              clientId: 'cli_est',
              establishmentId: 'est_a',
              method: 'EQUAL_BALANCED',
              items: { comparableWorkerTreatment: 'a', training: 'b', welfareFacilities: 'c' },
              documents: [],
              receivedBy: 'sales-1',
              receivedOn: '2026-11-01',
              recordedBy: 'sales-1',
              recordedAt: '2026-11-01T00:00:00.000Z',
              createdAt: '2026-11-01T00:00:00.000Z',
              updatedAt: '2026-11-01T00:00:00.000Z',
              version: 1,
            },
          },
        },
        ...['W-3', 'W-1', 'W-2'].map((workerId) => ({
          entity: {
            type: 'WORKER' as const,
            value: {
              workerId,
              name: workerId,
              employmentTerm: 'FIXED_TERM' as const,
              mirroredAt: '2026-11-01T00:00:00.000Z',
              version: 1,
            },
          },
        })),
        ...[
          ['A-2', '2025-04-01'],
          ['A-1', '2023-04-01'],
        ].map(([assignmentId, startDate]) => ({
          entity: {
            type: 'WORKER_ASSIGNMENT' as const,
            value: {
              assignmentId: assignmentId as string,
              workerId: 'W-1',
              gstaffClientId: 'G-1',
              establishment: '本社',
              organisationalUnit: '総務課',
              startDate: startDate as string,
              mirroredAt: '2026-11-01T00:00:00.000Z',
              version: 1,
            },
          },
        })),
      ],
      [],
    );
    expect((await t.ledger.listEstablishmentsOfClient('cli_est')).map((e) => e.establishmentId)).toEqual([
      'est_a',
      'est_b',
    ]);
    expect((await t.ledger.getTreatmentInformation('ord_t'))?.method).toBe('EQUAL_BALANCED');
    const first = await t.ledger.listWorkers(2);
    expect(first.items.map((w) => w.workerId)).toEqual(['W-1', 'W-2']);
    const rest = await t.ledger.listWorkers(2, first.endCursor);
    expect(rest.items.map((w) => w.workerId)).toEqual(['W-3']);
    expect((await t.ledger.getWorkers(['W-2', 'W-9'])).map((w) => w.workerId)).toEqual(['W-2']);
    expect((await t.ledger.listWorkerAssignmentsOfWorker('W-1')).map((a) => a.assignmentId)).toEqual([
      'A-1',
      'A-2',
    ]);
  });
});
