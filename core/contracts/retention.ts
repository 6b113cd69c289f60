/**
 * Retention deadlines of executed contracts (docs/policy.md; docs/integrations.md "Retention and legal
 * gates"): management ledgers are kept 3 years from the final dispatch end date, and executed
 * contracts at least as long, each with an explicit deadline. Requirements: A6-5.
 */
import type { JstDate } from '../business-days.js';

const RETENTION_YEARS = 3;

/** The same calendar date N years later (Feb 29 becomes Feb 28 in a common year). */
export function addYears(date: JstDate, years: number): JstDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0); // rolled into March: last day of February
  return target.toISOString().slice(0, 10);
}

/** Individual contract: 3 years after the dispatch end date; for renewals, after the last renewal's end. */
export function individualContractRetention(dispatchEndDates: readonly JstDate[]): JstDate {
  if (dispatchEndDates.length === 0) throw new Error('an individual contract has a dispatch end date');
  const last = [...dispatchEndDates].sort().at(-1) as JstDate;
  return addYears(last, RETENTION_YEARS);
}

/**
 * Basic contract: 3 years after the end of the last individual contract under it; open (never
 * disposable) while one still runs — its last dispatch day (the end date) is not past `today` —
 * while one is on its way to signature (`pending`), or while none has ended yet.
 */
export function basicContractRetention(
  individualEndDates: readonly JstDate[],
  today: JstDate,
  pending = false,
): JstDate | 'OPEN' {
  const ended = individualEndDates.filter((d) => d < today).sort();
  const stillRunning = individualEndDates.some((d) => d >= today);
  if (pending || ended.length === 0 || stillRunning) return 'OPEN';
  return addYears(ended.at(-1) as JstDate, RETENTION_YEARS);
}

/** The calendar day after `date` (a renewal's first day). */
export function dayAfter(date: JstDate): JstDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
