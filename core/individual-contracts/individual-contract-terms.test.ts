/** The individual contract's required items (A5-4): every item or a refusal naming the missing one. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type IndividualContractTerms,
  missingTermsText,
  TERM_ITEM_LABELS,
  TERM_ITEMS,
  termsCompleteness,
  termsPartInput,
} from './individual-contract-terms.js';

const runs = Number(process.env.PROPERTY_RUNS ?? 100);

const text = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0);
const person = fc.record({
  name: text,
  title: text,
  phone: fc.constantFrom('03-1234-5678', '090-1111-2222'),
});
const hhmm = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const yen = fc.integer({ min: 1, max: 1_000_000 });

/** Any complete set of terms. */
const completeTerms: fc.Arbitrary<IndividualContractTerms> = fc.record({
  jobContent: text,
  responsibilityLevel: text,
  workLocation: text,
  commandingSupervisor: person,
  workingDays: text,
  workingHours: fc.record({ start: hhmm, end: hhmm }),
  breakTime: text,
  healthAndSafety: text,
  complaintHandling: fc.record({ agencyDesk: person, clientDesk: person, procedure: text }),
  cancellationMeasures: text,
  agencyManager: person,
  clientManager: person,
  overtimeAndHolidayWork: text,
  welfareFacilities: text,
  directHireDisputePrevention: text,
  workerLimitation: fc.record({
    agreementCoveredOnly: fc.boolean(),
    indefiniteTermOrAged60Only: fc.boolean(),
  }),
  numberOfWorkers: fc.integer({ min: 1, max: 1000 }),
  billingRateYenPerHour: yen,
  wageYenPerHour: yen,
});

describe('individual-contract terms', () => {
  it('pass with every item present', () => {
    fc.assert(
      fc.property(completeTerms, (terms) => {
        expect(termsCompleteness(terms)).toEqual({ complete: true, missing: [] });
        expect(termsPartInput.safeParse(terms).success).toBe(true);
      }),
      { numRuns: runs },
    );
  });

  it('are refused, naming it in the agency’s words, when any one required item is missing or blank', () => {
    fc.assert(
      fc.property(
        completeTerms,
        fc.constantFrom(...TERM_ITEMS),
        fc.constantFrom('absent', 'blank'),
        (terms, item, how) => {
          const incomplete: Partial<IndividualContractTerms> = { ...terms };
          if (how === 'absent') delete incomplete[item];
          else (incomplete as Record<string, unknown>)[item] = typeof terms[item] === 'number' ? 0 : '  ';
          const report = termsCompleteness(incomplete);
          expect(report.complete).toBe(false);
          expect(report.missing).toEqual([{ item, label: TERM_ITEM_LABELS[item] }]);
          expect(missingTermsText(report.missing)).toBe(TERM_ITEM_LABELS[item]);
        },
      ),
      { numRuns: runs },
    );
  });

  it('lists every item of the law, each with a Japanese label', () => {
    expect(TERM_ITEMS).toHaveLength(19);
    expect(termsCompleteness({}).missing.map((m) => m.label)).toContain('指揮命令者');
    for (const item of TERM_ITEMS) expect(TERM_ITEM_LABELS[item]).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('names the bad field of a part being saved', () => {
    const result = termsPartInput.safeParse({
      workingHours: { start: '9:00', end: '18:00' },
      unknownItem: 'x',
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('workingHours.start');
    expect(paths).toContain('');
  });
});
