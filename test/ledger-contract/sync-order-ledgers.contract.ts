/** SyncLedger and OrderLedger: kintone records as last agreed, conflicts, runs, cursors, leases; orders (X-3, A7-4). */
import { describe, expect, it } from 'vitest';
import type { OrderLedger } from '../../core/orders/order-ledger.js';
import type { SyncLedger } from '../../core/sync/sync-model.js';
import {
  create,
  jobLease,
  kintoneNotification,
  kintoneRecord,
  nov,
  syncConflict,
  syncCursor,
  syncRun,
  update,
} from './builders.js';
import { type Fresh, freshPerTest, idsOf, sortedIdsOf } from './harness.js';

export function syncLedgerContract(fresh: Fresh<SyncLedger>) {
  describe('SyncLedger', () => {
    const ledger = freshPerTest(fresh);

    it('reads synced records by hub id per app, and by kintone record id', async () => {
      await create(
        ledger(),
        kintoneRecord('h1', { recordId: '7' }),
        kintoneRecord('h2', { recordId: '12' }),
        kintoneRecord('h1', { app: 'visits', recordId: '7' }),
      );
      expect(
        sortedIdsOf(await ledger().getSyncedKintoneRecords('orders', ['h2', 'h1', 'h9']), (r) => r.hubId),
      ).toEqual(['h1', 'h2']);
      expect((await ledger().findSyncedKintoneRecordByRecordId('orders', '12'))?.hubId).toBe('h2');
      expect((await ledger().findSyncedKintoneRecordByRecordId('visits', '7'))?.app).toBe('visits');
      expect(await ledger().findSyncedKintoneRecordByRecordId('visits', '12')).toBeUndefined();
    });

    it('lists records by kintone record id as numbers: after one id, up to another, ascending, up to a limit', async () => {
      await create(
        ledger(),
        ...[3, 100, 20, 9, 1000].map((n) => kintoneRecord(`h${n}`, { recordId: String(n) })),
        kintoneRecord('v50', { app: 'visits', recordId: '50' }),
      );
      const range = (afterRecordId: number, limit: number, upToRecordId?: number) =>
        ledger().listSyncedKintoneRecordsByRecordId('orders', {
          afterRecordId,
          limit,
          ...(upToRecordId === undefined ? {} : { upToRecordId }),
        });
      expect(idsOf(await range(0, 10), (r) => r.recordId)).toEqual(['3', '9', '20', '100', '1000']);
      expect(idsOf(await range(3, 2), (r) => r.recordId)).toEqual(['9', '20']);
      expect(idsOf(await range(9, 10, 100), (r) => r.recordId)).toEqual(['20', '100']);
    });

    it('lists a client’s synced records by app, then kintone record id', async () => {
      await create(
        ledger(),
        kintoneRecord('h2', { recordId: '20' }),
        kintoneRecord('v1', { app: 'visits', recordId: '1' }),
        kintoneRecord('h1', { recordId: '3' }),
        kintoneRecord('x', { recordId: '4', clientId: 'c2' }),
      );
      expect(idsOf(await ledger().listSyncedKintoneRecordsOfClient('cli-1'), (r) => r.hubId)).toEqual([
        'h1',
        'h2',
        'v1',
      ]);
    });

    it('lists open conflicts oldest first and resolved ones newest first, up to a limit', async () => {
      const c1 = syncConflict('c1', { detectedAt: nov(1) });
      await create(
        ledger(),
        syncConflict('c3', { detectedAt: nov(3) }),
        c1,
        syncConflict('c2', { detectedAt: nov(2) }),
        syncConflict('r1', { detectedAt: nov(1), status: 'RESOLVED' }),
        syncConflict('r2', { detectedAt: nov(2), status: 'RESOLVED' }),
      );
      expect(idsOf(await ledger().listSyncConflicts('OPEN', 2), (c) => c.conflictId)).toEqual(['c1', 'c2']);
      await ledger().commit([update(c1, { status: 'RESOLVED' })], []);
      expect(idsOf(await ledger().listSyncConflicts('OPEN', 10), (c) => c.conflictId)).toEqual(['c2', 'c3']);
      expect(idsOf(await ledger().listSyncConflicts('RESOLVED', 10), (c) => c.conflictId)).toEqual([
        'r2',
        'r1',
        'c1',
      ]);
      expect((await ledger().getSyncConflict('c1'))?.status).toBe('RESOLVED');
    });

    it('lists runs newest first, of one job or all, and reads a run, a cursor, a lease and a notification', async () => {
      await create(
        ledger(),
        syncRun('run1', { startedAt: nov(1) }),
        syncRun('run3', { startedAt: nov(3), job: 'kintone.visits' }),
        syncRun('run2', { startedAt: nov(2) }),
        syncCursor(),
        jobLease(),
        kintoneNotification('kn1'),
      );
      expect(idsOf(await ledger().listSyncRuns({ limit: 10 }), (r) => r.runId)).toEqual([
        'run3',
        'run2',
        'run1',
      ]);
      expect(idsOf(await ledger().listSyncRuns({ job: 'kintone.orders', limit: 1 }), (r) => r.runId)).toEqual(
        ['run2'],
      );
      expect((await ledger().getSyncRun('run1'))?.startedAt).toBe(nov(1));
      expect(await ledger().getSyncCursor('kintone.orders')).toEqual(syncCursor().value);
      expect(await ledger().getSyncCursor('kintone.visits')).toBeUndefined();
      expect((await ledger().getJobLease('kintone.orders'))?.holder).toBe('host-1');
      expect(await ledger().getKintoneNotification('kn1')).toEqual(kintoneNotification('kn1').value);
      expect(await ledger().getKintoneNotification('missing')).toBeUndefined();
    });

    it('takes a job lease once: a second create of the same lease is a conflict', async () => {
      await create(ledger(), jobLease());
      await expect(create(ledger(), jobLease({ holder: 'host-2' }))).rejects.toThrow();
      expect((await ledger().getJobLease('kintone.orders'))?.holder).toBe('host-1');
    });
  });
}

