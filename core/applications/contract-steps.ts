/**
 * The signing steps every contract workflow shares, generic over the kind of contract (the basic
 * contract of 06_2, an individual contract): send through GMO Sign (via the signature outbox, one
 * envelope per contract), wait for the signature (released by the completion callback; a look-up
 * is the fallback), keep the signed PDF in G-Staff with its retention deadline (A6-5). The kind
 * says which envelope, to whom, and what is kept for how long. Each step is idempotent: a re-run
 * finds what the first run did. Requirements: A4-4, A4-6, A5-2, A5-6, A6-5.
 */
import * as z from 'zod';
import type { JstDate } from '../business-days.js';
import { documentKey } from '../documents/document-store.js';
import { commitChanges, type EntityChange } from '../entity-change.js';
import { ConflictError, IntegrationError, NotFoundError, PreconditionFailedError } from '../errors.js';
import type { ContractToStore } from '../gstaff/gstaff.js';
import { checkClientInGStaff } from '../gstaff/link-clients-to-gstaff.js';
import type { HubDeps } from '../hub.js';
import {
  recordEnvelopeCompletion,
  requestSignature,
  type SignatureEnvelope,
} from '../signing/signature-outbox.js';
import type { EnvelopeRequest } from '../signing/signature-service.js';
import type { WorkflowEngine } from '../workflows/workflow-engine.js';
import type { Application, ApplicationEvent } from './application.js';
import { applicationChange, recordEventOnce } from './application-changes.js';
import { tokenNoLongerWaits } from './approval-task.js';
import { WORKFLOW, type WorkflowTask, type WorkflowTaskDeps, workflowTask } from './workflow-module.js';

/** What the signing steps use besides the hub's ledger, clock and ids. */
export type ContractStepDeps = Omit<WorkflowTaskDeps, keyof HubDeps>;

/** What G-Staff keeps of a signed contract (the PDF and its checksum are added by the store step). */
export type ContractStorage = Pick<ContractToStore, 'hubContractId' | 'kind' | 'fileName'> & {
  retentionUntil: JstDate | 'OPEN';
};

/** A kind of contract the signing steps can take through GMO Sign to G-Staff. */
export interface SignedContractKind {
  /** Its task names start with it (`contract.requestSignature`, …). */
  taskPrefix: string;
  /** The application and its contract's envelope name; refuses an application of another kind. */
  load(deps: HubDeps, applicationId: string): Promise<{ application: Application; envelopeName: string }>;
  /** The envelope the outbox sends (the business key names the contract). */
  envelope(
    deps: WorkflowTaskDeps,
    application: Application,
  ): Promise<{ businessType: string; businessId: string; request: EnvelopeRequest }>;
  /** Where the signed PDF already is (a re-run), else what G-Staff is to keep. */
  storage(
    deps: WorkflowTaskDeps,
    application: Application,
  ): Promise<{ gstaffContractId: string } | ContractStorage>;
  /** Records where the PDF is kept: the application's own fields, and any other entity that shows it. */
  stored(
    deps: WorkflowTaskDeps,
    application: Application,
    kept: { gstaffContractId: string; retentionUntil: JstDate | 'OPEN' },
    now: string,
  ): Promise<{ application: Partial<Application>; changes: EntityChange[] }>;
}

const recordOnce = (
  deps: HubDeps,
  application: Application,
  kind: ApplicationEvent['kind'],
  detail?: string,
) => recordEventOnce(deps, WORKFLOW, `workflow.${kind.toLowerCase()}`, application, kind, detail);

const outcomeOf = (envelope: SignatureEnvelope | undefined) =>
  envelope?.state === 'COMPLETED' ? 'COMPLETED' : envelope?.state === 'FAILED' ? 'DECLINED' : 'PENDING';

/** The envelope goes to the signature outbox (one per contract: its name is the business key). */
async function requestContractSignature(
  deps: WorkflowTaskDeps,
  kind: SignedContractKind,
  applicationId: string,
) {
  const { application, envelopeName } = await kind.load(deps, applicationId);
  const { request, ...business } = await kind.envelope(deps, application);
  await requestSignature(deps, business, request);
  await recordOnce(deps, application, 'SIGNATURE_REQUESTED', envelopeName);
  return {};
}

