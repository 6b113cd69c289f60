/**
 * The CDK app's behaviours that matter, asserted on the synthesized templates (bundling
 * skipped; CI runs one full `npm run synth` with bundling). cdk-nag (AwsSolutions and
 * Serverless) runs on every synth. The stacks are built from infra/config/example.json.
 */
import { readFileSync } from 'node:fs';
import { App, Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../core/access.js';
import { SYNC_JOBS } from '../core/sync/sync-model.js';
import { HUB_METRICS } from '../functions/shared/metric-names.js';
import { buildApp } from '../infra/app.js';
import { signaturePolls } from '../infra/approval-workflows.js';
import { EXAMPLE_CONFIG_FILE } from '../infra/config.js';
import { AWS_JOB_HOSTS } from '../infra/scheduled-jobs.js';
import { ROLE_GROUPS } from '../infra/stateful.stack.js';
import {
  assertKintoneBudget,
  INQUIRY_WEBHOOK_LEDGER,
  KINTONE_WEBHOOK_LEDGER,
  WEBHOOK_THROTTLES,
} from '../infra/stateless.stack.js';

// biome-ignore lint/suspicious/noExplicitAny: synthesized templates are untyped JSON
type Json = Record<string, any>;
const first = <T>(items: T[]): T => items[0] as T;
const example = (): Json => JSON.parse(readFileSync(EXAMPLE_CONFIG_FILE, 'utf8'));

/** A production configuration with no placeholder left (what a tenant file looks like). */
const production = (): Json => ({
  ...example(),
  purpose: 'production',
  account: '123456789012',
  frontEndOrigins: ['https://hub.agency.co.jp'],
  alarmEmail: 'ops@agency.co.jp',
  kintone: { baseUrl: 'https://agency.cybozu.com', ordersAppId: '12', visitsAppId: '13' },
  gmosign: { baseUrl: 'https://api.gmosign.com' },
  gstaff: { baseUrl: 'https://api.gstaff.agency.co.jp' },
  mail: { identity: 'agency.co.jp', fromAddress: 'hub@agency.co.jp' },
});

/** Builds the app (no bundling, no synth) from a tenant object in the context. */
const build = (tenant: Json, context: Json = {}) =>
  buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [], tenant, ...context } }));

let stateful: Template;
let stateless: Template;
let synthError: unknown;
let built: ReturnType<typeof buildApp>;

beforeAll(() => {
  built = buildApp(
    new App({
      context: { 'aws:cdk:bundling-stacks': [], config: EXAMPLE_CONFIG_FILE },
      outdir: `/tmp/cdk-test-${process.pid}`,
    }),
  );
  try {
    built.app.synth();
  } catch (error) {
    synthError = error;
  }
  stateful = Template.fromStack(built.stateful);
  stateless = Template.fromStack(built.stateless);
  // One synth of the whole app (three stacks) with cdk-nag: about a minute, more on a busy machine.
}, 240_000);

const policies = () => Object.entries(stateless.findResources('AWS::IAM::Policy'));
type Statement = { Effect?: string; Action: string | string[]; Resource: unknown; Condition?: Json };
const statementsOf = (policyPrefix: string): Statement[] =>
  policies()
    .filter(([id]) => id.startsWith(policyPrefix))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Statement[]);
const logicalId = (template: Template, type: string, prefix: string) =>
  Object.keys(template.findResources(type)).find((id) => id.startsWith(prefix)) as string;
/** Every function of the stateless stack, by the prefix of its logical id. */
const FUNCTIONS = [
  'GraphQL',
  'InquiryWebhook',
  'Outbox',
  'GStaffMirror',
  'KintoneSync',
  'KintoneWebhook',
  'GStaffCsvImport',
  'GmoSignWebhook',
  'WorkflowTasks',
];
const functionNamed = (prefix: string): Json =>
  stateless.findResources('AWS::Lambda::Function')[
    logicalId(stateless, 'AWS::Lambda::Function', prefix)
  ] as Json;

describe('approval workflows', () => {
  it('are Standard state machines with logging and tracing on', () => {
    const machines = stateless.findResources('AWS::StepFunctions::StateMachine');
    expect(Object.keys(machines)).toHaveLength(4);
    for (const machine of Object.values(machines)) {
      expect(machine.Properties.StateMachineType).toBe('STANDARD');
      expect(machine.Properties.TracingConfiguration).toEqual({ Enabled: true });
      expect(machine.Properties.LoggingConfiguration).toMatchObject({
        Level: 'ALL',
        IncludeExecutionData: false,
      });
    }
  });

  it('let the GraphQL function start executions (the outbox run re-starts failed starts) and release approvals; the GMO Sign callback releases signatures', () => {
    const policies = Object.entries(stateless.findResources('AWS::IAM::Policy'));
    const withAction = (action: string) =>
      policies
        .filter(([, p]) =>
          (p.Properties.PolicyDocument.Statement as { Action: string | string[] }[]).some((st) =>
            [st.Action].flat().includes(action),
          ),
        )
        .map(([id]) => id);
    expect(withAction('states:StartExecution').sort()).toEqual([
      expect.stringMatching(/^GraphQL/),
      expect.stringMatching(/^Outbox/),
    ]);
    for (const action of ['states:SendTaskSuccess', 'states:SendTaskFailure']) {
      expect(withAction(action).sort()).toEqual([
        expect.stringMatching(/^GmoSignWebhook/),
        expect.stringMatching(/^GraphQL/),
      ]);
    }
    // The callback may release only the contract workflow.
    const callbackPolicy = Object.entries(stateless.findResources('AWS::IAM::Policy')).find(([id]) =>
      id.startsWith('GmoSignWebhook'),
    )?.[1];
    const released = JSON.stringify(
      (
        (callbackPolicy?.Properties.PolicyDocument.Statement ?? []) as {
          Action: unknown;
          Resource: unknown;
        }[]
      ).filter((st) => JSON.stringify(st.Action).includes('SendTask')),
    );
    expect(released).toContain('ContractExecution');
    expect(released).toContain('IndividualContract');
    expect(released).not.toContain('CreditPrecheck');
  });
});

