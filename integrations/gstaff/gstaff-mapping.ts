/**
 * The one place that knows G-Staff's field names. The REST contract is ASSUMED (the vendor's
 * API is not public; see docs/integrations/gstaff.md): when the real specification arrives,
 * re-point these mappings and the paths in gstaff-http.adapter.ts, and nothing else changes.
 */
import type {
  ContractToStore,
  CreditDecision,
  GStaffClientRecord,
  IndividualContractShare,
  RegisteredWorker,
  WorkerAssignment,
} from '../../core/gstaff/gstaff.js';

/** A client as the (assumed) G-Staff API returns it. */
export interface GStaffApiClient {
  kokyakuCode: string;
  kokyakuName: string;
  houjinBangou?: string | null;
  tel?: string | null;
  torihikiJoutai: 'ACTIVE' | 'ENDED';
  troubles: { date: string; naiyou: string }[];
  jigyoushoList: { jigyousho: string; teshokubi: string }[];
  rishokuritsu?: number | null;
  koushinNichiji: string;
}

/** One assignment (派遣実績) within a worker of the (assumed) worker register. */
export interface GStaffApiAssignment {
  haken_id: string;
  kokyakuCode: string;
  jigyousho: string;
  soshikiTani: string;
  tantouEigyou?: string | null;
  kaishiBi: string;
  shuuryouBi?: string | null;
}

export function fromApiClient(c: GStaffApiClient): GStaffClientRecord {
  return {
    gstaffClientId: c.kokyakuCode,
    name: c.kokyakuName,
    ...(c.houjinBangou ? { corporateNumber: c.houjinBangou } : {}),
    ...(c.tel ? { phone: c.tel } : {}),
    active: c.torihikiJoutai === 'ACTIVE',
    pastTroubles: c.troubles.map((t) => ({ date: t.date, summary: t.naiyou })),
    conflictDates: c.jigyoushoList.map((j) => ({ establishment: j.jigyousho, conflictDate: j.teshokubi })),
    ...(c.rishokuritsu !== null && c.rishokuritsu !== undefined ? { turnoverRate: c.rishokuritsu } : {}),
    updatedAt: c.koushinNichiji,
  };
}

/** A worker (派遣スタッフ) of the (assumed) worker register (スタッフ台帳) with their assignments. */
export interface GStaffApiWorker {
  staff_code: string;
  shimei: string;
  /** 無期雇用 / 有期雇用 */
  koyouKubun: 'MUKI' | 'YUUKI';
  seinengappi?: string | null;
  hakenRireki: GStaffApiAssignment[];
}

export function fromApiWorker(w: GStaffApiWorker): RegisteredWorker {
  return {
    workerId: w.staff_code,
    name: w.shimei,
    employmentTerm: w.koyouKubun === 'MUKI' ? 'INDEFINITE' : 'FIXED_TERM',
    ...(w.seinengappi ? { birthDate: w.seinengappi } : {}),
    assignments: w.hakenRireki.map((a) => fromApiAssignment(w.staff_code, a)),
  };
}

export function fromApiAssignment(workerId: string, a: GStaffApiAssignment): WorkerAssignment {
  return {
    assignmentId: a.haken_id,
    workerId,
    gstaffClientId: a.kokyakuCode,
    establishment: a.jigyousho,
    organisationalUnit: a.soshikiTani,
    ...(a.tantouEigyou ? { salesRepId: a.tantouEigyou } : {}),
    startDate: a.kaishiBi,
    ...(a.shuuryouBi ? { endDate: a.shuuryouBi } : {}),
  };
}

/** The (assumed) paths. */
export const GSTAFF_PATHS = {
  clients: '/api/v1/clients',
  workers: '/api/v1/workers',
  contracts: '/api/v1/contracts',
  individualContractShares: '/api/v1/individual-contracts',
  creditDecisions: '/api/v1/credit-decisions',
} as const;

/** ASSUMED request body for a credit decision (与信結果) on the client. */
export function toApiCreditDecision(d: CreditDecision) {
  return {
    kokyakuCode: d.gstaffClientId,
    yoshinKekka: d.outcome === 'APPROVED' ? 'SHOUNIN' : 'HIKETSU',
    kettei_nichiji: d.decidedAt,
    hyouten: d.creditRating,
    hansha: d.antisocialCheck,
  };
}

/** ASSUMED request body for contract storage. */
export function toApiContract(c: ContractToStore) {
  return {
    kokyakuCode: c.gstaffClientId,
    keiyakuShubetsu: c.kind === 'BASIC' ? 'KIHON' : 'KOBETSU',
    fileName: c.fileName,
    fileBase64: c.pdfBase64,
    sha256: c.sha256,
    hozonKigen: c.retentionUntil === 'OPEN' ? null : c.retentionUntil,
  };
}

/** ASSUMED request body for moving a stored contract's retention deadline. */
export const toApiRetention = (retentionUntil: string) => ({
  hozonKigen: retentionUntil === 'OPEN' ? null : retentionUntil,
});

/** ASSUMED answer of the individual-contract document (個別契約書) G-Staff draws up from a share. */
export interface GStaffApiContractDocument {
  fileName: string;
  fileBase64: string;
  sha256: string;
}

/** ASSUMED request body for the individual-contract data share. */
export function toApiShare(s: IndividualContractShare) {
  return {
    kokyakuCode: s.gstaffClientId,
    juchuuNo: s.hubOrderId,
    staff_code: s.workerId,
    jigyousho: s.establishment,
    soshikiTani: s.organisationalUnit,
    kaishiBi: s.startDate,
    shuuryouBi: s.endDate,
    koumoku: s.items,
  };
}
