/**
 * The credit / anti-social pre-check workflow (06_1) as a module: validate (a recorded visit,
 * A3-1) → HIT rejects at once → the manager → a director when the policy requires it → the
 * decision, recorded on the client in G-Staff. On approval the client's orders move to RECEIVED
 * in kintone and the basic-contract template is e-mailed (A7-1). Requirements: A3-1, A4-1,
 * A4-2, A4-3, A7-1.
 */
import * as z from 'zod';
import { type Client, contractContact } from '../clients/client.js';
import { clientChange } from '../clients/client-change.js';
import { PreconditionFailedError } from '../errors.js';
import { enqueueReplacingKintoneWrite, orderForInquiry } from '../kintone/kintone-outbox.js';
import type { LedgerWrite } from '../ledger.js';
import { enqueueMail } from '../mail/mail-message.js';
import { currentHubOrder } from '../orders/order-view.js';
import type { Application } from './application.js';
import { recordEventOnce } from './application-changes.js';
import { gstaffClientIdOf } from './contract-steps.js';
import {
  type ApplicationWorkflow,
  loadApplication,
  noEffects,
  WORKFLOW,
  type WorkflowTaskDeps,
  workflowTask,
} from './workflow-module.js';

const byId = z.object({ applicationId: z.string().min(1) });

/** The application is complete and its client was visited (A3-1); says whether HIT rejects it and whether a director must approve. */
async function validateCreditPrecheck(deps: WorkflowTaskDeps, applicationId: string) {
  const application = await loadApplication(deps, applicationId);
  const input = application.creditPrecheck;
  if (application.type !== 'CREDIT_PRECHECK' || !input) {
    throw new PreconditionFailedError(
      'APPLICATION_INCOMPLETE',
      `${applicationId} has no credit pre-check inputs`,
    );
  }
  const visited = (await deps.ledger.listVisitsOfClient(application.clientId)).some(
    (v) => v.status === 'RECORDED',
  );
  if (!visited)
    throw new PreconditionFailedError('VISIT_REQUIRED', 'the client has no recorded visit (A3-1)');
  const result = {
    autoReject: input.antisocialCheck === 'HIT',
    requiresDirector: (application.directorReasons ?? []).length > 0,
  };
  if (application.status === 'SUBMITTED') {
    const detail = result.autoReject ? 'antisocial HIT' : undefined;
    await recordEventOnce(deps, WORKFLOW, 'workflow.validate', application, 'VALIDATED', detail);
  }
  return result;
}

/**
 * 06_1 decided: the decision is recorded on the client in G-Staff (once; the application id is the
 * key). A client not checked yet is checked first; one whose registration needs a person is noted
 * in the history instead of failing the decided application.
 */
async function updateGStaffWithCredit(deps: WorkflowTaskDeps, applicationId: string) {
  const application = await loadApplication(deps, applicationId);
  const decided = application.status === 'APPROVED' || application.status === 'REJECTED';
  if (application.type !== 'CREDIT_PRECHECK' || !decided || !application.creditPrecheck) return {};
  if (application.history.some((h) => h.kind === 'GSTAFF_UPDATED' || h.kind === 'GSTAFF_NOT_UPDATED'))
    return {};
  const record = (kind: 'GSTAFF_UPDATED' | 'GSTAFF_NOT_UPDATED', detail: string) =>
    recordEventOnce(deps, WORKFLOW, `workflow.${kind.toLowerCase()}`, application, kind, detail);
  const gstaffClientId = await gstaffClientIdOf(deps, application.clientId);
  if (!gstaffClientId) {
    await record('GSTAFF_NOT_UPDATED', 'the G-Staff registration needs a person');
    return { updated: false };
  }
  const { gstaffDecisionId } = await deps.gstaff.recordCreditDecision({
    hubApplicationId: applicationId,
    gstaffClientId,
    outcome: application.status as 'APPROVED' | 'REJECTED',
    decidedAt: application.decidedAt ?? deps.clock.now().toISOString(),
    creditRating: application.creditPrecheck.creditRating,
    antisocialCheck: application.creditPrecheck.antisocialCheck,
  });
  await record('GSTAFF_UPDATED', gstaffDecisionId);
  return { updated: true };
}

