import type { Clock } from './clock.js';
import type { IdGenerator } from './ids.js';
import type { ClientLedger } from './ledger.js';
import type { Policy } from './policy-config.js';

/** What every use case is given by its host's composition root. */
export interface HubDeps {
  ledger: ClientLedger;
  clock: Clock;
  ids: IdGenerator;
  policy: Policy;
}

/**
 * HubDeps whose ledger is only the ports a use case reads (docs/architecture.md, "Ledger
 * ports"), e.g. `HubDepsWith<VisitLedger & LedgerCommit>`; hosts still pass the whole ledger.
 */
export type HubDepsWith<Ledger> = Omit<HubDeps, 'ledger'> & { ledger: Ledger };
