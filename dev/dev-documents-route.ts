/**
 * `/dev/documents/<key>`: the local stand-in for S3's pre-signed URLs. PUT stores the body when
 * the URL's signature, expiry, content type and size allow it; GET streams the document back as
 * an attachment. A browser front-end on another localhost port may call it (CORS).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { attachmentDisposition } from '../core/documents/document-store.js';
import { DOCUMENTS_PATH, type LocalDocumentStore } from '../integrations/documents/local-document.store.js';

/** Front-ends in development: any port of this machine, nothing else. */
const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/** Answers requests under /dev/documents/; false for any other path. */
export async function handleDocumentRequest(
  req: IncomingMessage,
  res: ServerResponse,
  store: LocalDocumentStore,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith(DOCUMENTS_PATH)) return false;

  const origin = req.headers.origin;
  if (origin && LOCAL_ORIGIN.test(origin)) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', 'content-disposition, content-length');
  }
  res.setHeader('vary', 'origin');
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'access-control-allow-methods': 'GET, PUT',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '600',
    });
    res.end();
    return true;
  }

  // A refused PUT's body is not read: the connection is closed instead.
  const refuse = (status: number, reason: string) => answer(res, status, reason, req.method === 'PUT');
  let key: string;
  try {
    key = decodeURIComponent(url.pathname.slice(DOCUMENTS_PATH.length));
  } catch {
    key = '';
  }
  if (!store.accepts(key)) return refuse(400, 'invalid document key');

  if (req.method === 'PUT') {
    const grant = store.verifyUpload(key, url.searchParams);
    if ('refused' in grant) return refuse(403, grant.refused);
    if (req.headers['content-type'] !== grant.contentType)
      return refuse(403, 'content type differs from the signed one');
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > grant.size) return refuse(413, 'body is larger than the signed size');
    const stored = await store.receive(
      key,
      grant.contentType,
      req.iterator({ destroyOnReturn: false }),
      grant.size,
    );
    if (!stored) return refuse(413, 'body is larger than the signed size');
    res.writeHead(200, { 'content-length': '0' });
    res.end();
    return true;
  }

  if (req.method === 'GET') {
    const grant = store.verifyDownload(key, url.searchParams);
    if ('refused' in grant) return refuse(403, grant.refused);
    const stored = await store.read(key);
    if (!stored) return refuse(404, 'no document under this key');
    res.writeHead(200, {
      'content-type': stored.contentType ?? 'application/octet-stream',
      'content-length': String(stored.size),
      'content-disposition': attachmentDisposition(grant.fileName),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
    await pipeline(stored.stream, res).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error; // the client went away
    });
    return true;
  }

  res.setHeader('allow', 'GET, PUT, OPTIONS');
  return refuse(405, 'method not allowed');
}

/** A short plain-text reason; `close` when the rest of the body is not going to be read. */
function answer(res: ServerResponse, status: number, reason: string, close = false): true {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(reason);
  return true;
}
