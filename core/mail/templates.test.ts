/**
 * The e-mails state each deadline's rule as the policy is configured, not as the defaults read
 * (A1-2, A3-6, A4-5, A5-4), and say nothing of a rule they were not given (a message queued
 * before the rule was passed along still renders).
 */
import { describe, expect, it } from 'vitest';
import { renderMail } from './templates.js';

const dueAt = '2026-12-15T14:59:59.999Z';

describe('deadline rules in the e-mails', () => {
  it('name the configured numbers', () => {
    const routed = renderMail('INQUIRY_ROUTED', {
      company: '株式会社サンプル',
      department: 'SALES_TOKYO',
      channel: 'WEB',
      receivedAt: '2026-12-01T01:00:00.000Z',
      firstContactDueAt: dueAt,
      withinBusinessDays: 2,
      inquiryId: 'inq_1',
    });
    expect(routed.text).toContain('（受付から2営業日以内）');
    const visit = renderMail('VISIT_RECORDED', {
      company: '株式会社サンプル',
      salesRepName: '高橋',
      endedAt: '2026-12-01T01:00:00.000Z',
      outcome: 'REQUEST_LIKELY',
      late: false,
      dueAt,
      withinHours: 48,
      visitId: 'vis_1',
    });
    expect(visit.text).toContain('（訪問終了から48時間以内）');
    const delayed = renderMail('CONTRACT_EXECUTION_DELAYED', {
      company: '株式会社サンプル',
      applicantName: '東京 太郎',
      dueAt,
      withinBusinessDays: 15,
      applicationId: 'app_1',
    });
    expect(delayed.text).toContain('申請から15営業日の期限（2026年12月15日(火) 23:59）');
    const terms = renderMail('INDIVIDUAL_CONTRACT_TERMS_OVERDUE', {
      company: '株式会社サンプル',
      department: 'SALES_TOKYO',
      requestedByName: '高橋',
      dueAt,
      withinDays: 3,
      missing: ['業務内容'],
      individualContractId: 'ic_1',
    });
    expect(terms.text).toContain('期限（2026年12月15日(火) 23:59、依頼から3日以内）');
  });

  it('leave a rule out rather than state a wrong one', () => {
    const delayed = renderMail('CONTRACT_EXECUTION_DELAYED', {
      company: '株式会社サンプル',
      applicantName: '東京 太郎',
      dueAt,
      applicationId: 'app_1',
    });
    expect(delayed.text).toContain('が、期限（2026年12月15日(火) 23:59）を過ぎても');
    expect(delayed.text).not.toContain('営業日');
  });
});
