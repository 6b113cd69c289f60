/**
 * Dev sign-in (local host only): `POST /dev/token` with {"userId","role","department"} returns an
 * RS256 JWT, and `/dev/jwks.json` publishes the key. The key pair is kept under `.data/` so
 * tokens survive a restart.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import * as z from 'zod';
import { ROLES } from '../core/access.js';
import type { FieldError } from '../core/errors.js';

export const DEV_ISSUER = 'urn:dispatch-hub:dev';
export const DEV_AUDIENCE = 'dispatch-hub';
const KEY_ID = 'dev-1';

export interface DevAuth {
  jwks: { keys: JWK[] };
  issue(body: unknown): Promise<{ token: string } | { fieldErrors: FieldError[] }>;
}

const signInRequest = z
  .object({
    userId: z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters'),
    role: z.enum(ROLES),
    department: z.string().trim().min(1).optional(),
  })
  .refine((r) => !(r.role === 'SALES' || r.role === 'MANAGER') || r.department, {
    message: 'SALES and MANAGER need a department',
    path: ['department'],
  });

async function loadOrCreateKey(keyFile: string | undefined): Promise<JWK> {
  if (keyFile && existsSync(keyFile)) return JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: KEY_ID, alg: 'RS256' };
  if (keyFile) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, JSON.stringify(jwk), { mode: 0o600 });
  }
  return jwk;
}

export async function createDevAuth(
  options: { keyFile?: string; tokenLifetimeSeconds?: number } = {},
): Promise<DevAuth> {
  const privateJwk = await loadOrCreateKey(options.keyFile);
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  const privateKey = await importJWK(privateJwk, 'RS256');
  return {
    jwks: { keys: [{ ...publicJwk, use: 'sig' }] },
    async issue(body) {
      const parsed = signInRequest.safeParse(body);
      if (!parsed.success) {
        return {
          fieldErrors: parsed.error.issues.map((i) => ({
            path: i.path.join('.') || 'body',
            message: i.message,
          })),
        };
      }
      const { userId, role, department } = parsed.data;
      const token = await new SignJWT({ role, ...(department ? { department } : {}) })
        .setProtectedHeader({ alg: 'RS256', kid: KEY_ID })
        .setSubject(userId)
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${options.tokenLifetimeSeconds ?? 8 * 3600}s`)
        .sign(privateKey);
      return { token };
    },
  };
}
