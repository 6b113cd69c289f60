/**
 * Saving the hearing sheet in parts (A1-6, A7-2): by phone when contacting, or at the visit
 * (A3-4, through `recordVisit`). Items given replace the ones stored; each remembers its
 * source. Requirements: A1-6, A3-4, A7-2, X-1, X-4.
 */
import * as z from 'zod';
import { type Actor, assertMay } from '../access.js';
import { getClient } from '../clients/client-queries.js';
import { commitChanges, type EntityChange, entityChange } from '../entity-change.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import type { Inquiry } from '../inquiries/inquiry.js';
import { loadInquiry } from '../inquiries/inquiry-changes.js';
import { parseInput } from '../validation.js';
import { assertSalesMayWorkOnClient } from '../visits/visit-changes.js';
import {
  type HearingItem,
  type HearingItems,
  type HearingSheet,
  hearingItemsSchema,
  hearingSheetIdOf,
  type ItemSource,
} from './hearing-sheet.js';

/** Any subset of the items; unknown items are refused by name. */
export const hearingItemsInput = hearingItemsSchema.partial().strict();

const saveHearingSheetInput = z.object({
  inquiryId: z.string().min(1),
  items: hearingItemsInput,
  expectedVersion: z.number().int().positive().optional(),
});

/** The sheet's change for a set of items: created on the first save, merged afterwards. */
export function hearingSheetChange(
  deps: HubDeps,
  actor: Actor,
  operation: string,
  inquiry: Inquiry,
  before: HearingSheet | undefined,
  items: Partial<HearingItems>,
  source: Omit<ItemSource, 'by' | 'at'>,
  now: string,
): { change: EntityChange; sheet: HearingSheet } | undefined {
  const given = Object.keys(items) as HearingItem[];
  if (given.length === 0) return undefined;
  const itemSource: ItemSource = { ...source, by: actor.userId, at: now };
  const sheet: HearingSheet = {
    hearingSheetId: hearingSheetIdOf(inquiry.inquiryId),
    clientId: inquiry.clientId,
    inquiryId: inquiry.inquiryId,
    ...(inquiry.department ? { department: inquiry.department } : {}),
    items: { ...before?.items, ...items },
    sources: { ...before?.sources, ...Object.fromEntries(given.map((i) => [i, itemSource])) },
    createdAt: before?.createdAt ?? now,
    updatedAt: now,
    version: (before?.version ?? 0) + 1,
  };
  return {
    sheet,
    change: entityChange(deps.ids, {
      actor,
      operation,
      at: now,
      clientId: inquiry.clientId,
      subjectId: sheet.hearingSheetId,
      before,
      entity: { type: 'HEARING_SHEET', value: sheet },
    }),
  };
}

export async function saveHearingSheet(deps: HubDeps, actor: Actor, input: unknown): Promise<HearingSheet> {
  assertMay(actor, 'hearingSheet.save');
  const cmd = parseInput(saveHearingSheetInput, input);
  const inquiry = await loadInquiry(deps, actor, cmd.inquiryId);
  assertSalesMayWorkOnClient(actor, await getClient(deps, actor, inquiry.clientId));
  const before = await deps.ledger.getHearingSheet(hearingSheetIdOf(inquiry.inquiryId));
  if (cmd.expectedVersion !== undefined && cmd.expectedVersion !== (before?.version ?? 0)) {
    throw new ConflictError('the hearing sheet was changed by someone else; reload and try again');
  }
  const now = deps.clock.now().toISOString();
  const result = hearingSheetChange(
    deps,
    actor,
    'hearingSheet.save',
    inquiry,
    before,
    cmd.items as Partial<HearingItems>,
    { via: 'HEARING' },
    now,
  );
  if (!result) {
    throw new ValidationError([{ path: 'input.items', message: 'give at least one item' }]);
  }
  await commitChanges(deps.ledger, [result.change]);
  return result.sheet;
}
