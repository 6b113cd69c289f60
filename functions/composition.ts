/**
 * The production composition root: wires the use cases to AWS adapters. Built lazily at the
 * first invocation, so importing a handler module (tests, the local host) reads no AWS configuration.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { DocumentStore } from '../core/documents/document-store.js';
import type { HubDeps } from '../core/hub.js';
import { randomIds } from '../core/ids.js';
import { policyFromEnv } from '../core/policy-config.js';
import { WORKFLOWS, type WorkflowEngine, type WorkflowName } from '../core/workflows/workflow-engine.js';
import { S3DocumentStore } from '../integrations/documents/s3-document.store.js';
import { createDocumentClient } from '../integrations/dynamodb/dynamodb-client.js';
import { DynamoDbClientLedger } from '../integrations/dynamodb/dynamodb-client-ledger.adapter.js';
import { SfnWorkflowEngine } from '../integrations/stepfunctions/sfn-workflow-engine.js';
import { systemClock } from '../integrations/system-clock.js';
import type { FunctionConfig } from './config.js';

export function createHubDeps(config: FunctionConfig, env: Record<string, string | undefined>): HubDeps {
  const db = createDocumentClient({
    region: config.AWS_REGION,
    ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT } : {}),
  });
  return {
    ledger: new DynamoDbClientLedger(db, { tableName: config.LEDGER_TABLE_NAME }),
    clock: systemClock,
    ids: randomIds,
    policy: policyFromEnv(env),
  };
}

/** The documents bucket (DOCUMENTS_BUCKET) as the hub's document store. */
export function documentsFromEnv(
  config: FunctionConfig,
  env: Record<string, string | undefined>,
): DocumentStore {
  const bucket = env.DOCUMENTS_BUCKET;
  if (!bucket) throw new Error('invalid configuration: DOCUMENTS_BUCKET: is required');
  return new S3DocumentStore(bucket, config.AWS_REGION);
}

/** Step Functions, with each workflow's state machine ARN from the environment (set by the stack). */
export function workflowsFromEnv(
  config: FunctionConfig,
  env: Record<string, string | undefined>,
): WorkflowEngine {
  const arn = (variable: string) => {
    const value = env[variable];
    if (!value) throw new Error(`invalid configuration: ${variable}: is required`);
    return value;
  };
  return new SfnWorkflowEngine(
    Object.fromEntries(WORKFLOWS.map((w) => [w, arn(`${w}_STATE_MACHINE_ARN`)])) as Record<
      WorkflowName,
      string
    >,
    config.AWS_REGION,
  );
}

/** A secret read from Secrets Manager once and kept for `ttlMs`; never logged. */
export function cachedSecret(region: string, secretId: string, ttlMs = 5 * 60_000): () => Promise<string> {
  const client = new SecretsManagerClient({
    region,
    maxAttempts: 3,
    requestHandler: { requestTimeout: 3000 },
  });
  let cached: { value: string; until: number } | undefined;
  return async () => {
    if (cached && cached.until > Date.now()) return cached.value;
    const out = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (!out.SecretString) throw new Error(`secret ${secretId} has no string value`);
    cached = { value: out.SecretString, until: Date.now() + ttlMs };
    return cached.value;
  };
}
