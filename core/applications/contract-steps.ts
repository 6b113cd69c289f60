/**
 * The task steps of the contract execution workflow (06_2): validate, send through GMO Sign (via
 * the signature outbox), wait for the signature (released by the completion callback; a status
 * lookup is the fallback), keep the signed PDF in G-Staff with its retention deadline (A6-5).
 * Each step is idempotent: a re-run finds what the first run did. Requirements: A4-4, A4-6, A5-2, A6-5.
 */
import { systemActor } from '../audit.js';
import { type DocumentStore, documentKey } from '../documents/document-store.js';
import { commitChanges } from '../entity-change.js';
import { ConflictError, IntegrationError, NotFoundError, PreconditionFailedError } from '../errors.js';
import type { GStaff } from '../gstaff/gstaff.js';
import { checkClientInGStaff } from '../gstaff/link-clients-to-gstaff.js';
import type { HubDeps } from '../hub.js';
import {
  recordEnvelopeCompletion,
  requestSignature,
  type SignatureEnvelope,
} from '../signing/signature-outbox.js';
import type { SignatureService } from '../signing/signature-service.js';
import type { WorkflowEngine } from '../workflows/workflow-engine.js';
import type { Application, ApplicationEvent } from './application.js';
import { applicationChange, recordEventOnce } from './application-changes.js';
import { tokenNoLongerWaits } from './approval-task.js';

export type ContractStepDeps = { documents: DocumentStore; gstaff: GStaff; signatures: SignatureService };

const WORKFLOW = systemActor('workflow');

async function loadContractApplication(deps: HubDeps, applicationId: string) {
  const application = await deps.ledger.getApplication(applicationId);
  if (!application) throw new NotFoundError('Application', applicationId);
  const contract = application.contractExecution;
  if (application.type !== 'CONTRACT_EXECUTION' || !contract) {
    throw new PreconditionFailedError(
      'APPLICATION_INCOMPLETE',
      `${applicationId} is not a contract execution`,
    );
  }
  return { application, contract };
}

const recordOnce = (
  deps: HubDeps,
  application: Application,
  kind: ApplicationEvent['kind'],
  detail?: string,
) => recordEventOnce(deps, WORKFLOW, `workflow.${kind.toLowerCase()}`, application, kind, detail);

/** 06_1 must be approved (docs/policy.md); says whether legal must review a non-standard text. */
export async function validateContractExecution(deps: HubDeps, applicationId: string) {
  const { application, contract } = await loadContractApplication(deps, applicationId);
  const approved = (await deps.ledger.listApplicationsOfClient(application.clientId)).some(
    (a) => a.type === 'CREDIT_PRECHECK' && a.status === 'APPROVED',
  );
  if (!approved)
    throw new PreconditionFailedError('CREDIT_PRECHECK_NOT_APPROVED', 'the credit pre-check is not approved');
  if (application.status === 'SUBMITTED') await recordOnce(deps, application, 'VALIDATED', contract.form);
  return { nonStandard: contract.form === 'NON_STANDARD' };
}

/** Legal has approved the send: the envelope goes to the signature outbox (one per application). */
export async function requestContractSignature(deps: HubDeps & ContractStepDeps, applicationId: string) {
  const { application, contract } = await loadContractApplication(deps, applicationId);
  const client = await deps.ledger.getClient(application.clientId);
  const signers = {
    envelopeName: contract.envelopeName,
    ourSigners: [deps.policy.basicContract.agencySigner],
    partnerSigners: [{ ...contract.clientSigner, ...(client ? { organization: client.name } : {}) }],
    approvers: [],
  };
  if (contract.form === 'NON_STANDARD') {
    // The PDF stays in the document store; the outbox entry refers to it by key.
    const stored = contract.documentKey ? await deps.documents.inspect(contract.documentKey, 4) : undefined;
    if (!contract.documentKey || !stored)
      throw new PreconditionFailedError('CONTRACT_DOCUMENT_MISSING', 'the non-standard contract PDF is gone');
    await requestSignature(
      deps,
      { businessType: 'BASIC_CONTRACT', businessId: applicationId },
      { ...signers, documentName: contract.fileName ?? '基本契約書.pdf', documentKey: contract.documentKey },
    );
  } else {
    await requestSignature(
      deps,
      { businessType: 'BASIC_CONTRACT', businessId: applicationId },
      { ...signers, templateId: deps.policy.basicContract.templateId },
    );
  }
  await recordOnce(deps, application, 'SIGNATURE_REQUESTED', contract.envelopeName);
  return {};
}

