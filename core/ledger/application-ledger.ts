/** Applications (06_1 / 06_2), the slot each holds open, and their approval tasks. */
import type { Application, ApplicationSlot } from '../applications/application.js';
import type { ApprovalPool, ApprovalTask } from '../applications/approval-task.js';

export interface ApplicationLedger {
  getApplication(applicationId: string): Promise<Application | undefined>;
  /** Newest first. */
  listApplicationsOfClient(clientId: string): Promise<Application[]>;
  /** Submitted applications whose workflow has not decided yet, oldest first (re-driven on a local restart). */
  listApplicationsInFlight(limit: number): Promise<Application[]>;
  getApplicationSlot(slotId: string): Promise<ApplicationSlot | undefined>;
  getApprovalTask(taskId: string): Promise<ApprovalTask | undefined>;
  /** OPEN tasks of a pool, oldest first. */
  listOpenApprovalTasks(pool: ApprovalPool, limit: number): Promise<ApprovalTask[]>;
  /** Oldest first. */
  listApprovalTasksOfApplication(applicationId: string): Promise<ApprovalTask[]>;
}
