/**
 * The S3 store: pre-signed URLs checked offline (fake credentials, fixed clock), inspect and the
 * error mapping over HTTP against a loopback stand-in of S3.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../core/clock.js';
import { attachmentDisposition } from '../../core/documents/document-store.js';
import { IntegrationError } from '../../core/errors.js';
import { S3DocumentStore } from './s3-document.store.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'fake-secret' };
const clock = new FixedClock(new Date('2026-11-30T01:00:00Z'));

describe('pre-signed URLs', () => {
  const store = new S3DocumentStore('hub-documents', 'ap-northeast-1', { credentials, clock });

  it('signs the content type and length of an upload, and returns them as headers to send', async () => {
    const grant = await store.presignUpload(
      'visits/v_1/photo.jpg',
      { contentType: 'image/jpeg', size: 123_456 },
      300,
    );
    expect(grant).toMatchObject({
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg', 'content-length': '123456' },
      expiresAt: '2026-11-30T01:05:00.000Z',
    });
    const url = new URL(grant.url);
    expect(url.host).toBe('hub-documents.s3.ap-northeast-1.amazonaws.com');
    expect(url.pathname).toBe('/visits/v_1/photo.jpg');
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(
      expect.arrayContaining(['content-length', 'content-type', 'host']),
    );
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('X-Amz-Date')).toBe('20261130T010000Z');
    // A checksum of the (absent) body would make S3 refuse every real upload.
    expect([...url.searchParams.keys()].filter((k) => k.startsWith('x-amz-checksum'))).toEqual([]);
  });

  it('offers a download under its UTF-8 file name', async () => {
    const url = new URL(await store.presignDownload('visits/v_1/photo.jpg', '現場写真.jpg', 60));
    expect(url.searchParams.get('response-content-disposition')).toBe(attachmentDisposition('現場写真.jpg'));
    expect(attachmentDisposition('現場写真.jpg')).toBe(
      `attachment; filename="____.jpg"; filename*=UTF-8''%E7%8F%BE%E5%A0%B4%E5%86%99%E7%9C%9F.jpg`,
    );
    expect(url.searchParams.get('X-Amz-Expires')).toBe('60');
    expect(url.searchParams.has('x-amz-checksum-mode')).toBe(false);
  });
});

describe('over HTTP', () => {
  const objects = new Map<string, { body: Buffer; type: string; etag: string }>();
  const requests: { method: string; path: string; headers: IncomingMessage['headers'] }[] = [];
  let failWith: number | undefined;
  let url = '';
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://s3').pathname);
    requests.push({ method: req.method ?? '', path, headers: req.headers });
    if (failWith) {
      res.writeHead(failWith, { 'content-type': 'application/xml' });
      return res.end(
        `<Error><Code>${failWith === 403 ? 'AccessDenied' : 'ServiceUnavailable'}</Code></Error>`,
      );
    }
    if (req.method === 'PUT') {
      const body = Buffer.concat(chunks);
      objects.set(path, { body, type: req.headers['content-type'] ?? '', etag: `"${objects.size}"` });
      res.writeHead(200, { etag: '"1"' });
      return res.end();
    }
    const found = objects.get(path);
    if (!found) {
      res.writeHead(404, { 'content-type': 'application/xml' });
      return res.end(req.method === 'HEAD' ? undefined : '<Error><Code>NoSuchKey</Code></Error>');
    }
    const headers = { 'content-type': found.type, etag: found.etag };
    if (req.method === 'HEAD') {
      res.writeHead(200, { ...headers, 'content-length': String(found.body.length) });
      return res.end();
    }
    const [, from, to] = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '') ?? [];
    const part = found.body.subarray(Number(from), Number(to) + 1);
    res.writeHead(206, {
      ...headers,
      'content-length': String(part.length),
      'content-range': `bytes ${from}-${Number(from) + part.length - 1}/${found.body.length}`,
    });
    res.end(part);
  });

  beforeAll(async () => {
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  const store = () => new S3DocumentStore('hub-documents', 'ap-northeast-1', { credentials, endpoint: url });

  it('puts with a SHA-256 for S3 to verify, and inspects size, type and the first bytes', async () => {
    failWith = undefined;
    const pdf = Buffer.from('%PDF-1.7\n...signed contract...');
    expect(await store().put('signed/BASIC-1.pdf', pdf, 'application/pdf')).toEqual({
      location: 's3://hub-documents/signed/BASIC-1.pdf',
    });
    expect(requests.at(-1)?.headers['x-amz-checksum-sha256']).toBe(
      createHash('sha256').update(pdf).digest('base64'),
    );

    expect(await store().inspect('signed/BASIC-1.pdf', 5)).toEqual({
      size: pdf.length,
      contentType: 'application/pdf',
      head: Buffer.from('%PDF-'),
    });
    const [head, get] = requests.slice(-2);
    expect(head?.method).toBe('HEAD');
    expect(get?.headers).toMatchObject({ range: 'bytes=0-4', 'if-match': '"0"' });
  });

  it('reads no range of an empty object, nor more than there is', async () => {
    failWith = undefined;
    await store().put('visits/v_1/empty.jpg', Buffer.alloc(0), 'image/jpeg');
    const before = requests.length;
    expect(await store().inspect('visits/v_1/empty.jpg', 16)).toEqual({
      size: 0,
      contentType: 'image/jpeg',
      head: Buffer.alloc(0),
    });
    expect(requests.length - before).toBe(1);
    await store().put('visits/v_1/tiny.jpg', Buffer.from([0xff, 0xd8]), 'image/jpeg');
    expect((await store().inspect('visits/v_1/tiny.jpg', 16))?.head).toEqual(Buffer.from([0xff, 0xd8]));
    expect(requests.at(-1)?.headers.range).toBe('bytes=0-1');
  });

  it('finds nothing under an unknown key', async () => {
    failWith = undefined;
    expect(await store().inspect('visits/v_1/none.jpg', 16)).toBeUndefined();
  });

  it('reports a refusal as final and an outage as retryable, after bounded retries', async () => {
    failWith = 403;
    const refused = await store()
      .inspect('visits/v_1/tiny.jpg', 16)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(IntegrationError);
    expect(refused).toMatchObject({ system: 's3', operation: 'headObject', retryable: false, status: 403 });

    failWith = 503;
    const before = requests.length;
    const outage = await store()
      .put('signed/BASIC-2.pdf', Buffer.from('%PDF'), 'application/pdf')
      .catch((e: unknown) => e);
    expect(outage).toMatchObject({ system: 's3', operation: 'putObject', retryable: true, status: 503 });
    expect(requests.length - before).toBe(3);
    failWith = undefined;
  });
});
