/**
 * The rep plans a visit to the client (A3-1: a visit is mandatory). Until the visit is
 * recorded, its record deadline runs from the planned end (docs/policy.md: 24 hours after the
 * visit ended), so a visit nobody records is escalated. Requirements: A2-3, A3-1, A3-6.
 */
import * as z from 'zod';
import { type Actor, assertMay } from '../access.js';
import { dueWithinHours } from '../business-days.js';
import { getClient } from '../clients/client-queries.js';
import { commitChanges, entityChange } from '../entity-change.js';
import { PreconditionFailedError, ValidationError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import { parseInput } from '../validation.js';
import type { Visit } from './visit.js';
import { assertWorksOnClient } from './visit-changes.js';

const MAX_VISIT_HOURS = 12;

const planVisitInput = z
  .object({
    clientId: z.string().min(1),
    inquiryId: z.string().min(1).optional(),
    plannedStartAt: z.iso.datetime({ offset: true }),
    plannedEndAt: z.iso.datetime({ offset: true }),
  })
  .refine((v) => Date.parse(v.plannedEndAt) > Date.parse(v.plannedStartAt), {
    message: 'must be after plannedStartAt',
    path: ['plannedEndAt'],
  })
  .refine((v) => Date.parse(v.plannedEndAt) - Date.parse(v.plannedStartAt) <= MAX_VISIT_HOURS * 3_600_000, {
    message: `a visit lasts at most ${MAX_VISIT_HOURS} hours`,
    path: ['plannedEndAt'],
  });

export async function planVisit(deps: HubDeps, actor: Actor, input: unknown): Promise<Visit> {
  assertMay(actor, 'visit.manage');
  const cmd = parseInput(planVisitInput, input);
  const client = await getClient(deps, actor, cmd.clientId);
  if (!client.salesRepId || !client.department) {
    throw new PreconditionFailedError(
      'REP_NOT_ASSIGNED',
      'assign the client’s sales rep before planning a visit',
    );
  }
  assertWorksOnClient(actor, client);
  const inquiries = await deps.ledger.listInquiriesOfClient(client.clientId);
  const inquiry = cmd.inquiryId ? inquiries.find((i) => i.inquiryId === cmd.inquiryId) : inquiries[0];
  if (!inquiry) {
    throw new ValidationError([
      {
        path: 'input.inquiryId',
        message: cmd.inquiryId
          ? 'is not an inquiry of this client'
          : 'the client has no inquiry to visit about',
      },
    ]);
  }
  const now = deps.clock.now().toISOString();
  const plannedEnd = new Date(cmd.plannedEndAt);
  const visit: Visit = {
    visitId: deps.ids.next('vis'),
    clientId: client.clientId,
    department: client.department,
    salesRepId: client.salesRepId,
    inquiryId: inquiry.inquiryId,
    plannedStartAt: new Date(cmd.plannedStartAt).toISOString(),
    plannedEndAt: plannedEnd.toISOString(),
    status: 'PLANNED',
    checklist: [],
    recordDeadline: {
      dueAt: dueWithinHours(plannedEnd, deps.policy.visitRecordHours).toISOString(),
      basis: 'PLANNED_END',
    },
    attachments: [],
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await commitChanges(deps.ledger, [
    entityChange(deps.ids, {
      actor,
      operation: 'visit.plan',
      at: now,
      clientId: client.clientId,
      subjectId: visit.visitId,
      before: undefined,
      entity: { type: 'VISIT', value: visit },
    }),
  ]);
  return visit;
}
