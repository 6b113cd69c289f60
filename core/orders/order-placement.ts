/**
 * Where an order's worker is placed: an establishment (事業所) of the order's client and,
 * within it, an organisational unit (組織単位) — the units of the establishment limit and the
 * individual limit (core/establishments/establishment.ts). `updateOrder` and `registerOrder`
 * check both here.
 * Requirements: A5-3, A7-4, X-4.
 */
import { type FieldError, ValidationError } from '../errors.js';
import type { HubDeps } from '../hub.js';

export interface OrderPlacement {
  establishmentId?: string | undefined;
  organisationalUnitId?: string | undefined;
}

/**
 * Refuses, naming the field under `root`, an establishment that is not the client's, a unit
 * that is not the establishment's, or a unit without its establishment.
 */
export async function assertPlacementOfClient(
  deps: Pick<HubDeps, 'ledger'>,
  clientId: string,
  placement: OrderPlacement,
  root: string,
): Promise<void> {
  const problems: FieldError[] = [];
  const { establishmentId, organisationalUnitId } = placement;
  if (organisationalUnitId && !establishmentId) {
    problems.push({
      path: `${root}.organisationalUnitId`,
      message: 'an organisational unit needs its establishment',
    });
  }
  if (establishmentId) {
    const establishment = await deps.ledger.getEstablishment(establishmentId);
    if (!establishment || establishment.clientId !== clientId) {
      problems.push({
        path: `${root}.establishmentId`,
        message: `${establishmentId} is not an establishment of the order's client`,
      });
    } else if (
      organisationalUnitId &&
      !establishment.organisationalUnits.some((u) => u.organisationalUnitId === organisationalUnitId)
    ) {
      problems.push({
        path: `${root}.organisationalUnitId`,
        message: `${organisationalUnitId} is not an organisational unit of establishment ${establishment.name}`,
      });
    }
  }
  if (problems.length) throw new ValidationError(problems);
}
