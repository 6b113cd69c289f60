/**
 * Orders (オーダー / 案件) to closing (A7-4): the `orders` view over the ledger's orders with
 * their kintone sync state, and `updateOrder` / `closeOrder`, written through to kintone by
 * the outbox at the record's revision; a change made meanwhile in kintone shows as the order's
 * sync conflict, both versions kept.
 */
import type { Actor } from '../../core/access.js';
import { ORDER_CLOSE_OUTCOMES, ORDER_STATUSES } from '../../core/kintone/order.js';
import { closeOrder, updateOrder } from '../../core/orders/change-order.js';
import { getOrder, listOrders } from '../../core/orders/order-queries.js';
import { ORDER_SYNC_STATES, type Order } from '../../core/orders/order-view.js';
import { builder } from '../builder.js';
import { InquiryChannelEnum } from './enums.js';
import { MUTATION_ERRORS, QUERY_ERRORS } from './errors.js';
import { forwardPage, toConnection, withoutNulls } from './helpers.js';
import { ClientRef } from './refs.js';
import { SyncConflictRef } from './sync.js';

const OrderStatusEnum = builder.enumType('OrderStatus', {
  description:
    'kintone process-management status (ステータス) of the order: INQUIRY 問い合わせ, RECEIVED 受注受付 (06_1 approved), PENDING_APPROVAL 承認待ち, OPEN 募集中, CLOSED クローズ.',
  values: ORDER_STATUSES,
});
const OrderCloseOutcomeEnum = builder.enumType('OrderCloseOutcome', {
  description: 'How an order ended: FILLED 充足 (a worker was dispatched), LOST 失注, CANCELLED 取消.',
  values: ORDER_CLOSE_OUTCOMES,
});
const OrderSyncStateEnum = builder.enumType('OrderSyncState', {
  description:
    'PENDING: the hub owes kintone a write of this order; SYNCED: the hub and kintone agree; CONFLICT: changed on both sides, a person resolves the sync conflict; FAILED: the write was given up, a person looks.',
  values: ORDER_SYNC_STATES,
});

