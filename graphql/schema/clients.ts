/** The client ledger (顧客管理台帳) with its inquiries and audit trail. X-1. */
import type { Actor } from '../../core/access.js';
import type { AuditEvent, FieldChange } from '../../core/audit.js';
import { clientAuditTrail, getClient } from '../../core/clients/client-queries.js';
import { listClients } from '../../core/clients/list-clients.js';
import { inquiriesOfClient } from '../../core/inquiries/inquiry-queries.js';
import { builder } from '../builder.js';
import { ClientStageEnum } from './enums.js';
import { QUERY_ERRORS } from './errors.js';
import { forwardPage, toConnection, withoutNulls } from './helpers.js';
import { ClientRef, InquiryRef } from './refs.js';

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
    name: t.string({
      description:
        'Part of the company name (顧客名): full- and half-width alike, 株式会社 / ㈱ / (株) and spaces ignored.',
    }),
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
