/** Loading an individual contract the actor may work on, and building its audited change. */
import { type Actor, assertMay, type Permission } from '../access.js';
import type { AuditActor } from '../audit.js';
import type { Client } from '../clients/client.js';
import { getClient } from '../clients/client-queries.js';
import { type EntityChange, entityChange } from '../entity-change.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import type { IndividualContract } from './individual-contract.js';

/** Sales of the client's department and above (and whoever else `permission` allows) work on it. */
export async function loadIndividualContractForChange(
  deps: HubDeps,
  actor: Actor,
  individualContractId: string,
  expectedVersion: number | undefined,
  permission: Permission = 'individualContract.manage',
): Promise<{ contract: IndividualContract; client: Client }> {
  assertMay(actor, permission);
  const contract = await deps.ledger.getIndividualContract(individualContractId);
  if (!contract) throw new NotFoundError('IndividualContract', individualContractId);
  const client = await getClient(deps, actor, contract.clientId);
  if (expectedVersion !== undefined && expectedVersion !== contract.version) {
    throw new ConflictError(
      `individual contract ${individualContractId} was changed by someone else (version ${contract.version}, you had ${expectedVersion}); reload and try again`,
    );
  }
  return { contract, client };
}

export function individualContractChange(
  deps: HubDeps,
  actor: Actor | AuditActor,
  operation: string,
  before: IndividualContract | undefined,
  after: IndividualContract,
): EntityChange {
  return entityChange(deps.ids, {
    actor,
    operation,
    at: after.updatedAt,
    clientId: after.clientId,
    subjectId: after.individualContractId,
    entity: { type: 'INDIVIDUAL_CONTRACT', value: after },
    before,
  });
}

/** The next version of a contract with `changes` applied. */
export const nextIndividualContract = (
  before: IndividualContract,
  changes: Partial<IndividualContract>,
  now: string,
): IndividualContract => ({ ...before, ...changes, version: before.version + 1, updatedAt: now });
