/**
 * The approval workflows as Step Functions Standard state machines (issue "Approval workflows"):
 * the credit / anti-social pre-check (06_1), the contract execution with the basic contract
 * (06_2), and the order approval. Every Lambda task runs `runWorkflowTask` (core) in one task
 * function; approvals use the callback pattern (`waitForTaskToken`) with a timeout that escalates
 * to the supervisors; task steps retry transient errors only and otherwise end in a recorded
 * failure. Timeouts are props, so tests build the machines with short ones; the local engine runs
 * these very definitions (dev/workflow-definitions.ts). Every machine is bounded: the signature
 * wait ends in a recorded failure (`SignatureTimedOut`) after `signatureWait`, and no execution
 * runs longer than `executionTimeout`. Requirements: A4-1 … A4-4, A4-6, A5-2, A6-5, A7-3.
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
  /** How long the contract workflow waits for the signature callback before looking GMO Sign up itself. @default 1 hour */
  signaturePollInterval?: Duration;
  /** No signature after this long: the application fails (recorded by the hub, alarmed). @default 30 days */
  signatureWait?: Duration;
  /** No execution runs longer than this; a timed-out execution is alarmed. @default 90 days */
  executionTimeout?: Duration;
  /** Where each machine logs its events (kept with the audit record); a log group of its own when absent. */
  logGroups?: Partial<Record<MachineName, logs.ILogGroup>>;
}

/** The state machines' construct ids. */
export type MachineName = (typeof WORKFLOW_MACHINES)[WorkflowName]['id'];

export type Settings = Required<Omit<ApprovalWorkflowsProps, 'logGroups' | 'executionTimeout'>>;

/** Step Functions ends a Standard execution at 25,000 history events; a signature poll costs about 17. */
const MAX_SIGNATURE_POLLS = 1200;

/** How many signature look-ups fit in the wait; refuses a wait the event history could not hold. */
export function signaturePolls(wait: Duration, pollInterval: Duration): number {
  const polls = Math.ceil(wait.toSeconds() / pollInterval.toSeconds());
  if (polls > MAX_SIGNATURE_POLLS)
    throw new Error(
      `signature wait too long for its poll interval: ${polls} look-ups (more than ${MAX_SIGNATURE_POLLS} would exceed Step Functions' 25,000-event history); lengthen signaturePollMinutes or shorten signatureWaitDays`,
    );
  return polls;
}

const LABELS = {
  MANAGER: 'Manager',
  DIRECTOR: 'Director',
  LEGAL_REVIEW: 'LegalReview',
  LEGAL_SEND: 'LegalSend',
  MARKETING_SEND: 'MarketingSend',
} as const;

/** The states of one state machine, built in their own scope (state names are unique per machine). */
export class States extends Construct {
  readonly recordFailure: sfn.IChainable;
  private readonly decideTask: sfn.IChainable;

  constructor(
    scope: Construct,
    id: string,
    readonly settings: Settings,
    /** A step run after the decision is recorded (e.g. telling G-Staff). */
    afterDecision?: { name: string; task: string },
  ) {
    super(scope, id);
    const failed = new sfn.Fail(this, 'Failed', { error: 'ApplicationFailed' });
    this.recordFailure = new tasks.LambdaInvoke(this, 'RecordFailure', {
      lambdaFunction: settings.tasksFunction,
      payload: sfn.TaskInput.fromObject({
        task: 'application.fail',
        applicationId: sfn.JsonPath.stringAt('$.applicationId'),
        error: sfn.JsonPath.objectAt('$.error'),
      }),
      payloadResponseOnly: true,
      resultPath: sfn.JsonPath.DISCARD,
    })
      .addRetry({
        errors: TRANSIENT_ERRORS,
        interval: settings.retryInterval,
        maxAttempts: 5,
        backoffRate: 2,
      })
      .next(failed);
    const decided = new sfn.Succeed(this, 'Decided');
    this.decideTask = this.step('RecordDecision', {
      task: 'application.decide',
      outcome: sfn.JsonPath.stringAt('$.verdict.outcome'),
      reason: sfn.JsonPath.stringAt('$.verdict.reason'),
    }).next(
      afterDecision ? this.step(afterDecision.name, { task: afterDecision.task }).next(decided) : decided,
    );
  }

