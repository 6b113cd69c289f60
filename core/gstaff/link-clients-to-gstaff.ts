/**
 * A1-5: every client in the ledger is checked against G-Staff's register (the mirror). A
 * registration matching by name and a second key is linked; when there is none, the client is
 * registered in G-Staff (idempotently: the hub's client id is the key) and the link stored; a
 * name-only match is left for a person (NEEDS_REVIEW) — nothing is merged silently. Runs on a
 * schedule after the mirror refresh, so no request waits on G-Staff.
 */
import { auditChange, systemActor } from '../audit.js';
import { type Client, clientTrail } from '../clients/client.js';
import { ConflictError, IntegrationError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import { gstaffSharedOf, hubSharedOf } from '../sync/gstaff-conflicts.js';
import type { GStaff } from './gstaff.js';
import { matchGStaffRecords } from './gstaff-queries.js';

export type GStaffCheckOutcome = 'linked' | 'registered' | 'needsReview' | 'retryLater' | 'changedMeanwhile';

export async function linkClientsToGStaff(
  deps: HubDeps & { gstaff: GStaff },
  options: { limit?: number } = {},
): Promise<{ linked: number; registered: number; needsReview: number; retryLater: number }> {
  const result = { linked: 0, registered: 0, needsReview: 0, retryLater: 0 };
  for (const client of await deps.ledger.listClientsWithoutGStaffCheck(options.limit ?? 25)) {
    const outcome = await checkClientInGStaff(deps, client);
    // Changed meanwhile: checked again next run.
    if (outcome !== 'changedMeanwhile') result[outcome] += 1;
  }
  return result;
}

/** Checks one client against the register: links it, registers it, or leaves it for a person. */
export async function checkClientInGStaff(
  deps: HubDeps & { gstaff: GStaff },
  client: Client,
): Promise<GStaffCheckOutcome> {
  const matches = matchGStaffRecords(
    client,
    await deps.ledger.findGStaffMirrorRecordsByName(client.normalizedName),
  );
  const confirmed = matches.find((m) => m.match === 'CONFIRMED');
  let gstaff: NonNullable<Client['gstaff']>;
  const checkedAt = deps.clock.now().toISOString();
  if (confirmed) {
    gstaff = {
      state: 'LINKED',
      gstaffClientId: confirmed.record.gstaffClientId,
      checkedAt,
      // What G-Staff holds is what both sides agree on from now; the hub's other values stay its own.
      agreed: gstaffSharedOf(confirmed.record),
    };
  } else if (matches.length > 0) {
    gstaff = { state: 'NEEDS_REVIEW', checkedAt };
  } else {
    try {
      const registration = hubSharedOf(client);
      const { gstaffClientId } = await deps.gstaff.registerClient({
        hubClientId: client.clientId,
        ...registration,
      });
      gstaff = { state: 'REGISTERED', gstaffClientId, checkedAt, agreed: registration };
    } catch (error) {
      // G-Staff is down: the client stays unchecked and the next run tries again (same key).
      if (error instanceof IntegrationError && error.retryable) return 'retryLater';
      throw error;
    }
  }
  const after: Client = { ...client, gstaff, version: client.version + 1, updatedAt: checkedAt };
  try {
    await deps.ledger.commit(
      [{ entity: { type: 'CLIENT', value: after }, expectedVersion: client.version }],
      [
        auditChange(deps.ids, {
          trail: clientTrail(client.clientId),
          at: checkedAt,
          actor: systemActor('gstaff-link'),
          operation: 'gstaff.checkClient',
          subjectType: 'CLIENT',
          subjectId: client.clientId,
          before: client,
          after,
        }),
      ],
    );
  } catch (error) {
    if (error instanceof ConflictError) return 'changedMeanwhile';
    throw error;
  }
  return gstaff.state === 'LINKED' ? 'linked' : gstaff.state === 'REGISTERED' ? 'registered' : 'needsReview';
}
