/** The visit record as the sales team reads it in kintone's 訪問内容 field (A3-6). */

import {
  type CompletenessReport,
  type HearingItem,
  type HearingItems,
  type HearingSheet,
  hearingItemLabel,
} from '../hearing-sheets/hearing-sheet.js';
import { jstDateTime } from '../mail/templates.js';
import { DISPATCH_EXPLANATION_TOPICS, PRE_VISIT_CHECKLIST_ITEMS, type Visit } from './visit.js';

const yesNo = (b: boolean) => (b ? '済' : '未');

const UNIT = { HOUR: '時間', DAY: '日', MONTH: '月' } as const;
const HAZARD = { LOW: '低', MEDIUM: '中', HIGH: '高' } as const;
const withDetails = (yes: boolean, details?: string) =>
  `${yes ? 'あり' : 'なし'}${details ? `（${details}）` : ''}`;

/** One hearing item as staff write it (あり／なし, 円/時間, …). */
export function hearingItemText<K extends HearingItem>(item: K, value: HearingItems[K]): string {
  const v = value as unknown;
  switch (item) {
    case 'overtime': {
      const o = v as NonNullable<HearingItems['overtime']>;
      return o.expected ? `あり（月${o.hoursPerMonth ?? '?'}時間）` : 'なし';
    }
    case 'billingRate': {
      const b = v as NonNullable<HearingItems['billingRate']>;
      return `${b.amountYen.toLocaleString('ja-JP')}円／${UNIT[b.unit]}`;
    }
    case 'safetyTraining': {
      const t = v as NonNullable<HearingItems['safetyTraining']>;
      return withDetails(t.provided, t.details);
    }
    case 'confidentialInformation': {
      const c = v as NonNullable<HearingItems['confidentialInformation']>;
      return withDetails(c.handled, c.details);
    }
    case 'hazardRating':
      return HAZARD[v as keyof typeof HAZARD];
    default:
      return typeof v === 'boolean' ? (v ? 'あり' : 'なし') : String(v);
  }
}

export function visitRecordSummary(
  visit: Visit,
  sheet: HearingSheet | undefined,
  completeness: CompletenessReport,
): string {
  const r = visit.record;
  if (!r) return '';
  const lines = [
    `訪問: ${jstDateTime(r.startedAt)} 〜 ${jstDateTime(r.endedAt)}`,
    `説明: 会社概要 ${yesNo(r.explained.company)} / 登録者 ${yesNo(r.explained.registrants)} / 実績 ${yesNo(r.explained.trackRecord)}`,
    `募集背景: ${r.recruitmentBackground}`,
    `人事課題: ${r.hrIssues}`,
    `派遣の仕組みの説明: ${r.dispatchExplanation.how === 'WRITTEN' ? '書面' : '画面'}、${jstDateTime(r.dispatchExplanation.acknowledgedAt)} ${r.dispatchExplanation.acknowledgedByRole} 了承（${r.dispatchExplanation.topics.map((t) => DISPATCH_EXPLANATION_TOPICS[t]).join('、')}）`,
    `派遣可否: ${r.workJudgment.result === 'PERMITTED' ? '可' : `不可 ― ${r.workJudgment.reason ?? ''}`}`,
    `訪問前準備: ${visit.checklist.map((c) => `${PRE_VISIT_CHECKLIST_ITEMS[c.item]}（${c.note}）`).join('、')}`,
    ...(sheet
      ? [
          'ヒアリングシート:',
          ...(Object.entries(sheet.items) as [HearingItem, HearingItems[HearingItem]][]).map(
            ([item, value]) => `・${hearingItemLabel(item)}: ${hearingItemText(item, value)}`,
          ),
        ]
      : []),
    completeness.complete
      ? 'ヒアリング項目: すべて記入済み'
      : `ヒアリング未記入: ${completeness.missing.map(hearingItemLabel).join('、')}`,
    ...(visit.attachments.some((a) => a.state === 'STORED')
      ? [`添付（ハブに保管）: ${visit.attachments.filter((a) => a.state === 'STORED').length} 件`]
      : []),
    ...(r.notes ? [`備考: ${r.notes}`] : []),
  ];
  return lines.join('\n');
}
