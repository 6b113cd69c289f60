/**
 * The hub's e-mail templates, in Japanese, in the agency's tone: polite (です・ます), the
 * facts first, what to do next, and where to look. Each template names its parameters.
 */
import { type JstDate, jstDateOf } from '../business-days.js';

export interface MailTemplateParams {
  INQUIRY_ROUTED: {
    company: string;
    department: string;
    channel: 'WEB' | 'PHONE';
    receivedAt: string;
    firstContactDueAt?: string;
    /** The first-contact rule as configured (FIRST_CONTACT_BUSINESS_DAYS) when the deadline was set. */
    withinBusinessDays?: number;
    requestedJobCategory?: string;
    inquiryId: string;
  };
  BASIC_CONTRACT_TEMPLATE: { company: string; contactName: string; salesRepName: string; agencyName: string };
  FIRST_CONTACT_OVERDUE: { company: string; department: string; dueAt: string; inquiryId: string };
  SALES_REP_ASSIGNED: { company: string; department: string; rank: number; clientId: string };
  VISIT_RECORDED: {
    company: string;
    salesRepName: string;
    endedAt: string;
    outcome: 'REQUEST_LIKELY' | 'NO_REQUEST_YET' | 'REJECTED_PROHIBITED_WORK';
    late: boolean;
    dueAt: string;
    /** VISIT_RECORD_HOURS as configured. */
    withinHours?: number;
    rejectionReason?: string;
    visitId: string;
  };
  VISIT_RECORD_OVERDUE: {
    company: string;
    department: string;
    salesRepName: string;
    dueAt: string;
    visitId: string;
  };
  APPROVAL_REQUESTED: {
    company: string;
    applicationLabel: string;
    applicantName: string;
    step: string;
    escalated: boolean;
    reasons: string[];
    taskId: string;
  };
  CONTRACT_EXECUTION_DELAYED: {
    company: string;
    applicantName: string;
    dueAt: string;
    /** CONTRACT_EXECUTION_BUSINESS_DAYS as configured. */
    withinBusinessDays?: number;
    reason?: string;
    applicationId: string;
  };
  APPLICATION_DECIDED: {
    company: string;
    applicationLabel: string;
    outcome: 'APPROVED' | 'REJECTED' | 'FAILED';
    detail?: string;
    applicationId: string;
  };
  // --- Individual contracts (A5-4) ---
  INDIVIDUAL_CONTRACT_TERMS_REQUEST: {
    company: string;
    contactName: string;
    salesRepName: string;
    agencyName: string;
    establishment: string;
    organisationalUnit: string;
    period: { startDate: string; endDate: string };
    /** The items still needed, in the agency's words. */
    items: string[];
    dueAt: string;
    individualContractId: string;
  };
  INDIVIDUAL_CONTRACT_TERMS_OVERDUE: {
    company: string;
    department: string;
    requestedByName: string;
    dueAt: string;
    /** INDIVIDUAL_CONTRACT_TERMS_DAYS as configured. */
    withinDays?: number;
    missing: string[];
    individualContractId: string;
  };
  // --- Sync (X-2, X-3) ---
  SYNC_CONFLICT_OVERDUE: {
    company: string;
    /** The addressees: the client's department, or the administrators when it has no manager. */
    addressees: string;
    /** kintone or G-Staff, with the app or register. */
    source: string;
    fields: string[];
    detectedAt: string;
    dueAt: string;
    conflictId: string;
  };
}

export type MailTemplate = keyof MailTemplateParams;
export const MAIL_TEMPLATES = [
  'INQUIRY_ROUTED',
  'BASIC_CONTRACT_TEMPLATE',
  'FIRST_CONTACT_OVERDUE',
  'SALES_REP_ASSIGNED',
  'VISIT_RECORDED',
  'VISIT_RECORD_OVERDUE',
  'APPROVAL_REQUESTED',
  'APPLICATION_DECIDED',
  'CONTRACT_EXECUTION_DELAYED',
  'INDIVIDUAL_CONTRACT_TERMS_REQUEST',
  'INDIVIDUAL_CONTRACT_TERMS_OVERDUE',
  'SYNC_CONFLICT_OVERDUE',
] as const;

