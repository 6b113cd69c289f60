/**
 * The staff directory (docs/policy.md, "People and roles"): admins add people and change their
 * role, department, supervisor or active flag; every change is audited. Requirements.
 */
import * as z from 'zod';
import { type Actor, assertMay, ROLES } from '../access.js';
import { auditChange, userActor } from '../audit.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { HubDeps, HubDepsWith } from '../hub.js';
import type { LedgerCommit, StaffDirectoryLedger } from '../ledger.js';
import { parseInput } from '../validation.js';
import type { StaffMember } from './staff-member.js';

export const staffTrail = (userId: string) => `STAFF_MEMBER#${userId}`;

const staffFields = {
  name: z.string().trim().min(1, 'must not be empty').max(100),
  email: z.email('must be an e-mail address').max(254),
  role: z.enum(ROLES),
  department: z.string().trim().min(1).max(100).optional(),
  supervisorId: z.string().trim().min(1).optional(),
};

const createStaffMemberInput = z.object({
  userId: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'must be 2–64 lower-case letters, digits, dot, dash or underscore'),
  ...staffFields,
});

const updateStaffMemberInput = z.object({
  userId: z.string().min(1),
  expectedVersion: z.number().int().positive(),
  name: staffFields.name.optional(),
  email: staffFields.email.optional(),
  role: staffFields.role.optional(),
  department: staffFields.department.nullable(),
  supervisorId: staffFields.supervisorId.nullable(),
  active: z.boolean().optional(),
});

async function validateStaffMember(
  deps: HubDepsWith<StaffDirectoryLedger>,
  member: StaffMember,
): Promise<void> {
  if ((member.role === 'SALES' || member.role === 'MANAGER') && !member.department) {
    throw new ValidationError([
      { path: 'input.department', message: `a ${member.role} member needs a sales department` },
    ]);
  }
  if (member.supervisorId) {
    if (member.supervisorId === member.userId) {
      throw new ValidationError([{ path: 'input.supervisorId', message: 'nobody supervises themselves' }]);
    }
    const supervisor = await deps.ledger.getStaffMember(member.supervisorId);
    if (!supervisor?.active) {
      throw new ValidationError([
        { path: 'input.supervisorId', message: `no active staff member "${member.supervisorId}"` },
      ]);
    }
  }
}

async function save(
  deps: HubDepsWith<LedgerCommit>,
  actor: Actor,
  operation: string,
  before: StaffMember | undefined,
  after: StaffMember,
) {
  await deps.ledger.commit(
    [
      {
        entity: { type: 'STAFF_MEMBER', value: after },
        ...(before ? { expectedVersion: before.version } : {}),
      },
    ],
    [
      auditChange(deps.ids, {
        trail: staffTrail(after.userId),
        at: after.updatedAt,
        actor: userActor(actor),
        operation,
        subjectType: 'STAFF_MEMBER',
        subjectId: after.userId,
        before: before,
        after: after,
      }),
    ],
  );
  return after;
}

export async function createStaffMember(deps: HubDeps, actor: Actor, input: unknown): Promise<StaffMember> {
  assertMay(actor, 'staff.manage');
  const cmd = parseInput(createStaffMemberInput, input);
  const now = deps.clock.now().toISOString();
  const member: StaffMember = { ...cmd, active: true, version: 1, createdAt: now, updatedAt: now };
  await validateStaffMember(deps, member);
  try {
    return await save(deps, actor, 'staff.create', undefined, member);
  } catch (error) {
    if (error instanceof ConflictError)
      throw new ConflictError(`staff member "${cmd.userId}" already exists`);
    throw error;
  }
}

export async function updateStaffMember(deps: HubDeps, actor: Actor, input: unknown): Promise<StaffMember> {
  assertMay(actor, 'staff.manage');
  const { userId, expectedVersion, department, supervisorId, ...changes } = parseInput(
    updateStaffMemberInput,
    input,
  );
  const before = await deps.ledger.getStaffMember(userId);
  if (!before) throw new NotFoundError('StaffMember', userId);
  if (before.version !== expectedVersion) {
    throw new ConflictError(`staff member ${userId} was changed by someone else; reload and try again`);
  }
  const after: StaffMember = {
    ...before,
    version: before.version + 1,
    updatedAt: deps.clock.now().toISOString(),
  };
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) Object.assign(after, { [key]: value });
  }
  // null clears an optional field; undefined leaves it as it was.
  if (department === null) delete after.department;
  else if (department !== undefined) after.department = department;
  if (supervisorId === null) delete after.supervisorId;
  else if (supervisorId !== undefined) after.supervisorId = supervisorId;
  await validateStaffMember(deps, after);
  return save(deps, actor, 'staff.update', before, after);
}

export async function getStaffMember(
  deps: HubDepsWith<StaffDirectoryLedger>,
  actor: Actor,
  userId: string,
): Promise<StaffMember | undefined> {
  if (userId !== actor.userId) assertMay(actor, 'staff.read');
  return deps.ledger.getStaffMember(userId);
}

export async function listStaffMembers(
  deps: HubDepsWith<StaffDirectoryLedger>,
  actor: Actor,
): Promise<StaffMember[]> {
  assertMay(actor, 'staff.read');
  const members = await deps.ledger.listStaffMembers();
  // Managers see their own department's people; admins the whole directory.
  return actor.role === 'MANAGER' ? members.filter((m) => m.department === actor.department) : members;
}
