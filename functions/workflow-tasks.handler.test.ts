/** The workflow task Lambda: a failure keeps its cause and is logged with it, under the name the state machine matches. A4-1, X-1. */
import { describe, expect, it } from 'vitest';
import { IntegrationError } from '../core/errors.js';
import { InMemoryDocumentStore } from '../core/testing/in-memory-document-store.js';
import { InMemoryGStaff } from '../core/testing/in-memory-gstaff.js';
import { InMemoryClientLedger } from '../core/testing/in-memory-ledger.js';
import { InMemorySignatureService } from '../core/testing/in-memory-signature-service.js';
import { hubDeps } from '../test/support/builders.js';
import { makeHandler } from './workflow-tasks.handler.js';

describe('workflow task handler', () => {
  it('rethrows a failure under its workflow name with the original error as its cause, and logs it', async () => {
    const ledger = new InMemoryClientLedger();
    const outage = new IntegrationError({
      system: 'dynamodb',
      operation: 'getApplication',
      retryable: true,
      message: 'ProvisionedThroughputExceededException',
    });
    ledger.getApplication = async () => {
      throw outage;
    };
    const logged: unknown[] = [];
    const logger = { warn: (...args: unknown[]) => logged.push(args) } as never;
    const handler = makeHandler({
      hub: {
        ...hubDeps(ledger),
        documents: new InMemoryDocumentStore(),
        gstaff: new InMemoryGStaff(),
        signatures: new InMemorySignatureService(),
      },
      logger,
    });
    const failure = await handler({ task: 'creditPrecheck.validate', applicationId: 'app_1' }).catch(
      (e: unknown) => e as Error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).name).toBe('TransientIntegrationError');
    expect((failure as Error).cause).toBe(outage);
    expect(logged).toEqual([
      [
        'workflow task failed',
        { task: 'creditPrecheck.validate', errorName: 'TransientIntegrationError', error: outage },
      ],
    ]);
  });
});
