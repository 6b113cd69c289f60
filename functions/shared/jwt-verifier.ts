/**
 * Verifies bearer tokens against a JWKS (issuer, audience and JWKS URL are configuration).
 * On AWS the HTTP API's JWT authorizer has already done this; the local host and any host
 * without an authorizer use this.
 */
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTPayload, jwtVerify } from 'jose';

export type JwtVerifierConfig = {
  issuer: string;
  audience: string;
} & ({ jwksUrl: string } | { jwks: JSONWebKeySet });

export type JwtVerifier = (authorization: string | null | undefined) => Promise<JWTPayload | undefined>;

export function createJwtVerifier(config: JwtVerifierConfig): JwtVerifier {
  const jwks =
    'jwksUrl' in config
      ? createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 3000, cooldownDuration: 30_000 })
      : createLocalJWKSet(config.jwks);
  return async (authorization) => {
    const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return undefined;
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: ['RS256'],
      });
      return payload;
    } catch {
      // An invalid, expired or foreign token is treated as no token: the request is unauthenticated.
      return undefined;
    }
  };
}