describe('cdk-nag AwsSolutions and Serverless', () => {
  it('passes, every exception acknowledged with a reason', () => {
    expect(synthError).toBeUndefined();
  });
});

describe('client ledger table', () => {
  it('has point-in-time recovery, deletion protection and is retained', () => {
    stateful.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          }),
        ],
        BillingMode: 'PAY_PER_REQUEST',
        // Only the remembered kintone notification ids carry the attribute.
        TimeToLiveSpecification: { AttributeName: 'expiresAtEpoch', Enabled: true },
      }),
    });
  });

  it('has the key schema and indexes the adapter queries', () => {
    stateful.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: ['gsi1', 'gsi2', 'gsi3', 'gsi4', 'gsi5'].map((name) =>
        Match.objectLike({ IndexName: name, Projection: { ProjectionType: 'ALL' } }),
      ),
    });
  });
});

describe('identity', () => {
  it('has one Cognito group per role of core/access.ts', () => {
    expect([...ROLE_GROUPS].sort()).toEqual([...ROLES].sort());
    for (const role of ROLES)
      stateful.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: role });
  });

  it('requires MFA and does not allow self sign-up', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
  });
});

describe('functions', () => {
  it('run on nodejs22.x arm64 with the table name in their environment', () => {
    const functions = stateless.findResources('AWS::Lambda::Function', {
      Properties: { Runtime: 'nodejs22.x', Architectures: ['arm64'] },
    });
    expect(Object.keys(functions)).toHaveLength(FUNCTIONS.length);
    for (const fn of Object.values(functions)) {
      expect(fn.Properties.Environment.Variables.LEDGER_TABLE_NAME).toBeDefined();
      expect(fn.Properties.ReservedConcurrentExecutions).toBeGreaterThan(0);
    }
  });

  it('get only the ledger actions the adapter uses: no Scan, Update, Delete or wildcard actions', () => {
    const policies = stateless.findResources('AWS::IAM::Policy');
    const actions = Object.values(policies).flatMap((p) =>
      (p.Properties.PolicyDocument.Statement as { Action: string | string[] }[]).flatMap((s) =>
        [s.Action].flat(),
      ),
    );
    const dynamo = [...new Set(actions.filter((a) => a.startsWith('dynamodb:')))].sort();
    // A commit is one TransactWriteItems of conditional Puts: dynamodb:PutItem per item, no ConditionCheckItem.
    expect(dynamo).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:GetItem',
      'dynamodb:PartiQLSelect',
      'dynamodb:PutItem',
      'dynamodb:Query',
    ]);
    expect(actions.some((a) => a.endsWith(':*') || a === '*')).toBe(false);
  });

  it('lets each secret be read only by the function that needs it', () => {
    const secretIds = Object.keys(stateful.findResources('AWS::SecretsManager::Secret'));
    const readersOf = (secretPrefix: string) => {
      const secretId = secretIds.find((id) => id.startsWith(secretPrefix)) as string;
      return policies()
        .filter(([, p]) => JSON.stringify(p.Properties.PolicyDocument).includes(`Ref${secretId}`))
        .map(([id]) => id);
    };
    expect(readersOf('InquiryWebhookSecret')).toEqual([expect.stringMatching(/^InquiryWebhook/)]);
    expect(readersOf('KintoneApiTokens').sort()).toEqual([
      expect.stringMatching(/^KintoneSync/),
      expect.stringMatching(/^KintoneWebhook/),
      expect.stringMatching(/^Outbox/),
    ]);
    expect(readersOf('GStaffApiKey').sort()).toEqual([
      expect.stringMatching(/^GStaffMirror/),
      expect.stringMatching(/^WorkflowTasks/),
    ]);
    stateless.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ INQUIRY_WEBHOOK_SECRET_ARN: Match.anyValue() }) },
    });
  });
});

describe('outboxes (kintone write-through, e-mail)', () => {
  it('grants ses:SendEmail only, only on the configured identity and sender', () => {
    const statements = Object.values(stateless.findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Condition?: unknown }[],
    );
    const ses = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('ses:')));
    expect(ses).toHaveLength(1);
    expect(ses[0]).toMatchObject({
      Action: 'ses:SendEmail',
      Condition: { StringEquals: { 'ses:FromAddress': 'hub@example.com' } },
    });
  });

  it('runs the outbox dispatcher every minute, one at a time, against the live tenant', () => {
    stateless.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(1 minute)' });
    stateless.hasResourceProperties('AWS::Lambda::Function', {
      ReservedConcurrentExecutions: 1,
      Environment: { Variables: Match.objectLike({ KINTONE_MODE: 'live', KINTONE_MAX_CONCURRENCY: '10' }) },
    });
  });

  it('lets the outbox read, and only read, the documents it sends for signature', () => {
    stateless.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({ KINTONE_MODE: 'live', DOCUMENTS_BUCKET: Match.anyValue() }),
      },
    });
    const statements = Object.values(stateless.findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
    );
    const reads = statements.filter((s) => [s.Action].flat().join() === 's3:GetObject');
    expect(JSON.stringify(reads)).toMatch(/\/signing\/\*/);
  });

  it('refreshes the G-Staff mirror every 15 minutes', () => {
    stateless.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(15 minutes)' });
  });

  it('refuses to synthesize when kintone calls could exceed the domain budget', () => {
    const tenant = example();
    tenant.kintone = { ...tenant.kintone, maxConcurrencyPerProcess: 40, domainBudget: 30 };
    // Every caller at its reserved concurrency × per-process cap: the outbox, both
    // reconciliations at once (incremental and nightly full), the webhook.
    expect(() => build(tenant)).toThrow(
      'kintone budget exceeded: Outbox 1 × 40 + KintoneSync 2 × 2 + KintoneWebhook 2 × 1 = 46 concurrent requests > domain budget 30',
    );
    tenant.kintone = { ...tenant.kintone, maxConcurrencyPerProcess: 24, domainBudget: 30 };
    expect(() => build(tenant)).not.toThrow();
    tenant.kintone = { ...tenant.kintone, maxConcurrencyPerProcess: 25, domainBudget: 30 };
    expect(() => build(tenant)).toThrow(/= 31 concurrent requests > domain budget 30/);
  });

  it('deploys each kintone caller with the reserved concurrency and per-process cap the budget counted', () => {
    const callers = [
      ['Outbox', 1, '10'],
      ['KintoneSync', 2, '2'],
      ['KintoneWebhook', 2, '1'],
    ] as const;
    for (const [name, reserved, perProcess] of callers) {
      const fn = functionNamed(name).Properties;
      expect(fn.ReservedConcurrentExecutions, name).toBe(reserved);
      expect(fn.Environment.Variables.KINTONE_MAX_CONCURRENCY, name).toBe(perProcess);
    }
    // The functions that do not call kintone have no kintone setting (GraphQL included: a resolved sync
    // conflict is written by the outbox, functions/graphql.handler.test.ts).
    for (const name of FUNCTIONS.filter((f) => !callers.some(([c]) => c === f)))
      expect(functionNamed(name).Properties.Environment.Variables.KINTONE_SECRET_ARN, name).toBeUndefined();
    expect(() =>
      assertKintoneBudget(
        [
          { name: 'A', reservedConcurrency: 2, maxConcurrencyPerProcess: 10 },
          { name: 'B', reservedConcurrency: 1, maxConcurrencyPerProcess: 10 },
        ],
        30,
      ),
    ).not.toThrow();
  });
});

