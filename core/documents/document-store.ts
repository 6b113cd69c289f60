/**
 * Where the hub keeps documents it must hold on to (signed contracts, later visit photos):
 * S3 on AWS, a folder under .data/ locally. Requirements: A6-5.
 */
export interface DocumentStore {
  /** Stores the bytes under `key` (re-storing the same key replaces them); returns where they are. */
  put(key: string, content: Buffer, contentType: string): Promise<{ location: string }>;
}

/** A key safe for any store: letters, digits, dot, dash, underscore and slashes between segments. */
export function documentKey(...segments: string[]): string {
  return segments.map((s) => s.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_')).join('/');
}
