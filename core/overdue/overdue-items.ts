/**
 * One overdue view across every deadline the hub tracks (X-2, A1-2, A3-6, A4-5, X-3): web
 * inquiries not contacted in time, visit records not entered within 24 hours, 06_2
 * applications past 10 business days without a delay reason, approval tasks waiting past their
 * time (an escalated one stays listed from its first due time, with the supervisors; marketing's
 * sends of individual contracts included), and sync conflicts open longer than a day. Each item
 * names who is responsible and whether (and when) it was escalated. Sales and managers see their
 * department's items; marketing, legal, directors and admins see all. Individual-contract items (A5-4: the client's
 * items not all stored within 2 calendar days of the request) are listed too.
 */
import { type Actor, assertMay, seesAllDepartments, seesDepartment } from '../access.js';
import { type ApprovalPool, type ApprovalTask, approvalTaskIdOf } from '../applications/approval-task.js';
import type { HubDeps } from '../hub.js';
import { salesDepartments } from '../staff/departments.js';

export const OVERDUE_KINDS = [
  'FIRST_CONTACT',
  'VISIT_RECORD',
  'CONTRACT_EXECUTION',
  'APPROVAL',
  'SYNC_CONFLICT',
  'INDIVIDUAL_CONTRACT_TERMS',
] as const;
export type OverdueKind = (typeof OVERDUE_KINDS)[number];

export interface OverdueItem {
  kind: OverdueKind;
  /** The inquiry, visit, application, approval task or sync conflict that is late. */
  subjectId: string;
  clientId: string;
  department?: string;
  dueAt: string;
  /** The person responsible, when one is; else the role / pool that is. */
  responsibleUserId?: string;
  responsible: string;
  escalatedAt?: string;
  /** Who the escalation went to, in words. */
  escalatedTo?: string;
}

const HOUR = 3_600_000;
const LIMIT = 200;

async function approvalPools(deps: HubDeps, actor: Actor): Promise<ApprovalPool[]> {
  const departments = seesAllDepartments(actor)
    ? await salesDepartments(deps.ledger)
    : actor.department
      ? [actor.department]
      : [];
  return [
    ...departments.map((department) => ({ role: 'MANAGER' as const, department })),
    { role: 'DIRECTOR' as const },
    { role: 'LEGAL' as const },
    // Marketing's send of an individual contract (A5-6) waits and escalates like an approval.
    { role: 'MARKETING' as const },
  ];
}

/**
 * When an approval task fell due and when it was escalated. An escalated task (the one the
 * workflow opens for the supervisors once the first went unanswered) continues the first: it is
 * overdue from the first one's due time, escalated when the first was closed as escalated.
 */
async function approvalDeadline(deps: HubDeps, task: ApprovalTask, waited: number) {
  if (task.taskId !== approvalTaskIdOf(task.applicationId, task.step, true))
    return { dueAt: new Date(Date.parse(task.openedAt) + waited) };
  const first = await deps.ledger.getApprovalTask(approvalTaskIdOf(task.applicationId, task.step, false));
  return {
    dueAt: first ? new Date(Date.parse(first.openedAt) + waited) : new Date(task.openedAt),
    escalatedAt: first?.escalatedAt ?? task.openedAt,
  };
}

const poolName = (pool: ApprovalPool) => (pool.department ? `${pool.role} ${pool.department}` : pool.role);

