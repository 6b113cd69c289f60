/**
 * The production composition root: wires the use cases to AWS adapters from the parsed
 * configuration. Imported by the handlers' `compose` with `import()` at the first invocation
 * (functions/shared/lambda-handler.ts): the DynamoDB adapters and the AWS SDK are loaded then,
 * never at import (a bundle carries them in a chunk of their own, infra/function-bundle.ts).
 */
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
import type { ConfigWith, DOCUMENTS_SETTINGS, FunctionConfig, WORKFLOW_SETTINGS } from './config.js';

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

/** The documents bucket as the hub's document store. */
export function documentsFrom(config: ConfigWith<(typeof DOCUMENTS_SETTINGS)[number]>): DocumentStore {
  return new S3DocumentStore(config.DOCUMENTS_BUCKET, config.AWS_REGION);
}

/** Step Functions, with each workflow's state machine ARN (set by the stack). */
export function workflowsFrom(config: ConfigWith<(typeof WORKFLOW_SETTINGS)[number]>): WorkflowEngine {
  return new SfnWorkflowEngine(
    Object.fromEntries(WORKFLOWS.map((w) => [w, config[`${w}_STATE_MACHINE_ARN`]])) as Record<
      WorkflowName,
      string
    >,
    config.AWS_REGION,
  );
}

/** A JSON secret checked against its schema; a bad one is named by its keys, never its values. */
export function parseSecretJson<T>(
  what: string,
  value: string,
  schema: {
    safeParse(
      input: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[] }[] } };
  },
): T {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw new Error(`invalid ${what} secret: not a JSON object`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `invalid ${what} secret: ${parsed.error.issues.map((i) => i.path.map(String).join('.')).join(', ')} missing or malformed`,
    );
  }
  return parsed.data;
}
