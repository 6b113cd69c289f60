import { describe, expect, it } from 'vitest';
import { addYears, basicContractRetention, dayAfter, individualContractRetention } from './retention.js';

describe('retention deadlines (A6-5)', () => {
  it('keeps an individual contract 3 years after its (last renewal’s) dispatch end', () => {
    expect(individualContractRetention(['2027-03-31'])).toBe('2030-03-31');
    expect(individualContractRetention(['2027-03-31', '2028-03-31', '2027-09-30'])).toBe('2031-03-31');
  });

  it('keeps a basic contract open while an individual contract under it runs, then 3 years after the last end', () => {
    expect(basicContractRetention([], '2026-11-30')).toBe('OPEN');
    expect(basicContractRetention(['2026-03-31', '2027-03-31'], '2026-11-30')).toBe('OPEN');
    expect(basicContractRetention(['2026-03-31', '2026-09-30'], '2026-11-30')).toBe('2029-09-30');
  });

  it('keeps the basic contract open through the last dispatch day, and while another contract is on its way to signature', () => {
    expect(basicContractRetention(['2026-11-30'], '2026-11-30')).toBe('OPEN');
    expect(basicContractRetention(['2026-11-30'], '2026-12-01')).toBe('2029-11-30');
    expect(basicContractRetention(['2026-09-30'], '2026-12-01', true)).toBe('OPEN');
  });

  it('handles 29 February', () => {
    expect(addYears('2028-02-29', 3)).toBe('2031-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
  });

  it('starts a renewal the day after the renewed period ends (month, year and leap-day boundaries)', () => {
    expect(dayAfter('2027-03-31')).toBe('2027-04-01');
    expect(dayAfter('2027-12-31')).toBe('2028-01-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
    expect(dayAfter('2027-02-28')).toBe('2027-03-01');
  });

  it('moves a renewed contract’s deadline to 3 years after the renewal’s end, whatever order the ends come in', () => {
    expect(individualContractRetention(['2027-09-30', '2027-03-31'])).toBe('2030-09-30');
  });
});
