/**
 * The one Lambda wrapper every `functions/*.handler.ts` uses: the handler module only says which
 * settings and secrets it needs and how to compose its `makeHandler` from them.
 *
 * - Lazy: nothing is read or built at import (tests and the local host import the modules); the
 *   configuration is parsed (zod, `../config.ts`) and the handler composed at the first invocation.
 * - Secrets: read through Powertools Parameters (`SecretsProvider`) with a timeout, bounded retries
 *   and a TTL (`SECRETS_CACHE_TTL_SECONDS`); never logged. The composition is kept while the
 *   secrets it was built from are unchanged and built again after a rotation.
 * - middy with Powertools' logger context (request id, cold start) on every log line, and one
 *   error boundary: an HTTP function answers an unexpected error with a 500 carrying no detail,
 *   an event function logs it (redacted) and throws it again so Lambda / Step Functions retry.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { awsIntegrationError, awsRequestHandler } from '../../integrations/shared/aws-sdk.js';
import { type ConfigWith, type FunctionSetting, parseConfig, type SecretSetting } from '../config.js';
import { createLogger } from './logger.js';
import { json } from './webhook-response.js';

/** What a handler module's `compose` gets. */
export interface Composition<K extends FunctionSetting, S extends SecretSetting> {
  config: ConfigWith<K | S>;
  /** The whole environment, for the adapters' own settings parsers (kintone, G-Staff, GMO Sign, policy). */
  env: Record<string, string | undefined>;
  logger: Logger;
  /** Each declared secret's current value (its SecretString), by the setting that names it. */
  secrets: Record<S, string>;
}

export type LambdaFn<E, R> = (event: E, context: Context) => Promise<R>;

export interface LambdaDefinition<E, R, K extends FunctionSetting, S extends SecretSetting> {
  /** `http`: API Gateway; an unexpected error is a 500. `event`: scheduled or task; it is rethrown. */
  kind: 'http' | 'event';
  /** Settings without which the function cannot run (checked at the first invocation). */
  settings?: readonly K[];
  /** Settings holding Secrets Manager ARNs; their values are handed to `compose`. */
  secrets?: readonly S[];
  compose: (composition: Composition<K, S>) => LambdaFn<E, R> | Promise<LambdaFn<E, R>>;
  /** Where the configuration comes from; `process.env` on Lambda. */
  env?: Record<string, string | undefined>;
  /** Secrets Manager as the function reads it; built (with the SDK client) at the first invocation. */
  secretsProvider?: (region: string) => Promise<Pick<SecretsProvider, 'get'>>;
}

/** Secrets Manager through Powertools Parameters, with a per-attempt timeout and the SDK's bounded retries. */
async function defaultSecretsProvider(region: string): Promise<Pick<SecretsProvider, 'get'>> {
  const [{ SecretsManagerClient }, { SecretsProvider }] = await Promise.all([
    import('@aws-sdk/client-secrets-manager'),
    import('@aws-lambda-powertools/parameters/secrets'),
  ]);
  return new SecretsProvider({
    awsSdkV3Client: new SecretsManagerClient({
      region,
      maxAttempts: 3,
      requestHandler: awsRequestHandler(3000),
    }),
  });
}

/** Answers an unexpected error: a 500 with no detail (HTTP) or the error again (event); logged either way. */
function errorBoundary(kind: 'http' | 'event', logger: Logger): MiddlewareObj {
  return {
    onError: async (request) => {
      if (request.response !== undefined) return;
      logger.error('invocation failed', { error: request.error as Error });
      if (kind === 'http') request.response = json(500, { error: 'INTERNAL_ERROR' });
    },
  };
}

/** Defines a Lambda entry point; see the module's docblock. */
export function lambdaHandler<E, R, K extends FunctionSetting = never, S extends SecretSetting = never>(
  definition: LambdaDefinition<E, R, K, S>,
): (event: E, context: Context) => Promise<R | APIGatewayProxyStructuredResultV2> {
  let built: Promise<LambdaFn<E, R>> | undefined;

  const build = async (): Promise<LambdaFn<E, R>> => {
    const env = definition.env ?? process.env;
    const logger = createLogger(env.POWERTOOLS_SERVICE_NAME ?? 'dispatch-hub');
    const secretSettings = definition.secrets ?? [];
    let config: ConfigWith<K | S>;
    try {
      config = parseConfig<K | S>(env, [...(definition.settings ?? []), ...secretSettings]);
    } catch (error) {
      logger.error('function not configured', { error: error as Error });
      throw error;
    }
    const provider = secretSettings.length
      ? await (definition.secretsProvider ?? defaultSecretsProvider)(config.AWS_REGION)
      : undefined;
    const readSecrets = async (): Promise<Record<S, string>> => {
      const entries = await Promise.all(
        secretSettings.map(async (setting) => {
          const value = await provider
            ?.get(config[setting] as string, { maxAge: config.SECRETS_CACHE_TTL_SECONDS })
            .catch((error: unknown) => {
              // Powertools wraps the SDK's error; the SDK's says whether another try can help.
              throw awsIntegrationError('secretsmanager', 'getSecretValue', (error as Error).cause ?? error);
            });
          if (typeof value !== 'string' || !value)
            throw new Error(`secret named by ${setting} has no string value`);
          return [setting, value] as const;
        }),
      );
      return Object.fromEntries(entries) as Record<S, string>;
    };

    let composed: { from: string; fn: LambdaFn<E, R> } | undefined;
    const invoke = async (event: E, context: Context): Promise<R> => {
      const secrets = await readSecrets();
      const from = JSON.stringify(secretSettings.map((s) => secrets[s]));
      if (!composed || composed.from !== from)
        composed = { from, fn: await definition.compose({ config, env, logger, secrets }) };
      return composed.fn(event, context);
    };
    const chain = middy<E, R, Error, Context>(invoke)
      .use(injectLambdaContext(logger))
      .use(errorBoundary(definition.kind, logger));
    return (event, context) => chain(event, context);
  };

  return async (event, context) => {
    built ??= build().catch((error: unknown) => {
      built = undefined; // a failed start (configuration, Secrets Manager) is tried again next time
      throw error;
    });
    return (await built)(event, context);
  };
}
