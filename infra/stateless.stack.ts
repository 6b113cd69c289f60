/**
 * Stateless resources: the HTTP API (Cognito JWT authorizer on /graphql, HMAC-authenticated
 * inquiry webhook, path-secret GMO Sign and kintone webhooks), the Lambda functions, the scheduled
 * jobs of core/sync/hub-jobs.ts (infra/scheduled-jobs.ts), the G-Staff CSV drop, the approval
 * workflows, and the alarms.
 * Every tenant setting comes from the tenant configuration (infra/config.ts). Least privilege:
 * each function gets its own table grant; the unauthenticated inquiry webhook only the keys it
 * reads and writes. Requirements, A6-5.
 */
import { CfnOutput, Duration, Fn, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { HUB_METRICS } from '../functions/shared/metric-names.js';
import { GSI_NAMES, type GsiName } from '../integrations/dynamodb/table-layout.js';
import { ApprovalWorkflows } from './approval-workflows.js';
import type { TenantConfig } from './config.js';
import { HubFunction } from './function-bundle.js';
import { Monitoring } from './monitoring.js';
import { type JobHost, jobsOf, ScheduledJobs } from './scheduled-jobs.js';
import { type AuditLogGroups, DOCUMENTS_BUCKET_ARN_EXPORT, type HubSecrets } from './stateful.stack.js';

export interface StatelessStackProps extends StackProps {
  config: TenantConfig;
  table: dynamodb.ITableV2;
  /** Where signed contracts and visit photos and drawings are kept. */
  documents: s3.IBucket;
  userPool: cognito.IUserPool;
  userPoolClient: cognito.IUserPoolClient;
  /** Kept in the stateful stack (retained); read here by the functions that need them. */
  secrets: HubSecrets;
  auditLogs: AuditLogGroups;
  /**
   * Reserved concurrency of the GraphQL function.
   * @default 20
   */
  graphqlReservedConcurrency?: number;
  /** Overrides of the configuration's workflow durations (the tests and the local engine use short ones). */
  approvalTimeout?: Duration;
  signaturePollInterval?: Duration;
  signatureWait?: Duration;
}

/**
 * The actions of the ledger adapter: reads, and conditional puts (each commit is one
 * TransactWriteItems of conditional Puts, authorized as dynamodb:PutItem per item; the adapter
 * never sends a ConditionCheck, Scan, Update or Delete). The API's batch reads add PartiQLSelect
 * by partition key (grantLedger), with full-table scans denied.
 */
const LEDGER_READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
const LEDGER_WRITE = ['dynamodb:PutItem'];

/**
 * The inquiry webhook (no user, only the form's HMAC): it reads its earlier submission, looks
 * clients up by name (gsi1), and creates the submission, the inquiry, a new client and their audit
 * events — by partition key prefix (`dynamodb:LeadingKeys`), nothing else.
 */
export const INQUIRY_WEBHOOK_LEDGER = {
  get: ['WEB_SUBMISSION#*'],
  put: ['WEB_SUBMISSION#*', 'INQUIRY#*', 'CLIENT#*', 'AUDIT#CLIENT#*'],
  queryIndexes: ['gsi1'] as GsiName[],
};

/**
 * The kintone webhook (a path secret, no user): it reads the notification ids it handled and the
 * records it compares (GetItem, BatchGetItem), the hub's pending kintone writes (gsi3) and a record
 * by its kintone id (gsi1), and writes the record, a conflict, a held outbox entry, the
 * notification id and the client's audit events — by partition key prefix, nothing else.
 */
export const KINTONE_WEBHOOK_LEDGER = {
  get: ['KINTONE_NOTIFICATION#*', 'KINTONE_RECORD#*'],
  put: [
    'KINTONE_NOTIFICATION#*',
    'KINTONE_RECORD#*',
    'SYNC_CONFLICT#*',
    'KINTONE_OUTBOX#*',
    'AUDIT#CLIENT#*',
  ],
  queryIndexes: ['gsi1', 'gsi3'] as GsiName[],
};

/** Requests per second (and burst) each webhook route accepts; the rest get 429. */
export const WEBHOOK_THROTTLES = {
  'POST /webhooks/inquiry': { throttlingRateLimit: 5, throttlingBurstLimit: 10 },
  'POST /webhooks/gmosign/{secret}': { throttlingRateLimit: 10, throttlingBurstLimit: 20 },
  // kintone sends at most 60 a minute per domain; one lost to a 429 is caught by the next reconciliation.
  'POST /webhooks/kintone/{secret}': { throttlingRateLimit: 2, throttlingBurstLimit: 10 },
};

/** A function that calls kintone, with how many of it may run at once and its per-process cap. */
export interface KintoneCaller {
  name: string;
  reservedConcurrency: number;
  maxConcurrencyPerProcess: number;
}

/**
 * kintone limits concurrent requests per domain: every function that calls it, at its reserved
 * concurrency and per-process cap, must stay within the tenant's share of that limit.
 */
export function assertKintoneBudget(callers: KintoneCaller[], domainBudget: number): void {
  const total = callers.reduce((n, c) => n + c.reservedConcurrency * c.maxConcurrencyPerProcess, 0);
  if (total > domainBudget) {
    const terms = callers.map((c) => `${c.name} ${c.reservedConcurrency} × ${c.maxConcurrencyPerProcess}`);
    throw new Error(
      `kintone budget exceeded: ${terms.join(' + ')} = ${total} concurrent requests > domain budget ${domainBudget}`,
    );
  }
}

export class StatelessStack extends Stack {
  readonly graphqlFunction: HubFunction;
  readonly inquiryWebhookFunction: HubFunction;
  readonly outboxFunction: HubFunction;
  readonly gstaffMirrorFunction: HubFunction;
  /** The kintone reconciliations (orders, visit records), scheduled. */
  readonly kintoneSyncFunction: HubFunction;
  /** `POST /webhooks/kintone/{secret}`. */
  readonly kintoneWebhookFunction: HubFunction;
  /** Imports a G-Staff CSV export dropped under gstaff-imports/incoming/ of the documents bucket. */
  readonly gstaffCsvImportFunction: HubFunction;
  readonly gmosignWebhookFunction: HubFunction;
  readonly workflowTasksFunction: HubFunction;
  readonly workflows: ApprovalWorkflows;
  readonly jobs: ScheduledJobs;
  readonly monitoring: Monitoring;
  readonly api: apigw.HttpApi;
  /** The fixed address GMO Sign must allow-list: every call to GMO Sign leaves through it. */
  readonly egressIp: ec2.CfnEIP;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config, secrets } = props;
    const serviceName = 'dispatch-hub';

    const common = {
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.seconds(15),
      tracing: lambda.Tracing.ACTIVE,
      environment: {
        LEDGER_TABLE_NAME: props.table.tableName,
        POWERTOOLS_SERVICE_NAME: serviceName,
        POWERTOOLS_METRICS_NAMESPACE: HUB_METRICS.namespace,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
    };
    // Function logs are operational (no personal data, X-5): 3 months, replaced with the stack.
    const logGroup = (name: string) =>
      new logs.LogGroup(this, `${name}Logs`, {
        retention: logs.RetentionDays.THREE_MONTHS,
        removalPolicy: RemovalPolicy.DESTROY,
      });

    this.graphqlFunction = new HubFunction(this, 'GraphQL', {
      ...common,
      entry: 'functions/graphql.handler.ts',
      logGroup: logGroup('GraphQL'),
      reservedConcurrentExecutions: props.graphqlReservedConcurrency ?? 20,
      environment: { ...common.environment, DOCUMENTS_BUCKET: props.documents.bucketName },
    });
    // Only PutObject and GetObject, only under visits/: the URLs it pre-signs act with its role.
    this.graphqlFunction.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject', 's3:GetObject'],
        resources: [`${Fn.importValue(DOCUMENTS_BUCKET_ARN_EXPORT)}/visits/*`],
      }),
    );
    Validations.of(this.graphqlFunction).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${DOCUMENTS_BUCKET_ARN_EXPORT}/visits/*]`,
      reason:
        'Visit photos and drawings get names per upload; the function may only put and get objects under visits/.',
    });
    this.inquiryWebhookFunction = new HubFunction(this, 'InquiryWebhook', {
      ...common,
      entry: 'functions/inquiry-webhook.handler.ts',
      logGroup: logGroup('InquiryWebhook'),
      reservedConcurrentExecutions: 5,
      environment: { ...common.environment, INQUIRY_WEBHOOK_SECRET_ARN: secrets.inquiryWebhook.secretArn },
    });

    // GMO Sign accepts calls only from allow-listed addresses: the functions that call it run in
    // private subnets and leave through one NAT gateway with an Elastic IP (a stack output).
    this.egressIp = new ec2.CfnEIP(this, 'EgressIp', {
      domain: 'vpc',
      tags: [{ key: 'Name', value: 'gmosign-egress' }],
    });
    const vpc = new ec2.Vpc(this, 'EgressVpc', {
      availabilityZones: this.availabilityZones,
      natGateways: 1,
      natGatewayProvider: ec2.NatProvider.gateway({ eipAllocationIds: [this.egressIp.attrAllocationId] }),
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'functions', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
      ],
      // DynamoDB and S3 stay on the AWS network (and off the NAT gateway's bill).
      gatewayEndpoints: {
        DynamoDb: { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB },
        S3: { service: ec2.GatewayVpcEndpointAwsService.S3 },
      },
      flowLogs: {
        rejected: {
          destination: ec2.FlowLogDestination.toCloudWatchLogs(
            new logs.LogGroup(this, 'VpcFlowLogs', {
              retention: logs.RetentionDays.THREE_MONTHS,
              removalPolicy: RemovalPolicy.DESTROY,
            }),
          ),
          trafficType: ec2.FlowLogTrafficType.REJECT,
        },
      },
    });
    const inVpc = { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } };
    const gmosignEnvironment = {
      GMOSIGN_BASE_URL: config.gmosign.baseUrl,
      GMOSIGN_SECRET_ARN: secrets.gmosign.secretArn,
    };
    const gstaffEnvironment = {
      GSTAFF_BASE_URL: config.gstaff.baseUrl,
      GSTAFF_SECRET_ARN: secrets.gstaff.secretArn,
    };
    new CfnOutput(this, 'GmoSignAllowListIp', {
      value: this.egressIp.attrPublicIp,
      description: 'Register this address in GMO Sign’s IP allow-list.',
    });

    // The scheduled jobs of core/sync/hub-jobs.ts run in one handler (functions/hub-job.handler.ts),
    // deployed once per host of infra/scheduled-jobs.ts AWS_JOB_HOSTS with only what its jobs need.
    // The lease is renewed at every checkpoint; a killed invocation's lease frees itself a minute
    // after the function's timeout.
    const { kintone, mail } = config;
    const jobHost = (host: JobHost, timeout: Duration) => ({
      entry: 'functions/hub-job.handler.ts',
      timeout,
      logGroup: logGroup(host),
      environment: {
        ...common.environment,
        HUB_JOBS: jobsOf(host).join(','),
        JOB_LEASE_SECONDS: String(timeout.toSeconds() + 60),
      },
    });
    const kintoneEnvironment = (maxConcurrency: number) => ({
      KINTONE_MODE: 'live',
      KINTONE_BASE_URL: kintone.baseUrl,
      KINTONE_ORDERS_APP_ID: kintone.ordersAppId,
      KINTONE_VISITS_APP_ID: kintone.visitsAppId,
      KINTONE_MAX_CONCURRENCY: String(maxConcurrency),
      KINTONE_SECRET_ARN: secrets.kintone.secretArn,
    });
    // Who calls kintone, how many at once: within the domain's budget (checked below).
    const kintoneCallers = {
      // The deadline job and the outboxes, every minute, one run at a time.
      Outbox: { reservedConcurrency: 1, maxConcurrencyPerProcess: kintone.maxConcurrencyPerProcess },
      // A reconciliation reads page after page (one request at a time); two runs at once at most:
      // the scheduled incremental one and the nightly full one.
      KintoneSync: {
        reservedConcurrency: 2,
        maxConcurrencyPerProcess: Math.min(2, kintone.maxConcurrencyPerProcess),
      },
      // One notification re-reads one record.
      KintoneWebhook: { reservedConcurrency: 2, maxConcurrencyPerProcess: 1 },
    };
    assertKintoneBudget(
      Object.entries(kintoneCallers).map(([name, c]) => ({ name, ...c })),
      kintone.domainBudget,
    );
    const outbox = jobHost('Outbox', Duration.minutes(5));
    this.outboxFunction = new HubFunction(this, 'Outbox', {
      ...common,
      ...inVpc,
      ...outbox,
      reservedConcurrentExecutions: kintoneCallers.Outbox.reservedConcurrency,
      environment: {
        ...outbox.environment,
        ...kintoneEnvironment(kintoneCallers.Outbox.maxConcurrencyPerProcess),
        MAIL_FROM_ADDRESS: mail.fromAddress,
        // The signature outbox reads the PDF it sends from the document store (never from the ledger).
        DOCUMENTS_BUCKET: props.documents.bucketName,
        ...gmosignEnvironment,
      },
    });
    secrets.gmosign.grantRead(this.outboxFunction);
    this.outboxFunction.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [
          `${Fn.importValue(DOCUMENTS_BUCKET_ARN_EXPORT)}/contracts/*`,
          `${Fn.importValue(DOCUMENTS_BUCKET_ARN_EXPORT)}/signing/*`,
        ],
      }),
    );
    for (const prefix of ['contracts', 'signing'])
      Validations.of(this.outboxFunction).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${DOCUMENTS_BUCKET_ARN_EXPORT}/${prefix}/*]`,
        reason: `The signature outbox reads the document it sends, named per envelope under ${prefix}/; it writes nothing there.`,
      });
    // Only SendEmail, only from the configured identity and sender address.
    this.outboxFunction.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [this.formatArn({ service: 'ses', resource: 'identity', resourceName: mail.identity })],
        conditions: { StringEquals: { 'ses:FromAddress': mail.fromAddress } },
      }),
    );
    secrets.kintone.grantRead(this.outboxFunction);

    // The G-Staff sync: every 15 minutes, so lookups never wait on G-Staff.
    const gstaffMirror = jobHost('GStaffMirror', Duration.minutes(5));
    this.gstaffMirrorFunction = new HubFunction(this, 'GStaffMirror', {
      ...common,
      ...gstaffMirror,
      reservedConcurrentExecutions: 1,
      environment: { ...gstaffMirror.environment, ...gstaffEnvironment },
    });
    secrets.gstaff.grantRead(this.gstaffMirrorFunction);

    // The kintone reconciliations (docs/sync.md): incremental every 5 minutes, full every night
    // (the full run also finds records deleted in kintone). Not in the VPC: kintone needs no
    // fixed address.
    const kintoneSync = jobHost('KintoneSync', Duration.minutes(15));
    this.kintoneSyncFunction = new HubFunction(this, 'KintoneSync', {
      ...common,
      ...kintoneSync,
      reservedConcurrentExecutions: kintoneCallers.KintoneSync.reservedConcurrency,
      environment: {
        ...kintoneSync.environment,
        ...kintoneEnvironment(kintoneCallers.KintoneSync.maxConcurrencyPerProcess),
        SYNC_OVERLAP_SECONDS: '60',
      },
    });
    secrets.kintone.grantRead(this.kintoneSyncFunction);

    // The kintone webhook: only a hint to re-read one record now (the path secret is in the kintone
    // secret's webhookSecret key).
    this.kintoneWebhookFunction = new HubFunction(this, 'KintoneWebhook', {
      ...common,
      entry: 'functions/kintone-webhook.handler.ts',
      logGroup: logGroup('KintoneWebhook'),
      reservedConcurrentExecutions: kintoneCallers.KintoneWebhook.reservedConcurrency,
      environment: {
        ...common.environment,
        ...kintoneEnvironment(kintoneCallers.KintoneWebhook.maxConcurrencyPerProcess),
      },
    });
    secrets.kintone.grantRead(this.kintoneWebhookFunction);

    // A G-Staff client-register export dropped under gstaff-imports/incoming/ of the documents
    // bucket is imported by the same code as `npm run gstaff:import` (functions/gstaff-csv-import.handler.ts).
    this.gstaffCsvImportFunction = new HubFunction(this, 'GStaffCsvImport', {
      ...common,
      entry: 'functions/gstaff-csv-import.handler.ts',
      timeout: Duration.minutes(5),
      logGroup: logGroup('GStaffCsvImport'),
      reservedConcurrentExecutions: 2,
      environment: { ...common.environment, DOCUMENTS_BUCKET: props.documents.bucketName },
    });
    const gstaffImports = `${Fn.importValue(DOCUMENTS_BUCKET_ARN_EXPORT)}/gstaff-imports`;
    // Reads the export and its tags, tags it when done; writes its report; nothing else.
    this.gstaffCsvImportFunction.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject', 's3:GetObjectTagging', 's3:PutObjectTagging'],
        resources: [`${gstaffImports}/incoming/*`],
      }),
    );
    this.gstaffCsvImportFunction.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['s3:PutObject'], resources: [`${gstaffImports}/reports/*`] }),
    );
    for (const prefix of ['incoming', 'reports'])
      Validations.of(this.gstaffCsvImportFunction).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${DOCUMENTS_BUCKET_ARN_EXPORT}/gstaff-imports/${prefix}/*]`,
        reason:
          'G-Staff exports are dropped under names of the operators’ choosing; the function reads and tags them under gstaff-imports/incoming/ and writes its reports under gstaff-imports/reports/ only.',
      });

    // The scheduled jobs: adding one is one entry (failure handling and alarms come with it).
    // Every job of AWS_JOB_HOSTS is in exactly one rate schedule (test/infra.test.ts).
    this.jobs = new ScheduledJobs(this, 'Jobs')
      .add({
        id: 'OutboxSchedule',
        description: 'Run the deadline job and deliver the kintone, mail and e-signature outboxes',
        every: Duration.minutes(1),
        fn: this.outboxFunction,
        input: { jobs: jobsOf('Outbox') },
      })
      .add({
        id: 'GStaffMirrorSchedule',
        description:
          'Sync the G-Staff client register (incremental) and the worker register; write the basic contracts’ retention deadlines to G-Staff',
        every: Duration.minutes(15),
        fn: this.gstaffMirrorFunction,
        input: { jobs: jobsOf('GStaffMirror') },
      })
      .add({
        id: 'KintoneSyncSchedule',
        description: 'Reconcile the kintone orders and visit-records apps (incremental)',
        every: Duration.minutes(5),
        fn: this.kintoneSyncFunction,
        input: { jobs: jobsOf('KintoneSync') },
      })
      .add({
        id: 'KintoneFullSyncSchedule',
        description: 'Reconcile the kintone apps in full at night (finds deleted records)',
        cron: { minute: '30', hour: '3', maxEventAge: Duration.hours(1) },
        fn: this.kintoneSyncFunction,
        input: { jobs: jobsOf('KintoneSync'), full: true },
      });

    this.gmosignWebhookFunction = new HubFunction(this, 'GmoSignWebhook', {
      ...common,
      ...inVpc,
      entry: 'functions/gmosign-webhook.handler.ts',
      logGroup: logGroup('GmoSignWebhook'),
      reservedConcurrentExecutions: 5,
      environment: {
        ...common.environment,
        ...gmosignEnvironment,
        DOCUMENTS_BUCKET: props.documents.bucketName,
      },
    });
    secrets.gmosign.grantRead(this.gmosignWebhookFunction);
    // Only PutObject, only under signed/: the callback keeps signed contracts, it reads nothing.
    this.gmosignWebhookFunction.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [`${Fn.importValue(DOCUMENTS_BUCKET_ARN_EXPORT)}/signed/*`],
      }),
    );
    Validations.of(this.gmosignWebhookFunction).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${DOCUMENTS_BUCKET_ARN_EXPORT}/signed/*]`,
      reason: 'Signed contracts get names per envelope; the function may only put objects under signed/.',
    });

    // The approval workflows (Step Functions Standard) and the one function their task steps run.
    // It calls GMO Sign (the signature lookup) and G-Staff (contract storage): in the egress VPC.
    this.workflowTasksFunction = new HubFunction(this, 'WorkflowTasks', {
      ...common,
      ...inVpc,
      entry: 'functions/workflow-tasks.handler.ts',
      timeout: Duration.seconds(60),
      logGroup: logGroup('WorkflowTasks'),
      reservedConcurrentExecutions: 10,
      environment: {
        ...common.environment,
        ...gmosignEnvironment,
        ...gstaffEnvironment,
        DOCUMENTS_BUCKET: props.documents.bucketName,
      },
    });
    secrets.gmosign.grantRead(this.workflowTasksFunction);
    secrets.gstaff.grantRead(this.workflowTasksFunction);
    // Reads the non-standard contract it sends and the signed PDF it stores in G-Staff; writes the
    // signed PDF when its lookup finds the signature first.
    this.workflowTasksFunction.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject'],
        resources: [
          `${Fn.importValue(DOCUMENTS_BUCKET_ARN_EXPORT)}/signed/*`,
          `${Fn.importValue(DOCUMENTS_BUCKET_ARN_EXPORT)}/contracts/*`,
        ],
      }),
    );
    const days = (n: number) => Duration.days(n);
    this.workflows = new ApprovalWorkflows(this, 'Workflows', {
      tasksFunction: this.workflowTasksFunction,
      approvalTimeout: props.approvalTimeout ?? days(config.workflows.approvalTimeoutDays),
      signaturePollInterval:
        props.signaturePollInterval ?? Duration.minutes(config.workflows.signaturePollMinutes),
      signatureWait: props.signatureWait ?? days(config.workflows.signatureWaitDays),
      executionTimeout: days(config.workflows.executionTimeoutDays),
      logGroups: props.auditLogs.workflows,
    });
    // An execution stopped from outside its definition (the overall timeout, or aborted by hand)
    // never reaches its RecordFailure step: the hub records it all the same, by the same task.
    new events.Rule(this, 'RecordStoppedExecutions', {
      description: 'Record an approval workflow that timed out or was aborted as a failed application',
      eventPattern: {
        source: ['aws.states'],
        detailType: ['Step Functions Execution Status Change'],
        detail: {
          status: ['TIMED_OUT', 'ABORTED'],
          stateMachineArn: Object.values(this.workflows.machines()).map((m) => m.stateMachineArn),
        },
      },
      targets: [
        new eventTargets.LambdaFunction(this.workflowTasksFunction, {
          // The execution's name is the application id (integrations/stepfunctions).
          event: events.RuleTargetInput.fromObject({
            task: 'application.fail',
            applicationId: events.EventField.fromPath('$.detail.name'),
            error: { Error: 'ExecutionStopped', Cause: events.EventField.fromPath('$.detail.status') },
          }),
          deadLetterQueue: this.jobs.failedRuns,
          retryAttempts: 4,
          maxEventAge: Duration.hours(2),
        }),
      ],
    });
    // The documents bucket's "Object Created" events under gstaff-imports/incoming/ start an import;
    // a run refused while a sync holds the mirror's lease is retried by Lambda, then kept in the
    // on-failure queue (alarmed).
    new events.Rule(this, 'GStaffCsvDropped', {
      description: 'Import a G-Staff client-register CSV export dropped on S3',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: {
          bucket: { name: [props.documents.bucketName] },
          object: { key: [{ prefix: 'gstaff-imports/incoming/' }] },
        },
      },
      targets: [
        new eventTargets.LambdaFunction(this.gstaffCsvImportFunction, {
          deadLetterQueue: this.jobs.failedRuns,
          retryAttempts: 4,
          maxEventAge: Duration.hours(2),
        }),
      ],
    });
    this.gstaffCsvImportFunction.configureAsyncInvoke({
      onFailure: new destinations.SqsDestination(this.jobs.failedRuns),
      retryAttempts: 2,
      maxEventAge: Duration.hours(1),
    });
    this.workflowTasksFunction.configureAsyncInvoke({
      onFailure: new destinations.SqsDestination(this.jobs.failedRuns),
      retryAttempts: 2,
      maxEventAge: Duration.hours(1),
    });
    // <WORKFLOW>_STATE_MACHINE_ARN for each workflow (functions/composition.ts reads them).
    const machines = Object.entries(this.workflows.byWorkflow).map(
      ([workflow, machine]) => [`${workflow}_STATE_MACHINE_ARN`, machine] as const,
    );
    // The API starts executions and releases waiting approvals (the decision handler); the GMO Sign
    // callback releases the contract workflow waiting for a signature (the signer's "decision").
    for (const [variable, machine] of machines) {
      machine.grantStartExecution(this.graphqlFunction);
      // The scheduled outbox run starts again an execution whose first start failed (idempotent by name).
      machine.grantStartExecution(this.outboxFunction);
      this.outboxFunction.addEnvironment(variable, machine.stateMachineArn);
      machine.grantTaskResponse(this.graphqlFunction);
      this.graphqlFunction.addEnvironment(variable, machine.stateMachineArn);
      this.gmosignWebhookFunction.addEnvironment(variable, machine.stateMachineArn);
    }
    this.workflows.contractExecution.grantTaskResponse(this.gmosignWebhookFunction);
    this.workflows.byWorkflow.INDIVIDUAL_CONTRACT.grantTaskResponse(this.gmosignWebhookFunction);
    // Contract PDFs the reps upload (non-standard texts) are pre-signed by the API's role.
    this.graphqlFunction.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject', 's3:GetObject'],
        resources: [`${Fn.importValue(DOCUMENTS_BUCKET_ARN_EXPORT)}/contracts/*`],
      }),
    );
    // The contracts register's downloads (A6-5): signed PDFs are read through URLs the API pre-signs.
    this.graphqlFunction.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [`${Fn.importValue(DOCUMENTS_BUCKET_ARN_EXPORT)}/signed/*`],
      }),
    );
    Validations.of(this.graphqlFunction).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${DOCUMENTS_BUCKET_ARN_EXPORT}/signed/*]`,
      reason: 'Signed contracts are named per envelope; the API may only get them (for an audited download).',
    });
    // The clients' legal PDFs (conflict-date notices, hearing records, treatment information, A5-3)
    // are uploaded and read through URLs the API pre-signs, under legal/ only.
    this.graphqlFunction.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject', 's3:GetObject'],
        resources: [`${Fn.importValue(DOCUMENTS_BUCKET_ARN_EXPORT)}/legal/*`],
      }),
    );
    Validations.of(this.graphqlFunction).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${DOCUMENTS_BUCKET_ARN_EXPORT}/legal/*]`,
      reason:
        'Each client PDF (conflict-date notice, hearing record, treatment information) gets its own key; the function may only put and get objects under legal/.',
    });
    const workflowTasksId = this.getLogicalId(
      this.workflowTasksFunction.node.defaultChild as lambda.CfnFunction,
    );
    Validations.of(this.workflows).acknowledge(
      {
        id: `AwsSolutions-IAM5[Resource::<${workflowTasksId}.Arn>:*]`,
        reason:
          'Step Functions invokes the task function by any version or alias of it (the CDK grant for LambdaInvoke).',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'X-Ray tracing and CloudWatch Logs delivery of a state machine support no resource-level permissions.',
      },
    );
    for (const prefix of ['signed', 'contracts']) {
      Validations.of(this.workflowTasksFunction).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${DOCUMENTS_BUCKET_ARN_EXPORT}/${prefix}/*]`,
        reason:
          'Contracts get names per envelope or upload; the function reaches only signed/ and contracts/.',
      });
    }
    Validations.of(this.graphqlFunction).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${DOCUMENTS_BUCKET_ARN_EXPORT}/contracts/*]`,
      reason:
        'Non-standard contract PDFs get names per upload; the API may only put and get them under contracts/.',
    });

    this.grantLedger(props.table);
    secrets.inquiryWebhook.grantRead(this.inquiryWebhookFunction);

    this.api = new apigw.HttpApi(this, 'Api', {
      description: 'Dispatch hub: GraphQL and webhooks',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: config.frontEndOrigins,
        allowMethods: [apigw.CorsHttpMethod.GET, apigw.CorsHttpMethod.POST],
        allowHeaders: ['authorization', 'content-type', 'x-graphql-yoga-csrf'],
        maxAge: Duration.hours(1),
      },
    });
    const api = this.api;
    const stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
    });
    const cfnStage = stage.node.defaultChild as apigw.CfnStage;
    // Who called (source IP, Cognito subject), what, and how the function answered. Never the raw
    // path: the GMO Sign callback's path carries its secret (routeKey shows the template).
    cfnStage.accessLogSettings = {
      destinationArn: props.auditLogs.apiAccess.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        requestTime: '$context.requestTimeEpoch',
        sourceIp: '$context.identity.sourceIp',
        userAgent: '$context.identity.userAgent',
        user: '$context.authorizer.claims.sub',
        routeKey: '$context.routeKey',
        status: '$context.status',
        latency: '$context.responseLatency',
        integrationStatus: '$context.integrationStatus',
        integrationLatency: '$context.integrationLatency',
        integrationError: '$context.integrationErrorMessage',
        authorizerError: '$context.authorizer.error',
      }),
    };
    cfnStage.routeSettings = WEBHOOK_THROTTLES;

    const authorizer = new HttpJwtAuthorizer(
      'Cognito',
      `https://cognito-idp.${this.region}.amazonaws.com/${props.userPool.userPoolId}`,
      { jwtAudience: [props.userPoolClient.userPoolClientId] },
    );
    api.addRoutes({
      path: '/graphql',
      methods: [apigw.HttpMethod.GET, apigw.HttpMethod.POST],
      integration: new HttpLambdaIntegration('GraphQLIntegration', this.graphqlFunction),
      authorizer,
    });
    const webhookRoutes = api.addRoutes({
      path: '/webhooks/inquiry',
      methods: [apigw.HttpMethod.POST],
      integration: new HttpLambdaIntegration('InquiryWebhookIntegration', this.inquiryWebhookFunction),
    });
    const gmosignRoutes = api.addRoutes({
      path: '/webhooks/gmosign/{secret}',
      methods: [apigw.HttpMethod.POST],
      integration: new HttpLambdaIntegration('GmoSignWebhookIntegration', this.gmosignWebhookFunction),
    });
    const kintoneRoutes = api.addRoutes({
      path: '/webhooks/kintone/{secret}',
      methods: [apigw.HttpMethod.POST],
      integration: new HttpLambdaIntegration('KintoneWebhookIntegration', this.kintoneWebhookFunction),
    });
    for (const route of kintoneRoutes) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'kintone signs no webhook; it is authenticated by a secret path segment (constant-time compare) and only taken as a hint (the record is re-read with the hub’s token).',
      });
    }
    // The throttled routes exist (a route setting for a missing route fails the deploy).
    for (const route of [...webhookRoutes, ...gmosignRoutes, ...kintoneRoutes])
      stage.node.addDependency(route);
    for (const route of gmosignRoutes) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'GMO Sign documents no callback signature; the callback is authenticated by a secret path segment and only taken as a hint (confirmed by lookup).',
      });
    }
    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });

    this.monitoring = new Monitoring(this, 'Monitoring', {
      functions: {
        GraphQL: this.graphqlFunction,
        InquiryWebhook: this.inquiryWebhookFunction,
        Outbox: this.outboxFunction,
        GStaffMirror: this.gstaffMirrorFunction,
        KintoneSync: this.kintoneSyncFunction,
        KintoneWebhook: this.kintoneWebhookFunction,
        GStaffCsvImport: this.gstaffCsvImportFunction,
        GmoSignWebhook: this.gmosignWebhookFunction,
        WorkflowTasks: this.workflowTasksFunction,
      },
      stateMachines: this.workflows.machines(),
      api,
      jobs: this.jobs,
      alarmEmail: config.alarmEmail,
      serviceName,
      gstaffMirrorMaxAge: Duration.minutes(config.alarms.gstaffMirrorMaxAgeMinutes),
      oldestApprovalMaxAge: Duration.days(config.alarms.oldestApprovalMaxAgeDays),
    });

    // Every cdk-nag acknowledgement carries its reason.
    for (const route of webhookRoutes) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'The website form cannot hold a Cognito token; the webhook is authenticated by its HMAC signature (X-Signature) in the function.',
      });
    }
    for (const fn of [this.outboxFunction, this.gmosignWebhookFunction, this.workflowTasksFunction]) {
      Validations.of(fn).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole]',
        reason:
          'AWSLambdaVPCAccessExecutionRole only manages the network interfaces a function in a VPC needs.',
      });
    }
    for (const { fn } of this.jobs.jobs) {
      const fnId = this.getLogicalId(fn.node.defaultChild as lambda.CfnFunction);
      Validations.of(this).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${fnId}.Arn>:*]`,
        reason:
          'The scheduler may invoke any version of this scheduled function (its ARN with :*), nothing else.',
      });
    }
    for (const fn of this.functions()) {
      Validations.of(fn).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: 'AWSLambdaBasicExecutionRole only allows writing CloudWatch logs.',
      });
      Validations.of(fn).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'X-Ray tracing (xray:PutTraceSegments, PutTelemetryRecords) supports no resource-level permissions.',
      });
      for (const rule of ['AwsSolutions-L1', 'Serverless-LambdaLatestVersion'])
        Validations.of(fn).acknowledge({
          id: rule,
          reason:
            'nodejs22.x is pinned on purpose: the code must also run on the Node 20 of the development machines (docs/architecture.md).',
        });
      const asynchronous =
        this.jobs.jobs.some((job) => job.fn === fn) ||
        fn === this.workflowTasksFunction ||
        fn === this.gstaffCsvImportFunction;
      Validations.of(fn).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason: asynchronous
          ? 'Its asynchronous invocations (a schedule, a stopped workflow to record, a dropped G-Staff export) have an on-failure destination (SQS, alarmed), which records more than a dead-letter queue would.'
          : 'Invoked synchronously only (API Gateway); the caller receives the error, so a dead-letter queue would never receive anything.',
      });
    }
  }

  /**
   * Each function's own grant on the ledger. The inquiry webhook, reachable without a user, gets
   * only the keys it reads and writes (INQUIRY_WEBHOOK_LEDGER); the others read and write the
   * ledger through the adapter's actions (never Scan, Update or Delete).
   */
  private grantLedger(table: dynamodb.ITableV2) {
    const index = (name: GsiName) => `${table.tableArn}/index/${name}`;
    const webhook = INQUIRY_WEBHOOK_LEDGER;
    const leadingKeys = (prefixes: string[]) => ({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': prefixes },
    });
    this.inquiryWebhookFunction.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:GetItem'],
        resources: [table.tableArn],
        conditions: leadingKeys(webhook.get),
      }),
    );
    this.inquiryWebhookFunction.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:PutItem'],
        resources: [table.tableArn],
        conditions: leadingKeys(webhook.put),
      }),
    );
    this.inquiryWebhookFunction.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['dynamodb:Query'], resources: webhook.queryIndexes.map(index) }),
    );
    // The kintone webhook, reachable with a path secret only: the keys of KINTONE_WEBHOOK_LEDGER.
    const kintoneWebhook = KINTONE_WEBHOOK_LEDGER;
    this.kintoneWebhookFunction.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem'],
        resources: [table.tableArn],
        conditions: leadingKeys(kintoneWebhook.get),
      }),
    );
    this.kintoneWebhookFunction.addToRolePolicy(
      new iam.PolicyStatement({
        actions: LEDGER_WRITE,
        resources: [table.tableArn],
        conditions: leadingKeys(kintoneWebhook.put),
      }),
    );
    this.kintoneWebhookFunction.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: kintoneWebhook.queryIndexes.map(index),
      }),
    );
    const whole = [table.tableArn, ...GSI_NAMES.map(index)];
    for (const fn of this.functions()) {
      if (fn === this.inquiryWebhookFunction || fn === this.kintoneWebhookFunction) continue;
      fn.addToRolePolicy(
        new iam.PolicyStatement({ actions: [...LEDGER_READ, ...LEDGER_WRITE], resources: whole }),
      );
    }
    // The API reads a page's rows in batches: PartiQL SELECT with `IN` on a partition key, never a scan.
    this.graphqlFunction.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['dynamodb:PartiQLSelect'], resources: whole }),
    );
    this.graphqlFunction.addToRolePolicy(
      new iam.PolicyStatement({
        effect: iam.Effect.DENY,
        actions: ['dynamodb:PartiQLSelect'],
        resources: whole,
        conditions: { Bool: { 'dynamodb:FullTableScan': 'true' } },
      }),
    );
  }

  /**
   * Named, so a synth for the pinned account needs no AZ look-up (npm run synth stays offline);
   * every account has ap-northeast-1a and ap-northeast-1c.
   */
  override get availabilityZones(): string[] {
    return ['ap-northeast-1a', 'ap-northeast-1c'];
  }

  /** Every function of the stack; each carries the same baseline acknowledgements. */
  private functions(): HubFunction[] {
    return [
      this.graphqlFunction,
      this.inquiryWebhookFunction,
      this.outboxFunction,
      this.gstaffMirrorFunction,
      this.kintoneSyncFunction,
      this.kintoneWebhookFunction,
      this.gstaffCsvImportFunction,
      this.gmosignWebhookFunction,
      this.workflowTasksFunction,
    ];
  }
}
