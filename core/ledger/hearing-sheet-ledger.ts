/** Hearing sheets (ヒアリングシート) of a client. */
import type { HearingSheet } from '../hearing-sheets/hearing-sheet.js';

export interface HearingSheetLedger {
  getHearingSheet(hearingSheetId: string): Promise<HearingSheet | undefined>;
  /** Oldest first. */
  listHearingSheetsOfClient(clientId: string): Promise<HearingSheet[]>;
}
