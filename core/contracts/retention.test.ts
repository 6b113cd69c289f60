import { describe, expect, it } from 'vitest';
import { addYears, basicContractRetention, individualContractRetention } from './retention.js';

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

  it('handles 29 February', () => {
    expect(addYears('2028-02-29', 3)).toBe('2031-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
  });
});