const OrderRef = builder.objectRef<Order>('Order').implement({
  description:
    'An order in the kintone orders app as the hub sees it: kintone’s values with the hub’s own changes not yet written there, and its sync state.',
  authScopes: { permission: 'client.read' },
  fields: (t) => ({
    id: t.exposeID('orderId', { description: 'The hub’s id of the order (kintone field hub_id).' }),
    client: t.field({
      type: ClientRef,
      nullable: true,
      resolve: (o, _args, ctx) => ctx.loaders.client.load(o.clientId),
    }),
    clientName: t.string({ resolve: (o) => o.fields.clientName }),
    status: t.field({ type: OrderStatusEnum, resolve: (o) => o.fields.status }),
    inquiryId: t.string({ nullable: true, resolve: (o) => o.fields.inquiryId ?? null }),
    channel: t.field({ type: InquiryChannelEnum, nullable: true, resolve: (o) => o.fields.channel ?? null }),
    department: t.string({ nullable: true, resolve: (o) => o.fields.department ?? null }),
    jobCategory: t.string({
      nullable: true,
      description: '職種',
      resolve: (o) => o.fields.jobCategory ?? null,
    }),
    requestedStart: t.string({
      nullable: true,
      description: '希望開始時期',
      resolve: (o) => o.fields.requestedStart ?? null,
    }),
    summary: t.string({ nullable: true, description: '依頼内容', resolve: (o) => o.fields.summary ?? null }),
    establishmentId: t.string({
      nullable: true,
      description: '事業所: the client’s establishment the worker is dispatched to.',
      resolve: (o) => o.fields.establishmentId ?? null,
    }),
    organisationalUnitId: t.string({
      nullable: true,
      description: '組織単位 within the establishment.',
      resolve: (o) => o.fields.organisationalUnitId ?? null,
    }),
    closeOutcome: t.field({
      type: OrderCloseOutcomeEnum,
      nullable: true,
      resolve: (o) => o.fields.closeOutcome ?? null,
    }),
    closeReason: t.string({ nullable: true, resolve: (o) => o.fields.closeReason ?? null }),
    kintoneRecordId: t.exposeString('kintoneRecordId', { description: 'kintone レコード番号' }),
    revision: t.exposeInt('revision', {
      description: 'kintone $revision both sides last agreed on: pass it to updateOrder / closeOrder.',
    }),
    kintoneUpdatedAt: t.exposeString('kintoneUpdatedAt', { description: 'kintone 更新日時' }),
    lastChangedBy: t.exposeString('lastChangedBy', { description: 'HUB or KINTONE' }),
    syncState: t.expose('syncState', { type: OrderSyncStateEnum }),
    lastError: t.exposeString('lastError', { nullable: true }),
    conflict: t.field({
      type: SyncConflictRef,
      nullable: true,
      description:
        'The open sync conflict: the agreed version, the hub’s, kintone’s, and the fields that differ.',
      resolve: async (o, _args, ctx) =>
        o.openConflictId ? ((await ctx.deps.ledger.getSyncConflict(o.openConflictId)) ?? null) : null,
    }),
    deletedInKintoneAt: t.expose('deletedInKintoneAt', { type: 'DateTime', nullable: true }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const OrderFilter = builder.inputType('OrderFilter', {
  fields: (t) => ({
    clientId: t.id(),
    status: t.field({ type: OrderStatusEnum }),
    department: t.string({ description: 'Sales and managers may only give their own.' }),
    salesRepId: t.string({ description: '担当営業: orders of the clients this rep is assigned to.' }),
  }),
});

const UpdateOrderInput = builder.inputType('UpdateOrderInput', {
  description: 'Only the fields given change; an empty string clears one.',
  fields: (t) => ({
    orderId: t.id({ required: true }),
    revision: t.int({ required: true, description: 'The order’s revision as you read it.' }),
    jobCategory: t.string(),
    requestedStart: t.string(),
    summary: t.string(),
    establishmentId: t.id({ description: 'An establishment (事業所) of the order’s client.' }),
    organisationalUnitId: t.id({ description: 'An organisational unit (組織単位) of that establishment.' }),
  }),
});

const CloseOrderInput = builder.inputType('CloseOrderInput', {
  fields: (t) => ({
    orderId: t.id({ required: true }),
    revision: t.int({ required: true, description: 'The order’s revision as you read it.' }),
    outcome: t.field({ type: OrderCloseOutcomeEnum, required: true }),
    reason: t.string({ required: true }),
  }),
});

builder.queryFields((t) => ({
  orders: t.connection({
    type: OrderRef,
    description: 'The ledger’s orders, newest first (a client’s: newest kintone record first).',
    authScopes: { permission: 'client.read' },
    args: { filter: t.arg({ type: OrderFilter }) },
    resolve: async (_root, args, ctx) => {
      const filter = withoutNulls(args.filter ?? {});
      return toConnection(
        await listOrders(
          ctx.deps,
          ctx.actor as Actor,
          { ...filter, ...(filter.clientId ? { clientId: String(filter.clientId) } : {}) },
          forwardPage(args),
        ),
      );
    },
  }),
  order: t.field({
    type: OrderRef,
    authScopes: { permission: 'client.read' },
    errors: { types: QUERY_ERRORS },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => getOrder(ctx.deps, ctx.actor as Actor, String(id)),
  }),
}));

builder.mutationFields((t) => ({
  updateOrder: t.field({
    type: OrderRef,
    description:
      'Change an order’s fields (sales of its department and up); written to kintone at the revision given, through the outbox.',
    authScopes: { permission: 'order.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: UpdateOrderInput, required: true }) },
    resolve: (_root, { input }, ctx) => updateOrder(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  closeOrder: t.field({
    type: OrderRef,
    description:
      'Close an order as FILLED, LOST or CANCELLED with the reason, by the orders app’s process-management action クローズ.',
    authScopes: { permission: 'order.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CloseOrderInput, required: true }) },
    resolve: (_root, { input }, ctx) => closeOrder(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
}));
