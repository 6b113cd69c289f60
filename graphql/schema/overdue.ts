/** The one overdue view: everything past due, across deadline types, within the caller's department. */
import type { Actor } from '../../core/access.js';
import { listOverdueItems, OVERDUE_KINDS, type OverdueItem } from '../../core/overdue/overdue-items.js';
import { builder } from '../builder.js';
import { ClientRef } from './refs.js';

const OverdueKindEnum = builder.enumType('OverdueKind', {
  description:
    'FIRST_CONTACT: web inquiry not contacted within 1 business day; VISIT_RECORD: visit not recorded within 24 hours; CONTRACT_EXECUTION: 06_2 past 10 business days without a delay reason; APPROVAL: an approval waiting past its time; SYNC_CONFLICT: a kintone sync conflict open for more than a day.',
  values: OVERDUE_KINDS,
});

const OverdueItemRef = builder.objectRef<OverdueItem>('OverdueItem').implement({
  description: 'Something past its deadline (期限超過), with who is responsible and the escalation sent.',
  fields: (t) => ({
    kind: t.expose('kind', { type: OverdueKindEnum }),
    subjectId: t.exposeString('subjectId', {
      description: 'The inquiry, visit, application, approval task or sync conflict.',
    }),
    department: t.exposeString('department', { nullable: true }),
    dueAt: t.expose('dueAt', { type: 'DateTime' }),
    responsibleUserId: t.exposeString('responsibleUserId', { nullable: true }),
    responsible: t.exposeString('responsible', {
      description: 'The person, or the role / pool, responsible.',
    }),
    escalatedAt: t.expose('escalatedAt', { type: 'DateTime', nullable: true }),
    escalatedTo: t.exposeString('escalatedTo', { nullable: true }),
    client: t.field({
      type: ClientRef,
      nullable: true,
      resolve: (item, _args, ctx) => ctx.loaders.client.load(item.clientId),
    }),
  }),
});

builder.queryField('overdue', (t) =>
  t.field({
    type: [OverdueItemRef],
    description: 'Everything overdue now, the longest overdue first, within the caller’s department.',
    authScopes: { permission: 'client.read' },
    args: { kinds: t.arg({ type: [OverdueKindEnum] }) },
    resolve: (_root, args, ctx) =>
      listOverdueItems(ctx.deps, ctx.actor as Actor, args.kinds ? { kinds: args.kinds } : {}),
  }),
);
