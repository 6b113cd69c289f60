import { describe, expect, it } from 'vitest';
import { backoffDelay, ConcurrencyLimiter, parseRetryAfter, withRetries } from './resilience.js';

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 };

describe('withRetries', () => {
  it('retries retryable failures with growing, jittered delays, then succeeds', async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await withRetries(
      async () => {
        calls += 1;
        if (calls < 3) throw new Error('busy');
        return 'ok';
      },
      () => ({ retryable: true }),
      policy,
      { sleep: async (ms) => void delays.push(ms), random: () => 1 },
    );
    expect(result).toBe('ok');
    expect(delays).toEqual([100, 200]);
  });

  it('does not retry what is not retryable', async () => {
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          calls += 1;
          throw new Error('bad request');
        },
        () => ({ retryable: false }),
        policy,
        { sleep: async () => undefined },
      ),
    ).rejects.toThrow('bad request');
    expect(calls).toBe(1);
  });

  it('gives up after maxAttempts', async () => {
    let calls = 0;
    await expect(
      withRetries(
        async () => {
          calls += 1;
          throw new Error('down');
        },
        () => ({ retryable: true }),
        policy,
        { sleep: async () => undefined },
      ),
    ).rejects.toThrow('down');
    expect(calls).toBe(4);
  });

  it('honours Retry-After, capped by the policy', () => {
    expect(backoffDelay(policy, 1, { retryable: true, retryAfterMs: 700 }, () => 0)).toBe(700);
    expect(backoffDelay(policy, 1, { retryable: true, retryAfterMs: 70_000 }, () => 0)).toBe(1000);
    expect(parseRetryAfter('3', new Date())).toBe(3000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:05 GMT', new Date('2026-10-21T07:28:00Z'))).toBe(5000);
    expect(parseRetryAfter(undefined, new Date())).toBeUndefined();
  });
});

describe('ConcurrencyLimiter', () => {
  it('never runs more than its limit at once', async () => {
    const limiter = new ConcurrencyLimiter(3);
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        limiter.run(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 2));
          running -= 1;
        }),
      ),
    );
    expect(peak).toBe(3);
  });
});
