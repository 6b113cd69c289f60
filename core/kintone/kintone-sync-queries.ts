/** Reading a client's kintone sync state within the actor's scope. Requirements. */
import type { Actor } from '../access.js';
import { getClient } from '../clients/client-queries.js';
import type { HubDepsWith } from '../hub.js';
import type { ClientInquiryLedger, OutboxLedger } from '../ledger.js';
import type { KintoneOutboxEntry } from './kintone-outbox.js';

export async function kintoneSyncOfClient(
  deps: HubDepsWith<ClientInquiryLedger & OutboxLedger>,
  actor: Actor,
  clientId: string,
): Promise<KintoneOutboxEntry[]> {
  await getClient(deps, actor, clientId);
  return deps.ledger.listKintoneOutboxEntriesOfClient(clientId);
}
