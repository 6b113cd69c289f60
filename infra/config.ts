/**
 * The tenant configuration of a deployment: every setting that differs between the agency's
 * AWS account and anyone else's (kintone, GMO Sign, G-Staff, SES, front-end origins, who gets
 * the alarms). Read from the CDK context: `-c config=<file.json>` (a file, the usual way) or a
 * `tenant` object in the context. Validated with zod; an error names the bad setting.
 *
 * Two purposes:
 * - `production`: a real tenant. The region must be ap-northeast-1 (the clients' personal data
 *   stays in Tokyo) and no placeholder (example.*, set-me, the 000000000000 account) may remain.
 * - `example`: `infra/config/example.json`, for `npm run synth`, CI and the tests, offline with no
 *   real tenant. It is bound to the account 000000000000, and the app adds a CloudFormation rule
 *   that always fails, so it can be synthesized but never deployed.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';

/** The only region the hub may run in. */
export const REGION = 'ap-northeast-1';
/** The account the example configuration is bound to: no deploy can target it. */
export const EXAMPLE_ACCOUNT = '000000000000';
/** The committed non-production configuration used by `npm run synth`, CI and the tests. */
export const EXAMPLE_CONFIG_FILE = fileURLToPath(new URL('./config/example.json', import.meta.url));

const origin = z
  .string()
  .regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, 'must be scheme://host[:port], no wildcard, no path');
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// URL' });
const positive = z.number().int().positive();

export const tenantConfigSchema = z
  .object({
    purpose: z.enum(['production', 'example']),
    account: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id'),
    region: z.literal(REGION, { error: `must be ${REGION} (personal data stays in Tokyo)` }),
    /**
     * Origins of the staff console: CORS of the API and of the documents bucket. The first is
     * where CloudFront serves the console on AWS (infra/console-hosting.ts): https, the host the
     * console's certificate is for.
     */
    frontEndOrigins: z.array(origin).min(1, 'at least one front-end origin is required'),
    console: z.object({
      /** CloudFront's certificate for the console's host: ACM, in us-east-1 (CloudFront's region). */
      certificateArn: z
        .string()
        .regex(
          /^arn:aws:acm:us-east-1:\d{12}:certificate\/[A-Za-z0-9-]+$/,
          'must be the ARN of an ACM certificate in us-east-1 (CloudFront takes certificates from there only)',
        ),
    }),
    /** Who the alarms reach (an SNS e-mail subscription; confirm the e-mail after the deploy). */
    alarmEmail: z.email('must be an e-mail address'),
    kintone: z.object({
      baseUrl: httpsUrl.refine((u) => /^https:\/\/[a-z0-9-]+\.(cybozu\.com|kintone\.com)$/.test(u), {
        message: 'must be https://<subdomain>.cybozu.com (or kintone.com), no path',
      }),
      ordersAppId: z.string().regex(/^\d+$/, 'must be a kintone app id (digits)'),
      visitsAppId: z.string().regex(/^\d+$/, 'must be a kintone app id (digits)'),
      maxConcurrencyPerProcess: positive.max(100).default(10),
      domainBudget: positive.max(100).default(30),
    }),
    gmosign: z.object({ baseUrl: httpsUrl }),
    gstaff: z.object({ baseUrl: httpsUrl }),
    mail: z.object({
      /** A verified SES identity: a domain or an address. */
      identity: z.string().min(3),
      fromAddress: z.email('must be an e-mail address'),
    }),
    workflows: z
      .object({
        /** How long an approver has before the task is escalated. */
        approvalTimeoutDays: positive.max(30).default(3),
        /** How often the contract workflow looks the signature up when no callback came. */
        signaturePollMinutes: positive
          .min(5)
          .max(24 * 60)
          .default(60),
        /** After this long without a signature, the contract execution fails (recorded, alarmed). */
        signatureWaitDays: positive.max(180).default(30),
        /** No execution runs longer than this (Step Functions' own timeout). */
        executionTimeoutDays: positive.max(365).default(90),
      })
      .prefault({}),
    alarms: z
      .object({
        /** The G-Staff mirror counts as stale when it was not refreshed for this long. */
        gstaffMirrorMaxAgeMinutes: positive.min(30).default(60),
        /** An approval waiting longer than this reaches the operators. */
        oldestApprovalMaxAgeDays: positive.default(5),
      })
      .prefault({}),
  })
  .superRefine((c, ctx) => {
    if (!c.frontEndOrigins[0]?.startsWith('https://'))
      ctx.addIssue({
        code: 'custom',
        path: ['frontEndOrigins', 0],
        message: 'the first front-end origin is where CloudFront serves the console: it must be https://',
      });
    if (c.purpose === 'example' && c.account !== EXAMPLE_ACCOUNT)
      ctx.addIssue({
        code: 'custom',
        path: ['account'],
        message: `an example configuration must use the account ${EXAMPLE_ACCOUNT}`,
      });
    const hours = c.workflows.signatureWaitDays * 24;
    if (hours * 60 < c.workflows.signaturePollMinutes)
      ctx.addIssue({
        code: 'custom',
        path: ['workflows', 'signatureWaitDays'],
        message: 'must be longer than one signature poll',
      });
    if (c.workflows.executionTimeoutDays <= c.workflows.signatureWaitDays)
      ctx.addIssue({
        code: 'custom',
        path: ['workflows', 'executionTimeoutDays'],
        message: 'must be longer than signatureWaitDays',
      });
  });

export type TenantConfig = z.output<typeof tenantConfigSchema>;

/** Values that are somebody's example, not the agency's: refused in a production configuration. */
const PLACEHOLDER =
  /(^|[.@/])example\.(com|org|net|invalid|jp)\b|\.example(\b|$)|\bexample\.cybozu\.com|set-me|^0{12}$/i;

function placeholders(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return PLACEHOLDER.test(value) ? [path.join('.')] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => placeholders(v, [...path, String(i)]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => placeholders(v, [...path, k]));
  return [];
}

/** Parses a configuration object; throws naming every bad setting. */
export function parseTenantConfig(raw: unknown, source = 'tenant configuration'): TenantConfig {
  const parsed = tenantConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`invalid ${source}: ${problems.join('; ')}`);
  }
  if (parsed.data.purpose === 'production') {
    const found = placeholders(parsed.data);
    if (found.length)
      throw new Error(
        `invalid ${source}: placeholder values remain in ${found.join(', ')} (set the tenant's real values before deploying)`,
      );
  }
  return parsed.data;
}

/** The configuration the CDK context names: `config` (a JSON file) or `tenant` (an object). */
export function tenantConfigFromContext(tryGetContext: (key: string) => unknown): TenantConfig {
  const inline = tryGetContext('tenant');
  if (inline !== undefined) return parseTenantConfig(inline, 'tenant configuration (context "tenant")');
  const file = tryGetContext('config');
  if (typeof file !== 'string' || !file)
    throw new Error(
      'no tenant configuration: pass -c config=<file.json> (see README, "Deploying to AWS"; infra/config/example.json is the offline example)',
    );
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the tenant configuration ${file}: ${(error as Error).message}`);
  }
  return parseTenantConfig(raw, `tenant configuration ${file}`);
}
