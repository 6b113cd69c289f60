/**
 * The CDK app. Every tenant setting comes from the tenant configuration (infra/config.ts):
 * `npx cdk deploy -c config=infra/config/<tenant>.json`. The stacks are pinned to ap-northeast-1
 * and to the configured account; `npm run synth` uses the example configuration, which can be
 * synthesized offline but not deployed. cdk-nag (AwsSolutions and Serverless) runs on every synth.
 */
import { App, CfnRule, Duration, Fn, type Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { REGION, type TenantConfig, tenantConfigFromContext } from './config.js';
import { ConsoleHostingStack, consoleOrigin } from './console-hosting.js';
import { StatefulStack } from './stateful.stack.js';
import { StatelessStack } from './stateless.stack.js';

/** Seconds from a context value (the tests and the local engine shorten the workflows' waits). */
function seconds(app: App, key: string): Duration | undefined {
  const value = Number(app.node.tryGetContext(key) ?? 0);
  return value > 0 ? Duration.seconds(value) : undefined;
}

/** An example configuration's stacks carry a rule CloudFormation always refuses: never deployable. */
function refuseDeployment(stack: Stack) {
  new CfnRule(stack, 'ExampleConfigurationIsNotDeployable', {
    assertions: [
      {
        assert: Fn.conditionEquals('example', 'deployable'),
        assertDescription:
          'Synthesized from the example configuration (infra/config/example.json); deploy with -c config=<your tenant file>.',
      },
    ],
  });
}

/**
 * `checks: false` skips cdk-nag: only for the local engine, which takes the state machine
 * definitions from the template (every `npm run synth` and the infra tests run the checks).
 */
export function buildApp(app: App = new App(), options: { checks?: boolean } = {}) {
  // Explicit, as the CDK recommends: the stateless stack holds strong references to the stateful one.
  app.node.setContext('@aws-cdk/core:defaultCrossStackReferences', 'strong');
  const config: TenantConfig = tenantConfigFromContext((key) => app.node.tryGetContext(key));
  // The CLI's CDK_DEFAULT_REGION is ignored on purpose: the configuration pins the region.
  if (config.region !== REGION) throw new Error(`region must be ${REGION}`);
  const env = { account: config.account, region: config.region };
  const stateful = new StatefulStack(app, 'DispatchHubStateful', {
    env,
    frontEndOrigins: config.frontEndOrigins,
    consoleOrigin: consoleOrigin(config),
  });
  const signaturePollInterval = seconds(app, 'signaturePollSeconds');
  // A short poll (tests, local engine) gets a wait of 100 polls unless one is given.
  const signatureWait =
    seconds(app, 'signatureWaitSeconds') ??
    (signaturePollInterval ? Duration.seconds(signaturePollInterval.toSeconds() * 100) : undefined);
  const approvalTimeout = seconds(app, 'approvalTimeoutSeconds');
  const stateless = new StatelessStack(app, 'DispatchHubStateless', {
    env,
    config,
    ...(approvalTimeout ? { approvalTimeout } : {}),
    ...(signaturePollInterval ? { signaturePollInterval } : {}),
    ...(signatureWait ? { signatureWait } : {}),
    table: stateful.table,
    documents: stateful.documents,
    userPool: stateful.userPool,
    userPoolClient: stateful.userPoolClient,
    secrets: stateful.secrets,
    auditLogs: stateful.auditLogs,
  });
  const consoleHosting = new ConsoleHostingStack(app, 'DispatchHubConsole', {
    env,
    config,
    userPool: stateful.userPool,
    userPoolClient: stateful.userPoolClient,
    documents: stateful.documents,
    api: stateless.api,
  });
  if (config.purpose === 'example')
    for (const stack of [stateful, stateless, consoleHosting]) refuseDeployment(stack);
  if (options.checks ?? true)
    Validations.of(app).addPlugins(
      new AwsSolutionsChecks(app, { verbose: true }),
      new ServerlessChecks(app, { verbose: true }),
    );
  return { app, config, stateful, stateless, consoleHosting };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildApp().app.synth();
}
