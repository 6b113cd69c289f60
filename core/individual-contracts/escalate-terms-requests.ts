/**
 * The deadline job for individual-contract items (A5-4, X-2, policy.md "Escalation"): a request
 * whose items are not all stored within 2 calendar days produces exactly one escalation, to the
 * managers of the client's department, in their inboxes and by e-mail. It stays in the overdue
 * view until every item is stored; completing it late is recorded as late (`metAt` after `dueAt`).
 */
import { systemActor } from '../audit.js';
import { commitChanges } from '../entity-change.js';
import { ConflictError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import { notify } from '../notifications/notification.js';
import type { IndividualContract } from './individual-contract.js';
import { individualContractChange, nextIndividualContract } from './individual-contract-changes.js';
import { termsCompleteness } from './individual-contract-terms.js';

export async function escalateOverdueTermsRequests(
  deps: HubDeps,
): Promise<{ escalated: number; skipped: number }> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const result = { escalated: 0, skipped: 0 };
  const overdue: IndividualContract[] = [];
  let after: string | undefined;
  do {
    const page = await deps.ledger.listOpenIndividualContractTermsRequests({
      dueBefore: now,
      first: 100,
      ...(after ? { after } : {}),
    });
    overdue.push(...page.items.filter((c) => !c.termsRequest?.escalatedAt));
    after = page.hasNextPage ? page.endCursor : undefined;
  } while (after);
  if (overdue.length === 0) return result;
  const members = (await deps.ledger.listStaffMembers()).filter((m) => m.active);
  const clients = new Map(
    (await deps.ledger.getClients([...new Set(overdue.map((c) => c.clientId))])).map((c) => [c.clientId, c]),
  );
  for (const contract of overdue) {
    const request = contract.termsRequest;
    if (!request) continue;
    const client = clients.get(contract.clientId);
    const department = client?.department ?? contract.department;
    const requester = members.find((m) => m.userId === request.requestedBy);
    const escalated = nextIndividualContract(contract, { termsRequest: { ...request, escalatedAt: at } }, at);
    try {
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
          members.filter((m) => m.role === 'MANAGER' && m.department === department),
          {
            template: 'INDIVIDUAL_CONTRACT_TERMS_OVERDUE',
            clientId: contract.clientId,
            params: {
              company: client?.name ?? contract.clientId,
              department: department ?? '',
              requestedByName: requester?.name ?? request.requestedBy,
              dueAt: request.dueAt,
              missing: termsCompleteness(contract.terms).missing.map((m) => m.label),
              individualContractId: contract.individualContractId,
            },
          },
        ),
      );
      result.escalated += 1;
    } catch (error) {
      // Completed or changed meanwhile: the next run sees the new state.
      if (!(error instanceof ConflictError)) throw error;
      result.skipped += 1;
    }
  }
  return result;
}
