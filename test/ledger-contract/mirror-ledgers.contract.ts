/** GStaffMirrorLedger and WorkerRegisterLedger: the mirrors of G-Staff's client registrations and worker register. */
import { describe, expect, it } from 'vitest';
import type { GStaffMirrorLedger, WorkerRegisterLedger } from '../../core/ledger.js';
import { create, gstaffClient, worker, workerAssignment } from './builders.js';
import { type Fresh, freshPerTest, idsOf, sortedIdsOf } from './harness.js';

export function gstaffMirrorLedgerContract(fresh: Fresh<GStaffMirrorLedger>) {
  describe('GStaffMirrorLedger', () => {
    const ledger = freshPerTest(fresh);

    it('reads mirrored G-Staff clients in a batch and finds them by normalised name', async () => {
      await create(
        ledger(),
        gstaffClient('G-1', { normalizedName: 'サンプル' }),
        gstaffClient('G-2', { normalizedName: 'サンプル' }),
        gstaffClient('G-3', { normalizedName: 'ほか' }),
      );
      expect(
        sortedIdsOf(
          await ledger().getGStaffMirrorRecords(['G-3', 'G-1', 'G-9', 'G-1']),
          (g) => g.gstaffClientId,
        ),
      ).toEqual(['G-1', 'G-3']);
      expect(
        sortedIdsOf(await ledger().findGStaffMirrorRecordsByName('サンプル'), (g) => g.gstaffClientId),
      ).toEqual(['G-1', 'G-2']);
      expect(await ledger().findGStaffMirrorRecordsByName('missing')).toEqual([]);
      expect(await ledger().getGStaffMirrorRecords([])).toEqual([]);
    });
  });
}

export function workerRegisterLedgerContract(fresh: Fresh<WorkerRegisterLedger>) {
  describe('WorkerRegisterLedger', () => {
    const ledger = freshPerTest(fresh);

    it('pages the worker register by worker id and reads workers one at a time or in a batch', async () => {
      await create(ledger(), worker('W-3'), worker('W-1'), worker('W-2'));
      const first = await ledger().listWorkers(2);
      expect(idsOf(first.items, (w) => w.workerId)).toEqual(['W-1', 'W-2']);
      const rest = await ledger().listWorkers(2, first.endCursor);
      expect(idsOf(rest.items, (w) => w.workerId)).toEqual(['W-3']);
      expect(rest.hasNextPage).toBe(false);
      expect(sortedIdsOf(await ledger().getWorkers(['W-2', 'W-9']), (w) => w.workerId)).toEqual(['W-2']);
      expect((await ledger().getWorker('W-1'))?.name).toBe('派遣 W-1');
      expect(await ledger().getWorker('W-9')).toBeUndefined();
    });

    it('lists assignments of a worker, of a G-Staff client and of a rep, oldest start first', async () => {
      await create(
        ledger(),
        workerAssignment('A-3', {
          workerId: 'W-2',
          gstaffClientId: 'G-1',
          salesRepId: 'rep-1',
          startDate: '2025-01-01',
        }),
        workerAssignment('A-2', {
          workerId: 'W-1',
          gstaffClientId: 'G-2',
          salesRepId: 'rep-1',
          startDate: '2024-01-01',
        }),
        workerAssignment('A-1', { workerId: 'W-1', gstaffClientId: 'G-1', startDate: '2023-01-01' }),
        workerAssignment('A-0', {
          workerId: 'W-3',
          gstaffClientId: 'G-1',
          salesRepId: 'rep-2',
          startDate: '2025-01-01',
        }),
      );
      expect(idsOf(await ledger().listWorkerAssignmentsOfWorker('W-1'), (a) => a.assignmentId)).toEqual([
        'A-1',
        'A-2',
      ]);
      expect(idsOf(await ledger().listWorkerAssignmentsOfGStaffClient('G-1'), (a) => a.assignmentId)).toEqual(
        ['A-1', 'A-0', 'A-3'],
      );
      expect(idsOf(await ledger().listWorkerAssignmentsOfRep('rep-1'), (a) => a.assignmentId)).toEqual([
        'A-2',
        'A-3',
      ]);
      expect(
        sortedIdsOf(await ledger().getWorkerAssignments(['A-3', 'A-9', 'A-1']), (a) => a.assignmentId),
      ).toEqual(['A-1', 'A-3']);
      expect(await ledger().listWorkerAssignmentsOfRep('nobody')).toEqual([]);
    });
  });
}
