/**
 * The staff console on AWS: the built single-page app (web/) in a private S3 bucket, served by
 * CloudFront through Origin Access Control at the console's own address (the tenant's first
 * front-end origin, with its us-east-1 certificate), with the hub's API on the same origin
 * (`/graphql` is a CloudFront behaviour to API Gateway, so the browser needs no CORS), security
 * headers on every answer, and SPA routing (a path that is not a file is the app's index.html —
 * never `/graphql`, `/webhooks/…` or `/dev/…`). Sign-in is the user pool's hosted UI (OIDC code
 * flow + PKCE): this stack owns its Cognito domain and writes `console-config.json`, which the
 * console reads at start. Requirements.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  AssetHashType,
  CfnOutput,
  DefaultStackSynthesizer,
  DockerImage,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as deployment from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import type { TenantConfig } from './config.js';
import {
  API_PATH_PREFIXES,
  contentSecurityPolicy,
  HSTS_MAX_AGE_SECONDS,
  PERMISSIONS_POLICY,
  REFERRER_POLICY,
} from './console-headers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export { API_PATH_PREFIXES };

/**
 * The viewer-request function of the console's behaviour (CloudFront Functions, JS 2.0): an API
 * path that reached it (any but the exact `/graphql`, which has its own behaviour) is a 404; a
 * path whose last segment has no dot is a route of the app, answered by index.html; files pass.
 */
