/** Releasing a workflow waiting for a signature: only "the step no longer waits" is not an error (A6-3, X-1). */
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../clock.js';
import { IntegrationError } from '../errors.js';
import { randomIds } from '../ids.js';
import { defaultPolicy } from '../policy-config.js';
import type { SignatureEnvelope } from '../signing/signature-outbox.js';
import { InMemoryClientLedger } from '../testing/in-memory-ledger.js';
import { tokenNoLongerWaits } from './approval-task.js';
import { releaseSignatureWait } from './contract-steps.js';

async function waitingEnvelope() {
  const ledger = new InMemoryClientLedger();
  const envelope = {
    envelopeName: 'BASIC-cli_1-1',
    businessType: 'BASIC_CONTRACT',
    businessId: 'cli_1',
    request: {} as SignatureEnvelope['request'],
    state: 'COMPLETED',
    attempts: 1,
    nextAttemptAt: '2026-12-01T00:00:00.000Z',
    workflowWait: { applicationId: 'app_1', taskToken: 'token-1' },
    version: 1,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
  } satisfies SignatureEnvelope;
  await ledger.commit([{ entity: { type: 'SIGNATURE_ENVELOPE', value: envelope } }], []);
  const hub = {
    ledger,
    clock: new FixedClock(new Date('2026-12-01T01:00:00Z')),
    ids: randomIds,
    policy: defaultPolicy,
  };
  return { ledger, hub };
}

const failing = (message: string) => ({
  start: async () => undefined,
  sendTaskSuccess: async () => {
    throw new IntegrationError({
      system: 'stepfunctions',
      operation: 'sendTaskSuccess',
      retryable: false,
      message,
    });
  },
});

describe('releaseSignatureWait', () => {
  it('raises a failure such as access denied, keeping the wait for the next try', async () => {
    const { ledger, hub } = await waitingEnvelope();
    await expect(
      releaseSignatureWait({ ...hub, workflows: failing('AccessDeniedException') }, 'BASIC-cli_1-1'),
    ).rejects.toThrow(/AccessDeniedException/);
    expect((await ledger.getSignatureEnvelope('BASIC-cli_1-1'))?.workflowWait).toBeDefined();
  });

  it('takes a step that no longer waits as released', async () => {
    for (const message of ['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']) {
      const { ledger, hub } = await waitingEnvelope();
      expect(await releaseSignatureWait({ ...hub, workflows: failing(message) }, 'BASIC-cli_1-1')).toBe(true);
      expect((await ledger.getSignatureEnvelope('BASIC-cli_1-1'))?.workflowWait).toBeUndefined();
    }
  });

  it('tells the two apart on both engines’ messages', () => {
    const local = new IntegrationError({
      system: 'local-stepfunctions',
      operation: 'sendTaskSuccess',
      retryable: false,
      message: 'TaskDoesNotExist (the step is no longer waiting)',
    });
    expect(tokenNoLongerWaits(local)).toBe(true);
    expect(
      tokenNoLongerWaits(
        new IntegrationError({
          system: 'stepfunctions',
          operation: 'sendTaskSuccess',
          retryable: true,
          message: 'ThrottlingException',
        }),
      ),
    ).toBe(false);
    expect(tokenNoLongerWaits(new Error('TaskTimedOut'))).toBe(false);
  });
});
