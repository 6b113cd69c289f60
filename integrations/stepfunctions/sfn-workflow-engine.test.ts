/**
 * The Step Functions engine under aws-sdk-client-mock: what it sends, a repeated start, task
 * tokens released or refused, and how each failure reaches the core (retryable or final). A4-1, X-1.
 */
import { SendTaskSuccessCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { IntegrationError } from '../../core/errors.js';
import { SfnWorkflowEngine } from './sfn-workflow-engine.js';

const sfn = mockClient(SFNClient);
afterAll(() => sfn.restore());
beforeEach(() => sfn.reset());

const ARNS = {
  CREDIT_PRECHECK: 'arn:aws:states:ap-northeast-1:000000000000:stateMachine:credit',
  CONTRACT_EXECUTION: 'arn:aws:states:ap-northeast-1:000000000000:stateMachine:contract',
  ORDER_APPROVAL: 'arn:aws:states:ap-northeast-1:000000000000:stateMachine:order',
  INDIVIDUAL_CONTRACT: 'arn:aws:states:ap-northeast-1:000000000000:stateMachine:individual',
};
const engine = () => new SfnWorkflowEngine(ARNS, 'ap-northeast-1');

/** An error as the SDK throws it for a service answer. */
function serviceError(name: string, status: number, retryable?: { throttling: boolean }) {
  return Object.assign(new Error(name), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
    ...(retryable ? { $retryable: retryable } : {}),
  });
}

async function failure(promise: Promise<unknown>): Promise<IntegrationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IntegrationError);
  return error as IntegrationError;
}

describe('SfnWorkflowEngine', () => {
  it('starts the workflow’s state machine, named after the application, with its input', async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:exec', startDate: new Date() });
    await engine().start('CONTRACT_EXECUTION', 'app_1', { applicationId: 'app_1' });
    const calls = sfn.commandCalls(StartExecutionCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toEqual({
      stateMachineArn: ARNS.CONTRACT_EXECUTION,
      name: 'app_1',
      input: JSON.stringify({ applicationId: 'app_1' }),
    });
  });

  it('takes ExecutionAlreadyExists as started: a repeated start starts nothing new', async () => {
    sfn.on(StartExecutionCommand).rejects(serviceError('ExecutionAlreadyExists', 400));
    await expect(
      engine().start('ORDER_APPROVAL', 'app_2', { applicationId: 'app_2' }),
    ).resolves.toBeUndefined();
  });

  it('reports throttling as retryable, naming the operation', async () => {
    sfn.on(StartExecutionCommand).rejects(serviceError('ThrottlingException', 400, { throttling: true }));
    const error = await failure(engine().start('CREDIT_PRECHECK', 'app_3', {}));
    expect(error).toMatchObject({
      system: 'stepfunctions',
      operation: 'startExecution',
      retryable: true,
      status: 400,
    });
    expect(error.cause).toMatchObject({ name: 'ThrottlingException' });
  });

  it('reports a 5xx as retryable and a missing state machine or denied access as final', async () => {
    sfn
      .on(StartExecutionCommand)
      .rejectsOnce(serviceError('ServiceUnavailable', 503))
      .rejectsOnce(serviceError('StateMachineDoesNotExist', 400))
      .rejects(serviceError('AccessDeniedException', 400));
    expect((await failure(engine().start('CREDIT_PRECHECK', 'a', {}))).retryable).toBe(true);
    expect(await failure(engine().start('CREDIT_PRECHECK', 'b', {}))).toMatchObject({
      retryable: false,
      message: 'stepfunctions startExecution failed: StateMachineDoesNotExist',
    });
    expect((await failure(engine().start('CREDIT_PRECHECK', 'c', {}))).retryable).toBe(false);
  });

  it('releases a waiting step with its task token and output', async () => {
    sfn.on(SendTaskSuccessCommand).resolves({});
    await engine().sendTaskSuccess('token-1', { outcome: 'APPROVED' });
    expect(sfn.commandCalls(SendTaskSuccessCommand)[0]?.args[0].input).toEqual({
      taskToken: 'token-1',
      output: JSON.stringify({ outcome: 'APPROVED' }),
    });
  });

  it('reports a token Step Functions no longer waits on as final, and throttling as retryable', async () => {
    sfn
      .on(SendTaskSuccessCommand)
      .rejectsOnce(serviceError('TaskTimedOut', 400))
      .rejectsOnce(serviceError('TaskDoesNotExist', 400))
      .rejectsOnce(serviceError('InvalidToken', 400))
      .rejects(serviceError('ThrottlingException', 400, { throttling: true }));
    for (const name of ['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']) {
      const error = await failure(engine().sendTaskSuccess('token-x', {}));
      expect(error).toMatchObject({
        system: 'stepfunctions',
        operation: 'sendTaskSuccess',
        retryable: false,
      });
      expect(error.message).toContain(name);
    }
    expect((await failure(engine().sendTaskSuccess('token-x', {}))).retryable).toBe(true);
  });
});