const outcomeOf = (envelope: SignatureEnvelope | undefined) =>
  envelope?.state === 'COMPLETED' ? 'COMPLETED' : envelope?.state === 'FAILED' ? 'DECLINED' : 'PENDING';

/** The callback step: the envelope keeps the token until the signature completes (or answers at once when it already has). */
export async function awaitContractSignature(deps: HubDeps, applicationId: string, taskToken: string) {
  const { contract } = await loadContractApplication(deps, applicationId);
  const envelope = await deps.ledger.getSignatureEnvelope(contract.envelopeName);
  if (!envelope) throw new NotFoundError('SignatureEnvelope', contract.envelopeName);
  const signature = outcomeOf(envelope);
  if (signature !== 'PENDING') return { alreadyDecided: { signature } };
  await deps.ledger.commit(
    [
      {
        entity: {
          type: 'SIGNATURE_ENVELOPE',
          value: {
            ...envelope,
            workflowWait: { applicationId, taskToken },
            version: envelope.version + 1,
            updatedAt: deps.clock.now().toISOString(),
          },
        },
        expectedVersion: envelope.version,
      },
    ],
    [],
  );
  return {};
}

/** The fallback when no callback came in time: GMO Sign is asked (a lookup), and the outcome recorded. */
export async function checkContractSignature(deps: HubDeps & ContractStepDeps, applicationId: string) {
  const { contract } = await loadContractApplication(deps, applicationId);
  await recordEnvelopeCompletion(deps, { envelopeName: contract.envelopeName });
  return { signature: outcomeOf(await deps.ledger.getSignatureEnvelope(contract.envelopeName)) };
}

/**
 * The client's code in G-Staff. A client the scheduled check has not reached yet is checked now —
 * linked, or registered once (A1-5); undefined when its registration needs a person.
 */
async function gstaffClientIdOf(
  deps: HubDeps & ContractStepDeps,
  clientId: string,
): Promise<string | undefined> {
  let client = await deps.ledger.getClient(clientId);
  if (client && !client.gstaff) {
    const outcome = await checkClientInGStaff(deps, client);
    if (outcome === 'retryLater' || outcome === 'changedMeanwhile') {
      throw new IntegrationError({
        system: 'gstaff',
        operation: 'registerClient',
        retryable: true,
        message: outcome,
      });
    }
    client = await deps.ledger.getClient(clientId);
  }
  return client?.gstaff?.gstaffClientId;
}

