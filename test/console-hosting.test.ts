/**
 * The staff console on AWS (infra/console-hosting.ts), asserted on the synthesized templates
 * (bundling skipped, so the console is not built here; `npm run synth` builds it): a private
 * bucket read only by the distribution through OAC, the tenant's host and certificate, security
 * headers, SPA routing that never answers an API path with index.html, /graphql on the same
 * origin, the built console deployed with its sign-in configuration, and the Cognito client of the
 * hosted UI (code flow + PKCE). cdk-nag (AwsSolutions and Serverless) runs on the synth.
 */
import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../infra/app.js';
import { EXAMPLE_CONFIG_FILE } from '../infra/config.js';
import { contentSecurityPolicy } from '../infra/console-headers.js';
import { SPA_ROUTING_FUNCTION } from '../infra/console-hosting.js';

// biome-ignore lint/suspicious/noExplicitAny: synthesized templates are untyped JSON
type Json = Record<string, any>;
const example = (): Json => JSON.parse(readFileSync(EXAMPLE_CONFIG_FILE, 'utf8'));
const CERTIFICATE = 'arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
const production = (): Json => ({
  ...example(),
  purpose: 'production',
  account: '123456789012',
  frontEndOrigins: ['https://console.agency.co.jp', 'http://localhost:5173'],
  console: { certificateArn: CERTIFICATE },
  alarmEmail: 'ops@agency.co.jp',
  kintone: { baseUrl: 'https://agency.cybozu.com', ordersAppId: '12', visitsAppId: '13' },
  gmosign: { baseUrl: 'https://api.gmosign.com' },
  gstaff: { baseUrl: 'https://api.gstaff.agency.co.jp' },
  mail: { identity: 'agency.co.jp', fromAddress: 'hub@agency.co.jp' },
});
/** No cdk-nag, no bundling: for the configuration variants (the example app below runs the checks). */
const build = (tenant: Json) =>
  buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [], tenant } }), { checks: false });

let hosting: Template;
let stateful: Template;
let synthError: unknown;

beforeAll(() => {
  const built = buildApp(
    new App({
      context: { 'aws:cdk:bundling-stacks': [], config: EXAMPLE_CONFIG_FILE },
      outdir: `/tmp/cdk-console-test-${process.pid}`,
    }),
  );
  try {
    built.app.synth();
  } catch (error) {
    synthError = error;
  }
  hosting = Template.fromStack(built.consoleHosting);
  stateful = Template.fromStack(built.stateful);
  // One synth of the whole app with cdk-nag: about a minute, more on a busy machine.
}, 240_000);

const only = (template: Template, type: string): Json => {
  const found = Object.values(template.findResources(type));
  expect(found).toHaveLength(1);
  return found[0] as Json;
};
const distribution = () => only(hosting, 'AWS::CloudFront::Distribution').Properties.DistributionConfig;
const headers = () =>
  only(hosting, 'AWS::CloudFront::ResponseHeadersPolicy').Properties.ResponseHeadersPolicyConfig;
const resolved = (value: unknown) => JSON.stringify(value);

describe('cdk-nag AwsSolutions and Serverless', () => {
  it('pass for the console stack, every exception acknowledged with a reason', () => {
    expect(synthError).toBeUndefined();
    const acknowledged = JSON.stringify(hosting.toJSON()).match(/"reason":"[^"]*"/g) ?? [];
    for (const reason of acknowledged) expect(reason.length).toBeGreaterThan(40);
  });
});

