/** The signed-in person's inbox (お知らせ): reports and deadline alerts, also sent by e-mail. */
import type { Actor } from '../../core/access.js';
import { markNotificationRead, myNotifications } from '../../core/notifications/inbox.js';
import type { Notification } from '../../core/notifications/notification.js';
import { builder } from '../builder.js';
import { MUTATION_ERRORS } from './errors.js';
import { forwardPage, toConnection } from './helpers.js';

const NotificationRef = builder.objectRef<Notification>('Notification').implement({
  description: 'An inbox entry (お知らせ): what happened, about which client or inquiry, read or not.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    id: t.exposeID('notificationId'),
    kind: t.exposeString('kind'),
    title: t.exposeString('title'),
    clientId: t.exposeString('clientId', { nullable: true }),
    inquiryId: t.exposeString('inquiryId', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    readAt: t.field({ type: 'DateTime', nullable: true, resolve: (n) => n.readAt }),
  }),
});

builder.queryField('myNotifications', (t) =>
  t.connection({
    type: NotificationRef,
    description: 'Your inbox, newest first.',
    authScopes: { permission: 'me.read' },
    resolve: async (_root, args, ctx) =>
      toConnection(await myNotifications(ctx.deps, ctx.actor as Actor, forwardPage(args))),
  }),
);

builder.mutationField('markNotificationRead', (t) =>
  t.field({
    type: NotificationRef,
    description: 'Marks one of your inbox entries read.',
    authScopes: { permission: 'me.read' },
    errors: { types: MUTATION_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => markNotificationRead(ctx.deps, ctx.actor as Actor, String(id)),
  }),
);
