/**
 * The append-only audit trail: who, when, what, and the before/after of each changed
 * field. An event is written in the same transaction as the change it describes.
 */
import type { Actor } from './access.js';
import type { IdGenerator } from './ids.js';

export type AuditActor = { kind: 'USER'; userId: string; role: string } | { kind: 'SYSTEM'; name: string };

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface AuditEvent {
  eventId: string;
  /** The trail the event belongs to: `CLIENT#<id>` or `STAFF_MEMBER#<id>`. */
  trail: string;
  at: string;
  actor: AuditActor;
  /** The use case that made the change, e.g. `inquiry.route`. */
  operation: string;
  subjectType: string;
  subjectId: string;
  changes: FieldChange[];
}

export function userActor(actor: Actor): AuditActor {
  return { kind: 'USER', userId: actor.userId, role: actor.role };
}

export const systemActor = (name: string): AuditActor => ({ kind: 'SYSTEM', name });

const BOOKKEEPING = new Set(['version', 'updatedAt']);

/** The fields that differ between two versions of an entity (top level, compared by value). */
export function changedFields<T extends object>(before: T | undefined, after: T): FieldChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  const changes: FieldChange[] = [];
  for (const field of [...keys].sort()) {
    if (BOOKKEEPING.has(field)) continue;
    const was = before ? (before as Record<string, unknown>)[field] : undefined;
    const now = (after as Record<string, unknown>)[field];
    if (JSON.stringify(was) !== JSON.stringify(now)) {
      changes.push({ field, before: was ?? null, after: now ?? null });
    }
  }
  return changes;
}

/** The audit event describing one entity's change from `before` (absent for a create) to `after`. */
export function auditChange<T extends object>(
  ids: IdGenerator,
  change: Omit<AuditEvent, 'eventId' | 'changes'> & { before: T | undefined; after: T },
): AuditEvent {
  const { before, after, ...event } = change;
  return { eventId: ids.next('evt'), ...event, changes: changedFields(before, after) };
}
