/** G-Staff on AWS: its API key is one plain secret (GSTAFF_SECRET_ARN), never logged; the base URL and limits from the environment. */
import { createGStaff, gstaffSettings } from '../integrations/gstaff/gstaff-config.js';
import type { HttpGStaff } from '../integrations/gstaff/gstaff-http.adapter.js';

/** `apiKey`: the secret's value as the wrapper read it. */
export function gstaffFromSecret(apiKey: string, env: Record<string, string | undefined>): HttpGStaff {
  const settings = gstaffSettings({ ...env, GSTAFF_MODE: 'live', GSTAFF_API_KEY: apiKey });
  return createGStaff(settings, { baseUrl: settings.GSTAFF_BASE_URL as string, apiKey });
}
