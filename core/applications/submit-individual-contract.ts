/**
 * `submitIndividualContract`: the client's rep (or a manager) sends a drafted individual contract
 * on its way — every gate is checked first (an executed basic contract, the conflict-date notice,
 * the treatment information, every required item, a decided worker, the period check) and a
 * failing gate refuses it, naming the gate and why, with nothing written; then its workflow runs
 * (individual-contract-workflow.ts), which checks the gates again before it shares and before it
 * sends. `renewIndividualContract` creates the next period of a signed contract and submits it:
 * the gates run for the new period, and a refusal leaves nothing behind.
 * Requirements: A5-3, A5-4, A5-5, A5-6, A6-5, X-1, X-4.
 */
import { isDeepStrictEqual } from 'node:util';
import * as z from 'zod';
import { type Actor, assertMay } from '../access.js';
import type { JstDate } from '../business-days.js';
import { contractContact } from '../clients/client.js';
import { getClient } from '../clients/client-queries.js';
import { dayAfter } from '../contracts/retention.js';
import { commitChanges, type EntityChange } from '../entity-change.js';
import { NotFoundError, PreconditionFailedError, ValidationError } from '../errors.js';
import type { IndividualContract } from '../individual-contracts/individual-contract.js';
import { individualContractChange } from '../individual-contracts/individual-contract-changes.js';
import type { ClientLedger } from '../ledger.js';
import { parseInput } from '../validation.js';
import { assertWorksOnClient } from '../visits/visit-changes.js';
import type { Application } from './application.js';
import { slotIdOf } from './application.js';
import { openApplicationChanges } from './application-changes.js';
import { assertIndividualContractGates, individualEnvelopeName } from './individual-contract-workflow.js';
import { restartIfResubmitted } from './resubmission.js';
import type { WorkflowDeps } from './submit-credit-precheck.js';

const submitInput = z.object({ individualContractId: z.string().min(1) });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const renewInput = z.object({
  individualContractId: z.string().min(1),
  /** The new period's last dispatch day; it starts the day after the renewed one ends. */
  endDate: z.string().regex(DATE, 'must be YYYY-MM-DD'),
});

