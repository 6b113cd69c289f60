import * as z from 'zod';
import { type Actor, assertMay } from '../access.js';
import { getClient } from '../clients/client-queries.js';
import { commitChanges } from '../entity-change.js';
import { PreconditionFailedError } from '../errors.js';
import { completenessOf, hearingItemLabel, hearingSheetIdOf } from '../hearing-sheets/hearing-sheet.js';
import { loadInquiry } from '../inquiries/inquiry-changes.js';
import { assertPlacementOfClient } from '../orders/order-placement.js';
import { parseInput } from '../validation.js';
import { assertWorksOnClient } from '../visits/visit-changes.js';
import { type Application, slotIdOf } from './application.js';
import { openApplicationChanges } from './application-changes.js';
import { restartIfResubmitted } from './resubmission.js';
import type { WorkflowDeps } from './submit-credit-precheck.js';

const placementId = z.string().trim().min(1).max(200);
const registerOrderInput = z.object({
  inquiryId: z.string().min(1),
  /** Where the worker goes: the client's establishment and, within it, the organisational unit. */
  establishmentId: placementId.optional(),
  organisationalUnitId: placementId.optional(),
});

/** The gates an order must pass before (and when) its approval starts; throws naming the first that fails. */
export async function assertOrderMayBeRegistered(
  deps: WorkflowDeps | Omit<WorkflowDeps, 'workflows'>,
  clientId: string,
  inquiryId: string,
) {
  const applications = await deps.ledger.listApplicationsOfClient(clientId);
  if (!applications.some((a) => a.type === 'CREDIT_PRECHECK' && a.status === 'APPROVED')) {
    throw new PreconditionFailedError(
      'CREDIT_PRECHECK_NOT_APPROVED',
      'an order is registered only for a client whose credit pre-check (06_1) is approved',
    );
  }
  const missing = completenessOf(
    await deps.ledger.getHearingSheet(hearingSheetIdOf(inquiryId)),
  ).missingForOrder;
  if (missing.length) {
    throw new PreconditionFailedError(
      'HEARING_ITEMS_MISSING',
      `the order's hearing sheet is missing required items (A7-2): ${missing.map((m) => `${m} (${hearingItemLabel(m)})`).join(', ')}`,
    );
  }
  if (
    applications.some(
      (a) => a.type === 'ORDER_APPROVAL' && a.inquiryId === inquiryId && a.status === 'APPROVED',
    )
  ) {
    throw new PreconditionFailedError('ORDER_ALREADY_APPROVED', 'this order is already approved');
  }
}

/**
 * The client's rep registers a request's order for approval (A7-3), optionally naming where the
 * worker goes: an establishment of the client and one of its organisational units (A5-3, A7-4),
 * refused naming the field when not the client's. The placement is kept on the application and
 * written to the kintone order with its PENDING_APPROVAL status, like `updateOrder` writes it.
 * Registering again while the order's approval runs answers the running application.
 * Requirements: A7-2, A7-3, A7-4, X-4.
 */
export async function registerOrder(deps: WorkflowDeps, actor: Actor, input: unknown): Promise<Application> {
  assertMay(actor, 'application.submit');
  const cmd = parseInput(registerOrderInput, input);
  const inquiry = await loadInquiry(deps, actor, cmd.inquiryId);
  const client = await getClient(deps, actor, inquiry.clientId);
  assertWorksOnClient(actor, client);
  const slot = await deps.ledger.getApplicationSlot(
    slotIdOf({ clientId: client.clientId, type: 'ORDER_APPROVAL', inquiryId: inquiry.inquiryId }),
  );
  const again = await restartIfResubmitted(
    deps,
    'ORDER_APPROVAL',
    slot,
    (open) => open.inquiryId === inquiry.inquiryId,
  );
  if (again) return again;
  await assertOrderMayBeRegistered(deps, client.clientId, inquiry.inquiryId);
  const { establishmentId, organisationalUnitId } = cmd;
  await assertPlacementOfClient(deps, client.clientId, { establishmentId, organisationalUnitId }, 'input');

  const now = deps.clock.now().toISOString();
  const application: Application = {
    applicationId: deps.ids.next('app'),
    type: 'ORDER_APPROVAL',
    status: 'SUBMITTED',
    clientId: client.clientId,
    department: client.department ?? actor.department ?? '',
    applicantId: actor.userId,
    inquiryId: inquiry.inquiryId,
    ...(establishmentId
      ? { orderPlacement: { establishmentId, ...(organisationalUnitId ? { organisationalUnitId } : {}) } }
      : {}),
    directorReasons: [],
    submittedAt: now,
    history: [{ at: now, kind: 'SUBMITTED', by: actor.userId }],
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await commitChanges(deps.ledger, [
    ...openApplicationChanges(deps, actor, 'order.register', application, undefined, now, slot),
  ]);
  await deps.workflows.start('ORDER_APPROVAL', application.applicationId, {
    applicationId: application.applicationId,
  });
  return application;
}
