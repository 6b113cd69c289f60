/**
 * The contracts register (A6-5): basic and individual contracts with their status, signed date,
 * retention deadline and where the signed PDF is kept; those past retention listed for a
 * disposal review (nothing is deleted by itself); a short-lived, audited download URL for a
 * stored contract document. Requirements: A6-5, A4-4, X-1, X-5.
 */
import type { Actor } from '../../core/access.js';
import {
  CONTRACT_KINDS,
  CONTRACT_STATUSES,
  type ContractEntry,
  listContracts,
  requestContractDownload,
} from '../../core/contracts/contracts-register.js';
import { builder } from '../builder.js';
import { MUTATION_ERRORS, QUERY_ERRORS } from './errors.js';
import { withoutNulls } from './helpers.js';

const ContractKindEnum = builder.enumType('ContractKind', {
  description: 'BASIC 労働者派遣基本契約書; INDIVIDUAL 労働者派遣個別契約書.',
  values: CONTRACT_KINDS,
});
const ContractStatusEnum = builder.enumType('ContractStatus', {
  description:
    'DRAFT: not sent; IN_PROGRESS: its workflow runs; SIGNED: executed; ENDED: its dispatch period is over; REJECTED / FAILED.',
  values: CONTRACT_STATUSES,
});
const ContractDocumentEnum = builder.enumType('ContractDocument', {
  description:
    'SIGNED_PDF: the executed contract; REVIEWED_TEXT: the client’s own (non-standard) basic contract text legal reviews.',
  values: ['SIGNED_PDF', 'REVIEWED_TEXT'] as const,
});

const ContractPeriodRef = builder
  .objectRef<NonNullable<ContractEntry['period']>>('ContractPeriod')
  .implement({
    fields: (t) => ({ startDate: t.exposeString('startDate'), endDate: t.exposeString('endDate') }),
  });

const ContractEntryRef = builder.objectRef<ContractEntry>('ContractEntry').implement({
  description: 'One contract of the register.',
  fields: (t) => ({
    id: t.exposeID('contractId'),
    kind: t.expose('kind', { type: ContractKindEnum }),
    clientId: t.exposeString('clientId'),
    clientName: t.exposeString('clientName'),
    status: t.expose('status', { type: ContractStatusEnum }),
    applicationId: t.exposeString('applicationId', { nullable: true }),
    period: t.expose('period', { type: ContractPeriodRef, nullable: true }),
    renewalOf: t.exposeString('renewalOf', { nullable: true }),
    signedAt: t.expose('signedAt', { type: 'DateTime', nullable: true }),
    retentionUntil: t.exposeString('retentionUntil', {
      nullable: true,
      description: '保管期限: YYYY-MM-DD, or OPEN while it may not be disposed of.',
    }),
    retentionDue: t.exposeBoolean('retentionDue', {
      description: 'Past its retention deadline: for a disposal review (the hub deletes nothing).',
    }),
    gstaffContractId: t.exposeString('gstaffContractId', {
      nullable: true,
      description: 'Where G-Staff keeps the signed PDF.',
    }),
    hasSignedPdf: t.boolean({
      description: 'The hub keeps a copy (requestContractDownload SIGNED_PDF).',
      resolve: (e) => e.signedDocumentKey !== undefined,
    }),
    hasReviewedText: t.boolean({ resolve: (e) => e.reviewedDocumentKey !== undefined }),
  }),
});

const ContractsPageRef = builder
  .objectRef<{ contracts: ContractEntry[]; truncated: boolean }>('ContractsRegister')
  .implement({
    fields: (t) => ({
      contracts: t.expose('contracts', { type: [ContractEntryRef] }),
      truncated: t.exposeBoolean('truncated', {
        description: 'More clients were in scope than one answer reads: filter by client.',
      }),
    }),
  });

const ContractsFilterInput = builder.inputType('ContractsFilter', {
  fields: (t) => ({
    clientId: t.id(),
    kind: t.field({ type: ContractKindEnum }),
    status: t.field({ type: ContractStatusEnum }),
    retentionDue: t.boolean({ description: 'true: only those past retention (the disposal review).' }),
  }),
});

const ContractDownloadInput = builder.inputType('RequestContractDownloadInput', {
  fields: (t) => ({
    contractId: t.id({ required: true }),
    document: t.field({ type: ContractDocumentEnum, required: true }),
  }),
});

const ContractDownloadRef = builder
  .objectRef<{ url: string; fileName: string; expiresAt: string }>('ContractDownload')
  .implement({
    fields: (t) => ({
      url: t.exposeString('url'),
      fileName: t.exposeString('fileName'),
      expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    }),
  });

builder.queryField('contracts', (t) =>
  t.field({
    type: ContractsPageRef,
    description: 'The contracts register (A6-5), within the signed-in person’s clients.',
    authScopes: { permission: 'contract.read' },
    errors: { types: QUERY_ERRORS },
    args: { filter: t.arg({ type: ContractsFilterInput }) },
    resolve: (_root, { filter }, ctx) =>
      listContracts(ctx.deps, ctx.actor as Actor, filter ? withoutNulls(filter) : {}),
  }),
);

builder.mutationField('requestContractDownload', (t) =>
  t.field({
    type: ContractDownloadRef,
    description: 'A 5-minute download URL for a stored contract document; the download is audited.',
    authScopes: { permission: 'contract.download' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: ContractDownloadInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      requestContractDownload(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
);
