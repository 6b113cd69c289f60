/** The local store on disk: content types kept beside the bytes, keys kept inside, URLs signed. (HTTP: dev/dev-documents-route.test.ts) */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../core/clock.js';
import { LocalDocumentStore } from './local-document.store.js';

const clock = new FixedClock(new Date('2026-11-30T01:00:00Z'));
const newStore = (secret = 'test-secret') => {
  const root = mkdtempSync(join(tmpdir(), 'local-documents-'));
  return { root, store: new LocalDocumentStore(root, { baseUrl: 'http://127.0.0.1:4000', secret, clock }) };
};

describe('LocalDocumentStore', () => {
  it('keeps the content type of what is put, and shows at most the bytes there are', async () => {
    const { root, store } = newStore();
    const { location } = await store.put('signed/BASIC-1.pdf', Buffer.from('%PDF-1.4'), 'application/pdf');
    expect(location).toBe(`file://${join(root, 'signed/BASIC-1.pdf')}`);
    expect(await store.inspect('signed/BASIC-1.pdf', 4)).toEqual({
      size: 8,
      contentType: 'application/pdf',
      head: Buffer.from('%PDF'),
    });
    expect((await store.inspect('signed/BASIC-1.pdf', 100))?.head).toEqual(Buffer.from('%PDF-1.4'));
    expect(await store.inspect('signed/none.pdf', 4)).toBeUndefined();
    expect(await store.inspect('signed', 4)).toBeUndefined(); // a folder is no document
    // The sidecar is the store's own: never a key.
    expect(readdirSync(join(root, 'signed')).sort()).toEqual(['.BASIC-1.pdf.meta.json', 'BASIC-1.pdf']);
    expect(store.accepts('signed/.BASIC-1.pdf.meta.json')).toBe(false);
  });

  it('signs the URL for one method, key, content type, size and expiry', async () => {
    const { store } = newStore();
    const grant = await store.presignUpload(
      'visits/v_1/現場.jpg',
      { contentType: 'image/jpeg', size: 10 },
      60,
    );
    expect(grant.url).toMatch(
      /^http:\/\/127\.0\.0\.1:4000\/dev\/documents\/visits\/v_1\/%E7%8F%BE%E5%A0%B4\.jpg\?/,
    );
    const query = new URL(grant.url).searchParams;
    expect(store.verifyUpload('visits/v_1/現場.jpg', query)).toEqual({ contentType: 'image/jpeg', size: 10 });
    expect(store.verifyUpload('visits/v_1/other.jpg', query)).toEqual({
      refused: 'signature does not match',
    });
    expect(store.verifyDownload('visits/v_1/現場.jpg', query)).toEqual({
      refused: 'signature does not match',
    });
    expect(newStore('another-secret').store.verifyUpload('visits/v_1/現場.jpg', query)).toEqual({
      refused: 'signature does not match',
    });
    const later = new URLSearchParams(query);
    later.set('expires', String(Number(query.get('expires')) + 3600));
    expect(store.verifyUpload('visits/v_1/現場.jpg', later)).toEqual({ refused: 'signature does not match' });
  });

  it('refuses nonsense grants', async () => {
    const { store } = newStore();
    const file = { contentType: 'image/jpeg', size: 10 };
    await expect(store.presignUpload('a.jpg', { ...file, size: -1 }, 60)).rejects.toThrow(/invalid size/);
    await expect(store.presignUpload('a.jpg', { ...file, contentType: 'a\r\nb' }, 60)).rejects.toThrow(
      /invalid content type/,
    );
    await expect(store.presignUpload('a.jpg', file, 0)).rejects.toThrow(/invalid expiry/);
    await expect(store.presignDownload('../a.jpg', 'a.jpg', 60)).rejects.toThrow(/escapes the store/);
  });
});
