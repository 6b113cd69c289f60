/** Batch read of colleagues (e.g. the reps shown on a page of clients). X-5. */
import { type Actor, assertMay } from '../access.js';
import type { HubDepsWith } from '../hub.js';
import type { StaffDirectoryLedger } from '../ledger.js';
import type { StaffMember } from './staff-member.js';

export async function staffMembersVisibleTo(
  deps: HubDepsWith<StaffDirectoryLedger>,
  actor: Actor,
  userIds: readonly string[],
): Promise<(StaffMember | undefined)[]> {
  assertMay(actor, 'client.read');
  const found = new Map((await deps.ledger.getStaffMembers(userIds)).map((m) => [m.userId, m]));
  return userIds.map((id) => found.get(id));
}
