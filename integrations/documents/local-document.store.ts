/** The local document store (npm start): files under .data/documents. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { DocumentStore } from '../../core/documents/document-store.js';

export class LocalDocumentStore implements DocumentStore {
  constructor(private readonly root: string) {}

  async put(key: string, content: Buffer): Promise<{ location: string }> {
    const path = resolve(this.root, key);
    if (relative(resolve(this.root), path).startsWith('..'))
      throw new Error(`document key escapes the store: ${key}`);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    return { location: `file://${join(resolve(this.root), key)}` };
  }
}
