/**
 * A planned visit moves or is called off. Rescheduling moves its record deadline with the new
 * planned end (unless it was already escalated: a missed deadline stays missed); cancelling
 * takes it out of the open deadlines with its reason. Recorded visits stay as they are.
 * Requirements: A3-1, A3-6, X-1.
 */
import * as z from 'zod';
import type { Actor } from '../access.js';
import { dueWithinHours } from '../business-days.js';
import { commitChanges } from '../entity-change.js';
import { PreconditionFailedError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import { parseInput } from '../validation.js';
import type { Visit } from './visit.js';
import { loadVisitForChange, visitChange } from './visit-changes.js';

const instant = z.iso.datetime({ offset: true });

const rescheduleInput = z
  .object({
    visitId: z.string().min(1),
    plannedStartAt: instant,
    plannedEndAt: instant,
    expectedVersion: z.number().int().positive().optional(),
  })
  .refine((v) => Date.parse(v.plannedEndAt) > Date.parse(v.plannedStartAt), {
    message: 'must be after plannedStartAt',
    path: ['plannedEndAt'],
  })
  .refine((v) => Date.parse(v.plannedEndAt) - Date.parse(v.plannedStartAt) <= 12 * 3_600_000, {
    message: 'a visit lasts at most 12 hours',
    path: ['plannedEndAt'],
  });

const cancelInput = z.object({
  visitId: z.string().min(1),
  reason: z.string().trim().min(1, 'must not be empty').max(1000),
  expectedVersion: z.number().int().positive().optional(),
});

function assertNotRecorded(visit: Visit): void {
  if (visit.status === 'RECORDED' || visit.status === 'CANCELLED') {
    throw new PreconditionFailedError(
      visit.status === 'RECORDED' ? 'VISIT_ALREADY_RECORDED' : 'VISIT_CANCELLED',
      `the visit is ${visit.status.toLowerCase()}; its plan cannot change`,
    );
  }
}

export async function rescheduleVisit(deps: HubDeps, actor: Actor, input: unknown): Promise<Visit> {
  const cmd = parseInput(rescheduleInput, input);
  const { visit } = await loadVisitForChange(deps, actor, cmd.visitId, cmd.expectedVersion);
  assertNotRecorded(visit);
  const now = deps.clock.now().toISOString();
  const plannedEnd = new Date(cmd.plannedEndAt);
  const { change, visit: after } = visitChange(
    deps,
    actor,
    'visit.reschedule',
    visit,
    {
      plannedStartAt: new Date(cmd.plannedStartAt).toISOString(),
      plannedEndAt: plannedEnd.toISOString(),
      // An escalated deadline stays where it was: rescheduling does not erase a missed one.
      recordDeadline: visit.recordDeadline.escalatedAt
        ? visit.recordDeadline
        : {
            dueAt: dueWithinHours(plannedEnd, deps.policy.visitRecordHours).toISOString(),
            basis: 'PLANNED_END',
          },
    },
    now,
  );
  await commitChanges(deps.ledger, [change]);
  return after;
}

export async function cancelVisit(deps: HubDeps, actor: Actor, input: unknown): Promise<Visit> {
  const cmd = parseInput(cancelInput, input);
  const { visit } = await loadVisitForChange(deps, actor, cmd.visitId, cmd.expectedVersion);
  assertNotRecorded(visit);
  const now = deps.clock.now().toISOString();
  const { change, visit: after } = visitChange(
    deps,
    actor,
    'visit.cancel',
    visit,
    { status: 'CANCELLED', cancellation: { reason: cmd.reason, by: actor.userId, at: now } },
    now,
  );
  await commitChanges(deps.ledger, [change]);
  return after;
}