/** The signed PDF goes to G-Staff's storage with its retention deadline: open while no individual contract has ended (docs/policy.md). */
export async function storeSignedContract(deps: HubDeps & ContractStepDeps, applicationId: string) {
  const { application, contract } = await loadContractApplication(deps, applicationId);
  if (contract.gstaffContractId) return { gstaffContractId: contract.gstaffContractId };
  const envelope = await deps.ledger.getSignatureEnvelope(contract.envelopeName);
  if (envelope?.state !== 'COMPLETED' || !envelope.signedPdf) {
    throw new PreconditionFailedError('NOT_SIGNED', `${contract.envelopeName} is not signed`);
  }
  const gstaffClientId = await gstaffClientIdOf(deps, application.clientId);
  if (!gstaffClientId) {
    throw new PreconditionFailedError(
      'GSTAFF_NEEDS_REVIEW',
      'the client’s G-Staff registration needs a person (only the name matched); the signed PDF is kept in the hub',
    );
  }
  const pdf = await deps.documents.get(documentKey('signed', `${contract.envelopeName}.pdf`));
  if (!pdf)
    throw new PreconditionFailedError('SIGNED_PDF_MISSING', 'the signed PDF is not in the document store');
  const stored = await deps.gstaff.storeContract({
    hubContractId: applicationId,
    gstaffClientId,
    kind: 'BASIC',
    fileName: `${contract.envelopeName}.pdf`,
    pdfBase64: pdf.toString('base64'),
    sha256: envelope.signedPdf.sha256,
    retentionUntil: 'OPEN',
  });
  const now = deps.clock.now().toISOString();
  const { change } = applicationChange(
    deps,
    WORKFLOW,
    'contract.store',
    application,
    { contractExecution: { ...contract, gstaffContractId: stored.gstaffContractId, retentionUntil: 'OPEN' } },
    { at: now, kind: 'STORED', detail: stored.gstaffContractId },
    now,
  );
  await commitChanges(deps.ledger, [change]);
  return { gstaffContractId: stored.gstaffContractId };
}

/**
 * 06_1 decided: the decision is recorded on the client in G-Staff (once; the application id is the
 * key). A client not checked yet is checked first; one whose registration needs a person is noted
 * in the history instead of failing the decided application.
 */
export async function updateGStaffWithCredit(deps: HubDeps & ContractStepDeps, applicationId: string) {
  const application = await deps.ledger.getApplication(applicationId);
  if (!application) throw new NotFoundError('Application', applicationId);
  const decided = application.status === 'APPROVED' || application.status === 'REJECTED';
  if (application.type !== 'CREDIT_PRECHECK' || !decided || !application.creditPrecheck) return {};
  if (application.history.some((h) => h.kind === 'GSTAFF_UPDATED' || h.kind === 'GSTAFF_NOT_UPDATED'))
    return {};
  const gstaffClientId = await gstaffClientIdOf(deps, application.clientId);
  if (!gstaffClientId) {
    await recordOnce(deps, application, 'GSTAFF_NOT_UPDATED', 'the G-Staff registration needs a person');
    return { updated: false };
  }
  const { gstaffDecisionId } = await deps.gstaff.recordCreditDecision({
    hubApplicationId: applicationId,
    gstaffClientId,
    outcome: application.status as 'APPROVED' | 'REJECTED',
    decidedAt: application.decidedAt ?? deps.clock.now().toISOString(),
    creditRating: application.creditPrecheck.creditRating,
    antisocialCheck: application.creditPrecheck.antisocialCheck,
  });
  await recordOnce(deps, application, 'GSTAFF_UPDATED', gstaffDecisionId);
  return { updated: true };
}

/**
 * After a completion callback (or lookup) settled an envelope: the workflow waiting for it is
 * released. A token that no longer waits (the step timed out and looked itself) is not an error.
 */
export async function releaseSignatureWait(
  deps: HubDeps & { workflows: WorkflowEngine },
  envelopeName: string,
): Promise<boolean> {
  const envelope = await deps.ledger.getSignatureEnvelope(envelopeName);
  const signature = outcomeOf(envelope);
  if (!envelope?.workflowWait || signature === 'PENDING') return false;
  try {
    await deps.workflows.sendTaskSuccess(envelope.workflowWait.taskToken, { signature });
  } catch (error) {
    // The step no longer waits: its timeout fallback looks the envelope up itself. Any other
    // failure (access denied, the service down) is raised: the wait is kept for the next try.
    if (!tokenNoLongerWaits(error)) throw error;
  }
  const { workflowWait: _released, ...rest } = envelope;
  try {
    await deps.ledger.commit(
      [
        {
          entity: {
            type: 'SIGNATURE_ENVELOPE',
            value: { ...rest, version: envelope.version + 1, updatedAt: deps.clock.now().toISOString() },
          },
          expectedVersion: envelope.version,
        },
      ],
      [],
    );
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
  return true;
}
