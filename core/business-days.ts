/**
 * Business days and deadlines in Asia/Tokyo (docs/policy.md, "Business days and deadlines").
 * Every function takes instants and works on JST calendar dates derived from them, so the
 * result does not depend on the server's time zone (Lambda runs in UTC).
 * Requirements: A1-2, A3-6, A4-5, A5-4, X-2.
 */
import { NATIONAL_HOLIDAYS } from './national-holidays.js';

/** A JST calendar date, `YYYY-MM-DD`. */
export type JstDate = string;

export interface BusinessCalendar {
  /** Receipt cut-off, minutes after JST midnight; an event at or after it counts on the next business day. */
  cutoffMinutes: number;
  /** Recurring company holidays as `MM-DD` (default: the year-end break, Dec 29 – Jan 3). */
  companyHolidays: readonly string[];
  /** One-off company holidays as `YYYY-MM-DD`. */
  extraHolidays?: readonly JstDate[];
}

export const DEFAULT_COMPANY_HOLIDAYS = ['12-29', '12-30', '12-31', '01-01', '01-02', '01-03'] as const;

export const defaultCalendar: BusinessCalendar = {
  cutoffMinutes: 18 * 60,
  companyHolidays: DEFAULT_COMPANY_HOLIDAYS,
};

const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const nationalHolidays: ReadonlySet<string> = new Set(NATIONAL_HOLIDAYS);

/** Parses `HH:MM` into minutes after midnight; throws on anything else. */
export function parseCutoff(value: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!match) throw new Error(`cut-off must be HH:MM, got "${value}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The JST calendar date of an instant. */
export function jstDateOf(instant: Date): JstDate {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

function jstMinutesOfDay(instant: Date): number {
  const shifted = new Date(instant.getTime() + JST_OFFSET_MS);
  return shifted.getUTCHours() * 60 + shifted.getUTCMinutes();
}

function addCalendarDays(date: JstDate, days: number): JstDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function isNationalHoliday(date: JstDate): boolean {
  return nationalHolidays.has(date);
}

export function isBusinessDay(date: JstDate, calendar: BusinessCalendar): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  if (isNationalHoliday(date)) return false;
  if (calendar.companyHolidays.includes(date.slice(5))) return false;
  return !(calendar.extraHolidays ?? []).includes(date);
}

function nextBusinessDay(date: JstDate, calendar: BusinessCalendar): JstDate {
  let day = addCalendarDays(date, 1);
  // The longest run of non-business days (Golden Week next to a weekend, or the year-end
  // break) is far below this bound; it only guards against a misconfigured calendar.
  for (let i = 0; i < 366; i += 1) {
    if (isBusinessDay(day, calendar)) return day;
    day = addCalendarDays(day, 1);
  }
  throw new Error('business calendar has no business day within a year');
}

/** The business day on which an event counts as received. */
export function receiptBusinessDay(instant: Date, calendar: BusinessCalendar): JstDate {
  const date = jstDateOf(instant);
  if (isBusinessDay(date, calendar) && jstMinutesOfDay(instant) < calendar.cutoffMinutes) return date;
  return nextBusinessDay(date, calendar);
}

/** The instant 23:59:59.999 JST ends the given JST date. */
export function endOfJstDay(date: JstDate): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS - 1 - JST_OFFSET_MS);
}

/** "Within N business days": end of the N-th business day after the receipt business day. */
export function dueWithinBusinessDays(event: Date, days: number, calendar: BusinessCalendar): Date {
  let day = receiptBusinessDay(event, calendar);
  for (let i = 0; i < days; i += 1) day = nextBusinessDay(day, calendar);
  return endOfJstDay(day);
}

/** "Within N days" (calendar): end of the N-th calendar day after the event's JST date. */
export function dueWithinCalendarDays(event: Date, days: number): Date {
  return endOfJstDay(addCalendarDays(jstDateOf(event), days));
}

/** "Within 24 hours" and the like. */
export function dueWithinHours(event: Date, hours: number): Date {
  return new Date(event.getTime() + hours * 60 * 60 * 1000);
}

export const DEADLINE_STATUSES = ['ON_TIME', 'OVERDUE', 'MET', 'MET_LATE'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** Where a deadline stands: open (on time / overdue) or met (on time / late). */
export function deadlineStatus(dueAt: Date, metAt: Date | undefined, now: Date): DeadlineStatus {
  if (metAt) return metAt.getTime() <= dueAt.getTime() ? 'MET' : 'MET_LATE';
  return now.getTime() <= dueAt.getTime() ? 'ON_TIME' : 'OVERDUE';
}
