/**
 * Configuration of the Lambda functions, parsed once at cold start. A missing or malformed
 * setting stops the function with a message naming the variable.
 */
import { z } from 'zod';
import { settingProblems } from '../core/validation.js';

const functionEnv = z.object({
  AWS_REGION: z.string().min(1),
  LEDGER_TABLE_NAME: z.string().min(1),
  /** DynamoDB Local's URL when a function runs outside AWS; absent on AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  INQUIRY_WEBHOOK_SECRET_ARN: z.string().min(1).optional(),
  WEBHOOK_REPLAY_WINDOW_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
  WEBHOOK_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(1_048_576).default(65_536),
  POWERTOOLS_SERVICE_NAME: z.string().default('dispatch-hub'),
});

export type FunctionConfig = z.output<typeof functionEnv>;

export function parseConfig(
  env: Record<string, string | undefined>,
  required: (keyof FunctionConfig)[] = [],
): FunctionConfig {
  const result = functionEnv.safeParse(env);
  const problems = result.success ? [] : settingProblems(result.error);
  if (result.success) {
    for (const key of required) if (result.data[key] === undefined) problems.push(`${key}: is required`);
  }
  if (!result.success || problems.length) throw new Error(`invalid configuration: ${problems.join('; ')}`);
  return result.data;
}
