/**
 * The dashboard's figures, computed from the ledger (never in the browser), within what the
 * signed-in person may see (sales and managers: their department):
 * - the pipeline: clients by stage;
 * - what is overdue now, by deadline type and department: first contacts (A1-2), visit records
 *   (A3-6), contract executions past their 10 business days (A4-5);
 * - approval lead times: submitted → decided, per application type.
 * Requirements: X-2 (deadlines visible in one place), X-5 (scoped by role).
 */
import { type Actor, assertMay, seesAllDepartments } from '../access.js';
import type { ApplicationType } from '../applications/application.js';
import { CLIENT_STAGES, type ClientStage } from '../clients/client.js';
import type { Clock } from '../clock.js';
import type { ClientLedger, Page } from '../ledger.js';

export type DeadlineType = 'FIRST_CONTACT' | 'VISIT_RECORD' | 'CONTRACT_EXECUTION';

export interface SalesDashboard {
  computedAt: string;
  /** Clients read (at most MAX_CLIENTS); `truncated` when there were more. */
  clientsCounted: number;
  truncated: boolean;
  pipeline: { stage: ClientStage; clients: number }[];
  overdue: { deadline: DeadlineType; department: string; count: number }[];
  approvalLeadTimes: { type: ApplicationType; decided: number; medianHours: number; maxHours: number }[];
}

/** The dashboard reads at most this many clients (and their applications); more is flagged as truncated. */
export const MAX_CLIENTS = 2000;
const PAGE = 200;
const UNROUTED = 'UNROUTED';

async function all<T>(
  load: (after?: string) => Promise<Page<T>>,
  limit: number,
): Promise<{ items: T[]; more: boolean }> {
  const items: T[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await load(after);
    items.push(...page.items);
    if (!page.hasNextPage || !page.endCursor) return { items, more: false };
    if (items.length >= limit) return { items: items.slice(0, limit), more: true };
    after = page.endCursor;
  }
}

export function median(values: readonly number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const hours = (from: string, to: string) =>
  Math.round(((Date.parse(to) - Date.parse(from)) / 3_600_000) * 10) / 10;

export async function salesDashboard(
  deps: { ledger: ClientLedger; clock: Clock },
  actor: Actor,
): Promise<SalesDashboard> {
  assertMay(actor, 'client.read');
  const now = deps.clock.now();
  const department = seesAllDepartments(actor) ? undefined : actor.department;
  const scope = department ? { department } : {};

  const clients = await all(
    (after) => deps.ledger.listClients({ ...scope, first: PAGE, ...(after ? { after } : {}) }),
    MAX_CLIENTS,
  );
  const byStage = new Map<ClientStage, number>();
  const departmentOf = new Map<string, string>();
  for (const c of clients.items) {
    byStage.set(c.stage, (byStage.get(c.stage) ?? 0) + 1);
    departmentOf.set(c.clientId, c.department ?? UNROUTED);
  }

  const overdue = new Map<string, { deadline: DeadlineType; department: string; count: number }>();
  const count = (deadline: DeadlineType, dept: string) => {
    const key = `${deadline}/${dept}`;
    const entry = overdue.get(key) ?? { deadline, department: dept, count: 0 };
    entry.count += 1;
    overdue.set(key, entry);
  };

  const inquiries = await all(
    (after) =>
      deps.ledger.listInquiries({ ...scope, overdueAt: now, first: PAGE, ...(after ? { after } : {}) }),
    MAX_CLIENTS,
  );
  for (const i of inquiries.items) count('FIRST_CONTACT', i.department ?? UNROUTED);

  const visits = await all(
    (after) =>
      deps.ledger.listOpenVisitRecordDeadlines({
        ...scope,
        dueBefore: now,
        first: PAGE,
        ...(after ? { after } : {}),
      }),
    MAX_CLIENTS,
  );
  for (const v of visits.items) count('VISIT_RECORD', departmentOf.get(v.clientId) ?? UNROUTED);

  const leadTimes = new Map<ApplicationType, number[]>();
  for (const c of clients.items) {
    for (const a of await deps.ledger.listApplicationsOfClient(c.clientId)) {
      if (a.submittedAt && a.decidedAt && (a.status === 'APPROVED' || a.status === 'REJECTED')) {
        leadTimes.set(a.type, [...(leadTimes.get(a.type) ?? []), hours(a.submittedAt, a.decidedAt)]);
      }
      const due = a.contractExecution?.deadline?.dueAt;
      if (
        a.type === 'CONTRACT_EXECUTION' &&
        a.status === 'SUBMITTED' &&
        due &&
        Date.parse(due) < now.getTime()
      )
        count('CONTRACT_EXECUTION', c.department ?? UNROUTED);
    }
  }

  const STAGES = CLIENT_STAGES;
  return {
    computedAt: now.toISOString(),
    clientsCounted: clients.items.length,
    truncated: clients.more,
    pipeline: STAGES.map((stage) => ({ stage, clients: byStage.get(stage) ?? 0 })),
    overdue: [...overdue.values()].sort(
      (a, b) => a.deadline.localeCompare(b.deadline) || a.department.localeCompare(b.department),
    ),
    approvalLeadTimes: [...leadTimes.entries()]
      .map(([type, values]) => ({
        type,
        decided: values.length,
        medianHours: median(values),
        maxHours: Math.max(...values),
      }))
      .sort((a, b) => a.type.localeCompare(b.type)),
  };
}
