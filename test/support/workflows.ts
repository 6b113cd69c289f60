/** A hub with the local workflow engine running the synthesized state machines (issue 6). */

import { inject } from 'vitest';
import type { ContractStepDeps } from '../../core/applications/contract-steps.js';
import type { CreditPrecheck } from '../../core/applications/credit-precheck.js';
import { runWorkflowTask, workflowErrorName } from '../../core/applications/workflow-tasks.js';
import type { HubDeps } from '../../core/hub.js';
import { InMemoryDocumentStore } from '../../core/testing/in-memory-document-store.js';
import { InMemoryGStaff } from '../../core/testing/in-memory-gstaff.js';
import { InMemorySignatureService } from '../../core/testing/in-memory-signature-service.js';
import type { WorkflowName } from '../../core/workflows/workflow-engine.js';
import {
  LocalWorkflowEngine,
  type StateMachineDefinition,
} from '../../integrations/stepfunctions/local-workflow-engine.js';
import { optionsKey } from './workflow-definitions.js';

/** The definitions `cdk synth` produces, with the given approval timeout and signature poll interval (seconds). */
export function testDefinitions(
  approvalTimeoutSeconds = 600,
  signaturePollSeconds = 600,
): Record<WorkflowName, StateMachineDefinition> {
  // Synthesized once per run by the global setup (./workflow-definitions.ts).
  const options = { approvalTimeoutSeconds, signaturePollSeconds };
  const definitions = inject('workflowDefinitions')[optionsKey(options)];
  if (!definitions)
    throw new Error(
      `no workflow definitions prepared for ${JSON.stringify(options)}: add them to TEST_WORKFLOW_OPTIONS in test/support/workflow-definitions.ts`,
    );
  return definitions;
}

/** The local engine; `approvalTimeoutSeconds` short only where a test is about the timeout. */
export function localEngine(
  deps: HubDeps & Partial<ContractStepDeps>,
  approvalTimeoutSeconds = 600,
  signaturePollSeconds = 600,
): LocalWorkflowEngine {
  const taskDeps = {
    ...deps,
    documents: deps.documents ?? new InMemoryDocumentStore(),
    gstaff: deps.gstaff ?? new InMemoryGStaff(),
    signatures: deps.signatures ?? new InMemorySignatureService(),
  };
  return new LocalWorkflowEngine({
    definitions: testDefinitions(approvalTimeoutSeconds, signaturePollSeconds),
    runTask: (event) => runWorkflowTask(taskDeps, event),
    errorName: workflowErrorName,
    retryIntervalSeconds: 0,
    now: () => deps.clock.now(),
  });
}

const ok = { result: 'OK' as const, note: '問題なし' };
const concern = { result: 'CONCERN' as const, note: '要確認' };

export function precheck(overrides: Partial<CreditPrecheck> = {}): CreditPrecheck {
  return {
    creditRating: 72,
    antisocialCheck: 'CLEAR',
    labourRisk: { pastUnpaidWages: ok, labourDisputes: ok, turnover: ok },
    tradeCriteria: {
      antisocialForces: ok,
      businessCondition: ok,
      workplaceEnvironment: ok,
      legalCompliance: ok,
    },
    ...overrides,
  };
}

export const withConcern = (): Partial<CreditPrecheck> => ({
  labourRisk: { pastUnpaidWages: ok, labourDisputes: concern, turnover: ok },
});

/** Polls `check` until it holds (bounded); the engine runs asynchronously. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, what: string): Promise<T> {
  for (let i = 0; i < 200; i += 1) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`never happened: ${what}`);
}
