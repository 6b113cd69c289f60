import type { Role } from '../access.js';

/** A person in the staff directory (docs/policy.md, "People and roles"). */
export interface StaffMember {
  userId: string;
  name: string;
  email: string;
  role: Role;
  /** The sales department for SALES / MANAGER; the home department for the others. */
  department?: string;
  /** Whom this person reports to (上長); reports and escalations go there. */
  supervisorId?: string;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}
