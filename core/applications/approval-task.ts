/**
 * An approval task (決裁): one callback step of a workflow, waiting for a person of its pool
 * (role + department). The first decision wins; nobody decides their own application; a
 * task not decided in time is escalated to the pool's supervisor (docs/policy.md "People and roles").
 * Its task token stays in the ledger and is never shown to clients. Requirements: A4-2, A4-3.
 */
import type { Role } from '../access.js';
import { IntegrationError } from '../errors.js';
import type { ApplicationType, ApprovalStep } from './application.js';

export interface ApprovalPool {
  role: Extract<Role, 'MANAGER' | 'DIRECTOR' | 'LEGAL' | 'MARKETING'>;
  /** For department pools (managers of a sales department). */
  department?: string;
}

export interface ApprovalDecision {
  decision: 'APPROVE' | 'REJECT';
  comment?: string;
  decidedBy: string;
  decidedAt: string;
}

export interface ApprovalTask {
  taskId: string;
  applicationId: string;
  applicationType: ApplicationType;
  clientId: string;
  applicantId: string;
  step: ApprovalStep;
  pool: ApprovalPool;
  /** CLOSED: its application ended without it (e.g. failed). */
  status: 'OPEN' | 'DECIDED' | 'ESCALATED' | 'CLOSED';
  /** The workflow's callback token (secret): only the decision path reads it. */
  taskToken: string;
  openedAt: string;
  escalatedAt?: string;
  decision?: ApprovalDecision;
  version: number;
}

/** One task per application, step and escalation level: re-running a workflow finds it again. */
export const approvalTaskIdOf = (applicationId: string, step: ApprovalStep, escalated: boolean) =>
  `tsk_${applicationId.replace(/^app_/, '')}_${step}${escalated ? '_ESC' : ''}`;

/** Who decides a step: the department's managers, the directors, legal, or marketing. */
export function poolFor(step: ApprovalStep, department: string): ApprovalPool {
  if (step === 'MANAGER') return { role: 'MANAGER', department };
  if (step === 'DIRECTOR') return { role: 'DIRECTOR' };
  // Marketing sends individual contracts through GMO Sign (A5-6).
  if (step === 'MARKETING_SEND') return { role: 'MARKETING' };
  return { role: 'LEGAL' };
}

/** Where a task goes when nobody decided it in time: managers → directors; directors stay directors. */
export const supervisorPoolOf = (_pool: ApprovalPool): ApprovalPool => ({ role: 'DIRECTOR' });

/** The decision the workflow receives (the output of the callback step). */
export interface ApprovalOutcome extends Record<string, unknown> {
  decision: 'APPROVE' | 'REJECT';
  taskId: string;
  decidedBy: string;
}

/**
 * A release that found no step waiting on its token (it timed out, or the engine restarted): not
 * a failure, the step reads the outcome from the ledger itself. Any other failure of
 * `sendTaskSuccess` (access denied, throttling, the service down) is one.
 */
export function tokenNoLongerWaits(error: unknown): boolean {
  return (
    error instanceof IntegrationError &&
    error.operation === 'sendTaskSuccess' &&
    /^(TaskDoesNotExist|TaskTimedOut|InvalidToken)\b/.test(error.message.replace(/^.*? failed: /, ''))
  );
}
