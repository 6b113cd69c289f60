/**
 * The approval workflows as Step Functions Standard state machines (issue "Approval workflows"):
 * the credit / anti-social pre-check (06_1) and the order approval. Every Lambda task runs `runWorkflowTask` (core) in
 * one task function; approvals use the callback pattern (`waitForTaskToken`) with a timeout that
 * escalates to the supervisors; task steps retry transient errors only and otherwise end in a
 * recorded failure. Timeouts are props, so tests build the machines with short ones; the local
 * engine runs these very definitions (dev/workflow-definitions.ts). Requirements: A4-1 … A4-3, A7-3.
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

/** The states of one state machine, built in their own scope (state names are unique per machine). */
class States extends Construct {
  readonly recordFailure: sfn.IChainable;
  private readonly decideTask: sfn.IChainable;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: Required<Omit<ApprovalWorkflowsProps, 'tasksFunction'>> & {
      tasksFunction: lambda.IFunction;
    },
  ) {
    super(scope, id);
    const failed = new sfn.Fail(this, 'Failed', { error: 'ApplicationFailed' });
    this.recordFailure = new tasks.LambdaInvoke(this, 'RecordFailure', {
      lambdaFunction: props.tasksFunction,
      payload: sfn.TaskInput.fromObject({
        task: 'application.fail',
        applicationId: sfn.JsonPath.stringAt('$.applicationId'),
        error: sfn.JsonPath.objectAt('$.error'),
      }),
      payloadResponseOnly: true,
      resultPath: sfn.JsonPath.DISCARD,
    })
      .addRetry({ errors: TRANSIENT_ERRORS, interval: props.retryInterval, maxAttempts: 5, backoffRate: 2 })
      .next(failed);
    this.decideTask = this.step('RecordDecision', {
      task: 'application.decide',
      outcome: sfn.JsonPath.stringAt('$.verdict.outcome'),
      reason: sfn.JsonPath.stringAt('$.verdict.reason'),
    }).next(new sfn.Succeed(this, 'Decided'));
  }

  /** A Lambda task step: transient errors retried with back-off, anything else recorded as the failure. */
  step(name: string, payload: Record<string, unknown>, resultPath?: string) {
    return new tasks.LambdaInvoke(this, name, {
      lambdaFunction: this.props.tasksFunction,
      payload: sfn.TaskInput.fromObject({
        ...payload,
        applicationId: sfn.JsonPath.stringAt('$.applicationId'),
      }),
      payloadResponseOnly: true,
      retryOnServiceExceptions: false,
      resultPath: resultPath ?? sfn.JsonPath.DISCARD,
    })
      .addRetry({
        errors: TRANSIENT_ERRORS,
        interval: this.props.retryInterval,
        maxAttempts: 4,
        backoffRate: 2,
      })
      .addCatch(this.recordFailure, { errors: ['States.ALL'], resultPath: '$.error' });
  }

  /** Records the outcome and ends. */
  verdict(name: string, outcome: 'APPROVED' | 'REJECTED', reason: string): sfn.IChainable {
    return new sfn.Pass(this, name, {
      result: sfn.Result.fromObject({ outcome, reason }),
      resultPath: '$.verdict',
    }).next(this.decideTask);
  }

  /** An approval by a pool, escalated to the supervisors when nobody decides in time; the decision lands in $.decisions.<step>. */
  approval(
    approvalStep: 'MANAGER' | 'DIRECTOR',
    next: sfn.IChainable,
    rejected: sfn.IChainable,
  ): sfn.IChainable {
    const label = approvalStep === 'MANAGER' ? 'Manager' : 'Director';
    const resultPath = `$.decisions.${approvalStep}`;
    const open = (escalated: boolean) =>
      new tasks.LambdaInvoke(this, `${label}Approval${escalated ? 'Escalated' : ''}`, {
        lambdaFunction: this.props.tasksFunction,
        integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        retryOnServiceExceptions: false,
        payload: sfn.TaskInput.fromObject({
          task: 'approval.open',
          applicationId: sfn.JsonPath.stringAt('$.applicationId'),
          step: approvalStep,
          escalated,
          taskToken: sfn.JsonPath.taskToken,
        }),
        resultPath,
        ...(escalated ? {} : { taskTimeout: sfn.Timeout.duration(this.props.approvalTimeout) }),
      }).addRetry({
        errors: TRANSIENT_ERRORS,
        interval: this.props.retryInterval,
        maxAttempts: 4,
        backoffRate: 2,
      });
    const decided = new sfn.Choice(this, `${label}Decided`)
      .when(sfn.Condition.stringEquals(`${resultPath}.decision`, 'REJECT'), rejected)
      .otherwise(next);
    const first = open(false);
    const escalatedWait = open(true).addCatch(this.recordFailure, {
      errors: ['States.ALL'],
      resultPath: '$.error',
    });
    escalatedWait.next(decided);
    const escalate = this.step(
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
    first.addCatch(this.recordFailure, { errors: ['States.ALL'], resultPath: '$.error' });
    first.next(decided);
    return first;
  }
}

