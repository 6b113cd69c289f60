/**
 * One approval workflow as one module (docs/workflows.md): the application type it runs, its
 * task steps registered by name with the zod schema of their input, the texts of the decisions
 * it can reach, and what its decision or its failure changes besides the application itself
 * (the client's stage, the order in kintone, …). The shared steps — approvals, escalation, the
 * recorded decision and failure — look the module up by the application's type and never
 * switch on it, so a new workflow is a new module in the registry (`workflows.ts`), a name in
 * `APPLICATION_TYPES` and a state machine in the CDK app. Requirements: A4-1, X-1, X-4.
 */
import type * as z from 'zod';
import { systemActor } from '../audit.js';
import type { Client } from '../clients/client.js';
import type { DocumentStore } from '../documents/document-store.js';
import type { EntityChange } from '../entity-change.js';
import { NotFoundError } from '../errors.js';
import type { GStaff } from '../gstaff/gstaff.js';
import type { HubDeps, HubDepsWith } from '../hub.js';
import type { ApplicationLedger, ClientInquiryLedger, LedgerWrite } from '../ledger.js';
import type { SignatureService } from '../signing/signature-service.js';
import type { Application, ApplicationEvent, ApplicationType } from './application.js';

/** What the task steps use besides the ledger: G-Staff, GMO Sign and the document store. */
export type WorkflowTaskDeps = HubDeps & {
  documents: DocumentStore;
  gstaff: GStaff;
  signatures: SignatureService;
};

/** The audit actor of every step a workflow takes by itself. */
export const WORKFLOW = systemActor('workflow');

/** One task step: the schema of its input (without `task`) and what it does; its result becomes the state's output. */
export interface WorkflowTask<S extends z.ZodType = z.ZodType> {
  input: S;
  run(deps: WorkflowTaskDeps, input: z.output<S>): Promise<Record<string, unknown>>;
}

/** Declares a task with its input schema (keeps `run`'s input typed by the schema). */
export const workflowTask = <S extends z.ZodType>(
  input: S,
  run: (deps: WorkflowTaskDeps, input: z.output<S>) => Promise<Record<string, unknown>>,
): WorkflowTask<S> => ({ input, run });

export type Outcome = 'APPROVED' | 'REJECTED';

/** A decision the workflow can reach, as the applicant reads it; `kind` when it is not plain APPROVED / REJECTED. */
export interface DecisionText {
  text: (outcome: Outcome, application: Application) => string;
  kind?: ApplicationEvent['kind'];
}

/** What a decision or a failure changes besides the application (written in the same unit). */
export interface WorkflowEffects {
  changes: EntityChange[];
  writes: LedgerWrite[];
  /** Appended to the text the applicant is told. */
  note?: string;
}

export interface EffectContext {
  application: Application;
  client: Client;
  now: string;
}

export interface ApplicationWorkflow {
  /** The application type it runs; also the name its state machine is started under. */
  type: ApplicationType;
  /** The application as staff call it (notifications, e-mails). */
  label: string;
  /** Its own task steps by name (`<workflow>.<step>`); the shared approval steps are not listed. */
  tasks: Record<string, WorkflowTask>;
  /** Its own decision reasons (MANAGER and DIRECTOR are shared). */
  decisions?: Record<string, DecisionText>;
  /** What the decision changes besides the application (client stage, kintone order, …). */
  onDecided?: (deps: WorkflowTaskDeps, outcome: Outcome, context: EffectContext) => Promise<WorkflowEffects>;
  /** What a failure puts back (the client's stage, the order, …). */
  onFailed?: (deps: WorkflowTaskDeps, context: EffectContext) => Promise<WorkflowEffects>;
}

export const noEffects = (): WorkflowEffects => ({ changes: [], writes: [] });

export async function loadApplication(
  deps: HubDepsWith<ApplicationLedger>,
  applicationId: string,
): Promise<Application> {
  const application = await deps.ledger.getApplication(applicationId);
  if (!application) throw new NotFoundError('Application', applicationId);
  return application;
}

export async function loadClient(deps: HubDepsWith<ClientInquiryLedger>, clientId: string): Promise<Client> {
  const client = await deps.ledger.getClient(clientId);
  if (!client) throw new NotFoundError('Client', clientId);
  return client;
}
