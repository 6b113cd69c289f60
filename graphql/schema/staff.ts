/** The staff directory and the signed-in person (docs/policy.md, "People and roles"). */
import type { Actor } from '../../core/access.js';
import { salesDepartments } from '../../core/staff/departments.js';
import {
  createStaffMember,
  getStaffMember,
  listStaffMembers,
  updateStaffMember,
} from '../../core/staff/manage-staff.js';
import type { StaffMember } from '../../core/staff/staff-member.js';
import { builder } from '../builder.js';
import { RoleEnum } from './enums.js';
import { MUTATION_ERRORS } from './errors.js';
import { withoutNulls } from './helpers.js';

export const StaffMemberRef = builder.objectRef<StaffMember>('StaffMember').implement({
  description: 'A person in the staff directory (社員名簿).',
  authScopes: { authenticated: true },
  fields: (t) => ({
    userId: t.exposeID('userId'),
    name: t.exposeString('name'),
    email: t.exposeString('email'),
    role: t.expose('role', { type: RoleEnum }),
    department: t.exposeString('department', { nullable: true }),
    supervisorId: t.exposeString('supervisorId', { nullable: true, description: '上長 (supervisor).' }),
    active: t.exposeBoolean('active'),
    version: t.exposeInt('version', { description: 'Pass back as expectedVersion when updating.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

const MeRef = builder.objectRef<Actor>('Me').implement({
  description: 'The signed-in person, as the token says, with the directory entry when there is one.',
  fields: (t) => ({
    userId: t.exposeID('userId'),
    role: t.expose('role', { type: RoleEnum }),
    department: t.exposeString('department', { nullable: true }),
    staffMember: t.field({
      type: StaffMemberRef,
      nullable: true,
      resolve: (actor, _args, ctx) => getStaffMember(ctx.deps, actor, actor.userId),
    }),
  }),
});

builder.queryFields((t) => ({
  me: t.field({
    type: MeRef,
    authScopes: { permission: 'me.read' },
    resolve: (_root, _args, ctx) => ctx.actor as Actor,
  }),
  salesDepartments: t.stringList({
    description: 'The sales departments (営業部) an inquiry can be routed to.',
    authScopes: { authenticated: true },
    resolve: (_root, _args, ctx) => salesDepartments(ctx.deps.ledger),
  }),
  staffMembers: t.field({
    type: [StaffMemberRef],
    description: 'The directory: all of it for admins and directors, their department for managers.',
    authScopes: { permission: 'staff.read' },
    resolve: (_root, _args, ctx) => listStaffMembers(ctx.deps, ctx.actor as Actor),
  }),
}));

const CreateStaffMemberInput = builder.inputType('CreateStaffMemberInput', {
  fields: (t) => ({
    userId: t.string({ required: true }),
    name: t.string({ required: true }),
    email: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    department: t.string(),
    supervisorId: t.string(),
  }),
});

const UpdateStaffMemberInput = builder.inputType('UpdateStaffMemberInput', {
  description: 'Only the fields given change; null clears department or supervisorId.',
  fields: (t) => ({
    userId: t.string({ required: true }),
    expectedVersion: t.int({ required: true }),
    name: t.string(),
    email: t.string(),
    role: t.field({ type: RoleEnum }),
    department: t.string(),
    supervisorId: t.string(),
    active: t.boolean(),
  }),
});

builder.mutationFields((t) => ({
  createStaffMember: t.field({
    type: StaffMemberRef,
    description: 'Admin: add a person to the directory.',
    authScopes: { permission: 'staff.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: CreateStaffMemberInput, required: true }) },
    resolve: (_root, { input }, ctx) => createStaffMember(ctx.deps, ctx.actor as Actor, withoutNulls(input)),
  }),
  updateStaffMember: t.field({
    type: StaffMemberRef,
    description: 'Admin: change role, department, supervisor or active flag.',
    authScopes: { permission: 'staff.manage' },
    errors: { types: MUTATION_ERRORS },
    args: { input: t.arg({ type: UpdateStaffMemberInput, required: true }) },
    resolve: (_root, { input }, ctx) => updateStaffMember(ctx.deps, ctx.actor as Actor, input),
  }),
}));
