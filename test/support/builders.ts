/** Small builders for test inputs and a wired set of hub dependencies. */
import type { Actor } from '../../core/access.js';
import { FixedClock } from '../../core/clock.js';
import type { HubDeps } from '../../core/hub.js';
import { randomIds } from '../../core/ids.js';
import type { ClientLedger } from '../../core/ledger.js';
import { defaultPolicy } from '../../core/policy-config.js';
import type { StaffMember } from '../../core/staff/staff-member.js';

export const actor = (
  role: Actor['role'],
  department?: string,
  userId = `${role.toLowerCase()}-1`,
): Actor => ({
  userId,
  role,
  ...(department ? { department } : {}),
});

export const marketing = actor('MARKETING', undefined, 'mkt-1');
export const salesTokyo = actor('SALES', 'SALES_TOKYO', 'sales-tokyo-1');
export const salesOsaka = actor('SALES', 'SALES_OSAKA', 'sales-osaka-1');
export const managerTokyo = actor('MANAGER', 'SALES_TOKYO', 'mgr-tokyo-1');
export const admin = actor('ADMIN', undefined, 'admin-1');
export const legal = actor('LEGAL', undefined, 'legal-1');
export const director = actor('DIRECTOR', undefined, 'director-1');

export function staffMember(
  overrides: Partial<StaffMember> & Pick<StaffMember, 'userId' | 'role'>,
): StaffMember {
  return {
    name: `Member ${overrides.userId}`,
    email: `${overrides.userId}@agency.example`,
    active: true,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A directory with two sales departments, enough for routing rules. */
export const directory: StaffMember[] = [
  staffMember({ userId: 'mgr-tokyo-1', role: 'MANAGER', department: 'SALES_TOKYO' }),
  staffMember({
    userId: 'sales-tokyo-1',
    role: 'SALES',
    department: 'SALES_TOKYO',
    supervisorId: 'mgr-tokyo-1',
  }),
  staffMember({ userId: 'mgr-osaka-1', role: 'MANAGER', department: 'SALES_OSAKA' }),
  staffMember({
    userId: 'sales-osaka-1',
    role: 'SALES',
    department: 'SALES_OSAKA',
    supervisorId: 'mgr-osaka-1',
  }),
  staffMember({ userId: 'mkt-1', role: 'MARKETING', department: 'MARKETING' }),
  staffMember({ userId: 'admin-1', role: 'ADMIN' }),
];

export async function seedDirectory(ledger: ClientLedger, members: StaffMember[] = directory): Promise<void> {
  for (const member of members)
    await ledger.commit([{ entity: { type: 'STAFF_MEMBER', value: member } }], []);
}

/** A Friday morning in Tokyo: the web inquiry is due Monday 23:59:59.999 JST. */
export const FRIDAY_MORNING = '2026-11-27T01:00:00.000Z';

export function hubDeps(ledger: ClientLedger, now = FRIDAY_MORNING): HubDeps & { clock: FixedClock } {
  return { ledger, clock: new FixedClock(new Date(now)), ids: randomIds, policy: defaultPolicy };
}

let submissions = 0;
export function webForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  submissions += 1;
  return {
    submissionId: `form-${Date.now()}-${submissions}`,
    company: '株式会社サンプル物流',
    contactName: '山田 花子',
    department: '人事部',
    phone: '03-1234-5678',
    email: 'hanako.yamada@sample-logi.example',
    message: '倉庫内軽作業のスタッフを5名お願いしたいです。',
    jobCategory: '軽作業',
    requestedStart: '2027-01-10',
    ...overrides,
  };
}

export function phoneInquiry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    company: '有限会社テスト製作所',
    contactName: '佐藤 一郎',
    phone: '06-9876-5432',
    requestedJobCategory: '製造補助',
    ...overrides,
  };
}
