/** The append-only audit trail: the events each commit wrote, by trail. */
import type { AuditEvent } from '../audit.js';
import type { Page } from '../ledger.js';

export interface AuditTrailLedger {
  /** Newest first. */
  listAuditTrail(trail: string, first: number, after?: string): Promise<Page<AuditEvent>>;
}
