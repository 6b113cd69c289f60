/** Loading an inquiry the actor may see, and writing a change to it with its audit event. */
import type { Actor } from '../access.js';
import { assertSeesDepartment } from '../access.js';
import { type AuditActor, type AuditEvent, auditChange, userActor } from '../audit.js';
import { clientTrail } from '../clients/client.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { HubDepsWith } from '../hub.js';
import type { ClientInquiryLedger, LedgerCommit, LedgerWrite } from '../ledger.js';
import type { Inquiry } from './inquiry.js';

/** Reads an inquiry; unknown ids and other departments' inquiries are both "not found" for the actor's view. */
export async function loadInquiry(
  deps: HubDepsWith<ClientInquiryLedger>,
  actor: Actor,
  inquiryId: string,
  expectedVersion?: number,
): Promise<Inquiry> {
  const inquiry = await deps.ledger.getInquiry(inquiryId);
  if (!inquiry) throw new NotFoundError('Inquiry', inquiryId);
  assertSeesDepartment(actor, inquiry.department);
  if (expectedVersion !== undefined && expectedVersion !== inquiry.version) {
    throw new ConflictError(
      `inquiry ${inquiryId} was changed by someone else (version ${inquiry.version}, you had ${expectedVersion}); reload and try again`,
    );
  }
  return inquiry;
}

/** Other entities a use case changes together with the inquiry. */
export interface RelatedWrites {
  writes: LedgerWrite[];
  audit: AuditEvent[];
}

/** Commits a new version of an inquiry (plus any other writes) with one audit event per entity. */
export async function saveInquiryChange(
  deps: HubDepsWith<LedgerCommit>,
  /** A signed-in person, or a system job (e.g. the deadline job). */
  actor: Actor | AuditActor,
  operation: string,
  before: Inquiry,
  changes: Partial<Inquiry>,
  extra: RelatedWrites = { writes: [], audit: [] },
): Promise<Inquiry> {
  const now = deps.clock.now().toISOString();
  const after: Inquiry = { ...before, ...changes, version: before.version + 1, updatedAt: now };
  await deps.ledger.commit(
    [{ entity: { type: 'INQUIRY', value: after }, expectedVersion: before.version }, ...extra.writes],
    [
      auditChange(deps.ids, {
        trail: clientTrail(before.clientId),
        at: now,
        actor: 'kind' in actor ? actor : userActor(actor),
        operation,
        subjectType: 'INQUIRY',
        subjectId: before.inquiryId,
        before: before,
        after: after,
      }),
      ...extra.audit,
    ],
  );
  return after;
}
