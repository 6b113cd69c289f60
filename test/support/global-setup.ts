process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../dev/dynamodb-local.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  // A busy machine (a CI runner doing other work) can take Java well past the usual 4 s.
  const dynamo = await startDynamoDbLocal({ port: 0, readyTimeoutMs: 120_000 });
  project.provide('dynamoDbEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}
