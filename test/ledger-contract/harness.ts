/** What every ledger contract suite is given: a way to get an empty ledger for each test. */
import { beforeEach } from 'vitest';
import type { AuditTrailLedger, LedgerCommit } from '../../core/ledger.js';

/** An empty ledger that offers port `P`, and the commit that writes into it. */
export type Fresh<P> = () => Promise<P & LedgerCommit & AuditTrailLedger>;

/** Gives each test of the enclosing `describe` its own empty ledger (a new table on DynamoDB). */
export function freshPerTest<P>(fresh: Fresh<P>): () => P & LedgerCommit & AuditTrailLedger {
  let ledger: (P & LedgerCommit & AuditTrailLedger) | undefined;
  beforeEach(async () => {
    ledger = await fresh();
  });
  return () => {
    if (!ledger) throw new Error('the ledger is created before each test');
    return ledger;
  };
}

/** Ids of a list, in the order the ledger returned them. */
export const idsOf = <T>(items: readonly T[], id: (item: T) => string) => items.map(id);

/** Ids of a batch read, whose order the port does not promise. */
export const sortedIdsOf = <T>(items: readonly T[], id: (item: T) => string) => items.map(id).sort();
