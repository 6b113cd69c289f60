/**
 * A realistic staff directory for the local hub: three sales departments with managers and
 * reps, a director, legal, marketing and an admin. Seeded once; existing entries are left alone.
 */
import { auditChange, systemActor } from '../core/audit.js';
import type { Clock } from '../core/clock.js';
import { ConflictError } from '../core/errors.js';
import type { IdGenerator } from '../core/ids.js';
import type { ClientLedger } from '../core/ledger.js';
import { staffTrail } from '../core/staff/manage-staff.js';
import type { StaffMember } from '../core/staff/staff-member.js';

type Seed = Pick<StaffMember, 'userId' | 'name' | 'role'> &
  Partial<Pick<StaffMember, 'department' | 'supervisorId'>>;

export const DEV_DIRECTORY: Seed[] = [
  { userId: 'director.kobayashi', name: '小林 誠', role: 'DIRECTOR', department: 'EXECUTIVE' },
  {
    userId: 'mgr.tokyo',
    name: '佐々木 健一',
    role: 'MANAGER',
    department: 'SALES_TOKYO',
    supervisorId: 'director.kobayashi',
  },
  {
    userId: 'sales.tokyo1',
    name: '高橋 美咲',
    role: 'SALES',
    department: 'SALES_TOKYO',
    supervisorId: 'mgr.tokyo',
  },
  {
    userId: 'sales.tokyo2',
    name: '伊藤 翔',
    role: 'SALES',
    department: 'SALES_TOKYO',
    supervisorId: 'mgr.tokyo',
  },
  {
    userId: 'mgr.osaka',
    name: '中村 大輔',
    role: 'MANAGER',
    department: 'SALES_OSAKA',
    supervisorId: 'director.kobayashi',
  },
  {
    userId: 'sales.osaka1',
    name: '山本 彩',
    role: 'SALES',
    department: 'SALES_OSAKA',
    supervisorId: 'mgr.osaka',
  },
  {
    userId: 'sales.osaka2',
    name: '松本 拓也',
    role: 'SALES',
    department: 'SALES_OSAKA',
    supervisorId: 'mgr.osaka',
  },
  {
    userId: 'mgr.nagoya',
    name: '井上 直樹',
    role: 'MANAGER',
    department: 'SALES_NAGOYA',
    supervisorId: 'director.kobayashi',
  },
  {
    userId: 'sales.nagoya1',
    name: '木村 陽菜',
    role: 'SALES',
    department: 'SALES_NAGOYA',
    supervisorId: 'mgr.nagoya',
  },
  {
    userId: 'legal.tanaka',
    name: '田中 由美',
    role: 'LEGAL',
    department: 'LEGAL',
    supervisorId: 'director.kobayashi',
  },
  {
    userId: 'mkt.suzuki',
    name: '鈴木 彩花',
    role: 'MARKETING',
    department: 'MARKETING',
    supervisorId: 'director.kobayashi',
  },
  {
    userId: 'mkt.watanabe',
    name: '渡辺 蓮',
    role: 'MARKETING',
    department: 'MARKETING',
    supervisorId: 'mkt.suzuki',
  },
  { userId: 'admin.kato', name: '加藤 修', role: 'ADMIN', department: 'OPERATIONS' },
];

/** Adds each seed member that is not there yet; returns how many were added. */
export async function seedDirectory(deps: {
  ledger: ClientLedger;
  clock: Clock;
  ids: IdGenerator;
}): Promise<number> {
  let added = 0;
  for (const seed of DEV_DIRECTORY) {
    const now = deps.clock.now().toISOString();
    const member: StaffMember = {
      ...seed,
      email: `${seed.userId}@haken-agency.example`,
      active: true,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await deps.ledger.commit(
        [{ entity: { type: 'STAFF_MEMBER', value: member } }],
        [
          auditChange(deps.ids, {
            trail: staffTrail(member.userId),
            at: now,
            actor: systemActor('dev-seed'),
            operation: 'staff.create',
            subjectType: 'STAFF_MEMBER',
            subjectId: member.userId,
            before: undefined,
            after: member,
          }),
        ],
      );
      added += 1;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return added;
}
