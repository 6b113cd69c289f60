/**
 * Cognito's hosted UI through oidc-client-ts (authorization code + PKCE). The user (and its
 * tokens) are kept in memory only; the ID token (it carries the role group and department)
 * goes to the API. Only the one-time state of a sign-in in progress survives the redirect.
 */
import { InMemoryWebStorage, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { ConsoleConfig } from './config.js';

export function userManager(config: Extract<ConsoleConfig, { signIn: 'oidc' }>): UserManager {
  return new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    response_type: 'code',
    scope: config.scope,
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    automaticSilentRenew: false,
    ...(config.logoutUri ? { post_logout_redirect_uri: config.logoutUri } : {}),
  });
}
