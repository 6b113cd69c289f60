/**
 * A website inquiry arrives (A1-1) and gets its first-contact deadline (A1-2). Idempotent on
 * the form's `submissionId`: a second delivery, also a concurrent one, gets the first answer
 * and writes nothing. Requirements: A1-1, A1-2, X-1, X-4.
 */
import { systemActor } from '../audit.js';
import { dueWithinBusinessDays } from '../business-days.js';
import { ConflictError } from '../errors.js';
import type { HubDepsWith } from '../hub.js';
import type { ClientInquiryLedger, LedgerCommit, WebSubmission } from '../ledger.js';
import { parseInput } from '../validation.js';
import { webInquiryForm } from './inquiry-input.js';
import { prepareIntake } from './intake.js';

export interface WebInquiryReceipt {
  status: number;
  body: Record<string, unknown>;
  /** True when this delivery repeated an earlier one. */
  duplicate: boolean;
}

const replay = (submission: WebSubmission): WebInquiryReceipt => ({
  status: submission.response.status,
  body: JSON.parse(submission.response.body) as Record<string, unknown>,
  duplicate: true,
});

export async function receiveWebInquiry(
  deps: HubDepsWith<ClientInquiryLedger & LedgerCommit>,
  payload: unknown,
): Promise<WebInquiryReceipt> {
  const form = parseInput(webInquiryForm, payload, 'body');
  const earlier = await deps.ledger.getWebSubmission(form.submissionId);
  if (earlier) return replay(earlier);

  const receivedAt = deps.clock.now();
  const dueAt = dueWithinBusinessDays(receivedAt, deps.policy.firstContactBusinessDays, deps.policy.calendar);
  const message = [form.message, form.freeText].filter((part) => part?.trim()).join('\n\n');
  const intake = await prepareIntake(
    deps,
    {
      channel: 'WEB',
      status: 'NEW',
      company: form.company,
      contactName: form.contactName,
      ...(form.department ? { contactDepartment: form.department } : {}),
      ...(form.phone ? { phone: form.phone } : {}),
      ...(form.email ? { email: form.email } : {}),
      ...(message ? { message } : {}),
      ...(form.jobCategory ? { requestedJobCategory: form.jobCategory } : {}),
      ...(form.requestedStart ? { requestedStart: form.requestedStart } : {}),
      ...(form.corporateNumber ? { corporateNumber: form.corporateNumber } : {}),
      receivedAt: receivedAt.toISOString(),
      submissionId: form.submissionId,
      firstContact: { dueAt: dueAt.toISOString() },
    },
    systemActor('website-form'),
    'inquiry.receiveWeb',
  );

  const body = {
    inquiryId: intake.inquiry.inquiryId,
    receivedAt: intake.inquiry.receivedAt,
    firstContactDueAt: dueAt.toISOString(),
  };
  const response = { status: 201, body: JSON.stringify(body) };
  const submission: WebSubmission = {
    submissionId: form.submissionId,
    inquiryId: intake.inquiry.inquiryId,
    response,
    receivedAt: intake.inquiry.receivedAt,
    version: 1,
  };
  try {
    await deps.ledger.commit(
      [...intake.writes, { entity: { type: 'WEB_SUBMISSION', value: submission } }],
      intake.audit,
    );
  } catch (error) {
    // A concurrent delivery of the same submission won the race: answer as it was answered.
    if (error instanceof ConflictError) {
      const winner = await deps.ledger.getWebSubmission(form.submissionId);
      if (winner) return replay(winner);
    }
    throw error;
  }
  return { status: response.status, body, duplicate: false };
}
