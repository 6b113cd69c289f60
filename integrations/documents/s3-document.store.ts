/**
 * The document store on AWS: S3, server-side encrypted by the bucket, with S3 verifying the
 * SHA-256 of what it receives. A per-attempt timeout and the SDK's bounded, retryable-only retries.
 */
import { createHash } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { DocumentStore } from '../../core/documents/document-store.js';
import { IntegrationError } from '../../core/errors.js';

export class S3DocumentStore implements DocumentStore {
  private readonly s3: S3Client;

  constructor(
    private readonly bucket: string,
    region: string,
  ) {
    this.s3 = new S3Client({
      region,
      maxAttempts: 3,
      requestHandler: { requestTimeout: 15_000, connectionTimeout: 2000 },
    });
  }

  async put(key: string, content: Buffer, contentType: string): Promise<{ location: string }> {
    try {
      await this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: content,
          ContentType: contentType,
          ChecksumSHA256: createHash('sha256').update(content).digest('base64'),
        }),
      );
      return { location: `s3://${this.bucket}/${key}` };
    } catch (error) {
      const e = error as { name?: string; $metadata?: { httpStatusCode?: number }; $retryable?: unknown };
      const status = e.$metadata?.httpStatusCode;
      throw new IntegrationError(
        {
          system: 's3',
          operation: 'putObject',
          retryable: Boolean(e.$retryable) || (status !== undefined && status >= 500),
          ...(status !== undefined ? { status } : {}),
          message: e.name ?? 'unknown error',
        },
        { cause: error },
      );
    }
  }
}
