/**
 * How the console signs people in, from a runtime file next to index.html (`/console-config.json`),
 * so one build runs everywhere. Absent (the local host): the dev sign-in, picking a person from the
 * seeded directory. On AWS the file names the Cognito user pool's hosted UI (OIDC code flow + PKCE).
 */
export type ConsoleConfig =
  | { signIn: 'dev' }
  | {
      signIn: 'oidc';
      authority: string;
      clientId: string;
      redirectUri: string;
      scope: string;
      logoutUri?: string;
    };

export function parseConsoleConfig(raw: unknown, origin: string): ConsoleConfig {
  if (!raw || typeof raw !== 'object') return { signIn: 'dev' };
  const c = raw as Record<string, unknown>;
  if (c.signIn !== 'oidc') return { signIn: 'dev' };
  if (typeof c.authority !== 'string' || !c.authority.startsWith('https://'))
    throw new Error('console-config.json: authority must be an https URL');
  if (typeof c.clientId !== 'string' || !c.clientId)
    throw new Error('console-config.json: clientId is missing');
  return {
    signIn: 'oidc',
    authority: c.authority,
    clientId: c.clientId,
    redirectUri: typeof c.redirectUri === 'string' ? c.redirectUri : `${origin}/auth/callback`,
    scope: typeof c.scope === 'string' ? c.scope : 'openid email profile',
    ...(typeof c.logoutUri === 'string' ? { logoutUri: c.logoutUri } : {}),
  };
}

export async function loadConsoleConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/console-config.json', { headers: { accept: 'application/json' } });
  if (response.status === 404) return { signIn: 'dev' };
  if (!response.ok) throw new Error(`console-config.json: HTTP ${response.status}`);
  return parseConsoleConfig(await response.json(), window.location.origin);
}
