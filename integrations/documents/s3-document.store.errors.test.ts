/** The S3 document store's failures under aws-sdk-client-mock: a missing object is absence, a refusal final, throttling and 5xx retryable. X-1. */
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { IntegrationError } from '../../core/errors.js';
import { S3DocumentStore } from './s3-document.store.js';

const s3 = mockClient(S3Client);
afterAll(() => s3.restore());
beforeEach(() => s3.reset());

const store = () =>
  new S3DocumentStore('documents', 'ap-northeast-1', {
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
const serviceError = (name: string, status: number) =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

describe('S3DocumentStore errors', () => {
  it('puts with the bucket, key, type and a SHA-256 for S3 to check', async () => {
    s3.on(PutObjectCommand).resolves({});
    await expect(store().put('contracts/a.pdf', Buffer.from('%PDF'), 'application/pdf')).resolves.toEqual({
      location: 's3://documents/contracts/a.pdf',
    });
    expect(s3.commandCalls(PutObjectCommand)[0]?.args[0].input).toMatchObject({
      Bucket: 'documents',
      Key: 'contracts/a.pdf',
      ContentType: 'application/pdf',
      ChecksumSHA256: expect.any(String),
    });
  });

  it('reads a missing object as absent, not as a failure', async () => {
    s3.on(GetObjectCommand).rejects(serviceError('NoSuchKey', 404));
    s3.on(HeadObjectCommand).rejects(serviceError('NotFound', 404));
    expect(await store().get('contracts/missing.pdf')).toBeUndefined();
    expect(await store().inspect('contracts/missing.pdf', 8)).toBeUndefined();
  });

  it.each([
    ['SlowDown', 503, true],
    ['InternalError', 500, true],
    ['AccessDenied', 403, false],
    ['NoSuchBucket', 404, false],
  ] as const)('reports a put answered %s (%i) as retryable: %s', async (name, status, retryable) => {
    s3.on(PutObjectCommand).rejects(serviceError(name, status));
    const error = await store()
      .put('signed/x.pdf', Buffer.from('x'), 'application/pdf')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ system: 's3', operation: 'putObject', retryable, status });
  });
});
