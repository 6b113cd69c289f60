/** Sales visits (営業訪問): plan, pre-visit checklist, record, attachments. A2-3, A3-1 … A3-6, A6-1, A6-2. */
import type { Actor } from '../../core/access.js';
import { deadlineStatus } from '../../core/business-days.js';
import type { UploadGrant } from '../../core/documents/document-store.js';
import { cancelVisit, rescheduleVisit } from '../../core/visits/change-visit-plan.js';
import { confirmPreVisitChecklist } from '../../core/visits/confirm-pre-visit-checklist.js';
import { planVisit } from '../../core/visits/plan-visit.js';
import { type RecordVisitResult, recordVisit } from '../../core/visits/record-visit.js';
import {
  ATTACHMENT_KINDS,
  CHECKLIST_ITEM_IDS,
  type ChecklistConfirmation,
  DISPATCH_EXPLANATION_TOPICS,
  DISPATCH_TOPIC_IDS,
  type DispatchExplanation,
  missingChecklistItems,
  PRE_VISIT_CHECKLIST_ITEMS,
  PROHIBITED_WORK_CATEGORIES,
  PROHIBITED_WORK_IDS,
  VISIT_OUTCOMES,
  VISIT_STATUSES,
  type Visit,
  type VisitAttachment,
  type VisitRecord,
  type VisitRecordDeadline,
  type WorkJudgment,
} from '../../core/visits/visit.js';
import {
  type AttachmentUpload,
  attachmentDownloadUrl,
  confirmVisitAttachment,
  requestVisitAttachmentUpload,
} from '../../core/visits/visit-attachments.js';
import { getVisit, visitsOfClient } from '../../core/visits/visit-queries.js';
import { builder } from '../builder.js';
import { DeadlineStatusEnum } from './enums.js';
import { MUTATION_ERRORS, QUERY_ERRORS } from './errors.js';
import { HearingItemsInput } from './hearing-sheets.js';
import { withoutNulls } from './helpers.js';
import { ApplicationRef, ClientRef } from './refs.js';

const describe = <K extends string>(ids: readonly K[], labels: Record<K, string>) =>
  Object.fromEntries(ids.map((id) => [id, { description: labels[id] }])) as Record<
    K,
    { description: string }
  >;

const ChecklistItemEnum = builder.enumType('PreVisitChecklistItem', {
  description: '訪問前準備 / 質問項目リスト (A2-3)',
  values: describe(CHECKLIST_ITEM_IDS, PRE_VISIT_CHECKLIST_ITEMS),
});
const ProhibitedWorkEnum = builder.enumType('ProhibitedWorkCategory', {
  description: '派遣禁止業務 (Worker Dispatch Act art. 4)',
  values: describe(PROHIBITED_WORK_IDS, PROHIBITED_WORK_CATEGORIES),
});
const DispatchTopicEnum = builder.enumType('DispatchExplanationTopic', {
  description: 'A6-2: what the client is told about how dispatch works.',
  values: describe(DISPATCH_TOPIC_IDS, DISPATCH_EXPLANATION_TOPICS),
});
const VisitStatusEnum = builder.enumType('VisitStatus', {
  description: 'PLANNED → PREPARED (checklist confirmed) → RECORDED; or CANCELLED with a reason.',
  values: VISIT_STATUSES,
});
const VisitOutcomeEnum = builder.enumType('VisitOutcome', { values: VISIT_OUTCOMES });
const WorkJudgmentResultEnum = builder.enumType('WorkJudgmentResult', {
  description: '派遣可否: PERMITTED, or PROHIBITED (rejected with the category’s reason).',
  values: ['PERMITTED', 'PROHIBITED'] as const,
});
const ExplanationMediumEnum = builder.enumType('ExplanationMedium', {
  description: 'WRITTEN 書面 / ON_SCREEN 画面',
  values: ['WRITTEN', 'ON_SCREEN'] as const,
});
const AttachmentKindEnum = builder.enumType('VisitAttachmentKind', {
  description: 'SITE_PHOTO 現場写真 (JPEG, PNG, HEIC, WebP) / DRAWING 図面 (PDF, PNG, JPEG); at most 20 MB.',
  values: ATTACHMENT_KINDS,
});

const ChecklistRef = builder.objectRef<ChecklistConfirmation>('PreVisitChecklistConfirmation').implement({
  fields: (t) => ({
    item: t.expose('item', { type: ChecklistItemEnum }),
    note: t.exposeString('note'),
    confirmedBy: t.exposeString('confirmedBy'),
    confirmedAt: t.expose('confirmedAt', { type: 'DateTime' }),
  }),
});

