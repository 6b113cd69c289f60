import { ValidationError } from '../errors.js';
import type { ClientLedger } from '../ledger.js';

/** Sales departments are those with at least one active sales member or manager in the directory. */
export async function salesDepartments(ledger: ClientLedger): Promise<string[]> {
  const members = await ledger.listStaffMembers();
  const departments = members
    .filter((m) => m.active && (m.role === 'SALES' || m.role === 'MANAGER') && m.department)
    .map((m) => m.department as string);
  return [...new Set(departments)].sort();
}

export async function assertSalesDepartment(
  ledger: ClientLedger,
  department: string,
  path: string,
): Promise<void> {
  const known = await salesDepartments(ledger);
  if (!known.includes(department)) {
    throw new ValidationError([
      { path, message: `"${department}" is not a sales department (known: ${known.join(', ') || 'none'})` },
    ]);
  }
}
