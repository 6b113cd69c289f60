/** The generated holiday table is the package's, date for date (regenerate with `npm run holidays`). X-2. */
import holidayJp from '@holiday-jp/holiday_jp';
import { describe, expect, it } from 'vitest';
import { NATIONAL_HOLIDAYS } from './national-holidays.js';

describe('national holidays', () => {
  it('are exactly the dates of @holiday-jp/holiday_jp', () => {
    expect([...NATIONAL_HOLIDAYS].sort()).toEqual(Object.keys(holidayJp.holidays).sort());
  });

  it('include the holidays a deadline most often meets', () => {
    expect(NATIONAL_HOLIDAYS).toEqual(expect.arrayContaining(['2026-11-23', '2027-01-11', '2026-05-06']));
  });
});
