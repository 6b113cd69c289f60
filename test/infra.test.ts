/**
 * The CDK app's behaviours that matter, asserted on the synthesized templates (bundling
 * skipped; CI runs one full `npm run synth` with bundling). cdk-nag runs on every synth.
 */
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../core/access.js';
import { buildApp } from '../infra/app.js';
import { DEFAULT_FRONT_END_ORIGINS, ROLE_GROUPS, StatefulStack } from '../infra/stateful.stack.js';
import { type KintoneTenantProps, StatelessStack } from '../infra/stateless.stack.js';

function buildAppWithKintone(kintone: KintoneTenantProps) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stateful = new StatefulStack(app, 'S');
  return new StatelessStack(app, 'L', {
    table: stateful.table,
    documents: stateful.documents,
    userPool: stateful.userPool,
    userPoolClient: stateful.userPoolClient,
    kintone,
  });
}

let stateful: Template;
let stateless: Template;
let synthError: unknown;

beforeAll(() => {
  const {
    app,
    stateful: a,
    stateless: b,
  } = buildApp(
    new App({ context: { 'aws:cdk:bundling-stacks': [] }, outdir: `/tmp/cdk-test-${process.pid}` }),
  );
  try {
    app.synth();
  } catch (error) {
    synthError = error;
  }
  stateful = Template.fromStack(a);
  stateless = Template.fromStack(b);
});

describe('approval workflows', () => {
  it('are Standard state machines with logging and tracing on', () => {
    const machines = stateless.findResources('AWS::StepFunctions::StateMachine');
    expect(Object.keys(machines)).toHaveLength(3);
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
    expect(released).not.toContain('CreditPrecheck');
  });
});

describe('cdk-nag AwsSolutions', () => {
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
    expect(Object.keys(functions)).toHaveLength(6);
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
    expect(dynamo).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:ConditionCheckItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:Query',
    ]);
    expect(actions.some((a) => a.endsWith(':*') || a === '*')).toBe(false);
  });

  it('lets each secret be read only by the function that needs it', () => {
    const secretIds = Object.keys(stateless.findResources('AWS::SecretsManager::Secret'));
    const readersOf = (secretPrefix: string) => {
      const secretId = secretIds.find((id) => id.startsWith(secretPrefix)) as string;
      return Object.entries(stateless.findResources('AWS::IAM::Policy'))
        .filter(([, p]) => JSON.stringify(p.Properties.PolicyDocument).includes(`"Ref":"${secretId}"`))
        .map(([id]) => id);
    };
    expect(readersOf('InquiryWebhookSecret')).toEqual([expect.stringMatching(/^InquiryWebhook/)]);
    expect(readersOf('KintoneApiTokens')).toEqual([expect.stringMatching(/^Outbox/)]);
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

  it('refreshes the G-Staff mirror every 15 minutes', () => {
    stateless.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(15 minutes)' });
  });

  it('refuses to synthesize when kintone calls could exceed the domain budget', () => {
    expect(() => buildAppWithKintone({ maxConcurrencyPerProcess: 40, domainBudget: 30 })).toThrow(
      /kintone budget exceeded: 1 × 40 concurrent requests > domain budget 30/,
    );
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
      new Set(['GmoSignWebhook', 'GraphQL', 'WorkflowTasks']),
    );
    expect(prefixes('GmoSignWebhook')).toEqual(['signed']);
    expect(prefixes('GraphQL')).toEqual(['contracts', 'visits']);
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

  it('lets browsers PUT and GET by pre-signed URL from the front-end origins only', () => {
    stateful.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      CorsConfiguration: {
        CorsRules: [
          {
            AllowedOrigins: DEFAULT_FRONT_END_ORIGINS,
            AllowedMethods: ['PUT', 'GET'],
            AllowedHeaders: ['content-type'],
            ExposedHeaders: ['ETag'],
            MaxAge: 3600,
          },
        ],
      },
    });
  });

  it('takes the front-end origins from a prop or the context, and refuses a wildcard', () => {
    const allowedOrigins = (app: App, props = {}) =>
      Object.values(
        Template.fromStack(new StatefulStack(app, 'S', props)).findResources('AWS::S3::Bucket', {
          Properties: { CorsConfiguration: Match.anyValue() },
        }),
      ).map((bucket) => bucket.Properties.CorsConfiguration.CorsRules[0].AllowedOrigins);
    const context = { frontEndOrigins: 'https://a.example, http://localhost:5173' };
    expect(allowedOrigins(new App({ context }))).toEqual([['https://a.example', 'http://localhost:5173']]);
    expect(allowedOrigins(new App(), { frontEndOrigins: ['https://b.example'] })).toEqual([
      ['https://b.example'],
    ]);
    expect(() => allowedOrigins(new App(), { frontEndOrigins: ['*'] })).toThrow(/no wildcard/);
    expect(() => allowedOrigins(new App(), { frontEndOrigins: ['https://*.example'] })).toThrow(
      /no wildcard/,
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
