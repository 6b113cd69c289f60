/**
 * Who may do what (docs/policy.md, "People and roles"). GraphQL's scope-auth asks `may()` for
 * every field and mutation; use cases call `assertMay()` / `assertSeesDepartment()` again,
 * so a new host cannot bypass the rules. Requirements: X-5 (access follows the roles).
 */
import { ForbiddenError } from './errors.js';

export const ROLES = ['SALES', 'MANAGER', 'DIRECTOR', 'LEGAL', 'MARKETING', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in person, built from verified token claims. */
export interface Actor {
  userId: string;
  role: Role;
  /** Sales department for SALES / MANAGER; optional for the others. */
  department?: string;
}

/** DIRECTOR may do what MANAGER may; MANAGER what SALES may. */
const INHERITS: Record<Role, readonly Role[]> = {
  SALES: ['SALES'],
  MANAGER: ['MANAGER', 'SALES'],
  DIRECTOR: ['DIRECTOR', 'MANAGER', 'SALES'],
  LEGAL: ['LEGAL'],
  MARKETING: ['MARKETING'],
  ADMIN: ['ADMIN'],
};

export function actsAs(actor: Actor, role: Role): boolean {
  return INHERITS[actor.role].includes(role);
}

/** Every operation of the API and the roles that may call it. */
export const PERMISSIONS = {
  'me.read': ROLES,
  'inquiry.read': ROLES,
  'client.read': ROLES,
  'inquiry.recordPhone': ['SALES'],
  'inquiry.route': ['MARKETING'],
  'inquiry.recordFirstContact': ['SALES'],
  'inquiry.recordHearingJudgment': ['SALES', 'MARKETING'],
  'client.updateProfile': ['SALES', 'MARKETING'],
  'assignment.propose': ['MANAGER'],
  'assignment.assign': ['MANAGER'],
  'visit.manage': ['SALES'],
  'hearingSheet.save': ['SALES'],
  'application.submit': ['SALES'],
  /** Updating and closing orders (A7-4): sales of the order's department and up. */
  'order.manage': ['SALES'],
  'approval.read': ['MANAGER', 'LEGAL', 'MARKETING'],
  'approval.decide': ['MANAGER', 'LEGAL', 'MARKETING'],
  /** The contracts register (A6-5): sales within their department, and those who send, review or keep contracts. */
  'contract.read': ['SALES', 'LEGAL', 'MARKETING', 'ADMIN'],
  /** Downloading a stored contract PDF through a short-lived URL (audited): sales of the client's department, legal. */
  'contract.download': ['SALES', 'LEGAL'],
  'staff.read': ['ADMIN', 'MANAGER'],
  'staff.manage': ['ADMIN'],
  /** Sync conflicts and job runs: the department's managers for their clients, admins for all. */
  'sync.read': ['MANAGER', 'ADMIN'],
  'sync.resolve': ['MANAGER', 'ADMIN'],
  /** Settling a signature send whose outcome is unknown (GMO Sign offers no lookup). */
  'signature.confirm': ['ADMIN'],
  // --- Individual contracts (A5-3 … A5-5): sales of the client's department and above ---
  /** A client's establishments and organisational units. */
  'establishment.manage': ['SALES'],
  /** The conflict-date notice and its extensions, and an order's treatment information (A5-3). */
  'legalRecord.manage': ['SALES'],
  /** Drafting an individual contract, requesting and saving its terms, deciding its worker (A5-4, A5-5). */
  'individualContract.manage': ['SALES'],
  /** The worker register (G-Staff mirror); marketing sends individual contracts. */
  'worker.read': ['SALES', 'MARKETING'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function may(actor: Actor, permission: Permission): boolean {
  return PERMISSIONS[permission].some((role: Role) => actsAs(actor, role));
}

export function assertMay(actor: Actor, permission: Permission): void {
  if (!may(actor, permission)) {
    throw new ForbiddenError('ROLE_NOT_ALLOWED', `role ${actor.role} may not perform ${permission}`);
  }
}

/** Sales and managers see their own department's work; marketing, legal, directors and admins see all. */
export function seesAllDepartments(actor: Actor): boolean {
  return !(actor.role === 'SALES' || actor.role === 'MANAGER');
}

export function seesDepartment(actor: Actor, department: string | undefined): boolean {
  return seesAllDepartments(actor) || (department !== undefined && department === actor.department);
}

export function assertSeesDepartment(actor: Actor, department: string | undefined): void {
  if (!seesDepartment(actor, department)) {
    throw new ForbiddenError('OTHER_DEPARTMENT', 'this record belongs to another department');
  }
}

/**
 * The department a list view reads: sales and managers only their own (asking for another is
 * refused), everyone else the one they ask for, or all (undefined).
 */
export function departmentToList(
  actor: Actor,
  requested: string | undefined,
  what: string,
): string | undefined {
  if (seesAllDepartments(actor)) return requested;
  if (requested && requested !== actor.department) {
    throw new ForbiddenError('OTHER_DEPARTMENT', `you may list only your own department’s ${what}`);
  }
  if (!actor.department) throw new ForbiddenError('NO_DEPARTMENT', 'your account has no department');
  return actor.department;
}
