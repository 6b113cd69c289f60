/**
 * The individual-contract workflow (個別契約) as a module: the gates (an executed basic contract,
 * the establishment's conflict-date notice, the order's treatment information, every required
 * item, a decided worker, the period check) → the data shared to G-Staff, which draws up the
 * contract document → a MARKETING task to send → the gates again → GMO Sign with the sales rep
 * as approver and the client's contact as signer, through the signature outbox (one envelope
 * per contract) → the signature → the signed PDF stored in G-Staff with its retention deadline
 * (3 years after the last dispatch end date of the contract and its renewals; a renewal moves
 * the earlier periods' deadlines too) → the order in kintone shows the contract. A gate that
 * fails ends the application REJECTED, naming each gate and why; nothing is shared or sent.
 * Requirements: A5-3, A5-4, A5-5, A5-6, A6-5, A7-4, X-1.
 */
import * as z from 'zod';
import { jstDateOf } from '../business-days.js';
import { individualContractRetention } from '../contracts/retention.js';
import { documentKey } from '../documents/document-store.js';
import { commitChanges, type EntityChange } from '../entity-change.js';
import { NotFoundError, PreconditionFailedError } from '../errors.js';
import type { HubDeps, HubDepsWith } from '../hub.js';
import {
  type IndividualContract,
  PERIOD_LIMIT_EXEMPTION_LABELS,
} from '../individual-contracts/individual-contract.js';
import {
  checkIndividualContractGates,
  type IndividualContractGateFailure,
} from '../individual-contracts/individual-contract-gates.js';
import { TERM_ITEM_LABELS, TERM_ITEMS } from '../individual-contracts/individual-contract-terms.js';
import { enqueueReplacingKintoneWrite } from '../kintone/kintone-outbox.js';
import type { OrderRecord } from '../kintone/order.js';
import type { ApplicationLedger, IndividualContractLedger } from '../ledger.js';
import { currentHubOrder } from '../orders/order-view.js';
import type { Application, IndividualContractSigning } from './application.js';
import { applicationChange, recordEventOnce } from './application-changes.js';
import { contractSigningTasks, gstaffClientIdOf, type SignedContractKind } from './contract-steps.js';
import {
  type ApplicationWorkflow,
  loadApplication,
  loadClient,
  WORKFLOW,
  type WorkflowTaskDeps,
  workflowTask,
} from './workflow-module.js';

export const individualEnvelopeName = (individualContractId: string) => `INDIVIDUAL-${individualContractId}`;

async function loadSigning(
  deps: HubDepsWith<ApplicationLedger>,
  applicationId: string,
): Promise<{ application: Application; signing: IndividualContractSigning }> {
  const application = await loadApplication(deps, applicationId);
  const signing = application.individualContract;
  if (application.type !== 'INDIVIDUAL_CONTRACT' || !signing) {
    throw new PreconditionFailedError(
      'APPLICATION_INCOMPLETE',
      `${applicationId} is not an individual contract application`,
    );
  }
  return { application, signing };
}

async function loadContract(
  deps: HubDepsWith<IndividualContractLedger>,
  individualContractId: string,
): Promise<IndividualContract> {
  const contract = await deps.ledger.getIndividualContract(individualContractId);
  if (!contract) throw new NotFoundError('IndividualContract', individualContractId);
  return contract;
}

/** "GATE: why; GATE: why" — every failing gate, as staff read it. */
export const gateFailureText = (failures: readonly IndividualContractGateFailure[]) =>
  failures.map((f) => `${f.gate}: ${f.message}`).join('\n');

/** Refuses (naming the first gate as the rule and every gate in the message) unless every gate passes. */
export async function assertIndividualContractGates(deps: HubDeps, individualContractId: string) {
  const result = await checkIndividualContractGates(deps, individualContractId);
  if (!result.ok) {
    throw new PreconditionFailedError(
      result.failures[0]?.gate ?? 'INDIVIDUAL_CONTRACT_GATES',
      `the individual contract may not be sent:\n${gateFailureText(result.failures)}`,
    );
  }
}

