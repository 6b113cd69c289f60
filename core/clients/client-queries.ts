/** Reading the client ledger within the actor's scope. Requirements. */
import { type Actor, assertMay, assertSeesDepartment, seesDepartment } from '../access.js';
import type { AuditEvent } from '../audit.js';
import { NotFoundError } from '../errors.js';
import type { HubDepsWith } from '../hub.js';
import type { AuditTrailLedger, ClientInquiryLedger, Page } from '../ledger.js';
import { type Client, clientTrail } from './client.js';

export async function getClient(
  deps: HubDepsWith<ClientInquiryLedger>,
  actor: Actor,
  clientId: string,
): Promise<Client> {
  assertMay(actor, 'client.read');
  const client = await deps.ledger.getClient(clientId);
  if (!client) throw new NotFoundError('Client', clientId);
  assertSeesDepartment(actor, client.department);
  return client;
}

/** Batch read for dataloaders: clients the actor may not see come back as undefined. */
export async function getClientsVisibleTo(
  deps: HubDepsWith<ClientInquiryLedger>,
  actor: Actor,
  clientIds: readonly string[],
): Promise<(Client | undefined)[]> {
  assertMay(actor, 'client.read');
  const found = new Map((await deps.ledger.getClients(clientIds)).map((c) => [c.clientId, c]));
  return clientIds.map((id) => {
    const client = found.get(id);
    return client && seesDepartment(actor, client.department) ? client : undefined;
  });
}

/** The client's audit trail, newest first: the client and everything recorded under it. */
export async function clientAuditTrail(
  deps: HubDepsWith<AuditTrailLedger & ClientInquiryLedger>,
  actor: Actor,
  clientId: string,
  page: { first?: number; after?: string },
): Promise<Page<AuditEvent>> {
  await getClient(deps, actor, clientId);
  const first = Math.min(Math.max(page.first ?? 50, 1), 200);
  return deps.ledger.listAuditTrail(clientTrail(clientId), first, page.after);
}
