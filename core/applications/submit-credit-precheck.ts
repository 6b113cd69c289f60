/**
 * `submitCreditPrecheck`: the client's rep submits the credit / anti-social pre-check (06_1).
 * Requires a recorded visit (A3-1); one open application per client and type (the slot); the
 * rep's draft from the visit (A6-1) becomes the application; the workflow is started with the
 * application id as its execution name, so a repeated submit starts it once.
 * Requirements: A3-1, A4-1, A4-2, A4-3, A6-1.
 */
import { isDeepStrictEqual } from 'node:util';
import * as z from 'zod';
import { type Actor, assertMay } from '../access.js';
import type { Client } from '../clients/client.js';
import { clientChange } from '../clients/client-change.js';
import { getClient } from '../clients/client-queries.js';
import { commitChanges } from '../entity-change.js';
import { PreconditionFailedError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import { parseInput } from '../validation.js';
import { assertWorksOnClient } from '../visits/visit-changes.js';
import type { WorkflowEngine } from '../workflows/workflow-engine.js';
import { type Application, applicationSlotId } from './application.js';
import { openApplicationChanges } from './application-changes.js';
import { creditPrecheckSchema, directorApprovalReasons } from './credit-precheck.js';
import { restartIfResubmitted } from './resubmission.js';

export type WorkflowDeps = HubDeps & { workflows: WorkflowEngine };

const submitInput = z.object({ clientId: z.string().min(1), creditPrecheck: creditPrecheckSchema });

/** Stages from which a credit review may start (a rejected client may be submitted again). */
const REVIEWABLE: readonly Client['stage'][] = ['VISITED', 'CREDIT_REJECTED'];

export async function submitCreditPrecheck(
  deps: WorkflowDeps,
  actor: Actor,
  input: unknown,
): Promise<Application> {
  assertMay(actor, 'application.submit');
  const cmd = parseInput(submitInput, input);
  const client = await getClient(deps, actor, cmd.clientId);
  assertWorksOnClient(actor, client);

  const slot = await deps.ledger.getApplicationSlot(applicationSlotId(client.clientId, 'CREDIT_PRECHECK'));
  const again = await restartIfResubmitted(deps, 'CREDIT_PRECHECK', slot, (open) =>
    isDeepStrictEqual(open.creditPrecheck, cmd.creditPrecheck),
  );
  if (again) return again;
  if (slot?.openApplicationId) {
    throw new PreconditionFailedError(
      'APPLICATION_ALREADY_OPEN',
      `the client already has an open credit pre-check (${slot.openApplicationId}); wait for its decision`,
    );
  }
  const visits = await deps.ledger.listVisitsOfClient(client.clientId);
  const recorded = visits.filter((v) => v.status === 'RECORDED');
  if (recorded.length === 0) {
    throw new PreconditionFailedError('VISIT_REQUIRED', 'record a visit to the client first (A3-1)');
  }
  if (recorded.every((v) => v.record?.outcome === 'REJECTED_PROHIBITED_WORK')) {
    throw new PreconditionFailedError(
      'PROHIBITED_WORK',
      'the visits found only prohibited work (A3-3); no credit check can start',
    );
  }
  if (!REVIEWABLE.includes(client.stage)) {
    throw new PreconditionFailedError(
      'CLIENT_STAGE',
      `a credit pre-check starts from ${REVIEWABLE.join(' or ')}; the client is ${client.stage}`,
    );
  }

  const now = deps.clock.now().toISOString();
  const draftOfSlot = slot?.draftApplicationId
    ? await deps.ledger.getApplication(slot.draftApplicationId)
    : undefined;
  const draft = draftOfSlot?.status === 'DRAFT' ? draftOfSlot : undefined;
  // The visit's draft (A6-1) becomes the application; without one, a new one is created.
  const base: Application = draft ?? {
    applicationId: deps.ids.next('app'),
    type: 'CREDIT_PRECHECK',
    status: 'DRAFT',
    clientId: client.clientId,
    department: client.department ?? actor.department ?? '',
    applicantId: actor.userId,
    history: [],
    createdAt: now,
    updatedAt: now,
    version: 0,
  };
  const submitted = {
    status: 'SUBMITTED' as const,
    applicantId: actor.userId,
    creditPrecheck: cmd.creditPrecheck,
    directorReasons: directorApprovalReasons(cmd.creditPrecheck),
    submittedAt: now,
  };
  const application: Application = {
    ...base,
    ...submitted,
    history: [...base.history, { at: now, kind: 'SUBMITTED', by: actor.userId }],
    version: base.version + 1,
    updatedAt: now,
  };
  await commitChanges(deps.ledger, [
    ...openApplicationChanges(deps, actor, 'application.submit', application, draft, now, slot),
    clientChange(deps, actor, 'application.submit', client, { stage: 'CREDIT_REVIEW' }, now).change,
  ]);
  await deps.workflows.start('CREDIT_PRECHECK', application.applicationId, {
    applicationId: application.applicationId,
  });
  return application;
}
