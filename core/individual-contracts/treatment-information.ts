/**
 * 待遇情報: the client's information on the treatment of its comparable employees, received per
 * order before an individual contract may be concluded. What the client must give depends on the
 * agency's method for the job: under 派遣先均等・均衡方式 the full information on its comparable
 * workers' treatment; under 労使協定方式 only its training and welfare-facility information.
 * Requirements: A5-3.
 */
import type { JstDate } from '../business-days.js';
import type { StoredLegalDocument } from '../establishments/establishment.js';

export const TREATMENT_METHODS = ['EQUAL_BALANCED', 'LABOUR_MANAGEMENT_AGREEMENT'] as const;
export type TreatmentMethod = (typeof TREATMENT_METHODS)[number];

export const TREATMENT_METHOD_LABELS: Record<TreatmentMethod, string> = {
  EQUAL_BALANCED: '派遣先均等・均衡方式',
  LABOUR_MANAGEMENT_AGREEMENT: '労使協定方式',
};

/** The parts of the information, each a summary in the client's words (the documents hold the detail). */
export const TREATMENT_ITEMS = ['comparableWorkerTreatment', 'training', 'welfareFacilities'] as const;
export type TreatmentItem = (typeof TREATMENT_ITEMS)[number];

export const TREATMENT_ITEM_LABELS: Record<TreatmentItem, string> = {
  comparableWorkerTreatment: '比較対象労働者の待遇等に関する情報',
  training: '教育訓練に関する情報',
  welfareFacilities: '福利厚生施設（給食施設・休憩室・更衣室）に関する情報',
};

/** What each method requires. */
export const TREATMENT_ITEMS_REQUIRED: Record<TreatmentMethod, readonly TreatmentItem[]> = {
  EQUAL_BALANCED: ['comparableWorkerTreatment', 'training', 'welfareFacilities'],
  LABOUR_MANAGEMENT_AGREEMENT: ['training', 'welfareFacilities'],
};

export interface TreatmentInformation {
  /** The order (the kintone order's hub id) the information was given for; one record per order. */
  orderId: string;
  clientId: string;
  establishmentId: string;
  method: TreatmentMethod;
  items: Partial<Record<TreatmentItem, string>>;
  /** The client's documents (PDF), at least one. */
  documents: StoredLegalDocument[];
  /** Who at the agency received it, and when (JST date). */
  receivedBy: string;
  receivedOn: JstDate;
  recordedBy: string;
  recordedAt: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The items the method requires that the record lacks, in the agency's words. */
export function missingTreatmentItems(
  info: Pick<TreatmentInformation, 'method' | 'items' | 'documents'>,
): string[] {
  const missing = TREATMENT_ITEMS_REQUIRED[info.method]
    .filter((item) => !info.items[item]?.trim())
    .map((item) => TREATMENT_ITEM_LABELS[item]);
  if (!info.documents.length) missing.push('待遇情報の書面（PDF）');
  return missing;
}
