/** GMO Sign credentials on AWS: one secret {customerId, secretKey, webhookSecret}, read at cold start, never logged. */
import { z } from 'zod';
import type { GmoSignAdapter } from '../integrations/gmosign/gmosign.adapter.js';
import { createGmoSign, gmosignSettings } from '../integrations/gmosign/gmosign-config.js';
import { cachedSecret } from './composition.js';

const credentials = z.object({
  customerId: z.string().min(1),
  secretKey: z.string().min(1),
  webhookSecret: z.string().min(16),
});

export async function gmosignFromSecret(
  region: string,
  env: Record<string, string | undefined>,
): Promise<{ signatures: GmoSignAdapter; webhookSecret: string }> {
  const secretArn = env.GMOSIGN_SECRET_ARN;
  if (!secretArn) throw new Error('invalid configuration: GMOSIGN_SECRET_ARN: is required');
  const parsed = credentials.safeParse(JSON.parse(await cachedSecret(region, secretArn)()));
  if (!parsed.success) {
    // Name the keys, never the values.
    throw new Error(
      `invalid GMO Sign secret: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')} missing or malformed`,
    );
  }
  const settings = gmosignSettings({
    ...env,
    GMOSIGN_MODE: 'live',
    GMOSIGN_CUSTOMER_ID: parsed.data.customerId,
    GMOSIGN_SECRET_KEY: parsed.data.secretKey,
    GMOSIGN_WEBHOOK_SECRET: parsed.data.webhookSecret,
  });
  const signatures = createGmoSign(settings, {
    baseUrl: settings.GMOSIGN_BASE_URL,
    customerId: parsed.data.customerId,
    secretKey: parsed.data.secretKey,
  });
  return { signatures, webhookSecret: parsed.data.webhookSecret };
}
