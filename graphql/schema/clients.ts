/** The client ledger (顧客管理台帳) with its inquiries and audit trail. X-1. */
import type { Actor } from '../../core/access.js';
import type { AuditEvent, FieldChange } from '../../core/audit.js';
import { clientAuditTrail, getClient } from '../../core/clients/client-queries.js';
import { listClients } from '../../core/clients/list-clients.js';
import type { UploadGrant } from '../../core/documents/document-store.js';
import {
  extendConflictDate,
  recordConflictDateNotice,
} from '../../core/establishments/conflict-date-notice.js';
import {
  type ConflictDateExtension,
  type ConflictDateNotice,
  conflictDateInForce,
  HEARD_PARTIES,
  type OrganisationalUnit,
  type StoredLegalDocument,
} from '../../core/establishments/establishment.js';
import {
  LEGAL_DOCUMENT_PURPOSES,
  requestLegalDocumentUpload,
} from '../../core/establishments/legal-documents.js';
import {
  addEstablishment,
  addOrganisationalUnit,
  establishmentsOfClient,
  updateEstablishment,
  updateOrganisationalUnit,
} from '../../core/establishments/manage-establishments.js';
import { inquiriesOfClient } from '../../core/inquiries/inquiry-queries.js';
import { builder } from '../builder.js';
import { ClientStageEnum } from './enums.js';
import { MUTATION_ERRORS, QUERY_ERRORS } from './errors.js';
import { forwardPage, toConnection, withoutNulls } from './helpers.js';
import { ClientRef, EstablishmentRef, InquiryRef } from './refs.js';
import { UploadGrantRef } from './visits.js';

const FieldChangeRef = builder.objectRef<FieldChange>('FieldChange').implement({
  fields: (t) => ({
    field: t.exposeString('field'),
    before: t.expose('before', { type: 'JSON', nullable: true }),
    after: t.expose('after', { type: 'JSON', nullable: true }),
  }),
});

const AuditEventRef = builder.objectRef<AuditEvent>('AuditEvent').implement({
  description: 'One entry of the append-only audit trail (X-1): who, when, what, before/after.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    id: t.exposeID('eventId'),
    at: t.expose('at', { type: 'DateTime' }),
    actorKind: t.string({ resolve: (e) => e.actor.kind }),
    actorUserId: t.string({
      nullable: true,
      resolve: (e) => (e.actor.kind === 'USER' ? e.actor.userId : null),
    }),
    actorRole: t.string({ nullable: true, resolve: (e) => (e.actor.kind === 'USER' ? e.actor.role : null) }),
    actorSystem: t.string({
      nullable: true,
      resolve: (e) => (e.actor.kind === 'SYSTEM' ? e.actor.name : null),
    }),
    operation: t.exposeString('operation'),
    subjectType: t.exposeString('subjectType'),
    subjectId: t.exposeString('subjectId'),
    changes: t.expose('changes', { type: [FieldChangeRef] }),
  }),
});

