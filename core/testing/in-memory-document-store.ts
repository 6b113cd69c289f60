/** In-memory DocumentStore for tests: `put` plays the browser's upload through the grant. */
import type { DocumentStore, StoredDocument, UploadGrant } from '../documents/document-store.js';

export class InMemoryDocumentStore implements DocumentStore {
  readonly stored = new Map<string, { content: Buffer; contentType: string }>();
  readonly grants: { key: string; contentType: string; size: number }[] = [];

  async put(key: string, content: Buffer, contentType: string) {
    this.stored.set(key, { content, contentType });
    return { location: `memory://${key}` };
  }

  async presignUpload(
    key: string,
    file: { contentType: string; size: number },
    expiresInSeconds: number,
  ): Promise<UploadGrant> {
    this.grants.push({ key, ...file });
    return {
      url: `memory://upload/${key}`,
      method: 'PUT',
      headers: { 'content-type': file.contentType },
      expiresAt: new Date(Date.now() + expiresInSeconds * 1000).toISOString(),
    };
  }

  async get(key: string): Promise<Buffer | undefined> {
    return this.stored.get(key)?.content;
  }

  async inspect(key: string, sniffBytes: number): Promise<StoredDocument | undefined> {
    const doc = this.stored.get(key);
    return (
      doc && {
        size: doc.content.length,
        contentType: doc.contentType,
        head: doc.content.subarray(0, sniffBytes),
      }
    );
  }

  async presignDownload(key: string, fileName: string): Promise<string> {
    return `memory://download/${key}?name=${encodeURIComponent(fileName)}`;
  }
}
