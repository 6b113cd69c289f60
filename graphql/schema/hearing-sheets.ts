/** The hearing sheet (オーダーヒアリングシート) and the client ledger's facts. A1-6, A3-4, A3-5, A7-2, A7-5. */
import type { Actor } from '../../core/access.js';
import {
  clientLedgerFacts,
  hearingSheetsOfClient,
  type LedgerFact,
} from '../../core/hearing-sheets/client-facts.js';
import {
  type CompletenessReport,
  completenessOf,
  HEARING_ITEMS,
  type HearingItem,
  type HearingItems,
  type HearingSheet,
  hearingSheetIdOf,
  type ItemSource,
} from '../../core/hearing-sheets/hearing-sheet.js';
import { saveHearingSheet } from '../../core/hearing-sheets/save-hearing-sheet.js';
import { builder } from '../builder.js';
import { MUTATION_ERRORS } from './errors.js';
import { withoutNulls } from './helpers.js';
import { ClientRef, InquiryRef } from './refs.js';

const HearingItemEnum = builder.enumType('HearingItem', {
  description: 'One item of the hearing sheet (A1-6, A7-2).',
  values: HEARING_ITEMS,
});
const HazardRatingEnum = builder.enumType('HazardRating', {
  description: '業務の危険度',
  values: ['LOW', 'MEDIUM', 'HIGH'] as const,
});
const BillingUnitEnum = builder.enumType('BillingUnit', { values: ['HOUR', 'DAY', 'MONTH'] as const });

type Overtime = NonNullable<HearingItems['overtime']>;
type BillingRate = NonNullable<HearingItems['billingRate']>;
type Provided = { yes: boolean; details?: string | undefined };

const OvertimeRef = builder.objectRef<Overtime>('Overtime').implement({
  description: '残業の有無と見込み時間（月）',
  fields: (t) => ({
    expected: t.exposeBoolean('expected'),
    hoursPerMonth: t.exposeFloat('hoursPerMonth', { nullable: true }),
  }),
});
const BillingRateRef = builder.objectRef<BillingRate>('BillingRate').implement({
  description: '請求単価',
  fields: (t) => ({ amountYen: t.exposeInt('amountYen'), unit: t.expose('unit', { type: BillingUnitEnum }) }),
});
const ProvidedRef = builder.objectRef<Provided>('YesNoWithDetails').implement({
  fields: (t) => ({ yes: t.exposeBoolean('yes'), details: t.exposeString('details', { nullable: true }) }),
});

