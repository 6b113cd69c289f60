/** The mirror of G-Staff's client registrations (顧客登録), refreshed by the mirror job. */
import type { GStaffMirrorRecord } from '../gstaff/gstaff-mirror.js';

export interface GStaffMirrorLedger {
  getGStaffMirrorRecords(gstaffClientIds: readonly string[]): Promise<GStaffMirrorRecord[]>;
  findGStaffMirrorRecordsByName(normalizedName: string): Promise<GStaffMirrorRecord[]>;
}
