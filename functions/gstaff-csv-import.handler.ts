/**
 * The G-Staff client-register CSV export dropped on S3 (A1-5, X-3; docs/sync.md "G-Staff"): a
 * file put under `gstaff-imports/incoming/` of the documents bucket reaches this function through
 * the bucket's EventBridge "Object Created" event and is imported by the same code as
 * `npm run gstaff:import` (`importGStaffClientCsv`: one run of the `gstaff.mirror` job, under its
 * lease). Idempotent on the object's key and ETag: when done the object is tagged
 * (`hub-import` = done | rejected, with the ETag and the run), and a redelivered event for a tagged
 * version does nothing. The issues (row and column of each bad value) go into a JSON report under
 * `gstaff-imports/reports/`; a file without a required column is rejected whole (tagged, reported,
 * nothing written). While a sync of the mirror holds the lease the invocation fails retryably and
 * Lambda tries again.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { IntegrationError, ValidationError } from '../core/errors.js';
import type { SyncDeps } from '../core/sync/job-runner.js';
import { parseInput } from '../core/validation.js';
import type { CsvIssue } from '../integrations/gstaff/gstaff-csv-import.js';
import { awsErrorName, awsIntegrationError, awsRequestHandler } from '../integrations/shared/aws-sdk.js';
import { lambdaHandler } from './shared/lambda-handler.js';

/** Where exports are dropped, and where the reports go, in the documents bucket. */
export const GSTAFF_IMPORT_PREFIX = 'gstaff-imports/incoming/';
export const GSTAFF_REPORT_PREFIX = 'gstaff-imports/reports/';

const objectCreated = z.object({
  source: z.literal('aws.s3'),
  'detail-type': z.literal('Object Created'),
  detail: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({
      key: z.string().min(1).max(1024),
      etag: z.string().min(1).max(200),
      size: z.number().int().min(0).optional(),
    }),
  }),
});

export type CsvDropResult =
  | { status: 'DUPLICATE'; key: string }
  | { status: 'SUPERSEDED'; key: string }
  | { status: 'IMPORTED'; key: string; runId: string; issues: number; report: string }
  | { status: 'REJECTED'; key: string; report: string };

export interface CsvDropDeps {
  sync: SyncDeps;
  s3: S3Client;
  bucket: string;
  logger: Logger;
  leaseMs: number;
  /** Largest export read (bytes). */
  maxBytes?: number;
}

const unquoted = (etag: string) => etag.replace(/^"|"$/g, '');

/** The S3 commands, loaded at the first call (a cold start of another function never loads them). */
const commands = () => import('@aws-sdk/client-s3');
/** The export's reader (code page and CSV parser), loaded when a file is read (a redelivery is not). */
const csvReader = () => import('../integrations/gstaff/gstaff-csv-import.js');

