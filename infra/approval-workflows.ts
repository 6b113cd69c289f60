/**
 * The approval workflows as Step Functions Standard state machines (issue "Approval workflows"):
 * the credit / anti-social pre-check (06_1). Every Lambda task runs `runWorkflowTask` (core) in
 * one task function; approvals use the callback pattern (`waitForTaskToken`) with a timeout that
 * escalates to the supervisors; task steps retry transient errors only and otherwise end in a
 * recorded failure. Timeouts are props, so tests build the machines with short ones; the local
 * engine runs these very definitions (dev/workflow-definitions.ts). Requirements: A4-1 … A4-3.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';

/** Error names the task function throws for failures worth retrying (functions/workflow-tasks.handler.ts). */
export const TRANSIENT_ERRORS = [
  'TransientIntegrationError',
  'ConflictError',
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
];

export interface ApprovalWorkflowsProps {
  tasksFunction: lambda.IFunction;
  /** How long an approver has before the task is escalated to the supervisors. @default 3 days */
  approvalTimeout?: Duration;
  /** Back-off of the first retry of a task step. @default 2 seconds */
  retryInterval?: Duration;
}

export class ApprovalWorkflows extends Construct {
  readonly creditPrecheck: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: ApprovalWorkflowsProps) {
    super(scope, id);
    const approvalTimeout = props.approvalTimeout ?? Duration.days(3);
    const retryInterval = props.retryInterval ?? Duration.seconds(2);
    const applicationId = sfn.JsonPath.stringAt('$.applicationId');

    const failed = new sfn.Fail(this, 'Failed', { error: 'ApplicationFailed' });
    const recordFailure = new tasks.LambdaInvoke(this, 'RecordFailure', {
      lambdaFunction: props.tasksFunction,
      payload: sfn.TaskInput.fromObject({
        task: 'application.fail',
        applicationId,
        error: sfn.JsonPath.objectAt('$.error'),
      }),
      payloadResponseOnly: true,
      resultPath: sfn.JsonPath.DISCARD,
    })
      .addRetry({ errors: TRANSIENT_ERRORS, interval: retryInterval, maxAttempts: 5, backoffRate: 2 })
      .next(failed);

    /** A Lambda task step: transient errors retried with back-off, anything else recorded as the failure. */
    const step = (name: string, payload: Record<string, unknown>, resultPath: string | undefined) =>
      new tasks.LambdaInvoke(this, name, {
        lambdaFunction: props.tasksFunction,
        payload: sfn.TaskInput.fromObject({ ...payload, applicationId }),
        payloadResponseOnly: true,
        retryOnServiceExceptions: false,
        resultPath: resultPath ?? sfn.JsonPath.DISCARD,
      })
        .addRetry({ errors: TRANSIENT_ERRORS, interval: retryInterval, maxAttempts: 4, backoffRate: 2 })
        .addCatch(recordFailure, { errors: ['States.ALL'], resultPath: '$.error' });

    const decide = step(
      'RecordDecision',
      {
        task: 'application.decide',
        outcome: sfn.JsonPath.stringAt('$.verdict.outcome'),
        reason: sfn.JsonPath.stringAt('$.verdict.reason'),
      },
      undefined,
    ).next(new sfn.Succeed(this, 'Decided'));
    const verdict = (name: string, outcome: 'APPROVED' | 'REJECTED', reason: string) =>
      new sfn.Pass(this, name, {
        result: sfn.Result.fromObject({ outcome, reason }),
        resultPath: '$.verdict',
      }).next(decide);

    /** An approval by a pool, escalated to the supervisors when nobody decides in time; the decision lands in $.decisions.<step>. */
    const approval = (
      approvalStep: 'MANAGER' | 'DIRECTOR',
      next: sfn.IChainable,
      rejected: sfn.IChainable,
    ) => {
      const label = approvalStep === 'MANAGER' ? 'Manager' : 'Director';
      const resultPath = `$.decisions.${approvalStep}`;
      const open = (escalated: boolean) =>
        new tasks.LambdaInvoke(this, `${label}Approval${escalated ? 'Escalated' : ''}`, {
          lambdaFunction: props.tasksFunction,
          integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
          retryOnServiceExceptions: false,
          payload: sfn.TaskInput.fromObject({
            task: 'approval.open',
            applicationId,
            step: approvalStep,
            escalated,
            taskToken: sfn.JsonPath.taskToken,
          }),
          resultPath,
          ...(escalated ? {} : { taskTimeout: sfn.Timeout.duration(approvalTimeout) }),
        }).addRetry({ errors: TRANSIENT_ERRORS, interval: retryInterval, maxAttempts: 4, backoffRate: 2 });
      const decided = new sfn.Choice(this, `${label}Decided`)
        .when(sfn.Condition.stringEquals(`${resultPath}.decision`, 'REJECT'), rejected)
        .otherwise(next);
      const first = open(false);
      const escalatedWait = open(true).addCatch(recordFailure, {
        errors: ['States.ALL'],
        resultPath: '$.error',
      });
      escalatedWait.next(decided);
      const escalate = step(
        `Escalate${label}Approval`,
        { task: 'approval.escalate', step: approvalStep },
        `$.escalation.${approvalStep}`,
      );
      const decidedMeanwhile = new sfn.Pass(this, `${label}DecidedMeanwhile`, {
        inputPath: `$.escalation.${approvalStep}.outcome`,
        resultPath,
      }).next(decided);
      escalate.next(
        new sfn.Choice(this, `${label}EscalationNeeded`)
          .when(sfn.Condition.booleanEquals(`$.escalation.${approvalStep}.decided`, true), decidedMeanwhile)
          .otherwise(escalatedWait),
      );
      first.addCatch(escalate, { errors: ['States.Timeout'], resultPath: '$.timeout' });
      first.addCatch(recordFailure, { errors: ['States.ALL'], resultPath: '$.error' });
      first.next(decided);
      return first;
    };

    const directorApproval = approval(
      'DIRECTOR',
      verdict('ApprovedByDirector', 'APPROVED', 'DIRECTOR'),
      verdict('RejectedByDirector', 'REJECTED', 'DIRECTOR'),
    );
    const managerApproval = approval(
      'MANAGER',
      new sfn.Choice(this, 'DirectorRequired')
        .when(sfn.Condition.booleanEquals('$.validation.requiresDirector', true), directorApproval)
        .otherwise(verdict('ApprovedByManager', 'APPROVED', 'MANAGER')),
      verdict('RejectedByManager', 'REJECTED', 'MANAGER'),
    );
    const definition = step('Validate', { task: 'creditPrecheck.validate' }, '$.validation').next(
      new sfn.Choice(this, 'AntisocialHit')
        .when(
          sfn.Condition.booleanEquals('$.validation.autoReject', true),
          verdict('AutoRejected', 'REJECTED', 'ANTISOCIAL_HIT'),
        )
        .otherwise(managerApproval),
    );

    this.creditPrecheck = new sfn.StateMachine(this, 'CreditPrecheck', {
      comment: 'CREDIT_PRECHECK',
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(definition),
      tracingEnabled: true,
      logs: {
        // Execution data would carry the applications' inputs: only the events are logged.
        destination: new logs.LogGroup(this, 'CreditPrecheckLogs', {
          retention: logs.RetentionDays.ONE_YEAR,
          removalPolicy: RemovalPolicy.DESTROY,
        }),
        level: sfn.LogLevel.ALL,
        includeExecutionData: false,
      },
    });
  }
}
