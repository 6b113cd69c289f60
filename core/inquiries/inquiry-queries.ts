/**
 * Reading inquiries within the actor's scope: sales and managers see their department's,
 * the other roles all (docs/policy.md). Requirements: A1-1, A1-2, X-5.
 */
import { type Actor, assertMay, seesAllDepartments, seesDepartment } from '../access.js';
import { ForbiddenError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import type { Page } from '../ledger.js';
import type { Inquiry, InquiryStatus } from './inquiry.js';
import { loadInquiry } from './inquiry-changes.js';

export const MAX_PAGE_SIZE = 100;

export interface InquiryFilter {
  status?: InquiryStatus;
  department?: string;
  /** Only web inquiries whose first contact is overdue now. */
  overdue?: boolean;
}

export async function getInquiry(deps: HubDeps, actor: Actor, inquiryId: string): Promise<Inquiry> {
  assertMay(actor, 'inquiry.read');
  return loadInquiry(deps, actor, inquiryId);
}

export async function listInquiries(
  deps: HubDeps,
  actor: Actor,
  filter: InquiryFilter,
  page: { first?: number; after?: string },
): Promise<Page<Inquiry>> {
  assertMay(actor, 'inquiry.read');
  let department = filter.department;
  if (!seesAllDepartments(actor)) {
    if (department && department !== actor.department) {
      throw new ForbiddenError('OTHER_DEPARTMENT', 'you may list only your own department’s inquiries');
    }
    // Unrouted (NEW) web inquiries belong to marketing and have no department yet.
    department = actor.department;
    if (!department) throw new ForbiddenError('NO_DEPARTMENT', 'your account has no department');
  }
  const first = Math.min(Math.max(page.first ?? 20, 1), MAX_PAGE_SIZE);
  return deps.ledger.listInquiries({
    ...(department ? { department } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.overdue ? { overdueAt: deps.clock.now() } : {}),
    first,
    ...(page.after ? { after: page.after } : {}),
  });
}

/** The inquiries of a client that the actor may see, newest first. */
export async function inquiriesOfClient(deps: HubDeps, actor: Actor, clientId: string): Promise<Inquiry[]> {
  assertMay(actor, 'inquiry.read');
  const all = await deps.ledger.listInquiriesOfClient(clientId);
  return all.filter((inquiry) => seesDepartment(actor, inquiry.department));
}