describe('G-Staff CSV drop', () => {
  it('sends the documents bucket’s object-created events to EventBridge and expires the drops after 90 days', () => {
    const documents =
      stateful.findResources('AWS::S3::Bucket')[logicalId(stateful, 'AWS::S3::Bucket', 'Documents')]
        ?.Properties;
    expect(documents.NotificationConfiguration).toEqual({
      EventBridgeConfiguration: { EventBridgeEnabled: true },
    });
    expect(documents.LifecycleConfiguration.Rules).toContainEqual(
      expect.objectContaining({ Id: 'ExpireGStaffImports', Prefix: 'gstaff-imports/', ExpirationInDays: 90 }),
    );
  });

  it('imports an export dropped under gstaff-imports/incoming/ with its own function, retried, failures kept', () => {
    const rule = Object.values(stateless.findResources('AWS::Events::Rule')).find(
      (r) => r.Properties.EventPattern?.source?.[0] === 'aws.s3',
    )?.Properties;
    expect(rule.EventPattern).toMatchObject({
      'detail-type': ['Object Created'],
      detail: { object: { key: [{ prefix: 'gstaff-imports/incoming/' }] } },
    });
    expect(JSON.stringify(rule.EventPattern.detail.bucket.name)).toContain('Documents');
    const [target] = rule.Targets;
    expect(JSON.stringify(target.Arn)).toContain(
      logicalId(stateless, 'AWS::Lambda::Function', 'GStaffCsvImport'),
    );
    expect(target.RetryPolicy).toEqual({ MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 7200 });
    expect(JSON.stringify(target.DeadLetterConfig)).toContain('JobsFailedRuns');
  });

  it('lets the import read and tag the drops and write its reports, nothing else of the bucket', () => {
    const s3 = statementsOf('GStaffCsvImport').filter((st) =>
      [st.Action].flat().some((a) => a.startsWith('s3:')),
    );
    expect(
      s3.map((st) => [
        [st.Action].flat().sort().join(','),
        JSON.stringify(st.Resource).match(/\/gstaff-imports\/\w+\/\*/)?.[0],
      ]),
    ).toEqual([
      ['s3:GetObject,s3:GetObjectTagging,s3:PutObjectTagging', '/gstaff-imports/incoming/*'],
      ['s3:PutObject', '/gstaff-imports/reports/*'],
    ]);
    expect(functionNamed('GStaffCsvImport').Properties.Environment.Variables.DOCUMENTS_BUCKET).toBeDefined();
  });
});

describe('documents', () => {
  it('keeps signed contracts in a private, encrypted, versioned bucket that only accepts TLS', () => {
    stateful.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        VersioningConfiguration: { Status: 'Enabled' },
        PublicAccessBlockConfiguration: Match.objectLike({
          BlockPublicAcls: true,
          RestrictPublicBuckets: true,
        }),
        LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'documents/' }),
      }),
    });
  });

  it('gives each function only the document prefixes it works on', () => {
    const s3Statements = Object.entries(stateless.findResources('AWS::IAM::Policy')).flatMap(([id, p]) =>
      (p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
        .filter((s) => [s.Action].flat().some((a) => a.startsWith('s3:')))
        .map((s) => ({ policy: id.replace(/ServiceRoleDefaultPolicy[0-9A-F]{8}$/, ''), ...s })),
    );
    const prefixes = (policy: string) =>
      s3Statements
        .filter((s) => s.policy === policy)
        .flatMap((s) => [s.Resource].flat().map((r) => JSON.stringify(r).match(/\/([a-z]+)\/\*/)?.[1]))
        .sort();
    expect(new Set(s3Statements.map((s) => s.policy))).toEqual(
      new Set(['GmoSignWebhook', 'GraphQL', 'GStaffCsvImport', 'Outbox', 'WorkflowTasks']),
    );
    // gstaff-imports/incoming/* and gstaff-imports/reports/*
    expect(prefixes('GStaffCsvImport')).toEqual(['incoming', 'reports']);
    expect(prefixes('GmoSignWebhook')).toEqual(['signed']);
    expect(prefixes('Outbox')).toEqual(['contracts', 'signing']);
    expect(s3Statements.find((s) => s.policy === 'Outbox')?.Action).toBe('s3:GetObject');
    expect(prefixes('GraphQL')).toEqual(['contracts', 'legal', 'signed', 'visits']);
    expect(prefixes('WorkflowTasks')).toEqual(['contracts', 'signed']);
    expect(s3Statements.find((s) => s.policy === 'GmoSignWebhook')?.Action).toBe('s3:PutObject');
    expect(JSON.stringify(s3Statements)).toContain('DispatchHub-DocumentsBucketArn');
    expect(JSON.stringify(s3Statements)).not.toContain('s3:*');
  });

  it('gives the GraphQL function the bucket name, for the URLs it pre-signs', () => {
    const graphql = Object.entries(stateless.findResources('AWS::Lambda::Function')).find(([id]) =>
      id.startsWith('GraphQL'),
    )?.[1];
    expect(graphql?.Properties.Environment.Variables.DOCUMENTS_BUCKET).toEqual(
      expect.objectContaining({ 'Fn::ImportValue': expect.any(String) }),
    );
  });

  it('lets browsers PUT and GET by pre-signed URL from the configured front-end origins only', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      CorsConfiguration: {
        CorsRules: [
          {
            AllowedOrigins: example().frontEndOrigins,
            AllowedMethods: ['PUT', 'GET'],
            AllowedHeaders: ['content-type'],
            ExposedHeaders: ['ETag'],
            MaxAge: 3600,
          },
        ],
      },
    });
    const origins = ['https://a.agency.co.jp', 'http://localhost:5173'];
    const { stateful: s, stateless: l } = build({ ...production(), frontEndOrigins: origins });
    expect(
      Object.values(Template.fromStack(s).findResources('AWS::S3::Bucket'))
        .map((b) => b.Properties.CorsConfiguration?.CorsRules[0].AllowedOrigins)
        .filter(Boolean),
    ).toEqual([origins]);
    Template.fromStack(l).hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: origins }),
    });
  });

  it('refuses a wildcard origin, naming the setting', () => {
    expect(() => build({ ...production(), frontEndOrigins: ['*'] })).toThrow(
      /frontEndOrigins\.0: .*no wildcard/,
    );
    expect(() => build({ ...production(), frontEndOrigins: ['https://*.agency.co.jp'] })).toThrow(
      /frontEndOrigins\.0/,
    );
  });
});

