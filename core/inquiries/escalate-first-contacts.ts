/**
 * The deadline job for first contacts (A1-2, X-2, docs/policy.md "Escalation"): a missed deadline
 * produces exactly one escalation, to the managers of the department owning the inquiry when it
 * fell due (an unrouted web inquiry belongs to marketing). The inquiry stays in the overdue view
 * until contacted; meeting it late is recorded as late. Runs on a schedule.
 */
import { systemActor } from '../audit.js';
import { ConflictError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import { notify } from '../notifications/notification.js';
import type { StaffMember } from '../staff/staff-member.js';
import type { Inquiry } from './inquiry.js';
import { saveInquiryChange } from './inquiry-changes.js';

/** Unrouted web inquiries belong to marketing. */
export const MARKETING_DEPARTMENT = 'MARKETING';

export async function escalateOverdueFirstContacts(
  deps: HubDeps,
): Promise<{ escalated: number; skipped: number }> {
  const now = deps.clock.now();
  const members = (await deps.ledger.listStaffMembers()).filter((m) => m.active);
  const recipientsFor = (inquiry: Inquiry): StaffMember[] =>
    inquiry.department
      ? members.filter((m) => m.role === 'MANAGER' && m.department === inquiry.department)
      : members.filter((m) => m.role === 'MARKETING');

  const result = { escalated: 0, skipped: 0 };
  let after: string | undefined;
  do {
    const page = await deps.ledger.listInquiries({ overdueAt: now, first: 100, ...(after ? { after } : {}) });
    for (const inquiry of page.items) {
      const deadline = inquiry.firstContact;
      if (!deadline || deadline.escalatedAt || deadline.contactedAt) continue;
      const to = recipientsFor(inquiry);
      const department = inquiry.department ?? MARKETING_DEPARTMENT;
      const at = now.toISOString();
      try {
        await saveInquiryChange(
          deps,
          systemActor('deadline-job'),
          'inquiry.escalateFirstContact',
          inquiry,
          { firstContact: { ...deadline, escalatedAt: at } },
          {
            writes: notify(deps.ids, at, to, {
              template: 'FIRST_CONTACT_OVERDUE',
              clientId: inquiry.clientId,
              inquiryId: inquiry.inquiryId,
              params: {
                company: inquiry.company,
                department,
                dueAt: deadline.dueAt,
                inquiryId: inquiry.inquiryId,
              },
            }),
            audit: [],
          },
        );
        result.escalated += 1;
      } catch (error) {
        // Contacted or changed meanwhile: the next run sees the new state.
        if (!(error instanceof ConflictError)) throw error;
        result.skipped += 1;
      }
    }
    after = page.hasNextPage ? page.endCursor : undefined;
  } while (after);
  return result;
}
