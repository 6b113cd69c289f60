/**
 * G-Staff (Gスタッフ), the agency's staffing back office, as the hub sees it (integrations.md):
 * the client register (past troubles, conflict dates, turnover rate), client registration and
 * the staff register. The vendor's API is not public; the adapter speaks a REST contract of
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

/** One dispatched staff member's assignment (スタッフ台帳), for loads and the 3-year limits. */
export interface StaffAssignment {
  assignmentId: string;
  staffId: string;
  gstaffClientId: string;
  establishment: string;
  organisationalUnit: string;
  salesRepId?: string;
  startDate: JstDate;
  endDate?: JstDate;
}

export interface GStaffClientRegistration {
  /** The hub's client id; also the idempotency key, so a retried registration registers once. */
  hubClientId: string;
  name: string;
  corporateNumber?: string;
  phone?: string;
}

export interface GStaff {
  /** Every client record changed after `since` (all when absent), page by page. */
  clientRegister(since?: Date): AsyncIterable<GStaffClientRecord[]>;
  /** Registers a client; registering the same hub client again returns the first registration. */
  registerClient(registration: GStaffClientRegistration): Promise<{ gstaffClientId: string }>;
  /** Every staff assignment, page by page. */
  staffRegister(): AsyncIterable<StaffAssignment[]>;
}
