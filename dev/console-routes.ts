/**
 * The staff console on the local host: the built files of `web/` at `/` (any other path without a
 * file extension gets index.html, so the console's own routes survive a reload; an API path —
 * `/graphql/…`, `/webhooks/…`, `/dev/…` — never does, as on AWS), and the dev-only
 * directory listing the console's dev sign-in picks from. Same origin as /graphql.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { ClientLedger } from '../core/ledger.js';
import {
  contentSecurityPolicy,
  isApiPath,
  PERMISSIONS_POLICY,
  REFERRER_POLICY,
} from '../infra/console-headers.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * The headers CloudFront adds on AWS (infra/console-headers.ts), but HSTS (plain http here); the
 * local host signs in and stores documents on its own origin.
 */
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': REFERRER_POLICY,
  'permissions-policy': PERMISSIONS_POLICY,
  'content-security-policy': contentSecurityPolicy({ signInOrigins: [] }),
};

export const CONSOLE_DIST = resolve(import.meta.dirname, '..', 'web', 'dist');

/** Serves GET/HEAD of the console's files; false when the request is not for the console (or it is not built). */
export function serveConsole(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  dist = CONSOLE_DIST,
): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  // An API path the hub does not answer is the hub's 404, never the app (as CloudFront on AWS).
  if (isApiPath(path)) return false;
  if (!existsSync(join(dist, 'index.html'))) return false;
  let file: string;
  try {
    file = normalize(join(dist, decodeURIComponent(path)));
  } catch {
    return false;
  }
  if (!file.startsWith(dist + sep) && file !== dist) return false;
  const isAsset = extname(path) !== '';
  if (!isAsset || !existsSync(file) || !statSync(file).isFile()) {
    // A missing asset is a 404 (the console asks for an optional /console-config.json); a route is the app.
    if (isAsset) return false;
    file = join(dist, 'index.html');
  }
  const immutable = file.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...SECURITY_HEADERS,
  });
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  createReadStream(file).pipe(res);
  return true;
}

/** `GET /dev/directory`: the active staff members, for the dev sign-in (local host only; no e-mail). */
export async function directoryListing(ledger: ClientLedger) {
  const staff = await ledger.listStaffMembers();
  return {
    staff: staff
      .filter((m) => m.active)
      .map(({ userId, name, role, department }) => ({
        userId,
        name,
        role,
        ...(department ? { department } : {}),
      }))
      .sort((a, b) => a.userId.localeCompare(b.userId)),
  };
}
