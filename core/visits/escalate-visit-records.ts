/**
 * The deadline job for visit records (A3-6, docs/policy.md "Escalation"): a visit not recorded
 * within 24 hours of its (planned) end produces exactly one escalation to the managers of its
 * department. It stays in the overdue view until recorded; recording it late is recorded as
 * late. Runs on a schedule with the first-contact job.
 */
import { systemActor } from '../audit.js';
import { type EscalationCount, escalateEach, everyPage } from '../deadline-escalation.js';
import { commitChanges } from '../entity-change.js';
import type { HubDeps } from '../hub.js';
import { notify } from '../notifications/notification.js';
import { visitChange } from './visit-changes.js';

export async function escalateOverdueVisitRecords(deps: HubDeps): Promise<EscalationCount> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const overdue = (
    await everyPage((page) => deps.ledger.listOpenVisitRecordDeadlines({ dueBefore: now, ...page }))
  ).filter((v) => !v.recordDeadline.escalatedAt);
  if (overdue.length === 0) return { escalated: 0, skipped: 0 };
  const staff = await deps.ledger.listStaffMembers();
  const managers = staff.filter((m) => m.active && m.role === 'MANAGER');
  const clients = new Map(
    (await deps.ledger.getClients([...new Set(overdue.map((v) => v.clientId))])).map((c) => [c.clientId, c]),
  );
  // Recorded or changed meanwhile: skipped until the next run.
  return escalateEach(overdue, async (visit) => {
    // A rep who has left since is still named, not shown as an id.
    const rep = staff.find((m) => m.userId === visit.salesRepId);
    const { change } = visitChange(
      deps,
      systemActor('deadline-job'),
      'visit.escalateRecordDeadline',
      visit,
      { recordDeadline: { ...visit.recordDeadline, escalatedAt: at } },
      at,
    );
    await commitChanges(
      deps.ledger,
      [change],
      notify(
        deps.ids,
        at,
        managers.filter((m) => m.department === visit.department),
        {
          template: 'VISIT_RECORD_OVERDUE',
          clientId: visit.clientId,
          params: {
            company: clients.get(visit.clientId)?.name ?? visit.clientId,
            department: visit.department,
            salesRepName: rep?.name ?? visit.salesRepId,
            dueAt: visit.recordDeadline.dueAt,
            visitId: visit.visitId,
          },
        },
      ),
    );
  });
}
