/**
 * G-Staff settings, read once at start-up: `GSTAFF_MODE=sandbox` (default locally) or `live`,
 * which then requires the base URL and API key, naming any that is missing.
 */
import * as z from 'zod';
import { parseSettings, wholeNumberSetting } from '../../core/validation.js';
import { HttpGStaff } from './gstaff-http.adapter.js';

const gstaffEnv = z
  .object({
    GSTAFF_MODE: z.enum(['sandbox', 'live']).default('sandbox'),
    GSTAFF_BASE_URL: z.url().optional(),
    GSTAFF_API_KEY: z.string().min(1).optional(),
    GSTAFF_SANDBOX_PORT: wholeNumberSetting(0, 65535, 4020),
    GSTAFF_TIMEOUT_MS: wholeNumberSetting(500, 120_000, 10_000),
    GSTAFF_RETRY_MAX_ATTEMPTS: wholeNumberSetting(1, 20, 4),
    GSTAFF_RETRY_BASE_MS: wholeNumberSetting(1, 60_000, 500),
    GSTAFF_RETRY_MAX_MS: wholeNumberSetting(1, 600_000, 8_000),
    GSTAFF_MIRROR_REFRESH_MS: wholeNumberSetting(10_000, 86_400_000, 300_000),
  })
  .superRefine((env, ctx) => {
    if (env.GSTAFF_MODE !== 'live') return;
    for (const key of ['GSTAFF_BASE_URL', 'GSTAFF_API_KEY'] as const) {
      if (!env[key])
        ctx.addIssue({ code: 'custom', path: [key], message: 'is required when GSTAFF_MODE=live' });
    }
  });

export type GStaffSettings = z.output<typeof gstaffEnv>;

export function gstaffSettings(env: Record<string, string | undefined>): GStaffSettings {
  return parseSettings(gstaffEnv, env, 'G-Staff configuration');
}

export function createGStaff(
  settings: GStaffSettings,
  target: { baseUrl: string; apiKey: string },
): HttpGStaff {
  return new HttpGStaff({
    baseUrl: target.baseUrl,
    apiKey: target.apiKey,
    timeoutMs: settings.GSTAFF_TIMEOUT_MS,
    retry: {
      maxAttempts: settings.GSTAFF_RETRY_MAX_ATTEMPTS,
      baseDelayMs: settings.GSTAFF_RETRY_BASE_MS,
      maxDelayMs: settings.GSTAFF_RETRY_MAX_MS,
    },
  });
}
