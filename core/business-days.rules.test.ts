/**
 * Business days and deadlines (A1-2, A3-6, A4-5, A5-4, X-2), beyond `business-days.test.ts`:
 * the edges of the cut-off, of each kind of non-business day, and of each deadline rule.
 */
import { describe, expect, it } from 'vitest';
import {
  type BusinessCalendar,
  DEADLINE_STATUSES,
  DEFAULT_COMPANY_HOLIDAYS,
  deadlineStatus,
  defaultCalendar,
  dueWithinBusinessDays,
  dueWithinCalendarDays,
  dueWithinHours,
  endOfJstDay,
  isBusinessDay,
  isNationalHoliday,
  jstDateOf,
  parseCutoff,
  receiptBusinessDay,
} from './business-days.js';

const jst = (local: string) => new Date(`${local.replace(' ', 'T')}+09:00`);
const noCompanyHolidays: BusinessCalendar = { ...defaultCalendar, companyHolidays: [] };

describe('the cut-off', () => {
  it.each([
    ['00:00', 0],
    ['09:05', 545],
    ['18:00', 1080],
    ['19:30', 1170],
    ['23:59', 1439],
  ])('reads %s as %i minutes after midnight', (value, minutes) => {
    expect(parseCutoff(value)).toBe(minutes);
  });

  it.each(['24:00', '9:00', '18:60', ' 18:00', '18:00 ', '18:00:00', '1800', '', 'aa:bb'])(
    'refuses "%s", quoting it',
    (value) => {
      expect(() => parseCutoff(value)).toThrow(`cut-off must be HH:MM, got "${value}"`);
    },
  );

  it('defaults to 18:00 and to the year-end break', () => {
    expect(defaultCalendar.cutoffMinutes).toBe(18 * 60);
    expect(DEFAULT_COMPANY_HOLIDAYS).toEqual(['12-29', '12-30', '12-31', '01-01', '01-02', '01-03']);
  });

  it('counts the minute before the cut-off on the day, and the cut-off minute on the next business day', () => {
    expect(receiptBusinessDay(jst('2026-11-25 17:59:59.999'), defaultCalendar)).toBe('2026-11-25');
    expect(receiptBusinessDay(jst('2026-11-25 18:00'), defaultCalendar)).toBe('2026-11-26');
    expect(receiptBusinessDay(jst('2026-11-25 00:00'), defaultCalendar)).toBe('2026-11-25');
    expect(receiptBusinessDay(jst('2026-11-25 23:59:59.999'), defaultCalendar)).toBe('2026-11-26');
  });

  it('uses minutes, not only hours, of the JST time', () => {
    const calendar = { ...defaultCalendar, cutoffMinutes: parseCutoff('17:30') };
    expect(receiptBusinessDay(jst('2026-11-25 17:29'), calendar)).toBe('2026-11-25');
    expect(receiptBusinessDay(jst('2026-11-25 17:30'), calendar)).toBe('2026-11-26');
  });

  it('moves everything to the next business day with a cut-off at midnight', () => {
    const calendar = { ...defaultCalendar, cutoffMinutes: 0 };
    expect(receiptBusinessDay(jst('2026-11-25 00:00'), calendar)).toBe('2026-11-26');
  });
});

