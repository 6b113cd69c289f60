/**
 * The mirror of G-Staff's worker register (スタッフ台帳) in the ledger: each dispatched worker
 * (`Worker`) and each of their assignments — at which client establishment and organisational
 * unit, under which rep, from when to when — for the reps' worker loads (A2-2), deciding the
 * worker of an individual contract and the 3-year individual limit (A5-5). Refreshed by
 * `refreshWorkerRegisterMirror`, so these lookups never wait on G-Staff. Requirements: A2-2, A5-5, X-3.
 */
import type { HubDeps, HubDepsWith } from '../hub.js';
import type { LedgerCommit, LedgerWrite, WorkerRegisterLedger } from '../ledger.js';
import type { EmploymentTerm, GStaff, RegisteredWorker, WorkerAssignment } from './gstaff.js';
import { commitMirrorWrites } from './gstaff-mirror.js';

/** A dispatched worker (派遣社員) as the ledger mirrors them; never called a staff member. */
export interface Worker {
  workerId: string;
  name: string;
  employmentTerm: EmploymentTerm;
  birthDate?: string;
  mirroredAt: string;
  version: number;
}

export interface WorkerAssignmentMirror extends WorkerAssignment {
  mirroredAt: string;
  version: number;
}

const sameAssignment = (a: WorkerAssignment, b: WorkerAssignment) =>
  a.workerId === b.workerId &&
  a.gstaffClientId === b.gstaffClientId &&
  a.establishment === b.establishment &&
  a.organisationalUnit === b.organisationalUnit &&
  a.salesRepId === b.salesRepId &&
  a.startDate === b.startDate &&
  a.endDate === b.endDate;

const sameWorker = (a: Worker, b: RegisteredWorker) =>
  a.name === b.name && a.employmentTerm === b.employmentTerm && a.birthDate === b.birthDate;

/** Writes one page of the register into the mirror; unchanged workers and assignments are left alone. */
export async function mirrorWorkerRegister(
  deps: HubDepsWith<LedgerCommit & WorkerRegisterLedger>,
  workers: RegisteredWorker[],
  source: 'api' | 'csv',
): Promise<{ seen: number; changed: number }> {
  // A worker listed twice (a CSV export can repeat one) is one record: the last one wins.
  workers = [...new Map(workers.map((w) => [w.workerId, w])).values()];
  const now = deps.clock.now().toISOString();
  const assignments = [
    ...new Map(workers.flatMap((w) => w.assignments).map((a) => [a.assignmentId, a])).values(),
  ];
  const [existingWorkers, existingAssignments] = await Promise.all([
    deps.ledger.getWorkers(workers.map((w) => w.workerId)),
    deps.ledger.getWorkerAssignments(assignments.map((a) => a.assignmentId)),
  ]);
  const workerBefore = new Map(existingWorkers.map((w) => [w.workerId, w]));
  const assignmentBefore = new Map(existingAssignments.map((a) => [a.assignmentId, a]));
  const writes: LedgerWrite[] = [];
  for (const worker of workers) {
    const before = workerBefore.get(worker.workerId);
    if (before && sameWorker(before, worker)) continue;
    writes.push({
      entity: {
        type: 'WORKER',
        value: {
          workerId: worker.workerId,
          name: worker.name,
          employmentTerm: worker.employmentTerm,
          ...(worker.birthDate ? { birthDate: worker.birthDate } : {}),
          mirroredAt: now,
          version: (before?.version ?? 0) + 1,
        },
      },
      ...(before ? { expectedVersion: before.version } : {}),
    });
  }
  for (const assignment of assignments) {
    const before = assignmentBefore.get(assignment.assignmentId);
    if (before && sameAssignment(before, assignment)) continue;
    writes.push({
      entity: {
        type: 'WORKER_ASSIGNMENT',
        value: { ...assignment, mirroredAt: now, version: (before?.version ?? 0) + 1 },
      },
      ...(before ? { expectedVersion: before.version } : {}),
    });
  }
  await commitMirrorWrites(deps, writes, {
    now,
    source: `gstaff-${source}`,
    operation: 'gstaff.workerRegisterRefresh',
    subjectId: 'worker-register',
  });
  return { seen: workers.length, changed: writes.length };
}

export async function refreshWorkerRegisterMirror(
  deps: HubDeps & { gstaff: GStaff },
): Promise<{ seen: number; changed: number }> {
  const total = { seen: 0, changed: 0 };
  for await (const page of deps.gstaff.workerRegister()) {
    const result = await mirrorWorkerRegister(deps, page, 'api');
    total.seen += result.seen;
    total.changed += result.changed;
  }
  return total;
}
