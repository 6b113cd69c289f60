/** The staff directory (社員名簿): the agency's own people, never dispatched workers. */
import type { StaffMember } from '../staff/staff-member.js';

export interface StaffDirectoryLedger {
  getStaffMember(userId: string): Promise<StaffMember | undefined>;
  getStaffMembers(userIds: readonly string[]): Promise<StaffMember[]>;
  /** By user id. */
  listStaffMembers(): Promise<StaffMember[]>;
}