/** The ledger with one contract not stored yet, as the gates should see it (a renewal before it is written). */
function ledgerWith(ledger: ClientLedger, contract: IndividualContract): ClientLedger {
  return new Proxy(ledger, {
    get(target, property, receiver) {
      if (property === 'getIndividualContract')
        return async (id: string) =>
          id === contract.individualContractId ? contract : target.getIndividualContract(id);
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The application a contract is sent with, and the writes that start it (with the contract itself when new). */
async function applicationFor(
  deps: WorkflowDeps,
  actor: Actor,
  contract: IndividualContract,
  renewalOf: string | undefined,
): Promise<{ application: Application; changes: EntityChange[] }> {
  const client = await getClient(deps, actor, contract.clientId);
  assertWorksOnClient(actor, client);
  const repId = client.salesRepId;
  const rep = repId ? await deps.ledger.getStaffMember(repId) : undefined;
  if (!rep?.active) {
    throw new PreconditionFailedError(
      'SALES_REP_UNKNOWN',
      'the client has no active sales rep to approve the contract in GMO Sign (A5-6); assign one first',
    );
  }
  const signer = contractContact(client, await deps.ledger.listInquiriesOfClient(client.clientId));
  if (!signer) {
    throw new PreconditionFailedError(
      'CLIENT_SIGNER_UNKNOWN',
      'no e-mail address of the client’s contact is known; record it with updateClientProfile(contact)',
    );
  }
  const now = deps.clock.now().toISOString();
  const applicationId = deps.ids.next('app');
  const application: Application = {
    applicationId,
    type: 'INDIVIDUAL_CONTRACT',
    status: 'SUBMITTED',
    clientId: client.clientId,
    department: client.department ?? actor.department ?? '',
    applicantId: actor.userId,
    individualContract: {
      individualContractId: contract.individualContractId,
      orderId: contract.orderId,
      ...(renewalOf ? { renewalOf } : {}),
      period: contract.period,
      envelopeName: individualEnvelopeName(contract.individualContractId),
      approver: { userId: rep.userId, name: rep.name, email: rep.email },
      clientSigner: signer,
    },
    directorReasons: [],
    submittedAt: now,
    history: [
      {
        at: now,
        kind: 'SUBMITTED',
        by: actor.userId,
        detail: renewalOf ? `renewal of ${renewalOf}` : contract.individualContractId,
      },
    ],
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const slot = await deps.ledger.getApplicationSlot(slotIdOf(application));
  if (slot?.openApplicationId) {
    throw new PreconditionFailedError(
      'APPLICATION_ALREADY_OPEN',
      `the individual contract is already on its way (${slot.openApplicationId})`,
    );
  }
  return {
    application,
    changes: [
      ...openApplicationChanges(deps, actor, 'application.submit', application, undefined, now, slot),
    ],
  };
}

/** An individual contract already signed (its application approved) is not sent again. */
async function signedApplicationOf(deps: WorkflowDeps, contract: IndividualContract) {
  return (await deps.ledger.listApplicationsOfClient(contract.clientId)).find(
    (a) =>
      a.type === 'INDIVIDUAL_CONTRACT' &&
      a.status === 'APPROVED' &&
      a.individualContract?.individualContractId === contract.individualContractId,
  );
}

export async function submitIndividualContract(
  deps: WorkflowDeps,
  actor: Actor,
  input: unknown,
): Promise<Application> {
  assertMay(actor, 'individualContract.manage');
  const cmd = parseInput(submitInput, input);
  const contract = await deps.ledger.getIndividualContract(cmd.individualContractId);
  if (!contract) throw new NotFoundError('IndividualContract', cmd.individualContractId);
  const client = await getClient(deps, actor, contract.clientId);
  assertWorksOnClient(actor, client);
  const slot = await deps.ledger.getApplicationSlot(
    slotIdOf({
      clientId: contract.clientId,
      type: 'INDIVIDUAL_CONTRACT',
      individualContract: { individualContractId: contract.individualContractId } as never,
    }),
  );
  const again = await restartIfResubmitted(deps, 'INDIVIDUAL_CONTRACT', slot, (open) =>
    isDeepStrictEqual(open.individualContract?.period, contract.period),
  );
  if (again) return again;
  if (await signedApplicationOf(deps, contract)) {
    throw new PreconditionFailedError(
      'ALREADY_SIGNED',
      'this individual contract is signed; renew it (renewIndividualContract) for another period',
    );
  }
  await assertIndividualContractGates(deps, contract.individualContractId);
  const renewalOf = (await deps.ledger.listApplicationsOfClient(contract.clientId)).find(
    (a) =>
      a.type === 'INDIVIDUAL_CONTRACT' &&
      a.individualContract?.individualContractId === contract.individualContractId,
  )?.individualContract?.renewalOf;
  const { application, changes } = await applicationFor(deps, actor, contract, renewalOf);
  await commitChanges(deps.ledger, changes);
  await deps.workflows.start('INDIVIDUAL_CONTRACT', application.applicationId, {
    applicationId: application.applicationId,
  });
  return application;
}

/**
 * Renewal (更新): the next period of a signed individual contract, with the same order,
 * establishment, unit, terms and worker; every gate runs for the new period before anything is
 * written, and the new contract goes on its way at once.
 */
export async function renewIndividualContract(
  deps: WorkflowDeps,
  actor: Actor,
  input: unknown,
): Promise<Application> {
  assertMay(actor, 'individualContract.manage');
  const cmd = parseInput(renewInput, input);
  const previous = await deps.ledger.getIndividualContract(cmd.individualContractId);
  if (!previous) throw new NotFoundError('IndividualContract', cmd.individualContractId);
  const client = await getClient(deps, actor, previous.clientId);
  assertWorksOnClient(actor, client);
  if (!(await signedApplicationOf(deps, previous))) {
    throw new PreconditionFailedError(
      'NOT_SIGNED',
      'only a signed individual contract is renewed; send this one first (submitIndividualContract)',
    );
  }
  const applications = await deps.ledger.listApplicationsOfClient(previous.clientId);
  const existing = applications.find(
    (a) =>
      a.type === 'INDIVIDUAL_CONTRACT' &&
      a.individualContract?.renewalOf === previous.individualContractId &&
      a.status !== 'REJECTED' &&
      a.status !== 'FAILED',
  );
  const startDate: JstDate = dayAfter(previous.period.endDate);
  if (existing) {
    // The same renewal again (a double click, a lost answer): its workflow is started once more.
    if (existing.individualContract?.period.endDate === cmd.endDate && existing.status === 'SUBMITTED') {
      await deps.workflows.start('INDIVIDUAL_CONTRACT', existing.applicationId, {
        applicationId: existing.applicationId,
      });
      return existing;
    }
    throw new PreconditionFailedError(
      'ALREADY_RENEWED',
      `this contract was renewed already (${existing.individualContract?.individualContractId})`,
    );
  }
  if (cmd.endDate < startDate) {
    throw new ValidationError([
      { path: 'input.endDate', message: `must be on or after ${startDate}, the first day of the new period` },
    ]);
  }
  const now = deps.clock.now().toISOString();
  const { termsRequest: _request, ...carried } = previous;
  const next: IndividualContract = {
    ...carried,
    individualContractId: deps.ids.next('ic'),
    period: { startDate, endDate: cmd.endDate },
    status: 'DRAFT',
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const withNext = { ...deps, ledger: ledgerWith(deps.ledger, next) };
  await assertIndividualContractGates(withNext, next.individualContractId);
  const { application, changes } = await applicationFor(withNext, actor, next, previous.individualContractId);
  await commitChanges(deps.ledger, [
    individualContractChange(deps, actor, 'individualContract.renew', undefined, next),
    ...changes,
  ]);
  await deps.workflows.start('INDIVIDUAL_CONTRACT', application.applicationId, {
    applicationId: application.applicationId,
  });
  return application;
}
