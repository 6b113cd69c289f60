/**
 * The mirror of G-Staff's staff register (スタッフ台帳) in the ledger: who is dispatched where,
 * under which rep, since when — for the reps' staff loads (A2-2) and the 3-year limits — refreshed
 * by `refreshStaffRegisterMirror`, so these lookups never wait on G-Staff.
 */
import type { HubDeps } from '../hub.js';
import type { LedgerWrite } from '../ledger.js';
import type { GStaff, StaffAssignment } from './gstaff.js';
import { commitMirrorWrites } from './gstaff-mirror.js';

export interface StaffAssignmentMirror extends StaffAssignment {
  mirroredAt: string;
  version: number;
}

const same = (a: StaffAssignment, b: StaffAssignment) =>
  a.staffId === b.staffId &&
  a.gstaffClientId === b.gstaffClientId &&
  a.establishment === b.establishment &&
  a.organisationalUnit === b.organisationalUnit &&
  a.salesRepId === b.salesRepId &&
  a.startDate === b.startDate &&
  a.endDate === b.endDate;

export async function refreshStaffRegisterMirror(
  deps: HubDeps & { gstaff: GStaff },
): Promise<{ seen: number; changed: number }> {
  const total = { seen: 0, changed: 0 };
  const now = deps.clock.now().toISOString();
  for await (const page of deps.gstaff.staffRegister()) {
    const existing = new Map(
      (await deps.ledger.getStaffAssignments(page.map((a) => a.assignmentId))).map((a) => [
        a.assignmentId,
        a,
      ]),
    );
    const writes: LedgerWrite[] = [];
    for (const assignment of page) {
      const before = existing.get(assignment.assignmentId);
      if (before && same(before, assignment)) continue;
      writes.push({
        entity: {
          type: 'STAFF_ASSIGNMENT',
          value: { ...assignment, mirroredAt: now, version: (before?.version ?? 0) + 1 },
        },
        ...(before ? { expectedVersion: before.version } : {}),
      });
    }
    await commitMirrorWrites(deps, writes, {
      now,
      source: 'gstaff-api',
      operation: 'gstaff.staffRegisterRefresh',
      subjectId: 'staff-assignments',
    });
    total.seen += page.length;
    total.changed += writes.length;
  }
  return total;
}