export function orderLedgerContract(fresh: Fresh<OrderLedger>) {
  describe('OrderLedger', () => {
    const ledger = freshPerTest(fresh);
    const order = (
      hubId: string,
      recordId: string,
      createdAt: string,
      fields: Record<string, string>,
      clientId = 'cli-1',
    ) => kintoneRecord(hubId, { recordId, createdAt, fields, clientId });

    it('lists orders newest first: all, a department’s, a client’s (newest kintone record first), filtered by status and clients', async () => {
      await create(
        ledger(),
        order('o1', '30', nov(1), { department: 'SALES_TOKYO', status: 'RECEIVED' }),
        order('o2', '10', nov(2), { department: 'SALES_OSAKA', status: 'RECEIVED' }, 'c2'),
        order('o3', '20', nov(3), { department: 'SALES_TOKYO', status: 'CLOSED' }),
        order('o4', '5', nov(4), {}, 'c3'),
        kintoneRecord('v1', { app: 'visits', recordId: '99', createdAt: nov(9) }),
      );
      const ids = async (q: Parameters<OrderLedger['listOrders']>[0]) =>
        idsOf((await ledger().listOrders(q)).items, (r) => r.hubId);
      expect(await ids({ first: 10 })).toEqual(['o4', 'o3', 'o2', 'o1']);
      expect(await ids({ first: 10, department: 'SALES_TOKYO' })).toEqual(['o3', 'o1']);
      expect(await ids({ first: 10, department: '' })).toEqual(['o4']);
      expect(await ids({ first: 10, clientId: 'cli-1' })).toEqual(['o1', 'o3']);
      expect(
        await ids({ first: 10, clientId: 'cli-1', department: 'SALES_TOKYO', status: 'CLOSED' }),
      ).toEqual(['o3']);
      expect(await ids({ first: 10, status: 'RECEIVED' })).toEqual(['o2', 'o1']);
      expect(await ids({ first: 10, clientIds: ['c2', 'c3'] })).toEqual(['o4', 'o2']);
      expect(await ids({ first: 10, clientIds: [] })).toEqual([]);
      const first = await ledger().listOrders({ first: 3 });
      expect(first.hasNextPage).toBe(true);
      expect(
        idsOf(
          (await ledger().listOrders({ first: 3, after: first.endCursor as string })).items,
          (r) => r.hubId,
        ),
      ).toEqual(['o1']);
    });
  });
}
