/**
 * The gates an individual contract must pass before anything is shared or sent (policy.md
 * "Individual contract"): an order not closed as lost or cancelled, an executed basic contract, the establishment's conflict-date notice,
 * the order's treatment information, every required item of the terms, a decided worker, and the
 * dispatch-period check run again on today's data. Every failing gate is reported, each with a
 * Japanese message naming the item, the date or the rule. The workflow calls this before it
 * shares or sends; nothing here writes. Requirements: A5-3, A5-4, A5-5.
 */
import { NotFoundError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import { closedWithoutDispatch, currentOrder } from '../orders/order-view.js';
import { loadPeriodCheckFacts } from './decide-worker.js';
import { missingTermsText, termsCompleteness } from './individual-contract-terms.js';
import { checkDispatchPeriod } from './period-check.js';
import { missingTreatmentItems, TREATMENT_METHOD_LABELS } from './treatment-information.js';

export const INDIVIDUAL_CONTRACT_GATES = [
  'ORDER_OPEN',
  'BASIC_CONTRACT_EXECUTED',
  'CONFLICT_DATE_NOTICE',
  'TREATMENT_INFORMATION',
  'TERMS_COMPLETE',
  'WORKER_DECIDED',
  'PERIOD_CHECK',
] as const;
export type IndividualContractGate = (typeof INDIVIDUAL_CONTRACT_GATES)[number];

export interface IndividualContractGateFailure {
  gate: IndividualContractGate;
  /** In Japanese, naming the missing item, the date or the rule. */
  message: string;
}

export type IndividualContractGateResult =
  | { ok: true }
  | { ok: false; failures: IndividualContractGateFailure[] };

export type IndividualContractGateDeps = Pick<HubDeps, 'ledger'>;

const ORDER_CLOSED_LABELS = { LOST: '失注', CANCELLED: 'キャンセル' } as const;

export async function checkIndividualContractGates(
  deps: IndividualContractGateDeps,
  individualContractId: string,
): Promise<IndividualContractGateResult> {
  const contract = await deps.ledger.getIndividualContract(individualContractId);
  if (!contract) throw new NotFoundError('IndividualContract', individualContractId);
  const failures: IndividualContractGateFailure[] = [];
  const [applications, establishment, treatment, order] = await Promise.all([
    deps.ledger.listApplicationsOfClient(contract.clientId),
    deps.ledger.getEstablishment(contract.establishmentId),
    deps.ledger.getTreatmentInformation(contract.orderId),
    currentOrder(deps, contract.clientId, contract.orderId),
  ]);

  const closed = closedWithoutDispatch(order);
  if (closed) {
    failures.push({
      gate: 'ORDER_OPEN',
      message: `オーダー ${contract.orderId} は${ORDER_CLOSED_LABELS[closed]}としてクローズされています。${ORDER_CLOSED_LABELS[closed]}のオーダーに個別契約は結べません。`,
    });
  }

  if (!applications.some((a) => a.type === 'CONTRACT_EXECUTION' && a.status === 'APPROVED')) {
    failures.push({
      gate: 'BASIC_CONTRACT_EXECUTED',
      message: '労働者派遣基本契約書が締結されていません（06_2 契約書類締結申請の承認・署名が必要です）。',
    });
  }

  if (!establishment?.conflictDateNotice) {
    failures.push({
      gate: 'CONFLICT_DATE_NOTICE',
      message: `派遣先事業所「${establishment?.name ?? contract.establishmentId}」の抵触日通知が登録されていません。`,
    });
  }

  if (!treatment) {
    failures.push({
      gate: 'TREATMENT_INFORMATION',
      message: `オーダー ${contract.orderId} の待遇情報が登録されていません。`,
    });
  } else if (treatment.establishmentId !== contract.establishmentId) {
    failures.push({
      gate: 'TREATMENT_INFORMATION',
      message: `オーダー ${contract.orderId} の待遇情報は別の事業所について登録されています（この契約の事業所「${establishment?.name ?? contract.establishmentId}」の分が必要です）。`,
    });
  } else {
    const missing = missingTreatmentItems(treatment);
    if (missing.length) {
      failures.push({
        gate: 'TREATMENT_INFORMATION',
        message: `待遇情報（${TREATMENT_METHOD_LABELS[treatment.method]}）に不足があります：${missing.join('、')}`,
      });
    }
  }

  const completeness = termsCompleteness(contract.terms);
  if (!completeness.complete) {
    failures.push({
      gate: 'TERMS_COMPLETE',
      message: `個別契約書の記載事項が不足しています：${missingTermsText(completeness.missing)}`,
    });
  }

  if (!contract.worker) {
    failures.push({
      gate: 'WORKER_DECIDED',
      message: '派遣労働者が決定されていません（スタッフ台帳から決定してください）。',
    });
  } else {
    const facts = await loadPeriodCheckFacts(deps, contract, contract.worker.workerId, establishment);
    if (!facts.ok) {
      failures.push({ gate: 'PERIOD_CHECK', message: facts.message });
    } else {
      const period = checkDispatchPeriod({
        ...facts.input,
        ...(contract.exemption ? { exemption: contract.exemption } : {}),
      });
      if (!period.ok) {
        for (const violation of period.violations)
          failures.push({ gate: 'PERIOD_CHECK', message: violation.message });
      }
    }
  }

  return failures.length ? { ok: false, failures } : { ok: true };
}
