/**
 * G-Staff (Gスタッフ), the agency's staffing back office, as the hub sees it (docs/integrations.md):
 * the client register (past troubles, conflict dates, turnover rate), client registration and
 * the worker register (スタッフ台帳: dispatched workers and their assignments). The vendor's API is not public; the adapter speaks a REST contract of
 * our own (docs/integrations/gstaff.md, marked as assumed). Requirements: A1-5, X-3.
 */
import type { JstDate } from '../business-days.js';

/** A client's registration in G-Staff (顧客登録), past or present. */
export interface GStaffClientRecord {
  gstaffClientId: string;
  name: string;
  corporateNumber?: string;
  phone?: string;
  /** Still trading (present) or a past registration. */
  active: boolean;
  /** 過去のトラブル */
  pastTroubles: { date: JstDate; summary: string }[];
  /** 抵触日 per client establishment (事業所). */
  conflictDates: { establishment: string; conflictDate: JstDate }[];
  /** 離職率 of staff dispatched to the client, 0–1. */
  turnoverRate?: number;
  updatedAt: string;
}

/**
 * One assignment of a dispatched worker (派遣実績) in the worker register: at which client
 * establishment (事業所) and organisational unit (組織単位), from when to when — for the reps'
 * loads (A2-2) and the 3-year individual limit (A5-5).
 */
export interface WorkerAssignment {
  assignmentId: string;
  workerId: string;
  gstaffClientId: string;
  /** The establishment's name as G-Staff records it. */
  establishment: string;
  /** The organisational unit's name (e.g. a 課) as G-Staff records it. */
  organisationalUnit: string;
  salesRepId?: string;
  startDate: JstDate;
  /** Absent while the assignment runs. */
  endDate?: JstDate;
}

/** 無期雇用 (indefinite term) or 有期雇用 (fixed term): indefinite-term workers are exempt from the period limits. */
export const EMPLOYMENT_TERMS = ['INDEFINITE', 'FIXED_TERM'] as const;
export type EmploymentTerm = (typeof EMPLOYMENT_TERMS)[number];

/** A dispatched worker (派遣社員 / 登録者) in G-Staff's worker register, with their assignments. */
export interface RegisteredWorker {
  workerId: string;
  name: string;
  employmentTerm: EmploymentTerm;
  /** For the 60-or-over exemption, when G-Staff holds it. */
  birthDate?: JstDate;
  assignments: WorkerAssignment[];
}

export interface GStaffClientRegistration {
  /** The hub's client id; also the idempotency key, so a retried registration registers once. */
  hubClientId: string;
  name: string;
  corporateNumber?: string;
  phone?: string;
}

/** An executed contract to keep in G-Staff's electronic storage (A6-5). */
export interface ContractToStore {
  /** The hub's id of the contract; also the idempotency key. */
  hubContractId: string;
  gstaffClientId: string;
  kind: 'BASIC' | 'INDIVIDUAL';
  fileName: string;
  pdfBase64: string;
  /** Hex SHA-256 of the PDF; G-Staff checks it on receipt. */
  sha256: string;
  /** YYYY-MM-DD, or OPEN while the basic contract may not be disposed of. */
  retentionUntil: JstDate | 'OPEN';
}

/** The individual-contract data G-Staff needs once a worker is decided (A5-5). */
export interface IndividualContractShare {
  /** The hub's id of the order. */
  hubOrderId: string;
  /** The hub's id of the individual contract (one per period: a renewal is shared anew); the idempotency key. */
  hubIndividualContractId: string;
  gstaffClientId: string;
  workerId: string;
  establishment: string;
  organisationalUnit: string;
  startDate: JstDate;
  endDate: JstDate;
  /** The legally required items (docs/integrations.md), by name. */
  items: Record<string, string>;
}

/** The credit pre-check's decision, recorded on the client in G-Staff (06_1). */
export interface CreditDecision {
  /** The hub's application id; also the idempotency key. */
  hubApplicationId: string;
  gstaffClientId: string;
  outcome: 'APPROVED' | 'REJECTED';
  decidedAt: string;
  creditRating: number;
  antisocialCheck: 'CLEAR' | 'HIT' | 'UNDETERMINED';
}

export interface GStaff {
  /** Every client record changed after `since` (all when absent), page by page. */
  clientRegister(since?: Date): AsyncIterable<GStaffClientRecord[]>;
  /** Registers a client; registering the same hub client again returns the first registration. */
  registerClient(registration: GStaffClientRegistration): Promise<{ gstaffClientId: string }>;
  /** Every worker of the worker register with their assignments, page by page. */
  workerRegister(): AsyncIterable<RegisteredWorker[]>;
  /** Stores an executed contract with its retention deadline; storing the same contract again returns the first answer. */
  storeContract(contract: ContractToStore): Promise<{ gstaffContractId: string }>;
  /** Records a credit decision on the client; recording the same application again returns the first answer. */
  recordCreditDecision(decision: CreditDecision): Promise<{ gstaffDecisionId: string }>;
  /** Shares an individual contract's data; sharing the same contract again returns the first answer. */
  shareIndividualContract(share: IndividualContractShare): Promise<{ gstaffShareId: string }>;
  /** The individual contract G-Staff drew up from a share (its 個別契約書 PDF), to send for signature. */
  individualContractDocument(gstaffShareId: string): Promise<ContractDocument>;
  /** Moves a stored contract's retention deadline (a renewal, or the basic contract's last individual contract ended); idempotent. */
  updateContractRetention(update: RetentionUpdate): Promise<void>;
}

/** A contract document G-Staff produced. */
export interface ContractDocument {
  fileName: string;
  pdf: Buffer;
  /** Hex SHA-256 of the PDF, as G-Staff states it (checked on receipt). */
  sha256: string;
}

export interface RetentionUpdate {
  gstaffContractId: string;
  /** YYYY-MM-DD, or OPEN while the basic contract may not be disposed of. */
  retentionUntil: JstDate | 'OPEN';
  /**
   * Names this one move (which contract, which move, which deadline): a retried request moves it
   * once, and a retry of an older move never undoes a newer one.
   */
  idempotencyKey: string;
}
