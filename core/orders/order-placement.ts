/**
 * Where an order's worker is placed: an establishment (事業所) of the order's client and,
 * within it, an organisational unit (組織単位). Requirements: A5-3, A7-4, X-4.
 */
import { ValidationError } from '../errors.js';
import type { HubDeps } from '../hub.js';

export interface OrderPlacement {
  establishmentId?: string | undefined;
  organisationalUnitId?: string | undefined;
}

/** Refuses, naming the field, an establishment or unit that is not the client's. */
export async function assertPlacementOfClient(
  _deps: HubDeps,
  _clientId: string,
  placement: OrderPlacement,
  root: string,
): Promise<void> {
  const named = (['establishmentId', 'organisationalUnitId'] as const).filter((f) => placement[f]);
  if (named.length)
    throw new ValidationError(
      named.map((f) => ({ path: `${root}.${f}`, message: 'the client has no establishments recorded yet' })),
    );
}
