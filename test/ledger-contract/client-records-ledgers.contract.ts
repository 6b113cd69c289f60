/**
 * The smaller client-side ports: SalesRepAssignmentLedger (A3-1 … A3-3), HearingSheetLedger,
 * VisitLedger, EstablishmentLedger and StaffDirectoryLedger.
 */
import { describe, expect, it } from 'vitest';
import type {
  EstablishmentLedger,
  HearingSheetLedger,
  SalesRepAssignmentLedger,
  StaffDirectoryLedger,
  VisitLedger,
} from '../../core/ledger.js';
import {
  create,
  establishment,
  hearingSheet,
  nov,
  salesRepAssignment,
  staffMember,
  update,
  visit,
} from './builders.js';
import { type Fresh, freshPerTest, idsOf, sortedIdsOf } from './harness.js';

export function salesRepAssignmentLedgerContract(fresh: Fresh<SalesRepAssignmentLedger>) {
  describe('SalesRepAssignmentLedger', () => {
    const ledger = freshPerTest(fresh);

    it('keeps a rep’s assignments oldest first and a client’s history newest first', async () => {
      await create(
        ledger(),
        salesRepAssignment('a2', { clientId: 'c1', salesRepId: 'rep-2', assignedAt: nov(2) }),
        salesRepAssignment('a1', {
          clientId: 'c1',
          salesRepId: 'rep-1',
          assignedAt: nov(1),
          endedAt: nov(2),
        }),
        salesRepAssignment('a3', { clientId: 'c2', salesRepId: 'rep-1', assignedAt: nov(3) }),
        salesRepAssignment('a0', { clientId: 'c3', salesRepId: 'rep-1', assignedAt: nov(3) }),
      );
      expect(idsOf(await ledger().listSalesRepAssignmentsOfRep('rep-1'), (a) => a.assignmentId)).toEqual([
        'a1',
        'a0',
        'a3',
      ]);
      expect(idsOf(await ledger().listSalesRepAssignmentsOfClient('c1'), (a) => a.assignmentId)).toEqual([
        'a2',
        'a1',
      ]);
      expect(await ledger().getSalesRepAssignment('a1')).toEqual(
        salesRepAssignment('a1', { clientId: 'c1', salesRepId: 'rep-1', assignedAt: nov(1), endedAt: nov(2) })
          .value,
      );
      expect(await ledger().getSalesRepAssignment('missing')).toBeUndefined();
      expect(await ledger().listSalesRepAssignmentsOfRep('nobody')).toEqual([]);
    });
  });
}

export function hearingSheetLedgerContract(fresh: Fresh<HearingSheetLedger>) {
  describe('HearingSheetLedger', () => {
    const ledger = freshPerTest(fresh);

    it('keeps a client’s hearing sheets oldest first', async () => {
      await create(
        ledger(),
        hearingSheet('h2', { createdAt: nov(2) }),
        hearingSheet('h1', { createdAt: nov(1) }),
        hearingSheet('h3', { clientId: 'c2' }),
      );
      expect(idsOf(await ledger().listHearingSheetsOfClient('cli-1'), (h) => h.hearingSheetId)).toEqual([
        'h1',
        'h2',
      ]);
      expect((await ledger().getHearingSheet('h3'))?.clientId).toBe('c2');
      expect(await ledger().getHearingSheet('missing')).toBeUndefined();
    });
  });
}

export function visitLedgerContract(fresh: Fresh<VisitLedger>) {
  describe('VisitLedger', () => {
    const ledger = freshPerTest(fresh);

    it('lists a client’s visits newest planned first', async () => {
      await create(
        ledger(),
        visit('v1', { plannedStartAt: nov(1) }),
        visit('v3', { plannedStartAt: nov(3) }),
        visit('v2', { plannedStartAt: nov(2), clientId: 'c2' }),
      );
      expect(idsOf(await ledger().listVisitsOfClient('cli-1'), (v) => v.visitId)).toEqual(['v3', 'v1']);
      expect(await ledger().getVisit('missing')).toBeUndefined();
    });

    it('lists owed visit records due before an instant, soonest first, by department, and drops recorded and cancelled ones', async () => {
      const v1 = visit('v1', { recordDeadline: { dueAt: nov(10), basis: 'PLANNED_END' } });
      await create(
        ledger(),
        visit('v2', { status: 'PREPARED', recordDeadline: { dueAt: nov(12), basis: 'PLANNED_END' } }),
        v1,
        visit('v3', { department: 'OSAKA', recordDeadline: { dueAt: nov(11), basis: 'PLANNED_END' } }),
        visit('v4', { recordDeadline: { dueAt: nov(25), basis: 'PLANNED_END' } }),
        visit('v5', { status: 'CANCELLED', recordDeadline: { dueAt: nov(5), basis: 'PLANNED_END' } }),
      );
      const open = (department?: string, after?: string) =>
        ledger().listOpenVisitRecordDeadlines({
          dueBefore: new Date(nov(20)),
          first: 2,
          ...(department ? { department } : {}),
          ...(after ? { after } : {}),
        });
      const first = await open();
      expect(idsOf(first.items, (v) => v.visitId)).toEqual(['v1', 'v3']);
      expect(idsOf((await open(undefined, first.endCursor)).items, (v) => v.visitId)).toEqual(['v2']);
      expect(idsOf((await open('SALES_TOKYO')).items, (v) => v.visitId)).toEqual(['v1', 'v2']);
      await ledger().commit([update(v1, { status: 'RECORDED' })], []);
      expect(idsOf((await open('SALES_TOKYO')).items, (v) => v.visitId)).toEqual(['v2']);
    });
  });
}

export function establishmentLedgerContract(fresh: Fresh<EstablishmentLedger>) {
  describe('EstablishmentLedger', () => {
    const ledger = freshPerTest(fresh);

    it('keeps a client’s establishments oldest first', async () => {
      await create(
        ledger(),
        establishment('e2', { createdAt: nov(2) }),
        establishment('e1', { createdAt: nov(1) }),
        establishment('e0', { createdAt: nov(2) }),
        establishment('x', { clientId: 'c2' }),
      );
      expect(idsOf(await ledger().listEstablishmentsOfClient('cli-1'), (e) => e.establishmentId)).toEqual([
        'e1',
        'e0',
        'e2',
      ]);
      expect((await ledger().getEstablishment('x'))?.clientId).toBe('c2');
      expect(await ledger().getEstablishment('missing')).toBeUndefined();
    });
  });
}

export function staffDirectoryLedgerContract(fresh: Fresh<StaffDirectoryLedger>) {
  describe('StaffDirectoryLedger', () => {
    const ledger = freshPerTest(fresh);

    it('lists the directory by user id and reads members one at a time or in a batch', async () => {
      await create(ledger(), staffMember('u3'), staffMember('u1', { role: 'MANAGER' }), staffMember('u2'));
      expect(idsOf(await ledger().listStaffMembers(), (m) => m.userId)).toEqual(['u1', 'u2', 'u3']);
      expect(
        sortedIdsOf(await ledger().getStaffMembers(['u3', 'missing', 'u1', 'u1']), (m) => m.userId),
      ).toEqual(['u1', 'u3']);
      expect((await ledger().getStaffMember('u1'))?.role).toBe('MANAGER');
      expect(await ledger().getStaffMember('missing')).toBeUndefined();
    });
  });
}