describe('GMO Sign egress', () => {
  it('sends every call to GMO Sign through one NAT gateway with an Elastic IP, given as an output to allow-list', () => {
    stateless.resourceCountIs('AWS::EC2::NatGateway', 1);
    const eips = Object.keys(stateless.findResources('AWS::EC2::EIP'));
    expect(eips).toHaveLength(1);
    stateless.hasResourceProperties('AWS::EC2::NatGateway', {
      AllocationId: { 'Fn::GetAtt': [eips[0], 'AllocationId'] },
    });
    stateless.hasOutput('GmoSignAllowListIp', { Value: { 'Fn::GetAtt': [eips[0], 'PublicIp'] } });
  });

  it('runs the functions that call GMO Sign in the VPC, and only those', () => {
    const inVpc = Object.entries(stateless.findResources('AWS::Lambda::Function'))
      .filter(([, fn]) => fn.Properties.VpcConfig)
      .map(([id]) => id.replace(/[0-9A-F]{8}$/, ''));
    expect(inVpc.sort()).toEqual(['GmoSignWebhook', 'Outbox', 'WorkflowTasks']);
  });

  it('leaves the GMO Sign callback to its path secret', () => {
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'POST /webhooks/gmosign/{secret}',
      AuthorizationType: 'NONE',
    });
  });
});

describe('HTTP API', () => {
  it('protects /graphql with the Cognito JWT authorizer', () => {
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
    });
    for (const method of ['GET', 'POST']) {
      stateless.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `${method} /graphql`,
        AuthorizationType: 'JWT',
      });
    }
  });

  it('leaves the webhook to its HMAC signature and logs access', () => {
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'POST /webhooks/inquiry',
      AuthorizationType: 'NONE',
    });
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
  });
});

describe('tenant configuration and region', () => {
  const savedRegion = process.env.CDK_DEFAULT_REGION;
  afterEach(() => {
    if (savedRegion === undefined) delete process.env.CDK_DEFAULT_REGION;
    else process.env.CDK_DEFAULT_REGION = savedRegion;
  });

  it('pins both stacks to ap-northeast-1, whatever region the CLI defaults to', () => {
    process.env.CDK_DEFAULT_REGION = 'us-east-1';
    const { stateful: s, stateless: l } = build(production());
    for (const stack of [s, l, built.stateful, built.stateless]) expect(stack.region).toBe('ap-northeast-1');
    expect(JSON.stringify([stateful.toJSON(), stateless.toJSON()])).not.toMatch(/us-east-1|us-west-2/);
  });

  it('refuses any other region, naming the setting', () => {
    expect(() => build({ ...production(), region: 'us-east-1' })).toThrow(/region: must be ap-northeast-1/);
  });

  it('refuses a production configuration with a placeholder left, naming it', () => {
    expect(() => build({ ...production(), gstaff: { baseUrl: 'https://gstaff.example.invalid' } })).toThrow(
      /placeholder values remain in gstaff\.baseUrl/,
    );
    expect(() =>
      build({ ...production(), mail: { identity: 'example.com', fromAddress: 'hub@example.com' } }),
    ).toThrow(/mail\.identity, mail\.fromAddress/);
    expect(() => build({ ...production(), account: '000000000000' })).toThrow(/account/);
  });

  it('names a malformed setting', () => {
    const tenant = production();
    tenant.kintone = { ...tenant.kintone, baseUrl: 'https://agency.cybozu.com/k/12' };
    expect(() => build(tenant)).toThrow(/kintone\.baseUrl: must be https:\/\/<subdomain>\.cybozu\.com/);
    expect(() => build({ ...production(), alarmEmail: 'nobody' })).toThrow(/alarmEmail: must be an e-mail/);
    expect(() => buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [] } }))).toThrow(
      /no tenant configuration: pass -c config=/,
    );
  });

  it('wires every tenant setting into the functions', () => {
    const tenant = production();
    const template = Template.fromStack(build(tenant).stateless);
    const env = Object.values(template.findResources('AWS::Lambda::Function')).map(
      (f) => f.Properties.Environment.Variables,
    );
    const values = JSON.stringify(env);
    for (const expected of [
      tenant.kintone.baseUrl,
      tenant.gmosign.baseUrl,
      tenant.gstaff.baseUrl,
      tenant.mail.fromAddress,
    ])
      expect(values).toContain(expected);
    expect(values).not.toMatch(/example/);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: tenant.alarmEmail,
    });
    expect(JSON.stringify(template.toJSON())).toContain(`identity/${tenant.mail.identity}`);
  });

  it('binds the example configuration to an account nobody has and to a rule CloudFormation refuses', () => {
    expect(built.stateless.account).toBe('000000000000');
    for (const template of [stateful, stateless])
      expect(template.toJSON().Rules.ExampleConfigurationIsNotDeployable.Assertions).toEqual([
        expect.objectContaining({ Assert: { 'Fn::Equals': ['example', 'deployable'] } }),
      ]);
    expect(
      Template.fromStack(build(production()).stateless).toJSON().Rules.ExampleConfigurationIsNotDeployable,
    ).toBeUndefined();
  });
});

