/**
 * Two-way sync with kintone and G-Staff as people see it: sync conflicts waiting for a decision, the
 * runs of the hub's jobs, and each client's kintone records as the ledger holds them.
 */
import type { Actor } from '../../core/access.js';
import { getClient } from '../../core/clients/client-queries.js';
import { listSyncConflicts, listSyncRuns, resolveSyncConflict } from '../../core/sync/sync-conflicts.js';
import {
  type DifferingField,
  SYNC_CONFLICT_RESOLUTIONS,
  SYNC_JOBS,
  type SyncConflict,
  type SyncedKintoneRecord,
  type SyncRun,
} from '../../core/sync/sync-model.js';
import { builder } from '../builder.js';
import { MUTATION_ERRORS } from './errors.js';
import { ClientRef } from './refs.js';

const ResolutionEnum = builder.enumType('SyncConflictResolution', {
  description:
    'KEEP_HUB: the hub’s values for the fields in conflict; KEEP_SOURCE: the other system’s (kintone, G-Staff); MERGE: values a person gives.',
  values: SYNC_CONFLICT_RESOLUTIONS,
});
const SyncJobEnum = builder.enumType('SyncJob', {
  values: SYNC_JOBS.map((j) => j.replace('.', '_').toUpperCase()),
});
const jobName = (value: string) => SYNC_JOBS.find((j) => j.replace('.', '_').toUpperCase() === value);

const DifferingFieldRef = builder.objectRef<DifferingField>('SyncDifferingField').implement({
  description: 'A field both sides changed to different values since they last agreed.',
  fields: (t) => ({
    field: t.exposeString('field'),
    agreed: t.exposeString('agreed', { nullable: true, description: 'The value both sides last agreed on.' }),
    hub: t.exposeString('hub', { nullable: true }),
    source: t.exposeString('source', {
      nullable: true,
      description: 'The other system’s value (kintone or G-Staff).',
    }),
  }),
});

export const SyncConflictRef = builder.objectRef<SyncConflict>('SyncConflict').implement({
  description:
    'A kintone record, or the fields a client is registered with in G-Staff, changed in the hub and in the other system since they last agreed (同期の競合). Nothing is overwritten until a person resolves it.',
  fields: (t) => ({
    id: t.exposeID('conflictId'),
    system: t.exposeString('system', { description: 'kintone or gstaff.' }),
    app: t.exposeString('app', { description: 'kintone: orders or visits; G-Staff: clients.' }),
    hubId: t.exposeString('hubId'),
    kintoneRecordId: t.exposeString('recordId', {
      description: 'The record’s id in the other system (G-Staff: its client code; see sourceRecordId).',
    }),
    sourceRecordId: t.exposeString('recordId', {
      description: 'The record’s id in the other system: kintone record id, or G-Staff client code.',
    }),
    status: t.exposeString('status'),
    detectedAt: t.expose('detectedAt', { type: 'DateTime' }),
    detectedBy: t.exposeString('detectedBy'),
    client: t.field({
      type: ClientRef,
      nullable: true,
      resolve: (c, _args, ctx) => ctx.loaders.client.load(c.clientId),
    }),
    differingFields: t.field({ type: [DifferingFieldRef], resolve: (c) => c.differingFields }),
    hubVersion: t.field({ type: 'JSON', resolve: (c) => c.hubVersion }),
    sourceVersion: t.field({ type: 'JSON', resolve: (c) => c.sourceVersion }),
    agreedVersion: t.field({ type: 'JSON', resolve: (c) => c.agreed }),
    resolution: t.field({ type: 'JSON', nullable: true, resolve: (c) => c.resolution ?? null }),
  }),
});

const SyncRunRef = builder.objectRef<SyncRun>('SyncRun').implement({
  description: 'One run of one of the hub’s jobs, with what it did.',
  fields: (t) => ({
    id: t.exposeID('runId'),
    job: t.exposeString('job'),
    mode: t.exposeString('mode'),
    status: t.exposeString('status'),
    trigger: t.exposeString('trigger'),
    dryRun: t.exposeBoolean('dryRun'),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    durationMs: t.exposeInt('durationMs', { nullable: true }),
    read: t.int({ resolve: (r) => r.counts.read }),
    created: t.int({ resolve: (r) => r.counts.created }),
    updated: t.int({ resolve: (r) => r.counts.updated }),
    unchanged: t.int({ resolve: (r) => r.counts.unchanged }),
    deleted: t.int({ resolve: (r) => r.counts.deleted }),
    conflicts: t.int({ resolve: (r) => r.counts.conflicts }),
    failed: t.int({ resolve: (r) => r.counts.failed }),
    requests: t.exposeInt('requests', { description: 'Requests made to kintone by this run.' }),
    errors: t.exposeStringList('errors', { description: 'Error codes, never personal data.' }),
    resumedRunId: t.exposeString('resumedRunId', { nullable: true }),
  }),
});