  /** A Lambda task step: transient errors retried with back-off, anything else recorded as the failure. */
  step(name: string, payload: Record<string, unknown>, resultPath?: string) {
    return new tasks.LambdaInvoke(this, name, {
      lambdaFunction: this.settings.tasksFunction,
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
        interval: this.settings.retryInterval,
        maxAttempts: 4,
        backoffRate: 2,
      })
      .addCatch(this.recordFailure, { errors: ['States.ALL'], resultPath: '$.error' });
  }

  /** A callback step (`waitForTaskToken`) with a timeout; its result lands in `resultPath`. */
  callback(name: string, payload: Record<string, unknown>, resultPath: string, timeout: Duration) {
    return new tasks.LambdaInvoke(this, name, {
      lambdaFunction: this.settings.tasksFunction,
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      retryOnServiceExceptions: false,
      payload: sfn.TaskInput.fromObject({
        ...payload,
        applicationId: sfn.JsonPath.stringAt('$.applicationId'),
        taskToken: sfn.JsonPath.taskToken,
      }),
      resultPath,
      taskTimeout: sfn.Timeout.duration(timeout),
    }).addRetry({
      errors: TRANSIENT_ERRORS,
      interval: this.settings.retryInterval,
      maxAttempts: 4,
      backoffRate: 2,
    });
  }

  /**
   * Sends the contract through GMO Sign and waits for it (the `<prefix>.*` signing steps): the
   * callback with a timeout, a look-up when no callback came, counted so that the wait ends in a
   * recorded failure (`SignatureTimedOut`) after signatureWait; signed → stored → `signed`.
   */
  signing(prefix: string, signed: sfn.IChainable): sfn.IChainable {
    const settings = this.settings;
    const waitForSignature = this.callback(
      'WaitForSignature',
      { task: `${prefix}.awaitSignature` },
      '$.signature',
      settings.signaturePollInterval,
    );
    // No callback in time: GMO Sign is looked up (the fallback), then wait again or go on.
    const checkSignature = this.step('CheckSignature', { task: `${prefix}.checkSignature` }, '$.signature');
    const signatureState = new sfn.Choice(this, 'SignatureState')
      .when(
        sfn.Condition.stringEquals('$.signature.signature', 'COMPLETED'),
        this.step('StoreContract', { task: `${prefix}.store` }).next(signed),
      )
      .when(
        sfn.Condition.stringEquals('$.signature.signature', 'DECLINED'),
        this.verdict('SignatureDeclined', 'REJECTED', 'SIGNER'),
      );
    checkSignature.next(signatureState);
    // Each timed-out wait is counted; after signatureWait the application fails, recorded by the hub.
    const polls = signaturePolls(settings.signatureWait, settings.signaturePollInterval);
    const startWait = new sfn.Pass(this, 'StartSignatureWait', {
      result: sfn.Result.fromObject({ polls: 0 }),
      resultPath: '$.signatureWait',
    }).next(waitForSignature);
    const countPoll = new sfn.Pass(this, 'CountSignaturePoll', {
      parameters: { 'polls.$': 'States.MathAdd($.signatureWait.polls, 1)' },
      resultPath: '$.signatureWait',
    }).next(checkSignature);
    const timedOut = new sfn.Pass(this, 'SignatureTimedOut', {
      result: sfn.Result.fromObject({
        Error: 'SignatureTimedOut',
        Cause: `no signature within ${settings.signatureWait.toHumanString()}`,
      }),
      resultPath: '$.error',
    }).next(this.recordFailure);
    signatureState.otherwise(
      new sfn.Choice(this, 'SignatureWaitOver')
        .when(sfn.Condition.numberGreaterThanEquals('$.signatureWait.polls', polls), timedOut)
        .otherwise(waitForSignature),
    );
    waitForSignature.addCatch(countPoll, { errors: ['States.Timeout'], resultPath: '$.timeout' });
    waitForSignature.addCatch(this.recordFailure, { errors: ['States.ALL'], resultPath: '$.error' });
    waitForSignature.next(signatureState);
    return this.step('RequestSignature', { task: `${prefix}.requestSignature` }).next(startWait);
  }

