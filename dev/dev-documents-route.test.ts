/**
 * /dev/documents/ over real HTTP, as a browser uses it: upload by the signed URL, inspect, download
 * by a signed URL; every refusal leaves nothing stored.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../core/clock.js';
import { LocalDocumentStore } from '../integrations/documents/local-document.store.js';
import { handleDocumentRequest } from './dev-documents-route.js';

const dir = mkdtempSync(join(tmpdir(), 'dev-documents-'));
const root = join(dir, 'store');
const clock = new FixedClock(new Date('2026-11-30T01:00:00Z'));
let store: LocalDocumentStore;
let base = '';
const server = createServer(async (req, res) => {
  if (!(await handleDocumentRequest(req, res, store))) {
    res.writeHead(404);
    res.end('not a document route');
  }
});

beforeAll(async () => {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  store = new LocalDocumentStore(root, { baseUrl: base, secret: 'test-secret', clock });
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

/** A JPEG's first bytes and some more. */
const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);

/** Every file under the store, its own sidecars and partial uploads included. */
const filesUnder = (path: string): string[] =>
  existsSync(path)
    ? readdirSync(path, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => entry.name)
    : [];

/** A raw request: the path is sent as written, the body chunked unless a length is given. */
function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer,
  chunks = 1,
): Promise<{ status: number; headers: Record<string, unknown>; text: string }> {
  return new Promise((ok, fail) => {
    const { hostname, port } = new URL(base);
    const req = request({ hostname, port, path, method, headers }, async (res) => {
      let text = '';
      for await (const chunk of res) text += chunk;
      ok({ status: res.statusCode ?? 0, headers: res.headers, text });
    });
    req.on('error', fail);
    if (body) {
      const size = Math.ceil(body.length / chunks);
      for (let i = 0; i < body.length; i += size) req.write(body.subarray(i, i + size));
    }
    req.end();
  });
}

describe('upload and download by signed URL', () => {
  it('stores what is PUT to the grant, shows it to inspect and serves it to the download URL', async () => {
    const key = 'visits/v_1/photo-1.jpg';
    const grant = await store.presignUpload(key, { contentType: 'image/jpeg', size: photo.length }, 300);
    expect(grant).toEqual({
      url: expect.stringMatching(new RegExp(`^${base}/dev/documents/visits/v_1/photo-1\\.jpg\\?`)),
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg' },
      expiresAt: '2026-11-30T01:05:00.000Z',
    });

    const uploaded = await fetch(grant.url, { method: grant.method, headers: grant.headers, body: photo });
    expect(uploaded.status).toBe(200);
    expect(await store.inspect(key, 4)).toEqual({
      size: photo.length,
      contentType: 'image/jpeg',
      head: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    });

    const url = await store.presignDownload(key, '現場写真 (1).jpg', 60);
    const downloaded = await fetch(url);
    expect(downloaded.status).toBe(200);
    expect(Buffer.from(await downloaded.arrayBuffer())).toEqual(photo);
    expect(downloaded.headers.get('content-type')).toBe('image/jpeg');
    const disposition = downloaded.headers.get('content-disposition') ?? '';
    expect(disposition).toBe(
      `attachment; filename="____ (1).jpg"; filename*=UTF-8''%E7%8F%BE%E5%A0%B4%E5%86%99%E7%9C%9F%20%281%29.jpg`,
    );
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] as string)).toBe('現場写真 (1).jpg');
  });

  it('accepts a body smaller than the signed size', async () => {
    const key = 'visits/v_1/short.pdf';
    const grant = await store.presignUpload(key, { contentType: 'application/pdf', size: 100 }, 300);
    const uploaded = await fetch(grant.url, { method: 'PUT', headers: grant.headers, body: '%PDF-1.7' });
    expect(uploaded.status).toBe(200);
    expect(await store.inspect(key, 64)).toEqual({
      size: 8,
      contentType: 'application/pdf',
      head: Buffer.from('%PDF-1.7'),
    });
  });

  it('answers a download of nothing with 404', async () => {
    const response = await fetch(await store.presignDownload('visits/v_1/none.jpg', 'none.jpg', 60));
    expect(response.status).toBe(404);
  });
});

