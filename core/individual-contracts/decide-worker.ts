/**
 * decideWorker: sales pick the dispatched worker of an individual contract from the worker
 * register (the G-Staff mirror). The dispatch-period check runs here — the contract must end
 * before the establishment's conflict date and before the worker's own conflict date in the
 * organisational unit, the earlier binding, unless an exemption is recorded with its reason —
 * and a refusal names the date and the rule. The workflow's gate runs the same check again.
 * Requirements: A5-5, A5-3, X-1, X-4.
 */
import * as z from 'zod';
import type { Actor } from '../access.js';
import { commitChanges } from '../entity-change.js';
import { PreconditionFailedError } from '../errors.js';
import { conflictDateInForce, type Establishment, sameSiteName } from '../establishments/establishment.js';
import type { HubDeps } from '../hub.js';
import { parseInput } from '../validation.js';
import { type IndividualContract, PERIOD_LIMIT_EXEMPTIONS } from './individual-contract.js';
import {
  individualContractChange,
  loadIndividualContractForChange,
  nextIndividualContract,
} from './individual-contract-changes.js';
import { checkDispatchPeriod, type PeriodCheckInput } from './period-check.js';

/** What the period check needs, read from the ledger; or why it cannot be read. */
export type PeriodCheckFacts =
  | { ok: true; input: Omit<PeriodCheckInput, 'exemption'>; workerName: string }
  | { ok: false; message: string };

export async function loadPeriodCheckFacts(
  deps: Pick<HubDeps, 'ledger'>,
  contract: Pick<IndividualContract, 'clientId' | 'establishmentId' | 'organisationalUnitId' | 'period'>,
  workerId: string,
  establishment?: Establishment,
): Promise<PeriodCheckFacts> {
  const site = establishment ?? (await deps.ledger.getEstablishment(contract.establishmentId));
  const unit = site?.organisationalUnits.find(
    (u) => u.organisationalUnitId === contract.organisationalUnitId,
  );
  if (!site || !unit) {
    return { ok: false, message: '派遣先の事業所または組織単位が見つかりません。' };
  }
  const [worker, client] = await Promise.all([
    deps.ledger.getWorker(workerId),
    deps.ledger.getClient(contract.clientId),
  ]);
  if (!worker) {
    return { ok: false, message: `派遣労働者 ${workerId} はスタッフ台帳にいません。` };
  }
  const gstaffClientId = client?.gstaff?.gstaffClientId;
  if (!gstaffClientId) {
    return {
      ok: false,
      message:
        'この派遣先の G-Staff 顧客登録が確認できていないため、スタッフ台帳の派遣実績（個人単位の抵触日）を確認できません。',
    };
  }
  const assignments = (await deps.ledger.listWorkerAssignmentsOfWorker(workerId)).filter(
    (a) =>
      a.gstaffClientId === gstaffClientId &&
      sameSiteName(a.establishment, site.name) &&
      sameSiteName(a.organisationalUnit, unit.name),
  );
  return {
    ok: true,
    workerName: worker.name,
    input: {
      period: contract.period,
      establishmentConflictDate: conflictDateInForce(site),
      workerAssignmentsInUnit: assignments,
      worker: {
        employmentTerm: worker.employmentTerm,
        ...(worker.birthDate ? { birthDate: worker.birthDate } : {}),
      },
    },
  };
}

const decideWorkerInput = z.object({
  individualContractId: z.string().min(1),
  workerId: z.string().trim().min(1, 'must name a worker of the worker register').max(100),
  exemption: z
    .object({
      kind: z.enum(PERIOD_LIMIT_EXEMPTIONS),
      reason: z.string().trim().min(1, 'an exemption needs its reason').max(2000),
    })
    .optional(),
  expectedVersion: z.number().int().min(1),
});

export async function decideWorker(deps: HubDeps, actor: Actor, input: unknown): Promise<IndividualContract> {
  const cmd = parseInput(decideWorkerInput, input);
  const { contract } = await loadIndividualContractForChange(
    deps,
    actor,
    cmd.individualContractId,
    cmd.expectedVersion,
  );
  if (contract.status !== 'DRAFT') {
    throw new PreconditionFailedError(
      'INDIVIDUAL_CONTRACT_NOT_DRAFT',
      'the worker is decided while the individual contract is a draft',
    );
  }
  const facts = await loadPeriodCheckFacts(deps, contract, cmd.workerId);
  if (!facts.ok) throw new PreconditionFailedError('PERIOD_CHECK', facts.message);
  const result = checkDispatchPeriod({
    ...facts.input,
    ...(cmd.exemption ? { exemption: cmd.exemption } : {}),
  });
  if (!result.ok) {
    throw new PreconditionFailedError('PERIOD_CHECK', result.violations.map((v) => v.message).join(' '));
  }
  const now = deps.clock.now().toISOString();
  const after = nextIndividualContract(
    contract,
    {
      worker: {
        workerId: cmd.workerId,
        workerName: facts.workerName,
        decidedBy: actor.userId,
        decidedAt: now,
        ...(result.bindingConflictDate ? { bindingConflictDate: result.bindingConflictDate } : {}),
      },
    },
    now,
  );
  if (cmd.exemption) {
    after.exemption = { ...cmd.exemption, recordedBy: actor.userId, recordedAt: now };
  } else {
    delete after.exemption;
  }
  await commitChanges(deps.ledger, [
    individualContractChange(deps, actor, 'individualContract.decideWorker', contract, after),
  ]);
  return after;
}