describe('identity: access comes from the staff directory', () => {
  it('gives the user pool no custom attribute (no department or role a user could set)', () => {
    const pool = first(Object.values(stateful.findResources('AWS::Cognito::UserPool')));
    expect(JSON.stringify(pool.Properties.Schema ?? [])).not.toContain('custom');
  });

  it('lets staff write only display settings, never an attribute that grants access', () => {
    stateful.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      WriteAttributes: ['locale', 'zoneinfo'],
      ReadAttributes: ['email', 'email_verified'],
    });
  });

  it('allows no implicit flow and no aws.cognito.signin.user.admin scope (the hosted UI: test/console-hosting.test.ts)', () => {
    const client = first(Object.values(stateful.findResources('AWS::Cognito::UserPoolClient'))).Properties;
    expect(client.AllowedOAuthFlows).toEqual(['code']);
    expect(client.AllowedOAuthScopes).not.toContain('aws.cognito.signin.user.admin');
    expect(client.ExplicitAuthFlows).toEqual(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
  });
});

describe('alarms and dashboard', () => {
  const topicId = () => logicalId(stateless, 'AWS::SNS::Topic', 'MonitoringOperatorAlarms');
  const alarms = () =>
    Object.values(stateless.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
  const alarmNamed = (name: string) =>
    alarms().find((a) => a.AlarmName === `DispatchHubStateless-${name}`) as Json | undefined;

  it('has one operators’ topic, encrypted, with the configured e-mail subscribed', () => {
    stateless.resourceCountIs('AWS::SNS::Topic', 1);
    stateless.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    stateless.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: example().alarmEmail,
      RedrivePolicy: Match.anyValue(),
    });
  });

  it('sends every alarm to the topic', () => {
    expect(alarms().length).toBeGreaterThan(20);
    for (const alarm of alarms()) expect(alarm.AlarmActions).toEqual([{ Ref: topicId() }]);
  });

  it('alarms on each function’s errors and throttles', () => {
    for (const fn of FUNCTIONS)
      for (const kind of ['Errors', 'Throttles']) {
        const alarm = alarmNamed(`${fn}${kind}`);
        expect(alarm, `${fn}${kind}`).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: kind });
        expect(JSON.stringify(alarm?.Dimensions)).toContain(fn);
      }
  });

  it('alarms on state machine failures and time-outs, API 5xx and Scheduler target errors', () => {
    for (const machine of ['CreditPrecheck', 'ContractExecution', 'OrderApproval', 'IndividualContract']) {
      expect(alarmNamed(`${machine}Failed`)).toMatchObject({ MetricName: 'ExecutionsFailed' });
      expect(alarmNamed(`${machine}TimedOut`)).toMatchObject({ MetricName: 'ExecutionsTimedOut' });
    }
    expect(alarmNamed('Api5xx')).toMatchObject({ Namespace: 'AWS/ApiGateway', MetricName: '5xx' });
    expect(alarmNamed('SchedulerTargetErrors')).toMatchObject({
      Namespace: 'AWS/Scheduler',
      MetricName: 'TargetErrorCount',
    });
  });

  it('alarms on the hub’s own numbers: outbox gave up, G-Staff mirror stale, oldest approval', () => {
    const hub = {
      Namespace: HUB_METRICS.namespace,
      Dimensions: [{ Name: 'service', Value: 'dispatch-hub' }],
    };
    expect(alarmNamed('OutboxGaveUp')).toMatchObject({
      ...hub,
      MetricName: HUB_METRICS.outboxGaveUp,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(alarmNamed('GStaffMirrorStale')).toMatchObject({
      ...hub,
      MetricName: HUB_METRICS.gstaffMirrorRefreshed,
      Period: 3600,
      ComparisonOperator: 'LessThanThreshold',
      TreatMissingData: 'breaching',
    });
    expect(alarmNamed('OldestApprovalWaiting')).toMatchObject({
      ...hub,
      MetricName: HUB_METRICS.oldestOpenApprovalAgeHours,
      Threshold: 5 * 24,
    });
  });

  it('has a dashboard of the same alarms', () => {
    const body = JSON.stringify(first(Object.values(stateless.findResources('AWS::CloudWatch::Dashboard'))));
    for (const name of [
      'OutboxGaveUp',
      'GStaffMirrorStale',
      'OldestApprovalWaiting',
      'Api5xx',
      'GraphQLErrors',
    ])
      expect(body).toContain(name);
  });
});

