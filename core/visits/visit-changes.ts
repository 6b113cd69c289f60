/** Loading a visit the actor may work on, and committing its change with related writes. */
import { type Actor, actsAs, assertMay } from '../access.js';
import type { AuditActor } from '../audit.js';
import type { Client } from '../clients/client.js';
import { getClient } from '../clients/client-queries.js';
import { type EntityChange, entityChange } from '../entity-change.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import type { HubDeps, HubDepsWith } from '../hub.js';
import type { ClientInquiryLedger, VisitLedger } from '../ledger.js';
import type { Visit } from './visit.js';

/** The client's rep works on its visits; managers (and above) of the department may too. */
export function assertWorksOnClient(actor: Actor, client: Client): void {
  if (client.salesRepId === actor.userId || actsAs(actor, 'MANAGER')) return;
  throw new ForbiddenError(
    'NOT_THE_CLIENTS_REP',
    'only the client’s rep or a manager of its department may do this',
  );
}

/**
 * Sales work on a client's records: once a rep is assigned, only that rep (or a manager);
 * before, any sales member of the department (e.g. whoever makes the first contact).
 */
export function assertSalesMayWorkOnClient(actor: Actor, client: Client): void {
  if (actor.role === 'SALES' && client.salesRepId) assertWorksOnClient(actor, client);
}

export async function loadVisitForChange(
  deps: HubDepsWith<ClientInquiryLedger & VisitLedger>,
  actor: Actor,
  visitId: string,
  expectedVersion?: number,
): Promise<{ visit: Visit; client: Client }> {
  assertMay(actor, 'visit.manage');
  const visit = await deps.ledger.getVisit(visitId);
  if (!visit) throw new NotFoundError('Visit', visitId);
  const client = await getClient(deps, actor, visit.clientId);
  assertWorksOnClient(actor, client);
  if (expectedVersion !== undefined && expectedVersion !== visit.version) {
    throw new ConflictError(
      `visit ${visitId} was changed by someone else (version ${visit.version}, you had ${expectedVersion}); reload and try again`,
    );
  }
  return { visit, client };
}

export function visitChange(
  deps: HubDeps,
  actor: Actor | AuditActor,
  operation: string,
  before: Visit,
  changes: Partial<Visit>,
  now: string,
): { change: EntityChange; visit: Visit } {
  const visit: Visit = { ...before, ...changes, version: before.version + 1, updatedAt: now };
  return {
    visit,
    change: entityChange(deps.ids, {
      actor,
      operation,
      at: now,
      clientId: before.clientId,
      subjectId: before.visitId,
      before,
      entity: { type: 'VISIT', value: visit },
    }),
  };
}
