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