const WorkJudgmentRef = builder.objectRef<WorkJudgment>('WorkJudgment').implement({
  description: 'A3-3: may the work be dispatched under the Worker Dispatch Act and labour laws?',
  fields: (t) => ({
    result: t.expose('result', { type: WorkJudgmentResultEnum }),
    prohibitedCategory: t.expose('prohibitedCategory', { type: ProhibitedWorkEnum, nullable: true }),
    reason: t.exposeString('reason', { nullable: true }),
  }),
});

const DispatchExplanationRef = builder.objectRef<DispatchExplanation>('DispatchExplanation').implement({
  description: 'A6-2: how dispatch works was explained and acknowledged.',
  fields: (t) => ({
    topics: t.field({ type: [DispatchTopicEnum], resolve: (d) => d.topics }),
    how: t.expose('how', { type: ExplanationMediumEnum }),
    acknowledgedAt: t.expose('acknowledgedAt', { type: 'DateTime' }),
    acknowledgedByRole: t.exposeString('acknowledgedByRole'),
  }),
});

const ExplainedRef = builder.objectRef<VisitRecord['explained']>('VisitExplanations').implement({
  description: 'A3-2: what the agency explained (会社概要・登録者・実績).',
  fields: (t) => ({
    company: t.exposeBoolean('company'),
    registrants: t.exposeBoolean('registrants'),
    trackRecord: t.exposeBoolean('trackRecord'),
  }),
});

const VisitRecordRef = builder.objectRef<VisitRecord>('VisitRecord').implement({
  description: '訪問記録',
  fields: (t) => ({
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    endedAt: t.expose('endedAt', { type: 'DateTime' }),
    explained: t.expose('explained', { type: ExplainedRef }),
    recruitmentBackground: t.exposeString('recruitmentBackground', { description: '募集背景' }),
    hrIssues: t.exposeString('hrIssues', { description: '人事課題' }),
    dispatchExplanation: t.expose('dispatchExplanation', { type: DispatchExplanationRef }),
    workJudgment: t.expose('workJudgment', { type: WorkJudgmentRef }),
    outcome: t.expose('outcome', { type: VisitOutcomeEnum }),
    notes: t.exposeString('notes', { nullable: true }),
    recordedBy: t.exposeString('recordedBy'),
    recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
  }),
});

