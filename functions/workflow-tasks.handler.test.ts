/**
 * The workflow task Lambda: a failure keeps its cause and is logged with it, under the name the
 * state machine matches; and those names against the state machines' Retry / Catch rules as
 * synthesized from infra/ (what deploys): a failure another attempt can fix (DynamoDB throttling,
 * a 5xx, a version conflict) is thrown under a name every task's Retry matches; a final one
 * (denied access, bad input) under a name no Retry matches, so it ends in the recorded failure
 * (`States.ALL` catch). The DynamoDB adapter runs under aws-sdk-client-mock. A4-1 … A4-3, X-1.
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, IntegrationError } from '../core/errors.js';
import type { ClientLedger } from '../core/ledger.js';
import { InMemoryDocumentStore } from '../core/testing/in-memory-document-store.js';
import { InMemoryGStaff } from '../core/testing/in-memory-gstaff.js';
import { InMemoryClientLedger } from '../core/testing/in-memory-ledger.js';
import { InMemorySignatureService } from '../core/testing/in-memory-signature-service.js';
import { synthesizeWorkflowDefinitions } from '../dev/workflow-definitions.js';
import { createDocumentClient } from '../integrations/dynamodb/dynamodb-client.js';
import { DynamoDbClientLedger } from '../integrations/dynamodb/dynamodb-client-ledger.adapter.js';
import { hubDeps } from '../test/support/builders.js';
import { makeHandler } from './workflow-tasks.handler.js';

/** The task function over `ledger`, with in-memory G-Staff, GMO Sign and documents. */
const taskHandler = (ledger: ClientLedger, logger: unknown = { warn: () => undefined }) =>
  makeHandler({
    hub: {
      ...hubDeps(ledger),
      documents: new InMemoryDocumentStore(),
      gstaff: new InMemoryGStaff(),
      signatures: new InMemorySignatureService(),
    },
    logger: logger as never,
  });

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
    const handler = taskHandler(ledger, logger);
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

type State = {
  Type: string;
  Resource?: string;
  /** The task's payload: the parameters themselves (payloadResponseOnly) or their Payload (callbacks). */
  Parameters?: { task?: string; Payload?: { task?: string } };
  Retry?: { ErrorEquals: string[] }[];
  Catch?: { ErrorEquals: string[] }[];
  States?: Record<string, State>;
  Branches?: { States: Record<string, State> }[];
  ItemProcessor?: { States: Record<string, State> };
  Iterator?: { States: Record<string, State> };
};

/** Every Lambda task of every state machine, nested ones included. */
function lambdaTasks(states: Record<string, State>, path: string[] = []): { name: string; state: State }[] {
  return Object.entries(states).flatMap(([name, state]) => {
    const nested = [
      ...(state.Branches ?? []).map((b) => b.States),
      ...(state.ItemProcessor ? [state.ItemProcessor.States] : []),
      ...(state.Iterator ? [state.Iterator.States] : []),
    ].flatMap((inner) => lambdaTasks(inner, [...path, name]));
    const own =
      state.Type === 'Task' && state.Resource?.includes(':lambda:')
        ? [{ name: [...path, name].join('/'), state }]
        : [];
    return [...own, ...nested];
  });
}

const taskOf = (state: State) => state.Parameters?.task ?? state.Parameters?.Payload?.task;
const retried = (state: State, errorName: string) =>
  (state.Retry ?? []).some((r) => r.ErrorEquals.includes(errorName) || r.ErrorEquals.includes('States.ALL'));
const caught = (state: State, errorName: string) =>
  (state.Catch ?? []).some((c) => c.ErrorEquals.includes(errorName) || c.ErrorEquals.includes('States.ALL'));

const dynamo = mockClient(DynamoDBDocumentClient);
let tasks: { name: string; state: State }[];
beforeAll(() => {
  const definitions = synthesizeWorkflowDefinitions();
  tasks = Object.values(definitions).flatMap((d) => lambdaTasks(d.States as Record<string, State>));
}, 120_000);
afterAll(() => dynamo.restore());
beforeEach(() => dynamo.reset());

/** The task function over the DynamoDB adapter; DynamoDB answers with `error`. */
async function thrownName(error: Error): Promise<string> {
  dynamo.onAnyCommand().rejects(error);
  const ledger = new DynamoDbClientLedger(
    createDocumentClient({ region: 'ap-northeast-1', maxAttempts: 1 }),
    {
      tableName: 'ledger',
    },
  );
  const handler = taskHandler(ledger);
  const failure = await handler({ task: 'creditPrecheck.validate', applicationId: 'app_1' }).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(failure).toBeInstanceOf(Error);
  return (failure as Error).name;
}

const awsError = (name: string, status: number) =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

describe('workflow task errors and the state machines’ retry rules', () => {
  it('finds Lambda tasks in every state machine, the failure recorder among them', () => {
    expect(tasks.length).toBeGreaterThan(5);
    expect(tasks.some((t) => taskOf(t.state) === 'application.fail')).toBe(true);
  });

  it.each([
    ['DynamoDB throttling', awsError('ProvisionedThroughputExceededException', 400)],
    ['a DynamoDB 5xx', awsError('InternalServerError', 500)],
  ])('throws %s under a name every Lambda task retries', async (_what, error) => {
    const name = await thrownName(error);
    expect(name).toBe('TransientIntegrationError');
    const notRetried = tasks.filter((t) => !retried(t.state, name)).map((t) => t.name);
    expect(notRetried).toEqual([]);
  });

  it('retries a version conflict (another writer won; the step runs again on fresh data)', () => {
    const name = new ConflictError('application app_1 changed').name;
    expect(tasks.filter((t) => !retried(t.state, name)).map((t) => t.name)).toEqual([]);
  });

  it.each([
    ['denied access', awsError('AccessDeniedException', 400)],
    ['a malformed request', awsError('ValidationException', 400)],
  ])(
    'throws %s under a name no task retries, and every non-callback task records it',
    async (_what, error) => {
      const name = await thrownName(error);
      expect(name).toBe('IntegrationError');
      expect(tasks.filter((t) => retried(t.state, name)).map((t) => t.name)).toEqual([]);
      const uncaught = tasks
        // The step that records the failure has nothing left to catch it with: its failure fails the execution.
        .filter((t) => taskOf(t.state) !== 'application.fail')
        .filter((t) => !t.state.Resource?.includes('waitForTaskToken') && !caught(t.state, name))
        .map((t) => t.name);
      expect(uncaught).toEqual([]);
    },
  );

  it('throws bad input under its own name, which no task retries', async () => {
    const handler = makeHandler({
      hub: {
        ...hubDeps(
          new DynamoDbClientLedger(createDocumentClient({ region: 'ap-northeast-1' }), { tableName: 'x' }),
        ),
        documents: new InMemoryDocumentStore(),
        gstaff: new InMemoryGStaff(),
        signatures: new InMemorySignatureService(),
      },
      logger: { warn: () => undefined } as never,
    });
    const failure = (await handler({ task: 'creditPrecheck.validate' }).catch((e: unknown) => e)) as Error;
    expect(failure.name).toBe('ValidationError');
    expect(tasks.filter((t) => retried(t.state, failure.name))).toEqual([]);
  });
});
