/** The one reading of AWS SDK errors every AWS adapter uses: retryable only where another attempt can help. X-1. */
import { describe, expect, it } from 'vitest';
import { IntegrationError } from '../../core/errors.js';
import { awsIntegrationError, awsRequestHandler, isRetryableAwsError } from './aws-sdk.js';

const sdkError = (name: string, status?: number, extra: object = {}) =>
  Object.assign(new Error(`${name} happened`), {
    name,
    ...(status !== undefined ? { $metadata: { httpStatusCode: status } } : {}),
    ...extra,
  });

describe('AWS errors as IntegrationError', () => {
  it.each([
    ['ThrottlingException', 400],
    ['TooManyRequestsException', 429],
    ['ProvisionedThroughputExceededException', 400],
    ['RequestLimitExceeded', 400],
    ['SlowDown', 503],
    ['InternalServerError', 500],
    ['ServiceUnavailable', 503],
  ])('retries %s (%i)', (name, status) => {
    expect(isRetryableAwsError(sdkError(name, status))).toBe(true);
  });

  it.each([
    ['ValidationException', 400],
    ['AccessDeniedException', 403],
    ['ResourceNotFoundException', 400],
    ['ConditionalCheckFailedException', 400],
    ['MessageRejected', 400],
    ['NoSuchBucket', 404],
  ])('does not retry %s (%i)', (name, status) => {
    expect(isRetryableAwsError(sdkError(name, status))).toBe(false);
  });

  it('follows the SDK’s own retryable flag (a timeout or a dropped connection has no status)', () => {
    expect(isRetryableAwsError(sdkError('TimeoutError', undefined, { $retryable: {} }))).toBe(true);
    expect(isRetryableAwsError(new Error('socket hang up'))).toBe(false);
  });

  it('names the system, operation, status and the error’s name, never its message, and keeps the cause', () => {
    const cause = sdkError('AccessDeniedException', 403);
    const error = awsIntegrationError('s3', 'getObject', cause);
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ system: 's3', operation: 'getObject', status: 403, retryable: false });
    expect(error.message).toBe('s3 getObject failed: AccessDeniedException');
    expect(error.cause).toBe(cause);
  });

  it('makes a per-attempt timeout abort the attempt instead of only warning', () => {
    expect(awsRequestHandler(3000)).toEqual({
      requestTimeout: 3000,
      connectionTimeout: 1000,
      throwOnRequestTimeout: true,
    });
  });
});