export function makeHandler(deps: CsvDropDeps) {
  const maxBytes = deps.maxBytes ?? 50 * 1024 * 1024;
  /** One S3 call; its failure as an IntegrationError (retryable when the SDK says so). */
  const send = async <T>(operation: string, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      throw awsIntegrationError('s3', operation, error);
    }
  };

  return async (event: unknown, context?: Pick<Context, 'awsRequestId'>): Promise<CsvDropResult> => {
    const { detail } = parseInput(objectCreated, event, 'event');
    const key = detail.object.key;
    const etag = unquoted(detail.object.etag);
    if (detail.bucket.name !== deps.bucket || !key.startsWith(GSTAFF_IMPORT_PREFIX) || key.endsWith('/')) {
      throw new ValidationError([
        {
          path: 'event.detail.object.key',
          message: `must be a file under ${GSTAFF_IMPORT_PREFIX} of the documents bucket`,
        },
      ]);
    }
    if (detail.object.size !== undefined && detail.object.size > maxBytes) {
      throw new ValidationError([
        { path: 'event.detail.object.size', message: `an export may have at most ${maxBytes} bytes` },
      ]);
    }
    const s3 = await commands();
    const tags = await send('getObjectTagging', () =>
      deps.s3.send(new s3.GetObjectTaggingCommand({ Bucket: deps.bucket, Key: key })),
    );
    const tag = (name: string) => tags.TagSet?.find((t) => t.Key === name)?.Value;
    if (tag('hub-import-etag') === etag && tag('hub-import')) {
      deps.logger.info('G-Staff export already imported', { key, result: tag('hub-import') });
      return { status: 'DUPLICATE', key };
    }

    // Exactly the version the event announced: a newer upload to the same key has its own event.
    let bytes: Buffer;
    try {
      const object = await deps.s3.send(
        new s3.GetObjectCommand({ Bucket: deps.bucket, Key: key, IfMatch: `"${etag}"` }),
      );
      bytes = Buffer.from(
        await (object.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray(),
      );
    } catch (error) {
      if (awsErrorName(error) === 'PreconditionFailed' || awsErrorName(error) === 'NoSuchKey') {
        deps.logger.info('G-Staff export replaced or removed before its import', { key });
        return { status: 'SUPERSEDED', key };
      }
      throw awsIntegrationError('s3', 'getObject', error);
    }
    if (bytes.length > maxBytes)
      throw new ValidationError([
        { path: 'event.detail.object.size', message: `an export may have at most ${maxBytes} bytes` },
      ]);

    const name = key.slice(GSTAFF_IMPORT_PREFIX.length).replace(/[^\w.-]/g, '_');
    const report = `${GSTAFF_REPORT_PREFIX}${name}.${etag}.json`;
    const finish = async (result: 'done' | 'rejected', body: Record<string, unknown>, runId?: string) => {
      await send('putObject', () =>
        deps.s3.send(
          new s3.PutObjectCommand({
            Bucket: deps.bucket,
            Key: report,
            Body: JSON.stringify({ source: key, etag, result, ...body }, null, 2),
            ContentType: 'application/json',
          }),
        ),
      );
      await send('putObjectTagging', () =>
        deps.s3.send(
          new s3.PutObjectTaggingCommand({
            Bucket: deps.bucket,
            Key: key,
            Tagging: {
              TagSet: [
                { Key: 'hub-import', Value: result },
                { Key: 'hub-import-etag', Value: etag },
                ...(runId ? [{ Key: 'hub-import-run', Value: runId }] : []),
              ],
            },
          }),
        ),
      );
    };

    const { importGStaffClientCsv, GStaffCsvError } = await csvReader();
    let imported: Awaited<ReturnType<typeof importGStaffClientCsv>>;
    try {
      imported = await importGStaffClientCsv(deps.sync, bytes, {
        trigger: 'FILE',
        holder: `lambda:${context?.awsRequestId ?? 'unknown'}`,
        leaseMs: deps.leaseMs,
      });
    } catch (error) {
      if (!(error instanceof GStaffCsvError)) throw error;
      // The file itself is wrong (a column missing): another try cannot help; a person must look.
      await finish('rejected', { error: error.message });
      deps.logger.warn('G-Staff export rejected', { key, report });
      return { status: 'REJECTED', key, report };
    }
    const { outcome, issues } = imported;
    if (!('runId' in outcome)) {
      // A sync of the mirror is running: Lambda invokes again (the object stays untagged).
      throw new IntegrationError({
        system: 'gstaff',
        operation: 'csvImport',
        retryable: true,
        message: `the G-Staff mirror is being synced by ${outcome.holder}; the import is tried again`,
      });
    }
    await finish(
      'done',
      { runId: outcome.runId, counts: outcome.counts, issues: issues satisfies CsvIssue[] },
      outcome.runId,
    );
    deps.logger.info('G-Staff export imported', {
      key,
      runId: outcome.runId,
      issues: issues.length,
      ...outcome.counts,
    });
    return { status: 'IMPORTED', key, runId: outcome.runId, issues: issues.length, report };
  };
}

/** The deployed entry point. */
export const handler = lambdaHandler({
  kind: 'event',
  settings: ['DOCUMENTS_BUCKET'],
  compose: async ({ config, env, logger }) => {
    const [{ S3Client }, { createHubDeps }] = await Promise.all([commands(), import('./composition.js')]);
    return makeHandler({
      sync: createHubDeps(config, env),
      s3: new S3Client({
        region: config.AWS_REGION,
        maxAttempts: 3,
        requestHandler: awsRequestHandler(10_000),
      }),
      bucket: config.DOCUMENTS_BUCKET,
      logger,
      // The function's timeout (5 minutes) and a minute.
      leaseMs: 6 * 60_000,
    });
  },
});
