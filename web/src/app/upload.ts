/** PUT a file to a pre-signed upload URL (S3 on AWS, the local document store locally) with exactly the signed headers. */
export async function uploadTo(
  grant: { url: string; method: string; headers: unknown },
  file: Blob,
): Promise<void> {
  const headers = Object.fromEntries(
    Object.entries((grant.headers ?? {}) as Record<string, unknown>)
      .filter(([name]) => name.toLowerCase() !== 'content-length')
      .map(([k, v]) => [k, String(v)]),
  );
  const response = await fetch(grant.url, { method: grant.method, headers, body: file });
  if (!response.ok) throw new Error(`upload refused: HTTP ${response.status}`);
}