export const SPA_ROUTING_FUNCTION = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (/^\\/(${API_PATH_PREFIXES.map((p) => p.slice(1)).join('|')})(\\/|$)/.test(uri)) {
    return { statusCode: 404, statusDescription: 'Not Found' };
  }
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}`;

/** The host name the console is served at: the tenant's first front-end origin. */
export function consoleOrigin(config: TenantConfig): string {
  return config.frontEndOrigins[0] as string;
}

/** The Cognito hosted UI's domain prefix: one per account (prefixes are unique per region). */
export const signInDomainPrefix = (account: string) => `dispatch-hub-${account}`;

export interface ConsoleHostingStackProps extends StackProps {
  config: TenantConfig;
  userPool: cognito.IUserPool;
  /** The user pool client whose hosted-UI callback is `<console origin>/auth/callback`. */
  userPoolClient: cognito.IUserPoolClient;
  /** The documents bucket: the console uploads to it by pre-signed URL. */
  documents: s3.IBucket;
  /** The hub's HTTP API, served under the console's origin at /graphql. */
  api: apigw.IHttpApi;
  /**
   * Where the built console comes from. By default web/ is built with the project's Vite at
   * synth time (skipped, like every bundling, for the stacks `aws:cdk:bundling-stacks` leaves out).
   */
  consoleSource?: deployment.ISource;
}

export class ConsoleHostingStack extends Stack {
  readonly bucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly responseHeaders: cloudfront.ResponseHeadersPolicy;
  readonly signInDomain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: ConsoleHostingStackProps) {
    super(scope, id, props);
    const { config } = props;
    const origin = consoleOrigin(config);
    const host = new URL(origin).host;

    const logs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are delivered with an ACL grant.
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ id: 'ExpireAccessLogs', expiration: Duration.days(365) }],
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket receives the console bucket’s and CloudFront’s access logs; logging its own access would recurse.',
    });

    this.bucket = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // Only build output lives here; a new deploy writes it again.
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site/',
    });

    this.signInDomain = new cognito.UserPoolDomain(this, 'SignIn', {
      userPool: props.userPool,
      cognitoDomain: { domainPrefix: signInDomainPrefix(this.account) },
    });
    const hostedUi = `https://${signInDomainPrefix(this.account)}.auth.${this.region}.amazoncognito.com`;
    const issuer = `https://cognito-idp.${this.region}.amazonaws.com/${props.userPool.userPoolId}`;

    this.responseHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Staff console: CSP, HSTS, no framing, no sniffing, same-origin referrers',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy({
            signInOrigins: [hostedUi, `https://cognito-idp.${this.region}.amazonaws.com`],
            documentsOrigin: `https://${props.documents.bucketRegionalDomainName}`,
          }),
          override: true,
        },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS),
          includeSubdomains: true,
          override: true,
        },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: {
          referrerPolicy: REFERRER_POLICY as cloudfront.HeadersReferrerPolicy,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: PERMISSIONS_POLICY, override: true },
          { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
        ],
      },
    });

    const spaRouting = new cloudfront.Function(this, 'SpaRouting', {
      comment: 'Console routes are index.html; API paths are never',
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(SPA_ROUTING_FUNCTION),
    });

    const apiDomain = `${props.api.apiId}.execute-api.${this.region}.${this.urlSuffix}`;
    this.distribution = new cloudfront.Distribution(this, 'Console', {
      comment: 'Dispatch hub staff console',
      domainNames: [host],
      certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', config.console.certificateArn),
      minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      defaultRootObject: 'index.html',
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.responseHeaders,
        compress: true,
        functionAssociations: [
          { function: spaRouting, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
        ],
      },
      additionalBehaviors: {
        // The API on the console's origin: never cached; every viewer header but Host (API Gateway
        // answers only to its own host name) goes to the API, the Authorization header included.
        '/graphql': {
          origin: new origins.HttpOrigin(apiDomain, {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
          }),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: this.responseHeaders,
        },
      },
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: staff sign in from wherever they work (client sites, travel); every screen needs a Cognito sign-in with MFA.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'A CloudFront web ACL must be created in us-east-1 and the hub’s stacks are pinned to ap-northeast-1; the console’s files are static, and /graphql is behind the Cognito JWT authorizer and API Gateway’s throttling.',
      },
    );

    const source = props.consoleSource ?? builtConsole();
    const deploy = (deployId: string, deployProps: Partial<deployment.BucketDeploymentProps>) =>
      new deployment.BucketDeployment(this, deployId, {
        destinationBucket: this.bucket,
        sources: [source],
        // Files of an earlier build stay: a tab opened before a deploy still loads its chunks.
        prune: false,
        memoryLimit: 512,
        ...deployProps,
      });
    // Hashed file names: cached for a year. index.html and the runtime configuration: revalidated.
    const assets = deploy('Assets', {
      exclude: ['index.html'],
      cacheControl: [deployment.CacheControl.fromString('public, max-age=31536000, immutable')],
    });
    const entry = deploy('Entry', {
      sources: [
        source,
        deployment.Source.jsonData('console-config.json', {
          signIn: 'oidc',
          authority: issuer,
          clientId: props.userPoolClient.userPoolClientId,
          redirectUri: `${origin}/auth/callback`,
          scope: 'openid email profile',
          logoutUri: `${origin}/`,
        }),
      ],
      exclude: ['*'],
      include: ['index.html', 'console-config.json'],
      cacheControl: [deployment.CacheControl.fromString('no-cache')],
    });
    // The new index.html goes out only when the chunks it loads are there.
    entry.node.addDependency(assets);
    this.acknowledgeDeploymentHandler();

    new CfnOutput(this, 'ConsoleUrl', { value: `${origin}/` });
    new CfnOutput(this, 'ConsoleDistributionDomainName', {
      value: this.distribution.distributionDomainName,
      description: `Point ${host} (CNAME or alias) at this CloudFront domain.`,
    });
    new CfnOutput(this, 'SignInDomain', { value: hostedUi });
  }

  /** The CDK's own BucketDeployment function (one per stack, shared by both deployments). */
  private acknowledgeDeploymentHandler() {
    const copies =
      'The CDK’s BucketDeployment function copies the build from the CDK asset bucket into the console bucket (the CDK’s own grant: read the asset, write and delete files of the console bucket); it reaches no other bucket.';
    const assetBucket = `arn:<AWS::Partition>:s3:::cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-${this.account}-${this.region}`;
    const siteId = this.getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket);
    const wildcards = [
      'Action::s3:GetObject*',
      'Action::s3:GetBucket*',
      'Action::s3:List*',
      'Action::s3:DeleteObject*',
      'Action::s3:Abort*',
      `Resource::${assetBucket}/*`,
      `Resource::<${siteId}.Arn>/*`,
    ];
    const runtime =
      'The runtime of the CDK’s own BucketDeployment function is chosen by the CDK release, not by the hub.';
    Validations.of(this).acknowledge(
      ...wildcards.map((finding) => ({ id: `AwsSolutions-IAM5[${finding}]`, reason: copies })),
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          'The CDK’s BucketDeployment function: AWSLambdaBasicExecutionRole only allows writing CloudWatch logs.',
      },
      { id: 'AwsSolutions-L1', reason: runtime },
      { id: 'Serverless-LambdaLatestVersion', reason: runtime },
      {
        id: 'Serverless-LambdaDLQ',
        reason:
          'The CDK’s BucketDeployment function is a custom resource invoked by CloudFormation during a deploy; its failure fails (and rolls back) the deploy, so a dead-letter queue would never receive anything.',
      },
      {
        id: 'Serverless-LambdaTracing',
        reason:
          'The CDK’s BucketDeployment function runs only during a deploy; CloudFormation’s events record it.',
      },
    );
  }
}

/**
 * The console, built by the project's Vite into the asset's directory at synth time. Always
 * built locally (a failed build fails the synth, it never falls back to a container: the image
 * below is required by the CDK's type and never pulled).
 */
function builtConsole(): deployment.ISource {
  return deployment.Source.asset(fileURLToPath(new URL('../web', import.meta.url)), {
    // Named by what was built (the sources, the locked dependencies and the schema all shape it).
    assetHashType: AssetHashType.OUTPUT,
    exclude: ['dist', 'node_modules'],
    bundling: {
      image: DockerImage.fromRegistry('node:22-slim'),
      local: {
        tryBundle(outputDir: string) {
          execFileSync(
            process.execPath,
            [
              'node_modules/vite/bin/vite.js',
              'build',
              '--config',
              'web/vite.config.ts',
              '--outDir',
              outputDir,
              '--emptyOutDir',
              '--logLevel',
              'warn',
            ],
            { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
          );
          return true;
        },
      },
    },
  });
}
