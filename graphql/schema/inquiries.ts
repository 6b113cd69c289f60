/** Inquiries (人材問い合わせ): intake, routing, first contact, hearing judgment. A1-1 … A1-4. */
import type { Actor } from '../../core/access.js';
import {
  type FirstContact,
  firstContactStatus,
  type HearingJudgment,
  type Inquiry,
} from '../../core/inquiries/inquiry.js';
import { getInquiry, listInquiries } from '../../core/inquiries/inquiry-queries.js';
import { recordFirstContact } from '../../core/inquiries/record-first-contact.js';
import { recordHearingJudgment } from '../../core/inquiries/record-hearing-judgment.js';
import { recordPhoneInquiry } from '../../core/inquiries/record-phone-inquiry.js';
import { routeInquiry } from '../../core/inquiries/route-inquiry.js';
import { builder } from '../builder.js';
import {
  ClientMatchEnum,
  DeadlineStatusEnum,
  DispatchabilityEnum,
  InquiryChannelEnum,
  InquiryStatusEnum,
} from './enums.js';
import { MUTATION_ERRORS, QUERY_ERRORS } from './errors.js';
import { forwardPage, toConnection, withoutNulls } from './helpers.js';
import { ClientRef, InquiryRef } from './refs.js';

const FirstContactRef = builder
  .objectRef<{ fc: FirstContact; inquiry: Inquiry }>('FirstContactDeadline')
  .implement({
    description: 'A1-2: a web inquiry is contacted by sales within 1 business day (営業日) of receipt.',
    fields: (t) => ({
      dueAt: t.field({ type: 'DateTime', resolve: ({ fc }) => fc.dueAt }),
      status: t.field({
        type: DeadlineStatusEnum,
        resolve: ({ inquiry }, _args, ctx) => firstContactStatus(inquiry, ctx.deps.clock.now()) ?? 'ON_TIME',
      }),
      contactedAt: t.field({ type: 'DateTime', nullable: true, resolve: ({ fc }) => fc.contactedAt }),
      contactedBy: t.string({ nullable: true, resolve: ({ fc }) => fc.contactedBy }),
      note: t.string({ nullable: true, resolve: ({ fc }) => fc.note }),
      escalatedAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'When the owning department’s managers were told the deadline was missed.',
        resolve: ({ fc }) => fc.escalatedAt,
      }),
    }),
  });

const HearingJudgmentRef = builder.objectRef<HearingJudgment>('HearingJudgment').implement({
  description: 'A1-4: whether the work can be handled as worker dispatch (派遣対応可否).',
  fields: (t) => ({
    result: t.expose('result', { type: DispatchabilityEnum }),
    reason: t.exposeString('reason', { nullable: true }),
    judgedBy: t.exposeString('judgedBy'),
    judgedAt: t.expose('judgedAt', { type: 'DateTime' }),
  }),
});

InquiryRef.implement({
  description: 'A staffing inquiry (人材問い合わせ) from the website or by phone.',
  authScopes: { permission: 'inquiry.read' },
  fields: (t) => ({
    id: t.exposeID('inquiryId'),
    channel: t.expose('channel', { type: InquiryChannelEnum }),
    status: t.expose('status', { type: InquiryStatusEnum }),
    department: t.exposeString('department', {
      nullable: true,
      description: 'The sales department (営業部) handling it.',
    }),
    company: t.exposeString('company'),
    contactName: t.exposeString('contactName'),
    contactDepartment: t.exposeString('contactDepartment', { nullable: true }),
    phone: t.exposeString('phone', { nullable: true }),
    email: t.exposeString('email', { nullable: true }),
    message: t.exposeString('message', { nullable: true }),
    requestedJobCategory: t.exposeString('requestedJobCategory', { nullable: true }),
    requestedStart: t.exposeString('requestedStart', { nullable: true }),
    receivedAt: t.expose('receivedAt', { type: 'DateTime' }),
    takenBy: t.exposeString('takenBy', {
      nullable: true,
      description: 'Phone inquiries: who took the call.',
    }),
    routedBy: t.exposeString('routedBy', { nullable: true }),
    routedAt: t.field({ type: 'DateTime', nullable: true, resolve: (i) => i.routedAt }),
    clientMatch: t.expose('clientMatch', { type: ClientMatchEnum }),
    client: t.field({
      type: ClientRef,
      nullable: true,
      description: 'Null when the client belongs to a department you do not see.',
      resolve: (i, _args, ctx) => ctx.loaders.client.load(i.clientId),
    }),
    firstContact: t.field({
      type: FirstContactRef,
      nullable: true,
      description: 'Web inquiries only; a phone inquiry is contacted by the call itself.',
      resolve: (inquiry) => (inquiry.firstContact ? { fc: inquiry.firstContact, inquiry } : undefined),
    }),
    hearingJudgment: t.expose('hearingJudgment', { type: HearingJudgmentRef, nullable: true }),
    version: t.exposeInt('version', { description: 'Pass back as expectedVersion when changing it.' }),
  }),
});

