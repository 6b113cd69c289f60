/**
 * Stateless resources: the HTTP API (Cognito JWT authorizer on /graphql, HMAC-authenticated
 * webhook), the Lambda functions and the webhook secret. Least privilege: each function gets
 * only the table actions its use cases perform.
 */
import { CfnOutput, Duration, Fn, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { GSI_NAMES } from '../integrations/dynamodb/table-layout.js';
import { ApprovalWorkflows } from './approval-workflows.js';
import { DOCUMENTS_BUCKET_ARN_EXPORT } from './stateful.stack.js';

export interface StatelessStackProps extends StackProps {
  table: dynamodb.ITableV2;
  /** Where signed contracts and visit photos and drawings are kept. */
  documents: s3.IBucket;
  userPool: cognito.IUserPool;
  userPoolClient: cognito.IUserPoolClient;
  /**
   * Reserved concurrency of the GraphQL function.
   * @default 20
   */
  graphqlReservedConcurrency?: number;
  /** The kintone tenant the hub writes to (KINTONE_MODE=live on AWS). */
  kintone?: KintoneTenantProps;
  /** Where e-mail comes from (SES). */
  mail?: MailProps;
  /** GMO Sign (assumed endpoints, docs/integrations/gmosign.md). */
  gmosign?: { /** @default 'https://gmosign.example.invalid' (set before deploying) */ baseUrl?: string };
  /** G-Staff's API (assumed contract, docs/integrations/gstaff.md). */
  gstaff?: { /** @default 'https://gstaff.example.invalid' (set before deploying) */ baseUrl?: string };
  /** How long an approver has before the task is escalated to the supervisors. @default 3 days */
  approvalTimeout?: Duration;
  /** How long the contract workflow waits for the signature callback before looking it up. @default 1 hour */
  signaturePollInterval?: Duration;
}

export interface MailProps {
  /** A verified SES identity: a domain or an address. @default 'example.com' (set before deploying) */
  identity?: string;
  /** The sender address, within the identity. @default 'hub@example.com' */
  fromAddress?: string;
}

export interface KintoneTenantProps {
  /** `https://<subdomain>.cybozu.com`. @default 'https://example.cybozu.com' (set before deploying) */
  baseUrl?: string;
  /** @default '1' */
  ordersAppId?: string;
  /** @default '2' */
  visitsAppId?: string;
  /**
   * Requests to kintone in flight per process (the adapter's cap).
   * @default 10
   */
  maxConcurrencyPerProcess?: number;
  /**
   * The share of kintone's 100 concurrent requests per domain this hub may use; the synth fails
   * when reserved concurrency × per-process cap of the functions calling kintone exceeds it.
   * @default 30
   */
  domainBudget?: number;
}

/** Read and conditional-write actions of the ledger adapter; no Scan, Update or Delete anywhere. */
const LEDGER_READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
const LEDGER_WRITE = ['dynamodb:PutItem', 'dynamodb:ConditionCheckItem'];

export class StatelessStack extends Stack {
  readonly graphqlFunction: NodejsFunction;
  readonly inquiryWebhookFunction: NodejsFunction;
  readonly outboxFunction: NodejsFunction;
  readonly gstaffMirrorFunction: NodejsFunction;
  readonly gmosignWebhookFunction: NodejsFunction;
  readonly workflowTasksFunction: NodejsFunction;
  readonly workflows: ApprovalWorkflows;
  /** The fixed address GMO Sign must allow-list: every call to GMO Sign leaves through it. */
  readonly egressIp: ec2.CfnEIP;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);

    const webhookSecret = new secretsmanager.Secret(this, 'InquiryWebhookSecret', {
      description: 'Shared HMAC secret of the website inquiry form (X-Signature).',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });

    const common = {
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: 1024,
      timeout: Duration.seconds(15),
      tracing: lambda.Tracing.ACTIVE,
      environment: {
        LEDGER_TABLE_NAME: props.table.tableName,
        POWERTOOLS_SERVICE_NAME: 'dispatch-hub',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        sourceMap: true,
        minify: true,
        mainFields: ['module', 'main'],
        // Some dependencies are CommonJS and call require(); give the ESM bundle one.
        banner:
          "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    };
    const logGroup = (name: string) =>
      new logs.LogGroup(this, `${name}Logs`, {
        retention: logs.RetentionDays.THREE_MONTHS,
        removalPolicy: RemovalPolicy.DESTROY,
      });

    this.graphqlFunction = new NodejsFunction(this, 'GraphQL', {
      ...common,
      entry: 'functions/graphql.handler.ts',
      handler: 'handler',
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
    this.inquiryWebhookFunction = new NodejsFunction(this, 'InquiryWebhook', {
      ...common,
      entry: 'functions/inquiry-webhook.handler.ts',
      handler: 'handler',
      logGroup: logGroup('InquiryWebhook'),
      reservedConcurrentExecutions: 5,
      environment: { ...common.environment, INQUIRY_WEBHOOK_SECRET_ARN: webhookSecret.secretArn },
    });

    // Each index by name, not <table>/index/*: the functions reach exactly what the adapter queries.
    // GMO Sign accepts calls only from allow-listed addresses: the functions that call it run in
    // private subnets and leave through one NAT gateway with an Elastic IP (a stack output).
    this.egressIp = new ec2.CfnEIP(this, 'EgressIp', {
      domain: 'vpc',
      tags: [{ key: 'Name', value: 'gmosign-egress' }],
    });
    const vpc = new ec2.Vpc(this, 'EgressVpc', {
      maxAzs: 2,
      natGateways: 1,
      natGatewayProvider: ec2.NatProvider.gateway({ eipAllocationIds: [this.egressIp.attrAllocationId] }),
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'functions', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 22 },
      ],
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
    const gmosignSecret = new secretsmanager.Secret(this, 'GmoSignCredentials', {
      description:
        'GMO Sign API credentials and callback path secret: {"customerId","secretKey","webhookSecret"}.',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ customerId: 'set-me', secretKey: 'set-me' }),
        generateStringKey: 'webhookSecret',
        excludePunctuation: true,
        passwordLength: 40,
      },
    });
    const gmosignEnvironment = {
      GMOSIGN_BASE_URL: props.gmosign?.baseUrl ?? 'https://gmosign.example.invalid',
      GMOSIGN_SECRET_ARN: gmosignSecret.secretArn,
    };
    new CfnOutput(this, 'GmoSignAllowListIp', {
      value: this.egressIp.attrPublicIp,
      description: 'Register this address in GMO Sign’s IP allow-list.',
    });

    // The outboxes (kintone writes, e-mail): one dispatcher, every minute, one at a time.
    const kintone = {
      baseUrl: 'https://example.cybozu.com',
      ordersAppId: '1',
      visitsAppId: '2',
      maxConcurrencyPerProcess: 10,
      domainBudget: 30,
      ...props.kintone,
    };
    const kintoneSecret = new secretsmanager.Secret(this, 'KintoneApiTokens', {
      description:
        'kintone API tokens of the orders and visit-records apps: {"ordersApiToken","visitsApiToken"}.',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ ordersApiToken: 'set-me', visitsApiToken: 'set-me' }),
        generateStringKey: 'placeholder',
      },
    });
    const dispatcherConcurrency = 1;
    if (dispatcherConcurrency * kintone.maxConcurrencyPerProcess > kintone.domainBudget) {
      throw new Error(
        `kintone budget exceeded: ${dispatcherConcurrency} × ${kintone.maxConcurrencyPerProcess} concurrent requests > domain budget ${kintone.domainBudget}`,
      );
    }
    const mail = { identity: 'example.com', fromAddress: 'hub@example.com', ...props.mail };
    this.outboxFunction = new NodejsFunction(this, 'Outbox', {
      ...common,
      ...inVpc,
      entry: 'functions/outbox.handler.ts',
      handler: 'handler',
      timeout: Duration.minutes(5),
      logGroup: logGroup('Outbox'),
      reservedConcurrentExecutions: dispatcherConcurrency,
      environment: {
        ...common.environment,
        KINTONE_MODE: 'live',
        KINTONE_BASE_URL: kintone.baseUrl,
        KINTONE_ORDERS_APP_ID: kintone.ordersAppId,
        KINTONE_VISITS_APP_ID: kintone.visitsAppId,
        KINTONE_MAX_CONCURRENCY: String(kintone.maxConcurrencyPerProcess),
        KINTONE_SECRET_ARN: kintoneSecret.secretArn,
        MAIL_FROM_ADDRESS: mail.fromAddress,
        ...gmosignEnvironment,
      },
    });
    gmosignSecret.grantRead(this.outboxFunction);
    // Only SendEmail, only from the configured identity and sender address.
    this.outboxFunction.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [this.formatArn({ service: 'ses', resource: 'identity', resourceName: mail.identity })],
        conditions: { StringEquals: { 'ses:FromAddress': mail.fromAddress } },
      }),
    );
    kintoneSecret.grantRead(this.outboxFunction);
    new scheduler.Schedule(this, 'OutboxSchedule', {
      description: 'Deliver the kintone and mail outboxes',
      schedule: scheduler.ScheduleExpression.rate(Duration.minutes(1)),
      target: new schedulerTargets.LambdaInvoke(this.outboxFunction, { retryAttempts: 0 }),
    });
    new CfnOutput(this, 'KintoneSecretArn', { value: kintoneSecret.secretArn });

    // The G-Staff mirror: refreshed every 15 minutes, so lookups never wait on G-Staff.
    const gstaffSecret = new secretsmanager.Secret(this, 'GStaffApiKey', {
      description: 'G-Staff API key (Authorization: Bearer).',
    });
    this.gstaffMirrorFunction = new NodejsFunction(this, 'GStaffMirror', {
      ...common,
      entry: 'functions/gstaff-mirror.handler.ts',
      handler: 'handler',
      timeout: Duration.minutes(5),
      logGroup: logGroup('GStaffMirror'),
      reservedConcurrentExecutions: 1,
      environment: {
        ...common.environment,
        GSTAFF_BASE_URL: props.gstaff?.baseUrl ?? 'https://gstaff.example.invalid',
        GSTAFF_SECRET_ARN: gstaffSecret.secretArn,
      },
    });
    gstaffSecret.grantRead(this.gstaffMirrorFunction);
    new scheduler.Schedule(this, 'GStaffMirrorSchedule', {
      description: 'Refresh the G-Staff client-register mirror',
      schedule: scheduler.ScheduleExpression.rate(Duration.minutes(15)),
      target: new schedulerTargets.LambdaInvoke(this.gstaffMirrorFunction, { retryAttempts: 0 }),
    });

    this.gmosignWebhookFunction = new NodejsFunction(this, 'GmoSignWebhook', {
      ...common,
      ...inVpc,
      entry: 'functions/gmosign-webhook.handler.ts',
      handler: 'handler',
      logGroup: logGroup('GmoSignWebhook'),
      reservedConcurrentExecutions: 5,
      environment: {
        ...common.environment,
        ...gmosignEnvironment,
        DOCUMENTS_BUCKET: props.documents.bucketName,
      },
    });
    gmosignSecret.grantRead(this.gmosignWebhookFunction);
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
    this.workflowTasksFunction = new NodejsFunction(this, 'WorkflowTasks', {
      ...common,
      ...inVpc,
      entry: 'functions/workflow-tasks.handler.ts',
      handler: 'handler',
      timeout: Duration.seconds(60),
      logGroup: logGroup('WorkflowTasks'),
      reservedConcurrentExecutions: 10,
      environment: {
        ...common.environment,
        ...gmosignEnvironment,
        GSTAFF_BASE_URL: props.gstaff?.baseUrl ?? 'https://gstaff.example.invalid',
        GSTAFF_SECRET_ARN: gstaffSecret.secretArn,
        DOCUMENTS_BUCKET: props.documents.bucketName,
      },
    });
    gmosignSecret.grantRead(this.workflowTasksFunction);
    gstaffSecret.grantRead(this.workflowTasksFunction);
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
    this.workflows = new ApprovalWorkflows(this, 'Workflows', {
      tasksFunction: this.workflowTasksFunction,
      ...(props.approvalTimeout ? { approvalTimeout: props.approvalTimeout } : {}),
      ...(props.signaturePollInterval ? { signaturePollInterval: props.signaturePollInterval } : {}),
    });
    const machines = [
      ['CREDIT_PRECHECK_STATE_MACHINE_ARN', this.workflows.creditPrecheck],
      ['CONTRACT_EXECUTION_STATE_MACHINE_ARN', this.workflows.contractExecution],
      ['ORDER_APPROVAL_STATE_MACHINE_ARN', this.workflows.orderApproval],
    ] as const;
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
    // Contract PDFs the reps upload (non-standard texts) are pre-signed by the API's role.
    this.graphqlFunction.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject', 's3:GetObject'],
        resources: [`${Fn.importValue(DOCUMENTS_BUCKET_ARN_EXPORT)}/contracts/*`],
      }),
    );
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

    const tableResources = [
      props.table.tableArn,
      ...GSI_NAMES.map((name) => `${props.table.tableArn}/index/${name}`),
    ];
    for (const fn of this.functions()) {
      fn.addToRolePolicy(
        new iam.PolicyStatement({ actions: [...LEDGER_READ, ...LEDGER_WRITE], resources: tableResources }),
      );
    }
    webhookSecret.grantRead(this.inquiryWebhookFunction);

    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const api = new apigw.HttpApi(this, 'Api', {
      description: 'Dispatch hub: GraphQL and webhooks',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: ['https://hub.example.invalid'],
        allowMethods: [apigw.CorsHttpMethod.GET, apigw.CorsHttpMethod.POST],
        allowHeaders: ['authorization', 'content-type', 'x-graphql-yoga-csrf'],
        maxAge: Duration.hours(1),
      },
    });
    const stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
    });
    const cfnStage = stage.node.defaultChild as apigw.CfnStage;
    cfnStage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        routeKey: '$context.routeKey',
        status: '$context.status',
        latency: '$context.responseLatency',
        integrationError: '$context.integrationErrorMessage',
      }),
    };

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
    for (const route of gmosignRoutes) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'GMO Sign documents no callback signature; the callback is authenticated by a secret path segment and only taken as a hint (confirmed by lookup).',
      });
    }
    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
    new CfnOutput(this, 'InquiryWebhookSecretArn', { value: webhookSecret.secretArn });

    // Every cdk-nag acknowledgement carries its reason.
    for (const route of webhookRoutes) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'The website form cannot hold a Cognito token; the webhook is authenticated by its HMAC signature (X-Signature) in the function.',
      });
    }
    Validations.of(webhookSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Shared with the website vendor, who cannot follow an automatic rotation; rotated by the documented manual procedure.',
    });
    Validations.of(kintoneSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'kintone API tokens are issued in kintone’s app settings and cannot be rotated by a Lambda; rotated by procedure.',
    });
    for (const fn of [this.outboxFunction, this.gmosignWebhookFunction, this.workflowTasksFunction]) {
      Validations.of(fn).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole]',
        reason:
          'AWSLambdaVPCAccessExecutionRole only manages the network interfaces a function in a VPC needs.',
      });
    }
    Validations.of(gmosignSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'GMO Sign credentials are issued by GMO and cannot be rotated by a Lambda; rotated by procedure.',
    });
    Validations.of(gstaffSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The G-Staff API key is issued by the vendor and cannot be rotated by a Lambda; rotated by procedure.',
    });
    for (const scheduled of [this.outboxFunction, this.gstaffMirrorFunction]) {
      const id = this.getLogicalId(scheduled.node.defaultChild as lambda.CfnFunction);
      Validations.of(this).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${id}.Arn>:*]`,
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
      Validations.of(fn).acknowledge({
        id: 'AwsSolutions-L1',
        reason:
          'nodejs22.x is pinned on purpose: the code must also run on the Node 20 of the development machines (architecture.md).',
      });
    }
  }

  /** Every function of the stack: each reads and writes the ledger and carries the same acknowledgements. */
  private functions(): NodejsFunction[] {
    return [
      this.graphqlFunction,
      this.inquiryWebhookFunction,
      this.outboxFunction,
      this.gstaffMirrorFunction,
      this.gmosignWebhookFunction,
      this.workflowTasksFunction,
    ];
  }
}
