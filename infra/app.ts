/** The CDK app: `npm run synth` works offline; cdk-nag AwsSolutions checks run on every synth. */
import { App, Duration, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { StatefulStack } from './stateful.stack.js';
import { StatelessStack } from './stateless.stack.js';

export function buildApp(app: App = new App()) {
  // Explicit, as the CDK recommends: the stateless stack holds strong references to the stateful one.
  app.node.setContext('@aws-cdk/core:defaultCrossStackReferences', 'strong');
  const env = {
    account: process.env.CDK_DEFAULT_ACCOUNT,
    region: process.env.CDK_DEFAULT_REGION ?? 'ap-northeast-1',
  };
  const stateful = new StatefulStack(app, 'DispatchHubStateful', { env });
  // Tests and the local engine build the workflows with a short approval timeout (context).
  const approvalTimeoutSeconds = Number(app.node.tryGetContext('approvalTimeoutSeconds') ?? 0);
  const signaturePollSeconds = Number(app.node.tryGetContext('signaturePollSeconds') ?? 0);
  const stateless = new StatelessStack(app, 'DispatchHubStateless', {
    env,
    ...(approvalTimeoutSeconds > 0 ? { approvalTimeout: Duration.seconds(approvalTimeoutSeconds) } : {}),
    ...(signaturePollSeconds > 0 ? { signaturePollInterval: Duration.seconds(signaturePollSeconds) } : {}),
    table: stateful.table,
    documents: stateful.documents,
    userPool: stateful.userPool,
    userPoolClient: stateful.userPoolClient,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stateful, stateless };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildApp().app.synth();
}
