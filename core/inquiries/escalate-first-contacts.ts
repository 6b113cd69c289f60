/**
 * The deadline job for first contacts (A1-2, X-2, docs/policy.md "Escalation"): a missed deadline
 * produces exactly one escalation, to the managers of the department owning the inquiry when it
 * fell due (an unrouted web inquiry belongs to marketing). The inquiry stays in the overdue view
 * until contacted; meeting it late is recorded as late. Runs on a schedule.
 */
import { systemActor } from '../audit.js';
import { type EscalationCount, escalateEach, everyPage } from '../deadline-escalation.js';
import type { HubDeps } from '../hub.js';
import { notify } from '../notifications/notification.js';
import type { StaffMember } from '../staff/staff-member.js';
import type { FirstContact, Inquiry } from './inquiry.js';
import { saveInquiryChange } from './inquiry-changes.js';

/** Unrouted web inquiries belong to marketing. */
export const MARKETING_DEPARTMENT = 'MARKETING';

export async function escalateOverdueFirstContacts(deps: HubDeps): Promise<EscalationCount> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const overdue: { inquiry: Inquiry; deadline: FirstContact }[] = [];
  for (const inquiry of await everyPage((page) => deps.ledger.listInquiries({ overdueAt: now, ...page }))) {
    const deadline = inquiry.firstContact;
    if (deadline && !deadline.escalatedAt && !deadline.contactedAt) overdue.push({ inquiry, deadline });
  }
  if (overdue.length === 0) return { escalated: 0, skipped: 0 };
  const members = (await deps.ledger.listStaffMembers()).filter((m) => m.active);
  const recipientsFor = (inquiry: Inquiry): StaffMember[] =>
    inquiry.department
      ? members.filter((m) => m.role === 'MANAGER' && m.department === inquiry.department)
      : members.filter((m) => m.role === 'MARKETING');
  // Contacted or changed meanwhile: skipped until the next run.
  return escalateEach(overdue, async ({ inquiry, deadline }) => {
    await saveInquiryChange(
      deps,
      systemActor('deadline-job'),
      'inquiry.escalateFirstContact',
      inquiry,
      { firstContact: { ...deadline, escalatedAt: at } },
      {
        writes: notify(deps.ids, at, recipientsFor(inquiry), {
          template: 'FIRST_CONTACT_OVERDUE',
          clientId: inquiry.clientId,
          inquiryId: inquiry.inquiryId,
          params: {
            company: inquiry.company,
            department: inquiry.department ?? MARKETING_DEPARTMENT,
            dueAt: deadline.dueAt,
            inquiryId: inquiry.inquiryId,
          },
        }),
        audit: [],
      },
    );
  });
}