describe('3-year retention', () => {
  it('backs the table up: daily for 35 days, monthly for 3 years, in a locked vault', () => {
    stateful.hasResource('AWS::Backup::BackupVault', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        LockConfiguration: { MinRetentionDays: 35, MaxRetentionDays: 1096 + 31, ChangeableForDays: 3 },
      }),
    });
    stateful.hasResourceProperties('AWS::Backup::BackupPlan', {
      BackupPlan: Match.objectLike({
        BackupPlanRule: Match.arrayWith([
          Match.objectLike({ RuleName: 'Daily', Lifecycle: { DeleteAfterDays: 35 } }),
          Match.objectLike({ RuleName: 'Monthly', Lifecycle: { DeleteAfterDays: 1096 } }),
        ]),
      }),
    });
    const table = logicalId(stateful, 'AWS::DynamoDB::GlobalTable', 'Ledger');
    stateful.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: Match.objectLike({ Resources: [{ 'Fn::GetAtt': [table, 'Arn'] }] }),
    });
  });

  it('copies signed and uploaded contracts into an Object Lock archive (compliance, 3 years)', () => {
    const archive = logicalId(stateful, 'AWS::S3::Bucket', 'ContractArchive');
    stateful.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        ObjectLockEnabled: true,
        ObjectLockConfiguration: {
          ObjectLockEnabled: 'Enabled',
          Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 1096 } },
        },
      }),
    });
    const documents = Object.entries(stateful.findResources('AWS::S3::Bucket')).find(([id]) =>
      id.startsWith('Documents'),
    )?.[1].Properties;
    const rules = documents?.ReplicationConfiguration.Rules as Json[];
    expect(rules.map((r) => r.Filter.Prefix).sort()).toEqual(['contracts/', 'signed/']);
    for (const rule of rules) {
      expect(rule.Status).toBe('Enabled');
      expect(rule.Destination.Bucket).toEqual({ 'Fn::GetAtt': [archive, 'Arn'] });
    }
  });

  it('expires old versions, incomplete uploads and access logs by lifecycle rules', () => {
    const rules = Object.fromEntries(
      Object.entries(stateful.findResources('AWS::S3::Bucket')).map(([id, b]) => [
        id.replace(/[0-9A-F]{8}$/, ''),
        JSON.stringify(b.Properties.LifecycleConfiguration?.Rules ?? []),
      ]),
    );
    expect(rules.Documents).toContain('"NoncurrentVersionExpiration":{"NoncurrentDays":1096}');
    expect(rules.Documents).toContain('"AbortIncompleteMultipartUpload":{"DaysAfterInitiation":7}');
    expect(rules.ContractArchive).toContain('AbortIncompleteMultipartUpload');
    expect(rules.DocumentAccessLogs).toContain('"ExpirationInDays":1096');
  });

  it('keeps the secrets and the audit-relevant log groups in the stateful stack, retained', () => {
    expect(stateless.findResources('AWS::SecretsManager::Secret')).toEqual({});
    for (const secret of ['InquiryWebhookSecret', 'KintoneApiTokens', 'GmoSignCredentials', 'GStaffApiKey'])
      expect(
        stateful.findResources('AWS::SecretsManager::Secret')[
          logicalId(stateful, 'AWS::SecretsManager::Secret', secret)
        ],
      ).toMatchObject({ DeletionPolicy: 'Retain' });
    const logGroups = stateful.findResources('AWS::Logs::LogGroup');
    for (const name of ['ApiAccessLogs', 'CreditPrecheckLogs', 'ContractExecutionLogs', 'OrderApprovalLogs'])
      expect(logGroups[logicalId(stateful, 'AWS::Logs::LogGroup', name)]).toMatchObject({
        DeletionPolicy: 'Retain',
        Properties: { RetentionInDays: 1096 },
      });
    // The state machines log into those groups, the API writes its access log there.
    expect(JSON.stringify(stateless.findResources('AWS::StepFunctions::StateMachine'))).toContain(
      'ContractExecutionLogs',
    );
  });
});

describe('bounded workflows', () => {
  const machines = () => Object.values(stateless.findResources('AWS::StepFunctions::StateMachine'));
  const definition = (comment: string): Json => {
    const raw = machines().find((m) => JSON.stringify(m.Properties.DefinitionString).includes(comment))
      ?.Properties.DefinitionString;
    const text =
      typeof raw === 'string'
        ? raw
        : (raw['Fn::Join'][1] as unknown[]).map((p) => (typeof p === 'string' ? p : 'ref')).join('');
    return JSON.parse(text);
  };

  it('gives every execution an overall timeout (90 days)', () => {
    for (const comment of ['CREDIT_PRECHECK', 'CONTRACT_EXECUTION', 'ORDER_APPROVAL', 'INDIVIDUAL_CONTRACT'])
      expect(definition(comment).TimeoutSeconds).toBe(90 * 86_400);
  });

  it('ends the signature wait in a recorded failure after 30 days of hourly look-ups', () => {
    const states = definition('CONTRACT_EXECUTION').States as Json;
    expect(states.StartSignatureWait).toMatchObject({ Result: { polls: 0 }, Next: 'WaitForSignature' });
    expect(states.WaitForSignature.Catch[0]).toMatchObject({
      ErrorEquals: ['States.Timeout'],
      Next: 'CountSignaturePoll',
    });
    expect(states.CountSignaturePoll.Parameters).toEqual({
      'polls.$': 'States.MathAdd($.signatureWait.polls, 1)',
    });
    expect(states.SignatureState.Default).toBe('SignatureWaitOver');
    expect(states.SignatureWaitOver).toMatchObject({
      Choices: [
        { Variable: '$.signatureWait.polls', NumericGreaterThanEquals: 30 * 24, Next: 'SignatureTimedOut' },
      ],
      Default: 'WaitForSignature',
    });
    expect(states.SignatureTimedOut).toMatchObject({
      Result: { Error: 'SignatureTimedOut' },
      ResultPath: '$.error',
      Next: 'RecordFailure',
    });
    expect(states.RecordFailure.Parameters.task).toBe('application.fail');
  });

  it('records an execution stopped by the overall timeout (or by hand) as the application’s failure', () => {
    const rule = first(Object.values(stateless.findResources('AWS::Events::Rule'))).Properties;
    expect(rule.EventPattern).toMatchObject({
      source: ['aws.states'],
      'detail-type': ['Step Functions Execution Status Change'],
      detail: { status: ['TIMED_OUT', 'ABORTED'] },
    });
    expect(rule.EventPattern.detail.stateMachineArn).toHaveLength(4);
    const target = first(rule.Targets as Json[]);
    expect(JSON.stringify(target.Arn)).toContain('WorkflowTasks');
    expect(target.InputTransformer.InputTemplate).toContain('"task":"application.fail"');
    expect(target.InputTransformer.InputPathsMap).toMatchObject({ 'detail-name': '$.detail.name' });
    expect(target.DeadLetterConfig).toBeDefined();
  });

  it('refuses a wait whose look-ups would not fit in the execution history', () => {
    expect(signaturePolls(Duration.days(30), Duration.hours(1))).toBe(720);
    expect(() => signaturePolls(Duration.days(30), Duration.minutes(10))).toThrow(/25,000-event history/);
    const tenant = production();
    tenant.workflows = {
      ...tenant.workflows,
      signatureWaitDays: 100,
      executionTimeoutDays: 120,
      signaturePollMinutes: 60,
    };
    expect(() => build(tenant)).toThrow(/signature wait too long/);
    tenant.workflows = { ...tenant.workflows, signatureWaitDays: 30, executionTimeoutDays: 20 };
    expect(() => build(tenant)).toThrow(
      /workflows\.executionTimeoutDays: must be longer than signatureWaitDays/,
    );
  });
});

