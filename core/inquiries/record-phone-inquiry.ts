/**
 * A sales member takes a phone inquiry (A1-3): first handling by the call itself, routed at
 * intake to the target sales department, with the hearing-sheet judgment when made (A1-4).
 * Requirements: A1-3, A1-4, X-1, X-4.
 */
import { type Actor, assertMay } from '../access.js';
import { userActor } from '../audit.js';
import { ValidationError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import { enqueueOrderWrite } from '../kintone/kintone-outbox.js';
import { notify } from '../notifications/notification.js';
import { assertSalesDepartment, managersOf } from '../staff/departments.js';
import { parseInput } from '../validation.js';
import type { Inquiry } from './inquiry.js';
import { phoneInquiryInput } from './inquiry-input.js';
import { prepareIntake } from './intake.js';

export async function recordPhoneInquiry(deps: HubDeps, actor: Actor, input: unknown): Promise<Inquiry> {
  assertMay(actor, 'inquiry.recordPhone');
  const form = parseInput(phoneInquiryInput, input);
  const department = form.department ?? actor.department;
  if (!department) {
    throw new ValidationError([
      { path: 'input.department', message: 'name the sales department to share it with' },
    ]);
  }
  const departmentMembers = await assertSalesDepartment(deps.ledger, department, 'input.department');

  const now = deps.clock.now().toISOString();
  const { hearingJudgment, department: _target, ...fields } = form;
  const intake = await prepareIntake(
    deps,
    {
      ...fields,
      channel: 'PHONE',
      // The call is the first contact: a phone inquiry has no first-contact deadline.
      status: 'CONTACTED',
      department,
      receivedAt: now,
      takenBy: actor.userId,
      ...(hearingJudgment
        ? { hearingJudgment: { ...hearingJudgment, judgedBy: actor.userId, judgedAt: now } }
        : {}),
    },
    userActor(actor),
    'inquiry.recordPhone',
  );
  // A1-3: the order goes to kintone through the outbox, in the same transaction as the inquiry.
  const writes = [...intake.writes, enqueueOrderWrite(deps.ids, intake.inquiry, intake.client, now)];
  // Shared with another department: its managers learn of it in their inbox and by e-mail.
  if (department !== actor.department) {
    writes.push(
      ...notify(deps.ids, now, managersOf(departmentMembers), {
        template: 'INQUIRY_ROUTED',
        clientId: intake.client.clientId,
        inquiryId: intake.inquiry.inquiryId,
        params: {
          company: intake.inquiry.company,
          department,
          channel: 'PHONE',
          receivedAt: now,
          ...(form.requestedJobCategory ? { requestedJobCategory: form.requestedJobCategory } : {}),
          inquiryId: intake.inquiry.inquiryId,
        },
      }),
    );
  }
  await deps.ledger.commit(writes, intake.audit);
  return intake.inquiry;
}
