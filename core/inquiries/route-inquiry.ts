/**
 * Marketing routes a web inquiry to a sales department (A1-1); it may record the
 * hearing-sheet judgment of its first handling at the same time (A1-4). A routed inquiry may be
 * re-routed until first contact is made. Requirements: A1-1, A1-4, X-1, X-4.
 */
import * as z from 'zod';
import { type Actor, assertMay } from '../access.js';
import { auditChange, userActor } from '../audit.js';
import { type Client, clientTrail } from '../clients/client.js';
import { PreconditionFailedError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import { enqueueOrderWrite } from '../kintone/kintone-outbox.js';
import { notify } from '../notifications/notification.js';
import { assertSalesDepartment, managersOf } from '../staff/departments.js';
import { parseInput } from '../validation.js';
import type { Inquiry } from './inquiry.js';
import { loadInquiry, type RelatedWrites, saveInquiryChange } from './inquiry-changes.js';
import { hearingJudgmentInput } from './inquiry-input.js';

const routeInquiryInput = z.object({
  inquiryId: z.string().min(1),
  department: z.string().trim().min(1, 'must not be empty'),
  expectedVersion: z.number().int().positive().optional(),
  hearingJudgment: hearingJudgmentInput.optional(),
});

export async function routeInquiry(deps: HubDeps, actor: Actor, input: unknown): Promise<Inquiry> {
  assertMay(actor, 'inquiry.route');
  const cmd = parseInput(routeInquiryInput, input);
  const inquiry = await loadInquiry(deps, actor, cmd.inquiryId, cmd.expectedVersion);
  if (inquiry.channel !== 'WEB') {
    throw new PreconditionFailedError(
      'PHONE_INQUIRY_ROUTED_AT_INTAKE',
      'a phone inquiry is routed by its taker at intake',
    );
  }
  if (inquiry.status === 'CONTACTED') {
    throw new PreconditionFailedError(
      'ALREADY_CONTACTED',
      'the inquiry has been contacted; it can no longer be re-routed',
    );
  }
  const departmentMembers = await assertSalesDepartment(deps.ledger, cmd.department, 'input.department');

  const now = deps.clock.now().toISOString();
  const extra: RelatedWrites = { writes: [], audit: [] };
  const client = await deps.ledger.getClient(inquiry.clientId);
  if (client && !client.department) {
    const updated: Client = {
      ...client,
      department: cmd.department,
      version: client.version + 1,
      updatedAt: now,
    };
    extra.writes.push({ entity: { type: 'CLIENT', value: updated }, expectedVersion: client.version });
    extra.audit.push(
      auditChange(deps.ids, {
        trail: clientTrail(client.clientId),
        at: now,
        actor: userActor(actor),
        operation: 'inquiry.route',
        subjectType: 'CLIENT',
        subjectId: client.clientId,
        before: client,
        after: updated,
      }),
    );
  }
  const routing: Partial<Inquiry> = {
    status: 'ROUTED',
    department: cmd.department,
    routedBy: actor.userId,
    routedAt: now,
    ...(cmd.hearingJudgment
      ? { hearingJudgment: { ...cmd.hearingJudgment, judgedBy: actor.userId, judgedAt: now } }
      : {}),
  };
  // A1-3: the routed inquiry becomes an order in kintone, written through the outbox.
  if (client) {
    extra.writes.push(enqueueOrderWrite(deps.ids, { ...inquiry, ...routing }, client, now));
  }
  // The department's managers learn of it in their inbox and by e-mail (same transaction).
  extra.writes.push(
    ...notify(deps.ids, now, managersOf(departmentMembers), {
      template: 'INQUIRY_ROUTED',
      clientId: inquiry.clientId,
      inquiryId: inquiry.inquiryId,
      params: {
        company: inquiry.company,
        department: cmd.department,
        channel: inquiry.channel,
        receivedAt: inquiry.receivedAt,
        ...(inquiry.firstContact
          ? {
              firstContactDueAt: inquiry.firstContact.dueAt,
              withinBusinessDays: deps.policy.firstContactBusinessDays,
            }
          : {}),
        ...(inquiry.requestedJobCategory ? { requestedJobCategory: inquiry.requestedJobCategory } : {}),
        inquiryId: inquiry.inquiryId,
      },
    }),
  );
  return saveInquiryChange(deps, actor, 'inquiry.route', inquiry, routing, extra);
}
