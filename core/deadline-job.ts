/**
 * The deadline job (X-2, docs/policy.md "Escalation"): every deadline the hub tracks that fell
 * due without being met is escalated once. Runs on a schedule (the outbox Lambda on AWS,
 * the local host's loop in dev) before the outboxes, so its e-mails go out in the same run.
 */
import { escalateDelayedContractExecutions } from './applications/contract-delay.js';
import type { HubDeps } from './hub.js';
import { escalateOverdueTermsRequests } from './individual-contracts/escalate-terms-requests.js';
import { escalateOverdueFirstContacts } from './inquiries/escalate-first-contacts.js';
import { escalateOverdueSyncConflicts } from './sync/escalate-sync-conflicts.js';
import { escalateOverdueVisitRecords } from './visits/escalate-visit-records.js';

export interface DeadlineJobResult {
  firstContacts: { escalated: number; skipped: number };
  visitRecords: { escalated: number; skipped: number };
  contractExecutions: { escalated: number; skipped: number };
  individualContractTerms: { escalated: number; skipped: number };
  syncConflicts: { escalated: number; skipped: number };
}

export async function runDeadlineJob(deps: HubDeps): Promise<DeadlineJobResult> {
  return {
    firstContacts: await escalateOverdueFirstContacts(deps),
    visitRecords: await escalateOverdueVisitRecords(deps),
    contractExecutions: await escalateDelayedContractExecutions(deps),
    individualContractTerms: await escalateOverdueTermsRequests(deps),
    syncConflicts: await escalateOverdueSyncConflicts(deps),
  };
}
