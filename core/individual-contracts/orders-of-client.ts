/**
 * Whether an order (the kintone order's hub id) is one of the client's: the ledger knows an order
 * from its outbox entry (written when the hub created it) or from the synced kintone record.
 * Returns the order as it stands.
 */
import { NotFoundError, ValidationError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import type { OrderRecord } from '../kintone/order.js';
import { currentOrder } from '../orders/order-view.js';

export async function assertOrderOfClient(
  deps: Pick<HubDeps, 'ledger'>,
  clientId: string,
  orderId: string,
  path = 'input.orderId',
): Promise<OrderRecord> {
  const order = await currentOrder(deps, clientId, orderId);
  if (order) return order;
  const [elsewhere] = await deps.ledger.getSyncedKintoneRecords('orders', [orderId]);
  if (elsewhere) throw new ValidationError([{ path, message: 'is an order of another client' }]);
  throw new NotFoundError('Order', orderId);
}