/**
 * 06_1 approved (docs/policy.md "Orders in kintone"): the client's orders move from INQUIRY to
 * RECEIVED in kintone, and the basic-contract template is e-mailed to the client's contact (A7-1).
 */
async function orderIntakeOpens(
  deps: WorkflowTaskDeps,
  client: Client,
  application: Application,
  now: string,
): Promise<{ writes: LedgerWrite[]; templateSent: boolean }> {
  const inquiries = await deps.ledger.listInquiriesOfClient(client.clientId);
  const writes: LedgerWrite[] = (
    await Promise.all(
      inquiries
        .filter((i) => i.status !== 'NEW')
        .map(async (inquiry) => {
          // Once kintone has the order, the status change keeps what staff changed (updateOrder).
          const base = orderForInquiry(inquiry, client);
          const current = await currentHubOrder(deps, client.clientId, base.hubId);
          const order = { ...(current ?? base), status: 'RECEIVED' as const };
          // It replaces the order's older writes still owed (the inquiry's INQUIRY write).
          return enqueueReplacingKintoneWrite(deps, now, {
            app: 'orders',
            order,
            hubId: order.hubId,
            clientId: client.clientId,
            subjectType: 'INQUIRY',
            subjectId: inquiry.inquiryId,
          });
        }),
    )
  ).flat();
  const contact = contractContact(client, inquiries);
  const rep = await deps.ledger.getStaffMember(client.salesRepId ?? application.applicantId);
  if (contact) {
    writes.push(
      enqueueMail(deps.ids, now, {
        template: 'BASIC_CONTRACT_TEMPLATE',
        params: {
          company: client.name,
          contactName: contact.name,
          salesRepName: rep?.name ?? '担当営業',
          agencyName: deps.policy.agencyName,
        },
        to: [contact.email],
        ...(rep ? { cc: [rep.email] } : {}),
        clientId: client.clientId,
      }),
    );
  }
  return { writes, templateSent: contact !== undefined };
}

export const creditPrecheckWorkflow: ApplicationWorkflow = {
  type: 'CREDIT_PRECHECK',
  label: '06_1 反社/与信チェック申請',
  tasks: {
    'creditPrecheck.validate': workflowTask(byId, (deps, e) => validateCreditPrecheck(deps, e.applicationId)),
    'creditPrecheck.updateGStaff': workflowTask(byId, (deps, e) =>
      updateGStaffWithCredit(deps, e.applicationId),
    ),
  },
  decisions: {
    ANTISOCIAL_HIT: {
      text: () => '反社チェックが HIT のため自動的に否決されました。',
      kind: 'AUTO_REJECTED',
    },
  },
  async onDecided(deps, outcome, { application, client, now }) {
    const stage = outcome === 'APPROVED' ? 'CREDIT_APPROVED' : 'CREDIT_REJECTED';
    const { change, client: updated } = clientChange(
      deps,
      WORKFLOW,
      'application.decide',
      client,
      { stage },
      now,
    );
    if (outcome !== 'APPROVED') return { changes: [change], writes: [] };
    const intake = await orderIntakeOpens(deps, updated, application, now);
    return {
      changes: [change],
      writes: intake.writes,
      ...(intake.templateSent
        ? {}
        : {
            note: 'お客様の連絡先メールアドレスが未登録のため、基本契約書のひな形は送付していません。担当から送付してください。',
          }),
    };
  },
  // The client goes back to where a new application can start.
  async onFailed(deps, { client, now }) {
    if (client.stage !== 'CREDIT_REVIEW') return noEffects();
    return {
      changes: [clientChange(deps, WORKFLOW, 'application.fail', client, { stage: 'VISITED' }, now).change],
      writes: [],
    };
  },
};
