/**
 * The ledger's one way to write: a use case's whole change — every entity with the
 * version it read, and the audit events that explain it — in one all-or-nothing commit.
 */
import type { AuditEvent } from '../audit.js';
import type { LedgerWrite } from '../ledger.js';

export interface LedgerCommit {
  /** Writes all entities and audit events in one transaction; a stale version or existing key is a ConflictError. */
  commit(writes: LedgerWrite[], audit: AuditEvent[]): Promise<void>;
}
