/** ApplicationLedger: applications, the slot each holds open, and their approval tasks. */
import { describe, expect, it } from 'vitest';
import type { ApplicationLedger } from '../../core/ledger.js';
import { application, applicationSlot, approvalTask, create, nov, update } from './builders.js';
import { type Fresh, freshPerTest, idsOf } from './harness.js';

export function applicationLedgerContract(fresh: Fresh<ApplicationLedger>) {
  describe('ApplicationLedger', () => {
    const ledger = freshPerTest(fresh);

    it('lists a client’s applications newest first', async () => {
      await create(
        ledger(),
        application('a1', { createdAt: nov(1) }),
        application('a3', { createdAt: nov(3) }),
        application('a2', { createdAt: nov(2), clientId: 'c2' }),
      );
      expect(idsOf(await ledger().listApplicationsOfClient('cli-1'), (a) => a.applicationId)).toEqual([
        'a3',
        'a1',
      ]);
      expect(await ledger().getApplication('missing')).toBeUndefined();
    });

    it('lists submitted applications oldest submitted first, up to the limit, and drops a decided one', async () => {
      const a1 = application('a1', { status: 'SUBMITTED', submittedAt: nov(1) });
      await create(
        ledger(),
        application('a3', { status: 'SUBMITTED', submittedAt: nov(3) }),
        a1,
        application('a2', { status: 'SUBMITTED', submittedAt: nov(2) }),
        application('a0', { status: 'DRAFT' }),
      );
      expect(idsOf(await ledger().listApplicationsInFlight(2), (a) => a.applicationId)).toEqual(['a1', 'a2']);
      await ledger().commit([update(a1, { status: 'APPROVED', decidedAt: nov(4) })], []);
      expect(idsOf(await ledger().listApplicationsInFlight(10), (a) => a.applicationId)).toEqual([
        'a2',
        'a3',
      ]);
    });

    it('finds a slot by client, type and subject; one slot per key', async () => {
      await create(
        ledger(),
        applicationSlot({ openApplicationId: 'a1' }),
        applicationSlot({ type: 'ORDER_APPROVAL', subjectId: 'ord-1', openApplicationId: 'a2' }),
      );
      expect((await ledger().getApplicationSlot('cli-1#CREDIT_PRECHECK'))?.openApplicationId).toBe('a1');
      expect((await ledger().getApplicationSlot('cli-1#ORDER_APPROVAL#ord-1'))?.openApplicationId).toBe('a2');
      expect(await ledger().getApplicationSlot('cli-1#ORDER_APPROVAL')).toBeUndefined();
      await expect(
        ledger().commit([{ entity: applicationSlot({ openApplicationId: 'a9' }) }], []),
      ).rejects.toThrow();
    });

    it('lists a pool’s open tasks oldest first (a pool with and one without a department apart), and drops a decided one', async () => {
      const t1 = approvalTask('t1', { openedAt: nov(1) });
      await create(
        ledger(),
        approvalTask('t3', { openedAt: nov(3) }),
        t1,
        approvalTask('t2', { openedAt: nov(2) }),
        approvalTask('t4', { openedAt: nov(1), pool: { role: 'MANAGER', department: 'SALES_OSAKA' } }),
        approvalTask('t5', { openedAt: nov(1), pool: { role: 'DIRECTOR' }, step: 'DIRECTOR' }),
      );
      const tokyo = { role: 'MANAGER', department: 'SALES_TOKYO' } as const;
      expect(idsOf(await ledger().listOpenApprovalTasks(tokyo, 2), (t) => t.taskId)).toEqual(['t1', 't2']);
      expect(idsOf(await ledger().listOpenApprovalTasks({ role: 'DIRECTOR' }, 10), (t) => t.taskId)).toEqual([
        't5',
      ]);
      await ledger().commit(
        [
          update(t1, {
            status: 'DECIDED',
            decision: { decision: 'APPROVE', decidedBy: 'mgr-1', decidedAt: nov(4) },
          }),
        ],
        [],
      );
      expect(idsOf(await ledger().listOpenApprovalTasks(tokyo, 10), (t) => t.taskId)).toEqual(['t2', 't3']);
      expect(idsOf(await ledger().listApprovalTasksOfApplication('app-1'), (t) => t.taskId)).toEqual([
        't1',
        't4',
        't5',
        't2',
        't3',
      ]);
      expect((await ledger().getApprovalTask('t1'))?.status).toBe('DECIDED');
    });
  });
}
