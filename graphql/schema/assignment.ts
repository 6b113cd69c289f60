/** Rep assignment (担当営業振り分け): the proposal, the decision, the client's industry. A2-1, A2-2. */
import type { Actor } from '../../core/access.js';
import { assignSalesRep } from '../../core/assignment/assign-sales-rep.js';
import { salesRepProposal } from '../../core/assignment/propose-sales-rep.js';
import {
  ASSIGNMENT_FACTORS,
  type ClientRisk,
  type FactorScore,
  type RankedRep,
} from '../../core/assignment/rank-sales-reps.js';
import type { SalesRepAssignment, SalesRepProposal } from '../../core/assignment/sales-rep-assignment.js';
import type { Client } from '../../core/clients/client.js';
import { INDUSTRIES, INDUSTRY_IDS } from '../../core/clients/industry.js';
import { updateClientProfile } from '../../core/clients/update-client-profile.js';
import { NotFoundError, PreconditionFailedError } from '../../core/errors.js';
import type { StaffMember } from '../../core/staff/staff-member.js';
import { salesRepAssignmentsOfClient } from '../../core/visits/visit-queries.js';
import { builder } from '../builder.js';
import { RoleEnum } from './enums.js';
import { MUTATION_ERRORS } from './errors.js';
import { withoutNulls } from './helpers.js';
import { ClientRef } from './refs.js';

export const IndustryEnum = builder.enumType('Industry', {
  description: '業種: the major divisions (大分類) of the Japan Standard Industrial Classification.',
  values: Object.fromEntries(
    INDUSTRY_IDS.map((id) => [id, { description: `${INDUSTRIES[id].jsic} ${INDUSTRIES[id].label}` }]),
  ) as Record<(typeof INDUSTRY_IDS)[number], { description: string }>,
});

const AssignmentFactorEnum = builder.enumType('AssignmentFactor', {
  description: 'CLIENT_LOAD 担当顧客数, WORKER_LOAD 稼働スタッフ数, INDUSTRY_FIT 業種経験.',
  values: ASSIGNMENT_FACTORS,
});

const FactorScoreRef = builder.objectRef<FactorScore>('AssignmentFactorScore').implement({
  fields: (t) => ({
    factor: t.expose('factor', { type: AssignmentFactorEnum }),
    value: t.exposeInt('value', { nullable: true, description: 'The count the factor is computed from.' }),
    normalized: t.exposeFloat('normalized', { description: '0–1 within the department (1 = best).' }),
    weight: t.exposeFloat('weight', { description: 'After the risk adjustment.' }),
    points: t.exposeFloat('points', { description: 'Contribution to the score (out of 100).' }),
    reason: t.exposeString('reason'),
  }),
});

const RankedRepRef = builder.objectRef<RankedRep>('RankedSalesRep').implement({
  fields: (t) => ({
    salesRepId: t.exposeString('salesRepId'),
    name: t.exposeString('name'),
    rank: t.exposeInt('rank'),
    score: t.exposeFloat('score', { description: '0–100' }),
    tied: t.exposeBoolean('tied', { description: 'Same score as another rep; ordered by user id.' }),
    factors: t.expose('factors', { type: [FactorScoreRef] }),
  }),
});

const ClientRiskRef = builder.objectRef<ClientRisk>('ClientRisk').implement({
  description: 'The client’s past evaluation and risk (過去評価): the strongest of its signals.',
  fields: (t) => ({
    level: t.exposeFloat('level', { description: '0–1' }),
    reasons: t.exposeStringList('reasons'),
  }),
});

const AssignmentWeightsRef = builder.objectRef<SalesRepProposal['weights']>('AssignmentWeights').implement({
  description: 'From configuration (ASSIGNMENT_WEIGHT_*, ASSIGNMENT_RISK_BOOST).',
  fields: (t) => ({
    clientLoad: t.exposeFloat('clientLoad'),
    workerLoad: t.exposeFloat('workerLoad'),
    industryFit: t.exposeFloat('industryFit'),
    riskBoost: t.exposeFloat('riskBoost'),
  }),
});

const ProposalRef = builder.objectRef<SalesRepProposal>('SalesRepProposal').implement({
  description: 'A2-2: the department’s reps ranked on objective grounds, each with its reasons.',
  fields: (t) => ({
    clientId: t.exposeString('clientId'),
    department: t.exposeString('department'),
    risk: t.expose('risk', { type: ClientRiskRef }),
    candidates: t.expose('candidates', { type: [RankedRepRef] }),
    weights: t.expose('weights', { type: AssignmentWeightsRef }),
    computedAt: t.expose('computedAt', { type: 'DateTime' }),
  }),
});

