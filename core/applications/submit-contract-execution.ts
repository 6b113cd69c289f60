/**
 * `submitContractExecution`: the rep submits the contract execution application (06_2) for
 * the basic contract (docs/policy.md "Contract execution (06_2) and basic contract"): it requires an
 * approved 06_1; the rep marks the contract STANDARD (the agency's template in GMO Sign) or
 * NON_STANDARD (the client's own text, a PDF uploaded beforehand), and the client's signer is
 * its contact. The workflow asks the manager, legal reviews a non-standard text, legal sends it
 * through GMO Sign, waits for the signature, keeps the signed PDF in G-Staff, and the client is
 * TRADING. Requirements: A4-4, A4-6, A5-2, A6-5.
 */

import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import * as z from 'zod';
import { type Actor, assertMay } from '../access.js';
import { dueWithinBusinessDays } from '../business-days.js';
import { type Client, contractContact } from '../clients/client.js';
import { clientChange } from '../clients/client-change.js';
import { getClient } from '../clients/client-queries.js';
import { type DocumentStore, documentKey, type UploadGrant } from '../documents/document-store.js';
import { commitChanges } from '../entity-change.js';
import { PreconditionFailedError, ValidationError } from '../errors.js';
import { parseInput } from '../validation.js';
import { assertWorksOnClient } from '../visits/visit-changes.js';
import { type Application, type ContractExecution, slotIdOf } from './application.js';
import { openApplicationChanges } from './application-changes.js';
import { restartIfResubmitted } from './resubmission.js';
import type { WorkflowDeps } from './submit-credit-precheck.js';

export const MAX_CONTRACT_BYTES = 10 * 1024 * 1024;

const submitInput = z
  .object({
    clientId: z.string().min(1),
    form: z.enum(['STANDARD', 'NON_STANDARD']),
    /** NON_STANDARD: the key `requestContractUpload` returned, after the PDF was uploaded. */
    documentKey: z.string().min(1).optional(),
    fileName: z.string().trim().min(1).max(200).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.form === 'NON_STANDARD' && !v.documentKey) {
      ctx.addIssue({
        code: 'custom',
        path: ['documentKey'],
        message: 'a non-standard contract needs its PDF',
      });
    }
    if (v.form === 'STANDARD' && v.documentKey) {
      ctx.addIssue({
        code: 'custom',
        path: ['documentKey'],
        message: 'a standard contract uses the agency template',
      });
    }
  });

/** The client's signer: the contact of its latest request that left an e-mail address. */
async function clientSigner(deps: WorkflowDeps, client: Client): Promise<{ name: string; email: string }> {
  const contact = contractContact(client, await deps.ledger.listInquiriesOfClient(client.clientId));
  if (!contact) {
    throw new PreconditionFailedError(
      'CLIENT_SIGNER_UNKNOWN',
      'no e-mail address of the client’s contact is known; record it with updateClientProfile(contact)',
    );
  }
  return contact;
}

export async function submitContractExecution(
  deps: WorkflowDeps & { documents: DocumentStore },
  actor: Actor,
  input: unknown,
): Promise<Application> {
  assertMay(actor, 'application.submit');
  const cmd = parseInput(submitInput, input);
  const client = await getClient(deps, actor, cmd.clientId);
  assertWorksOnClient(actor, client);
  const slot = await deps.ledger.getApplicationSlot(
    slotIdOf({ clientId: client.clientId, type: 'CONTRACT_EXECUTION' }),
  );
  const again = await restartIfResubmitted(deps, 'CONTRACT_EXECUTION', slot, (open) =>
    isDeepStrictEqual(
      [open.contractExecution?.form, open.contractExecution?.documentKey],
      [cmd.form, cmd.documentKey],
    ),
  );
  if (again) return again;
  if (slot?.openApplicationId) {
    throw new PreconditionFailedError(
      'APPLICATION_ALREADY_OPEN',
      `the client already has an open contract execution application (${slot.openApplicationId})`,
    );
  }
  const applications = await deps.ledger.listApplicationsOfClient(client.clientId);
  if (
    !applications.some((a) => a.type === 'CREDIT_PRECHECK' && a.status === 'APPROVED') ||
    client.stage !== 'CREDIT_APPROVED'
  ) {
    throw new PreconditionFailedError(
      'CREDIT_PRECHECK_NOT_APPROVED',
      `a basic contract needs an approved credit pre-check (06_1); the client is ${client.stage}`,
    );
  }
  if (cmd.documentKey) {
    if (!cmd.documentKey.startsWith(documentKey('contracts', client.clientId))) {
      throw new ValidationError([{ path: 'input.documentKey', message: 'is not an upload for this client' }]);
    }
    const stored = await deps.documents.inspect(cmd.documentKey, 5);
    if (stored?.head.toString('latin1') !== '%PDF-') {
      throw new ValidationError([
        { path: 'input.documentKey', message: 'no PDF has been uploaded under this key' },
      ]);
    }
  }
  const now = deps.clock.now().toISOString();
  const applicationId = deps.ids.next('app');
  const contractExecution: ContractExecution = {
    form: cmd.form,
    ...(cmd.documentKey
      ? { documentKey: cmd.documentKey, fileName: cmd.fileName ?? '基本契約書（定形外）.pdf' }
      : {}),
    clientSigner: await clientSigner(deps, client),
    envelopeName: `BASIC-${client.clientId}-${applicationId}`,
    deadline: {
      dueAt: dueWithinBusinessDays(
        new Date(now),
        deps.policy.contractExecutionBusinessDays,
        deps.policy.calendar,
      ).toISOString(),
    },
  };
  const application: Application = {
    applicationId,
    type: 'CONTRACT_EXECUTION',
    status: 'SUBMITTED',
    clientId: client.clientId,
    department: client.department ?? actor.department ?? '',
    applicantId: actor.userId,
    contractExecution,
    directorReasons: [],
    submittedAt: now,
    history: [{ at: now, kind: 'SUBMITTED', by: actor.userId, detail: cmd.form }],
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await commitChanges(deps.ledger, [
    ...openApplicationChanges(deps, actor, 'application.submit', application, undefined, now, slot),
    clientChange(deps, actor, 'application.submit', client, { stage: 'CONTRACTING' }, now).change,
  ]);
  await deps.workflows.start('CONTRACT_EXECUTION', applicationId, { applicationId });
  return application;
}

const uploadInput = z.object({
  clientId: z.string().min(1),
  fileName: z.string().trim().min(1).max(200),
  size: z
    .number()
    .int()
    .positive()
    .max(MAX_CONTRACT_BYTES, `at most ${MAX_CONTRACT_BYTES / 1024 / 1024} MB`),
});

/** A pre-signed upload for a non-standard contract's PDF (the client's own text). */
export async function requestContractUpload(
  deps: WorkflowDeps & { documents: DocumentStore },
  actor: Actor,
  input: unknown,
): Promise<{ documentKey: string; upload: UploadGrant }> {
  assertMay(actor, 'application.submit');
  const cmd = parseInput(uploadInput, input);
  const client = await getClient(deps, actor, cmd.clientId);
  assertWorksOnClient(actor, client);
  const key = documentKey('contracts', client.clientId, `${randomUUID()}.pdf`);
  return {
    documentKey: key,
    upload: await deps.documents.presignUpload(key, { contentType: 'application/pdf', size: cmd.size }, 300),
  };
}
