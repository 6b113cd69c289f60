/**
 * Workflow applications (ワークフロー申請 / 稟議書). This issue creates the draft credit
 * pre-check (06_1) a visit with a likely request starts (A6-1); the approval workflows that
 * submit and decide applications build on it (A4-*, docs/policy.md "Credit / anti-social pre-check").
 */
import type { JstDate } from '../business-days.js';
import type { CreditPrecheck } from './credit-precheck.js';

export const APPLICATION_TYPES = [
  'CREDIT_PRECHECK',
  'CONTRACT_EXECUTION',
  'ORDER_APPROVAL',
  'INDIVIDUAL_CONTRACT',
] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];

export const APPLICATION_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'APPROVED',
  'REJECTED',
  'FAILED',
  'WITHDRAWN',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Statuses in which an application is still open (one open application per client and type). */
export const OPEN_APPLICATION_STATUSES: readonly ApplicationStatus[] = ['DRAFT', 'SUBMITTED'];

/** The approval steps a workflow waits on; each goes to a pool (role + department). */
export const APPROVAL_STEPS = [
  'MANAGER',
  'DIRECTOR',
  'LEGAL_REVIEW',
  'LEGAL_SEND',
  'MARKETING_SEND',
] as const;
export type ApprovalStep = (typeof APPROVAL_STEPS)[number];

/** One entry of an application's history: what happened, when, by whom. */
export interface ApplicationEvent {
  at: string;
  kind:
    | 'SUBMITTED'
    | 'VALIDATED'
    | 'APPROVAL_REQUESTED'
    | 'ESCALATED'
    | 'DECIDED'
    | 'AUTO_REJECTED'
    | 'APPROVED'
    | 'REJECTED'
    | 'FAILED'
    | 'SIGNATURE_REQUESTED'
    | 'SIGNED'
    | 'STORED'
    | 'DELAYED'
    | 'DELAY_REASON'
    | 'GSTAFF_UPDATED'
    | 'GSTAFF_NOT_UPDATED'
    | 'GATES_FAILED'
    | 'GSTAFF_SHARED'
    | 'KINTONE_UPDATED'
    | 'RETENTION_MOVED';
  step?: ApprovalStep;
  by?: string;
  decision?: 'APPROVE' | 'REJECT';
  comment?: string;
  detail?: string;
}

export interface Application {
  applicationId: string;
  type: ApplicationType;
  status: ApplicationStatus;
  clientId: string;
  department: string;
  /** The rep who applies (the client's rep). */
  applicantId: string;
  /** The visit that started it (A6-1). */
  visitId?: string;
  /** ORDER_APPROVAL: the request (inquiry) whose order is approved. */
  inquiryId?: string;
  /**
   * ORDER_APPROVAL: the client's establishment (事業所) and organisational unit (組織単位) the order
   * was registered with, checked to be the client's; its first kintone write carries them.
   */
  orderPlacement?: { establishmentId: string; organisationalUnitId?: string };
  /** 06_1's inputs, once submitted. */
  creditPrecheck?: CreditPrecheck;
  /** 06_2: the basic contract's form, document and where it went (docs/policy.md "Contract execution"). */
  contractExecution?: ContractExecution;
  /** INDIVIDUAL_CONTRACT: the individual contract being sent for signature (A5-5, A5-6). */
  individualContract?: IndividualContractSigning;
  /** Why director approval is required (docs/policy.md); empty when the manager decides alone. */
  directorReasons?: string[];
  submittedAt?: string;
  decidedAt?: string;
  /** Steps and decisions, oldest first. */
  history: ApplicationEvent[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ContractExecution {
  /** STANDARD: the agency's template; NON_STANDARD: the client's own text (a PDF), reviewed by legal. */
  form: 'STANDARD' | 'NON_STANDARD';
  /** NON_STANDARD: the uploaded PDF in the document store. */
  documentKey?: string;
  fileName?: string;
  /** The client's signer (its contact). */
  clientSigner: { name: string; email: string };
  envelopeName: string;
  /** Once stored in G-Staff (A6-5). */
  gstaffContractId?: string;
  retentionUntil?: string;
  /** A4-5: executed within N business days of the submission, else the person in charge records why. */
  deadline?: {
    dueAt: string;
    escalatedAt?: string;
    delayReason?: { reason: string; by: string; at: string };
  };
}

/**
 * An individual contract (個別契約書) on its way to signature and storage: which contract and
 * period, who approves and signs it in GMO Sign, and where the signed PDF is kept.
 */
export interface IndividualContractSigning {
  individualContractId: string;
  /** The kintone order's hub id. */
  orderId: string;
  /** The contract whose next period this one is (a renewal). */
  renewalOf?: string;
  /** 派遣期間 as submitted. */
  period: { startDate: JstDate; endDate: JstDate };
  /** One envelope per contract: `INDIVIDUAL-<individualContractId>`. */
  envelopeName: string;
  /** The sales rep, the envelope's approver (A5-6). */
  approver: { userId: string; name: string; email: string };
  /** The client's contact, the envelope's signer. */
  clientSigner: { name: string; email: string };
  /** Once shared to G-Staff, and the contract document G-Staff made of it (kept in the document store). */
  gstaffShareId?: string;
  documentKey?: string;
  /** Once signed and stored in G-Staff (A6-5). */
  signedAt?: string;
  gstaffContractId?: string;
  /** 3 years after the last dispatch end date of the contract and its renewals. */
  retentionUntil?: JstDate;
}

/**
 * The one open application of a client per type (docs/policy.md), read by key and written with its
 * version, so two concurrent requests cannot both open one: the draft a visit started (A6-1),
 * and the submitted application until its decision.
 */
export interface ApplicationSlot {
  clientId: string;
  type: ApplicationType;
  /** Order approvals are one per order (the inquiry), not per client. */
  subjectId?: string;
  draftApplicationId?: string;
  openApplicationId?: string;
  version: number;
}

export const applicationSlotId = (clientId: string, type: ApplicationType, subjectId?: string) =>
  `${clientId}#${type}${subjectId ? `#${subjectId}` : ''}`;

/** The slot an application occupies. */
export const slotIdOf = (a: Pick<Application, 'clientId' | 'type' | 'inquiryId' | 'individualContract'>) =>
  applicationSlotId(a.clientId, a.type, slotSubjectOf(a));

/** What a slot is per, besides the client and type: the order (order approvals), the individual contract. */
export const slotSubjectOf = (a: Pick<Application, 'type' | 'inquiryId' | 'individualContract'>) =>
  a.individualContract?.individualContractId ?? (a.type === 'ORDER_APPROVAL' ? a.inquiryId : undefined);
