/**
 * Whether an order (the kintone order's hub id) is one of the client's: the ledger knows an order
 * from its outbox entry (written when the hub created it) or from the synced kintone record.
 */
import { NotFoundError, ValidationError } from '../errors.js';
import type { HubDeps } from '../hub.js';

export async function assertOrderOfClient(
  deps: Pick<HubDeps, 'ledger'>,
  clientId: string,
  orderId: string,
  path = 'input.orderId',
): Promise<void> {
  const [synced] = await deps.ledger.getSyncedKintoneRecords('orders', [orderId]);
  if (synced) {
    if (synced.clientId !== clientId)
      throw new ValidationError([{ path, message: 'is an order of another client' }]);
    return;
  }
  const entries = await deps.ledger.listKintoneOutboxEntriesOfClient(clientId);
  if (entries.some((e) => e.app === 'orders' && e.hubId === orderId)) return;
  throw new NotFoundError('Order', orderId);
}
