process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../dev/dynamodb-local.js';
import { seededPersonalData } from './seeded-personal-data.js';
import { type PreparedDefinitions, prepareTestDefinitions } from './workflow-definitions.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
    workflowDefinitions: PreparedDefinitions;
    seededPersonalData: string[];
  }
}

export default async function setup(project: TestProject) {
  // A busy machine (a CI runner doing other work) can take Java well past the usual 4 s.
  const dynamo = await startDynamoDbLocal({ port: 0, readyTimeoutMs: 120_000 });
  project.provide('dynamoDbEndpoint', dynamo.endpoint);
  // Read once here; every file's log check (log-audit.setup.ts) looks for these.
  project.provide('seededPersonalData', seededPersonalData());
  try {
    // The CDK app is synthesized once for the whole run, not by every test file that runs workflows.
    project.provide('workflowDefinitions', await prepareTestDefinitions());
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
  return () => dynamo.stop();
}
