/** Changing an application, its slot and its tasks, each with its audit event. */
import type { Actor } from '../access.js';
import type { AuditActor } from '../audit.js';
import { commitChanges, type EntityChange, entityChange } from '../entity-change.js';
import type { HubDeps } from '../hub.js';
import {
  type Application,
  type ApplicationEvent,
  type ApplicationSlot,
  slotIdOf,
  slotSubjectOf,
} from './application.js';
import type { ApprovalTask } from './approval-task.js';

export function applicationChange(
  deps: HubDeps,
  actor: Actor | AuditActor,
  operation: string,
  before: Application,
  changes: Partial<Application>,
  event: ApplicationEvent | undefined,
  now: string,
): { change: EntityChange; application: Application } {
  const application: Application = {
    ...before,
    ...changes,
    history: [...(before.history ?? []), ...(event ? [event] : [])],
    version: before.version + 1,
    updatedAt: now,
  };
  return {
    application,
    change: entityChange(deps.ids, {
      actor,
      operation,
      at: now,
      clientId: before.clientId,
      subjectId: before.applicationId,
      before,
      entity: { type: 'APPLICATION', value: application },
    }),
  };
}

/** Adds an event to the history unless one of its kind is there already (a step re-run records nothing twice). */
export async function recordEventOnce(
  deps: HubDeps,
  actor: Actor | AuditActor,
  operation: string,
  application: Application,
  kind: ApplicationEvent['kind'],
  detail?: string,
): Promise<void> {
  if (application.history.some((h) => h.kind === kind)) return;
  const now = deps.clock.now().toISOString();
  const event: ApplicationEvent = { at: now, kind, ...(detail ? { detail } : {}) };
  const { change } = applicationChange(deps, actor, operation, application, {}, event, now);
  await commitChanges(deps.ledger, [change]);
}

/**
 * Sets the client's slot for the type: its draft and its open (submitted) application, each absent
 * when none. Written at the version of `checked` — the slot the caller read and checked — so of two
 * concurrent requests only one takes it.
 */
export function slotChange(
  deps: HubDeps,
  actor: Actor | AuditActor,
  operation: string,
  application: Pick<Application, 'clientId' | 'type' | 'inquiryId' | 'individualContract'>,
  holds: { draftApplicationId?: string; openApplicationId?: string },
  now: string,
  checked: ApplicationSlot | undefined,
): EntityChange {
  const before = checked;
  const slot: ApplicationSlot = {
    clientId: application.clientId,
    type: application.type,
    ...(slotSubjectOf(application) ? { subjectId: slotSubjectOf(application) } : {}),
    ...(holds.draftApplicationId ? { draftApplicationId: holds.draftApplicationId } : {}),
    ...(holds.openApplicationId ? { openApplicationId: holds.openApplicationId } : {}),
    version: (before?.version ?? 0) + 1,
  };
  return entityChange(deps.ids, {
    actor,
    operation,
    at: now,
    clientId: application.clientId,
    subjectId: slotIdOf(application),
    before,
    entity: { type: 'APPLICATION_SLOT', value: slot },
  });
}

/**
 * A submitted application and its client's slot, which it now holds open: written together, at the
 * version of the slot the caller checked, so of two concurrent submissions only one opens.
 */
export function openApplicationChanges(
  deps: HubDeps,
  actor: Actor | AuditActor,
  operation: string,
  application: Application,
  before: Application | undefined,
  now: string,
  checked: ApplicationSlot | undefined,
): EntityChange[] {
  return [
    entityChange(deps.ids, {
      actor,
      operation,
      at: now,
      clientId: application.clientId,
      subjectId: application.applicationId,
      before,
      entity: { type: 'APPLICATION', value: application },
    }),
    slotChange(
      deps,
      actor,
      operation,
      application,
      { openApplicationId: application.applicationId },
      now,
      checked,
    ),
  ];
}

/** Frees the slot when (and only when) it still names this application. */
export async function releaseSlot(
  deps: HubDeps,
  actor: Actor | AuditActor,
  operation: string,
  application: Application,
  now: string,
): Promise<EntityChange[]> {
  const slot = await deps.ledger.getApplicationSlot(slotIdOf(application));
  if (slot?.openApplicationId !== application.applicationId) return [];
  return [slotChange(deps, actor, operation, application, {}, now, slot)];
}

export function taskChange(
  deps: HubDeps,
  actor: Actor | AuditActor,
  operation: string,
  before: ApprovalTask | undefined,
  after: ApprovalTask,
  now: string,
): EntityChange {
  // The token is a secret: the audit trail records that it changed, not its value.
  const redact = (t: ApprovalTask | undefined) => t && { ...t, taskToken: t.taskToken ? '(set)' : '' };
  const change = entityChange(deps.ids, {
    actor,
    operation,
    at: now,
    clientId: after.clientId,
    subjectId: after.taskId,
    before: redact(before),
    entity: { type: 'APPROVAL_TASK', value: redact(after) as ApprovalTask },
  });
  return { ...change, write: { ...change.write, entity: { type: 'APPROVAL_TASK', value: after } } };
}
