/**
 * What the deadline job's escalations (core/deadline-job.ts, docs/policy.md "Escalation") do
 * alike: read every overdue item, page by page, and escalate each in its own commit, so that one
 * met or changed meanwhile (a version conflict) is skipped until the next run, while any other
 * failure stops the run rather than pass for a skip. Requirements: X-2.
 */
import { ConflictError } from './errors.js';
import type { Page } from './ledger.js';

export interface EscalationCount {
  escalated: number;
  /** Met or changed between the job's read and its write: seen again at the next run. */
  skipped: number;
}

/** Every item of a paged deadline query, however many pages. */
export async function everyPage<T>(
  list: (page: { first: number; after?: string }) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  let after: string | undefined;
  do {
    const page = await list({ first: 100, ...(after ? { after } : {}) });
    items.push(...page.items);
    after = page.hasNextPage ? page.endCursor : undefined;
  } while (after);
  return items;
}

/** Escalates each item in its own commit; a version conflict skips that item, anything else is thrown. */
export async function escalateEach<T>(
  items: readonly T[],
  escalate: (item: T) => Promise<void>,
): Promise<EscalationCount> {
  const count = { escalated: 0, skipped: 0 };
  for (const item of items) {
    try {
      await escalate(item);
      count.escalated += 1;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      count.skipped += 1;
    }
  }
  return count;
}
