/**
 * A client's establishments (事業所) and their organisational units (組織単位), and the
 * conflict-date notice (抵触日通知) each establishment gives the agency. The establishment is the
 * unit of the 3-year establishment limit; the organisational unit (e.g. a 課) that of the
 * 3-year individual limit. Requirements: A5-3, A5-5.
 */
import type { JstDate } from '../business-days.js';

/** 組織単位: a section (課) or similar within an establishment. */
export interface OrganisationalUnit {
  organisationalUnitId: string;
  name: string;
  /** The unit's head (組織単位の長), as the client names them; optional. */
  head?: string;
}

/** A document the hub keeps in the document store (a PDF the client gave). */
export interface StoredLegalDocument {
  key: string;
  fileName: string;
  size: number;
  contentType: 'application/pdf';
  storedAt: string;
}

/**
 * 意見聴取: the client heard its union (過半数労働組合) or, where none, the majority representative
 * (過半数代表者) before extending the establishment's period.
 */
export const HEARD_PARTIES = ['MAJORITY_UNION', 'MAJORITY_REPRESENTATIVE'] as const;
export type HeardParty = (typeof HEARD_PARTIES)[number];

/** An extension of the establishment limit, recorded with the hearing that allows it. */
export interface ConflictDateExtension {
  extensionId: string;
  previousConflictDate: JstDate;
  newConflictDate: JstDate;
  hearing: {
    heardParty: HeardParty;
    /** The union's name or the representative's name. */
    partyName: string;
    /** When the hearing took place (JST date); at least a month before the previous conflict date. */
    heardOn: JstDate;
    /** What was heard (意見の内容), in the client's words. */
    opinion: string;
    /** The client's record of the hearing, when given as a PDF. */
    record?: StoredLegalDocument;
  };
  /** The client's notice of the new date (an extension is notified like the first date). */
  notice: StoredLegalDocument;
  recordedBy: string;
  recordedAt: string;
}

/** 抵触日通知: the client's written notice of the establishment's conflict date. */
export interface ConflictDateNotice {
  /** The first day past the 3-year limit: the last dispatch day is the day before. */
  conflictDate: JstDate;
  document: StoredLegalDocument;
  /** Who at the agency received the notice, and when (JST date). */
  receivedBy: string;
  receivedOn: JstDate;
  recordedBy: string;
  recordedAt: string;
  /** Oldest first; the last one's new date is the one in force. */
  extensions: ConflictDateExtension[];
}

/** 事業所: a client site. */
export interface Establishment {
  establishmentId: string;
  clientId: string;
  name: string;
  address?: string;
  organisationalUnits: OrganisationalUnit[];
  conflictDateNotice?: ConflictDateNotice;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The conflict date in force: the last extension's, else the notice's; undefined without a notice. */
export function conflictDateInForce(
  establishment: Pick<Establishment, 'conflictDateNotice'>,
): JstDate | undefined {
  const notice = establishment.conflictDateNotice;
  if (!notice) return undefined;
  return notice.extensions.at(-1)?.newConflictDate ?? notice.conflictDate;
}

/** Names are compared as people type them: NFKC, trimmed, inner spaces ignored. */
export function sameSiteName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return norm(a) === norm(b);
}
