/**
 * A1-2 and docs/policy.md "Business days and deadlines": the same results whatever the process's
 * time zone, so every case runs under UTC, Los Angeles and Tokyo.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  deadlineStatus,
  defaultCalendar,
  dueWithinBusinessDays,
  dueWithinCalendarDays,
  dueWithinHours,
  isBusinessDay,
  jstDateOf,
  parseCutoff,
  receiptBusinessDay,
} from './business-days.js';

/** An instant written in JST, e.g. jst('2026-11-27 10:00'). */
const jst = (local: string) => new Date(`${local.replace(' ', 'T')}:00+09:00`);
/** The deadline instant at the end of a JST date. */
const endOf = (date: string) => new Date(`${date}T23:59:59.999+09:00`);

const originalTz = process.env.TZ;
afterAll(() => {
  process.env.TZ = originalTz;
});

describe.each(['UTC', 'America/Los_Angeles', 'Asia/Tokyo'])('first-contact deadline with TZ=%s', (tz) => {
  process.env.TZ = tz;
  const due = (received: Date) => dueWithinBusinessDays(received, 1, defaultCalendar);

  it('runs in the time zone under test', () => {
    process.env.TZ = tz;
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(tz === 'UTC' ? 'UTC' : tz);
  });

  it.each([
    ['a weekday morning is due the next business day', '2026-11-25 10:00', '2026-11-26'],
    ['a Friday morning is due on Monday', '2026-11-27 10:00', '2026-11-30'],
    ['17:59 counts on the same day', '2026-11-27 17:59', '2026-11-30'],
    ['18:00 itself is after the cut-off', '2026-11-27 18:00', '2026-12-01'],
    ['a Saturday counts from Monday', '2026-11-28 09:00', '2026-12-01'],
    ['a Sunday night counts from Monday', '2026-11-29 23:30', '2026-12-01'],
    ['a national holiday is skipped (勤労感謝の日, Mon 23 Nov)', '2026-11-20 10:00', '2026-11-24'],
    ['Golden Week with its substitute holiday (振替休日, Wed 6 May)', '2026-05-01 10:00', '2026-05-07'],
    ['the citizen’s holiday between two holidays (国民の休日, 22 Sep)', '2026-09-18 10:00', '2026-09-24'],
    ['the company year-end break (29 Dec – 3 Jan)', '2026-12-28 10:00', '2027-01-04'],
    ['after the cut-off on the last day before the break', '2026-12-28 18:30', '2027-01-05'],
    ['received during the break', '2026-12-30 11:00', '2027-01-05'],
  ])('%s', (_case, received, dueDate) => {
    process.env.TZ = tz;
    expect(due(jst(received)).toISOString()).toBe(endOf(dueDate).toISOString());
  });

  it('uses the JST date, not the UTC date, at the day boundary', () => {
    process.env.TZ = tz;
    // Thursday 15:30 UTC is already Friday 00:30 in Tokyo.
    const received = new Date('2026-11-26T15:30:00Z');
    expect(jstDateOf(received)).toBe('2026-11-27');
    expect(receiptBusinessDay(received, defaultCalendar)).toBe('2026-11-27');
    expect(due(received).toISOString()).toBe('2026-11-30T14:59:59.999Z');
  });

  it('applies the cut-off in JST (09:00 UTC is 18:00 JST)', () => {
    process.env.TZ = tz;
    expect(due(new Date('2026-11-27T08:59:59Z')).toISOString()).toBe(endOf('2026-11-30').toISOString());
    expect(due(new Date('2026-11-27T09:00:00Z')).toISOString()).toBe(endOf('2026-12-01').toISOString());
  });
});

describe('business calendar', () => {
  it('knows weekends, holidays and company holidays', () => {
    expect(isBusinessDay('2026-11-27', defaultCalendar)).toBe(true);
    expect(isBusinessDay('2026-11-28', defaultCalendar)).toBe(false);
    expect(isBusinessDay('2026-11-23', defaultCalendar)).toBe(false);
    expect(isBusinessDay('2026-12-29', defaultCalendar)).toBe(false);
    expect(isBusinessDay('2026-12-30', { ...defaultCalendar, companyHolidays: [] })).toBe(true);
    expect(isBusinessDay('2026-12-01', { ...defaultCalendar, extraHolidays: ['2026-12-01'] })).toBe(false);
  });

  it('honours a configured cut-off and a longer window', () => {
    const calendar = { ...defaultCalendar, cutoffMinutes: parseCutoff('17:00') };
    expect(dueWithinBusinessDays(jst('2026-11-25 17:00'), 1, calendar).toISOString()).toBe(
      endOf('2026-11-27').toISOString(),
    );
    expect(dueWithinBusinessDays(jst('2026-11-25 10:00'), 10, defaultCalendar).toISOString()).toBe(
      endOf('2026-12-09').toISOString(),
    );
  });

  it('rejects a malformed cut-off', () => {
    expect(() => parseCutoff('6pm')).toThrow(/HH:MM/);
  });
});

describe('calendar-day and hour deadlines', () => {
  it('counts calendar days from the JST date, weekends included', () => {
    expect(dueWithinCalendarDays(new Date('2026-11-27T16:00:00Z'), 2).toISOString()).toBe(
      endOf('2026-11-30').toISOString(),
    );
  });

  it('counts 24 hours from the event', () => {
    expect(dueWithinHours(new Date('2026-11-27T16:00:00Z'), 24).toISOString()).toBe(
      '2026-11-28T16:00:00.000Z',
    );
  });
});

describe('deadline status', () => {
  const dueAt = new Date('2026-11-30T14:59:59.999Z');
  it('is on time until the deadline, overdue after it', () => {
    expect(deadlineStatus(dueAt, undefined, new Date('2026-11-30T14:59:59.999Z'))).toBe('ON_TIME');
    expect(deadlineStatus(dueAt, undefined, new Date('2026-11-30T15:00:00Z'))).toBe('OVERDUE');
  });
  it('records meeting it late as late', () => {
    expect(deadlineStatus(dueAt, new Date('2026-11-30T10:00:00Z'), new Date('2026-12-05T00:00:00Z'))).toBe(
      'MET',
    );
    expect(deadlineStatus(dueAt, new Date('2026-12-01T00:00:00Z'), new Date('2026-12-05T00:00:00Z'))).toBe(
      'MET_LATE',
    );
  });
});