const InquiryFilter = builder.inputType('InquiryFilter', {
  fields: (t) => ({
    status: t.field({ type: InquiryStatusEnum }),
    department: t.string({ description: 'Sales and managers may only give their own.' }),
    overdue: t.boolean({ description: 'Only web inquiries whose first contact is overdue now.' }),
  }),
});

builder.queryFields((t) => ({
  inquiry: t.field({
    type: InquiryRef,
    authScopes: { permission: 'inquiry.read' },
    errors: { types: QUERY_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => getInquiry(ctx.deps, ctx.actor as Actor, String(id)),
  }),
  inquiries: t.connection({
    type: InquiryRef,
    description: 'Newest first; with overdue: true, the soonest-due first.',
    authScopes: { permission: 'inquiry.read' },
    args: { filter: t.arg({ type: InquiryFilter }) },
    resolve: async (_root, args, ctx) => {
      const page = await listInquiries(
        ctx.deps,
        ctx.actor as Actor,
        withoutNulls(args.filter ?? {}),
        forwardPage(args),
      );
      return toConnection(page);
    },
  }),
}));

const HearingJudgmentInput = builder.inputType('HearingJudgmentInput', {
  fields: (t) => ({
    result: t.field({ type: DispatchabilityEnum, required: true }),
    reason: t.string({ description: 'Required when NOT_DISPATCHABLE.' }),
  }),
});

const PhoneInquiryInput = builder.inputType('RecordPhoneInquiryInput', {
  fields: (t) => ({
    company: t.string({ required: true }),
    contactName: t.string({ required: true }),
    contactDepartment: t.string(),
    phone: t.string({ description: 'A phone number or an e-mail address is required.' }),
    email: t.string(),
    message: t.string(),
    requestedJobCategory: t.string(),
    requestedStart: t.string(),
    corporateNumber: t.string({ description: '法人番号 (13 digits), a matching key when known.' }),
    department: t.string({ description: 'The sales department to share it with; yours when absent.' }),
    hearingJudgment: t.field({ type: HearingJudgmentInput }),
  }),
});

const RouteInquiryInput = builder.inputType('RouteInquiryInput', {
  fields: (t) => ({
    inquiryId: t.id({ required: true }),
    department: t.string({ required: true }),
    expectedVersion: t.int(),
    hearingJudgment: t.field({ type: HearingJudgmentInput }),
  }),
});

const RecordFirstContactInput = builder.inputType('RecordFirstContactInput', {
  fields: (t) => ({
    inquiryId: t.id({ required: true }),
    contactedAt: t.field({ type: 'DateTime', description: 'When the contact happened; now when absent.' }),
    note: t.string(),
    expectedVersion: t.int(),
    hearingJudgment: t.field({ type: HearingJudgmentInput }),
  }),
});

const RecordHearingJudgmentInput = builder.inputType('RecordHearingJudgmentInput', {
  fields: (t) => ({
    inquiryId: t.id({ required: true }),
    judgment: t.field({ type: HearingJudgmentInput, required: true }),
    expectedVersion: t.int(),
  }),
});

builder.mutationFields((t) => ({
  recordPhoneInquiry: t.field({
    type: InquiryRef,
    description: 'Sales: take a phone inquiry (電話受付), routed to a sales department at intake (A1-3).',
    authScopes: { permission: 'inquiry.recordPhone' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: PhoneInquiryInput, required: true }) },
    resolve: (_root, { input }, ctx) => recordPhoneInquiry(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  routeInquiry: t.field({
    type: InquiryRef,
    description: 'Marketing: route a web inquiry to a sales department (A1-1).',
    authScopes: { permission: 'inquiry.route' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RouteInquiryInput, required: true }) },
    resolve: (_root, { input }, ctx) => routeInquiry(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  recordFirstContact: t.field({
    type: InquiryRef,
    description: 'Sales: record the first contact with a web inquiry (A1-2).',
    authScopes: { permission: 'inquiry.recordFirstContact' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordFirstContactInput, required: true }) },
    resolve: (_root, { input }, ctx) => recordFirstContact(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  recordHearingJudgment: t.field({
    type: InquiryRef,
    description: 'Sales or marketing: record or revise the hearing-sheet judgment (A1-4).',
    authScopes: { permission: 'inquiry.recordHearingJudgment' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordHearingJudgmentInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      recordHearingJudgment(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
}));