const OUTCOME_TEXT = { APPROVED: '承認', REJECTED: '否決', FAILED: '処理エラー' } as const;

const VISIT_OUTCOME_TEXT = {
  REQUEST_LIKELY: 'ご依頼の見込みあり（与信申請の下書きを作成しました）',
  NO_REQUEST_YET: 'ご依頼の見込みは現時点でなし',
  REJECTED_PROHIBITED_WORK: '派遣禁止業務のためお断り',
} as const;

const JST_FORMAT = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant as staff read it: 2026年11月30日(月) 23:59 (JST, whatever the server's zone). */
export function jstDateTime(iso: string): string {
  return JST_FORMAT.format(new Date(iso));
}

const jstDay = (iso: string): JstDate => jstDateOf(new Date(iso));

const SIGNATURE = '――\n派遣業務統合ハブ（自動送信）\nこのメールに返信されても届きません。';

export function renderMail<T extends MailTemplate>(
  template: T,
  params: MailTemplateParams[T],
): { subject: string; text: string } {
  switch (template) {
    case 'INQUIRY_ROUTED': {
      const p = params as MailTemplateParams['INQUIRY_ROUTED'];
      const lines = [
        `${p.department} マネージャー各位`,
        '',
        `${p.channel === 'WEB' ? '自社HP' : '電話'}から受け付けた人材のお問い合わせが、${p.department} に振り分けられました。`,
        '',
        `・お客様: ${p.company} 様`,
        `・受付日時: ${jstDateTime(p.receivedAt)}`,
        ...(p.requestedJobCategory ? [`・ご希望の職種: ${p.requestedJobCategory}`] : []),
        ...(p.firstContactDueAt
          ? [
              `・初回連絡の期限: ${jstDateTime(p.firstContactDueAt)}${p.withinBusinessDays ? `（受付から${p.withinBusinessDays}営業日以内）` : ''}`,
            ]
          : []),
        `・問い合わせID: ${p.inquiryId}`,
        '',
        p.firstContactDueAt
          ? '担当の営業から期限までに必ず一度ご連絡のうえ、ハブに初回連絡を記録してください。'
          : '内容をご確認のうえ、担当者の割り当てをお願いいたします。',
        '',
        SIGNATURE,
      ];
      return { subject: `【新規お問い合わせ】${p.company} 様（${p.department}）`, text: lines.join('\n') };
    }
    case 'BASIC_CONTRACT_TEMPLATE': {
      const p = params as MailTemplateParams['BASIC_CONTRACT_TEMPLATE'];
      const lines = [
        `${p.company}`,
        `${p.contactName} 様`,
        '',
        'いつも大変お世話になっております。',
        `${p.agencyName} の ${p.salesRepName} でございます。`,
        '',
        'このたびは弊社へのご依頼をご検討いただき、誠にありがとうございます。',
        '労働者派遣基本契約書のひな形をお送りいたします。ご確認いただき、ご不明な点やご要望がございましたら、お気軽にお申し付けください。',
        '',
        '今後ともどうぞよろしくお願い申し上げます。',
        '',
        SIGNATURE,
      ];
      return { subject: `【${p.agencyName}】労働者派遣基本契約書（ひな形）のご送付`, text: lines.join('\n') };
    }
    case 'FIRST_CONTACT_OVERDUE': {
      const p = params as MailTemplateParams['FIRST_CONTACT_OVERDUE'];
      const lines = [
        `${p.department} マネージャー各位`,
        '',
        `${p.company} 様からのお問い合わせ（ID: ${p.inquiryId}）について、初回連絡の期限（${jstDateTime(p.dueAt)}）を過ぎています。`,
        '至急、担当者からご連絡のうえ、ハブに初回連絡を記録してください。',
        '',
        SIGNATURE,
      ];
      return {
        subject: `【期限超過】初回連絡未了: ${p.company} 様（${jstDay(p.dueAt)} 期限）`,
        text: lines.join('\n'),
      };
    }
    case 'SALES_REP_ASSIGNED': {
      const p = params as MailTemplateParams['SALES_REP_ASSIGNED'];
      const lines = [
        `${p.company} 様の担当営業に割り当てられました（${p.department}、提案順位 ${p.rank} 位）。`,
        '',
        '訪問前準備（質問項目リスト）を確認のうえ、訪問の予定を登録してください。',
        `・顧客ID: ${p.clientId}`,
        '',
        SIGNATURE,
      ];
      return { subject: `【担当割り当て】${p.company} 様`, text: lines.join('\n') };
    }
    case 'VISIT_RECORDED': {
      const p = params as MailTemplateParams['VISIT_RECORDED'];
      const lines = [
        `${p.salesRepName} さんが ${p.company} 様への訪問を記録しました。`,
        '',
        `・訪問終了: ${jstDateTime(p.endedAt)}`,
        `・結果: ${VISIT_OUTCOME_TEXT[p.outcome]}`,
        ...(p.rejectionReason ? [`・お断りの理由: ${p.rejectionReason}`] : []),
        `・記録期限: ${jstDateTime(p.dueAt)}${p.withinHours ? `（訪問終了から${p.withinHours}時間以内）` : ''}${p.late ? ' ― 期限を過ぎてからの記録です' : ''}`,
        `・訪問ID: ${p.visitId}`,
        '',
        '内容をご確認ください。',
        '',
        SIGNATURE,
      ];
      return {
        subject: `【訪問報告${p.late ? '・期限超過' : ''}】${p.company} 様（${p.salesRepName}）`,
        text: lines.join('\n'),
      };
    }
    case 'VISIT_RECORD_OVERDUE': {
      const p = params as MailTemplateParams['VISIT_RECORD_OVERDUE'];
      const lines = [
        `${p.department} マネージャー各位`,
        '',
        `${p.company} 様への訪問（担当: ${p.salesRepName}、ID: ${p.visitId}）の訪問記録が、期限（${jstDateTime(p.dueAt)}）を過ぎても登録されていません。`,
        '担当者に確認のうえ、至急ハブに訪問記録を登録してください。',
        '',
        SIGNATURE,
      ];
      return {
        subject: `【期限超過】訪問記録未登録: ${p.company} 様（${jstDay(p.dueAt)} 期限）`,
        text: lines.join('\n'),
      };
    }
    case 'APPROVAL_REQUESTED': {
      const p = params as MailTemplateParams['APPROVAL_REQUESTED'];
      const lines = [
        `${p.company} 様の${p.applicationLabel}（申請者: ${p.applicantName}）について、${p.step}の決裁をお願いいたします。`,
        ...(p.escalated ? ['', '期限内に決裁されなかったため、上長の皆さまへお回ししています。'] : []),
        ...(p.reasons.length ? ['', '取締役決裁が必要な理由:', ...p.reasons.map((r) => `・${r}`)] : []),
        '',
        `ハブの「決裁待ち」（myApprovalTasks）からご判断ください。タスクID: ${p.taskId}`,
        '',
        SIGNATURE,
      ];
      return {
        subject: `【決裁依頼${p.escalated ? '・エスカレーション' : ''}】${p.applicationLabel} ${p.company} 様`,
        text: lines.join('\n'),
      };
    }
    case 'CONTRACT_EXECUTION_DELAYED': {
      const p = params as MailTemplateParams['CONTRACT_EXECUTION_DELAYED'];
      const lines = [
        `${p.company} 様の 06_2 契約書類締結申請（申請者: ${p.applicantName}）が、${p.withinBusinessDays ? `申請から${p.withinBusinessDays}営業日の` : ''}期限（${jstDateTime(p.dueAt)}）を過ぎても締結されていません。`,
        '',
        p.reason
          ? `遅延理由（${p.applicantName} さん記入）: ${p.reason}`
          : '担当者はハブで遅延理由を記録してください（recordDelayReason）。',
        `申請ID: ${p.applicationId}`,
        '',
        SIGNATURE,
      ];
      return {
        subject: `【${p.reason ? '遅延理由' : '期限超過'}】契約締結 ${p.company} 様`,
        text: lines.join('\n'),
      };
    }
    case 'APPLICATION_DECIDED': {
      const p = params as MailTemplateParams['APPLICATION_DECIDED'];
      const lines = [
        `${p.company} 様の${p.applicationLabel}は「${OUTCOME_TEXT[p.outcome]}」となりました。`,
        ...(p.detail ? ['', p.detail] : []),
        '',
        `申請ID: ${p.applicationId}`,
        '',
        SIGNATURE,
      ];
      return {
        subject: `【${OUTCOME_TEXT[p.outcome]}】${p.applicationLabel} ${p.company} 様`,
        text: lines.join('\n'),
      };
    }
    case 'INDIVIDUAL_CONTRACT_TERMS_REQUEST': {
      const p = params as MailTemplateParams['INDIVIDUAL_CONTRACT_TERMS_REQUEST'];
      const lines = [
        `${p.company}`,
        `${p.contactName} 様`,
        '',
        'いつも大変お世話になっております。',
        `${p.agencyName} の ${p.salesRepName} でございます。`,
        '',
        '労働者派遣個別契約書の作成にあたり、下記の事項についてご確認・ご教示をお願いいたします。',
        '',
        `・派遣先事業所: ${p.establishment}（組織単位: ${p.organisationalUnit}）`,
        `・派遣期間: ${p.period.startDate} ～ ${p.period.endDate}`,
        '',
        'ご確認いただきたい事項:',
        ...p.items.map((item) => `・${item}`),
        '',
        `恐れ入りますが、${jstDateTime(p.dueAt)} までにご返信くださいますようお願い申し上げます。`,
        `（管理番号: ${p.individualContractId}）`,
        '',
        SIGNATURE,
      ];
      return {
        subject: `【${p.agencyName}】労働者派遣個別契約書の記載事項のご確認のお願い（${jstDay(p.dueAt)} まで）`,
        text: lines.join('\n'),
      };
    }
    case 'INDIVIDUAL_CONTRACT_TERMS_OVERDUE': {
      const p = params as MailTemplateParams['INDIVIDUAL_CONTRACT_TERMS_OVERDUE'];
      const lines = [
        `${p.department} マネージャー各位`,
        '',
        `${p.company} 様の個別契約書の記載事項（依頼者: ${p.requestedByName}、管理番号: ${p.individualContractId}）が、期限（${jstDateTime(p.dueAt)}${p.withinDays ? `、依頼から${p.withinDays}日以内` : ''}）を過ぎてもそろっていません。`,
        '',
        '未回収の事項:',
        ...p.missing.map((item) => `・${item}`),
        '',
        '担当者に確認のうえ、至急お客様から回収してハブに登録してください。',
        '',
        SIGNATURE,
      ];
      return {
        subject: `【期限超過】個別契約書の記載事項未回収: ${p.company} 様（${jstDay(p.dueAt)} 期限）`,
        text: lines.join('\n'),
      };
    }
    case 'SYNC_CONFLICT_OVERDUE': {
      const p = params as MailTemplateParams['SYNC_CONFLICT_OVERDUE'];
      const lines = [
        `${p.addressees} 各位`,
        '',
        `${p.company} 様のデータが、ハブと${p.source}の両方で異なる内容に変更されたまま、解決期限（${jstDateTime(p.dueAt)}）を過ぎています（検知: ${jstDateTime(p.detectedAt)}、管理番号: ${p.conflictId}）。`,
        '',
        '両方で変更された項目:',
        ...p.fields.map((field) => `・${field}`),
        '',
        '解決されるまで、どちらの内容も相手側へは書き込まれません。同期の競合の画面で、どちらを残すか（または統合した値）を決めてください。',
        '',
        SIGNATURE,
      ];
      return {
        subject: `【期限超過】同期の競合が未解決: ${p.company} 様（${p.source}）`,
        text: lines.join('\n'),
      };
    }
  }
  throw new Error(`unknown mail template ${String(template)}`);
}
