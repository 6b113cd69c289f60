/**
 * Reading inquiries within the actor's scope: sales and managers see their department's,
 * the other roles all (docs/policy.md). Requirements: A1-1, A1-2, X-5.
 */
import { type Actor, assertMay, departmentToList, seesDepartment } from '../access.js';
import type { HubDepsWith } from '../hub.js';
import type { ClientInquiryLedger, Page } from '../ledger.js';
import type { Inquiry, InquiryStatus } from './inquiry.js';
import { loadInquiry } from './inquiry-changes.js';

export const MAX_PAGE_SIZE = 100;

export interface InquiryFilter {
  status?: InquiryStatus;
  department?: string;
  /** Only web inquiries whose first contact is overdue now. */
  overdue?: boolean;
}

export async function getInquiry(
  deps: HubDepsWith<ClientInquiryLedger>,
  actor: Actor,
  inquiryId: string,
): Promise<Inquiry> {
  assertMay(actor, 'inquiry.read');
  return loadInquiry(deps, actor, inquiryId);
}

export async function listInquiries(
  deps: HubDepsWith<ClientInquiryLedger>,
  actor: Actor,
  filter: InquiryFilter,
  page: { first?: number; after?: string },
): Promise<Page<Inquiry>> {
  assertMay(actor, 'inquiry.read');
  // Sales see their department's; unrouted (NEW) web inquiries belong to marketing, no department yet.
  const department = departmentToList(actor, filter.department, 'inquiries');
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
export async function inquiriesOfClient(
  deps: HubDepsWith<ClientInquiryLedger>,
  actor: Actor,
  clientId: string,
): Promise<Inquiry[]> {
  assertMay(actor, 'inquiry.read');
  const all = await deps.ledger.listInquiriesOfClient(clientId);
  return all.filter((inquiry) => seesDepartment(actor, inquiry.department));
}
