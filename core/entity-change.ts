/**
 * One entity's change as a use case commits it: the write (a create, or an update at the
 * version read) and its audit event on the client's trail.
 */
import type { Actor } from './access.js';
import { type AuditActor, type AuditEvent, auditChange, userActor } from './audit.js';
import { clientTrail } from './clients/client.js';
import type { IdGenerator } from './ids.js';
import type { LedgerEntity, LedgerWrite } from './ledger.js';

export interface EntityChange {
  write: LedgerWrite;
  audit: AuditEvent;
}

/** `before` absent: a create. Otherwise `after.version` must be `before.version + 1`. */
export function entityChange<T extends LedgerEntity['type']>(
  ids: IdGenerator,
  change: {
    actor: Actor | AuditActor;
    operation: string;
    at: string;
    clientId: string;
    subjectId: string;
    entity: Extract<LedgerEntity, { type: T }>;
    before: Extract<LedgerEntity, { type: T }>['value'] | undefined;
  },
): EntityChange {
  const { entity, before } = change;
  return {
    write: { entity, ...(before ? { expectedVersion: before.version } : {}) },
    audit: auditChange(ids, {
      trail: clientTrail(change.clientId),
      at: change.at,
      actor: 'kind' in change.actor ? change.actor : userActor(change.actor),
      operation: change.operation,
      subjectType: entity.type,
      subjectId: change.subjectId,
      before: before as object | undefined,
      after: entity.value as object,
    }),
  };
}

/** Commits changes (and extra writes such as notifications) as one transaction. */
export function commitChanges(
  ledger: { commit(writes: LedgerWrite[], audit: AuditEvent[]): Promise<void> },
  changes: EntityChange[],
  extraWrites: LedgerWrite[] = [],
): Promise<void> {
  return ledger.commit(
    [...changes.map((c) => c.write), ...extraWrites],
    changes.map((c) => c.audit),
  );
}
