/** The console's logic for individual contracts, orders and the contracts register. */
import { describe, expect, it } from 'vitest';
import { ENUM_LABELS } from './i18n.js';
import {
  conflictRows,
  openableDocuments,
  reviewableText,
  TERM_FIELDS,
  TERM_GROUPS,
  termsPart,
  termValuesOf,
  workerDecisionErrors,
} from './individual-contract.js';

describe('the terms form', () => {
  it('names every item of the schema once, and labels every input in both languages', () => {
    expect(TERM_GROUPS.map((g) => g.item).sort()).toEqual(
      Object.keys(ENUM_LABELS.ja.IndividualContractTermItem).sort(),
    );
    expect(TERM_FIELDS.map((f) => f.key).sort()).toEqual(Object.keys(ENUM_LABELS.ja.TermField).sort());
    expect(Object.keys(ENUM_LABELS.en.TermField).sort()).toEqual(
      Object.keys(ENUM_LABELS.ja.TermField).sort(),
    );
  });

  it('saves only the items filled in completely, and names the half-filled ones', () => {
    const values = termValuesOf({});
    expect(Object.values(values).every((v) => v === '')).toBe(true);
    const part = termsPart({
      ...values,
      jobContent: ' 検品 ',
      numberOfWorkers: '2',
      billingRateYenPerHour: '2,500',
      'workingHours.start': '09:00',
      'commandingSupervisor.name': '佐藤 一郎',
      'commandingSupervisor.title': '課長',
      'commandingSupervisor.phone': '03-1234-5678',
      'workerLimitation.agreementCoveredOnly': 'yes',
      'workerLimitation.indefiniteTermOrAged60Only': 'no',
    });
    expect(part.terms).toEqual({
      jobContent: '検品',
      numberOfWorkers: 2,
      // Not a whole number: sent as typed, so the API names the field.
      billingRateYenPerHour: '2,500',
      commandingSupervisor: { name: '佐藤 一郎', title: '課長', phone: '03-1234-5678' },
      workerLimitation: { agreementCoveredOnly: true, indefiniteTermOrAged60Only: false },
    });
    expect(part.incomplete).toEqual(['workingHours']);
  });

  it('reads the stored terms back into the form', () => {
    const values = termValuesOf({
      workingHours: { start: '09:00', end: '18:00' },
      numberOfWorkers: 1,
      workerLimitation: { agreementCoveredOnly: false, indefiniteTermOrAged60Only: true },
      complaintHandling: { procedure: '連携', agencyDesk: { name: 'A', title: 'B', phone: 'C' } },
    });
    expect(values).toMatchObject({
      'workingHours.start': '09:00',
      numberOfWorkers: '1',
      'workerLimitation.agreementCoveredOnly': 'no',
      'workerLimitation.indefiniteTermOrAged60Only': 'yes',
      'complaintHandling.agencyDesk.phone': 'C',
      'complaintHandling.clientDesk.name': '',
    });
  });
});

describe('deciding the worker', () => {
  it('puts the period check’s refusal next to the worker, and field errors next to their fields', () => {
    expect(workerDecisionErrors({ message: '抵触日 2027-04-01 に達します', fields: {} })).toEqual({
      workerId: '抵触日 2027-04-01 に達します',
    });
    expect(
      workerDecisionErrors({ message: 'invalid', fields: { 'exemption.reason': 'is required' } }),
    ).toEqual({
      'exemption.reason': 'is required',
    });
  });
});

describe('contract documents', () => {
  it('offers the stored documents only', () => {
    expect(openableDocuments({ hasSignedPdf: true, hasReviewedText: true })).toEqual([
      'SIGNED_PDF',
      'REVIEWED_TEXT',
    ]);
    expect(openableDocuments({ hasSignedPdf: false, hasReviewedText: false })).toEqual([]);
  });

  it('has legal open the client’s own text of a non-standard basic contract only', () => {
    expect(reviewableText({ type: 'CONTRACT_EXECUTION', contractExecution: { form: 'NON_STANDARD' } })).toBe(
      true,
    );
    expect(reviewableText({ type: 'CONTRACT_EXECUTION', contractExecution: { form: 'STANDARD' } })).toBe(
      false,
    );
    expect(reviewableText({ type: 'INDIVIDUAL_CONTRACT', contractExecution: null })).toBe(false);
  });
});

describe('an order’s sync conflict', () => {
  it('shows each differing field with the agreed, the hub’s and kintone’s value', () => {
    expect(
      conflictRows({
        differingFields: [{ field: 'summary', agreed: null, hub: 'ハブ', source: 'kintone側' }],
      }),
    ).toEqual([{ field: 'summary', agreed: '—', hub: 'ハブ', kintone: 'kintone側' }]);
  });
});