describe('scheduled jobs', () => {
  it('send a failed run to an SQS on-failure destination, without retries, dropped after one interval', () => {
    const configs = Object.values(stateless.findResources('AWS::Lambda::EventInvokeConfig')).map(
      (c) => c.Properties,
    );
    const failedRuns = logicalId(stateless, 'AWS::SQS::Queue', 'JobsFailedRuns');
    expect(
      configs
        .map((c) => [
          JSON.stringify(c.FunctionName).match(
            /(Outbox|GStaffMirror|GStaffCsvImport|KintoneSync|WorkflowTasks)/,
          )?.[1],
          c.MaximumEventAgeInSeconds,
          c.MaximumRetryAttempts,
        ])
        .sort(),
    ).toEqual([
      // A dropped G-Staff export refused while a sync holds the mirror's lease is tried again.
      ['GStaffCsvImport', 3600, 2],
      ['GStaffMirror', 900, 0],
      // Its shortest schedule (5 minutes) bounds it; the nightly full run is dropped as late.
      ['KintoneSync', 300, 0],
      ['Outbox', 60, 0],
      // The task function's asynchronous invocations record stopped workflows (retried twice).
      ['WorkflowTasks', 3600, 2],
    ]);
    for (const c of configs) {
      expect(c.DestinationConfig.OnFailure.Destination).toEqual({ 'Fn::GetAtt': [failedRuns, 'Arn'] });
    }
  });

  it('give the Scheduler its own DLQ and retry policy, in one schedule group', () => {
    const dlq = logicalId(stateless, 'AWS::SQS::Queue', 'JobsSchedulerDeadLetters');
    const schedules = Object.values(stateless.findResources('AWS::Scheduler::Schedule')).map(
      (s) => s.Properties,
    );
    expect(schedules.map((s) => s.ScheduleExpression).sort()).toEqual([
      'cron(30 3 * * ? *)',
      'rate(1 minute)',
      'rate(15 minutes)',
      'rate(5 minutes)',
    ]);
    for (const schedule of schedules) {
      expect(schedule.ScheduleExpressionTimezone).toBe('Asia/Tokyo');
      expect(schedule.GroupName).toBeDefined();
      expect(schedule.Target.DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [dlq, 'Arn'] } });
      expect(schedule.Target.RetryPolicy).toMatchObject({ MaximumRetryAttempts: 2 });
    }
  });

  const schedules = () =>
    Object.values(stateless.findResources('AWS::Scheduler::Schedule')).map((s) => ({
      expression: s.Properties.ScheduleExpression as string,
      target: JSON.stringify(s.Properties.Target.Arn),
      input: JSON.parse(s.Properties.Target.Input) as { jobs: string[]; full?: boolean },
    }));

  it('host every job of core/sync/hub-jobs.ts on AWS, once', () => {
    expect(Object.keys(AWS_JOB_HOSTS).sort()).toEqual([...SYNC_JOBS].sort());
    const rated = schedules().filter((s) => s.expression.startsWith('rate('));
    const scheduled = rated.flatMap((s) => s.input.jobs);
    expect([...scheduled].sort()).toEqual([...SYNC_JOBS].sort());
    expect(new Set(scheduled).size).toBe(scheduled.length);
    // Each schedule invokes the function that hosts its jobs, which is deployed for those jobs only.
    for (const schedule of rated) {
      const hosts = new Set(
        schedule.input.jobs.map((job) => AWS_JOB_HOSTS[job as keyof typeof AWS_JOB_HOSTS]),
      );
      expect(hosts.size).toBe(1);
      const host = [...hosts][0] as string;
      expect(schedule.target).toContain(logicalId(stateless, 'AWS::Lambda::Function', host));
      expect(functionNamed(host).Properties.Environment.Variables.HUB_JOBS).toBe(
        schedule.input.jobs.join(','),
      );
    }
  });

  it('reconcile kintone incrementally every 5 minutes and in full every night at 03:30 in Tokyo', () => {
    const kintone = schedules().filter((s) => s.input.jobs.includes('kintone.orders'));
    expect(kintone.map((s) => [s.expression, s.input]).sort()).toEqual([
      ['cron(30 3 * * ? *)', { jobs: ['kintone.orders', 'kintone.visits'], full: true }],
      ['rate(5 minutes)', { jobs: ['kintone.orders', 'kintone.visits'] }],
    ]);
    // 15 minutes to run; the lease outlives a killed invocation by a minute only.
    expect(functionNamed('KintoneSync').Properties).toMatchObject({
      Timeout: 900,
      Environment: {
        Variables: expect.objectContaining({ JOB_LEASE_SECONDS: '960', SYNC_OVERLAP_SECONDS: '60' }),
      },
    });
  });

  it('alarm on both queues', () => {
    const alarmed = Object.values(stateless.findResources('AWS::CloudWatch::Alarm'))
      .filter((a) => a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible')
      .map((a) => JSON.stringify(a.Properties.Dimensions));
    expect(alarmed.some((d) => d.includes('JobsFailedRuns'))).toBe(true);
    expect(alarmed.some((d) => d.includes('JobsSchedulerDeadLetters'))).toBe(true);
  });
});

