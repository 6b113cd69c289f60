/**
 * What the client ledger shows of the work (A3-5, A7-5): the latest job content, working
 * conditions, welfare and health & safety facts from the client's hearing sheets, each with
 * where it came from (which sheet, by phone or at which visit, who, when).
 */
import type { Actor } from '../access.js';
import { getClient } from '../clients/client-queries.js';
import type { HubDepsWith } from '../hub.js';
import type { ClientInquiryLedger, HearingSheetLedger } from '../ledger.js';
import type { HearingItem, HearingSheet, ItemSource } from './hearing-sheet.js';

export const LEDGER_FACT_ITEMS: readonly HearingItem[] = [
  'jobContent',
  'jobCategory',
  'workLocation',
  'workingHours',
  'workingDays',
  'timeBand',
  'overtime',
  'welfare',
  'healthAndSafety',
  'safetyTraining',
  'hazardousWork',
  'hazardRating',
  'siteEnvironment',
];

export interface LedgerFact {
  item: HearingItem;
  value: unknown;
  source: ItemSource & { hearingSheetId: string; inquiryId: string };
}

export function latestFacts(sheets: HearingSheet[]): LedgerFact[] {
  const facts: LedgerFact[] = [];
  for (const item of LEDGER_FACT_ITEMS) {
    let latest: LedgerFact | undefined;
    for (const sheet of sheets) {
      const value = sheet.items[item];
      const source = sheet.sources[item];
      if (value === undefined || !source) continue;
      if (!latest || source.at > latest.source.at) {
        latest = {
          item,
          value,
          source: { ...source, hearingSheetId: sheet.hearingSheetId, inquiryId: sheet.inquiryId },
        };
      }
    }
    if (latest) facts.push(latest);
  }
  return facts;
}

export async function clientLedgerFacts(
  deps: HubDepsWith<ClientInquiryLedger & HearingSheetLedger>,
  actor: Actor,
  clientId: string,
): Promise<LedgerFact[]> {
  await getClient(deps, actor, clientId);
  return latestFacts(await deps.ledger.listHearingSheetsOfClient(clientId));
}

export async function hearingSheetsOfClient(
  deps: HubDepsWith<ClientInquiryLedger & HearingSheetLedger>,
  actor: Actor,
  clientId: string,
): Promise<HearingSheet[]> {
  await getClient(deps, actor, clientId);
  return deps.ledger.listHearingSheetsOfClient(clientId);
}
