/** Enums named as in the glossary, with the agency's Japanese terms in their descriptions. */
import { ROLES } from '../../core/access.js';
import { DEADLINE_STATUSES } from '../../core/business-days.js';
import { CLIENT_STAGES } from '../../core/clients/client.js';
import {
  CLIENT_MATCHES,
  DISPATCHABILITY,
  INQUIRY_CHANNELS,
  INQUIRY_STATUSES,
} from '../../core/inquiries/inquiry.js';
import { builder } from '../builder.js';

export const RoleEnum = builder.enumType('Role', {
  description:
    'Roles: 営業 SALES, マネージャー以上 MANAGER, 取締役 DIRECTOR, 法務 LEGAL, マーケティング部 MARKETING, ADMIN (operations).',
  values: ROLES,
});

export const InquiryChannelEnum = builder.enumType('InquiryChannel', {
  description: 'WEB: 自社HP問い合わせ (website form); PHONE: 電話受付.',
  values: INQUIRY_CHANNELS,
});

export const InquiryStatusEnum = builder.enumType('InquiryStatus', {
  description:
    'NEW: waiting for marketing to route it (未振分); ROUTED: with a sales department; CONTACTED: first contact made (一次対応済).',
  values: INQUIRY_STATUSES,
});

export const DispatchabilityEnum = builder.enumType('Dispatchability', {
  description:
    'Hearing-sheet judgment (オーダーヒアリングシート): DISPATCHABLE 派遣対応可, NOT_DISPATCHABLE 派遣対応不可 (reason given), RECONFIRM_AT_VISIT 訪問時に再確認.',
  values: DISPATCHABILITY,
});

export const ClientMatchEnum = builder.enumType('ClientMatch', {
  description:
    'How intake linked the inquiry: EXISTING_CLIENT (name and a second key matched), NEW_PROSPECT, POSSIBLE_DUPLICATE (name-only match: a person decides).',
  values: CLIENT_MATCHES,
});

export const ClientStageEnum = builder.enumType('ClientStage', {
  description: '顧客ステージ, docs/policy.md "Client stages".',
  values: CLIENT_STAGES,
});

export const DeadlineStatusEnum = builder.enumType('DeadlineStatus', {
  description: 'ON_TIME / OVERDUE while open; MET / MET_LATE once met (late is recorded, not erased).',
  values: DEADLINE_STATUSES,
});
