/**
 * `salesRepProposal(clientId)`: every eligible rep of the client's department ranked with a
 * score and the reasons behind each factor (A2-2). Every input comes from data: client loads
 * and industry experience from the ledger's assignment history, dispatched workers from the
 * worker register mirror, the client's risk from the G-Staff mirror and the ledger.
 * Requirements: A2-1, A2-2.
 */
import { type Actor, assertMay, assertSeesDepartment } from '../access.js';
import { jstDateOf } from '../business-days.js';
import type { Client } from '../clients/client.js';
import { getClient } from '../clients/client-queries.js';
import { industryLabel } from '../clients/industry.js';
import { PreconditionFailedError } from '../errors.js';
import { matchGStaffRecords } from '../gstaff/gstaff-queries.js';
import type { HubDeps, HubDepsWith } from '../hub.js';
import type { StaffDirectoryLedger } from '../ledger.js';
import type { StaffMember } from '../staff/staff-member.js';
import { visitRecordOverdue } from '../visits/visit.js';
import type { ClientRiskFacts, RepFacts } from './rank-sales-reps.js';
import { clientRisk, rankSalesReps } from './rank-sales-reps.js';
import { isCurrent, type SalesRepProposal } from './sales-rep-assignment.js';

/** Reps a client may be assigned to: active sales members of its department. */
export async function eligibleReps(
  deps: HubDepsWith<StaffDirectoryLedger>,
  department: string,
): Promise<StaffMember[]> {
  return (await deps.ledger.listStaffMembers()).filter(
    (m) => m.active && m.role === 'SALES' && m.department === department,
  );
}

/** A2-2's risk signals for a client, with the counts they come from. */
export async function clientRiskFacts(deps: HubDeps, client: Client): Promise<ClientRiskFacts> {
  const now = deps.clock.now();
  const [byName, linked, applications, inquiries, visits] = await Promise.all([
    deps.ledger.findGStaffMirrorRecordsByName(client.normalizedName),
    client.gstaff?.gstaffClientId
      ? deps.ledger.getGStaffMirrorRecords([client.gstaff.gstaffClientId])
      : Promise.resolve([]),
    deps.ledger.listApplicationsOfClient(client.clientId),
    deps.ledger.listInquiriesOfClient(client.clientId),
    deps.ledger.listVisitsOfClient(client.clientId),
  ]);
  // The client's own G-Staff registrations: the linked one, and those matching name and a second key.
  const records = new Map(linked.map((r) => [r.gstaffClientId, r]));
  for (const m of matchGStaffRecords(client, byName)) {
    if (m.match === 'CONFIRMED') records.set(m.record.gstaffClientId, m.record);
  }
  const turnovers = [...records.values()].flatMap((r) =>
    r.turnoverRate === undefined ? [] : [r.turnoverRate],
  );
  const missedFirstContacts = inquiries.filter((i) => {
    const fc = i.firstContact;
    if (!fc) return false;
    return fc.contactedAt ? fc.contactedAt > fc.dueAt : Date.parse(fc.dueAt) < now.getTime();
  }).length;
  const missedVisitRecords = visits.filter((v) => v.recordDeadline.late || visitRecordOverdue(v, now)).length;
  return {
    pastTroubles: [...records.values()].reduce((n, r) => n + r.pastTroubles.length, 0),
    turnoverRate: turnovers.length ? Math.max(...turnovers) : undefined,
    rejectedApplications: applications.filter((a) => a.status === 'REJECTED').length,
    missedDeadlines: missedFirstContacts + missedVisitRecords,
    industryLabel: client.industry ? industryLabel(client.industry) : undefined,
  };
}

/** Each rep's loads and industry experience. */
async function repFacts(deps: HubDeps, client: Client, reps: StaffMember[]): Promise<RepFacts[]> {
  const today = jstDateOf(deps.clock.now());
  const histories = await Promise.all(
    reps.map(async (rep) => ({
      rep,
      assignments: await deps.ledger.listSalesRepAssignmentsOfRep(rep.userId),
      workers: await deps.ledger.listWorkerAssignmentsOfRep(rep.userId),
    })),
  );
  const clientIds = [
    ...new Set(
      histories.flatMap((h) => h.assignments.map((a) => a.clientId)).filter((id) => id !== client.clientId),
    ),
  ];
  const industries = new Map((await deps.ledger.getClients(clientIds)).map((c) => [c.clientId, c.industry]));
  return histories.map(({ rep, assignments, workers }) => {
    const others = assignments.filter((a) => a.clientId !== client.clientId);
    const current = new Set(others.filter(isCurrent).map((a) => a.clientId));
    const everHandled = new Set(others.map((a) => a.clientId));
    return {
      salesRepId: rep.userId,
      name: rep.name,
      currentClients: current.size,
      dispatchedWorkers: new Set(
        workers
          .filter((w) => w.startDate <= today && (!w.endDate || w.endDate >= today))
          .map((w) => w.workerId),
      ).size,
      industryClients: client.industry
        ? [...everHandled].filter((id) => industries.get(id) === client.industry).length
        : undefined,
    };
  });
}

/** The ranking for a client, computed now; also used by `assignSalesRep` to check the choice. */
export async function computeProposal(deps: HubDeps, client: Client): Promise<SalesRepProposal> {
  const department = client.department;
  if (!department) {
    throw new PreconditionFailedError(
      'CLIENT_NOT_ROUTED',
      'the client has no sales department yet; route its inquiry first',
    );
  }
  const reps = await eligibleReps(deps, department);
  if (reps.length === 0) {
    throw new PreconditionFailedError('NO_ELIGIBLE_REPS', `department ${department} has no active sales rep`);
  }
  const [facts, riskFacts] = await Promise.all([repFacts(deps, client, reps), clientRiskFacts(deps, client)]);
  const risk = clientRisk(riskFacts);
  const weights = deps.policy.assignment;
  return {
    clientId: client.clientId,
    department,
    ...(client.industry ? { industry: client.industry } : {}),
    risk,
    candidates: rankSalesReps(facts, risk, weights, riskFacts.industryLabel),
    weights: { ...weights },
    computedAt: deps.clock.now().toISOString(),
  };
}

export async function salesRepProposal(
  deps: HubDeps,
  actor: Actor,
  clientId: string,
): Promise<SalesRepProposal> {
  assertMay(actor, 'assignment.propose');
  const client = await getClient(deps, actor, clientId);
  assertSeesDepartment(actor, client.department);
  return computeProposal(deps, client);
}
