/**
 * The deadline job for visit records (A3-6, docs/policy.md "Escalation"): a visit not recorded
 * within 24 hours of its (planned) end produces exactly one escalation to the managers of its
 * department. It stays in the overdue view until recorded; recording it late is recorded as
 * late. Runs on a schedule with the first-contact job.
 */
import { systemActor } from '../audit.js';
import { commitChanges } from '../entity-change.js';
import { ConflictError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import { notify } from '../notifications/notification.js';
import type { Visit } from './visit.js';
import { visitChange } from './visit-changes.js';

export async function escalateOverdueVisitRecords(
  deps: HubDeps,
): Promise<{ escalated: number; skipped: number }> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const result = { escalated: 0, skipped: 0 };
  const overdue: Visit[] = [];
  let after: string | undefined;
  do {
    const page = await deps.ledger.listOpenVisitRecordDeadlines({
      dueBefore: now,
      first: 100,
      ...(after ? { after } : {}),
    });
    overdue.push(...page.items.filter((v) => !v.recordDeadline.escalatedAt));
    after = page.hasNextPage ? page.endCursor : undefined;
  } while (after);
  if (overdue.length === 0) return result;
  const members = (await deps.ledger.listStaffMembers()).filter((m) => m.active);
  const clients = new Map(
    (await deps.ledger.getClients([...new Set(overdue.map((v) => v.clientId))])).map((c) => [c.clientId, c]),
  );
  for (const visit of overdue) {
    const client = clients.get(visit.clientId);
    const rep = members.find((m) => m.userId === visit.salesRepId);
    const { change } = visitChange(
      deps,
      systemActor('deadline-job'),
      'visit.escalateRecordDeadline',
      visit,
      { recordDeadline: { ...visit.recordDeadline, escalatedAt: at } },
      at,
    );
    try {
      await commitChanges(
        deps.ledger,
        [change],
        notify(
          deps.ids,
          at,
          members.filter((m) => m.role === 'MANAGER' && m.department === visit.department),
          {
            template: 'VISIT_RECORD_OVERDUE',
            clientId: visit.clientId,
            params: {
              company: client?.name ?? visit.clientId,
              department: visit.department,
              salesRepName: rep?.name ?? visit.salesRepId,
              dueAt: visit.recordDeadline.dueAt,
              visitId: visit.visitId,
            },
          },
        ),
      );
      result.escalated += 1;
    } catch (error) {
      // Recorded or changed meanwhile: the next run sees the new state.
      if (!(error instanceof ConflictError)) throw error;
      result.skipped += 1;
    }
  }
  return result;
}