  /** Records the outcome and ends. */
  verdict(name: string, outcome: 'APPROVED' | 'REJECTED', reason: string): sfn.IChainable {
    return new sfn.Pass(this, name, {
      result: sfn.Result.fromObject({ outcome, reason }),
      resultPath: '$.verdict',
    }).next(this.decideTask);
  }

  /**
   * An approval by a pool; the decision lands in $.decisions.<step>. Not decided in time: the
   * task is escalated to the supervisors, whose wait also times out into a look at the ledger, so
   * a decision whose release failed is still picked up.
   */
  approval(
    approvalStep: keyof typeof LABELS,
    next: sfn.IChainable,
    rejected: sfn.IChainable,
  ): sfn.IChainable {
    const label = LABELS[approvalStep];
    const resultPath = `$.decisions.${approvalStep}`;
    const timeout = this.settings.approvalTimeout;
    const decided = new sfn.Choice(this, `${label}Decided`)
      .when(sfn.Condition.stringEquals(`${resultPath}.decision`, 'REJECT'), rejected)
      .otherwise(next);
    const first = this.callback(
      `${label}Approval`,
      { task: 'approval.open', step: approvalStep, escalated: false },
      resultPath,
      timeout,
    );
    const escalatedWait = this.callback(
      `${label}ApprovalEscalated`,
      { task: 'approval.open', step: approvalStep, escalated: true },
      resultPath,
      timeout,
    );
    const escalate = this.step(
      `Escalate${label}Approval`,
      { task: 'approval.escalate', step: approvalStep, escalated: false },
      `$.escalation.${approvalStep}`,
    );
    const checkEscalated = this.step(
      `Check${label}Escalated`,
      { task: 'approval.escalate', step: approvalStep, escalated: true },
      `$.escalation.${approvalStep}`,
    );
    const decidedMeanwhile = new sfn.Pass(this, `${label}DecidedMeanwhile`, {
      inputPath: `$.escalation.${approvalStep}.outcome`,
      resultPath,
    }).next(decided);
    const escalationNeeded = new sfn.Choice(this, `${label}EscalationNeeded`)
      .when(sfn.Condition.booleanEquals(`$.escalation.${approvalStep}.decided`, true), decidedMeanwhile)
      .otherwise(escalatedWait);
    escalate.next(escalationNeeded);
    checkEscalated.next(escalationNeeded);
    first.addCatch(escalate, { errors: ['States.Timeout'], resultPath: '$.timeout' });
    first.addCatch(this.recordFailure, { errors: ['States.ALL'], resultPath: '$.error' });
    first.next(decided);
    escalatedWait.addCatch(checkEscalated, { errors: ['States.Timeout'], resultPath: '$.timeout' });
    escalatedWait.addCatch(this.recordFailure, { errors: ['States.ALL'], resultPath: '$.error' });
    escalatedWait.next(decided);
    return first;
  }
}

/** What a workflow's definition is built with: its own states scope and the shared settings. */
export type WorkflowDefinition = (scope: Construct, settings: Settings) => sfn.IChainable;

