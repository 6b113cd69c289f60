/** GMO Sign credentials on AWS: one secret {customerId, secretKey, webhookSecret} (GMOSIGN_SECRET_ARN), never logged. */
import * as z from 'zod';
import type { GmoSignSignatureService } from '../integrations/gmosign/gmosign.adapter.js';
import { createGmoSign, gmosignSettings } from '../integrations/gmosign/gmosign-config.js';
import { parseSecretJson } from './composition.js';

const credentials = z.object({
  customerId: z.string().min(1),
  secretKey: z.string().min(1),
  webhookSecret: z.string().min(16),
});

/** `secret`: the secret's value as the wrapper read it. */
export function gmosignFromSecret(
  secret: string,
  env: Record<string, string | undefined>,
): { signatures: GmoSignSignatureService; webhookSecret: string } {
  const parsed = parseSecretJson('GMO Sign', secret, credentials);
  const settings = gmosignSettings({
    ...env,
    GMOSIGN_MODE: 'live',
    GMOSIGN_CUSTOMER_ID: parsed.customerId,
    GMOSIGN_SECRET_KEY: parsed.secretKey,
    GMOSIGN_WEBHOOK_SECRET: parsed.webhookSecret,
  });
  const signatures = createGmoSign(settings, {
    baseUrl: settings.GMOSIGN_BASE_URL,
    customerId: parsed.customerId,
    secretKey: parsed.secretKey,
  });
  return { signatures, webhookSecret: parsed.webhookSecret };
}