/** The gate step: every gate on today's data. A failure is recorded (which gates, why) and ends the application REJECTED. */
async function runGates(deps: WorkflowTaskDeps, applicationId: string) {
  const { application, signing } = await loadSigning(deps, applicationId);
  const result = await checkIndividualContractGates(deps, signing.individualContractId);
  if (application.status !== 'SUBMITTED') return { passed: result.ok };
  if (!result.ok) {
    const now = deps.clock.now().toISOString();
    const { change } = applicationChange(
      deps,
      WORKFLOW,
      'workflow.gates_failed',
      application,
      {},
      { at: now, kind: 'GATES_FAILED', detail: gateFailureText(result.failures) },
      now,
    );
    await commitChanges(deps.ledger, [change]);
    return { passed: false };
  }
  await recordEventOnce(deps, WORKFLOW, 'workflow.validated', application, 'VALIDATED');
  return { passed: true };
}

/** A term's value as the contract states it. */
function termText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${typeof v === 'object' ? termText(v) : String(v)}`)
      .join(' / ');
  }
  return String(value);
}

/**
 * A5-5: the contract's data goes to G-Staff (once per contract), which draws up the 個別契約書;
 * the document is kept in the hub's document store for the envelope.
 */
async function shareToGStaff(deps: WorkflowTaskDeps, applicationId: string) {
  const { application, signing } = await loadSigning(deps, applicationId);
  if (signing.gstaffShareId && signing.documentKey) return { gstaffShareId: signing.gstaffShareId };
  const contract = await loadContract(deps, signing.individualContractId);
  if (!contract.worker)
    throw new PreconditionFailedError('WORKER_DECIDED', 'the individual contract has no decided worker');
  const gstaffClientId = await gstaffClientIdOf(deps, application.clientId);
  if (!gstaffClientId) {
    throw new PreconditionFailedError(
      'GSTAFF_NEEDS_REVIEW',
      'the client’s G-Staff registration needs a person (only the name matched)',
    );
  }
  const establishment = await deps.ledger.getEstablishment(contract.establishmentId);
  const unit = establishment?.organisationalUnits.find(
    (u) => u.organisationalUnitId === contract.organisationalUnitId,
  );
  if (!establishment || !unit)
    throw new PreconditionFailedError('CONFLICT_DATE_NOTICE', 'the establishment or its unit is gone');
  const items: Record<string, string> = {
    ...Object.fromEntries(TERM_ITEMS.map((item) => [TERM_ITEM_LABELS[item], termText(contract.terms[item])])),
    ...(contract.exemption
      ? {
          派遣可能期間の制限の例外: `${PERIOD_LIMIT_EXEMPTION_LABELS[contract.exemption.kind]}（${contract.exemption.reason}）`,
        }
      : {}),
  };
  const { gstaffShareId } = await deps.gstaff.shareIndividualContract({
    hubOrderId: contract.orderId,
    hubIndividualContractId: contract.individualContractId,
    gstaffClientId,
    workerId: contract.worker.workerId,
    establishment: establishment.name,
    organisationalUnit: unit.name,
    startDate: contract.period.startDate,
    endDate: contract.period.endDate,
    items,
  });
  const document = await deps.gstaff.individualContractDocument(gstaffShareId);
  const key = documentKey(
    'contracts',
    application.clientId,
    `individual-${contract.individualContractId}.pdf`,
  );
  await deps.documents.put(key, document.pdf, 'application/pdf');
  const now = deps.clock.now().toISOString();
  const { change } = applicationChange(
    deps,
    WORKFLOW,
    'individualContract.share',
    application,
    { individualContract: { ...signing, gstaffShareId, documentKey: key } },
    { at: now, kind: 'GSTAFF_SHARED', detail: gstaffShareId },
    now,
  );
  await commitChanges(deps.ledger, [change]);
  return { gstaffShareId };
}

/** The contract and every earlier period it renews, newest first (the chain of renewals). */
async function renewalChain(
  deps: HubDepsWith<ApplicationLedger>,
  application: Application,
): Promise<Application[]> {
  const applications = await deps.ledger.listApplicationsOfClient(application.clientId);
  const signedOf = (individualContractId: string) =>
    applications.find(
      (a) =>
        a.type === 'INDIVIDUAL_CONTRACT' &&
        a.status === 'APPROVED' &&
        a.individualContract?.individualContractId === individualContractId,
    );
  const chain = [application];
  const seen = new Set([application.applicationId]);
  let previous = application.individualContract?.renewalOf;
  while (previous) {
    const earlier = signedOf(previous);
    if (!earlier || seen.has(earlier.applicationId)) break;
    chain.push(earlier);
    seen.add(earlier.applicationId);
    previous = earlier.individualContract?.renewalOf;
  }
  return chain;
}

/** The individual contract (個別契約書): marketing's send, the rep approves, the client's contact signs. */
export const INDIVIDUAL_CONTRACT: SignedContractKind = {
  taskPrefix: 'individualContract',
  async load(deps, applicationId) {
    const { application, signing } = await loadSigning(deps, applicationId);
    return { application, envelopeName: signing.envelopeName };
  },
  async envelope(deps, application) {
    const { signing } = await loadSigning(deps, application.applicationId);
    // Nothing is sent unless every gate still holds (the state machine checked just before; this is the last word).
    const existing = await deps.ledger.getSignatureEnvelope(signing.envelopeName);
    if (!existing) await assertIndividualContractGates(deps, signing.individualContractId);
    if (!signing.documentKey || !(await deps.documents.inspect(signing.documentKey, 4)))
      throw new PreconditionFailedError('CONTRACT_DOCUMENT_MISSING', 'the individual contract PDF is gone');
    const client = await loadClient(deps, application.clientId);
    return {
      businessType: 'INDIVIDUAL_CONTRACT',
      businessId: signing.individualContractId,
      request: {
        envelopeName: signing.envelopeName,
        documentName: `個別契約書_${signing.period.startDate}_${signing.period.endDate}.pdf`,
        documentKey: signing.documentKey,
        ourSigners: [],
        partnerSigners: [{ ...signing.clientSigner, organization: client.name }],
        approvers: [{ name: signing.approver.name, email: signing.approver.email }],
      },
    };
  },
  async storage(deps, application) {
    const { signing } = await loadSigning(deps, application.applicationId);
    if (signing.gstaffContractId) return { gstaffContractId: signing.gstaffContractId };
    const chain = await renewalChain(deps, application);
    const ends = chain.map((a) => a.individualContract?.period.endDate ?? signing.period.endDate);
    return {
      hubContractId: signing.individualContractId,
      kind: 'INDIVIDUAL',
      fileName: `${signing.envelopeName}.pdf`,
      retentionUntil: individualContractRetention(ends),
    };
  },
  async stored(deps, application, kept, now) {
    const { signing } = await loadSigning(deps, application.applicationId);
    const envelope = await deps.ledger.getSignatureEnvelope(signing.envelopeName);
    const retentionUntil = kept.retentionUntil === 'OPEN' ? undefined : kept.retentionUntil;
    // A renewal keeps the earlier periods as long as itself: their deadlines move in G-Staff and here.
    const changes: EntityChange[] = [];
    for (const earlier of (await renewalChain(deps, application)).slice(1)) {
      const previous = earlier.individualContract;
      if (!previous?.gstaffContractId || !retentionUntil || previous.retentionUntil === retentionUntil)
        continue;
      if (previous.retentionUntil && previous.retentionUntil > retentionUntil) continue;
      await deps.gstaff.updateContractRetention({
        gstaffContractId: previous.gstaffContractId,
        retentionUntil,
        // An individual contract's deadline only ever moves later: one move per deadline.
        idempotencyKey: `${previous.individualContractId}:retention:${retentionUntil}`,
      });
      changes.push(
        applicationChange(
          deps,
          WORKFLOW,
          'individualContract.retention',
          earlier,
          { individualContract: { ...previous, retentionUntil } },
          {
            at: now,
            kind: 'RETENTION_MOVED',
            detail: `${previous.retentionUntil ?? '-'} → ${retentionUntil} (${signing.individualContractId})`,
          },
          now,
        ).change,
      );
    }
    return {
      application: {
        individualContract: {
          ...signing,
          gstaffContractId: kept.gstaffContractId,
          ...(retentionUntil ? { retentionUntil } : {}),
          signedAt: envelope?.completedAt ?? now,
        },
      },
      changes,
    };
  },
};

/**
 * The order in kintone shows its latest signed contract in fields of their own (A7-4): the
 * contract, its period, the worker's code, the signing day, the retention deadline and G-Staff's
 * id. Written through the kintone outbox from the order as the hub wants it now (so it keeps its
 * status and whatever staff changed through updateOrder); only these fields change, so the
 * reconciliation reads them back as the hub wrote them.
 */
async function showInKintone(deps: WorkflowTaskDeps, applicationId: string) {
  const { application, signing } = await loadSigning(deps, applicationId);
  if (application.history.some((h) => h.kind === 'KINTONE_UPDATED')) return {};
  const entries = (await deps.ledger.listKintoneOutboxEntriesOfClient(application.clientId)).filter(
    (e): e is typeof e & { app: 'orders'; order: OrderRecord } =>
      e.app === 'orders' && e.hubId === signing.orderId,
  );
  const latest = entries[0]; // newest first
  const current = (await currentHubOrder(deps, application.clientId, signing.orderId)) ?? latest?.order;
  const now = deps.clock.now().toISOString();
  if (!latest || !current) {
    // An order made in kintone itself: the hub has no version of it to write back; say so.
    await recordEventOnce(
      deps,
      WORKFLOW,
      'workflow.kintone_updated',
      application,
      'KINTONE_UPDATED',
      'kintone のオーダーはハブが作成したものではないため、契約の表示は更新していません。',
    );
    return { updated: false };
  }
  const contract = await loadContract(deps, signing.individualContractId);
  const order: OrderRecord = {
    ...current,
    individualContractId: signing.individualContractId,
    contractStartDate: signing.period.startDate,
    contractEndDate: signing.period.endDate,
    contractWorkerId: contract.worker?.workerId ?? '',
    contractSignedOn: signing.signedAt ? jstDateOf(new Date(signing.signedAt)) : '',
    contractRetentionUntil: signing.retentionUntil ?? '',
    contractGStaffId: signing.gstaffContractId ?? '',
  };
  const { change } = applicationChange(
    deps,
    WORKFLOW,
    'individualContract.kintone',
    application,
    {},
    { at: now, kind: 'KINTONE_UPDATED', detail: signing.orderId },
    now,
  );
  await commitChanges(
    deps.ledger,
    [change],
    await enqueueReplacingKintoneWrite(deps, now, {
      app: 'orders',
      order,
      hubId: order.hubId,
      clientId: application.clientId,
      subjectType: latest.subjectType,
      subjectId: latest.subjectId,
    }),
  );
  return { updated: true };
}

const byId = z.object({ applicationId: z.string().min(1) });

export const individualContractWorkflow: ApplicationWorkflow = {
  type: 'INDIVIDUAL_CONTRACT',
  label: '個別契約書の締結',
  tasks: {
    'individualContract.gates': workflowTask(byId, (deps, e) => runGates(deps, e.applicationId)),
    'individualContract.share': workflowTask(byId, (deps, e) => shareToGStaff(deps, e.applicationId)),
    'individualContract.showInKintone': workflowTask(byId, (deps, e) => showInKintone(deps, e.applicationId)),
    ...contractSigningTasks(INDIVIDUAL_CONTRACT),
  },
  decisions: {
    GATES: {
      text: (_outcome, application) =>
        `個別契約の要件を満たしていないため、送付していません。\n${
          application.history.findLast((h) => h.kind === 'GATES_FAILED')?.detail ?? ''
        }`,
    },
    MARKETING: { text: () => 'マーケティングの判断により発報されませんでした。' },
    SIGNER: { text: () => '承認者または署名者が GMOサインで辞退しました。' },
    SIGNED: {
      text: () => '個別契約書が締結され、保管期限とともに G-Staff に保管されました。',
    },
  },
};
