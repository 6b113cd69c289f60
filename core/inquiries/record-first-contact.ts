/**
 * Sales records the first contact with a routed web inquiry (A1-2). Meeting the deadline late
 * is recorded as late, not erased. Requirements: A1-2, A1-4, X-1, X-4.
 */
import * as z from 'zod';
import { type Actor, assertMay } from '../access.js';
import { PreconditionFailedError, ValidationError } from '../errors.js';
import type { HubDepsWith } from '../hub.js';
import type { ClientInquiryLedger, LedgerCommit } from '../ledger.js';
import { parseInput } from '../validation.js';
import type { Inquiry } from './inquiry.js';
import { loadInquiry, saveInquiryChange } from './inquiry-changes.js';
import { hearingJudgmentInput } from './inquiry-input.js';

const recordFirstContactInput = z.object({
  inquiryId: z.string().min(1),
  /** When the contact happened; now when absent. */
  contactedAt: z.iso
    .datetime({ offset: true, message: 'must be an ISO 8601 date-time with offset' })
    .optional(),
  note: z.string().trim().max(4000).optional(),
  expectedVersion: z.number().int().positive().optional(),
  hearingJudgment: hearingJudgmentInput.optional(),
});

export async function recordFirstContact(
  deps: HubDepsWith<ClientInquiryLedger & LedgerCommit>,
  actor: Actor,
  input: unknown,
): Promise<Inquiry> {
  assertMay(actor, 'inquiry.recordFirstContact');
  const cmd = parseInput(recordFirstContactInput, input);
  const inquiry = await loadInquiry(deps, actor, cmd.inquiryId, cmd.expectedVersion);
  if (inquiry.status === 'CONTACTED' || !inquiry.firstContact) {
    throw new PreconditionFailedError(
      'FIRST_CONTACT_ALREADY_RECORDED',
      'first contact has already been made',
    );
  }
  if (inquiry.status !== 'ROUTED') {
    throw new PreconditionFailedError(
      'INQUIRY_NOT_ROUTED',
      'marketing must route the inquiry to a sales department first',
    );
  }
  const now = deps.clock.now();
  const contactedAt = cmd.contactedAt ? new Date(cmd.contactedAt) : now;
  if (contactedAt.getTime() > now.getTime()) {
    throw new ValidationError([{ path: 'input.contactedAt', message: 'must not be in the future' }]);
  }
  if (contactedAt.getTime() < Date.parse(inquiry.receivedAt)) {
    throw new ValidationError([
      { path: 'input.contactedAt', message: 'must not be before the inquiry was received' },
    ]);
  }
  return saveInquiryChange(deps, actor, 'inquiry.recordFirstContact', inquiry, {
    status: 'CONTACTED',
    firstContact: {
      ...inquiry.firstContact,
      contactedAt: contactedAt.toISOString(),
      contactedBy: actor.userId,
      ...(cmd.note ? { note: cmd.note } : {}),
    },
    ...(cmd.hearingJudgment
      ? { hearingJudgment: { ...cmd.hearingJudgment, judgedBy: actor.userId, judgedAt: now.toISOString() } }
      : {}),
  });
}
