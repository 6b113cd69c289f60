/**
 * Configuration of the Lambda functions, parsed once at the first invocation. Every setting a
 * function reads itself is here, the Secrets Manager ARNs included; the vendor adapters'
 * own settings (kintone, G-Staff, GMO Sign, the policy) are parsed by their modules' schemas.
 * A missing or malformed setting stops the function with a message naming the variable.
 */
import * as z from 'zod';
import { settingProblems } from '../core/validation.js';
import { WORKFLOWS } from '../core/workflows/workflow-engine.js';

const arn = z.string().min(1);

const functionEnv = z.object({
  AWS_REGION: z.string().min(1),
  LEDGER_TABLE_NAME: z.string().min(1),
  /** DynamoDB Local's URL when a function runs outside AWS; absent on AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  POWERTOOLS_SERVICE_NAME: z.string().default('dispatch-hub'),
  /** The documents bucket (contracts, signed PDFs). */
  DOCUMENTS_BUCKET: z.string().min(1).optional(),
  /** The approval workflows' state machines (set by the stack). */
  CREDIT_PRECHECK_STATE_MACHINE_ARN: arn.optional(),
  CONTRACT_EXECUTION_STATE_MACHINE_ARN: arn.optional(),
  ORDER_APPROVAL_STATE_MACHINE_ARN: arn.optional(),
  INDIVIDUAL_CONTRACT_STATE_MACHINE_ARN: arn.optional(),
  /** The SES identity the hub's e-mail is sent from. */
  MAIL_FROM_ADDRESS: z.email().optional(),
  /** Secrets Manager: the website form's HMAC secret (a plain string). */
  INQUIRY_WEBHOOK_SECRET_ARN: arn.optional(),
  /** Secrets Manager: {ordersApiToken, visitsApiToken, webhookSecret?}. */
  KINTONE_SECRET_ARN: arn.optional(),
  /** Secrets Manager: {customerId, secretKey, webhookSecret}. */
  GMOSIGN_SECRET_ARN: arn.optional(),
  /** Secrets Manager: G-Staff's API key (a plain string). */
  GSTAFF_SECRET_ARN: arn.optional(),
  /** How long a secret value is kept before it is read again (a rotation is picked up after at most this). */
  SECRETS_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(300),
  WEBHOOK_REPLAY_WINDOW_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
  WEBHOOK_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(1_048_576).default(65_536),
  /** kintone reconciliation: how far before the last cursor a run reads again. */
  SYNC_OVERLAP_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /** Entries an outbox round takes at once. */
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(100).default(25),
});

export type FunctionConfig = z.output<typeof functionEnv>;
/** A setting a function cannot do without (the rest have defaults or are optional). */
export type FunctionSetting = keyof FunctionConfig;
/** The config with the named settings present. */
export type ConfigWith<K extends FunctionSetting> = FunctionConfig & {
  [P in K]-?: NonNullable<FunctionConfig[P]>;
};
/** The settings that hold a Secrets Manager ARN. */
export type SecretSetting = Extract<FunctionSetting, `${string}_SECRET_ARN`>;

export function parseConfig<K extends FunctionSetting = never>(
  env: Record<string, string | undefined>,
  required: readonly K[] = [],
): ConfigWith<K> {
  const result = functionEnv.safeParse(env);
  const problems = result.success ? [] : settingProblems(result.error);
  if (result.success) {
    for (const key of required) if (result.data[key] === undefined) problems.push(`${key}: is required`);
  }
  if (!result.success || problems.length) throw new Error(`invalid configuration: ${problems.join('; ')}`);
  return result.data as ConfigWith<K>;
}

/** The settings the documents bucket and the workflows need (declare them in the handler's `settings`). */
export const DOCUMENTS_SETTINGS = ['DOCUMENTS_BUCKET'] as const;
/** `<WORKFLOW>_STATE_MACHINE_ARN` for every workflow module (infra/stateless.stack.ts sets them). */
export const WORKFLOW_SETTINGS = WORKFLOWS.map((w) => `${w}_STATE_MACHINE_ARN` as const);
