/**
 * The shared Lambda wrapper: lazy composition from the zod config, secrets through Powertools
 * Parameters (Secrets Manager under aws-sdk-client-mock) with a TTL, composition again after a
 * rotation, and one error boundary per kind of function..
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IntegrationError } from '../../core/errors.js';
import { lambdaHandler } from './lambda-handler.js';

const secretsManager = mockClient(SecretsManagerClient);
const context = {
  functionName: 'test',
  awsRequestId: 'req-1',
  invokedFunctionArn: 'arn:aws:lambda:ap-northeast-1:000000000000:function:test',
  getRemainingTimeInMillis: () => 10_000,
} as unknown as Context;
const SECRET_ARN = 'arn:aws:secretsmanager:ap-northeast-1:000000000000:secret:gstaff';
const baseEnv = {
  AWS_REGION: 'ap-northeast-1',
  LEDGER_TABLE_NAME: 'ledger',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
};

beforeEach(() => secretsManager.reset());
afterEach(() => secretsManager.reset());

describe('lambdaHandler', () => {
  it('composes at the first invocation, once, from the parsed configuration', async () => {
    const composed: unknown[] = [];
    const handler = lambdaHandler({
      kind: 'event',
      settings: ['MAIL_FROM_ADDRESS'],
      env: { ...baseEnv, MAIL_FROM_ADDRESS: 'hub@example.com', OUTBOX_BATCH_SIZE: '7' },
      compose: ({ config }) => {
        composed.push(config.MAIL_FROM_ADDRESS);
        return async (event: { n: number }) => ({ n: event.n, batch: config.OUTBOX_BATCH_SIZE });
      },
    });
    expect(composed).toEqual([]);
    expect(await handler({ n: 1 }, context)).toEqual({ n: 1, batch: 7 });
    expect(await handler({ n: 2 }, context)).toEqual({ n: 2, batch: 7 });
    expect(composed).toEqual(['hub@example.com']);
  });

  it('stops with the missing setting named, and tries again at the next invocation', async () => {
    const env: Record<string, string | undefined> = { ...baseEnv };
    const handler = lambdaHandler({
      kind: 'event',
      settings: ['DOCUMENTS_BUCKET'],
      env,
      compose:
        ({ config }) =>
        async () =>
          config.DOCUMENTS_BUCKET,
    });
    await expect(handler({}, context)).rejects.toThrow(
      'invalid configuration: DOCUMENTS_BUCKET: is required',
    );
    env.DOCUMENTS_BUCKET = 'documents';
    expect(await handler({}, context)).toBe('documents');
  });

  it('requires every declared secret ARN in the configuration', async () => {
    const handler = lambdaHandler({
      kind: 'event',
      secrets: ['GSTAFF_SECRET_ARN'],
      env: baseEnv,
      compose: () => async () => 'never',
    });
    await expect(handler({}, context)).rejects.toThrow('GSTAFF_SECRET_ARN: is required');
    expect(secretsManager.calls()).toHaveLength(0);
  });

  it('reads a secret once within its TTL and hands its value to the composition', async () => {
    secretsManager.on(GetSecretValueCommand, { SecretId: SECRET_ARN }).resolves({ SecretString: 'key-1' });
    const seen: string[] = [];
    const handler = lambdaHandler({
      kind: 'event',
      secrets: ['GSTAFF_SECRET_ARN'],
      env: { ...baseEnv, GSTAFF_SECRET_ARN: SECRET_ARN, SECRETS_CACHE_TTL_SECONDS: '300' },
      compose: ({ secrets }) => {
        seen.push(secrets.GSTAFF_SECRET_ARN);
        return async () => secrets.GSTAFF_SECRET_ARN.length;
      },
    });
    expect(await handler({}, context)).toBe(5);
    expect(await handler({}, context)).toBe(5);
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    expect(seen).toEqual(['key-1']);
  });

  it('composes again after the secret rotated, and only then', async () => {
    secretsManager.on(GetSecretValueCommand).resolvesOnce({ SecretString: 'key-1' }).resolves({
      SecretString: 'key-2',
    });
    const seen: string[] = [];
    const handler = lambdaHandler({
      kind: 'event',
      secrets: ['GSTAFF_SECRET_ARN'],
      // TTL 0: every invocation asks Secrets Manager.
      env: { ...baseEnv, GSTAFF_SECRET_ARN: SECRET_ARN, SECRETS_CACHE_TTL_SECONDS: '0' },
      compose: ({ secrets }) => {
        seen.push(secrets.GSTAFF_SECRET_ARN);
        return async () => secrets.GSTAFF_SECRET_ARN;
      },
    });
    expect(await handler({}, context)).toBe('key-1');
    expect(await handler({}, context)).toBe('key-2');
    expect(await handler({}, context)).toBe('key-2');
    expect(secretsManager.commandCalls(GetSecretValueCommand)).toHaveLength(3);
    expect(seen).toEqual(['key-1', 'key-2']);
  });

  it('maps a Secrets Manager failure to an IntegrationError: throttling retryable, a missing secret not', async () => {
    const throttled = Object.assign(new Error('slow down'), {
      name: 'ThrottlingException',
      $metadata: { httpStatusCode: 400 },
    });
    const missing = Object.assign(new Error(`no secret ${SECRET_ARN}`), {
      name: 'ResourceNotFoundException',
      $metadata: { httpStatusCode: 400 },
    });
    secretsManager.on(GetSecretValueCommand).rejectsOnce(throttled).rejects(missing);
    const handler = lambdaHandler({
      kind: 'event',
      secrets: ['GSTAFF_SECRET_ARN'],
      env: { ...baseEnv, GSTAFF_SECRET_ARN: SECRET_ARN, SECRETS_CACHE_TTL_SECONDS: '0' },
      compose: () => async () => 'never',
    });
    const first = await handler({}, context).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(IntegrationError);
    expect(first).toMatchObject({ system: 'secretsmanager', operation: 'getSecretValue', retryable: true });
    const second = await handler({}, context).catch((e: unknown) => e);
    expect(second).toMatchObject({ retryable: false, message: expect.stringContaining('ResourceNotFound') });
    // The ARN (and any secret text) stays out of the error's message.
    expect((second as Error).message).not.toContain(SECRET_ARN);
  });

  it('answers an unexpected error of an HTTP function with a 500 that carries no detail', async () => {
    const handler = lambdaHandler({
      kind: 'http',
      env: baseEnv,
      compose: () => async () => {
        throw new Error('worker 山田太郎 not found');
      },
    });
    const response = await handler({}, context);
    expect(response).toEqual({
      statusCode: 500,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ error: 'INTERNAL_ERROR' }),
    });
  });

  it('throws an event function’s error again, so Lambda or the state machine can retry it', async () => {
    const failure = Object.assign(new Error('down'), { name: 'TransientIntegrationError' });
    const handler = lambdaHandler({
      kind: 'event',
      env: baseEnv,
      compose: () => async () => {
        throw failure;
      },
    });
    await expect(handler({}, context)).rejects.toBe(failure);
  });
});
