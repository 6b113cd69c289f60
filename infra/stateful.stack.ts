/**
 * Stateful resources, kept apart so the stateless stack can be replaced freely: the client
 * ledger table and the Cognito user pool whose groups are the agency's roles.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { GSI_NAMES, PARTITION_KEY, SORT_KEY } from '../integrations/dynamodb/table-layout.js';

/** A named export, so the stateless stack's grant (and its cdk-nag acknowledgement) name it stably. */
export const DOCUMENTS_BUCKET_ARN_EXPORT = 'DispatchHub-DocumentsBucketArn';

/** Where the agency's front-ends run, unless the `frontEndOrigins` prop or context value says otherwise. */
export const DEFAULT_FRONT_END_ORIGINS = ['https://hub.example.invalid'];

export interface StatefulStackProps extends StackProps {
  /**
   * Origins whose browsers upload to and download from the documents bucket by pre-signed URL
   * (`scheme://host[:port]`, no wildcard). Also read from the `frontEndOrigins` context value.
   * @default DEFAULT_FRONT_END_ORIGINS (set before deploying)
   */
  frontEndOrigins?: string[];
}

/** The agency's roles (policy.md); one Cognito group each. Kept in step with core/access.ts by a test. */
export const ROLE_GROUPS = ['SALES', 'MANAGER', 'DIRECTOR', 'LEGAL', 'MARKETING', 'ADMIN'] as const;

export class StatefulStack extends Stack {
  readonly table: dynamodb.TableV2;
  readonly userPool: cognito.UserPool;
  readonly userPoolClient: cognito.UserPoolClient;
  /** Signed contracts and other documents the agency must keep (A6-5). */
  readonly documents: s3.Bucket;

  constructor(scope: Construct, id: string, props?: StatefulStackProps) {
    super(scope, id, props);

    this.table = new dynamodb.TableV2(this, 'Ledger', {
      partitionKey: { name: PARTITION_KEY, type: dynamodb.AttributeType.STRING },
      sortKey: { name: SORT_KEY, type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      globalSecondaryIndexes: GSI_NAMES.map((name) => ({
        indexName: name,
        partitionKey: { name: `${name}pk`, type: dynamodb.AttributeType.STRING },
        sortKey: { name: `${name}sk`, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      })),
    });

    this.userPool = new cognito.UserPool(this, 'Staff', {
      selfSignUpEnabled: false,
      signInAliases: { email: true, username: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      customAttributes: { department: new cognito.StringAttribute({ mutable: true, maxLen: 64 }) },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
    });
    for (const role of ROLE_GROUPS) {
      new cognito.CfnUserPoolGroup(this, `Group${role}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
      });
    }
    this.userPoolClient = this.userPool.addClient('FrontEnd', {
      authFlows: { userSrp: true },
      generateSecret: false,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
      preventUserExistenceErrors: true,
      // ID tokens carry cognito:groups and custom:department, which the hub reads as role and department.
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true })
        .withCustomAttributes('department'),
    });

    const accessLogs = new s3.Bucket(this, 'DocumentAccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.documents = new s3.Bucket(this, 'Documents', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'documents/',
      // Browsers PUT visit photos and GET documents by pre-signed URL, from the front-ends only.
      cors: [
        {
          allowedOrigins: frontEndOrigins(
            props?.frontEndOrigins ?? this.node.tryGetContext('frontEndOrigins'),
          ),
          allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET],
          allowedHeaders: ['content-type'],
          exposedHeaders: ['ETag'],
          maxAge: 3600,
        },
      ],
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket receives the documents bucket’s access logs; logging its own access would recurse.',
    });

    new CfnOutput(this, 'LedgerTableName', { value: this.table.tableName });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'DocumentsBucketName', { value: this.documents.bucketName });
    new CfnOutput(this, 'DocumentsBucketArn', {
      value: this.documents.bucketArn,
      exportName: DOCUMENTS_BUCKET_ARN_EXPORT,
    });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });

    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'The Plus feature plan (threat protection) is a cost decision for the agency; MFA is required and self sign-up is off for this staff-only pool.',
    });
  }
}

/** The origins as given (a list, or a comma-separated context string); each one exact, never a wildcard. */
function frontEndOrigins(given: unknown): string[] {
  const origins =
    given === undefined
      ? DEFAULT_FRONT_END_ORIGINS
      : (typeof given === 'string' ? given.split(',') : (given as unknown[])).map((o) => String(o).trim());
  if (origins.length === 0) throw new Error('at least one front-end origin is required');
  for (const origin of origins) {
    if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(origin))
      throw new Error(`invalid front-end origin (scheme://host[:port], no wildcard): ${origin}`);
  }
  return origins;
}
