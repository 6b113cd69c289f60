/** G-Staff facts from the mirror (A1-5): past troubles, conflict dates (抵触日), turnover rate (離職率). */
import type { Actor } from '../../core/access.js';
import type { GStaffMirrorRecord } from '../../core/gstaff/gstaff-mirror.js';
import {
  type GStaffMatch,
  gstaffFactsOfClient,
  gstaffRegisterByName,
} from '../../core/gstaff/gstaff-queries.js';
import { builder } from '../builder.js';
import { ClientRef } from './refs.js';

const PastTroubleRef = builder.objectRef<{ date: string; summary: string }>('GStaffPastTrouble').implement({
  description: '過去のトラブル',
  fields: (t) => ({ date: t.exposeString('date'), summary: t.exposeString('summary') }),
});

const ConflictDateRef = builder
  .objectRef<{ establishment: string; conflictDate: string }>('GStaffConflictDate')
  .implement({
    description: '抵触日 of one client establishment (事業所)',
    fields: (t) => ({
      establishment: t.exposeString('establishment'),
      conflictDate: t.exposeString('conflictDate'),
    }),
  });

const GStaffClientRef = builder.objectRef<GStaffMirrorRecord>('GStaffClient').implement({
  description:
    'A client registration in G-Staff (Gスタッフ 顧客登録), past or present, from the hub’s mirror.',
  authScopes: { permission: 'client.read' },
  fields: (t) => ({
    gstaffClientId: t.exposeID('gstaffClientId'),
    name: t.exposeString('name'),
    corporateNumber: t.exposeString('corporateNumber', { nullable: true }),
    active: t.exposeBoolean('active', { description: 'Still trading (present) or a past registration.' }),
    pastTroubles: t.expose('pastTroubles', { type: [PastTroubleRef] }),
    conflictDates: t.expose('conflictDates', { type: [ConflictDateRef] }),
    turnoverRate: t.exposeFloat('turnoverRate', { nullable: true, description: '離職率, 0–1' }),
    mirroredAt: t.expose('mirroredAt', {
      type: 'DateTime',
      description: 'When the hub last copied it from G-Staff.',
    }),
  }),
});

const GStaffMatchRef = builder.objectRef<GStaffMatch>('GStaffMatch').implement({
  fields: (t) => ({
    match: t.string({
      description: 'CONFIRMED: name and corporate number or phone match; NAME_ONLY: a person should check.',
      resolve: (m) => m.match,
    }),
    record: t.expose('record', { type: GStaffClientRef }),
  }),
});

builder.objectField(ClientRef, 'gstaffRegistration', (t) =>
  t.string({
    nullable: true,
    description:
      'A1-5: LINKED to an existing G-Staff registration, REGISTERED by the hub, NEEDS_REVIEW (only the name matched: a person decides), or null until checked.',
    resolve: (client) => client.gstaff?.state ?? null,
  }),
);

builder.objectField(ClientRef, 'gstaffClientId', (t) =>
  t.string({
    nullable: true,
    description: 'The client’s code in G-Staff, once linked.',
    resolve: (c) => c.gstaff?.gstaffClientId ?? null,
  }),
);

builder.objectField(ClientRef, 'gstaff', (t) =>
  t.field({
    type: [GStaffMatchRef],
    description: 'A1-5: the client’s G-Staff registrations; empty when it is not registered.',
    resolve: (client, _args, ctx) => gstaffFactsOfClient(ctx.deps, ctx.actor as Actor, client.clientId),
  }),
);

builder.queryField('gstaffClients', (t) =>
  t.field({
    type: [GStaffClientRef],
    description:
      'A1-5: look up a company in the G-Staff register before contacting it (by name, legal-entity markers ignored).',
    authScopes: { permission: 'client.read' },
    // The name becomes a key of the mirror's index: a company name, not a document.
    args: { name: t.arg.string({ required: true, extensions: { maxLength: 200 } }) },
    resolve: (_root, { name }, ctx) => gstaffRegisterByName(ctx.deps, ctx.actor as Actor, name),
  }),
);
