/**
 * GMO Sign settings, read once at start-up: `GMOSIGN_MODE=sandbox` (default locally) or `live`,
 * which then requires the customer id and secret key, naming any that is missing (the base URL
 * defaults to the public definition's host and base path).
 */
import * as z from 'zod';
import { parseSettings, wholeNumberSetting } from '../../core/validation.js';
import { GmoSignSignatureService } from './gmosign.adapter.js';
import { GMOSIGN_DEFAULT_BASE_URL } from './gmosign-mapping.js';

const gmosignEnv = z
  .object({
    GMOSIGN_MODE: z.enum(['sandbox', 'live']).default('sandbox'),
    GMOSIGN_BASE_URL: z.url().default(GMOSIGN_DEFAULT_BASE_URL),
    GMOSIGN_CUSTOMER_ID: z.string().min(1).optional(),
    GMOSIGN_SECRET_KEY: z.string().min(1).optional(),
    GMOSIGN_WEBHOOK_SECRET: z
      .string()
      .min(16, 'must be at least 16 characters')
      .default('dev-gmosign-callback-secret'),
    GMOSIGN_SANDBOX_PORT: wholeNumberSetting(0, 65535, 4030),
    GMOSIGN_CALLBACK_DELAY_MS: wholeNumberSetting(0, 600_000, 2000),
    GMOSIGN_TIMEOUT_MS: wholeNumberSetting(500, 120_000, 15_000),
    GMOSIGN_RETRY_MAX_ATTEMPTS: wholeNumberSetting(1, 20, 4),
    GMOSIGN_RETRY_BASE_MS: wholeNumberSetting(1, 60_000, 500),
    GMOSIGN_RETRY_MAX_MS: wholeNumberSetting(1, 600_000, 8_000),
  })
  .superRefine((env, ctx) => {
    if (env.GMOSIGN_MODE !== 'live') return;
    for (const key of ['GMOSIGN_CUSTOMER_ID', 'GMOSIGN_SECRET_KEY'] as const) {
      if (!env[key])
        ctx.addIssue({ code: 'custom', path: [key], message: 'is required when GMOSIGN_MODE=live' });
    }
  });

export type GmoSignSettings = z.output<typeof gmosignEnv>;

export function gmosignSettings(env: Record<string, string | undefined>): GmoSignSettings {
  return parseSettings(gmosignEnv, env, 'GMO Sign configuration');
}

export function createGmoSign(
  settings: GmoSignSettings,
  target: { baseUrl: string; customerId: string; secretKey: string },
): GmoSignSignatureService {
  return new GmoSignSignatureService({
    ...target,
    timeoutMs: settings.GMOSIGN_TIMEOUT_MS,
    retry: {
      maxAttempts: settings.GMOSIGN_RETRY_MAX_ATTEMPTS,
      baseDelayMs: settings.GMOSIGN_RETRY_BASE_MS,
      maxDelayMs: settings.GMOSIGN_RETRY_MAX_MS,
    },
  });
}
