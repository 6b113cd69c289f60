/** A client's change with its audit event, as use cases commit it (like visitChange, applicationChange). */
import type { Actor } from '../access.js';
import type { AuditActor } from '../audit.js';
import { type EntityChange, entityChange } from '../entity-change.js';
import type { HubDeps } from '../hub.js';
import type { Client } from './client.js';

export function clientChange(
  deps: HubDeps,
  actor: Actor | AuditActor,
  operation: string,
  before: Client,
  changes: Partial<Client>,
  now: string,
): { change: EntityChange; client: Client } {
  const client: Client = { ...before, ...changes, version: before.version + 1, updatedAt: now };
  return {
    client,
    change: entityChange(deps.ids, {
      actor,
      operation,
      at: now,
      clientId: before.clientId,
      subjectId: before.clientId,
      before,
      entity: { type: 'CLIENT', value: client },
    }),
  };
}
