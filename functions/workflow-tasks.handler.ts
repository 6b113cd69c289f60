/**
 * The approval workflows' task function: every Lambda task of the state machines
 * (infra/approval-workflows.ts) calls it with `{ task, applicationId, … }` and it runs the same
 * core step the local engine runs. A failure is rethrown under the name the state machine's
 * Retry / Catch match (transient → TransientIntegrationError). Requirements: A4-1 … A4-3.
 */

import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { runWorkflowTask, workflowErrorName } from '../core/applications/workflow-tasks.js';
import type { HubDeps } from '../core/hub.js';
import { createHubDeps } from './composition.js';
import { parseConfig } from './config.js';
import { createLogger } from './shared/logger.js';

export function makeHandler(deps: { hub: HubDeps; logger: Logger }) {
  return async (event: unknown): Promise<Record<string, unknown>> => {
    const task = (event as { task?: unknown })?.task;
    try {
      return await runWorkflowTask(deps.hub, event);
    } catch (error) {
      const name = workflowErrorName(error);
      deps.logger.warn('workflow task failed', { task: String(task), errorName: name });
      const failure = new Error(error instanceof Error ? error.message : String(error));
      failure.name = name;
      throw failure;
    }
  };
}

let lambdaHandler: ((event: unknown, context: Context) => Promise<Record<string, unknown>>) | undefined;

export const handler = async (event: unknown, context: Context) => {
  if (!lambdaHandler) {
    const config = parseConfig(process.env);
    const logger = createLogger(config.POWERTOOLS_SERVICE_NAME);
    const inner = makeHandler({ hub: createHubDeps(config, process.env), logger });
    lambdaHandler = middy((e: unknown) => inner(e)).use(injectLambdaContext(logger));
  }
  return lambdaHandler(event, context);
};
