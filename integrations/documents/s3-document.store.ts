/**
 * The document store on AWS: S3, server-side encrypted by the bucket, with S3 verifying the
 * SHA-256 of what it receives. A per-attempt timeout and the SDK's bounded, retryable-only retries.
 * Browsers upload and download through URLs pre-signed with the function's role. The SDK is
 * imported at the first call, so a function that never touches a document does not load it.
 */
import { createHash } from 'node:crypto';
import type { HeadObjectCommandOutput, S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import type { Clock } from '../../core/clock.js';
import {
  attachmentDisposition,
  type DocumentStore,
  type StoredDocument,
  type UploadGrant,
} from '../../core/documents/document-store.js';
import { type AwsSdkError, awsErrorName, awsIntegrationError, awsRequestHandler } from '../shared/aws-sdk.js';
import { systemClock } from '../system-clock.js';

export interface S3DocumentStoreOptions {
  /** A local S3 stand-in for tests (path-style); absent on AWS. */
  endpoint?: string;
  /** @default the SDK's default credential chain */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Signing time of pre-signed URLs. @default the system clock */
  clock?: Clock;
}

/** The SDK pieces the store uses, loaded at its first call. */
async function loadSdk() {
  const [{ GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client }, { getSignedUrl }] =
    await Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/s3-request-presigner')]);
  return { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, getSignedUrl };
}

type Sdk = Awaited<ReturnType<typeof loadSdk>> & {
  s3: S3Client;
  /** Computes no checksums: a pre-signed PUT must not carry the checksum of an empty body. */
  presigner: S3Client;
};

export class S3DocumentStore implements DocumentStore {
  private sdk: Promise<Sdk> | undefined;
  private readonly clientConfig: S3ClientConfig;
  private readonly clock: Clock;

  constructor(
    private readonly bucket: string,
    region: string,
    options: S3DocumentStoreOptions = {},
  ) {
    const common = {
      region,
      ...(options.credentials ? { credentials: options.credentials } : {}),
      ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
    };
    this.clientConfig = common;
    this.clock = options.clock ?? systemClock;
  }

  private aws(): Promise<Sdk> {
    this.sdk ??= loadSdk().then((sdk) => ({
      ...sdk,
      s3: new sdk.S3Client({
        ...this.clientConfig,
        maxAttempts: 3,
        requestHandler: awsRequestHandler(15_000, 2000),
      }),
      presigner: new sdk.S3Client({
        ...this.clientConfig,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    }));
    return this.sdk;
  }

  async put(key: string, content: Buffer, contentType: string): Promise<{ location: string }> {
    const { s3, PutObjectCommand } = await this.aws();
    try {
      await s3.send(
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
      throw integrationError('putObject', error);
    }
  }

  async presignUpload(
    key: string,
    file: { contentType: string; size: number },
    expiresInSeconds: number,
  ): Promise<UploadGrant> {
    const now = this.clock.now();
    const { presigner, getSignedUrl, PutObjectCommand } = await this.aws();
    try {
      const url = await getSignedUrl(
        presigner,
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          ContentType: file.contentType,
          ContentLength: file.size,
        }),
        {
          expiresIn: expiresInSeconds,
          signingDate: now,
          // The presigner leaves content-type unsigned by default; both are signed so S3 refuses any other.
          signableHeaders: new Set(['content-type', 'content-length']),
        },
      );
      return {
        url,
        method: 'PUT',
        headers: { 'content-type': file.contentType, 'content-length': String(file.size) },
        expiresAt: new Date(now.getTime() + expiresInSeconds * 1000).toISOString(),
      };
    } catch (error) {
      throw integrationError('presignPutObject', error);
    }
  }

  async inspect(key: string, sniffBytes: number): Promise<StoredDocument | undefined> {
    const { s3, HeadObjectCommand, GetObjectCommand } = await this.aws();
    let head: HeadObjectCommandOutput;
    try {
      head = await s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw integrationError('headObject', error);
    }
    const size = head.ContentLength ?? 0;
    const document = { size, ...(head.ContentType ? { contentType: head.ContentType } : {}) };
    const length = Math.min(Math.max(0, Math.floor(sniffBytes)), size);
    // A range of an empty object is unsatisfiable (416): nothing to read.
    if (length === 0) return { ...document, head: Buffer.alloc(0) };
    try {
      const got = await s3.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Range: `bytes=0-${length - 1}`,
          // The same object the size came from, not one re-uploaded in between.
          ...(head.ETag ? { IfMatch: head.ETag } : {}),
        }),
      );
      const bytes = Buffer.from((await got.Body?.transformToByteArray()) ?? []);
      return { ...document, head: bytes.subarray(0, length) };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw integrationError('getObject', error);
    }
  }

  async get(key: string): Promise<Buffer | undefined> {
    const { s3, GetObjectCommand } = await this.aws();
    try {
      const got = await s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return Buffer.from((await got.Body?.transformToByteArray()) ?? []);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw integrationError('getObject', error);
    }
  }

  async presignDownload(key: string, fileName: string, expiresInSeconds: number): Promise<string> {
    const { presigner, getSignedUrl, GetObjectCommand } = await this.aws();
    try {
      return await getSignedUrl(
        presigner,
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          ResponseContentDisposition: attachmentDisposition(fileName),
        }),
        { expiresIn: expiresInSeconds, signingDate: this.clock.now() },
      );
    } catch (error) {
      throw integrationError('presignGetObject', error);
    }
  }
}

function isNotFound(error: unknown): boolean {
  const name = awsErrorName(error);
  return (
    name === 'NotFound' || name === 'NoSuchKey' || (error as AwsSdkError)?.$metadata?.httpStatusCode === 404
  );
}

/** An SDK error as an IntegrationError (integrations/shared/aws-sdk.ts). */
const integrationError = (operation: string, error: unknown) => awsIntegrationError('s3', operation, error);
