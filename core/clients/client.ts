import type { Industry } from './industry.js';

/** Client stages (docs/policy.md, "Client stages"). */
export const CLIENT_STAGES = [
  'PROSPECT',
  'ASSIGNED',
  'VISITED',
  'CREDIT_REVIEW',
  'CREDIT_APPROVED',
  'CREDIT_REJECTED',
  'CONTRACTING',
  'TRADING',
  'INACTIVE',
] as const;
export type ClientStage = (typeof CLIENT_STAGES)[number];

/** A client (派遣先 / 得意先) in the client ledger (顧客管理台帳). */
export interface Client {
  clientId: string;
  name: string;
  /** NFKC, legal-entity markers and spaces removed: the first matching key. */
  normalizedName: string;
  /** 法人番号, 13 digits, when known. */
  corporateNumber?: string;
  /** Second matching keys: phone numbers (digits only) and e-mail domains seen on inquiries. */
  phones: string[];
  emailDomains: string[];
  stage: ClientStage;
  /** The client's contact for contracts (signer of the basic contract, A7-1 e-mails); else the latest inquiry's. */
  contact?: { name: string; email: string };
  /** JSIC major division (日本標準産業分類 大分類); industry fit of reps is judged by it (A2-2). */
  industry?: Industry;
  /** The sales department owning the client, once an inquiry has been routed. */
  department?: string;
  salesRepId?: string;
  /** The rep's current assignment record (read by key, so a reassignment always ends it). */
  currentAssignmentId?: string;
  /** Clients with the same normalised name but no second key in common: a person decides. */
  possibleDuplicateOf: string[];
  /**
   * The client's registration in G-Staff (A1-5): LINKED to an existing one, REGISTERED by the
   * hub, or NEEDS_REVIEW when only the name matched (a person decides). Absent until checked.
   */
  gstaff?: {
    state: 'LINKED' | 'REGISTERED' | 'NEEDS_REVIEW';
    gstaffClientId?: string;
    checkedAt: string;
    /**
     * The fields the hub registers a client with (name, corporate number, phone) as the hub and
     * G-Staff last agreed on them: a change on either side is measured against this
     * (core/sync/gstaff-conflicts.ts).
     */
    agreed?: GStaffSharedFields;
    /** The G-Staff sync conflict that holds these fields until a person resolves it. */
    openConflictId?: string;
  };
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The client's fields G-Staff holds too (phone: digits only). */
export interface GStaffSharedFields {
  name: string;
  corporateNumber?: string;
  phone?: string;
}

export const clientTrail = (clientId: string) => `CLIENT#${clientId}`;

/** Who receives contract documents for the client: its recorded contact, else the latest inquiry's contact with an address. */
export function contractContact(
  client: Pick<Client, 'contact'>,
  inquiriesNewestFirst: { contactName: string; email?: string }[],
): { name: string; email: string } | undefined {
  if (client.contact) return client.contact;
  const inquiry = inquiriesNewestFirst.find((i) => i.email);
  return inquiry?.email ? { name: inquiry.contactName, email: inquiry.email } : undefined;
}
