/**
 * The local document store (npm start): files under .data/documents, each with its content type
 * in a hidden sidecar. Uploads and downloads go through the local host's /dev/documents/ route
 * (dev/dev-documents-route.ts) by URLs carrying an expiry and an HMAC-SHA256 signature.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Clock } from '../../core/clock.js';
import type { DocumentStore, StoredDocument, UploadGrant } from '../../core/documents/document-store.js';
import { systemClock } from '../system-clock.js';

/** The path the local host serves the store's signed URLs under. */
export const DOCUMENTS_PATH = '/dev/documents/';

export interface LocalDocumentStoreOptions {
  /** Where the local host listens, e.g. http://127.0.0.1:4000. */
  baseUrl: string;
  /** Signs the URLs; a random string per process is enough. */
  secret: string;
  /** @default the system clock */
  clock?: Clock;
}

/** Why a signed URL grants nothing (answered as 403). */
export type Refusal = { refused: string };

export class LocalDocumentStore implements DocumentStore {
  private readonly root: string;
  private readonly clock: Clock;

  constructor(
    root: string,
    private readonly options: LocalDocumentStoreOptions,
  ) {
    this.root = resolve(root);
    this.clock = options.clock ?? systemClock;
  }

  async put(key: string, content: Buffer, contentType: string): Promise<{ location: string }> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    await this.writeContentType(path, contentType);
    return { location: `file://${path}` };
  }

  async presignUpload(
    key: string,
    file: { contentType: string; size: number },
    expiresInSeconds: number,
  ): Promise<UploadGrant> {
    this.pathOf(key);
    if (!Number.isSafeInteger(file.size) || file.size < 0) throw new Error(`invalid size: ${file.size}`);
    if (!file.contentType || /[^\x20-\x7e]/.test(file.contentType))
      throw new Error(`invalid content type: ${file.contentType}`);
    const expires = this.expiry(expiresInSeconds);
    const query = new URLSearchParams({
      type: file.contentType,
      size: String(file.size),
      expires: String(expires),
    });
    query.set('signature', this.sign(['PUT', key, file.contentType, file.size, expires]));
    return {
      url: `${this.urlOf(key)}?${query}`,
      method: 'PUT',
      headers: { 'content-type': file.contentType },
      expiresAt: new Date(expires * 1000).toISOString(),
    };
  }

  async get(key: string): Promise<Buffer | undefined> {
    const path = this.pathOf(key);
    if ((await fileSize(path)) === undefined) return undefined;
    return readFile(path);
  }

  async inspect(key: string, sniffBytes: number): Promise<StoredDocument | undefined> {
    const path = this.pathOf(key);
    const size = await fileSize(path);
    if (size === undefined) return undefined;
    const head = Buffer.alloc(Math.min(Math.max(0, Math.floor(sniffBytes)), size));
    const file = await open(path, 'r');
    try {
      const { bytesRead } = await file.read(head, 0, head.length, 0);
      const contentType = await this.readContentType(path);
      return { size, ...(contentType ? { contentType } : {}), head: head.subarray(0, bytesRead) };
    } finally {
      await file.close();
    }
  }

  async presignDownload(key: string, fileName: string, expiresInSeconds: number): Promise<string> {
    this.pathOf(key);
    const expires = this.expiry(expiresInSeconds);
    const query = new URLSearchParams({ name: fileName, expires: String(expires) });
    query.set('signature', this.sign(['GET', key, fileName, expires]));
    return `${this.urlOf(key)}?${query}`;
  }

  /** Whether `key` names a place inside the store. */
  accepts(key: string): boolean {
    try {
      this.pathOf(key);
      return true;
    } catch {
      return false;
    }
  }

  /** The upload a PUT URL's query grants for `key`. */
  verifyUpload(key: string, query: URLSearchParams): { contentType: string; size: number } | Refusal {
    const contentType = query.get('type') ?? '';
    const size = Number(query.get('size'));
    const expires = Number(query.get('expires'));
    const refused = this.verify(['PUT', key, contentType, size, expires], query.get('signature'), expires);
    return refused ?? { contentType, size };
  }

  /** The download a GET URL's query grants for `key`. */
  verifyDownload(key: string, query: URLSearchParams): { fileName: string } | Refusal {
    const fileName = query.get('name') ?? '';
    const expires = Number(query.get('expires'));
    const refused = this.verify(['GET', key, fileName, expires], query.get('signature'), expires);
    return refused ?? { fileName };
  }

  /**
   * Stores `body` under `key` when it is at most `maxBytes` long. Stops reading at the first byte
   * over the limit and returns false; nothing is stored then (nor when `body` fails).
   */
  async receive(
    key: string,
    contentType: string,
    body: AsyncIterable<Buffer>,
    maxBytes: number,
  ): Promise<boolean> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const temp = hidden(path, `upload-${randomUUID()}`);
    const file = await open(temp, 'wx');
    let size = 0;
    try {
      for await (const chunk of body) {
        size += chunk.length;
        if (size > maxBytes) return false;
        await file.write(chunk);
      }
      await file.close();
      await this.writeContentType(path, contentType);
      await rename(temp, path);
      return true;
    } finally {
      await file.close().catch(() => undefined);
      await rm(temp, { force: true });
    }
  }

  /** The stored bytes under `key` as a stream, or undefined when nothing is stored. */
  async read(key: string): Promise<{ size: number; contentType?: string; stream: ReadStream } | undefined> {
    const path = this.pathOf(key);
    const size = await fileSize(path);
    if (size === undefined) return undefined;
    const contentType = await this.readContentType(path);
    return { size, ...(contentType ? { contentType } : {}), stream: createReadStream(path) };
  }

  /** Keys are slash-separated segments, none empty or starting with a dot (those are the store's own files). */
  private pathOf(key: string): string {
    const path = resolve(this.root, key);
    const inside = relative(this.root, path);
    if (
      key.split('/').some((segment) => segment === '' || segment.startsWith('.')) ||
      /[\\\0]/.test(key) ||
      inside === '' ||
      inside.startsWith('..')
    )
      throw new Error(`document key escapes the store: ${key}`);
    return path;
  }

  private urlOf(key: string): string {
    return `${this.options.baseUrl}${DOCUMENTS_PATH}${key.split('/').map(encodeURIComponent).join('/')}`;
  }

  private expiry(expiresInSeconds: number): number {
    if (!Number.isSafeInteger(expiresInSeconds) || expiresInSeconds <= 0)
      throw new Error(`invalid expiry: ${expiresInSeconds}`);
    return Math.floor(this.clock.now().getTime() / 1000) + expiresInSeconds;
  }

  private sign(fields: (string | number)[]): string {
    return createHmac('sha256', this.options.secret).update(JSON.stringify(fields)).digest('base64url');
  }

  private verify(
    fields: (string | number)[],
    signature: string | null,
    expires: number,
  ): Refusal | undefined {
    const expected = Buffer.from(this.sign(fields));
    const given = Buffer.from(signature ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { refused: 'signature does not match' };
    if (this.clock.now().getTime() > expires * 1000) return { refused: 'URL has expired' };
    return undefined;
  }

  private async writeContentType(path: string, contentType: string): Promise<void> {
    await writeFile(hidden(path, 'meta.json'), JSON.stringify({ contentType }));
  }

  private async readContentType(path: string): Promise<string | undefined> {
    try {
      const meta = JSON.parse(await readFile(hidden(path, 'meta.json'), 'utf8')) as { contentType?: unknown };
      return typeof meta.contentType === 'string' ? meta.contentType : undefined;
    } catch {
      return undefined;
    }
  }
}

/** A file of the store's own next to `path` (`.<name>.<suffix>`), never a document's key. */
function hidden(path: string, suffix: string): string {
  return join(dirname(path), `.${basename(path)}.${suffix}`);
}

async function fileSize(path: string): Promise<number | undefined> {
  try {
    const found = await stat(path);
    return found.isFile() ? found.size : undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}
