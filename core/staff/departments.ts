import { ValidationError } from '../errors.js';
import type { ClientLedger } from '../ledger.js';
import type { StaffMember } from './staff-member.js';

const isSalesDepartmentMember = (m: StaffMember) =>
  m.active && (m.role === 'SALES' || m.role === 'MANAGER') && m.department !== undefined;

function departmentsOf(members: StaffMember[]): string[] {
  return [...new Set(members.filter(isSalesDepartmentMember).map((m) => m.department as string))].sort();
}

/** Sales departments are those with at least one active sales member or manager in the directory. */
export async function salesDepartments(ledger: ClientLedger): Promise<string[]> {
  return departmentsOf(await ledger.listStaffMembers());
}

/** Checks that `department` is a sales department, naming the field if not; returns its active members. */
export async function assertSalesDepartment(
  ledger: ClientLedger,
  department: string,
  path: string,
): Promise<StaffMember[]> {
  const members = await ledger.listStaffMembers();
  const known = departmentsOf(members);
  if (!known.includes(department)) {
    throw new ValidationError([
      { path, message: `"${department}" is not a sales department (known: ${known.join(', ') || 'none'})` },
    ]);
  }
  return members.filter((m) => m.active && m.department === department);
}

/** A department's managers (docs/policy.md: reports and escalations go to them). */
export const managersOf = (members: StaffMember[]) => members.filter((m) => m.role === 'MANAGER');