/** The callback step: the envelope keeps the token until the signature completes (or answers at once when it already has). */
async function awaitContractSignature(
  deps: HubDeps,
  kind: SignedContractKind,
  applicationId: string,
  taskToken: string,
) {
  const { envelopeName } = await kind.load(deps, applicationId);
  const envelope = await deps.ledger.getSignatureEnvelope(envelopeName);
  if (!envelope) throw new NotFoundError('SignatureEnvelope', envelopeName);
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
async function checkContractSignature(
  deps: WorkflowTaskDeps,
  kind: SignedContractKind,
  applicationId: string,
) {
  const { envelopeName } = await kind.load(deps, applicationId);
  await recordEnvelopeCompletion(deps, { envelopeName });
  return { signature: outcomeOf(await deps.ledger.getSignatureEnvelope(envelopeName)) };
}

/**
 * The client's code in G-Staff. A client the scheduled check has not reached yet is checked now —
 * linked, or registered once (A1-5); undefined when its registration needs a person.
 */
export async function gstaffClientIdOf(
  deps: WorkflowTaskDeps,
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

/** The signed PDF goes to G-Staff's storage with the retention deadline the kind gives it. */
async function storeSignedContract(deps: WorkflowTaskDeps, kind: SignedContractKind, applicationId: string) {
  const { application, envelopeName } = await kind.load(deps, applicationId);
  const storage = await kind.storage(deps, application);
  if ('gstaffContractId' in storage) return { gstaffContractId: storage.gstaffContractId };
  const envelope = await deps.ledger.getSignatureEnvelope(envelopeName);
  if (envelope?.state !== 'COMPLETED' || !envelope.signedPdf) {
    throw new PreconditionFailedError('NOT_SIGNED', `${envelopeName} is not signed`);
  }
  const gstaffClientId = await gstaffClientIdOf(deps, application.clientId);
  if (!gstaffClientId) {
    throw new PreconditionFailedError(
      'GSTAFF_NEEDS_REVIEW',
      'the client’s G-Staff registration needs a person (only the name matched); the signed PDF is kept in the hub',
    );
  }
  const pdf = await deps.documents.get(signedPdfKey(envelopeName));
  if (!pdf)
    throw new PreconditionFailedError('SIGNED_PDF_MISSING', 'the signed PDF is not in the document store');
  const { gstaffContractId } = await deps.gstaff.storeContract({
    ...storage,
    gstaffClientId,
    pdfBase64: pdf.toString('base64'),
    sha256: envelope.signedPdf.sha256,
  });
  const now = deps.clock.now().toISOString();
  const kept = await kind.stored(
    deps,
    application,
    { gstaffContractId, retentionUntil: storage.retentionUntil },
    now,
  );
  const { change } = applicationChange(
    deps,
    WORKFLOW,
    `${kind.taskPrefix}.store`,
    application,
    kept.application,
    { at: now, kind: 'STORED', detail: gstaffContractId },
    now,
  );
  await commitChanges(deps.ledger, [change, ...kept.changes]);
  return { gstaffContractId };
}

/** Where the signature outbox keeps an envelope's signed PDF in the document store. */
export const signedPdfKey = (envelopeName: string) => documentKey('signed', `${envelopeName}.pdf`);

const applicationId = z.object({ applicationId: z.string().min(1) });

/** The four signing steps of a contract kind, named `<prefix>.requestSignature` … `<prefix>.store`. */
export function contractSigningTasks(kind: SignedContractKind): Record<string, WorkflowTask> {
  return {
    [`${kind.taskPrefix}.requestSignature`]: workflowTask(applicationId, (deps, e) =>
      requestContractSignature(deps, kind, e.applicationId),
    ),
    [`${kind.taskPrefix}.awaitSignature`]: workflowTask(
      applicationId.extend({ taskToken: z.string().min(1) }),
      (deps, e) => awaitContractSignature(deps, kind, e.applicationId, e.taskToken),
    ),
    [`${kind.taskPrefix}.checkSignature`]: workflowTask(applicationId, (deps, e) =>
      checkContractSignature(deps, kind, e.applicationId),
    ),
    [`${kind.taskPrefix}.store`]: workflowTask(applicationId, (deps, e) =>
      storeSignedContract(deps, kind, e.applicationId),
    ),
  };
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
