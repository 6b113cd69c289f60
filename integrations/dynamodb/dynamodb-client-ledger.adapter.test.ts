/** The ledger adapter against a real DynamoDB Local. */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../core/audit.js';
import type { Client } from '../../core/clients/client.js';
import { ConflictError, ValidationError } from '../../core/errors.js';
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
