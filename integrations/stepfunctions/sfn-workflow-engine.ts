/**
 * The workflow engine on AWS: Step Functions Standard. An execution is named after its
 * application, so a repeated start is answered by Step Functions itself (same name and input:
 * the running execution; already finished: ExecutionAlreadyExists, taken as started). Per-attempt
 * timeout and the SDK's bounded, retryable-only retries.
 */
import { SendTaskSuccessCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { IntegrationError } from '../../core/errors.js';
import type { WorkflowEngine, WorkflowName } from '../../core/workflows/workflow-engine.js';

function integrationError(operation: string, error: unknown): IntegrationError {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number }; $retryable?: unknown };
  const status = e.$metadata?.httpStatusCode;
  return new IntegrationError(
    {
      system: 'stepfunctions',
      operation,
      retryable: Boolean(e.$retryable) || (status !== undefined && status >= 500),
      ...(status !== undefined ? { status } : {}),
      message: e.name ?? 'unknown error',
    },
    { cause: error },
  );
}

export class SfnWorkflowEngine implements WorkflowEngine {
  private readonly sfn: SFNClient;

  constructor(
    private readonly stateMachineArns: Record<WorkflowName, string>,
    region: string,
  ) {
    this.sfn = new SFNClient({ region, maxAttempts: 3, requestHandler: { requestTimeout: 3000 } });
  }

  async start(workflow: WorkflowName, name: string, input: Record<string, unknown>): Promise<void> {
    try {
      await this.sfn.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArns[workflow],
          name,
          input: JSON.stringify(input),
        }),
      );
    } catch (error) {
      if ((error as { name?: string }).name === 'ExecutionAlreadyExists') return;
      throw integrationError('startExecution', error);
    }
  }

  async sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<void> {
    try {
      await this.sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
    } catch (error) {
      throw integrationError('sendTaskSuccess', error);
    }
  }
}