const HearingItemsRef = builder.objectRef<Partial<HearingItems>>('HearingItems').implement({
  description: 'Every item of the hearing sheet; null = not heard yet.',
  fields: (t) => ({
    jobCategory: t.exposeString('jobCategory', { nullable: true, description: '職種' }),
    hazardousWork: t.exposeBoolean('hazardousWork', { nullable: true, description: '危険業務の有無' }),
    requiredQualifications: t.exposeString('requiredQualifications', {
      nullable: true,
      description: '必要資格',
    }),
    workLocation: t.exposeString('workLocation', { nullable: true, description: '就業場所' }),
    timeBand: t.exposeString('timeBand', { nullable: true, description: '時間帯' }),
    overtime: t.expose('overtime', { type: OvertimeRef, nullable: true }),
    dispatchPeriod: t.exposeString('dispatchPeriod', { nullable: true, description: '派遣期間' }),
    acceptanceSetup: t.exposeString('acceptanceSetup', { nullable: true, description: '受け入れ体制' }),
    workingHours: t.exposeString('workingHours', { nullable: true, description: '就業時間（休憩）' }),
    workingDays: t.exposeString('workingDays', { nullable: true, description: '就業日' }),
    welfare: t.exposeString('welfare', { nullable: true, description: '福利厚生' }),
    healthAndSafety: t.exposeString('healthAndSafety', { nullable: true, description: '安全衛生' }),
    recruitmentBackground: t.exposeString('recruitmentBackground', {
      nullable: true,
      description: '募集背景',
    }),
    jobContent: t.exposeString('jobContent', { nullable: true, description: '業務内容' }),
    requiredSkills: t.exposeString('requiredSkills', { nullable: true, description: '必要スキル' }),
    departmentAndFollowUp: t.exposeString('departmentAndFollowUp', {
      nullable: true,
      description: '配属部署・フォロー体制',
    }),
    startDate: t.exposeString('startDate', { nullable: true, description: '開始日 (YYYY-MM-DD)' }),
    billingRate: t.expose('billingRate', { type: BillingRateRef, nullable: true }),
    siteEnvironment: t.exposeString('siteEnvironment', { nullable: true, description: '職場環境・ルール' }),
    safetyTraining: t.field({
      type: ProvidedRef,
      nullable: true,
      description: '安全対策・教育の有無',
      resolve: (i) =>
        i.safetyTraining ? { yes: i.safetyTraining.provided, details: i.safetyTraining.details } : null,
    }),
    hazardRating: t.expose('hazardRating', { type: HazardRatingEnum, nullable: true }),
    confidentialInformation: t.field({
      type: ProvidedRef,
      nullable: true,
      description: '機密情報の取り扱い有無',
      resolve: (i) =>
        i.confidentialInformation
          ? { yes: i.confidentialInformation.handled, details: i.confidentialInformation.details }
          : null,
    }),
  }),
});

const ItemSourceRef = builder
  .objectRef<ItemSource & { item: HearingItem; hearingSheetId?: string; inquiryId?: string }>(
    'HearingItemSource',
  )
  .implement({
    description: 'Where an item came from: the hearing (e.g. by phone) or a visit; who and when.',
    fields: (t) => ({
      item: t.expose('item', { type: HearingItemEnum }),
      via: t.exposeString('via', { description: 'HEARING or VISIT' }),
      visitId: t.exposeString('visitId', { nullable: true }),
      by: t.exposeString('by'),
      at: t.expose('at', { type: 'DateTime' }),
      hearingSheetId: t.exposeString('hearingSheetId', { nullable: true }),
      inquiryId: t.exposeString('inquiryId', { nullable: true }),
    }),
  });

const CompletenessRef = builder.objectRef<CompletenessReport>('HearingCompleteness').implement({
  description: 'What is still missing from the hearing sheet.',
  fields: (t) => ({
    complete: t.exposeBoolean('complete'),
    missing: t.field({ type: [HearingItemEnum], resolve: (r) => r.missing }),
    missingForFirstContact: t.field({
      type: [HearingItemEnum],
      description: 'A1-6 items not yet heard.',
      resolve: (r) => r.missingForFirstContact,
    }),
    missingForOrder: t.field({
      type: [HearingItemEnum],
      description: 'A7-2 items an order still needs.',
      resolve: (r) => r.missingForOrder,
    }),
  }),
});

