/**
 * The deadline job for sync conflicts (X-2, X-3, docs/policy.md "Escalation"): a conflict still
 * open `SYNC_CONFLICT_HOURS` (24) after it was detected produces exactly one escalation, to the
 * active managers of the client's department (the administrators when it has none), in their
 * inboxes and by e-mail. It stays in the overdue view until a person resolves it.
 */
import { auditChange, systemActor } from '../audit.js';
import { clientTrail } from '../clients/client.js';
import { type EscalationCount, escalateEach } from '../deadline-escalation.js';
import type { HubDeps } from '../hub.js';
import { notify } from '../notifications/notification.js';
import type { SyncConflict } from './sync-model.js';

const HOUR = 3_600_000;
/** Open conflicts looked at per run; more than this many open at once is itself an incident. */
const LIMIT = 500;

const sourceOf = (c: SyncConflict) =>
  c.system === 'kintone'
    ? `kintone（${c.app === 'orders' ? 'オーダー' : '訪問記録'}アプリ）`
    : 'G-Staff（顧客台帳）';

export async function escalateOverdueSyncConflicts(deps: HubDeps): Promise<EscalationCount> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const dueAt = (c: SyncConflict) =>
    new Date(Date.parse(c.detectedAt) + deps.policy.syncConflictHours * HOUR);
  const overdue = (await deps.ledger.listSyncConflicts('OPEN', LIMIT)).filter(
    (c) => !c.escalatedAt && dueAt(c).getTime() < now.getTime(),
  );
  if (overdue.length === 0) return { escalated: 0, skipped: 0 };
  const members = (await deps.ledger.listStaffMembers()).filter((m) => m.active);
  const clients = new Map(
    (await deps.ledger.getClients([...new Set(overdue.map((c) => c.clientId))])).map((c) => [c.clientId, c]),
  );
  // Resolved or changed meanwhile: skipped until the next run.
  return escalateEach(overdue, async (conflict) => {
    const client = clients.get(conflict.clientId);
    const managers = members.filter((m) => m.role === 'MANAGER' && m.department === client?.department);
    const recipients = managers.length > 0 ? managers : members.filter((m) => m.role === 'ADMIN');
    const escalated: SyncConflict = {
      ...conflict,
      escalatedAt: at,
      version: conflict.version + 1,
      updatedAt: at,
    };
    await deps.ledger.commit(
      [
        { entity: { type: 'SYNC_CONFLICT', value: escalated }, expectedVersion: conflict.version },
        ...notify(deps.ids, at, recipients, {
          template: 'SYNC_CONFLICT_OVERDUE',
          clientId: conflict.clientId,
          params: {
            company: client?.name ?? conflict.clientId,
            addressees: managers.length > 0 ? `${client?.department} マネージャー` : '管理者',
            source: sourceOf(conflict),
            fields: conflict.differingFields.map((f) => f.field),
            detectedAt: conflict.detectedAt,
            dueAt: dueAt(conflict).toISOString(),
            conflictId: conflict.conflictId,
          },
        }),
      ],
      [
        auditChange(deps.ids, {
          trail: clientTrail(conflict.clientId),
          at,
          actor: systemActor('deadline-job'),
          operation: 'sync.escalateConflict',
          subjectType: 'SYNC_CONFLICT',
          subjectId: conflict.conflictId,
          before: { escalatedAt: null },
          after: { escalatedAt: at, escalatedTo: recipients.map((m) => m.userId) },
        }),
      ],
    );
  });
}
