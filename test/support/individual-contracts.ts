/**
 * A trading client ready for an individual contract, written straight into the ledger: an
 * executed basic contract (its 06_2 approved), an establishment with its conflict-date notice, the
 * order's treatment information, a worker in the worker register, and a drafted contract with
 * every required item and the worker decided. Each part can be left out to fail one gate.
 * The use cases that record these one by one are tested on their own (core/individual-contracts).
 */
import type { Application } from '../../core/applications/application.js';
import type { Client } from '../../core/clients/client.js';
import type { Establishment } from '../../core/establishments/establishment.js';
import type { Worker } from '../../core/gstaff/worker-register-mirror.js';
import type { IndividualContract } from '../../core/individual-contracts/individual-contract.js';
import type { IndividualContractTerms } from '../../core/individual-contracts/individual-contract-terms.js';
import type { TreatmentInformation } from '../../core/individual-contracts/treatment-information.js';
import { enqueueKintoneWrite } from '../../core/kintone/kintone-outbox.js';
import type { ClientLedger, LedgerWrite } from '../../core/ledger.js';

const person = (name: string) => ({ name, title: '総務部 課長', phone: '03-1234-5678' });

export const completeTerms: IndividualContractTerms = {
  jobContent: '電子部品の検品・梱包',
  responsibilityLevel: '役職なし（補助業務）',
  workLocation: '本社工場（東京都大田区1-2-3）',
  commandingSupervisor: person('佐藤 一郎'),
  workingDays: '月〜金（祝日・年末年始を除く）',
  workingHours: { start: '09:00', end: '18:00' },
  breakTime: '12:00〜13:00（60分）',
  healthAndSafety: '安全靴着用、入構時の安全教育を派遣先が実施',
  complaintHandling: {
    agencyDesk: person('鈴木 花子'),
    clientDesk: person('田中 次郎'),
    procedure: '申出を受けた者が速やかに相手方へ通知し、連携して処理する',
  },
  cancellationMeasures: '30日前までに予告し、新たな就業機会の確保を図る',
  agencyManager: person('高橋 美咲'),
  clientManager: person('田中 次郎'),
  overtimeAndHolidayWork: '1日2時間、月20時間まで。休日労働は月1日まで',
  welfareFacilities: '食堂・休憩室・更衣室を利用可',
  directHireDisputePrevention: '雇用する場合は派遣元へ通知し、紹介手数料を支払う',
  workerLimitation: { agreementCoveredOnly: true, indefiniteTermOrAged60Only: false },
  numberOfWorkers: 1,
  billingRateYenPerHour: 2500,
  wageYenPerHour: 1600,
};

export interface ReadyContract {
  clientId: string;
  individualContractId: string;
  establishmentId: string;
  orderId: string;
}

export type GateToBreak =
  | 'ORDER_OPEN'
  | 'BASIC_CONTRACT_EXECUTED'
  | 'CONFLICT_DATE_NOTICE'
  | 'TREATMENT_INFORMATION'
  | 'TERMS_COMPLETE'
  | 'WORKER_DECIDED'
  | 'PERIOD_CHECK';

let counter = 0;

