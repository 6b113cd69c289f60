/** Reading applications and the approvals waiting for the signed-in person. A4-2, X-5. */
import { type Actor, assertMay } from '../access.js';
import { getClient } from '../clients/client-queries.js';
import { NotFoundError } from '../errors.js';
import type { HubDeps, HubDepsWith } from '../hub.js';
import type { ApplicationLedger, ClientInquiryLedger } from '../ledger.js';
import { salesDepartments } from '../staff/departments.js';
import type { Application } from './application.js';
import type { ApprovalPool, ApprovalTask } from './approval-task.js';
import { belongsToPool, deciderOfOtherStep } from './decide-approval.js';

export async function getApplication(
  deps: HubDepsWith<ApplicationLedger & ClientInquiryLedger>,
  actor: Actor,
  applicationId: string,
): Promise<Application> {
  const application = await deps.ledger.getApplication(applicationId);
  if (!application) throw new NotFoundError('Application', applicationId);
  await getClient(deps, actor, application.clientId);
  return application;
}

export async function approvalTasksOfApplication(
  deps: HubDepsWith<ApplicationLedger & ClientInquiryLedger>,
  actor: Actor,
  application: Application,
): Promise<ApprovalTask[]> {
  await getClient(deps, actor, application.clientId);
  return deps.ledger.listApprovalTasksOfApplication(application.applicationId);
}

/** The open tasks the person may decide now: their pools' queues, without their own applications. */
export async function myApprovalTasks(deps: HubDeps, actor: Actor): Promise<ApprovalTask[]> {
  assertMay(actor, 'approval.read');
  const pools: ApprovalPool[] = [];
  if (actor.role === 'MANAGER' && actor.department)
    pools.push({ role: 'MANAGER', department: actor.department });
  if (actor.role === 'DIRECTOR') {
    // Directors may decide what managers may: every sales department's manager queue too.
    pools.push({ role: 'DIRECTOR' });
    for (const department of await salesDepartments(deps.ledger)) pools.push({ role: 'MANAGER', department });
  }
  if (actor.role === 'LEGAL') pools.push({ role: 'LEGAL' });
  if (actor.role === 'MARKETING') pools.push({ role: 'MARKETING' });
  const tasks = (await Promise.all(pools.map((p) => deps.ledger.listOpenApprovalTasks(p, 100)))).flat();
  const mine: ApprovalTask[] = [];
  for (const task of tasks.filter((t) => t.applicantId !== actor.userId && belongsToPool(actor, t))) {
    // Not the director step of an application whose manager step this person decided (or the reverse).
    const application = await deps.ledger.getApplication(task.applicationId);
    if (application && deciderOfOtherStep(application, task.step) === actor.userId) continue;
    mine.push(task);
  }
  return mine;
}
