/**
 * The synthesized workflow definitions the tests run, made once per test run by the global setup
 * (test/support/global-setup.ts) instead of once per test file: each option set is synthesized
 * (dev/workflow-definitions.ts) or read from the definitions cache (dev/workflow-definitions-cache.ts,
 * keyed by the CDK app's sources, so a change to infra/ synthesizes again) and handed to every
 * test file. Synthesis itself stays proven by the tests that call it directly
 * (functions/workflow-tasks.handler.test.ts) and by the local hub's first start (dev/local-hub.test.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { WorkflowName } from '../../core/workflows/workflow-engine.js';
import { localConfig } from '../../dev/local-config.js';
import { cachedWorkflowDefinitions, workflowCacheEntry } from '../../dev/workflow-definitions-cache.js';
import type { StateMachineDefinition } from '../../integrations/stepfunctions/local-workflow-engine.js';

export type WorkflowOptions = { approvalTimeoutSeconds: number; signaturePollSeconds: number };
export type PreparedDefinitions = Record<string, Record<WorkflowName, StateMachineDefinition>>;

/** The local hub's own (`npm start`'s defaults): the console's browser test runs such a hub. */
export function localHubWorkflowOptions(config = localConfig({})): WorkflowOptions {
  return {
    approvalTimeoutSeconds: config.APPROVAL_TIMEOUT_SECONDS,
    signaturePollSeconds: config.SIGNATURE_POLL_SECONDS,
  };
}

/** Every option set a test asks `testDefinitions` for (approval timeout, signature poll, in seconds). */
export const TEST_WORKFLOW_OPTIONS: readonly WorkflowOptions[] = [
  localHubWorkflowOptions(),
  { approvalTimeoutSeconds: 600, signaturePollSeconds: 600 },
  { approvalTimeoutSeconds: 2, signaturePollSeconds: 600 },
  { approvalTimeoutSeconds: 600, signaturePollSeconds: 2 },
  { approvalTimeoutSeconds: 2, signaturePollSeconds: 2 },
  { approvalTimeoutSeconds: 3600, signaturePollSeconds: 600 },
];

export const optionsKey = (options: WorkflowOptions) =>
  `approval-${options.approvalTimeoutSeconds}-poll-${options.signaturePollSeconds}`;

/** Kept between runs on this machine (a clean clone synthesizes once per run). */
const CACHE_ROOT = resolve(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'workflow-definitions');

/** Synthesizes (or reads from the cache) every option set in TEST_WORKFLOW_OPTIONS. */
export async function prepareTestDefinitions(): Promise<PreparedDefinitions> {
  const prepared: PreparedDefinitions = {};
  for (const options of TEST_WORKFLOW_OPTIONS) {
    const key = optionsKey(options);
    // One folder per option set: the cache keeps only the newest entry of a folder.
    prepared[key] = (await cachedWorkflowDefinitions(join(CACHE_ROOT, key), options)).definitions;
  }
  return prepared;
}

/**
 * Puts `definitions` in the local hub's definitions cache under `dataDir` (where `startLocalHub`
 * looks, dev/local-hub.ts), as a second start on that folder would find them.
 */
export function seedLocalHubDefinitions(
  dataDir: string,
  options: WorkflowOptions,
  definitions: Record<WorkflowName, StateMachineDefinition>,
): void {
  const cacheDir = join(dataDir, 'cache');
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(workflowCacheEntry(cacheDir, options), JSON.stringify(definitions));
}