/** 06_1: validate → HIT rejects → manager → director when the policy requires it → decision. */
const creditPrecheckDefinition: WorkflowDefinition = (scope, settings) => {
  // After the decision, G-Staff is told (record in the ledger → update G-Staff → the applicant was told).
  const s = new States(scope, 'CreditPrecheckStates', settings, {
    name: 'UpdateGStaff',
    task: 'creditPrecheck.updateGStaff',
  });
  const directorApproval = s.approval(
    'DIRECTOR',
    s.verdict('ApprovedByDirector', 'APPROVED', 'DIRECTOR'),
    s.verdict('RejectedByDirector', 'REJECTED', 'DIRECTOR'),
  );
  const managerApproval = s.approval(
    'MANAGER',
    new sfn.Choice(s, 'DirectorRequired')
      .when(sfn.Condition.booleanEquals('$.validation.requiresDirector', true), directorApproval)
      .otherwise(s.verdict('ApprovedByManager', 'APPROVED', 'MANAGER')),
    s.verdict('RejectedByManager', 'REJECTED', 'MANAGER'),
  );
  return s
    .step('Validate', { task: 'creditPrecheck.validate' }, '$.validation')
    .next(
      new sfn.Choice(s, 'AntisocialHit')
        .when(
          sfn.Condition.booleanEquals('$.validation.autoReject', true),
          s.verdict('AutoRejected', 'REJECTED', 'ANTISOCIAL_HIT'),
        )
        .otherwise(managerApproval),
    );
};

/** 06_2: manager → legal review when non-standard → legal sends → signature → G-Staff → TRADING. */
const contractExecutionDefinition: WorkflowDefinition = (scope, settings) => {
  const s = new States(scope, 'ContractExecutionStates', settings);
  const legalSend = s.approval(
    'LEGAL_SEND',
    s.signing('contract', s.verdict('Signed', 'APPROVED', 'SIGNED')),
    s.verdict('SendRefusedByLegal', 'REJECTED', 'LEGAL'),
  );
  const legalReview = s.approval(
    'LEGAL_REVIEW',
    legalSend,
    s.verdict('RejectedByLegal', 'REJECTED', 'LEGAL'),
  );
  return s
    .step('Validate', { task: 'contract.validate' }, '$.validation')
    .next(
      s.approval(
        'MANAGER',
        new sfn.Choice(s, 'NonStandard')
          .when(sfn.Condition.booleanEquals('$.validation.nonStandard', true), legalReview)
          .otherwise(legalSend),
        s.verdict('RejectedByManager', 'REJECTED', 'MANAGER'),
      ),
    );
};

/** Order approval (A7-3): PENDING_APPROVAL in kintone → the supervisors approve → OPEN. */
const orderApprovalDefinition: WorkflowDefinition = (scope, settings) => {
  const s = new States(scope, 'OrderApprovalStates', settings);
  return s
    .step('PendingApproval', { task: 'order.pendingApproval' })
    .next(
      s.approval(
        'MANAGER',
        s.verdict('ApprovedBySupervisor', 'APPROVED', 'MANAGER'),
        s.verdict('RejectedBySupervisor', 'REJECTED', 'MANAGER'),
      ),
    );
};

/**
 * Individual contract (A5-5, A5-6): the gates → shared to G-Staff → marketing sends → the gates
 * again → GMO Sign (the rep approves, the client signs) → stored in G-Staff → the order in
 * kintone shows it. A failing gate ends it REJECTED, before anything is shared or sent.
 */
const individualContractDefinition: WorkflowDefinition = (scope, settings) => {
  const s = new States(scope, 'IndividualContractStates', settings);
  const gatesFailed = s.verdict('GatesFailed', 'REJECTED', 'GATES');
  const gates = (name: string, next: sfn.IChainable) =>
    s
      .step(name, { task: 'individualContract.gates' }, '$.gates')
      .next(
        new sfn.Choice(s, `${name}Passed`)
          .when(sfn.Condition.booleanEquals('$.gates.passed', true), next)
          .otherwise(gatesFailed),
      );
  const signed = s
    .step('ShowInKintone', { task: 'individualContract.showInKintone' })
    .next(s.verdict('Signed', 'APPROVED', 'SIGNED'));
  const marketingSend = s.approval(
    'MARKETING_SEND',
    gates('GatesBeforeSending', s.signing('individualContract', signed)),
    s.verdict('SendRefusedByMarketing', 'REJECTED', 'MARKETING'),
  );
  return gates('Gates', s.step('ShareToGStaff', { task: 'individualContract.share' }).next(marketingSend));
};

