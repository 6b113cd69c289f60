/**
 * A sales visit (営業訪問) and its record (訪問記録). A visit is planned by the client's rep,
 * prepared with the five-item pre-visit checklist (A2-3), then recorded (A3-1 … A3-6, A6-1,
 * A6-2) within 24 hours of its end (docs/policy.md). Photos and drawings are kept with it.
 */

/** 訪問前準備 / 質問項目リスト: the five items confirmed before a visit (A2-3). */
export const PRE_VISIT_CHECKLIST_ITEMS = {
  HEALTH_AND_SAFETY_SETUP: '安全衛生体制',
  TRAINING: '教育訓練',
  WORK_ENVIRONMENT: '就業環境',
  EMPLOYMENT_MANAGEMENT: '雇用管理',
  PERSONAL_INFORMATION_HANDLING: '個人情報の取扱い',
} as const;
export type PreVisitChecklistItem = keyof typeof PRE_VISIT_CHECKLIST_ITEMS;
export const CHECKLIST_ITEM_IDS = Object.keys(PRE_VISIT_CHECKLIST_ITEMS) as [
  PreVisitChecklistItem,
  ...PreVisitChecklistItem[],
];

/** 派遣禁止業務 (docs/integrations.md, Worker Dispatch Act art. 4 and its order). */
export const PROHIBITED_WORK_CATEGORIES = {
  PORT_TRANSPORT: '港湾運送業務',
  CONSTRUCTION: '建設業務',
  SECURITY_GUARD: '警備業務',
  MEDICAL: '医療関係業務（病院等での医師・看護師等の業務）',
  LICENSED_PROFESSION: '士業（弁護士・公認会計士・税理士・社会保険労務士等）の業務',
} as const;
export type ProhibitedWorkCategory = keyof typeof PROHIBITED_WORK_CATEGORIES;
export const PROHIBITED_WORK_IDS = Object.keys(PROHIBITED_WORK_CATEGORIES) as [
  ProhibitedWorkCategory,
  ...ProhibitedWorkCategory[],
];

/** The reason a prohibited visit is rejected with, as staff read it. */
export const prohibitedWorkReason = (category: ProhibitedWorkCategory) =>
  `${PROHIBITED_WORK_CATEGORIES[category]}は労働者派遣法第4条により労働者派遣が禁止されている業務のため、お受けできません。`;

/** What the client is told about how dispatch works (A6-2). */
export const DISPATCH_EXPLANATION_TOPICS = {
  EMPLOYMENT_RELATIONSHIP: '雇用関係（派遣元が雇用主であること）',
  COMMAND_AUTHORITY: '指揮命令（派遣先が指揮命令すること）',
  CONTRACT_COMPLIANCE: '契約の遵守（契約外業務の禁止等）',
  RECEIVING_STAFF: '派遣社員受け入れ時の注意事項',
} as const;
export type DispatchExplanationTopic = keyof typeof DISPATCH_EXPLANATION_TOPICS;
export const DISPATCH_TOPIC_IDS = Object.keys(DISPATCH_EXPLANATION_TOPICS) as [
  DispatchExplanationTopic,
  ...DispatchExplanationTopic[],
];

export interface ChecklistConfirmation {
  item: PreVisitChecklistItem;
  note: string;
  confirmedBy: string;
  confirmedAt: string;
}

export const VISIT_STATUSES = ['PLANNED', 'PREPARED', 'RECORDED', 'CANCELLED'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export const VISIT_OUTCOMES = ['REQUEST_LIKELY', 'NO_REQUEST_YET', 'REJECTED_PROHIBITED_WORK'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

export interface WorkJudgment {
  /** Whether the work may be dispatched under the Worker Dispatch Act and labour laws (A3-3). */
  result: 'PERMITTED' | 'PROHIBITED';
  prohibitedCategory?: ProhibitedWorkCategory;
  reason?: string;
}

export interface DispatchExplanation {
  topics: DispatchExplanationTopic[];
  how: 'WRITTEN' | 'ON_SCREEN';
  /** When the client acknowledged it. */
  acknowledgedAt: string;
  /** Who acknowledged, as the client's role (e.g. 人事部長), not a personal name. */
  acknowledgedByRole: string;
}

export interface VisitRecord {
  startedAt: string;
  endedAt: string;
  /** A3-2 / A6-1: what the agency explained. */
  explained: { company: boolean; registrants: boolean; trackRecord: boolean };
  recruitmentBackground: string;
  hrIssues: string;
  dispatchExplanation: DispatchExplanation;
  workJudgment: WorkJudgment;
  outcome: VisitOutcome;
  notes?: string;
  recordedBy: string;
  recordedAt: string;
}

/** A3-6: recorded within 24 hours of the visit's end. Until recorded, the planned end counts. */
export interface VisitRecordDeadline {
  dueAt: string;
  basis: 'PLANNED_END' | 'VISIT_END';
  recordedAt?: string;
  late?: boolean;
  escalatedAt?: string;
}

export const ATTACHMENT_KINDS = ['SITE_PHOTO', 'DRAWING'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export interface VisitAttachment {
  attachmentId: string;
  kind: AttachmentKind;
  fileName: string;
  contentType: string;
  size: number;
  /** Where it is in the document store. */
  key: string;
  state: 'AWAITING_UPLOAD' | 'STORED';
  requestedBy: string;
  requestedAt: string;
  storedAt?: string;
}

export interface Visit {
  visitId: string;
  clientId: string;
  department: string;
  salesRepId: string;
  /** The inquiry (request) the visit is about; its hearing sheet is completed at the visit (A3-4). */
  inquiryId: string;
  plannedStartAt: string;
  plannedEndAt: string;
  status: VisitStatus;
  checklist: ChecklistConfirmation[];
  preparedAt?: string;
  record?: VisitRecord;
  recordDeadline: VisitRecordDeadline;
  attachments: VisitAttachment[];
  /** Why a planned visit was called off. */
  cancellation?: { reason: string; by: string; at: string };
  /** The draft credit pre-check a likely request started (A6-1). */
  draftApplicationId?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function missingChecklistItems(visit: Pick<Visit, 'checklist'>): PreVisitChecklistItem[] {
  const done = new Set(visit.checklist.map((c) => c.item));
  return CHECKLIST_ITEM_IDS.filter((item) => !done.has(item));
}

/** Overdue now: not recorded and past due. */
export function visitRecordOverdue(visit: Visit, now: Date): boolean {
  return (
    (visit.status === 'PLANNED' || visit.status === 'PREPARED') &&
    Date.parse(visit.recordDeadline.dueAt) < now.getTime()
  );
}
