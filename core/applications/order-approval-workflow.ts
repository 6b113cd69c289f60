/**
 * The order approval workflow as a module (A7-3): the order's gates hold (06_1 approved, hearing
 * items complete) and it shows PENDING_APPROVAL in kintone → the department's supervisors
 * approve → OPEN (rejected or failed: back to RECEIVED to be reworked). Requirements: A7-2, A7-3.
 */
import * as z from 'zod';
import type { Client } from '../clients/client.js';
import { commitChanges } from '../entity-change.js';
import { NotFoundError, PreconditionFailedError } from '../errors.js';
import { hearingItemLabel, hearingSheetIdOf, ORDER_ITEMS } from '../hearing-sheets/hearing-sheet.js';
import type { HubDeps } from '../hub.js';
import { enqueueReplacingKintoneWrite, orderForInquiry } from '../kintone/kintone-outbox.js';
import type { OrderRecord, OrderStatus } from '../kintone/order.js';
import type { LedgerWrite } from '../ledger.js';
import { currentHubOrder } from '../orders/order-view.js';
import { hearingItemText } from '../visits/visit-summary.js';
import type { Application } from './application.js';
import { applicationChange } from './application-changes.js';
import { assertOrderMayBeRegistered } from './register-order.js';
import {
  type ApplicationWorkflow,
  loadApplication,
  loadClient,
  noEffects,
  WORKFLOW,
  workflowTask,
} from './workflow-module.js';

/** The placement an order was registered with, as the order's fields (a unit only with its establishment). */
const placementFields = (placement: Application['orderPlacement']): Partial<OrderRecord> =>
  placement
    ? {
        establishmentId: placement.establishmentId,
        organisationalUnitId: placement.organisationalUnitId ?? '',
      }
    : {};

/** The order of a request, as kintone shows it with the given status and its hearing items. */
async function orderWrite(
  deps: HubDeps,
  client: Client,
  inquiryId: string,
  status: OrderStatus,
  now: string,
  placement?: Application['orderPlacement'],
): Promise<LedgerWrite[]> {
  const inquiry = await deps.ledger.getInquiry(inquiryId);
  if (!inquiry) throw new NotFoundError('Inquiry', inquiryId);
  const sheet = await deps.ledger.getHearingSheet(hearingSheetIdOf(inquiryId));
  const base = orderForInquiry(inquiry, client);
  const items = sheet
    ? ORDER_ITEMS.flatMap((item) => {
        const value = sheet.items[item];
        return value === undefined ? [] : [`${hearingItemLabel(item)}: ${hearingItemText(item, value)}`];
      })
    : [];
  // Once kintone has the order, a status change starts from the order as it stands (staff may have
  // changed it through updateOrder); the hearing items are only the first write's.
  const current = await currentHubOrder(deps, client.clientId, base.hubId);
  const order: OrderRecord = current
    ? { ...current, status, ...placementFields(placement) }
    : {
        ...placementFields(placement),
        ...base,
        status,
        ...(sheet?.items.jobCategory ? { jobCategory: sheet.items.jobCategory } : {}),
        ...(sheet?.items.startDate ? { requestedStart: sheet.items.startDate } : {}),
        ...(items.length
          ? { summary: [base.summary, 'ヒアリング項目:', ...items].filter(Boolean).join('\n') }
          : {}),
      };
  // It replaces the order's older writes still owed, so none of them can undo it.
  return enqueueReplacingKintoneWrite(deps, now, {
    app: 'orders',
    order,
    hubId: order.hubId,
    clientId: client.clientId,
    subjectType: 'INQUIRY',
    subjectId: inquiryId,
  });
}

/** The order's gates hold (06_1 approved, hearing items complete); the order shows PENDING_APPROVAL in kintone (A7-3). */
async function orderPendingApproval(deps: HubDeps, applicationId: string) {
  const application = await loadApplication(deps, applicationId);
  if (application.type !== 'ORDER_APPROVAL' || !application.inquiryId) {
    throw new PreconditionFailedError('APPLICATION_INCOMPLETE', `${applicationId} names no order`);
  }
  if (application.status !== 'SUBMITTED' || application.history.some((h) => h.kind === 'VALIDATED'))
    return {};
  await assertOrderMayBeRegistered(deps, application.clientId, application.inquiryId);
  const client = await loadClient(deps, application.clientId);
  const now = deps.clock.now().toISOString();
  const { change } = applicationChange(
    deps,
    WORKFLOW,
    'order.pendingApproval',
    application,
    {},
    { at: now, kind: 'VALIDATED' },
    now,
  );
  await commitChanges(
    deps.ledger,
    [change],
    await orderWrite(
      deps,
      client,
      application.inquiryId,
      'PENDING_APPROVAL',
      now,
      application.orderPlacement,
    ),
  );
  return {};
}

export const orderApprovalWorkflow: ApplicationWorkflow = {
  type: 'ORDER_APPROVAL',
  label: 'オーダー承認',
  tasks: {
    'order.pendingApproval': workflowTask(z.object({ applicationId: z.string().min(1) }), (deps, e) =>
      orderPendingApproval(deps, e.applicationId),
    ),
  },
  // Approved: the order opens for staffing; rejected: it goes back to RECEIVED to be reworked.
  async onDecided(deps, outcome, { application, client, now }) {
    if (!application.inquiryId) return noEffects();
    const status = outcome === 'APPROVED' ? 'OPEN' : 'RECEIVED';
    return { changes: [], writes: await orderWrite(deps, client, application.inquiryId, status, now) };
  },
  async onFailed(deps, { application, client, now }) {
    if (!application.inquiryId) return noEffects();
    return {
      changes: [],
      writes: await orderWrite(deps, client, application.inquiryId, 'RECEIVED', now),
    };
  },
};
