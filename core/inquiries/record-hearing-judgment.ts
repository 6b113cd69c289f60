/**
 * The hearing-sheet judgment of first handling (A1-4): dispatchable, not dispatchable (with
 * the reason), or re-confirm at the visit when unclear. Marketing (web) or sales may record
 * or revise it. Requirements: A1-4, X-1, X-4.
 */
import * as z from 'zod';
import { type Actor, assertMay } from '../access.js';
import type { HubDepsWith } from '../hub.js';
import type { ClientInquiryLedger, LedgerCommit } from '../ledger.js';
import { parseInput } from '../validation.js';
import type { Inquiry } from './inquiry.js';
import { loadInquiry, saveInquiryChange } from './inquiry-changes.js';
import { hearingJudgmentInput } from './inquiry-input.js';

const recordHearingJudgmentInput = z.object({
  inquiryId: z.string().min(1),
  judgment: hearingJudgmentInput,
  expectedVersion: z.number().int().positive().optional(),
});

export async function recordHearingJudgment(
  deps: HubDepsWith<ClientInquiryLedger & LedgerCommit>,
  actor: Actor,
  input: unknown,
): Promise<Inquiry> {
  assertMay(actor, 'inquiry.recordHearingJudgment');
  const cmd = parseInput(recordHearingJudgmentInput, input);
  const inquiry = await loadInquiry(deps, actor, cmd.inquiryId, cmd.expectedVersion);
  const judgedAt = deps.clock.now().toISOString();
  return saveInquiryChange(deps, actor, 'inquiry.recordHearingJudgment', inquiry, {
    hearingJudgment: { ...cmd.judgment, judgedBy: actor.userId, judgedAt },
  });
}
