/**
 * What every AWS adapter (DynamoDB, Step Functions, S3, SES, Secrets Manager) shares: the SDK
 * client's request handler (timeouts), and one reading of an AWS SDK v3 error: an
 * `IntegrationError` naming the service and operation, retryable only for what another attempt
 * can fix — the SDK's own retryable flag, throttling, and 5xx answers. Anything else
 * (validation, access denied, a missing resource, a conditional check) is final.
 */
import { IntegrationError } from '../../core/errors.js';

/** The fields of an SDK v3 service error the hub reads. */
export type AwsSdkError = {
  name?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: { throttling?: boolean } | undefined;
};

/** Error names AWS services use for throttling (the SDK's own list, plus SES v2's). */
const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'ProvisionedThroughputExceededException',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'BandwidthLimitExceeded',
]);

export function isRetryableAwsError(error: unknown): boolean {
  const e = error as AwsSdkError;
  const status = e?.$metadata?.httpStatusCode;
  return (
    Boolean(e?.$retryable) ||
    (e?.name !== undefined && THROTTLING.has(e.name)) ||
    status === 429 ||
    (status !== undefined && status >= 500)
  );
}

/** The SDK error's name (e.g. `ConditionalCheckFailedException`), or undefined for anything else. */
export function awsErrorName(error: unknown): string | undefined {
  return (error as AwsSdkError)?.name;
}

export function awsIntegrationError(system: string, operation: string, error: unknown): IntegrationError {
  const status = (error as AwsSdkError)?.$metadata?.httpStatusCode;
  return new IntegrationError(
    {
      system,
      operation,
      retryable: isRetryableAwsError(error),
      ...(status !== undefined ? { status } : {}),
      message: awsErrorName(error) ?? 'unknown error',
    },
    { cause: error },
  );
}

/**
 * A client's request handler: a connection timeout and a per-attempt timeout that aborts the
 * attempt (in this SDK a bare `requestTimeout` only logs a warning and lets the request hang).
 */
export function awsRequestHandler(requestTimeoutMs: number, connectionTimeoutMs = 1000) {
  return {
    requestTimeout: requestTimeoutMs,
    connectionTimeout: connectionTimeoutMs,
    throwOnRequestTimeout: true,
  };
}
