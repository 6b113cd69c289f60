/**
 * The approval workflows' task function: every Lambda task of the state machines
 * (infra/approval-workflows.ts) calls it with `{ task, applicationId, … }` and it runs the same
 * core step the local engine runs. A failure is rethrown under the name the state machine's
 * Retry / Catch match (transient → TransientIntegrationError). Requirements: A4-1 … A4-3.
 */

import type { Logger } from '@aws-lambda-powertools/logger';
import {
  runWorkflowTask,
  type WorkflowTaskDeps,
  workflowErrorName,
} from '../core/applications/workflow-tasks.js';
import { DOCUMENTS_SETTINGS } from './config.js';
import { lambdaHandler } from './shared/lambda-handler.js';

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

/** The deployed entry point: G-Staff (contract storage) and GMO Sign (the signed PDF's download) with their secrets. */
export const handler = lambdaHandler({
  kind: 'event',
  settings: DOCUMENTS_SETTINGS,
  secrets: ['GSTAFF_SECRET_ARN', 'GMOSIGN_SECRET_ARN'],
  compose: async ({ config, env, logger, secrets }) => {
    const [{ createHubDeps, documentsFrom }, { gmosignFromSecret }, { gstaffFromSecret }] = await Promise.all(
      [import('./composition.js'), import('./gmosign-credentials.js'), import('./gstaff-credentials.js')],
    );
    return makeHandler({
      hub: {
        ...createHubDeps(config, env),
        gstaff: gstaffFromSecret(secrets.GSTAFF_SECRET_ARN, env),
        signatures: gmosignFromSecret(secrets.GMOSIGN_SECRET_ARN, env).signatures,
        documents: documentsFrom(config),
      },
      logger,
    });
  },
});