const HearingSheetRef = builder.objectRef<HearingSheet>('HearingSheet').implement({
  description: 'オーダーヒアリングシート: one per request (inquiry), saved in parts.',
  authScopes: { permission: 'client.read' },
  fields: (t) => ({
    id: t.exposeID('hearingSheetId'),
    inquiryId: t.exposeString('inquiryId'),
    items: t.expose('items', { type: HearingItemsRef }),
    sources: t.field({
      type: [ItemSourceRef],
      resolve: (s) =>
        (Object.entries(s.sources) as [HearingItem, ItemSource][]).map(([item, source]) => ({
          item,
          ...source,
        })),
    }),
    completeness: t.field({ type: CompletenessRef, resolve: (s) => completenessOf(s) }),
    version: t.exposeInt('version', { description: 'Pass back as expectedVersion when saving.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const LedgerFactRef = builder.objectRef<LedgerFact>('LedgerFact').implement({
  description: 'A3-5 / A7-5: the latest value of a fact about the work at the client, with its source.',
  fields: (t) => ({
    item: t.expose('item', { type: HearingItemEnum }),
    value: t.expose('value', { type: 'JSON' }),
    source: t.field({ type: ItemSourceRef, resolve: (f) => ({ item: f.item, ...f.source }) }),
  }),
});

const OvertimeInput = builder.inputType('OvertimeInput', {
  fields: (t) => ({ expected: t.boolean({ required: true }), hoursPerMonth: t.float() }),
});
const BillingRateInput = builder.inputType('BillingRateInput', {
  fields: (t) => ({
    amountYen: t.int({ required: true }),
    unit: t.field({ type: BillingUnitEnum, required: true }),
  }),
});
const SafetyTrainingInput = builder.inputType('SafetyTrainingInput', {
  fields: (t) => ({ provided: t.boolean({ required: true }), details: t.string() }),
});
const ConfidentialInformationInput = builder.inputType('ConfidentialInformationInput', {
  fields: (t) => ({ handled: t.boolean({ required: true }), details: t.string() }),
});

export const HearingItemsInput = builder.inputType('HearingItemsInput', {
  description: 'Any subset of the items; those given replace what is stored.',
  fields: (t) => ({
    jobCategory: t.string(),
    hazardousWork: t.boolean(),
    requiredQualifications: t.string(),
    workLocation: t.string(),
    timeBand: t.string(),
    overtime: t.field({ type: OvertimeInput }),
    dispatchPeriod: t.string(),
    acceptanceSetup: t.string(),
    workingHours: t.string(),
    workingDays: t.string(),
    welfare: t.string(),
    healthAndSafety: t.string(),
    recruitmentBackground: t.string(),
    jobContent: t.string(),
    requiredSkills: t.string(),
    departmentAndFollowUp: t.string(),
    startDate: t.string({ description: 'YYYY-MM-DD' }),
    billingRate: t.field({ type: BillingRateInput }),
    siteEnvironment: t.string(),
    safetyTraining: t.field({ type: SafetyTrainingInput }),
    hazardRating: t.field({ type: HazardRatingEnum }),
    confidentialInformation: t.field({ type: ConfidentialInformationInput }),
  }),
});

const SaveHearingSheetInput = builder.inputType('SaveHearingSheetInput', {
  fields: (t) => ({
    inquiryId: t.id({ required: true }),
    items: t.field({ type: HearingItemsInput, required: true }),
    expectedVersion: t.int(),
  }),
});

builder.mutationField('saveHearingSheet', (t) =>
  t.field({
    type: HearingSheetRef,
    description: 'Sales: save hearing-sheet items for a request, in parts (A1-6, A7-2).',
    authScopes: { permission: 'hearingSheet.save' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: SaveHearingSheetInput, required: true }) },
    resolve: (_root, { input }, ctx) => saveHearingSheet(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
);

builder.objectField(InquiryRef, 'hearingSheet', (t) =>
  t.field({
    type: HearingSheetRef,
    nullable: true,
    description: 'The request’s hearing sheet, once anything has been saved on it.',
    resolve: async (inquiry, _args, ctx) =>
      (await ctx.deps.ledger.getHearingSheet(hearingSheetIdOf(inquiry.inquiryId))) ?? null,
  }),
);

builder.objectField(ClientRef, 'hearingSheets', (t) =>
  t.field({
    type: [HearingSheetRef],
    resolve: (client, _args, ctx) => hearingSheetsOfClient(ctx.deps, ctx.actor as Actor, client.clientId),
  }),
);

builder.objectField(ClientRef, 'ledgerFacts', (t) =>
  t.field({
    type: [LedgerFactRef],
    description:
      'A3-5 / A7-5: latest job content, working conditions, welfare and health & safety, with where each came from.',
    resolve: (client, _args, ctx) => clientLedgerFacts(ctx.deps, ctx.actor as Actor, client.clientId),
  }),
);
