/**
 * The client ledger's list view: clients by stage, department, rep, and overdue (a first
 * contact or a visit record past its deadline), each served by keyed queries — a rep's or a
 * department's partition, or the two open-deadline queues — never a scan. Requirements: A2-1,
 * A3-6, X-1, X-5.
 */
import { type Actor, assertMay, departmentToList, seesDepartment } from '../access.js';
import { ValidationError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import type { Page } from '../ledger.js';
import type { Client, ClientStage } from './client.js';

export interface ClientFilter {
  stage?: ClientStage;
  department?: string;
  salesRepId?: string;
  /** Only clients with a first contact or a visit record overdue now. */
  overdue?: boolean;
}

const MAX_PAGE_SIZE = 100;
/** The overdue view reads this many of the soonest-due open deadlines of each kind. */
const OVERDUE_WINDOW = 500;

export async function listClients(
  deps: HubDeps,
  actor: Actor,
  filter: ClientFilter,
  page: { first?: number; after?: string },
): Promise<Page<Client>> {
  assertMay(actor, 'client.read');
  const department = departmentToList(actor, filter.department, 'clients');
  const first = Math.min(Math.max(page.first ?? 20, 1), MAX_PAGE_SIZE);
  if (filter.overdue)
    return overdueClients(
      deps,
      actor,
      { ...filter, ...(department ? { department } : {}) },
      first,
      page.after,
    );
  return deps.ledger.listClients({
    ...(department ? { department } : {}),
    ...(filter.salesRepId ? { salesRepId: filter.salesRepId } : {}),
    ...(filter.stage ? { stage: filter.stage } : {}),
    first,
    ...(page.after ? { after: page.after } : {}),
  });
}

/**
 * Clients with an overdue deadline, the longest overdue first: two queue queries (filtered to the
 * department) and one batch read. At most OVERDUE_WINDOW overdue items of each kind are read.
 */
async function overdueClients(
  deps: HubDeps,
  actor: Actor,
  filter: ClientFilter,
  first: number,
  after: string | undefined,
): Promise<Page<Client>> {
  const offset = after === undefined ? 0 : /^\d{1,6}$/.test(after) ? Number(after) : -1;
  if (offset < 0) {
    throw new ValidationError([{ path: 'after', message: 'is not a cursor this API returned' }]);
  }
  const now = deps.clock.now();
  const department = filter.department ? { department: filter.department } : {};
  const [inquiries, visits] = await Promise.all([
    deps.ledger.listInquiries({ overdueAt: now, first: OVERDUE_WINDOW, ...department }),
    deps.ledger.listOpenVisitRecordDeadlines({ dueBefore: now, first: OVERDUE_WINDOW, ...department }),
  ]);
  const due = [
    ...inquiries.items.map((i) => ({ clientId: i.clientId, dueAt: i.firstContact?.dueAt ?? '' })),
    ...visits.items.map((v) => ({ clientId: v.clientId, dueAt: v.recordDeadline.dueAt })),
  ].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const ids = [...new Set(due.map((d) => d.clientId))];
  const byId = new Map((await deps.ledger.getClients(ids)).map((c) => [c.clientId, c]));
  const matching = ids
    .map((id) => byId.get(id))
    .filter((c): c is Client => c !== undefined)
    .filter((c) => seesDepartment(actor, c.department))
    .filter((c) => !filter.department || c.department === filter.department)
    .filter((c) => !filter.salesRepId || c.salesRepId === filter.salesRepId)
    .filter((c) => !filter.stage || c.stage === filter.stage);
  const items = matching.slice(offset, offset + first);
  const cursors = items.map((_, i) => String(offset + i + 1));
  return {
    items,
    cursors,
    hasNextPage: offset + first < matching.length,
    ...(cursors.length ? { endCursor: cursors.at(-1) as string } : {}),
  };
}