const KintoneRecordRef = builder.objectRef<SyncedKintoneRecord>('KintoneRecord').implement({
  description: 'A record of a kintone app as the ledger holds it: what both sides last agreed on.',
  fields: (t) => ({
    app: t.exposeString('app'),
    hubId: t.exposeString('hubId'),
    kintoneRecordId: t.exposeString('recordId'),
    revision: t.exposeInt('revision', { description: 'kintone $revision both sides agreed on.' }),
    kintoneUpdatedAt: t.exposeString('kintoneUpdatedAt', { description: 'kintone 更新日時.' }),
    lastChangedBy: t.exposeString('lastChangedBy'),
    status: t.string({ nullable: true, resolve: (r) => r.fields.status ?? null }),
    fields: t.field({ type: 'JSON', resolve: (r) => r.fields }),
    deletedInKintoneAt: t.expose('deletedInKintoneAt', { type: 'DateTime', nullable: true }),
    openConflictId: t.exposeString('openConflictId', { nullable: true }),
    syncedAt: t.expose('syncedAt', { type: 'DateTime' }),
  }),
});

builder.objectField(ClientRef, 'kintoneRecords', (t) =>
  t.field({
    type: [KintoneRecordRef],
    description:
      'The client’s orders and visit records as they are in kintone (changes made there included).',
    resolve: async (client, _args, ctx) => {
      await getClient(ctx.deps, ctx.actor as Actor, client.clientId);
      return ctx.deps.ledger.listSyncedKintoneRecordsOfClient(client.clientId);
    },
  }),
);

builder.queryFields((t) => ({
  syncConflicts: t.field({
    type: [SyncConflictRef],
    description: 'Sync conflicts, oldest first (managers see their department’s clients, admins all).',
    authScopes: { permission: 'sync.read' },
    args: { resolved: t.arg.boolean(), first: t.arg.int() },
    resolve: (_root, args, ctx) =>
      listSyncConflicts(ctx.deps, ctx.actor as Actor, {
        status: args.resolved ? 'RESOLVED' : 'OPEN',
        ...(args.first ? { first: args.first } : {}),
      }),
  }),
  syncRuns: t.field({
    type: [SyncRunRef],
    description: 'The latest runs of the hub’s jobs, newest first.',
    authScopes: { permission: 'sync.read' },
    args: { job: t.arg({ type: SyncJobEnum }), first: t.arg.int() },
    resolve: (_root, args, ctx) => {
      const job = args.job ? jobName(args.job) : undefined;
      return listSyncRuns(ctx.deps, ctx.actor as Actor, {
        ...(job ? { job } : {}),
        ...(args.first ? { first: args.first } : {}),
      });
    },
  }),
}));

const MergeFieldInput = builder.inputType('SyncMergeFieldInput', {
  fields: (t) => ({ field: t.string({ required: true }), value: t.string({ required: true }) }),
});

const ResolveSyncConflictInput = builder.inputType('ResolveSyncConflictInput', {
  fields: (t) => ({
    conflictId: t.id({ required: true }),
    resolution: t.field({ type: ResolutionEnum, required: true }),
    fields: t.field({
      type: [MergeFieldInput],
      description: 'MERGE only: the value to keep for each field in conflict.',
    }),
    note: t.string(),
  }),
});

builder.mutationFields((t) => ({
  resolveSyncConflict: t.field({
    type: SyncConflictRef,
    description:
      'Settle a sync conflict: recorded in the ledger, audited; a kintone value decided is then written by the kintone outbox at the revision the conflict saw (kintone changed again there: a new conflict). G-Staff: the client takes the decided values.',
    authScopes: { permission: 'sync.resolve' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: ResolveSyncConflictInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      resolveSyncConflict(ctx.deps, ctx.actor as Actor, {
        conflictId: input.conflictId,
        resolution: input.resolution,
        ...(input.fields ? { fields: input.fields } : {}),
        ...(input.note ? { note: input.note } : {}),
      }),
  }),
}));