/** Everything an individual contract needs; `without` leaves one gate failing. */
export async function readyIndividualContract(
  ledger: ClientLedger,
  options: {
    gstaffClientId: string;
    salesRepId?: string;
    department?: string;
    period?: { startDate: string; endDate: string };
    conflictDate?: string;
    without?: GateToBreak;
    /** A client already in the ledger to give all this to (its own client is not written then). */
    clientId?: string;
    now?: string;
  },
): Promise<ReadyContract> {
  counter += 1;
  const key = `${Date.now().toString(36)}${counter}`;
  const now = options.now ?? '2026-12-01T01:00:00.000Z';
  const department = options.department ?? 'SALES_TOKYO';
  const clientId = options.clientId ?? `cli_ic${key}`;
  const establishmentId = `est_ic${key}`;
  const orderId = `ord_ic${key}`;
  const individualContractId = `ic_${key}`;
  const period = options.period ?? { startDate: '2027-01-04', endDate: '2027-03-31' };
  const client: Client = {
    clientId,
    name: `株式会社個別${key}`,
    normalizedName: `個別${key}`,
    stage: 'TRADING',
    department,
    salesRepId: options.salesRepId ?? 'sales-tokyo-1',
    contact: { name: '山田 太郎', email: `yamada@kobetsu${key}.example` },
    gstaff: { state: 'LINKED', gstaffClientId: options.gstaffClientId, checkedAt: now },
    version: 1,
    createdAt: now,
    updatedAt: now,
  } as Client;
  const basic: Application = {
    applicationId: `app_basic${key}`,
    type: 'CONTRACT_EXECUTION',
    status: 'APPROVED',
    clientId,
    department,
    applicantId: 'sales-tokyo-1',
    contractExecution: {
      form: 'STANDARD',
      clientSigner: { name: '山田 太郎', email: `yamada@kobetsu${key}.example` },
      envelopeName: `BASIC-${clientId}-app_basic${key}`,
      gstaffContractId: `K-basic${key}`,
      retentionUntil: 'OPEN',
    },
    history: [{ at: now, kind: 'SUBMITTED', by: 'sales-tokyo-1' }],
    submittedAt: now,
    decidedAt: now,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const pdf = {
    key: `legal/${clientId}/notice.pdf`,
    fileName: '抵触日通知.pdf',
    size: 100,
    contentType: 'application/pdf' as const,
    storedAt: now,
  };
  const establishment: Establishment = {
    establishmentId,
    clientId,
    name: '本社工場',
    organisationalUnits: [{ organisationalUnitId: `unit_${key}`, name: '検品課' }],
    ...(options.without === 'CONFLICT_DATE_NOTICE'
      ? {}
      : {
          conflictDateNotice: {
            conflictDate: options.conflictDate ?? '2028-10-01',
            document: pdf,
            receivedBy: 'sales-tokyo-1',
            receivedOn: '2026-11-20',
            recordedBy: 'sales-tokyo-1',
            recordedAt: now,
            extensions: [],
          },
        }),
    createdBy: 'sales-tokyo-1',
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const treatment: TreatmentInformation = {
    orderId,
    clientId,
    establishmentId,
    method: 'LABOUR_MANAGEMENT_AGREEMENT',
    items: { training: '入構時の安全教育', welfareFacilities: '食堂・休憩室・更衣室' },
    documents: [{ ...pdf, key: `legal/${clientId}/treatment.pdf`, fileName: '待遇情報.pdf' }],
    receivedBy: 'sales-tokyo-1',
    receivedOn: '2026-11-20',
    recordedBy: 'sales-tokyo-1',
    recordedAt: now,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const worker: Worker = {
    workerId: `S-${key}`,
    name: '派遣 一郎',
    employmentTerm: 'FIXED_TERM',
    birthDate: '1990-04-01',
    mirroredAt: now,
    version: 1,
  };
  const { billingRateYenPerHour: _missing, ...termsWithoutRate } = completeTerms;
  const contract: IndividualContract = {
    individualContractId,
    clientId,
    orderId,
    establishmentId,
    organisationalUnitId: `unit_${key}`,
    department,
    period,
    ...(options.without === 'WORKER_DECIDED'
      ? {}
      : {
          worker: {
            workerId: worker.workerId,
            workerName: worker.name,
            decidedBy: 'sales-tokyo-1',
            decidedAt: now,
          },
        }),
    terms: options.without === 'TERMS_COMPLETE' ? termsWithoutRate : completeTerms,
    status: 'DRAFT',
    createdBy: 'sales-tokyo-1',
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const writes: LedgerWrite[] = [
    ...(options.clientId ? [] : [{ entity: { type: 'CLIENT', value: client } } satisfies LedgerWrite]),
    { entity: { type: 'ESTABLISHMENT', value: establishment } },
    { entity: { type: 'WORKER', value: worker } },
    { entity: { type: 'INDIVIDUAL_CONTRACT', value: contract } },
    // The order as the hub wrote it to kintone (the orders outbox), OPEN for staffing (or lost).
    enqueueKintoneWrite({ next: (p) => `${p}_${key}` }, now, {
      app: 'orders',
      order: {
        hubId: orderId,
        clientId,
        clientName: client.name,
        ...(options.without === 'ORDER_OPEN'
          ? { status: 'CLOSED' as const, closeOutcome: 'LOST' as const, closeReason: '他社に決定' }
          : { status: 'OPEN' as const }),
        summary: '検品スタッフ1名',
      },
      hubId: orderId,
      clientId,
      subjectType: 'INQUIRY',
      subjectId: `inq_ic${key}`,
    }),
  ];
  if (options.without !== 'BASIC_CONTRACT_EXECUTED')
    writes.push({ entity: { type: 'APPLICATION', value: basic } });
  if (options.without !== 'TREATMENT_INFORMATION')
    writes.push({ entity: { type: 'TREATMENT_INFORMATION', value: treatment } });
  await ledger.commit(writes, []);
  return { clientId, individualContractId, establishmentId, orderId };
}