describe('refusals store nothing', () => {
  const key = 'visits/v_2/photo.jpg';
  const grantFor = (size = photo.length, seconds = 300) =>
    store.presignUpload(key, { contentType: 'image/jpeg', size }, seconds);
  const put = (url: string, headers: Record<string, string>, body: Buffer, chunks = 1) =>
    send('PUT', url.slice(base.length), headers, body, chunks);

  it('refuses a tampered signature, size or content type in the URL', async () => {
    const grant = await grantFor(10);
    const tampered = [
      grant.url.replace(/signature=([^&])/, (_, c: string) => `signature=${c === 'A' ? 'B' : 'A'}`),
      grant.url.replace('size=10', 'size=100000'),
      grant.url.replace('type=image%2Fjpeg', 'type=text%2Fhtml'),
      grant.url.replace(/&signature=[^&]*/, ''),
    ];
    for (const url of tampered) {
      const headers = url.includes('text%2Fhtml') ? { 'content-type': 'text/html' } : grant.headers;
      const response = await put(url, headers, photo.subarray(0, 10));
      expect(response).toMatchObject({ status: 403, text: 'signature does not match' });
    }
    expect(await store.inspect(key, 4)).toBeUndefined();
  });

  it('refuses an expired grant', async () => {
    const grant = await grantFor(photo.length, 60);
    clock.advance(61_000);
    try {
      const response = await put(grant.url, grant.headers, photo);
      expect(response).toMatchObject({ status: 403, text: 'URL has expired' });
    } finally {
      clock.advance(-61_000);
    }
    expect(await store.inspect(key, 4)).toBeUndefined();
  });

  it('refuses an expired download URL', async () => {
    await store.put('visits/v_2/kept.txt', Buffer.from('kept'), 'text/plain');
    const url = await store.presignDownload('visits/v_2/kept.txt', 'kept.txt', 60);
    clock.advance(61_000);
    try {
      const response = await send('GET', url.slice(base.length), {});
      expect(response).toMatchObject({ status: 403, text: 'URL has expired' });
    } finally {
      clock.advance(-61_000);
    }
  });

  it('refuses another content type than the signed one', async () => {
    const grant = await grantFor();
    const response = await put(grant.url, { 'content-type': 'image/png' }, photo);
    expect(response).toMatchObject({ status: 403, text: 'content type differs from the signed one' });
    expect(await store.inspect(key, 4)).toBeUndefined();
  });

  it('refuses a body larger than the signed size, declared or not', async () => {
    const grant = await grantFor(1000);
    const declared = await put(
      grant.url,
      { ...grant.headers, 'content-length': String(photo.length) },
      photo,
    );
    expect(declared).toMatchObject({ status: 413, text: 'body is larger than the signed size' });
    const chunked = await put(grant.url, grant.headers, photo, 8);
    expect(chunked).toMatchObject({ status: 413, text: 'body is larger than the signed size' });
    expect(await store.inspect(key, 4)).toBeUndefined();
    expect(filesUnder(join(root, 'visits/v_2')).filter((name) => name.includes('photo'))).toEqual([]);
  });

  it('refuses a download URL used for an upload, and an upload URL used for a download', async () => {
    const download = await store.presignDownload(key, 'photo.jpg', 60);
    const upload = await grantFor();
    expect((await put(download, upload.headers, photo)).status).toBe(403);
    expect((await send('GET', upload.url.slice(base.length), {})).status).toBe(403);
    expect(await store.inspect(key, 4)).toBeUndefined();
  });

  it('keeps keys inside the store', async () => {
    for (const bad of ['../outside.txt', 'visits/../../outside.txt', '/etc/outside.txt', 'visits//x', '.x']) {
      await expect(store.presignUpload(bad, { contentType: 'text/plain', size: 4 }, 60)).rejects.toThrow(
        /escapes the store/,
      );
      await expect(store.put(bad, Buffer.from('oops'), 'text/plain')).rejects.toThrow(/escapes the store/);
    }
    const grant = await store.presignUpload('visits/outside.txt', { contentType: 'text/plain', size: 4 }, 60);
    const query = grant.url.slice(grant.url.indexOf('?'));
    for (const path of ['..%2F..%2Foutside.txt', 'visits%2F..%2F..%2Foutside.txt', '%2E%2E/outside.txt']) {
      const response = await send(
        'PUT',
        `/dev/documents/${path}${query}`,
        grant.headers,
        Buffer.from('oops'),
      );
      expect([400, 404]).toContain(response.status); // %2E%2E is `..` to a URL parser: not a document path
    }
    expect(filesUnder(dir).filter((name) => name.includes('outside'))).toEqual([]);
  });

  it('answers only paths under /dev/documents/ and only GET, PUT and OPTIONS', async () => {
    expect((await send('GET', '/dev/other', {})).text).toBe('not a document route');
    expect((await send('DELETE', `/dev/documents/${key}`, {})).status).toBe(405);
  });
});

describe('CORS', () => {
  it('lets a front-end on another localhost port PUT with a content type', async () => {
    const response = await send('OPTIONS', '/dev/documents/visits/v_3/a.jpg', {
      origin: 'http://localhost:5173',
      'access-control-request-method': 'PUT',
      'access-control-request-headers': 'content-type',
    });
    expect(response.status).toBe(204);
    expect(response.headers).toMatchObject({
      'access-control-allow-origin': 'http://localhost:5173',
      'access-control-allow-methods': 'GET, PUT',
      'access-control-allow-headers': 'content-type',
    });
  });

  it('allows no other origin', async () => {
    const response = await send('OPTIONS', '/dev/documents/visits/v_3/a.jpg', {
      origin: 'https://evil.example',
      'access-control-request-method': 'PUT',
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});
