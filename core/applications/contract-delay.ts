/**
 * A4-5 (docs/policy.md "application to executed contract"): a 06_2 application not executed within 10
 * business days of its submission needs a reason from the person in charge, and the supervisor is
 * told. The deadline job tells the applicant and the supervisor once when it passes;
 * `recordDelayReason` records the reason and reports it. Requirements: A4-5, X-2.
 */
import * as z from 'zod';
import { type Actor, assertMay } from '../access.js';
import { systemActor } from '../audit.js';
import { getClient } from '../clients/client-queries.js';
import { type EscalationCount, escalateEach } from '../deadline-escalation.js';
import { commitChanges } from '../entity-change.js';
import { NotFoundError, PreconditionFailedError } from '../errors.js';
import type { HubDeps, HubDepsWith } from '../hub.js';
import type { StaffDirectoryLedger } from '../ledger.js';
import { notify } from '../notifications/notification.js';
import type { StaffMember } from '../staff/staff-member.js';
import { parseInput } from '../validation.js';
import { assertWorksOnClient } from '../visits/visit-changes.js';
import type { Application, ContractExecution } from './application.js';
import { applicationChange } from './application-changes.js';

type ContractDeadline = NonNullable<ContractExecution['deadline']>;

/** The applicant and their supervisor (上長), else the department's active managers. */
async function applicantAndSupervisor(
  deps: HubDepsWith<StaffDirectoryLedger>,
  application: Application,
): Promise<StaffMember[]> {
  const applicant = await deps.ledger.getStaffMember(application.applicantId);
  const supervisor = applicant?.supervisorId
    ? await deps.ledger.getStaffMember(applicant.supervisorId)
    : undefined;
  const supervisors = supervisor?.active
    ? [supervisor]
    : (await deps.ledger.listStaffMembers()).filter(
        (m) => m.active && m.role === 'MANAGER' && m.department === application.department,
      );
  // An applicant who has left the agency is not written to; their supervisor still is.
  return [
    ...(applicant?.active ? [applicant] : []),
    ...supervisors.filter((s) => s.userId !== applicant?.userId),
  ];
}

export async function escalateDelayedContractExecutions(deps: HubDeps): Promise<EscalationCount> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const delayed: { application: Application; contract: ContractExecution; deadline: ContractDeadline }[] = [];
  for (const application of await deps.ledger.listApplicationsInFlight(500)) {
    const contract = application.contractExecution;
    const deadline = contract?.deadline;
    if (application.type !== 'CONTRACT_EXECUTION' || !contract || !deadline) continue;
    if (deadline.escalatedAt || deadline.delayReason || Date.parse(deadline.dueAt) >= now.getTime()) continue;
    delayed.push({ application, contract, deadline });
  }
  // Changed meanwhile (the workflow runs alongside): skipped until the next run.
  return escalateEach(delayed, async ({ application, contract, deadline }) => {
    const client = await deps.ledger.getClient(application.clientId);
    const applicant = await deps.ledger.getStaffMember(application.applicantId);
    const { change } = applicationChange(
      deps,
      systemActor('deadline-job'),
      'application.delayed',
      application,
      { contractExecution: { ...contract, deadline: { ...deadline, escalatedAt: at } } },
      { at, kind: 'DELAYED', detail: deadline.dueAt },
      at,
    );
    await commitChanges(
      deps.ledger,
      [change],
      notify(deps.ids, at, await applicantAndSupervisor(deps, application), {
        template: 'CONTRACT_EXECUTION_DELAYED',
        clientId: application.clientId,
        params: {
          company: client?.name ?? application.clientId,
          applicantName: applicant?.name ?? application.applicantId,
          dueAt: deadline.dueAt,
          withinBusinessDays: deps.policy.contractExecutionBusinessDays,
          applicationId: application.applicationId,
        },
      }),
    );
  });
}

const delayReasonInput = z.object({
  applicationId: z.string().min(1),
  reason: z.string().trim().min(1, 'must not be empty').max(2000),
});

export async function recordDelayReason(deps: HubDeps, actor: Actor, input: unknown): Promise<Application> {
  assertMay(actor, 'application.submit');
  const cmd = parseInput(delayReasonInput, input);
  const application = await deps.ledger.getApplication(cmd.applicationId);
  if (!application) throw new NotFoundError('Application', cmd.applicationId);
  const client = await getClient(deps, actor, application.clientId);
  if (application.applicantId !== actor.userId) assertWorksOnClient(actor, client);
  const contract = application.contractExecution;
  const deadline = contract?.deadline;
  if (
    application.type !== 'CONTRACT_EXECUTION' ||
    !contract ||
    !deadline ||
    application.status !== 'SUBMITTED'
  ) {
    throw new PreconditionFailedError(
      'NOT_A_RUNNING_CONTRACT_EXECUTION',
      'only a running 06_2 application has a delay',
    );
  }
  const now = deps.clock.now();
  if (Date.parse(deadline.dueAt) >= now.getTime()) {
    throw new PreconditionFailedError(
      'NOT_DELAYED',
      `the application is due by ${deadline.dueAt}; no reason is owed yet`,
    );
  }
  const at = now.toISOString();
  const { change, application: after } = applicationChange(
    deps,
    actor,
    'application.recordDelayReason',
    application,
    {
      contractExecution: {
        ...contract,
        deadline: { ...deadline, delayReason: { reason: cmd.reason, by: actor.userId, at } },
      },
    },
    { at, kind: 'DELAY_REASON', by: actor.userId, comment: cmd.reason },
    at,
  );
  const applicant = await deps.ledger.getStaffMember(application.applicantId);
  const supervisors = (await applicantAndSupervisor(deps, application)).filter(
    (m) => m.userId !== application.applicantId && m.userId !== actor.userId,
  );
  await commitChanges(
    deps.ledger,
    [change],
    notify(deps.ids, at, supervisors, {
      template: 'CONTRACT_EXECUTION_DELAYED',
      clientId: application.clientId,
      params: {
        company: client.name,
        applicantName: applicant?.name ?? application.applicantId,
        dueAt: deadline.dueAt,
        withinBusinessDays: deps.policy.contractExecutionBusinessDays,
        reason: cmd.reason,
        applicationId: application.applicationId,
      },
    }),
  );
  return after;
}
