/**
 * The individual contract (個別契約書): one assignment of a decided worker to a client
 * establishment's organisational unit for a dispatch period, under the client's basic contract.
 * It starts as a DRAFT that collects its terms (A5-4) and its worker (A5-5); the workflow that
 * sends it for signature extends its status. Requirements: A5-3, A5-4, A5-5.
 */
import type { JstDate } from '../business-days.js';
import type { IndividualContractTerms } from './individual-contract-terms.js';

/** DRAFT while terms and worker are collected; the workflow adds the statuses after it. */
export const INDIVIDUAL_CONTRACT_STATUSES = ['DRAFT'] as const;
export type IndividualContractStatus = (typeof INDIVIDUAL_CONTRACT_STATUSES)[number];

/**
 * The exemptions from both period limits (派遣可能期間の制限の例外). The reason says why it
 * applies (e.g. the project and its end date, the worker on leave).
 */
export const PERIOD_LIMIT_EXEMPTIONS = [
  'AGED_60_OR_OVER',
  'INDEFINITE_TERM_EMPLOYMENT',
  'FIXED_END_PROJECT',
  'LIMITED_DAYS',
  'LEAVE_SUBSTITUTE',
] as const;
export type PeriodLimitExemptionKind = (typeof PERIOD_LIMIT_EXEMPTIONS)[number];

export const PERIOD_LIMIT_EXEMPTION_LABELS: Record<PeriodLimitExemptionKind, string> = {
  AGED_60_OR_OVER: '60歳以上の派遣労働者',
  INDEFINITE_TERM_EMPLOYMENT: '派遣元で無期雇用されている派遣労働者',
  FIXED_END_PROJECT: '終期が明確な有期プロジェクト業務',
  LIMITED_DAYS: '日数限定業務（1か月の就業日数が派遣先の通常の労働者の半分以下かつ10日以下）',
  LEAVE_SUBSTITUTE: '産前産後休業・育児休業・介護休業等を取得する労働者の代替',
};

export interface PeriodLimitExemption {
  kind: PeriodLimitExemptionKind;
  reason: string;
  recordedBy: string;
  recordedAt: string;
}

/** The worker picked from the worker register, with what the period check found. */
export interface DecidedWorker {
  workerId: string;
  workerName: string;
  decidedBy: string;
  decidedAt: string;
  /** The binding date when the contract was decided (absent when exempt). */
  bindingConflictDate?: JstDate;
}

/** The e-mail to the client's contact asking for the terms, and its 2-day (calendar) deadline. */
export interface TermsRequest {
  requestedBy: string;
  requestedAt: string;
  sentTo: { name: string; email: string };
  mailMessageId: string;
  /** 23:59:59.999 JST of the 2nd calendar day after the request's JST date. */
  dueAt: string;
  /** When every required item was stored. */
  metAt?: string;
  escalatedAt?: string;
}

export interface IndividualContract {
  individualContractId: string;
  clientId: string;
  /** The kintone order's hub id. */
  orderId: string;
  establishmentId: string;
  organisationalUnitId: string;
  /** The client's sales department when the draft was made (department scoping). */
  department?: string;
  /** 派遣期間: first and last dispatch day (JST dates, inclusive). */
  period: { startDate: JstDate; endDate: JstDate };
  worker?: DecidedWorker;
  exemption?: PeriodLimitExemption;
  terms: Partial<IndividualContractTerms>;
  termsRequest?: TermsRequest;
  status: IndividualContractStatus;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}