const VisitDeadlineRef = builder.objectRef<VisitRecordDeadline>('VisitRecordDeadline').implement({
  description: 'A3-6: the record is due 24 hours after the visit ended (the planned end until recorded).',
  fields: (t) => ({
    dueAt: t.expose('dueAt', { type: 'DateTime' }),
    basis: t.exposeString('basis', { description: 'PLANNED_END until recorded, then VISIT_END.' }),
    status: t.field({
      type: DeadlineStatusEnum,
      resolve: (d, _args, ctx) =>
        deadlineStatus(
          new Date(d.dueAt),
          d.recordedAt ? new Date(d.recordedAt) : undefined,
          ctx.deps.clock.now(),
        ),
    }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime', nullable: true }),
    late: t.exposeBoolean('late', {
      nullable: true,
      description: 'Recorded after the deadline (flagged, not erased).',
    }),
    escalatedAt: t.expose('escalatedAt', { type: 'DateTime', nullable: true }),
  }),
});

const AttachmentRef = builder
  .objectRef<{ visit: Visit; attachment: VisitAttachment }>('VisitAttachment')
  .implement({
    description: 'A site photo or drawing kept with the visit.',
    fields: (t) => ({
      id: t.field({ type: 'ID', resolve: ({ attachment }) => attachment.attachmentId }),
      kind: t.field({ type: AttachmentKindEnum, resolve: ({ attachment }) => attachment.kind }),
      fileName: t.string({ resolve: ({ attachment }) => attachment.fileName }),
      contentType: t.string({ resolve: ({ attachment }) => attachment.contentType }),
      size: t.int({ resolve: ({ attachment }) => attachment.size }),
      state: t.string({
        description: 'AWAITING_UPLOAD until confirmVisitAttachment checks the upload; then STORED.',
        resolve: ({ attachment }) => attachment.state,
      }),
      storedAt: t.field({
        type: 'DateTime',
        nullable: true,
        resolve: ({ attachment }) => attachment.storedAt,
      }),
      downloadUrl: t.string({
        nullable: true,
        description: 'A link valid for 5 minutes (stored attachments only).',
        resolve: ({ visit, attachment }, _args, ctx) =>
          attachmentDownloadUrl(ctx.deps, ctx.actor as Actor, visit, attachment),
      }),
    }),
  });

export const VisitRef = builder.objectRef<Visit>('Visit').implement({
  description: '営業訪問 and its record (訪問記録).',
  authScopes: { permission: 'client.read' },
  fields: (t) => ({
    id: t.exposeID('visitId'),
    clientId: t.exposeString('clientId'),
    inquiryId: t.exposeString('inquiryId', {
      description: 'The request whose hearing sheet is completed at the visit.',
    }),
    salesRepId: t.exposeString('salesRepId'),
    plannedStartAt: t.expose('plannedStartAt', { type: 'DateTime' }),
    plannedEndAt: t.expose('plannedEndAt', { type: 'DateTime' }),
    status: t.expose('status', { type: VisitStatusEnum }),
    checklist: t.expose('checklist', { type: [ChecklistRef] }),
    missingChecklistItems: t.field({ type: [ChecklistItemEnum], resolve: (v) => missingChecklistItems(v) }),
    record: t.expose('record', { type: VisitRecordRef, nullable: true }),
    recordDeadline: t.expose('recordDeadline', { type: VisitDeadlineRef }),
    attachments: t.field({
      type: [AttachmentRef],
      resolve: (visit) => visit.attachments.map((attachment) => ({ visit, attachment })),
    }),
    draftApplicationId: t.exposeString('draftApplicationId', { nullable: true }),
    cancellationReason: t.string({ nullable: true, resolve: (v) => v.cancellation?.reason }),
    version: t.exposeInt('version', { description: 'Pass back as expectedVersion when changing it.' }),
  }),
});

export const UploadGrantRef = builder.objectRef<UploadGrant>('UploadGrant').implement({
  description: 'PUT the file’s bytes to url with exactly these headers before expiresAt.',
  fields: (t) => ({
    url: t.exposeString('url'),
    method: t.exposeString('method'),
    headers: t.expose('headers', { type: 'JSON' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
  }),
});

const AttachmentUploadRef = builder.objectRef<AttachmentUpload>('VisitAttachmentUpload').implement({
  fields: (t) => ({
    visit: t.expose('visit', { type: VisitRef }),
    attachment: t.field({
      type: AttachmentRef,
      resolve: (u) => ({ visit: u.visit, attachment: u.attachment }),
    }),
    upload: t.expose('upload', { type: UploadGrantRef }),
  }),
});

const RecordVisitPayload = builder.objectRef<RecordVisitResult>('RecordVisitPayload').implement({
  fields: (t) => ({
    visit: t.expose('visit', { type: VisitRef }),
    draftApplication: t.expose('draftApplication', { type: ApplicationRef, nullable: true }),
  }),
});

builder.objectFields(ClientRef, (t) => ({
  visits: t.field({
    type: [VisitRef],
    description: 'Newest planned first.',
    resolve: (c, _args, ctx) => visitsOfClient(ctx.deps, ctx.actor as Actor, c.clientId),
  }),
}));

builder.queryField('visit', (t) =>
  t.field({
    type: VisitRef,
    authScopes: { permission: 'client.read' },
    errors: { types: QUERY_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => getVisit(ctx.deps, ctx.actor as Actor, String(id)),
  }),
);

const PlanVisitInput = builder.inputType('PlanVisitInput', {
  fields: (t) => ({
    clientId: t.id({ required: true }),
    inquiryId: t.id({ description: 'The request the visit is about; the client’s latest when absent.' }),
    plannedStartAt: t.field({ type: 'DateTime', required: true }),
    plannedEndAt: t.field({ type: 'DateTime', required: true }),
  }),
});

const ChecklistItemInput = builder.inputType('PreVisitChecklistItemInput', {
  fields: (t) => ({
    item: t.field({ type: ChecklistItemEnum, required: true }),
    note: t.string({ required: true }),
  }),
});

const ConfirmChecklistInput = builder.inputType('ConfirmPreVisitChecklistInput', {
  fields: (t) => ({
    visitId: t.id({ required: true }),
    items: t.field({ type: [ChecklistItemInput], required: true }),
    expectedVersion: t.int(),
  }),
});

const ExplainedInput = builder.inputType('VisitExplanationsInput', {
  fields: (t) => ({
    company: t.boolean({ required: true }),
    registrants: t.boolean({ required: true }),
    trackRecord: t.boolean({ required: true }),
  }),
});

const DispatchExplanationInput = builder.inputType('DispatchExplanationInput', {
  fields: (t) => ({
    topics: t.field({ type: [DispatchTopicEnum], required: true, description: 'All four (A6-2).' }),
    how: t.field({ type: ExplanationMediumEnum, required: true }),
    acknowledgedAt: t.field({ type: 'DateTime', required: true }),
    acknowledgedByRole: t.string({ required: true, description: 'e.g. 人事部長 (a role, not a name)' }),
  }),
});

const WorkJudgmentInput = builder.inputType('WorkJudgmentInput', {
  fields: (t) => ({
    result: t.field({ type: WorkJudgmentResultEnum, required: true }),
    prohibitedCategory: t.field({ type: ProhibitedWorkEnum, description: 'Required when PROHIBITED.' }),
    reason: t.string({ description: 'Defaults to the statutory reason of the category.' }),
  }),
});

const RecordVisitInput = builder.inputType('RecordVisitInput', {
  fields: (t) => ({
    visitId: t.id({ required: true }),
    startedAt: t.field({ type: 'DateTime', required: true }),
    endedAt: t.field({ type: 'DateTime', required: true }),
    explained: t.field({ type: ExplainedInput, required: true }),
    recruitmentBackground: t.string({ required: true }),
    hrIssues: t.string({ required: true }),
    dispatchExplanation: t.field({ type: DispatchExplanationInput, required: true }),
    workJudgment: t.field({ type: WorkJudgmentInput, required: true }),
    requestLikely: t.boolean({ required: true, description: 'A6-1: starts a draft credit pre-check.' }),
    hearingItems: t.field({ type: HearingItemsInput }),
    notes: t.string(),
    expectedVersion: t.int(),
  }),
});

const RequestUploadInput = builder.inputType('RequestVisitAttachmentUploadInput', {
  fields: (t) => ({
    visitId: t.id({ required: true }),
    kind: t.field({ type: AttachmentKindEnum, required: true }),
    fileName: t.string({ required: true }),
    contentType: t.string({ required: true }),
    size: t.int({ required: true, description: 'Bytes; at most 20 MB.' }),
  }),
});

const RescheduleVisitInput = builder.inputType('RescheduleVisitInput', {
  fields: (t) => ({
    visitId: t.id({ required: true }),
    plannedStartAt: t.field({ type: 'DateTime', required: true }),
    plannedEndAt: t.field({ type: 'DateTime', required: true }),
    expectedVersion: t.int(),
  }),
});

const CancelVisitInput = builder.inputType('CancelVisitInput', {
  fields: (t) => ({
    visitId: t.id({ required: true }),
    reason: t.string({ required: true }),
    expectedVersion: t.int(),
  }),
});

const ConfirmAttachmentInput = builder.inputType('ConfirmVisitAttachmentInput', {
  fields: (t) => ({ visitId: t.id({ required: true }), attachmentId: t.id({ required: true }) }),
});

builder.mutationFields((t) => ({
  planVisit: t.field({
    type: VisitRef,
    description: 'The client’s rep (or a manager): plan a visit (A3-1).',
    authScopes: { permission: 'visit.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: PlanVisitInput, required: true }) },
    resolve: (_root, { input }, ctx) => planVisit(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  rescheduleVisit: t.field({
    type: VisitRef,
    description: 'Move a planned visit; its record deadline moves with it unless already escalated.',
    authScopes: { permission: 'visit.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RescheduleVisitInput, required: true }) },
    resolve: (_root, { input }, ctx) => rescheduleVisit(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  cancelVisit: t.field({
    type: VisitRef,
    description: 'Call off a planned visit, with the reason; it leaves the open deadlines.',
    authScopes: { permission: 'visit.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CancelVisitInput, required: true }) },
    resolve: (_root, { input }, ctx) => cancelVisit(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  confirmPreVisitChecklist: t.field({
    type: VisitRef,
    description:
      'Confirm pre-visit checklist items, each with a note; all five make the visit PREPARED (A2-3).',
    authScopes: { permission: 'visit.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: ConfirmChecklistInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      confirmPreVisitChecklist(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  recordVisit: t.field({
    type: RecordVisitPayload,
    description: 'Record a prepared visit (A3-1 … A3-6): written to kintone, reported to the supervisor.',
    authScopes: { permission: 'visit.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordVisitInput, required: true }) },
    resolve: (_root, { input }, ctx) => recordVisit(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  requestVisitAttachmentUpload: t.field({
    type: AttachmentUploadRef,
    description: 'Get a pre-signed URL to upload a site photo or drawing (type and size checked first).',
    authScopes: { permission: 'visit.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RequestUploadInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      requestVisitAttachmentUpload(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  confirmVisitAttachment: t.field({
    type: VisitRef,
    description: 'After the upload: checks size and real file type, then keeps it with the visit.',
    authScopes: { permission: 'visit.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: ConfirmAttachmentInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      confirmVisitAttachment(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
}));
