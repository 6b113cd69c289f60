/**
 * The staff console's security headers, one definition for both hosts: CloudFront's response
 * headers policy on AWS (infra/console-hosting.ts) and the local host (dev/console-routes.ts), so
 * the browser tests run the console under the policy it gets in production. No CDK import: the
 * local host loads this file.
 */

/** Paths of the hub's HTTP API: never answered with the console's index.html, on either host. */
export const API_PATH_PREFIXES = ['/graphql', '/webhooks', '/dev'] as const;

/** Whether a request path is one of the API's (`/graphql`, `/webhooks/…`, `/dev/…`), not a console route. */
export function isApiPath(path: string): boolean {
  return API_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

export interface ConsoleContentSecurity {
  /** The hosted UI (token endpoint) and the user pool's issuer (discovery document, keys); none locally. */
  signInOrigins: readonly string[];
  /** Where the console PUTs visit photos and contract PDFs by pre-signed URL; locally the hub's own origin. */
  documentsOrigin?: string;
}

/**
 * The console's Content-Security-Policy: its own scripts only; styles inline too (Mantine writes
 * its CSS variables in a <style> element and React sets style attributes); network calls to its
 * own origin (the API), the sign-in endpoints and the documents bucket; never framed.
 */
export function contentSecurityPolicy({ signInOrigins, documentsOrigin }: ConsoleContentSecurity): string {
  const connect = ["'self'", ...signInOrigins, ...(documentsOrigin ? [documentsOrigin] : [])];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Pre-signed URLs and ids in paths never leave the origin in a Referer. */
export const REFERRER_POLICY = 'same-origin';
/** Taking a photo uses the file picker (<input capture>), not the camera API. */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=()';
export const HSTS_MAX_AGE_SECONDS = 2 * 365 * 24 * 3600;
