import { type DeadlineStatus, deadlineStatus } from '../business-days.js';

export const INQUIRY_CHANNELS = ['WEB', 'PHONE'] as const;
export type InquiryChannel = (typeof INQUIRY_CHANNELS)[number];

/** NEW: a web inquiry waiting for marketing to route it; ROUTED: with a sales department; CONTACTED: first contact made. */
export const INQUIRY_STATUSES = ['NEW', 'ROUTED', 'CONTACTED'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

/** The hearing-sheet judgment of first handling (A1-4). */
export const DISPATCHABILITY = ['DISPATCHABLE', 'NOT_DISPATCHABLE', 'RECONFIRM_AT_VISIT'] as const;
export type Dispatchability = (typeof DISPATCHABILITY)[number];

export interface HearingJudgment {
  result: Dispatchability;
  reason?: string;
  judgedBy: string;
  judgedAt: string;
}

/** How intake linked the inquiry to a client (docs/policy.md, "Inquiries"). */
export const CLIENT_MATCHES = ['EXISTING_CLIENT', 'NEW_PROSPECT', 'POSSIBLE_DUPLICATE'] as const;
export type ClientMatch = (typeof CLIENT_MATCHES)[number];

export interface FirstContact {
  /** Stored when computed, so a later configuration change does not move it. */
  dueAt: string;
  contactedAt?: string;
  contactedBy?: string;
  note?: string;
  /** When the deadline job told the owning department that it was missed (once per deadline). */
  escalatedAt?: string;
}

/** A staffing inquiry (人材問い合わせ). */
export interface Inquiry {
  inquiryId: string;
  channel: InquiryChannel;
  status: InquiryStatus;
  clientId: string;
  clientMatch: ClientMatch;
  /** The sales department handling it; absent while a web inquiry is unrouted. */
  department?: string;
  company: string;
  contactName: string;
  contactDepartment?: string;
  phone?: string;
  email?: string;
  message?: string;
  requestedJobCategory?: string;
  requestedStart?: string;
  receivedAt: string;
  /** The website form's id for a web inquiry (the idempotency key). */
  submissionId?: string;
  /** The sales member who took a phone inquiry. */
  takenBy?: string;
  routedBy?: string;
  routedAt?: string;
  /** Web inquiries only: contact within 1 business day (A1-2). */
  firstContact?: FirstContact;
  hearingJudgment?: HearingJudgment;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export function firstContactStatus(inquiry: Inquiry, now: Date): DeadlineStatus | undefined {
  const fc = inquiry.firstContact;
  if (!fc) return undefined;
  return deadlineStatus(new Date(fc.dueAt), fc.contactedAt ? new Date(fc.contactedAt) : undefined, now);
}
