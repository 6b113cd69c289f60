/**
 * The workflow engine on AWS: Step Functions Standard. An execution is named after its
 * application, so a repeated start is answered by Step Functions itself (same name and input:
 * the running execution; already finished: ExecutionAlreadyExists, taken as started). Per-attempt
 * timeout and the SDK's bounded, retryable-only retries; failures as IntegrationError
 * (integrations/shared/aws-sdk.ts). The SDK is imported at the first call, so a function that
 * never starts or releases a workflow does not load it.
 */
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { WorkflowEngine, WorkflowName } from '../../core/workflows/workflow-engine.js';
import { awsErrorName, awsIntegrationError, awsRequestHandler } from '../shared/aws-sdk.js';

async function loadSdk() {
  const { SendTaskSuccessCommand, SFNClient, StartExecutionCommand } = await import('@aws-sdk/client-sfn');
  return { SendTaskSuccessCommand, SFNClient, StartExecutionCommand };
}

export class SfnWorkflowEngine implements WorkflowEngine {
  private sdk: Promise<Awaited<ReturnType<typeof loadSdk>> & { sfn: SFNClient }> | undefined;

  constructor(
    private readonly stateMachineArns: Record<WorkflowName, string>,
    private readonly region: string,
  ) {}

  private aws() {
    this.sdk ??= loadSdk().then((sdk) => ({
      ...sdk,
      sfn: new sdk.SFNClient({
        region: this.region,
        maxAttempts: 3,
        requestHandler: awsRequestHandler(3000),
      }),
    }));
    return this.sdk;
  }

  async start(workflow: WorkflowName, name: string, input: Record<string, unknown>): Promise<void> {
    const { sfn, StartExecutionCommand } = await this.aws();
    try {
      await sfn.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArns[workflow],
          name,
          input: JSON.stringify(input),
        }),
      );
    } catch (error) {
      if (awsErrorName(error) === 'ExecutionAlreadyExists') return;
      throw awsIntegrationError('stepfunctions', 'startExecution', error);
    }
  }

  async sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<void> {
    const { sfn, SendTaskSuccessCommand } = await this.aws();
    try {
      await sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
    } catch (error) {
      throw awsIntegrationError('stepfunctions', 'sendTaskSuccess', error);
    }
  }
}
