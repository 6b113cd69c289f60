/**
 * The basic contract's retention deadline in G-Staff (A6-5; docs/policy.md "Retention"): a basic
 * contract (06_2) is stored in G-Staff with its retention OPEN — it may not be disposed of while
 * an individual contract under it runs. Once the last individual contract under it has ended
 * (its dispatch end date is past and no other, nor a renewal, runs or is on its way to
 * signature), it is kept 3 years from that end: this job writes that deadline to G-Staff. A later
 * individual contract (a renewal, or a new order) makes the basic contract open again, and the
 * job writes OPEN back; when that one ends, the new deadline. The deadline is the contracts
 * register's (core/contracts/contracts-register.ts), so the register and G-Staff say the same.
 *
 * Each move is sent with an idempotency key naming the application, the move's number and the
 * deadline, so a retried request (an answer lost, the hub's commit lost) moves it once; it is
 * recorded on the basic contract's application (`RETENTION_MOVED`, with before → after) and on
 * the client's audit trail, by the system actor `contracts.retention`. Nothing is moved twice: a
 * run finds the deadline G-Staff holds equal to the one due and does nothing.
 * Runs as the `contracts.retention` job of core/sync/hub-jobs.ts (AWS and the local host alike).
 * Requirements: A6-5, X-1, X-3.
 */
import type { Application } from '../applications/application.js';
import { applicationChange } from '../applications/application-changes.js';
import { systemActor } from '../audit.js';
import { type JstDate, jstDateOf } from '../business-days.js';
import type { Client, ClientStage } from '../clients/client.js';
import { commitChanges } from '../entity-change.js';
import type { GStaff } from '../gstaff/gstaff.js';
import type { HubDeps } from '../hub.js';
import { errorCode } from '../sync/job-runner.js';
import { contractsOfClient } from './contracts-register.js';

export const RETENTION_JOB_ACTOR = systemActor('contracts.retention');

/** The stages of a client that has (or had) an executed basic contract. */
const STAGES_WITH_BASIC_CONTRACT: readonly ClientStage[] = ['TRADING', 'INACTIVE'];
const PAGE = 100;

export interface BasicContractRetentionResult {
  /** Basic contracts stored in G-Staff that were looked at. */
  checked: number;
  /** Deadlines written to G-Staff (and recorded) in this run. */
  moved: number;
  /** Contracts whose move failed (tried again by the next run); `errors` has their codes. */
  failed: number;
  errors: string[];
}

/** The idempotency key of a basic contract's n-th retention move to `retentionUntil`. */
export const retentionMoveKey = (applicationId: string, move: number, retentionUntil: JstDate | 'OPEN') =>
  `${applicationId}:retention:${move}:${retentionUntil}`;

async function* clientsWithBasicContracts(deps: HubDeps): AsyncIterable<Client[]> {
  for (const stage of STAGES_WITH_BASIC_CONTRACT) {
    let after: string | undefined;
    for (;;) {
      const page = await deps.ledger.listClients({ stage, first: PAGE, ...(after ? { after } : {}) });
      yield page.items;
      if (!page.hasNextPage || !page.endCursor) break;
      after = page.endCursor;
    }
  }
}

/** Writes one basic contract's due deadline to G-Staff and records it; false when already so. */
async function settle(
  deps: HubDeps & { gstaff: GStaff },
  application: Application,
  gstaffContractId: string,
  due: JstDate | 'OPEN',
): Promise<boolean> {
  const contract = application.contractExecution;
  if (!contract) return false;
  const held = (contract.retentionUntil ?? 'OPEN') as JstDate | 'OPEN';
  if (held === due) return false;
  const move = application.history.filter((h) => h.kind === 'RETENTION_MOVED').length + 1;
  await deps.gstaff.updateContractRetention({
    gstaffContractId,
    retentionUntil: due,
    idempotencyKey: retentionMoveKey(application.applicationId, move, due),
  });
  const now = deps.clock.now().toISOString();
  const { change } = applicationChange(
    deps,
    RETENTION_JOB_ACTOR,
    'contract.retention',
    application,
    { contractExecution: { ...contract, retentionUntil: due } },
    { at: now, kind: 'RETENTION_MOVED', detail: `${held} → ${due}` },
    now,
  );
  await commitChanges(deps.ledger, [change]);
  return true;
}

/**
 * One run: every executed basic contract stored in G-Staff whose deadline there differs from the
 * one due today (JST) is moved. A failure on one contract does not stop the others.
 */
export async function settleBasicContractRetention(
  deps: HubDeps & { gstaff: GStaff },
): Promise<BasicContractRetentionResult> {
  const today = jstDateOf(deps.clock.now());
  const result: BasicContractRetentionResult = { checked: 0, moved: 0, failed: 0, errors: [] };
  for await (const clients of clientsWithBasicContracts(deps)) {
    for (const client of clients) {
      const basics = (await contractsOfClient(deps, client, today)).filter(
        (e) => e.kind === 'BASIC' && e.status === 'SIGNED' && e.gstaffContractId && e.retentionUntil,
      );
      for (const entry of basics) {
        result.checked += 1;
        try {
          const application = await deps.ledger.getApplication(entry.contractId);
          if (!application) continue;
          const moved = await settle(
            deps,
            application,
            entry.gstaffContractId as string,
            entry.retentionUntil as JstDate | 'OPEN',
          );
          if (moved) result.moved += 1;
        } catch (error) {
          result.failed += 1;
          result.errors.push(errorCode(error));
        }
      }
    }
  }
  return result;
}