describe('the console bucket', () => {
  it('is private, encrypted, TLS only and read by CloudFront through OAC only', () => {
    const buckets = Object.values(hosting.findResources('AWS::S3::Bucket')).map((b) => b.Properties);
    for (const bucket of buckets) {
      expect(bucket.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.BucketEncryption).toBeDefined();
      expect(bucket.WebsiteConfiguration).toBeUndefined();
    }
    const oac = only(hosting, 'AWS::CloudFront::OriginAccessControl').Properties.OriginAccessControlConfig;
    expect(oac).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    const s3Origin = distribution().Origins.find((o: Json) => o.S3OriginConfig);
    expect(s3Origin.OriginAccessControlId).toBeDefined();
    expect(s3Origin.S3OriginConfig.OriginAccessIdentity).toBe('');

    const statements = Object.values(hosting.findResources('AWS::S3::BucketPolicy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as Json[],
    );
    const reads = statements.filter((s) => s.Effect === 'Allow');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({
      Action: 's3:GetObject',
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Condition: { StringEquals: { 'AWS:SourceArn': expect.anything() } },
    });
    // Every bucket refuses plain HTTP.
    expect(
      statements.filter((s) => s.Effect === 'Deny' && resolved(s.Condition).includes('aws:SecureTransport')),
    ).toHaveLength(buckets.length);
  });
});

describe('the distribution', () => {
  it('serves the tenant’s first front-end origin with its us-east-1 certificate, TLS 1.2 and more', () => {
    const config = distribution();
    expect(config.Aliases).toEqual([new URL(example().frontEndOrigins[0]).host]);
    expect(config.ViewerCertificate).toEqual({
      AcmCertificateArn: example().console.certificateArn,
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.Logging).toBeDefined();
    expect(config.DefaultRootObject).toBe('index.html');
  });

  it('answers /graphql from API Gateway, uncached, with every viewer header but Host', () => {
    const [graphql, ...others] = distribution().CacheBehaviors as [Json, ...Json[]];
    expect(others).toEqual([]);
    expect(graphql).toMatchObject({
      PathPattern: '/graphql',
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: expect.arrayContaining(['GET', 'POST', 'OPTIONS']),
      // The managed CachingDisabled and AllViewerExceptHostHeader policies.
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
      ResponseHeadersPolicyId: expect.anything(),
    });
    expect(graphql.FunctionAssociations).toBeUndefined();
    const apiOrigin = distribution().Origins.find((o: Json) => o.Id === graphql.TargetOriginId);
    expect(apiOrigin.CustomOriginConfig).toMatchObject({
      OriginProtocolPolicy: 'https-only',
      OriginSSLProtocols: ['TLSv1.2'],
    });
    const domain = resolved(apiOrigin.DomainName);
    expect(domain).toContain('.execute-api.ap-northeast-1.');
    expect(domain).toMatch(/ImportValue.*DispatchHubStateless/);
  });

  it('never turns an error into index.html (an API error stays an API error)', () => {
    expect(distribution().CustomErrorResponses).toBeUndefined();
  });
});

describe('SPA routing (the viewer-request function)', () => {
  const route = (uri: string) => {
    const handler = new Function(`${SPA_ROUTING_FUNCTION}; return handler;`)() as (event: Json) => Json;
    return handler({ request: { uri, method: 'GET', headers: {} } });
  };

  it('answers a route of the app with index.html and passes files through', () => {
    for (const uri of ['/', '/clients', '/clients/CL-123', '/inquiries/IQ-1/hearing', '/auth/callback'])
      expect(route(uri)).toMatchObject({ uri: '/index.html' });
    for (const uri of ['/assets/index-3f2a1b.js', '/favicon.svg', '/console-config.json', '/index.html'])
      expect(route(uri)).toMatchObject({ uri });
  });

  it('never answers an API path with the app', () => {
    for (const uri of ['/graphql/', '/graphql/x', '/webhooks/inquiry', '/webhooks/gmosign/abc', '/dev/token'])
      expect(route(uri)).toEqual({ statusCode: 404, statusDescription: 'Not Found' });
  });

  it('is the function the distribution runs on the console’s behaviour', () => {
    const fn = only(hosting, 'AWS::CloudFront::Function').Properties;
    expect(fn.FunctionCode).toBe(SPA_ROUTING_FUNCTION);
    expect(fn.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    expect(distribution().DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: expect.anything() },
    ]);
  });
});

describe('security headers', () => {
  it('sends HSTS, no framing, nosniff, a same-origin referrer policy on every behaviour', () => {
    const security = headers().SecurityHeadersConfig;
    expect(security.StrictTransportSecurity).toMatchObject({ IncludeSubdomains: true, Override: true });
    expect(security.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31_536_000);
    expect(security.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(security.ContentTypeOptions).toEqual({ Override: true });
    expect(security.ReferrerPolicy).toEqual({ ReferrerPolicy: 'same-origin', Override: true });
    const policyId = distribution().DefaultCacheBehavior.ResponseHeadersPolicyId;
    for (const behavior of distribution().CacheBehaviors)
      expect(behavior.ResponseHeadersPolicyId).toEqual(policyId);
  });

  it('allows the console’s own scripts, the sign-in endpoints and the documents bucket, and nothing else', () => {
    const csp = resolved(headers().SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain('https://dispatch-hub-000000000000.auth.ap-northeast-1.amazoncognito.com');
    expect(csp).toContain('https://cognito-idp.ap-northeast-1.amazonaws.com');
    expect(csp).toMatch(/RegionalDomainName/);
    expect(csp).not.toMatch(/unsafe-eval|\*/);
  });

  it('builds the policy from its parts', () => {
    expect(
      contentSecurityPolicy({
        signInOrigins: ['https://a.auth.example'],
        documentsOrigin: 'https://docs.s3.example',
      }),
    ).toContain("connect-src 'self' https://a.auth.example https://docs.s3.example;");
  });
});

describe('deploying the built console', () => {
  const deployments = () =>
    Object.values(hosting.findResources('Custom::CDKBucketDeployment')).map((d) => d.Properties);

  it('puts hashed files for a year and index.html with its sign-in configuration revalidated', () => {
    const [assets, entry] = deployments() as [Json, Json];
    expect(deployments()).toHaveLength(2);
    expect(assets).toMatchObject({
      Prune: false,
      Exclude: ['index.html'],
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect(entry).toMatchObject({
      Prune: false,
      Exclude: ['*'],
      Include: ['index.html', 'console-config.json'],
      SystemMetadata: { 'cache-control': 'no-cache' },
    });
    // console-config.json names the user pool (its issuer) and the hosted UI's client.
    const markers = Object.values((entry.SourceMarkers as Json[])[1] as Json).map(
      (m) => m['Fn::ImportValue'],
    );
    expect(markers).toEqual([
      expect.stringMatching(/^DispatchHubStateful:ExportsOutputRefStaff[0-9A-F]{8}/),
      expect.stringMatching(/^DispatchHubStateful:ExportsOutputRefStaffFrontEnd/),
    ]);
    expect(only(hosting, 'AWS::Lambda::Function').Properties.MemorySize).toBe(512);
  });
});

describe('sign-in through the hosted UI', () => {
  it('gives the user pool a Cognito domain owned by the console stack', () => {
    expect(only(hosting, 'AWS::Cognito::UserPoolDomain').Properties.Domain).toBe('dispatch-hub-000000000000');
  });

  it('lets the public client use the code flow (PKCE) back to the console only', () => {
    const client = only(stateful, 'AWS::Cognito::UserPoolClient').Properties;
    const origin = example().frontEndOrigins[0];
    expect(client).toMatchObject({
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      CallbackURLs: [`${origin}/auth/callback`],
      LogoutURLs: [`${origin}/`],
      SupportedIdentityProviders: ['COGNITO'],
      GenerateSecret: false,
    });
    expect([...client.AllowedOAuthScopes].sort()).toEqual(['email', 'openid', 'profile']);
  });

  it('follows the tenant: its host, its certificate, its account’s sign-in domain', {
    timeout: 120_000,
  }, () => {
    const built = build(production());
    const config = Template.fromStack(built.consoleHosting).findResources('AWS::CloudFront::Distribution');
    const distributionConfig = (Object.values(config)[0] as Json).Properties.DistributionConfig;
    expect(distributionConfig.Aliases).toEqual(['console.agency.co.jp']);
    expect(distributionConfig.ViewerCertificate.AcmCertificateArn).toBe(CERTIFICATE);
    Template.fromStack(built.stateful).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://console.agency.co.jp/auth/callback'],
    });
    Template.fromStack(built.consoleHosting).hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: 'dispatch-hub-123456789012',
    });
    expect(
      Template.fromStack(built.consoleHosting).toJSON().Rules?.ExampleConfigurationIsNotDeployable,
    ).toBeUndefined();
    expect(hosting.toJSON().Rules.ExampleConfigurationIsNotDeployable).toBeDefined();
  });

  it('refuses a certificate outside us-east-1 and a console origin without https, naming the setting', () => {
    expect(() =>
      build({
        ...production(),
        console: { certificateArn: CERTIFICATE.replace('us-east-1', 'ap-northeast-1') },
      }),
    ).toThrow(/console\.certificateArn: must be the ARN of an ACM certificate in us-east-1/);
    expect(() => build({ ...production(), frontEndOrigins: ['http://localhost:5173'] })).toThrow(
      /frontEndOrigins\.0: the first front-end origin is where CloudFront serves the console/,
    );
  });
});