ClientRef.implement({
  description: 'A client (派遣先 / 得意先) in the client ledger (顧客管理台帳).',
  authScopes: { permission: 'client.read' },
  fields: (t) => ({
    id: t.exposeID('clientId'),
    name: t.exposeString('name'),
    corporateNumber: t.exposeString('corporateNumber', { nullable: true, description: '法人番号' }),
    stage: t.expose('stage', { type: ClientStageEnum }),
    department: t.exposeString('department', { nullable: true }),
    salesRepId: t.exposeString('salesRepId', { nullable: true, description: '担当営業' }),
    possibleDuplicateOf: t.exposeStringList('possibleDuplicateOf', {
      description: 'Clients with the same normalised name but no second key in common: a person decides.',
    }),
    version: t.exposeInt('version'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    inquiries: t.field({
      type: [InquiryRef],
      resolve: (client, _args, ctx) => inquiriesOfClient(ctx.deps, ctx.actor as Actor, client.clientId),
    }),
    auditTrail: t.connection({
      type: AuditEventRef,
      description: 'Newest first: the client and everything recorded under it.',
      resolve: async (client, args, ctx) => {
        const page = await clientAuditTrail(ctx.deps, ctx.actor as Actor, client.clientId, forwardPage(args));
        return toConnection(page);
      },
    }),
  }),
});

const ClientFilter = builder.inputType('ClientFilter', {
  fields: (t) => ({
    stage: t.field({ type: ClientStageEnum }),
    department: t.string({ description: 'Sales and managers may only give their own.' }),
    salesRepId: t.string({ description: '担当営業' }),
    overdue: t.boolean({ description: 'Only clients with a first contact or visit record overdue now.' }),
  }),
});

builder.queryFields((t) => ({
  clients: t.connection({
    type: ClientRef,
    description: 'The client ledger, newest first (overdue: the longest overdue first).',
    authScopes: { permission: 'client.read' },
    args: { filter: t.arg({ type: ClientFilter }) },
    resolve: async (_root, args, ctx) =>
      toConnection(
        await listClients(ctx.deps, ctx.actor as Actor, withoutNulls(args.filter ?? {}), forwardPage(args)),
      ),
  }),
  client: t.field({
    type: ClientRef,
    authScopes: { permission: 'client.read' },
    errors: { types: QUERY_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => getClient(ctx.deps, ctx.actor as Actor, String(id)),
  }),
}));

// --- Establishments (事業所) and organisational units (組織単位), with the conflict-date notice (A5-3) ---

const OrganisationalUnitRef = builder.objectRef<OrganisationalUnit>('OrganisationalUnit').implement({
  description: '組織単位 (e.g. a 課): the unit of the 3-year individual limit.',
  fields: (t) => ({
    id: t.exposeID('organisationalUnitId'),
    name: t.exposeString('name'),
    head: t.exposeString('head', { nullable: true, description: '組織単位の長' }),
  }),
});

export const LegalDocumentRef = builder.objectRef<StoredLegalDocument>('LegalDocument').implement({
  description: 'A PDF the client gave (conflict-date notice, hearing record, treatment information).',
  fields: (t) => ({
    key: t.exposeString('key'),
    fileName: t.exposeString('fileName'),
    size: t.exposeInt('size'),
    storedAt: t.expose('storedAt', { type: 'DateTime' }),
  }),
});

const HeardPartyEnum = builder.enumType('HeardParty', {
  description: '意見聴取の相手: 過半数労働組合 (MAJORITY_UNION) or 過半数代表者 (MAJORITY_REPRESENTATIVE).',
  values: HEARD_PARTIES,
});

const HearingRef = builder.objectRef<ConflictDateExtension['hearing']>('ConflictDateHearing').implement({
  description: '意見聴取: who was heard, when, and what they said.',
  fields: (t) => ({
    heardParty: t.expose('heardParty', { type: HeardPartyEnum }),
    partyName: t.exposeString('partyName'),
    heardOn: t.exposeString('heardOn', { description: 'YYYY-MM-DD (JST)' }),
    opinion: t.exposeString('opinion'),
    record: t.expose('record', { type: LegalDocumentRef, nullable: true }),
  }),
});

const ExtensionRef = builder.objectRef<ConflictDateExtension>('ConflictDateExtension').implement({
  description: '抵触日の延長: the new date after hearing the union / majority representative.',
  fields: (t) => ({
    id: t.exposeID('extensionId'),
    previousConflictDate: t.exposeString('previousConflictDate'),
    newConflictDate: t.exposeString('newConflictDate'),
    hearing: t.expose('hearing', { type: HearingRef }),
    notice: t.expose('notice', { type: LegalDocumentRef }),
    recordedBy: t.exposeString('recordedBy'),
    recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
  }),
});

const ConflictDateNoticeRef = builder.objectRef<ConflictDateNotice>('ConflictDateNotice').implement({
  description: '抵触日通知: the client’s written notice of the establishment’s conflict date.',
  fields: (t) => ({
    conflictDate: t.exposeString('conflictDate', {
      description: 'The notified date (YYYY-MM-DD): the first day past the 3-year limit.',
    }),
    document: t.expose('document', { type: LegalDocumentRef }),
    receivedBy: t.exposeString('receivedBy'),
    receivedOn: t.exposeString('receivedOn', { description: 'YYYY-MM-DD (JST)' }),
    recordedBy: t.exposeString('recordedBy'),
    recordedAt: t.expose('recordedAt', { type: 'DateTime' }),
    extensions: t.expose('extensions', { type: [ExtensionRef] }),
  }),
});

EstablishmentRef.implement({
  description: '事業所: a client site, the unit of the 3-year establishment limit.',
  authScopes: { permission: 'client.read' },
  fields: (t) => ({
    id: t.exposeID('establishmentId'),
    clientId: t.exposeID('clientId'),
    name: t.exposeString('name'),
    address: t.exposeString('address', { nullable: true }),
    organisationalUnits: t.expose('organisationalUnits', { type: [OrganisationalUnitRef] }),
    conflictDateNotice: t.expose('conflictDateNotice', { type: ConflictDateNoticeRef, nullable: true }),
    conflictDate: t.string({
      nullable: true,
      description:
        'The conflict date in force (the last extension’s, else the notice’s); null without a notice.',
      resolve: (e) => conflictDateInForce(e) ?? null,
    }),
    version: t.exposeInt('version'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.objectField(ClientRef, 'establishments', (t) =>
  t.field({
    type: [EstablishmentRef],
    description: 'The client’s establishments (事業所), oldest first.',
    resolve: (client, _args, ctx) => establishmentsOfClient(ctx.deps, ctx.actor as Actor, client.clientId),
  }),
);

const OrganisationalUnitInput = builder.inputType('OrganisationalUnitInput', {
  fields: (t) => ({ name: t.string({ required: true }), head: t.string() }),
});

const AddEstablishmentInput = builder.inputType('AddEstablishmentInput', {
  fields: (t) => ({
    clientId: t.id({ required: true }),
    name: t.string({ required: true }),
    address: t.string(),
    organisationalUnits: t.field({ type: [OrganisationalUnitInput] }),
  }),
});

const UpdateEstablishmentInput = builder.inputType('UpdateEstablishmentInput', {
  fields: (t) => ({
    establishmentId: t.id({ required: true }),
    expectedVersion: t.int({ required: true }),
    name: t.string(),
    address: t.string(),
  }),
});

const AddOrganisationalUnitInput = builder.inputType('AddOrganisationalUnitInput', {
  fields: (t) => ({
    establishmentId: t.id({ required: true }),
    expectedVersion: t.int({ required: true }),
    name: t.string({ required: true }),
    head: t.string(),
  }),
});

const UpdateOrganisationalUnitInput = builder.inputType('UpdateOrganisationalUnitInput', {
  fields: (t) => ({
    establishmentId: t.id({ required: true }),
    organisationalUnitId: t.id({ required: true }),
    expectedVersion: t.int({ required: true }),
    name: t.string(),
    head: t.string(),
  }),
});

export const DocumentReferenceInput = builder.inputType('DocumentReferenceInput', {
  description: 'A PDF uploaded through requestLegalDocumentUpload: its key and file name.',
  fields: (t) => ({ key: t.string({ required: true }), fileName: t.string({ required: true }) }),
});

const LegalDocumentPurposeEnum = builder.enumType('LegalDocumentPurpose', {
  values: LEGAL_DOCUMENT_PURPOSES,
});

const RequestLegalDocumentUploadInput = builder.inputType('RequestLegalDocumentUploadInput', {
  fields: (t) => ({
    clientId: t.id({ required: true }),
    purpose: t.field({ type: LegalDocumentPurposeEnum, required: true }),
    fileName: t.string({ required: true }),
    size: t.int({ required: true, description: 'Bytes; at most 20 MB.' }),
  }),
});

const LegalDocumentUploadRef = builder
  .objectRef<{ key: string; upload: UploadGrant }>('LegalDocumentUpload')
  .implement({
    description: 'Upload the PDF to `upload`, then name `key` when recording the notice or the information.',
    fields: (t) => ({ key: t.exposeString('key'), upload: t.expose('upload', { type: UploadGrantRef }) }),
  });

const RecordConflictDateNoticeInput = builder.inputType('RecordConflictDateNoticeInput', {
  fields: (t) => ({
    establishmentId: t.id({ required: true }),
    expectedVersion: t.int({ required: true }),
    conflictDate: t.string({ required: true, description: 'YYYY-MM-DD: the first day past the limit.' }),
    receivedBy: t.string({ description: 'Who at the agency received it; default: you.' }),
    receivedOn: t.string({ required: true, description: 'YYYY-MM-DD (JST)' }),
    document: t.field({ type: DocumentReferenceInput, required: true }),
  }),
});

const ConflictDateHearingInput = builder.inputType('ConflictDateHearingInput', {
  fields: (t) => ({
    heardParty: t.field({ type: HeardPartyEnum, required: true }),
    partyName: t.string({ required: true }),
    heardOn: t.string({
      required: true,
      description: 'YYYY-MM-DD (JST); at least a month before the conflict date.',
    }),
    opinion: t.string({ required: true }),
    record: t.field({ type: DocumentReferenceInput }),
  }),
});

const ExtendConflictDateInput = builder.inputType('ExtendConflictDateInput', {
  fields: (t) => ({
    establishmentId: t.id({ required: true }),
    expectedVersion: t.int({ required: true }),
    newConflictDate: t.string({
      required: true,
      description: 'YYYY-MM-DD; at most 3 years after the current one.',
    }),
    notice: t.field({ type: DocumentReferenceInput, required: true }),
    hearing: t.field({ type: ConflictDateHearingInput, required: true }),
  }),
});

builder.mutationFields((t) => ({
  addEstablishment: t.field({
    type: EstablishmentRef,
    description: 'Sales (of the client’s department) and up: add an establishment (事業所) with its units.',
    authScopes: { permission: 'establishment.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: AddEstablishmentInput, required: true }) },
    resolve: (_root, { input }, ctx) => addEstablishment(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  updateEstablishment: t.field({
    type: EstablishmentRef,
    authScopes: { permission: 'establishment.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: UpdateEstablishmentInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      updateEstablishment(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  addOrganisationalUnit: t.field({
    type: EstablishmentRef,
    authScopes: { permission: 'establishment.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: AddOrganisationalUnitInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      addOrganisationalUnit(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  updateOrganisationalUnit: t.field({
    type: EstablishmentRef,
    authScopes: { permission: 'establishment.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: UpdateOrganisationalUnitInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      updateOrganisationalUnit(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  requestLegalDocumentUpload: t.field({
    type: LegalDocumentUploadRef,
    description:
      'A5-3: a pre-signed URL to upload a client’s PDF (conflict-date notice, hearing record, treatment information).',
    authScopes: { permission: 'legalRecord.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RequestLegalDocumentUploadInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      requestLegalDocumentUpload(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  recordConflictDateNotice: t.field({
    type: EstablishmentRef,
    description: 'A5-3: record the establishment’s conflict-date notice (抵触日通知) with its PDF.',
    authScopes: { permission: 'legalRecord.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: RecordConflictDateNoticeInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      recordConflictDateNotice(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  extendConflictDate: t.field({
    type: EstablishmentRef,
    description: 'A5-3: extend the establishment limit after hearing the union / majority representative.',
    authScopes: { permission: 'legalRecord.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: ExtendConflictDateInput, required: true }) },
    resolve: (_root, { input }, ctx) => extendConflictDate(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
}));
