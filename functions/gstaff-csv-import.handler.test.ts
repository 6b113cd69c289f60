/**
 * The G-Staff CSV drop on S3 (A1-5, X-3): an export put under gstaff-imports/incoming/ is
 * imported by the same code as `npm run gstaff:import`, once per key and ETag, its bad rows
 * reported by row and column, the object tagged when done; S3 answered by aws-sdk-client-mock.
 */
import {
  GetObjectCommand,
  GetObjectTaggingCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import iconv from 'iconv-lite';
import { beforeEach, expect, it } from 'vitest';
import { runJob } from '../core/sync/job-runner.js';
import { InMemoryClientLedger } from '../core/testing/in-memory-ledger.js';
import { hubDeps } from '../test/support/builders.js';
import { makeHandler } from './gstaff-csv-import.handler.js';
import { createLogger } from './shared/logger.js';

const s3 = mockClient(S3Client);
const BUCKET = 'documents-bucket';
const KEY = 'gstaff-imports/incoming/顧客台帳 2026-12.csv';

const event = (key = KEY, etag = 'etag-1', bucket = BUCKET) => ({
  version: '0',
  source: 'aws.s3',
  'detail-type': 'Object Created',
  detail: { bucket: { name: bucket }, object: { key, etag, size: 100 } },
});

const header = '顧客コード,顧客名,法人番号,電話番号,取引状態,離職率,抵触日,過去トラブル,更新日時';
const csv = (...rows: string[]) => iconv.encode([header, ...rows].join('\r\n'), 'cp932');
const body = (bytes: Buffer) => ({ transformToByteArray: async () => new Uint8Array(bytes) });

let ledger: InMemoryClientLedger;
beforeEach(() => {
  s3.reset();
  ledger = new InMemoryClientLedger();
  s3.on(GetObjectTaggingCommand).resolves({ TagSet: [] });
  s3.on(PutObjectCommand).resolves({});
  s3.on(PutObjectTaggingCommand).resolves({});
});

const handler = () =>
  makeHandler({
    sync: hubDeps(ledger),
    s3: new S3Client({ region: 'ap-northeast-1' }),
    bucket: BUCKET,
    logger: createLogger('test'),
    leaseMs: 60_000,
  });

it('imports the export into the mirror, reports bad rows by row and column, and tags the object', async () => {
  s3.on(GetObjectCommand).resolves({
    Body: body(
      csv(
        'G-1,株式会社北,1234567890123,03-1111-2222,取引中,12%,本社:2027-04-01,,2026-11-01T00:00:00Z',
        ',名無し株式会社,,,,,,,',
        'G-2,株式会社南,,06-3333-4444,取引終了,1.5,,,2026-11-02T00:00:00Z',
      ),
    ) as never,
  });
  const result = await handler()(event(), { awsRequestId: 'req-1' });
  expect(result).toMatchObject({ status: 'IMPORTED', key: KEY, issues: 2 });
  expect((await ledger.getGStaffMirrorRecords(['G-1', 'G-2'])).map((r) => r.gstaffClientId).sort()).toEqual([
    'G-1',
    'G-2',
  ]);
  const [g1] = await ledger.getGStaffMirrorRecords(['G-1']);
  expect(g1?.conflictDates).toEqual([{ establishment: '本社', conflictDate: '2027-04-01' }]);
  // Exactly the announced version was read.
  expect(s3.commandCalls(GetObjectCommand)[0]?.args[0].input).toMatchObject({
    Bucket: BUCKET,
    Key: KEY,
    IfMatch: '"etag-1"',
  });
  const [report] = s3.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
  expect(report?.Key).toMatch(/^gstaff-imports\/reports\/.+\.etag-1\.json$/);
  const written = JSON.parse(String(report?.Body));
  expect(written).toMatchObject({ source: KEY, result: 'done', counts: { read: 3, updated: 2, failed: 1 } });
  expect(written.issues).toEqual([
    { line: 3, column: '顧客コード', message: 'is empty; row skipped' },
    { line: 4, column: '離職率', message: '"1.5" is not a rate; left empty' },
  ]);
  const tagging = s3.commandCalls(PutObjectTaggingCommand)[0]?.args[0].input;
  expect(tagging).toMatchObject({ Bucket: BUCKET, Key: KEY });
  expect(tagging?.Tagging?.TagSet).toEqual([
    { Key: 'hub-import', Value: 'done' },
    { Key: 'hub-import-etag', Value: 'etag-1' },
    { Key: 'hub-import-run', Value: result.status === 'IMPORTED' ? result.runId : '' },
  ]);
  // The run is a record of the gstaff.mirror job, its issues as codes (never a value).
  const [run] = await ledger.listSyncRuns({ job: 'gstaff.mirror', limit: 1 });
  expect(run).toMatchObject({
    trigger: 'FILE',
    status: 'SUCCEEDED',
    errors: ['CSV:3:顧客コード', 'CSV:4:離職率'],
  });
});

it('does nothing for a redelivered event of a version already imported', async () => {
  s3.on(GetObjectTaggingCommand).resolves({
    TagSet: [
      { Key: 'hub-import', Value: 'done' },
      { Key: 'hub-import-etag', Value: 'etag-1' },
    ],
  });
  expect(await handler()(event(), { awsRequestId: 'req-2' })).toEqual({ status: 'DUPLICATE', key: KEY });
  expect(s3.commandCalls(GetObjectCommand)).toHaveLength(0);
  expect(await ledger.listSyncRuns({ limit: 5 })).toEqual([]);
});

it('imports a new version of the same key (another ETag)', async () => {
  s3.on(GetObjectTaggingCommand).resolves({
    TagSet: [
      { Key: 'hub-import', Value: 'done' },
      { Key: 'hub-import-etag', Value: 'etag-1' },
    ],
  });
  s3.on(GetObjectCommand).resolves({
    Body: body(csv('G-9,株式会社新版,,,取引中,,,,2026-11-03T00:00:00Z')) as never,
  });
  expect(await handler()(event(KEY, 'etag-2'))).toMatchObject({ status: 'IMPORTED', issues: 0 });
  expect(await ledger.getGStaffMirrorRecords(['G-9'])).toHaveLength(1);
});

it('rejects a file without a required column whole: reported and tagged, nothing written', async () => {
  s3.on(GetObjectCommand).resolves({
    Body: body(iconv.encode('顧客コード,名前\r\nG-1,株式会社北', 'cp932')) as never,
  });
  const result = await handler()(event());
  expect(result).toMatchObject({ status: 'REJECTED' });
  const written = JSON.parse(String(s3.commandCalls(PutObjectCommand)[0]?.args[0].input.Body));
  expect(written).toMatchObject({ result: 'rejected', error: expect.stringContaining('顧客名') });
  expect(s3.commandCalls(PutObjectTaggingCommand)[0]?.args[0].input.Tagging?.TagSet?.[0]).toEqual({
    Key: 'hub-import',
    Value: 'rejected',
  });
  expect(await ledger.getGStaffMirrorRecords(['G-1'])).toEqual([]);
});

it('fails retryably, untagged, while a sync of the mirror holds the lease', async () => {
  s3.on(GetObjectCommand).resolves({
    Body: body(csv('G-1,株式会社北,,,取引中,,,,2026-11-01T00:00:00Z')) as never,
  });
  const deps = hubDeps(ledger);
  let release: () => void = () => {};
  const holding = runJob(
    deps,
    'gstaff.mirror',
    { mode: 'INCREMENTAL', trigger: 'SCHEDULE', holder: 'sync', leaseMs: 60_000 },
    () =>
      new Promise<void>((resolve) => {
        release = resolve;
      }),
  );
  await new Promise((resolve) => setTimeout(resolve, 10));
  await expect(handler()(event())).rejects.toMatchObject({ retryable: true, system: 'gstaff' });
  expect(s3.commandCalls(PutObjectTaggingCommand)).toHaveLength(0);
  release();
  await holding;
  expect(await handler()(event())).toMatchObject({ status: 'IMPORTED' });
});

it('treats a version replaced before its import as superseded (the new one has its own event)', async () => {
  s3.on(GetObjectCommand).rejects(
    Object.assign(new Error('precondition'), {
      name: 'PreconditionFailed',
      $metadata: { httpStatusCode: 412 },
    }),
  );
  expect(await handler()(event())).toEqual({ status: 'SUPERSEDED', key: KEY });
  expect(s3.commandCalls(PutObjectTaggingCommand)).toHaveLength(0);
});

it('refuses an object outside the drop prefix or of another bucket, naming the field', async () => {
  for (const e of [
    event('contracts/c.pdf'),
    event(KEY, 'e', 'other-bucket'),
    event('gstaff-imports/incoming/'),
  ]) {
    await expect(handler()(e)).rejects.toMatchObject({
      fieldErrors: [expect.objectContaining({ path: 'event.detail.object.key' })],
    });
  }
  await expect(handler()({ source: 'aws.s3' })).rejects.toMatchObject({
    fieldErrors: expect.arrayContaining([
      expect.objectContaining({ path: expect.stringContaining('event') }),
    ]),
  });
  expect(s3.calls()).toHaveLength(0);
});

it('retries S3 errors the SDK calls retryable, as an IntegrationError', async () => {
  s3.on(GetObjectTaggingCommand).rejects(
    Object.assign(new Error('slow down'), { name: 'SlowDown', $metadata: { httpStatusCode: 503 } }),
  );
  await expect(handler()(event())).rejects.toMatchObject({ system: 's3', retryable: true });
});
