/**
 * Where the hub keeps documents it must hold on to (signed contracts, visit photos and drawings):
 * S3 on AWS, a folder under .data/ locally. Browsers upload and download the bytes themselves
 * through pre-signed URLs. Requirements: A6-5.
 */
export interface DocumentStore {
  /** Stores the bytes under `key` (re-storing the same key replaces them); returns where they are. */
  put(key: string, content: Buffer, contentType: string): Promise<{ location: string }>;
  /**
   * A URL the client PUTs the bytes to until `expiresAt`. The store accepts exactly this content
   * type and at most `size` bytes (S3 signs the content length, so exactly `size`).
   */
  presignUpload(
    key: string,
    file: { contentType: string; size: number },
    expiresInSeconds: number,
  ): Promise<UploadGrant>;
  /** The bytes stored under `key`, or undefined when nothing is. */
  get(key: string): Promise<Buffer | undefined>;
  /** What is stored under `key` (size, content type, first `sniffBytes` bytes), or undefined when nothing is. */
  inspect(key: string, sniffBytes: number): Promise<StoredDocument | undefined>;
  /** A URL to GET the bytes for `expiresInSeconds`, offered for download as `fileName` (UTF-8 names allowed). */
  presignDownload(key: string, fileName: string, expiresInSeconds: number): Promise<string>;
}

export interface UploadGrant {
  url: string;
  method: 'PUT';
  /** Headers the client must send, exactly. */
  headers: Record<string, string>;
  /** ISO 8601. */
  expiresAt: string;
}

export interface StoredDocument {
  size: number;
  contentType?: string;
  /** The first bytes, for checking the file's real type. */
  head: Buffer;
}

/** A key safe for any store: letters, digits, dot, dash, underscore and slashes between segments. */
export function documentKey(...segments: string[]): string {
  return segments.map((s) => s.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_')).join('/');
}

/**
 * A Content-Disposition offering the file for download as `fileName` (RFC 6266): an ASCII
 * fallback for old clients and the UTF-8 name as `filename*` (RFC 5987).
 */
export function attachmentDisposition(fileName: string): string {
  const clean = fileName.replace(/[\p{Cc}\p{Cs}\\/]/gu, '_');
  const fallback = clean.replace(/[^\x20-\x7e]|["%]/g, '_');
  const encoded = encodeURIComponent(clean).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