const AssignmentRef = builder.objectRef<SalesRepAssignment>('SalesRepAssignment').implement({
  description: 'One assignment of a rep to the client, with the proposal the manager saw.',
  fields: (t) => ({
    id: t.exposeID('assignmentId'),
    salesRepId: t.exposeString('salesRepId'),
    assignedBy: t.exposeString('assignedBy'),
    assignedAt: t.expose('assignedAt', { type: 'DateTime' }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true }),
    proposalRank: t.exposeInt('proposalRank', {
      description: 'The chosen rep’s rank (1 = the proposal’s top).',
    }),
    overrideReason: t.exposeString('overrideReason', { nullable: true }),
    proposal: t.expose('proposal', { type: ProposalRef }),
  }),
});

const AssignSalesRepPayload = builder
  .objectRef<{ client: Client; assignment: SalesRepAssignment }>('AssignSalesRepPayload')
  .implement({
    fields: (t) => ({
      client: t.expose('client', { type: ClientRef }),
      assignment: t.expose('assignment', { type: AssignmentRef }),
    }),
  });

builder.objectField(ClientRef, 'industry', (t) =>
  t.expose('industry', { type: IndustryEnum, nullable: true, description: '業種 (JSIC 大分類)' }),
);

/** A colleague as anyone who may see the client sees them: no e-mail, no reporting line. */
const ColleagueRef = builder.objectRef<StaffMember>('Colleague').implement({
  fields: (t) => ({
    userId: t.exposeID('userId'),
    name: t.exposeString('name'),
    role: t.expose('role', { type: RoleEnum }),
    department: t.exposeString('department', { nullable: true }),
  }),
});

builder.objectField(ClientRef, 'salesRep', (t) =>
  t.field({
    type: ColleagueRef,
    nullable: true,
    description: '担当営業',
    resolve: (c, _args, ctx) => (c.salesRepId ? ctx.loaders.staffMember.load(c.salesRepId) : null),
  }),
);

builder.objectField(ClientRef, 'assignments', (t) =>
  t.field({
    type: [AssignmentRef],
    description: 'Rep assignments, newest first; the current one has no endedAt.',
    resolve: (c, _args, ctx) => salesRepAssignmentsOfClient(ctx.deps, ctx.actor as Actor, c.clientId),
  }),
);

builder.queryField('salesRepProposal', (t) =>
  t.field({
    type: ProposalRef,
    description: 'Managers: the ranked reps for a client (A2-2).',
    authScopes: { permission: 'assignment.propose' },
    errors: { types: [NotFoundError, PreconditionFailedError] },
    args: { clientId: t.arg.id({ required: true }) },
    resolve: (_root, { clientId }, ctx) => salesRepProposal(ctx.deps, ctx.actor as Actor, String(clientId)),
  }),
);

const AssignSalesRepInput = builder.inputType('AssignSalesRepInput', {
  fields: (t) => ({
    clientId: t.id({ required: true }),
    salesRepId: t.string({ required: true }),
    overrideReason: t.string({ description: 'Required when the rep is not the proposal’s top.' }),
    expectedVersion: t.int(),
  }),
});

const ClientContactInput = builder.inputType('ClientContactInput', {
  fields: (t) => ({ name: t.string({ required: true }), email: t.string({ required: true }) }),
});

const ClientContactRef = builder.objectRef<{ name: string; email: string }>('ClientContact').implement({
  description: 'The client’s contact for contracts: signs the basic contract, receives its template (A7-1).',
  fields: (t) => ({ name: t.exposeString('name'), email: t.exposeString('email') }),
});

builder.objectField(ClientRef, 'contact', (t) =>
  t.expose('contact', {
    type: ClientContactRef,
    nullable: true,
    description: 'Recorded with updateClientProfile.',
  }),
);

const UpdateClientProfileInput = builder.inputType('UpdateClientProfileInput', {
  fields: (t) => ({
    contact: t.field({ type: ClientContactInput, description: 'The contact for contracts.' }),
    clientId: t.id({ required: true }),
    industry: t.field({ type: IndustryEnum }),
    corporateNumber: t.string({ description: '法人番号 (13 digits)' }),
    expectedVersion: t.int(),
  }),
});

builder.mutationFields((t) => ({
  assignSalesRep: t.field({
    type: AssignSalesRepPayload,
    description:
      'Managers of the client’s department: assign its rep (A2-1); another than the top needs a reason.',
    authScopes: { permission: 'assignment.assign' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: AssignSalesRepInput, required: true }) },
    resolve: (_root, { input }, ctx) => assignSalesRep(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  updateClientProfile: t.field({
    type: ClientRef,
    description:
      'Sales or marketing: record the client’s industry, corporate number or contact for contracts.',
    authScopes: { permission: 'client.updateProfile' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: UpdateClientProfileInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      updateClientProfile(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
}));