describe('per-function table grants', () => {
  const ledgerStatements = (prefix: string) =>
    statementsOf(prefix).filter((st) => [st.Action].flat().some((a) => a.startsWith('dynamodb:')));

  it('limit the inquiry webhook to the keys it reads and writes (dynamodb:LeadingKeys) and to gsi1', () => {
    const statements = ledgerStatements('InquiryWebhook');
    const byAction = Object.fromEntries(statements.map((st) => [[st.Action].flat().join(','), st]));
    expect(Object.keys(byAction).sort()).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']);
    expect((byAction['dynamodb:GetItem'] as Statement).Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': INQUIRY_WEBHOOK_LEDGER.get },
    });
    expect((byAction['dynamodb:PutItem'] as Statement).Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': INQUIRY_WEBHOOK_LEDGER.put },
    });
    expect(JSON.stringify((byAction['dynamodb:Query'] as Statement).Resource)).toContain('/index/gsi1');
    expect(JSON.stringify((byAction['dynamodb:Query'] as Statement).Resource)).not.toMatch(/gsi[2-5]/);
  });

  it('limit the kintone webhook to the keys it reads and writes and to gsi1 and gsi3', () => {
    const statements = ledgerStatements('KintoneWebhook');
    const byAction = Object.fromEntries(statements.map((st) => [[st.Action].flat().join(','), st]));
    expect(Object.keys(byAction).sort()).toEqual([
      'dynamodb:GetItem,dynamodb:BatchGetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
    ]);
    expect((byAction['dynamodb:GetItem,dynamodb:BatchGetItem'] as Statement).Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': KINTONE_WEBHOOK_LEDGER.get },
    });
    expect((byAction['dynamodb:PutItem'] as Statement).Condition).toEqual({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': KINTONE_WEBHOOK_LEDGER.put },
    });
    const queried = JSON.stringify((byAction['dynamodb:Query'] as Statement).Resource);
    expect(queried).toContain('/index/gsi1');
    expect(queried).toContain('/index/gsi3');
    expect(queried).not.toMatch(/gsi[245]/);
  });

  it('give every other function a grant of its own', () => {
    for (const fn of FUNCTIONS.filter((f) => f !== 'InquiryWebhook' && f !== 'KintoneWebhook')) {
      const statements = ledgerStatements(fn).filter(
        (st) => [st.Action].flat()[0] !== 'dynamodb:PartiQLSelect',
      );
      expect(statements, fn).toHaveLength(1);
      expect(first(statements).Condition).toBeUndefined();
      expect([first(statements).Action].flat().sort(), fn).toEqual([
        'dynamodb:BatchGetItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
      ]);
    }
  });
});

describe("the API's batch reads", () => {
  it('let only the GraphQL function use PartiQL SELECT, and never as a full-table scan', () => {
    const partiql = (fn: string) =>
      statementsOf(fn).filter((st) => [st.Action].flat().includes('dynamodb:PartiQLSelect'));
    for (const fn of FUNCTIONS.filter((f) => f !== 'GraphQL')) expect(partiql(fn), fn).toEqual([]);
    const statements = partiql('GraphQL');
    expect(statements.map((st) => st.Effect).sort()).toEqual(['Allow', 'Deny']);
    expect(statements.find((st) => st.Effect === 'Deny')?.Condition).toEqual({
      Bool: { 'dynamodb:FullTableScan': 'true' },
    });
  });
});

describe('API, network and account audit', () => {
  it('logs source IP, user and integration status for every request, never the raw path', () => {
    const stage = first(Object.values(stateless.findResources('AWS::ApiGatewayV2::Stage'))).Properties;
    const format = JSON.parse(stage.AccessLogSettings.Format);
    expect(format).toMatchObject({
      sourceIp: '$context.identity.sourceIp',
      user: '$context.authorizer.claims.sub',
      integrationStatus: '$context.integrationStatus',
      routeKey: '$context.routeKey',
    });
    expect(stage.AccessLogSettings.Format).not.toContain('$context.path');
    expect(JSON.stringify(stage.AccessLogSettings.DestinationArn)).toContain('DispatchHubStateful');
  });

  it('routes kintone’s webhook to its function, with the path secret from the kintone secret (webhookSecret)', () => {
    const route = Object.values(stateless.findResources('AWS::ApiGatewayV2::Route')).find(
      (r) => r.Properties.RouteKey === 'POST /webhooks/kintone/{secret}',
    );
    expect(route?.Properties.AuthorizationType ?? 'NONE').toBe('NONE');
    const integration = stateless.findResources('AWS::ApiGatewayV2::Integration')[
      (route?.Properties.Target['Fn::Join'][1][1].Ref as string) ?? ''
    ];
    expect(JSON.stringify(integration?.Properties.IntegrationUri)).toContain('KintoneWebhook');
    const secretId = logicalId(stateful, 'AWS::SecretsManager::Secret', 'KintoneApiTokens');
    const secret = stateful.findResources('AWS::SecretsManager::Secret')[secretId]?.Properties;
    expect(secret.GenerateSecretString).toMatchObject({
      GenerateStringKey: 'webhookSecret',
      PasswordLength: 40,
    });
    expect(
      JSON.stringify(functionNamed('KintoneWebhook').Properties.Environment.Variables.KINTONE_SECRET_ARN),
    ).toContain('KintoneApiTokens');
    expect(WEBHOOK_THROTTLES['POST /webhooks/kintone/{secret}']).toEqual({
      throttlingRateLimit: 2,
      throttlingBurstLimit: 10,
    });
  });

  it('throttles each webhook route on its own', () => {
    const stage = first(Object.values(stateless.findResources('AWS::ApiGatewayV2::Stage'))).Properties;
    expect(stage.RouteSettings).toEqual(WEBHOOK_THROTTLES);
    const routes = Object.values(stateless.findResources('AWS::ApiGatewayV2::Route')).map(
      (r) => r.Properties.RouteKey,
    );
    for (const key of Object.keys(WEBHOOK_THROTTLES)) expect(routes).toContain(key);
  });

  it('keeps a CloudTrail trail with log-file validation in an Object Lock bucket', () => {
    const bucket = logicalId(stateful, 'AWS::S3::Bucket', 'TrailLogs');
    stateful.hasResourceProperties('AWS::CloudTrail::Trail', {
      EnableLogFileValidation: true,
      IsMultiRegionTrail: true,
      S3BucketName: { Ref: bucket },
    });
    expect(stateful.findResources('AWS::S3::Bucket')[bucket]?.Properties.ObjectLockConfiguration).toEqual({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 1096 } },
    });
  });

  it('reaches DynamoDB and S3 through gateway endpoints of the VPC', () => {
    const endpoints = Object.values(stateless.findResources('AWS::EC2::VPCEndpoint')).map((e) =>
      JSON.stringify(e.Properties.ServiceName),
    );
    expect(endpoints).toHaveLength(2);
    expect(endpoints.some((s) => s.includes('.dynamodb'))).toBe(true);
    expect(endpoints.some((s) => s.includes('.s3'))).toBe(true);
  });
});
