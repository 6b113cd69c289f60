/**
 * Retry rules shared by the hub's outboxes (kintone writes, e-mail): exponential back-off
 * between dispatcher runs, a bounded number of attempts, and only failures an external system
 * calls retryable are tried again.
 */
import { ConflictError, IntegrationError } from './errors.js';

export interface OutboxRetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface FailedAttempt {
  /** PENDING again (with nextAttemptAt) or FAILED for a person to see. */
  state: 'PENDING' | 'FAILED';
  nextAttemptAt: string;
  lastError: string;
}

export function afterFailedAttempt(
  policy: OutboxRetryPolicy,
  attempts: number,
  error: unknown,
  now: Date,
): FailedAttempt {
  const retryable = error instanceof IntegrationError && error.retryable && !(error instanceof ConflictError);
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempts - 1));
  return {
    state: retryable && attempts < policy.maxAttempts ? 'PENDING' : 'FAILED',
    nextAttemptAt: new Date(now.getTime() + delay).toISOString(),
    lastError: error instanceof Error ? error.message : String(error),
  };
}
