/** The local host's settings; every one has a default so `npm start` needs no configuration. */
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseSettings } from '../core/validation.js';

export const DEV_WEBHOOK_SECRET = 'dev-inquiry-webhook-secret';

const localEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  DYNAMODB_PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  DATA_DIR: z.string().default('.data'),
  LEDGER_TABLE_NAME: z.string().min(3).default('dispatch-hub-ledger'),
  INQUIRY_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').default(DEV_WEBHOOK_SECRET),
  WEBHOOK_REPLAY_WINDOW_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
  WEBHOOK_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(1_048_576).default(65_536),
  /** How long an approver has before the task goes to the directors (3 days, as on AWS). */
  APPROVAL_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(31_536_000).default(259_200),
});

export type LocalConfig = z.output<typeof localEnv> & { dataDir: string };

export function localConfig(env: Record<string, string | undefined>): LocalConfig {
  const settings = parseSettings(localEnv, env, 'configuration');
  return { ...settings, dataDir: resolve(settings.DATA_DIR) };
}