export async function listOverdueItems(
  deps: HubDeps,
  actor: Actor,
  query: { kinds?: readonly OverdueKind[] } = {},
): Promise<OverdueItem[]> {
  assertMay(actor, 'client.read');
  const now = deps.clock.now();
  const wanted = new Set(query.kinds?.length ? query.kinds : OVERDUE_KINDS);
  const department = seesAllDepartments(actor) ? undefined : actor.department;
  const items: OverdueItem[] = [];

  if (wanted.has('FIRST_CONTACT')) {
    const page = await deps.ledger.listInquiries({
      overdueAt: now,
      first: LIMIT,
      ...(department ? { department } : {}),
    });
    for (const inquiry of page.items) {
      const fc = inquiry.firstContact;
      if (!fc) continue;
      items.push({
        kind: 'FIRST_CONTACT',
        subjectId: inquiry.inquiryId,
        clientId: inquiry.clientId,
        ...(inquiry.department ? { department: inquiry.department } : {}),
        dueAt: fc.dueAt,
        responsible: inquiry.department ? `SALES ${inquiry.department}` : 'MARKETING',
        ...(fc.escalatedAt
          ? {
              escalatedAt: fc.escalatedAt,
              escalatedTo: inquiry.department ? `MANAGER ${inquiry.department}` : 'MARKETING',
            }
          : {}),
      });
    }
  }

  if (wanted.has('VISIT_RECORD')) {
    const page = await deps.ledger.listOpenVisitRecordDeadlines({
      dueBefore: now,
      first: LIMIT,
      ...(department ? { department } : {}),
    });
    for (const visit of page.items) {
      items.push({
        kind: 'VISIT_RECORD',
        subjectId: visit.visitId,
        clientId: visit.clientId,
        ...(visit.department ? { department: visit.department } : {}),
        dueAt: visit.recordDeadline.dueAt,
        responsibleUserId: visit.salesRepId,
        responsible: visit.salesRepId,
        ...(visit.recordDeadline.escalatedAt
          ? { escalatedAt: visit.recordDeadline.escalatedAt, escalatedTo: 'supervisor' }
          : {}),
      });
    }
  }

  if (wanted.has('CONTRACT_EXECUTION')) {
    for (const application of await deps.ledger.listApplicationsInFlight(500)) {
      const deadline = application.contractExecution?.deadline;
      if (application.type !== 'CONTRACT_EXECUTION' || !deadline || deadline.delayReason) continue;
      if (Date.parse(deadline.dueAt) >= now.getTime()) continue;
      items.push({
        kind: 'CONTRACT_EXECUTION',
        subjectId: application.applicationId,
        clientId: application.clientId,
        department: application.department,
        dueAt: deadline.dueAt,
        responsibleUserId: application.applicantId,
        responsible: application.applicantId,
        ...(deadline.escalatedAt
          ? { escalatedAt: deadline.escalatedAt, escalatedTo: 'applicant and supervisor' }
          : {}),
      });
    }
  }

  if (wanted.has('APPROVAL')) {
    const waited = deps.policy.approvalWaitHours * HOUR;
    const tasks: ApprovalTask[] = [];
    for (const pool of await approvalPools(deps, actor))
      tasks.push(...(await deps.ledger.listOpenApprovalTasks(pool, LIMIT)));
    const clients = await deps.ledger.getClients([...new Set(tasks.map((t) => t.clientId))]);
    const departmentOf = new Map(clients.map((c) => [c.clientId, c.department]));
    for (const task of tasks) {
      const { dueAt, escalatedAt } = await approvalDeadline(deps, task, waited);
      if (dueAt.getTime() >= now.getTime()) continue;
      const taskDepartment = task.pool.department ?? departmentOf.get(task.clientId);
      items.push({
        kind: 'APPROVAL',
        subjectId: task.taskId,
        clientId: task.clientId,
        ...(taskDepartment ? { department: taskDepartment } : {}),
        dueAt: dueAt.toISOString(),
        responsible: poolName(task.pool),
        // Escalation goes to the directors, also when the task stays with the managers (policy.md).
        ...(escalatedAt ? { escalatedAt, escalatedTo: 'DIRECTOR' } : {}),
      });
    }
  }

  if (
    wanted.has('SYNC_CONFLICT') &&
    (actor.role === 'MANAGER' || actor.role === 'DIRECTOR' || actor.role === 'ADMIN')
  ) {
    const open = await deps.ledger.listSyncConflicts('OPEN', 500);
    const clients = await deps.ledger.getClients([...new Set(open.map((c) => c.clientId))]);
    const departmentOf = new Map(clients.map((c) => [c.clientId, c.department]));
    for (const conflict of open) {
      const dueAt = new Date(Date.parse(conflict.detectedAt) + deps.policy.syncConflictHours * HOUR);
      if (dueAt.getTime() >= now.getTime()) continue;
      const conflictDepartment = departmentOf.get(conflict.clientId);
      items.push({
        kind: 'SYNC_CONFLICT',
        subjectId: conflict.conflictId,
        clientId: conflict.clientId,
        ...(conflictDepartment ? { department: conflictDepartment } : {}),
        dueAt: dueAt.toISOString(),
        responsible: conflictDepartment ? `MANAGER ${conflictDepartment}` : 'ADMIN',
        ...(conflict.escalatedAt
          ? {
              escalatedAt: conflict.escalatedAt,
              escalatedTo: conflictDepartment ? `MANAGER ${conflictDepartment}` : 'ADMIN',
            }
          : {}),
      });
    }
  }

  if (wanted.has('INDIVIDUAL_CONTRACT_TERMS')) {
    const page = await deps.ledger.listOpenIndividualContractTermsRequests({
      dueBefore: now,
      first: LIMIT,
      ...(department ? { department } : {}),
    });
    for (const contract of page.items) {
      const request = contract.termsRequest;
      if (!request) continue;
      items.push({
        kind: 'INDIVIDUAL_CONTRACT_TERMS',
        subjectId: contract.individualContractId,
        clientId: contract.clientId,
        ...(contract.department ? { department: contract.department } : {}),
        dueAt: request.dueAt,
        responsibleUserId: request.requestedBy,
        responsible: request.requestedBy,
        ...(request.escalatedAt
          ? {
              escalatedAt: request.escalatedAt,
              escalatedTo: contract.department ? `MANAGER ${contract.department}` : 'MANAGER',
            }
          : {}),
      });
    }
  }

  return items
    .filter((item) => seesDepartment(actor, item.department))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.subjectId.localeCompare(b.subjectId));
}
