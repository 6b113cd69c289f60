/**
 * The mirror of G-Staff's worker register (スタッフ台帳): dispatched workers and their
 * assignments at clients' establishments (A5-3 … A5-5, the assignment proposal's load).
 */
import type { Worker, WorkerAssignmentMirror } from '../gstaff/worker-register-mirror.js';
import type { Page } from '../ledger.js';

export interface WorkerRegisterLedger {
  getWorker(workerId: string): Promise<Worker | undefined>;
  getWorkers(workerIds: readonly string[]): Promise<Worker[]>;
  /** The worker register, by worker id. */
  listWorkers(first: number, after?: string): Promise<Page<Worker>>;
  getWorkerAssignments(assignmentIds: readonly string[]): Promise<WorkerAssignmentMirror[]>;
  /** The workers' assignments at one G-Staff client (its G-Staff id, not the hub's client id), oldest start first. */
  listWorkerAssignmentsOfGStaffClient(gstaffClientId: string): Promise<WorkerAssignmentMirror[]>;
  /** The workers' assignments under one sales rep, oldest start first. */
  listWorkerAssignmentsOfRep(salesRepId: string): Promise<WorkerAssignmentMirror[]>;
  /** Every assignment of one worker (all clients), oldest first. */
  listWorkerAssignmentsOfWorker(workerId: string): Promise<WorkerAssignmentMirror[]>;
}
