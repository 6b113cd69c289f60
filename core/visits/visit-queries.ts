/** Reading a client's visits, assignments and applications within the actor's scope.. */
import type { Actor } from '../access.js';
import type { Application } from '../applications/application.js';
import type { SalesRepAssignment } from '../assignment/sales-rep-assignment.js';
import { getClient } from '../clients/client-queries.js';
import { NotFoundError } from '../errors.js';
import type { HubDepsWith } from '../hub.js';
import type {
  ApplicationLedger,
  ClientInquiryLedger,
  SalesRepAssignmentLedger,
  VisitLedger,
} from '../ledger.js';
import type { Visit } from './visit.js';

export async function visitsOfClient(
  deps: HubDepsWith<ClientInquiryLedger & VisitLedger>,
  actor: Actor,
  clientId: string,
): Promise<Visit[]> {
  await getClient(deps, actor, clientId);
  return deps.ledger.listVisitsOfClient(clientId);
}

export async function getVisit(
  deps: HubDepsWith<ClientInquiryLedger & VisitLedger>,
  actor: Actor,
  visitId: string,
): Promise<Visit> {
  const visit = await deps.ledger.getVisit(visitId);
  if (!visit) throw new NotFoundError('Visit', visitId);
  await getClient(deps, actor, visit.clientId);
  return visit;
}

/** The client's sales-rep assignment history, newest first (not the workers dispatched to it). */
export async function salesRepAssignmentsOfClient(
  deps: HubDepsWith<ClientInquiryLedger & SalesRepAssignmentLedger>,
  actor: Actor,
  clientId: string,
): Promise<SalesRepAssignment[]> {
  await getClient(deps, actor, clientId);
  return deps.ledger.listSalesRepAssignmentsOfClient(clientId);
}

export async function applicationsOfClient(
  deps: HubDepsWith<ApplicationLedger & ClientInquiryLedger>,
  actor: Actor,
  clientId: string,
): Promise<Application[]> {
  await getClient(deps, actor, clientId);
  return deps.ledger.listApplicationsOfClient(clientId);
}
