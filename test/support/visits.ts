/** Builders for the assign-prepare-visit flow (issue 5). */
import type { Actor } from '../../core/access.js';
import { assignSalesRep } from '../../core/assignment/assign-sales-rep.js';
import type { HubDeps } from '../../core/hub.js';
import { recordPhoneInquiry } from '../../core/inquiries/record-phone-inquiry.js';
import { confirmPreVisitChecklist } from '../../core/visits/confirm-pre-visit-checklist.js';
import { planVisit } from '../../core/visits/plan-visit.js';
import { recordVisit } from '../../core/visits/record-visit.js';
import { CHECKLIST_ITEM_IDS } from '../../core/visits/visit.js';
import { managerTokyo, phoneInquiry, salesTokyo, staffMember } from './builders.js';

/** SALES_TOKYO gets two more reps, so proposals have something to rank. */
export const moreTokyoReps = [
  staffMember({
    userId: 'sales-tokyo-2',
    role: 'SALES',
    department: 'SALES_TOKYO',
    supervisorId: 'mgr-tokyo-1',
  }),
  staffMember({
    userId: 'sales-tokyo-3',
    role: 'SALES',
    department: 'SALES_TOKYO',
    supervisorId: 'mgr-tokyo-1',
  }),
];

export const salesTokyo2: Actor = { userId: 'sales-tokyo-2', role: 'SALES', department: 'SALES_TOKYO' };
export const salesTokyo3: Actor = { userId: 'sales-tokyo-3', role: 'SALES', department: 'SALES_TOKYO' };

export const fullChecklist = CHECKLIST_ITEM_IDS.map((item) => ({ item, note: `${item} を先方と確認済み` }));

/** Every hearing item, as heard at a complete visit. */
export const completeHearing = {
  jobCategory: '製造補助',
  hazardousWork: false,
  requiredQualifications: 'フォークリフト免許（あれば尚可）',
  workLocation: '東京都大田区 第二工場',
  timeBand: '日勤',
  overtime: { expected: true, hoursPerMonth: 10 },
  dispatchPeriod: '2027年1月から6か月（更新あり）',
  acceptanceSetup: '製造課の班長が指導',
  workingHours: '8:30〜17:30（休憩60分）',
  workingDays: '月〜金（土日祝休み）',
  welfare: '食堂・更衣室あり',
  healthAndSafety: '安全靴貸与、月1回の安全衛生委員会',
  recruitmentBackground: '増産対応',
  jobContent: '部品の組立・検品',
  requiredSkills: '簡単なPC入力',
  departmentAndFollowUp: '製造部製造課、班長が毎日フォロー',
  startDate: '2027-01-12',
  billingRate: { amountYen: 2100, unit: 'HOUR' },
  siteEnvironment: '休憩室あり・制服貸与・私物ロッカーあり',
  safetyTraining: { provided: true, details: '初日に安全教育2時間' },
  hazardRating: 'LOW',
  confidentialInformation: { handled: false },
};

/** A complete visit record ending at `endedAt`. */
export function visitRecordInput(visitId: string, endedAt: string, overrides: Record<string, unknown> = {}) {
  const start = new Date(Date.parse(endedAt) - 90 * 60_000).toISOString();
  return {
    visitId,
    startedAt: start,
    endedAt,
    explained: { company: true, registrants: true, trackRecord: true },
    recruitmentBackground: '増産のため、来年1月から製造補助が必要',
    hrIssues: '直接雇用の採用が難航',
    dispatchExplanation: {
      topics: ['EMPLOYMENT_RELATIONSHIP', 'COMMAND_AUTHORITY', 'CONTRACT_COMPLIANCE', 'RECEIVING_STAFF'],
      how: 'WRITTEN',
      acknowledgedAt: endedAt,
      acknowledgedByRole: '製造部長',
    },
    workJudgment: { result: 'PERMITTED' },
    requestLikely: true,
    hearingItems: completeHearing,
    ...overrides,
  };
}

/**
 * A client of sales-tokyo-1 with a recorded visit (the starting point of 06_1): a phone inquiry
 * with the given company, phone and e-mail, the rep assigned, the visit planned, prepared and recorded.
 */
export async function visitedClient(
  deps: HubDeps,
  contact: { company: string; phone: string; email?: string },
): Promise<string> {
  return (await visitedClientRecords(deps, contact)).clientId;
}

/** `visitedClient`, with the ids of the inquiry and the visit too. */
export async function visitedClientRecords(
  deps: HubDeps,
  contact: { company: string; phone: string; email?: string },
): Promise<{ clientId: string; inquiryId: string; visitId: string }> {
  const inquiry = await recordPhoneInquiry(deps, salesTokyo, phoneInquiry(contact));
  await assignSalesRep(deps, managerTokyo, {
    clientId: inquiry.clientId,
    salesRepId: 'sales-tokyo-1',
    overrideReason: 'テスト',
  });
  const visit = await planVisit(deps, salesTokyo, {
    clientId: inquiry.clientId,
    plannedStartAt: '2026-11-30T23:00:00Z',
    plannedEndAt: '2026-12-01T00:30:00Z',
  });
  await confirmPreVisitChecklist(deps, salesTokyo, { visitId: visit.visitId, items: fullChecklist });
  await recordVisit(deps, salesTokyo, visitRecordInput(visit.visitId, '2026-12-01T00:30:00Z'));
  return { clientId: inquiry.clientId, inquiryId: inquiry.inquiryId, visitId: visit.visitId };
}
