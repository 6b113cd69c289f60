/**
 * The pre-visit checklist (訪問前準備 / 質問項目リスト, A2-3): the five items, each confirmed
 * with a note, savable in parts. The visit is PREPARED once all five are confirmed; a visit
 * cannot be recorded before that. Requirements: A2-3.
 */
import * as z from 'zod';
import type { Actor } from '../access.js';
import { commitChanges } from '../entity-change.js';
import { PreconditionFailedError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import { parseInput } from '../validation.js';
import {
  CHECKLIST_ITEM_IDS,
  type ChecklistConfirmation,
  missingChecklistItems,
  type Visit,
} from './visit.js';
import { loadVisitForChange, visitChange } from './visit-changes.js';

const confirmChecklistInput = z.object({
  visitId: z.string().min(1),
  items: z
    .array(
      z.object({
        item: z.enum(CHECKLIST_ITEM_IDS),
        note: z.string().trim().min(1, 'a confirmation needs a note').max(2000),
      }),
    )
    .min(1, 'confirm at least one item')
    .refine((items) => new Set(items.map((i) => i.item)).size === items.length, 'each item at most once'),
  expectedVersion: z.number().int().positive().optional(),
});

export async function confirmPreVisitChecklist(deps: HubDeps, actor: Actor, input: unknown): Promise<Visit> {
  const cmd = parseInput(confirmChecklistInput, input);
  const { visit } = await loadVisitForChange(deps, actor, cmd.visitId, cmd.expectedVersion);
  if (visit.status === 'RECORDED' || visit.status === 'CANCELLED') {
    throw new PreconditionFailedError(
      'VISIT_ALREADY_RECORDED',
      'the visit is recorded; its checklist is closed',
    );
  }
  const now = deps.clock.now().toISOString();
  const given = new Map(cmd.items.map((i) => [i.item, i.note]));
  const checklist: ChecklistConfirmation[] = [
    ...visit.checklist.filter((c) => !given.has(c.item)),
    ...cmd.items.map((i) => ({ item: i.item, note: i.note, confirmedBy: actor.userId, confirmedAt: now })),
  ].sort((a, b) => CHECKLIST_ITEM_IDS.indexOf(a.item) - CHECKLIST_ITEM_IDS.indexOf(b.item));
  const prepared = missingChecklistItems({ checklist }).length === 0;
  const { change, visit: after } = visitChange(
    deps,
    actor,
    'visit.confirmChecklist',
    visit,
    {
      checklist,
      status: prepared ? 'PREPARED' : 'PLANNED',
      ...(prepared && !visit.preparedAt ? { preparedAt: now } : {}),
    },
    now,
  );
  await commitChanges(deps.ledger, [change]);
  return after;
}
