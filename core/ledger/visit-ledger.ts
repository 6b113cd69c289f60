/** Client visits (訪問) and the visit records they owe. */
import type { Page } from '../ledger.js';
import type { Visit } from '../visits/visit.js';

export interface VisitLedger {
  getVisit(visitId: string): Promise<Visit | undefined>;
  /** Newest planned first. */
  listVisitsOfClient(clientId: string): Promise<Visit[]>;
  /** Unrecorded visits whose record deadline is before `dueBefore`, soonest due first (optionally of one department). */
  listOpenVisitRecordDeadlines(query: {
    dueBefore: Date;
    department?: string;
    first: number;
    after?: string;
  }): Promise<Page<Visit>>;
}
