/**
 * The treatment information a client owes per order (A5-3): what each method requires, blank
 * answers counted as missing, and the written document required under both methods.
 */
import { describe, expect, it } from 'vitest';
import type { StoredLegalDocument } from '../establishments/establishment.js';
import {
  missingTreatmentItems,
  TREATMENT_ITEM_LABELS,
  TREATMENT_ITEMS_REQUIRED,
  TREATMENT_METHOD_LABELS,
} from './treatment-information.js';

const pdf: StoredLegalDocument = {
  key: 'legal/cli_1/treatment.pdf',
  fileName: '待遇情報.pdf',
  size: 100,
  contentType: 'application/pdf',
  storedAt: '2026-12-01T01:00:00.000Z',
};
const full = {
  comparableWorkerTreatment: '基本給 時給1,500円、賞与なし',
  training: '入構時の安全教育',
  welfareFacilities: '食堂・休憩室・更衣室',
};

describe('treatment information required before an individual contract', () => {
  it('names the two methods in the agency’s words', () => {
    expect(TREATMENT_METHOD_LABELS).toEqual({
      EQUAL_BALANCED: '派遣先均等・均衡方式',
      LABOUR_MANAGEMENT_AGREEMENT: '労使協定方式',
    });
  });

  it('under 派遣先均等・均衡方式 needs the comparable workers’ treatment, training and welfare facilities', () => {
    expect(TREATMENT_ITEMS_REQUIRED.EQUAL_BALANCED).toEqual([
      'comparableWorkerTreatment',
      'training',
      'welfareFacilities',
    ]);
    expect(missingTreatmentItems({ method: 'EQUAL_BALANCED', items: full, documents: [pdf] })).toEqual([]);
    expect(missingTreatmentItems({ method: 'EQUAL_BALANCED', items: {}, documents: [pdf] })).toEqual([
      '比較対象労働者の待遇等に関する情報',
      '教育訓練に関する情報',
      '福利厚生施設（給食施設・休憩室・更衣室）に関する情報',
    ]);
    const { comparableWorkerTreatment: _, ...withoutComparable } = full;
    expect(
      missingTreatmentItems({ method: 'EQUAL_BALANCED', items: withoutComparable, documents: [pdf] }),
    ).toEqual([TREATMENT_ITEM_LABELS.comparableWorkerTreatment]);
  });

  it('under 労使協定方式 needs only training and welfare facilities', () => {
    expect(TREATMENT_ITEMS_REQUIRED.LABOUR_MANAGEMENT_AGREEMENT).toEqual(['training', 'welfareFacilities']);
    const { comparableWorkerTreatment: _, ...agreementItems } = full;
    expect(
      missingTreatmentItems({
        method: 'LABOUR_MANAGEMENT_AGREEMENT',
        items: agreementItems,
        documents: [pdf],
      }),
    ).toEqual([]);
    expect(
      missingTreatmentItems({
        method: 'LABOUR_MANAGEMENT_AGREEMENT',
        items: { training: '安全教育' },
        documents: [pdf],
      }),
    ).toEqual(['福利厚生施設（給食施設・休憩室・更衣室）に関する情報']);
  });

  it('counts an answer of only spaces as missing', () => {
    expect(
      missingTreatmentItems({
        method: 'LABOUR_MANAGEMENT_AGREEMENT',
        items: { training: ' 　\n', welfareFacilities: '食堂' },
        documents: [pdf],
      }),
    ).toEqual(['教育訓練に関する情報']);
  });

  it('needs the written information (PDF) under either method, named last', () => {
    expect(missingTreatmentItems({ method: 'EQUAL_BALANCED', items: full, documents: [] })).toEqual([
      '待遇情報の書面（PDF）',
    ]);
    expect(
      missingTreatmentItems({ method: 'LABOUR_MANAGEMENT_AGREEMENT', items: {}, documents: [] }),
    ).toEqual([
      '教育訓練に関する情報',
      '福利厚生施設（給食施設・休憩室・更衣室）に関する情報',
      '待遇情報の書面（PDF）',
    ]);
  });
});
