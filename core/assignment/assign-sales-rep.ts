/**
 * `assignSalesRep`: a manager (or above) of the client's department assigns its rep (A2-1),
 * confirming the proposal or overriding it with a recorded reason (A2-2). The proposal is
 * recomputed now, so the check uses what the data says at the moment of the decision, and it
 * is kept on the assignment. The rep is told (inbox + e-mail). Requirements: A2-1, A2-2.
 */
import * as z from 'zod';
import { type Actor, assertMay } from '../access.js';
import type { Client } from '../clients/client.js';
import { clientChange } from '../clients/client-change.js';
import { getClient } from '../clients/client-queries.js';
import { commitChanges, type EntityChange, entityChange } from '../entity-change.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import { notify } from '../notifications/notification.js';
import { parseInput } from '../validation.js';
import { computeProposal } from './propose-sales-rep.js';
import { isCurrent, type SalesRepAssignment } from './sales-rep-assignment.js';

const assignSalesRepInput = z.object({
  clientId: z.string().min(1),
  salesRepId: z.string().min(1),
  overrideReason: z.string().trim().min(1, 'must not be empty').max(1000).optional(),
  expectedVersion: z.number().int().positive().optional(),
});

export async function assignSalesRep(
  deps: HubDeps,
  actor: Actor,
  input: unknown,
): Promise<{ client: Client; assignment: SalesRepAssignment }> {
  assertMay(actor, 'assignment.assign');
  const cmd = parseInput(assignSalesRepInput, input);
  const client = await getClient(deps, actor, cmd.clientId);
  if (cmd.expectedVersion !== undefined && cmd.expectedVersion !== client.version) {
    throw new ConflictError(
      `client ${client.clientId} was changed by someone else (version ${client.version}, you had ${cmd.expectedVersion}); reload and try again`,
    );
  }
  const proposal = await computeProposal(deps, client);
  const chosen = proposal.candidates.find((c) => c.salesRepId === cmd.salesRepId);
  if (!chosen) {
    throw new ValidationError([
      {
        path: 'input.salesRepId',
        message: `is not an eligible rep of ${proposal.department} (eligible: ${proposal.candidates.map((c) => c.salesRepId).join(', ')})`,
      },
    ]);
  }
  const top = proposal.candidates[0];
  // A rep tied with the top one is as good a choice: only a lower score needs a reason.
  const isOverride = chosen.rank !== 1 && chosen.score !== top?.score;
  if (isOverride && !cmd.overrideReason) {
    throw new ValidationError([
      {
        path: 'input.overrideReason',
        message: `is required: ${chosen.salesRepId} is ranked ${chosen.rank}, not the proposal's top rep (${proposal.candidates[0]?.salesRepId})`,
      },
    ]);
  }
  if (client.salesRepId === cmd.salesRepId) {
    throw new ValidationError([{ path: 'input.salesRepId', message: 'is already the client’s rep' }]);
  }

  const now = deps.clock.now().toISOString();
  const changes: EntityChange[] = [];
  const previous = client.currentAssignmentId
    ? await deps.ledger.getSalesRepAssignment(client.currentAssignmentId)
    : undefined;
  if (previous && isCurrent(previous)) {
    changes.push(
      entityChange(deps.ids, {
        actor,
        operation: 'assignment.end',
        at: now,
        clientId: client.clientId,
        subjectId: previous.assignmentId,
        before: previous,
        entity: {
          type: 'SALES_REP_ASSIGNMENT',
          value: { ...previous, endedAt: now, version: previous.version + 1 },
        },
      }),
    );
  }
  const assignment: SalesRepAssignment = {
    assignmentId: deps.ids.next('asg'),
    clientId: client.clientId,
    department: proposal.department,
    salesRepId: cmd.salesRepId,
    assignedBy: actor.userId,
    assignedAt: now,
    proposalRank: chosen.rank,
    ...(cmd.overrideReason && isOverride ? { overrideReason: cmd.overrideReason } : {}),
    proposal,
    version: 1,
  };
  changes.push(
    entityChange(deps.ids, {
      actor,
      operation: 'assignment.assign',
      at: now,
      clientId: client.clientId,
      subjectId: assignment.assignmentId,
      before: undefined,
      entity: { type: 'SALES_REP_ASSIGNMENT', value: assignment },
    }),
  );
  const { change: clientUpdate, client: updated } = clientChange(
    deps,
    actor,
    'assignment.assign',
    client,
    {
      salesRepId: cmd.salesRepId,
      currentAssignmentId: assignment.assignmentId,
      stage: client.stage === 'PROSPECT' ? 'ASSIGNED' : client.stage,
    },
    now,
  );
  changes.push(clientUpdate);
  const rep = await deps.ledger.getStaffMember(cmd.salesRepId);
  await commitChanges(
    deps.ledger,
    changes,
    notify(deps.ids, now, rep ? [rep] : [], {
      template: 'SALES_REP_ASSIGNED',
      clientId: client.clientId,
      params: {
        company: client.name,
        department: proposal.department,
        rank: chosen.rank,
        clientId: client.clientId,
      },
    }),
  );
  return { client: updated, assignment };
}
