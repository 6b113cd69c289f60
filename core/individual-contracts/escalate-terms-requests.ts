/**
 * The deadline job for individual-contract items (A5-4, X-2, policy.md "Escalation"): a request
 * whose items are not all stored within 2 calendar days produces exactly one escalation, to the
 * managers of the client's department, in their inboxes and by e-mail. It stays in the overdue
 * view until every item is stored; completing it late is recorded as late (`metAt` after `dueAt`).
 */
import { systemActor } from '../audit.js';
import { type EscalationCount, escalateEach, everyPage } from '../deadline-escalation.js';
import { commitChanges } from '../entity-change.js';
import type { HubDeps } from '../hub.js';
import { notify } from '../notifications/notification.js';
import type { IndividualContract, TermsRequest } from './individual-contract.js';
import { individualContractChange, nextIndividualContract } from './individual-contract-changes.js';
import { termsCompleteness } from './individual-contract-terms.js';

export async function escalateOverdueTermsRequests(deps: HubDeps): Promise<EscalationCount> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const overdue: { contract: IndividualContract; request: TermsRequest }[] = [];
  for (const contract of await everyPage((page) =>
    deps.ledger.listOpenIndividualContractTermsRequests({ dueBefore: now, ...page }),
  )) {
    const request = contract.termsRequest;
    if (request && !request.escalatedAt) overdue.push({ contract, request });
  }
  if (overdue.length === 0) return { escalated: 0, skipped: 0 };
  const staff = await deps.ledger.listStaffMembers();
  const managers = staff.filter((m) => m.active && m.role === 'MANAGER');
  const clients = new Map(
    (await deps.ledger.getClients([...new Set(overdue.map((o) => o.contract.clientId))])).map((c) => [
      c.clientId,
      c,
    ]),
  );
  // Completed or changed meanwhile: skipped until the next run.
  return escalateEach(overdue, async ({ contract, request }) => {
    const client = clients.get(contract.clientId);
    // The department that has the client now, which may not be the one the draft was made in.
    const department = client?.department ?? contract.department;
    // Whoever asked is named even if they have left since.
    const requester = staff.find((m) => m.userId === request.requestedBy);
    const escalated = nextIndividualContract(contract, { termsRequest: { ...request, escalatedAt: at } }, at);
    await commitChanges(
      deps.ledger,
      [
        individualContractChange(
          deps,
          systemActor('deadline-job'),
          'individualContract.escalateTermsRequest',
          contract,
          escalated,
        ),
      ],
      notify(
        deps.ids,
        at,
        managers.filter((m) => m.department === department),
        {
          template: 'INDIVIDUAL_CONTRACT_TERMS_OVERDUE',
          clientId: contract.clientId,
          params: {
            company: client?.name ?? contract.clientId,
            department: department ?? '',
            requestedByName: requester?.name ?? request.requestedBy,
            dueAt: request.dueAt,
            withinDays: deps.policy.individualContractTermsDays,
            missing: termsCompleteness(contract.terms).missing.map((m) => m.label),
            individualContractId: contract.individualContractId,
          },
        },
      ),
    );
  });
}
