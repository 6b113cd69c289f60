/** Retention deadlines at their edges (A6-5), beyond retention.test.ts. */
import { describe, expect, it } from 'vitest';
import { basicContractRetention, individualContractRetention } from './retention.js';

describe('retention deadlines', () => {
  it('refuse an individual contract without a dispatch end date, saying so', () => {
    expect(() => individualContractRetention([])).toThrow('an individual contract has a dispatch end date');
  });

  it('keep the basic contract open while one individual contract is in its last day, though another ended', () => {
    expect(basicContractRetention(['2026-09-30', '2026-11-30'], '2026-11-30')).toBe('OPEN');
    expect(basicContractRetention(['2026-11-30', '2026-09-30'], '2026-12-01')).toBe('2029-11-30');
  });
});
