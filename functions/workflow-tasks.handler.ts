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
import {
  runWorkflowTask,
  type WorkflowTaskDeps,
  workflowErrorName,
} from '../core/applications/workflow-tasks.js';
import { createGStaff, gstaffSettings } from '../integrations/gstaff/gstaff-config.js';
import { cachedSecret, createHubDeps, documentsFromEnv } from './composition.js';
import { parseConfig } from './config.js';
import { gmosignFromSecret } from './gmosign-credentials.js';
import { createLogger } from './shared/logger.js';

export function makeHandler(deps: { hub: WorkflowTaskDeps; logger: Logger }) {
  return async (event: unknown): Promise<Record<string, unknown>> => {
    const task = (event as { task?: unknown })?.task;
    try {
      return await runWorkflowTask(deps.hub, event);
    } catch (error) {
      const name = workflowErrorName(error);
      // The original error goes to the log (redacted) and stays the failure's cause.
      deps.logger.warn('workflow task failed', {
        task: String(task),
        errorName: name,
        error: error as Error,
      });
      const failure = new Error(error instanceof Error ? error.message : String(error), { cause: error });
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
    const hub = createHubDeps(config, process.env);
    // G-Staff (contract storage) and GMO Sign (the signed PDF's download), with their secrets.
    const gstaffSecretArn = process.env.GSTAFF_SECRET_ARN;
    if (!gstaffSecretArn) throw new Error('invalid configuration: GSTAFF_SECRET_ARN: is required');
    const apiKey = await cachedSecret(config.AWS_REGION, gstaffSecretArn)();
    const settings = gstaffSettings({ ...process.env, GSTAFF_MODE: 'live', GSTAFF_API_KEY: apiKey });
    const gstaff = createGStaff(settings, { baseUrl: settings.GSTAFF_BASE_URL as string, apiKey });
    const { signatures } = await gmosignFromSecret(config.AWS_REGION, process.env);
    const documents = documentsFromEnv(config, process.env);
    const inner = makeHandler({ hub: { ...hub, gstaff, signatures, documents }, logger });
    lambdaHandler = middy((e: unknown) => inner(e)).use(injectLambdaContext(logger));
  }
  return lambdaHandler(event, context);
};
