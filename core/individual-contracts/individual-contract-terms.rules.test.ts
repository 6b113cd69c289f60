/**
 * The individual contract's items at their edges (A5-4), beyond the property tests of
 * individual-contract-terms.test.ts: an item made of parts is complete only with every part, times
 * are HH:MM and nothing more, amounts are whole and in range, and a refusal says what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { completeTerms } from '../../test/support/individual-contracts.js';
import {
  missingTermsText,
  type TermItem,
  termItemSchemas,
  termsCompleteness,
  termsPartInput,
} from './individual-contract-terms.js';

const missingOf = (item: TermItem, value: unknown) =>
  termsCompleteness({ ...completeTerms, [item]: value }).missing.map((m) => m.item);

/** The messages a save of this part is refused with, by field. */
const refusal = (part: Record<string, unknown>) => {
  const result = termsPartInput.safeParse(part);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('items made of parts are complete only with every part', () => {
  it('a named person needs a name, a title and a phone number', () => {
    for (const item of ['commandingSupervisor', 'agencyManager', 'clientManager'] as const) {
      expect(missingOf(item, { name: '佐藤 一郎', title: '課長' })).toEqual([item]);
      expect(missingOf(item, { name: '佐藤 一郎', title: '課長', phone: '03-1234-5678' })).toEqual([]);
    }
  });

  it('complaint handling needs both desks and the procedure', () => {
    const desk = { name: '鈴木 花子', title: '営業部', phone: '03-1234-5678' };
    expect(missingOf('complaintHandling', { agencyDesk: desk, clientDesk: desk })).toEqual([
      'complaintHandling',
    ]);
    expect(missingOf('complaintHandling', { agencyDesk: desk, procedure: '連携して処理' })).toEqual([
      'complaintHandling',
    ]);
  });

  it('the worker limitation needs both answers, as yes or no', () => {
    expect(missingOf('workerLimitation', { agreementCoveredOnly: true })).toEqual(['workerLimitation']);
    expect(
      missingOf('workerLimitation', { agreementCoveredOnly: false, indefiniteTermOrAged60Only: 'no' }),
    ).toEqual(['workerLimitation']);
  });
});

describe('each item’s form', () => {
  it('working hours are HH:MM from 00:00 to 23:59, nothing before or after', () => {
    for (const ok of ['00:00', '09:05', '19:59', '23:59'])
      expect(termItemSchemas.workingHours.safeParse({ start: ok, end: ok }).success).toBe(true);
    for (const bad of ['24:00', '9:00', '09:60', '09:001', 'x09:00', '0900'])
      expect(refusal({ workingHours: { start: bad, end: '18:00' } })).toEqual([
        'workingHours.start: must be HH:MM',
      ]);
  });

  it('amounts are whole yen from 1 to 1,000,000 and the number of workers whole from 1 to 1,000', () => {
    expect(refusal({ billingRateYenPerHour: 2500.5 })).toEqual(['billingRateYenPerHour: must be whole yen']);
    expect(refusal({ wageYenPerHour: 0 })).toEqual(['wageYenPerHour: must be at least 1 yen']);
    expect(refusal({ wageYenPerHour: 1_000_001 })).toHaveLength(1);
    expect(refusal({ wageYenPerHour: 1_000_000, billingRateYenPerHour: 1 })).toEqual([]);
    expect(refusal({ numberOfWorkers: 1.5 })).toEqual(['numberOfWorkers: must be a whole number']);
    expect(refusal({ numberOfWorkers: 0 })).toEqual(['numberOfWorkers: at least 1 worker']);
    expect(refusal({ numberOfWorkers: 1001 })).toHaveLength(1);
    expect(refusal({ numberOfWorkers: 1000 })).toEqual([]);
  });

  it('texts are trimmed, must not be empty, and are bounded in length', () => {
    expect(refusal({ jobContent: '   ' })).toEqual(['jobContent: must not be empty']);
    expect(termsPartInput.parse({ jobContent: '  検品  ' })).toEqual({ jobContent: '検品' });
    expect(refusal({ jobContent: 'あ'.repeat(2000) })).toEqual([]);
    expect(refusal({ jobContent: 'あ'.repeat(2001) })).toHaveLength(1);
    expect(refusal({ workingDays: 'あ'.repeat(501) })).toHaveLength(1);
    expect(refusal({ agencyManager: { name: 'あ'.repeat(101), title: '課長', phone: '03' } })).toHaveLength(
      1,
    );
    expect(refusal({ agencyManager: { name: '高橋', title: '課長', phone: '0'.repeat(31) } })).toHaveLength(
      1,
    );
  });
});

describe('the missing items as one Japanese list', () => {
  it('joins the labels with 、 in the contract’s order', () => {
    const { jobContent: _j, commandingSupervisor: _c, ...rest } = completeTerms;
    const { missing } = termsCompleteness(rest);
    expect(missingTermsText(missing)).toBe('業務内容、指揮命令者');
  });
});
