/**
 * The website form's webhook signature (docs/integrations.md): `X-Signature-Timestamp: <unix
 * seconds>` and `X-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`,
 * compared in constant time, within a replay window.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureVerdict =
  | { ok: true }
  | { ok: false; reason: 'MISSING_SIGNATURE' | 'BAD_SIGNATURE' | 'STALE' };

export function signWebhook(secret: string, timestampSeconds: number, rawBody: Buffer | string): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestampSeconds}.`);
  mac.update(rawBody);
  return `sha256=${mac.digest('hex')}`;
}

export function verifyWebhookSignature(args: {
  secret: string;
  timestampHeader: string | undefined;
  signatureHeader: string | undefined;
  rawBody: Buffer;
  now: Date;
  windowSeconds: number;
}): SignatureVerdict {
  const { timestampHeader, signatureHeader } = args;
  if (!timestampHeader || !signatureHeader) return { ok: false, reason: 'MISSING_SIGNATURE' };
  if (!/^\d{1,12}$/.test(timestampHeader)) return { ok: false, reason: 'BAD_SIGNATURE' };
  const timestamp = Number(timestampHeader);
  if (Math.abs(args.now.getTime() / 1000 - timestamp) > args.windowSeconds)
    return { ok: false, reason: 'STALE' };
  const expected = Buffer.from(signWebhook(args.secret, timestamp, args.rawBody));
  const given = Buffer.from(signatureHeader.trim().toLowerCase());
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'BAD_SIGNATURE' };
  return { ok: true };
}