describe('business days', () => {
  it('are Monday to Friday', () => {
    const week = [
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ];
    expect(week.map((d) => isBusinessDay(d, noCompanyHolidays))).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('exclude national holidays, substitute and citizen’s holidays included', () => {
    for (const date of ['2026-01-01', '2026-11-03', '2026-05-06', '2026-09-22']) {
      expect(isNationalHoliday(date)).toBe(true);
      expect(isBusinessDay(date, noCompanyHolidays)).toBe(false);
    }
    expect(isNationalHoliday('2026-11-25')).toBe(false);
  });

  it('exclude the recurring company holidays every year, and only those', () => {
    const calendar: BusinessCalendar = { ...defaultCalendar, companyHolidays: ['06-15'] };
    expect(isBusinessDay('2026-06-15', calendar)).toBe(false);
    expect(isBusinessDay('2027-06-15', calendar)).toBe(false);
    expect(isBusinessDay('2026-06-16', calendar)).toBe(true);
    expect(isBusinessDay('2026-12-28', defaultCalendar)).toBe(true);
    expect(isBusinessDay('2027-01-04', defaultCalendar)).toBe(true);
  });

  it('exclude one-off company holidays on that date only', () => {
    const calendar: BusinessCalendar = { ...defaultCalendar, extraHolidays: ['2026-06-15'] };
    expect(isBusinessDay('2026-06-15', calendar)).toBe(false);
    expect(isBusinessDay('2027-06-15', calendar)).toBe(true);
    expect(isBusinessDay('2026-06-15', defaultCalendar)).toBe(true);
  });

  it('give up with a clear error on a calendar without a business day', () => {
    const days: string[] = [];
    for (let m = 1; m <= 12; m += 1) {
      for (let d = 1; d <= 31; d += 1)
        days.push(`${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    }
    const closed: BusinessCalendar = { ...defaultCalendar, companyHolidays: days };
    expect(() => dueWithinBusinessDays(jst('2026-11-25 10:00'), 1, closed)).toThrow(
      'business calendar has no business day within a year',
    );
  });

  it('find a business day more than a month away when a long closure is configured', () => {
    const extraHolidays: string[] = [];
    for (
      let d = new Date('2026-12-01T00:00:00Z');
      d < new Date('2027-02-01T00:00:00Z');
      d = new Date(d.getTime() + 86_400_000)
    ) {
      extraHolidays.push(d.toISOString().slice(0, 10));
    }
    const calendar = { ...defaultCalendar, extraHolidays };
    expect(receiptBusinessDay(jst('2026-12-01 10:00'), calendar)).toBe('2027-02-01');
  });
});

describe('deadlines', () => {
  it('end at 23:59:59.999 JST of a date', () => {
    expect(endOfJstDay('2026-11-25').toISOString()).toBe('2026-11-25T14:59:59.999Z');
  });

  it('take the JST date of an instant, not the UTC one', () => {
    expect(jstDateOf(new Date('2026-11-25T14:59:59.999Z'))).toBe('2026-11-25');
    expect(jstDateOf(new Date('2026-11-25T15:00:00.000Z'))).toBe('2026-11-26');
  });

  it('within 0 business days is the end of the receipt business day', () => {
    expect(dueWithinBusinessDays(jst('2026-11-28 10:00'), 0, defaultCalendar).toISOString()).toBe(
      '2026-11-30T14:59:59.999Z',
    );
  });

  it('within 3 business days skips the weekend in between', () => {
    expect(dueWithinBusinessDays(jst('2026-11-26 10:00'), 3, defaultCalendar).toISOString()).toBe(
      '2026-12-01T14:59:59.999Z',
    );
  });

  it('within N calendar days counts from the JST date, whatever the time', () => {
    expect(dueWithinCalendarDays(jst('2026-11-25 00:00'), 0).toISOString()).toBe('2026-11-25T14:59:59.999Z');
    expect(dueWithinCalendarDays(jst('2026-11-25 23:59'), 7).toISOString()).toBe('2026-12-02T14:59:59.999Z');
    expect(dueWithinCalendarDays(jst('2026-12-30 12:00'), 3).toISOString()).toBe('2027-01-02T14:59:59.999Z');
  });

  it('within N hours is exact to the millisecond', () => {
    expect(dueWithinHours(new Date('2026-11-25T01:02:03.004Z'), 1).toISOString()).toBe(
      '2026-11-25T02:02:03.004Z',
    );
    expect(dueWithinHours(new Date('2026-11-25T01:02:03.004Z'), 0.5).toISOString()).toBe(
      '2026-11-25T01:32:03.004Z',
    );
  });
});

describe('deadline status', () => {
  const due = new Date('2026-11-30T14:59:59.999Z');
  const before = new Date('2026-11-30T14:59:59.998Z');
  const after = new Date('2026-11-30T15:00:00.000Z');

  it('has four values', () => {
    expect(DEADLINE_STATUSES).toEqual(['ON_TIME', 'OVERDUE', 'MET', 'MET_LATE']);
  });

  it('is MET when met at the deadline itself or before, whatever the time now', () => {
    expect(deadlineStatus(due, due, after)).toBe('MET');
    expect(deadlineStatus(due, before, before)).toBe('MET');
  });

  it('is MET_LATE one millisecond after, even if asked before the deadline', () => {
    expect(deadlineStatus(due, after, before)).toBe('MET_LATE');
  });

  it('is ON_TIME up to and at the deadline, OVERDUE one millisecond after', () => {
    expect(deadlineStatus(due, undefined, before)).toBe('ON_TIME');
    expect(deadlineStatus(due, undefined, due)).toBe('ON_TIME');
    expect(deadlineStatus(due, undefined, after)).toBe('OVERDUE');
  });
});
