/**
 * Stateful resources, kept apart so the stateless stack can be replaced freely, all retained
 * when a stack is deleted: the client ledger table (PITR, and an AWS Backup plan keeping monthly
 * backups for 3 years in a locked vault), the Cognito user pool whose groups are the agency's
 * roles, the documents bucket (signed and uploaded contracts copied into an Object Lock archive),
 * the account's CloudTrail trail in an Object Lock bucket, the secrets, and the audit-relevant log
 * groups (API access, workflow executions). Requirements, A6-5.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { GSI_NAMES, PARTITION_KEY, SORT_KEY, TTL_ATTRIBUTE } from '../integrations/dynamodb/table-layout.js';

/** A named export, so the stateless stack's grant (and its cdk-nag acknowledgement) name it stably. */
export const DOCUMENTS_BUCKET_ARN_EXPORT = 'DispatchHub-DocumentsBucketArn';

/** Records the agency must be able to show for 3 years (labour dispatch law, docs/policy.md). */
export const RETENTION = Duration.days(logs.RetentionDays.THREE_YEARS);

const PRIVATE_BUCKET = {
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  encryption: s3.BucketEncryption.S3_MANAGED,
  enforceSSL: true,
  removalPolicy: RemovalPolicy.RETAIN,
} satisfies s3.BucketProps;

export interface StatefulStackProps extends StackProps {
  /**
   * Origins whose browsers upload to and download from the documents bucket by pre-signed URL
   * (`scheme://host[:port]`, no wildcard), from the tenant configuration.
   */
  frontEndOrigins: string[];
  /** Where CloudFront serves the console (infra/console-hosting.ts): the hosted UI's callback. */
  consoleOrigin: string;
}

/** The agency's roles (docs/policy.md); one Cognito group each. Kept in step with core/access.ts by a test. */
export const ROLE_GROUPS = ['SALES', 'MANAGER', 'DIRECTOR', 'LEGAL', 'MARKETING', 'ADMIN'] as const;

/** The secrets, each retained with the stack; their values are set and rotated by docs/operations.md. */
export interface HubSecrets {
  inquiryWebhook: secretsmanager.Secret;
  kintone: secretsmanager.Secret;
  gmosign: secretsmanager.Secret;
  gstaff: secretsmanager.Secret;
}

/** Log groups that are part of the audit record: kept 3 years, retained with the stack. */
export interface AuditLogGroups {
  apiAccess: logs.LogGroup;
  workflows: Record<'CreditPrecheck' | 'ContractExecution' | 'OrderApproval', logs.LogGroup>;
}

