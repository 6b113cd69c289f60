/**
 * Resilience shared by every external adapter: bounded retries with exponential back-off and
 * full jitter for retryable failures only, `Retry-After` honoured, delays from configuration
 * (so tests do not sleep), and a concurrency cap.
 */

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface RetryVerdict {
  retryable: boolean;
  /** The server's Retry-After, when it gave one. */
  retryAfterMs?: number;
}

export interface RetryHooks {
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The delay before retry number `attempt` (1 = first retry): full jitter, or the server's Retry-After. */
export function backoffDelay(
  policy: RetryPolicy,
  attempt: number,
  verdict: RetryVerdict,
  random: () => number,
): number {
  if (verdict.retryAfterMs !== undefined) return Math.min(verdict.retryAfterMs, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}

export async function withRetries<T>(
  operation: (attempt: number) => Promise<T>,
  classify: (error: unknown) => RetryVerdict,
  policy: RetryPolicy,
  hooks: RetryHooks = {},
): Promise<T> {
  const sleep = hooks.sleep ?? defaultSleep;
  const random = hooks.random ?? Math.random;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation(attempt);
    } catch (error) {
      const verdict = classify(error);
      if (!verdict.retryable || attempt >= policy.maxAttempts) throw error;
      const delayMs = backoffDelay(policy, attempt, verdict, random);
      hooks.onRetry?.({ attempt, delayMs, error });
      await sleep(delayMs);
    }
  }
}

/** Seconds or an HTTP date, as `Retry-After` may say; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now: Date): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** At most `limit` operations at once; the rest wait their turn in order. */
export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new Error('the concurrency limit must be a positive integer');
  }

  get inFlight(): number {
    return this.active;
  }

  async run<T>(operation: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await operation();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}
