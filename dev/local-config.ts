/** The local host's settings; every one has a default so `npm start` needs no configuration. */
import { resolve } from 'node:path';
import * as z from 'zod';
import { parseSettings } from '../core/validation.js';
import { StartupError } from './dynamodb-local.js';

export const DEV_WEBHOOK_SECRET = 'dev-inquiry-webhook-secret';

/**
 * Ports the Fetch standard blocks ("bad ports"): Node's `fetch` refuses them, so a hub or a
 * sandbox there could not be called (the hub could not even read its own signing keys).
 */
export const FETCH_BLOCKED_PORTS: ReadonlySet<number> = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104,
  109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515,
  526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049,
  3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** Refuses, before anything starts, a port that Node's fetch would refuse to call. */
export function assertFetchablePort(port: number, setting: string): void {
  if (FETCH_BLOCKED_PORTS.has(port)) {
    throw new StartupError(
      `${setting}=${port}: Node's fetch refuses to call port ${port} (a "bad port" of the Fetch standard), so nothing could reach it; choose another port`,
    );
  }
}

const port = (fallback: number, min = 1) => z.coerce.number().int().min(min).max(65535).default(fallback);
/** Where a server listens: loopback unless told otherwise (0.0.0.0 opens it to the network). */
const host = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F.:]+$|^localhost$/, 'must be an IP address or localhost')
  .default('127.0.0.1');

const localEnv = z.object({
  PORT: port(4000),
  /** The interface the hub listens on. */
  HOST: host,
  DYNAMODB_PORT: port(8000, 0),
  /** The interface DynamoDB Local listens on (it has no authentication: keep it on loopback). */
  DYNAMODB_HOST: host,
  /**
   * A DynamoDB (Local) already running, used instead of starting one: the ledger then outlives the
   * host, as DynamoDB outlives a Lambda (the SIGKILL restart suite kills the host, not the database).
   */
  DYNAMODB_ENDPOINT: z.url().optional(),
  DATA_DIR: z.string().default('.data'),
  LEDGER_TABLE_NAME: z.string().min(3).default('dispatch-hub-ledger'),
  INQUIRY_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').default(DEV_WEBHOOK_SECRET),
  WEBHOOK_REPLAY_WINDOW_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
  WEBHOOK_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(1_048_576).default(65_536),
  /** How long an approver has before the task goes to the directors (3 days, as on AWS). */
  APPROVAL_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(31_536_000).default(259_200),
  /** How long the contract workflow waits for GMO Sign's callback before looking the envelope up (1 hour, as on AWS). */
  SIGNATURE_POLL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
});

export type LocalConfig = z.output<typeof localEnv> & { dataDir: string };

export function localConfig(env: Record<string, string | undefined>): LocalConfig {
  const settings = parseSettings(localEnv, env, 'configuration');
  assertFetchablePort(settings.PORT, 'PORT');
  if (settings.DYNAMODB_PORT !== 0) assertFetchablePort(settings.DYNAMODB_PORT, 'DYNAMODB_PORT');
  return { ...settings, dataDir: resolve(settings.DATA_DIR) };
}