export class ApprovalWorkflows extends Construct {
  readonly creditPrecheck: sfn.StateMachine;
  readonly orderApproval: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: ApprovalWorkflowsProps) {
    super(scope, id);
    const settings = {
      tasksFunction: props.tasksFunction,
      approvalTimeout: props.approvalTimeout ?? Duration.days(3),
      retryInterval: props.retryInterval ?? Duration.seconds(2),
    };

    // 06_1: validate → HIT rejects → manager → director when the policy requires it → decision.
    const credit = new States(this, 'CreditPrecheckStates', settings);
    const directorApproval = credit.approval(
      'DIRECTOR',
      credit.verdict('ApprovedByDirector', 'APPROVED', 'DIRECTOR'),
      credit.verdict('RejectedByDirector', 'REJECTED', 'DIRECTOR'),
    );
    const managerApproval = credit.approval(
      'MANAGER',
      new sfn.Choice(credit, 'DirectorRequired')
        .when(sfn.Condition.booleanEquals('$.validation.requiresDirector', true), directorApproval)
        .otherwise(credit.verdict('ApprovedByManager', 'APPROVED', 'MANAGER')),
      credit.verdict('RejectedByManager', 'REJECTED', 'MANAGER'),
    );
    this.creditPrecheck = this.machine(
      'CreditPrecheck',
      'CREDIT_PRECHECK',
      credit
        .step('Validate', { task: 'creditPrecheck.validate' }, '$.validation')
        .next(
          new sfn.Choice(credit, 'AntisocialHit')
            .when(
              sfn.Condition.booleanEquals('$.validation.autoReject', true),
              credit.verdict('AutoRejected', 'REJECTED', 'ANTISOCIAL_HIT'),
            )
            .otherwise(managerApproval),
        ),
    );

    // Order approval (A7-3): PENDING_APPROVAL in kintone → the supervisors approve → OPEN.
    const order = new States(this, 'OrderApprovalStates', settings);
    this.orderApproval = this.machine(
      'OrderApproval',
      'ORDER_APPROVAL',
      order
        .step('PendingApproval', { task: 'order.pendingApproval' })
        .next(
          order.approval(
            'MANAGER',
            order.verdict('ApprovedBySupervisor', 'APPROVED', 'MANAGER'),
            order.verdict('RejectedBySupervisor', 'REJECTED', 'MANAGER'),
          ),
        ),
    );
  }

  private machine(id: string, workflow: string, definition: sfn.IChainable): sfn.StateMachine {
    return new sfn.StateMachine(this, id, {
      comment: workflow,
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(definition),
      tracingEnabled: true,
      logs: {
        // Execution data would carry the applications' inputs: only the events are logged.
        destination: new logs.LogGroup(this, `${id}Logs`, {
          retention: logs.RetentionDays.ONE_YEAR,
          removalPolicy: RemovalPolicy.DESTROY,
        }),
        level: sfn.LogLevel.ALL,
        includeExecutionData: false,
      },
    });
  }
}
