/** The kintone sync state of a client's records: what the hub owes kintone and how it went. */
import type { Actor } from '../../core/access.js';
import { KINTONE_SYNC_STATES, type KintoneOutboxEntry } from '../../core/kintone/kintone-outbox.js';
import { kintoneSyncOfClient } from '../../core/kintone/kintone-sync-queries.js';
import { builder } from '../builder.js';
import { ClientRef } from './refs.js';

const KintoneSyncStateEnum = builder.enumType('KintoneSyncState', {
  description:
    'PENDING: waiting for (another) attempt; DONE: written to kintone; FAILED: gave up — a person must look; HELD: kintone’s staff changed the same fields meanwhile, waiting for the sync conflict’s resolution; SUPERSEDED: a newer write of the same record (an order changed again, or a conflict’s resolution) took its place.',
  values: KINTONE_SYNC_STATES,
});

const KintoneSyncRef = builder.objectRef<KintoneOutboxEntry>('KintoneSync').implement({
  description:
    'One write the hub owes kintone (an order in the orders app, a visit record) and its state; `Query.orders` shows each order with its sync state.',
  authScopes: { permission: 'client.read' },
  fields: (t) => ({
    id: t.exposeID('entryId'),
    app: t.exposeString('app'),
    hubId: t.exposeString('hubId', { description: 'The key of the record in kintone (field hub_id).' }),
    subjectType: t.exposeString('subjectType'),
    subjectId: t.exposeString('subjectId'),
    state: t.expose('state', { type: KintoneSyncStateEnum }),
    attempts: t.exposeInt('attempts'),
    nextAttemptAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (e) => (e.state === 'PENDING' ? e.nextAttemptAt : null),
    }),
    lastError: t.exposeString('lastError', { nullable: true }),
    kintoneRecordId: t.exposeString('kintoneRecordId', {
      nullable: true,
      description: 'kintone レコード番号',
    }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.objectField(ClientRef, 'kintoneSync', (t) =>
  t.field({
    type: [KintoneSyncRef],
    description: 'Each record the hub writes to kintone for this client, newest first, with its sync state.',
    resolve: (client, _args, ctx) => kintoneSyncOfClient(ctx.deps, ctx.actor as Actor, client.clientId),
  }),
);