/**
 * The state machines, one per workflow (named after the application type it runs, in its
 * Comment): the construct id, and the definition. A new workflow adds one line here.
 */
export const WORKFLOW_MACHINES = {
  CREDIT_PRECHECK: { id: 'CreditPrecheck', define: creditPrecheckDefinition },
  CONTRACT_EXECUTION: { id: 'ContractExecution', define: contractExecutionDefinition },
  ORDER_APPROVAL: { id: 'OrderApproval', define: orderApprovalDefinition },
  INDIVIDUAL_CONTRACT: { id: 'IndividualContract', define: individualContractDefinition },
} as const satisfies Record<string, { id: string; define: WorkflowDefinition }>;

/** The workflows' names (core's WORKFLOWS; dev/workflow-definitions.ts checks that they agree). */
export type WorkflowName = keyof typeof WORKFLOW_MACHINES;
const WORKFLOWS = Object.keys(WORKFLOW_MACHINES) as WorkflowName[];

export class ApprovalWorkflows extends Construct {
  /** Every workflow's state machine, by the workflow (application type) it runs. */
  readonly byWorkflow: Record<WorkflowName, sfn.StateMachine>;

  private readonly executionTimeout: Duration;
  private readonly logGroups: Partial<Record<MachineName, logs.ILogGroup>>;

  constructor(scope: Construct, id: string, props: ApprovalWorkflowsProps) {
    super(scope, id);
    const settings: Settings = {
      tasksFunction: props.tasksFunction,
      approvalTimeout: props.approvalTimeout ?? Duration.days(3),
      retryInterval: props.retryInterval ?? Duration.seconds(2),
      signaturePollInterval: props.signaturePollInterval ?? Duration.hours(1),
      signatureWait: props.signatureWait ?? Duration.days(30),
    };
    this.executionTimeout = props.executionTimeout ?? Duration.days(90);
    if (this.executionTimeout.toSeconds() <= settings.signatureWait.toSeconds())
      throw new Error('the execution timeout must be longer than the signature wait');
    this.logGroups = props.logGroups ?? {};
    this.byWorkflow = Object.fromEntries(
      WORKFLOWS.map((workflow) => {
        const { id: machineId, define } = WORKFLOW_MACHINES[workflow];
        return [workflow, this.machine(machineId, workflow, define(this, settings))];
      }),
    ) as Record<WorkflowName, sfn.StateMachine>;
  }

  get creditPrecheck(): sfn.StateMachine {
    return this.byWorkflow.CREDIT_PRECHECK;
  }

  get contractExecution(): sfn.StateMachine {
    return this.byWorkflow.CONTRACT_EXECUTION;
  }

  get orderApproval(): sfn.StateMachine {
    return this.byWorkflow.ORDER_APPROVAL;
  }

  /** The machines by construct id. */
  machines(): Record<MachineName, sfn.StateMachine> {
    return Object.fromEntries(
      WORKFLOWS.map((workflow) => [WORKFLOW_MACHINES[workflow].id, this.byWorkflow[workflow]]),
    ) as Record<MachineName, sfn.StateMachine>;
  }

  private machine(id: MachineName, workflow: string, definition: sfn.IChainable): sfn.StateMachine {
    return new sfn.StateMachine(this, id, {
      comment: workflow,
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(definition),
      timeout: this.executionTimeout,
      tracingEnabled: true,
      logs: {
        // Execution data would carry the applications' inputs: only the events are logged.
        destination:
          this.logGroups[id] ??
          new logs.LogGroup(this, `${id}Logs`, {
            retention: logs.RetentionDays.THREE_YEARS,
            removalPolicy: RemovalPolicy.RETAIN,
          }),
        level: sfn.LogLevel.ALL,
        includeExecutionData: false,
      },
    });
  }
}
