/**
 * The client ledger's list view: clients by stage, department, rep, and overdue (a first
 * contact or a visit record past its deadline), each served by keyed queries — a rep's or a
 * department's partition, or the two open-deadline queues — never a scan. A name search matches
 * the company name normalised as inquiries are linked to clients (client-matching.ts: full- and
 * half-width alike, 株式会社 / ㈱ / (株) and spaces ignored) anywhere in the name, over the same
 * keyed reads, at most NAME_SEARCH_BUDGET clients per request. Requirements: A2-1, A3-6, X-1, X-5.
 */
import { type Actor, assertMay, departmentToList, seesDepartment } from '../access.js';
import { ValidationError } from '../errors.js';
import type { HubDepsWith } from '../hub.js';
import type { ClientInquiryLedger, ClientQuery, Page, VisitLedger } from '../ledger.js';
import type { Client, ClientStage } from './client.js';
import { normalizeCompanyName } from './client-matching.js';

export interface ClientFilter {
  stage?: ClientStage;
  department?: string;
  salesRepId?: string;
  /** Only clients with a first contact or a visit record overdue now. */
  overdue?: boolean;
  /** Part of the company name, in any width, with or without its legal form (株式会社 …). */
  name?: string;
}

const MAX_PAGE_SIZE = 100;
/** The overdue view reads this many of the soonest-due open deadlines of each kind. */
const OVERDUE_WINDOW = 500;
/**
 * A name search reads at most this many clients of the filtered partition per request; when it
 * stops there, the page says there is more (hasNextPage) and its cursor continues the search.
 */
export const NAME_SEARCH_BUDGET = 2000;

/** The search term as client names are kept (`Client.normalizedName`); undefined: no name search. */
function nameSearchTerm(name: string | undefined): string | undefined {
  if (name === undefined || !name.trim()) return undefined;
  const term = normalizeCompanyName(name);
  if (!term)
    throw new ValidationError([
      { path: 'filter.name', message: 'must contain part of the company name, not only its legal form' },
    ]);
  return term;
}

export async function listClients(
  deps: HubDepsWith<ClientInquiryLedger & VisitLedger>,
  actor: Actor,
  filter: ClientFilter,
  page: { first?: number; after?: string },
): Promise<Page<Client>> {
  assertMay(actor, 'client.read');
  const department = departmentToList(actor, filter.department, 'clients');
  const first = Math.min(Math.max(page.first ?? 20, 1), MAX_PAGE_SIZE);
  const term = nameSearchTerm(filter.name);
  if (filter.overdue)
    return overdueClients(
      deps,
      actor,
      { ...filter, ...(department ? { department } : {}) },
      term,
      first,
      page.after,
    );
  const query = {
    ...(department ? { department } : {}),
    ...(filter.salesRepId ? { salesRepId: filter.salesRepId } : {}),
    ...(filter.stage ? { stage: filter.stage } : {}),
  };
  if (term === undefined)
    return deps.ledger.listClients({ ...query, first, ...(page.after ? { after: page.after } : {}) });
  return searchByName(deps, query, term, first, page.after);
}

/**
 * Reads the filtered clients page by page, keeping those whose normalised name contains the term,
 * until `first` are found or NAME_SEARCH_BUDGET were read. Every item keeps the ledger's own
 * cursor, so the next page continues right after the last client this one looked at.
 */
async function searchByName(
  deps: HubDepsWith<ClientInquiryLedger>,
  query: Omit<ClientQuery, 'first' | 'after'>,
  term: string,
  first: number,
  after: string | undefined,
): Promise<Page<Client>> {
  const items: Client[] = [];
  const cursors: string[] = [];
  let read = 0;
  let position = after;
  let more = true;
  while (more && items.length < first && read < NAME_SEARCH_BUDGET) {
    const batch = await deps.ledger.listClients({
      ...query,
      first: Math.min(MAX_PAGE_SIZE, NAME_SEARCH_BUDGET - read),
      ...(position ? { after: position } : {}),
    });
    more = batch.hasNextPage;
    for (const [i, client] of batch.items.entries()) {
      read += 1;
      position = batch.cursors[i];
      if (client.normalizedName.includes(term)) {
        items.push(client);
        cursors.push(position as string);
        if (items.length === first) {
          more = more || i < batch.items.length - 1;
          break;
        }
      }
    }
    if (!batch.items.length) more = false;
  }
  // Stopped by the budget: the cursor of the last client read continues the search.
  const endCursor = more && items.length < first ? position : cursors.at(-1);
  return { items, cursors, hasNextPage: more, ...(endCursor ? { endCursor } : {}) };
}

/**
 * Clients with an overdue deadline, the longest overdue first: two queue queries (filtered to the
 * department) and one batch read. At most OVERDUE_WINDOW overdue items of each kind are read.
 */
async function overdueClients(
  deps: HubDepsWith<ClientInquiryLedger & VisitLedger>,
  actor: Actor,
  filter: ClientFilter,
  term: string | undefined,
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
    .filter((c) => !filter.stage || c.stage === filter.stage)
    .filter((c) => term === undefined || c.normalizedName.includes(term));
  const items = matching.slice(offset, offset + first);
  const cursors = items.map((_, i) => String(offset + i + 1));
  return {
    items,
    cursors,
    hasNextPage: offset + first < matching.length,
    ...(cursors.length ? { endCursor: cursors.at(-1) as string } : {}),
  };
}
