/** What the unit tests of the deadline escalations share (the escalate-*.rules.test.ts files and contract-delay's). */

import { expect } from 'vitest';
import type { FixedClock } from '../../core/clock.js';
import type { EscalationCount } from '../../core/deadline-escalation.js';
import type { MailTemplate } from '../../core/mail/templates.js';
import type { StaffMember } from '../../core/staff/staff-member.js';
import { InMemoryClientLedger } from '../../core/testing/in-memory-ledger.js';
import { directory, staffMember } from './builders.js';

/** The directory, plus a second Tokyo manager, a Tokyo manager who has left, and sales-tokyo-1 named. */
export const escalationDirectory: StaffMember[] = [
  ...directory,
  staffMember({ userId: 'mgr-tokyo-2', role: 'MANAGER', department: 'SALES_TOKYO' }),
  staffMember({ userId: 'mgr-tokyo-left', role: 'MANAGER', department: 'SALES_TOKYO', active: false }),
].map((m) => (m.userId === 'sales-tokyo-1' ? { ...m, name: '東京 太郎' } : m));

/** A ledger whose commits fail (not a version conflict) while `failing` is set. */
export class FailingLedger extends InMemoryClientLedger {
  failing = false;
  override async commit(...args: Parameters<InMemoryClientLedger['commit']>) {
    if (this.failing) throw new Error('ledger unavailable');
    return super.commit(...args);
  }
}

export async function seedStaff(ledger: InMemoryClientLedger, members: StaffMember[]): Promise<void> {
  for (const member of members)
    await ledger.commit([{ entity: { type: 'STAFF_MEMBER', value: member } }], []);
}

/** The member leaves the agency (stays in the directory, inactive). */
export async function leaves(ledger: InMemoryClientLedger, userId: string): Promise<void> {
  const member = (await ledger.getStaffMember(userId)) as StaffMember;
  await ledger.commit(
    [
      {
        entity: { type: 'STAFF_MEMBER', value: { ...member, active: false, version: member.version + 1 } },
        expectedVersion: member.version,
      },
    ],
    [],
  );
}

/** Who of `members` found a `kind` notification in their inbox, per client (or inquiry), sorted. */
export async function inboxesOf(
  ledger: InMemoryClientLedger,
  members: StaffMember[],
  kind: MailTemplate,
  by: 'clientId' | 'inquiryId' = 'clientId',
): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const { userId } of members)
    for (const n of (await ledger.listNotifications(userId, 200)).items)
      if (n.kind === kind) found[n[by] as string] = [...(found[n[by] as string] ?? []), userId].sort();
  return found;
}

/** The e-mails of one template in the mail outbox. */
export async function mailsOf(ledger: InMemoryClientLedger, template: MailTemplate) {
  return (await ledger.listMailMessages(500)).items.filter((m) => m.template === template);
}

type Read =
  | 'listInquiries'
  | 'listOpenVisitRecordDeadlines'
  | 'listOpenIndividualContractTermsRequests'
  | 'listApplicationsInFlight';

/**
 * Someone acts between the deadline job's read and its write: `act` runs once, right after the
 * ledger's next `read` has answered (with what was true before the act).
 */
export function actAfterNextRead(
  ledger: InMemoryClientLedger,
  read: Read,
  act: () => Promise<unknown>,
): void {
  const original = ledger[read].bind(ledger) as (...args: unknown[]) => Promise<unknown>;
  Object.assign(ledger, {
    [read]: async (...args: unknown[]) => {
      const found = await original(...args);
      delete (ledger as unknown as Record<string, unknown>)[read];
      await act();
      return found;
    },
  });
}

/**
 * The deadline's boundary: at `due`, its last instant, the job escalates nothing and e-mails
 * nobody; at `pastDue`, the next instant, it escalates the one item once, with one e-mail.
 */
export async function expectEscalatedOnlyPast(
  clock: FixedClock,
  run: () => Promise<EscalationCount>,
  mails: () => Promise<unknown[]>,
  { due, pastDue }: { due: string; pastDue: string },
): Promise<void> {
  clock.set(due);
  expect(await run()).toEqual({ escalated: 0, skipped: 0 });
  expect(await mails()).toEqual([]);
  clock.set(pastDue);
  expect(await run()).toEqual({ escalated: 1, skipped: 0 });
  expect(await mails()).toHaveLength(1);
}
