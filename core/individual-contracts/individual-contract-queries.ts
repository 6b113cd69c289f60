/**
 * Reading individual contracts, treatment information and the worker register within the
 * actor's scope: contracts and treatment information with their client (sales and managers: their
 * department); the worker register for sales (and up) and marketing. Requirements: A5-3 … A5-5, X-5.
 */
import { type Actor, assertMay } from '../access.js';
import { getClient } from '../clients/client-queries.js';
import { NotFoundError } from '../errors.js';
import type { Worker, WorkerAssignmentMirror } from '../gstaff/worker-register-mirror.js';
import type { HubDeps } from '../hub.js';
import type { Page } from '../ledger.js';
import type { IndividualContract } from './individual-contract.js';
import {
  checkIndividualContractGates,
  type IndividualContractGateResult,
} from './individual-contract-gates.js';
import type { TreatmentInformation } from './treatment-information.js';

export async function getIndividualContract(
  deps: HubDeps,
  actor: Actor,
  individualContractId: string,
): Promise<IndividualContract> {
  assertMay(actor, 'client.read');
  const contract = await deps.ledger.getIndividualContract(individualContractId);
  if (!contract) throw new NotFoundError('IndividualContract', individualContractId);
  await getClient(deps, actor, contract.clientId);
  return contract;
}

export async function individualContractsOfClient(
  deps: HubDeps,
  actor: Actor,
  clientId: string,
): Promise<IndividualContract[]> {
  await getClient(deps, actor, clientId);
  return deps.ledger.listIndividualContractsOfClient(clientId);
}

/** The gates as they stand now, for whoever may see the contract (nothing is sent by reading them). */
export async function individualContractGates(
  deps: HubDeps,
  actor: Actor,
  contract: IndividualContract,
): Promise<IndividualContractGateResult> {
  await getClient(deps, actor, contract.clientId);
  return checkIndividualContractGates(deps, contract.individualContractId);
}

export async function treatmentInformationOfOrder(
  deps: HubDeps,
  actor: Actor,
  orderId: string,
): Promise<TreatmentInformation | undefined> {
  assertMay(actor, 'client.read');
  const info = await deps.ledger.getTreatmentInformation(orderId);
  if (!info) return undefined;
  await getClient(deps, actor, info.clientId);
  return info;
}

export async function workerRegister(
  deps: HubDeps,
  actor: Actor,
  page: { first?: number; after?: string },
): Promise<Page<Worker>> {
  assertMay(actor, 'worker.read');
  const first = Math.min(Math.max(page.first ?? 50, 1), 200);
  return deps.ledger.listWorkers(first, page.after);
}

export async function getWorker(deps: HubDeps, actor: Actor, workerId: string): Promise<Worker> {
  assertMay(actor, 'worker.read');
  const worker = await deps.ledger.getWorker(workerId);
  if (!worker) throw new NotFoundError('Worker', workerId);
  return worker;
}

/** A worker's assignments (the worker register's), oldest first. */
export async function workerAssignmentsOfWorker(
  deps: HubDeps,
  actor: Actor,
  workerId: string,
): Promise<WorkerAssignmentMirror[]> {
  assertMay(actor, 'worker.read');
  return deps.ledger.listWorkerAssignmentsOfWorker(workerId);
}