export class StatefulStack extends Stack {
  readonly table: dynamodb.TableV2;
  readonly userPool: cognito.UserPool;
  readonly userPoolClient: cognito.UserPoolClient;
  /** Signed contracts and other documents the agency must keep (A6-5). */
  readonly documents: s3.Bucket;
  /** Write-once copies of signed/ and contracts/ (Object Lock, compliance mode). */
  readonly contractArchive: s3.Bucket;
  readonly secrets: HubSecrets;
  readonly auditLogs: AuditLogGroups;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);

    this.table = new dynamodb.TableV2(this, 'Ledger', {
      partitionKey: { name: PARTITION_KEY, type: dynamodb.AttributeType.STRING },
      sortKey: { name: SORT_KEY, type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // Only short-lived bookkeeping carries it (kintone notification ids already handled);
      // entities and audit events never do.
      timeToLiveAttribute: TTL_ATTRIBUTE,
      globalSecondaryIndexes: GSI_NAMES.map((name) => ({
        indexName: name,
        partitionKey: { name: `${name}pk`, type: dynamodb.AttributeType.STRING },
        sortKey: { name: `${name}sk`, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      })),
    });
    this.backUpLedger();

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
      // No custom attributes: role and department live in the staff directory (server side).
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
      // The console signs in through the hosted UI (its domain: infra/console-hosting.ts) with the
      // authorization code flow and PKCE (a public client: no secret); no implicit flow, and no
      // aws.cognito.signin.user.admin scope (a token that could change the user's own attributes).
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
        callbackUrls: [`${props.consoleOrigin}/auth/callback`],
        logoutUrls: [`${props.consoleOrigin}/`],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(1),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      // The token says who the person is; what they may see comes from the staff directory.
      readAttributes: new cognito.ClientAttributes().withStandardAttributes({
        email: true,
        emailVerified: true,
      }),
      // Staff may only change harmless display settings themselves; admins change everything else.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({
        locale: true,
        timezone: true,
      }),
    });

    const accessLogs = new s3.Bucket(this, 'DocumentAccessLogs', {
      ...PRIVATE_BUCKET,
      lifecycleRules: [{ id: 'ExpireAccessLogs', expiration: RETENTION }],
    });
    /** Private, encrypted, TLS only, versioned, retained, its access logged. */
    const kept = (logPrefix: string): s3.BucketProps => ({
      ...PRIVATE_BUCKET,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: `${logPrefix}/`,
    });
    this.contractArchive = new s3.Bucket(this, 'ContractArchive', {
      ...kept('contract-archive'),
      // A basic contract is kept until 3 years after its last individual contract ends: never
      // less than 3 years from its signing. Later deadlines are extended per object (runbook).
      objectLockDefaultRetention: s3.ObjectLockRetention.compliance(RETENTION),
      lifecycleRules: [
        { id: 'AbortIncompleteUploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
    });
    this.documents = new s3.Bucket(this, 'Documents', {
      ...kept('documents'),
      lifecycleRules: [
        { id: 'AbortIncompleteUploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
        // An overwritten or deleted document stays recoverable for the retention period.
        { id: 'ExpireOldVersions', noncurrentVersionExpiration: RETENTION },
        // G-Staff exports dropped for import (and their reports) are working copies of G-Staff's data.
        { id: 'ExpireGStaffImports', prefix: 'gstaff-imports/', expiration: Duration.days(90) },
      ],

      // Signed and uploaded contracts are copied, as written, into the Object Lock archive.
      // (Browsers upload by pre-signed URL without Content-MD5, which a bucket with a default
      // Object Lock retention would refuse; the replica gets the archive's retention.)
      replicationRules: ['signed/', 'contracts/'].map((prefix, priority) => ({
        id: `Archive-${prefix.replace('/', '')}`,
        destination: this.contractArchive,
        priority,
        filter: { prefix },
        deleteMarkerReplication: false,
      })),
      // Browsers PUT visit photos and GET documents by pre-signed URL, from the front-ends only.
      cors: [
        {
          allowedOrigins: props.frontEndOrigins,
          allowedMethods: [s3.HttpMethods.PUT, s3.HttpMethods.GET],
          allowedHeaders: ['content-type'],
          exposedHeaders: ['ETag'],
          maxAge: 3600,
        },
      ],
    });
    // "Object Created" events go to EventBridge: a G-Staff export dropped under
    // gstaff-imports/incoming/ starts its import (infra/stateless.stack.ts). Set on the bucket
    // itself (CloudFormation), not through CDK's notifications custom resource.
    (this.documents.node.defaultChild as s3.CfnBucket).notificationConfiguration = {
      eventBridgeConfiguration: { eventBridgeEnabled: true },
    };
    const bucketId = (b: s3.Bucket) => this.getLogicalId(b.node.defaultChild as s3.CfnBucket);
    Validations.of(this.documents).acknowledge(
      ...[this.documents, this.contractArchive].map((b) => ({
        id: `AwsSolutions-IAM5[Resource::<${bucketId(b)}.Arn>/*]`,
        reason:
          'The replication role reads new object versions of the documents bucket and writes their replicas into the archive; its rules copy only signed/ and contracts/.',
      })),
    );
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket receives the other buckets’ access logs; logging its own access would recurse.',
    });

    // The account's API activity, with log-file validation, into a write-once bucket.
    const trailBucket = new s3.Bucket(this, 'TrailLogs', {
      ...kept('cloudtrail'),
      objectLockDefaultRetention: s3.ObjectLockRetention.compliance(RETENTION),
      lifecycleRules: [{ id: 'ExpireAfterRetention', expiration: Duration.days(RETENTION.toDays() + 1) }],
    });
    new cloudtrail.Trail(this, 'AccountTrail', {
      bucket: trailBucket,
      enableFileValidation: true,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
    });

    const secret = (secretId: string, props: secretsmanager.SecretProps) => {
      const s = new secretsmanager.Secret(this, secretId, props);
      s.applyRemovalPolicy(RemovalPolicy.RETAIN);
      return s;
    };
    this.secrets = {
      inquiryWebhook: secret('InquiryWebhookSecret', {
        description: 'Shared HMAC secret of the website inquiry form (X-Signature).',
        generateSecretString: { passwordLength: 48, excludePunctuation: true },
      }),
      kintone: secret('KintoneApiTokens', {
        description:
          'kintone API tokens of the orders and visit-records apps and the webhook path secret: {"ordersApiToken","visitsApiToken","webhookSecret"}.',
        // The webhook's path secret is generated; the URL kintone is given ends with it.
        generateSecretString: {
          secretStringTemplate: JSON.stringify({ ordersApiToken: 'set-me', visitsApiToken: 'set-me' }),
          generateStringKey: 'webhookSecret',
          excludePunctuation: true,
          passwordLength: 40,
        },
      }),
      gmosign: secret('GmoSignCredentials', {
        description:
          'GMO Sign API credentials and callback path secret: {"customerId","secretKey","webhookSecret"}.',
        generateSecretString: {
          secretStringTemplate: JSON.stringify({ customerId: 'set-me', secretKey: 'set-me' }),
          generateStringKey: 'webhookSecret',
          excludePunctuation: true,
          passwordLength: 40,
        },
      }),
      gstaff: secret('GStaffApiKey', { description: 'G-Staff API key (Authorization: Bearer).' }),
    };
    const rotated = {
      inquiryWebhook:
        'Shared with the website vendor, who must change it on their side at the same moment; rotated by hand as docs/operations.md describes.',
      kintone:
        'kintone API tokens are issued in each kintone app’s settings, which no Lambda can reach; rotated by hand as docs/operations.md describes.',
      gmosign:
        'GMO Sign credentials are issued by GMO in their admin screen; rotated by hand as docs/operations.md describes.',
      gstaff: 'The G-Staff API key is issued by the vendor; rotated by hand as docs/operations.md describes.',
    } satisfies Record<keyof HubSecrets, string>;
    for (const [name, reason] of Object.entries(rotated))
      Validations.of(this.secrets[name as keyof HubSecrets]).acknowledge({ id: 'AwsSolutions-SMG4', reason });

    const auditLog = (logId: string) =>
      new logs.LogGroup(this, logId, {
        retention: logs.RetentionDays.THREE_YEARS,
        removalPolicy: RemovalPolicy.RETAIN,
      });
    this.auditLogs = {
      apiAccess: auditLog('ApiAccessLogs'),
      workflows: {
        CreditPrecheck: auditLog('CreditPrecheckLogs'),
        ContractExecution: auditLog('ContractExecutionLogs'),
        OrderApproval: auditLog('OrderApprovalLogs'),
      },
    };

    new CfnOutput(this, 'LedgerTableName', { value: this.table.tableName });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'DocumentsBucketName', { value: this.documents.bucketName });
    new CfnOutput(this, 'ContractArchiveBucketName', { value: this.contractArchive.bucketName });
    new CfnOutput(this, 'DocumentsBucketArn', {
      value: this.documents.bucketArn,
      exportName: DOCUMENTS_BUCKET_ARN_EXPORT,
    });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'InquiryWebhookSecretArn', { value: this.secrets.inquiryWebhook.secretArn });
    new CfnOutput(this, 'KintoneSecretArn', { value: this.secrets.kintone.secretArn });
    new CfnOutput(this, 'GmoSignSecretArn', { value: this.secrets.gmosign.secretArn });
    new CfnOutput(this, 'GStaffSecretArn', { value: this.secrets.gstaff.secretArn });

    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'The Plus feature plan (threat protection) is a cost decision for the agency; MFA is required and self sign-up is off for this staff-only pool.',
    });
  }

  /** Daily backups kept 35 days and monthly ones kept 3 years, in a vault whose lock forbids earlier deletion. */
  private backUpLedger() {
    const vault = new backup.BackupVault(this, 'LedgerBackupVault', {
      removalPolicy: RemovalPolicy.RETAIN,
      lockConfiguration: {
        minRetention: Duration.days(35),
        maxRetention: Duration.days(RETENTION.toDays() + 31),
        // After 3 days the lock becomes compliance mode: nobody, root included, can lift it.
        changeableFor: Duration.days(3),
      },
    });
    const plan = new backup.BackupPlan(this, 'LedgerBackupPlan', {
      backupVault: vault,
      backupPlanRules: [
        new backup.BackupPlanRule({
          ruleName: 'Daily',
          scheduleExpression: events.Schedule.cron({ hour: '18', minute: '0' }),
          deleteAfter: Duration.days(35),
        }),
        new backup.BackupPlanRule({
          ruleName: 'Monthly',
          scheduleExpression: events.Schedule.cron({ day: '1', hour: '18', minute: '0' }),
          deleteAfter: RETENTION,
        }),
      ],
    });
    const selection = plan.addSelection('Ledger', {
      resources: [backup.BackupResource.fromArn(this.table.tableArn)],
    });
    Validations.of(selection).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason:
        'AWS Backup’s own service-role policy, which it needs to take and copy backups; the selection limits the plan to the ledger table.',
    });
  }
}
