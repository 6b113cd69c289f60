/**
 * A1-5: before contacting, the client's G-Staff registration (past and present) is checked:
 * past troubles, conflict dates and turnover rate, from the mirror.
 */
import { type Actor, assertMay } from '../access.js';
import type { Client } from '../clients/client.js';
import { normalizeCompanyName, normalizePhone } from '../clients/client-matching.js';
import { getClient } from '../clients/client-queries.js';
import type { HubDepsWith } from '../hub.js';
import type { ClientInquiryLedger, GStaffMirrorLedger } from '../ledger.js';
import type { GStaffMirrorRecord } from './gstaff-mirror.js';

export interface GStaffMatch {
  record: GStaffMirrorRecord;
  /** CONFIRMED: name and corporate number or phone match; NAME_ONLY: a person should check. */
  match: 'CONFIRMED' | 'NAME_ONLY';
}

export async function gstaffRegisterByName(
  deps: HubDepsWith<GStaffMirrorLedger>,
  actor: Actor,
  name: string,
): Promise<GStaffMirrorRecord[]> {
  assertMay(actor, 'client.read');
  return deps.ledger.findGStaffMirrorRecordsByName(normalizeCompanyName(name));
}

/** The G-Staff registrations that may be this client, judged like inquiry matching (name and a second key). */
export function matchGStaffRecords(client: Client, records: GStaffMirrorRecord[]): GStaffMatch[] {
  return records.map((record) => ({
    record,
    match:
      (client.corporateNumber !== undefined && record.corporateNumber === client.corporateNumber) ||
      (record.phone !== undefined && client.phones.includes(normalizePhone(record.phone)))
        ? 'CONFIRMED'
        : 'NAME_ONLY',
  }));
}

export async function gstaffFactsOfClient(
  deps: HubDepsWith<ClientInquiryLedger & GStaffMirrorLedger>,
  actor: Actor,
  clientId: string,
): Promise<GStaffMatch[]> {
  const client = await getClient(deps, actor, clientId);
  return matchGStaffRecords(client, await deps.ledger.findGStaffMirrorRecordsByName(client.normalizedName));
}
