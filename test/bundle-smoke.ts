/**
 * `npm run smoke:bundle` (after `npm run synth`): runs the esbuild bundle that CDK deploys for
 * the GraphQL function, under this Node, against DynamoDB Local, with claims shaped as API
 * Gateway's JWT authorizer passes them from Cognito. Proves the deployable artefact starts,
 * composes from its environment and answers.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomIds } from '../core/ids.js';
import { startDynamoDbLocal } from '../dev/dynamodb-local.js';
import { seedDirectory } from '../dev/seed-directory.js';
import { createDocumentClient } from '../integrations/dynamodb/dynamodb-client.js';
import { DynamoDbClientLedger } from '../integrations/dynamodb/dynamodb-client-ledger.adapter.js';
import { ensureLedgerTable } from '../integrations/dynamodb/ensure-table.js';
import { systemClock } from '../integrations/system-clock.js';

type Template = { Resources: Record<string, { Type: string; Metadata?: Record<string, string> }> };

async function main() {
  const outdir = resolve('cdk.out');
  const template = JSON.parse(
    readFileSync(join(outdir, 'DispatchHubStateless.template.json'), 'utf8'),
  ) as Template;
  const fn = Object.entries(template.Resources).find(
    ([id, r]) => r.Type === 'AWS::Lambda::Function' && id.startsWith('GraphQL'),
  );
  const assetPath = fn?.[1].Metadata?.['aws:asset:path'];
  if (!assetPath) throw new Error('no bundled GraphQL function in cdk.out: run `npm run synth` first');

  const dynamo = await startDynamoDbLocal({ port: 0 });
  try {
    const db = createDocumentClient({ region: 'local', endpoint: dynamo.endpoint });
    await ensureLedgerTable(db, 'smoke');
    await seedDirectory({
      ledger: new DynamoDbClientLedger(db, { tableName: 'smoke' }),
      clock: systemClock,
      ids: randomIds,
    });
    db.destroy();

    Object.assign(process.env, {
      AWS_REGION: 'ap-northeast-1',
      LEDGER_TABLE_NAME: 'smoke',
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      POWERTOOLS_LOG_LEVEL: 'WARN',
      // Composed at the first call; this query neither uploads nor starts a workflow.
      DOCUMENTS_BUCKET: 'smoke-documents',
      CREDIT_PRECHECK_STATE_MACHINE_ARN:
        'arn:aws:states:ap-northeast-1:000000000000:stateMachine:smoke-credit',
      CONTRACT_EXECUTION_STATE_MACHINE_ARN:
        'arn:aws:states:ap-northeast-1:000000000000:stateMachine:smoke-contract',
      ORDER_APPROVAL_STATE_MACHINE_ARN: 'arn:aws:states:ap-northeast-1:000000000000:stateMachine:smoke-order',
      INDIVIDUAL_CONTRACT_STATE_MACHINE_ARN:
        'arn:aws:states:ap-northeast-1:000000000000:stateMachine:smoke-individual',
    });
    const { handler } = (await import(pathToFileURL(join(outdir, assetPath, 'index.mjs')).href)) as {
      handler: (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;
    };
    const result = await handler(
      {
        version: '2.0',
        routeKey: 'POST /graphql',
        rawPath: '/graphql',
        rawQueryString: '',
        headers: { 'content-type': 'application/json', 'x-graphql-yoga-csrf': '1' },
        requestContext: {
          domainName: 'api.example',
          http: { method: 'POST', path: '/graphql' },
          authorizer: { jwt: { claims: { sub: 'mkt.suzuki', 'cognito:groups': '[MARKETING]' } } },
        },
        body: JSON.stringify({ query: '{ me { userId role staffMember { name } } salesDepartments }' }),
        isBase64Encoded: false,
      },
      {
        functionName: 'smoke',
        awsRequestId: 'smoke-1',
        invokedFunctionArn: 'arn:aws:lambda:local:0:function:smoke',
      },
    );
    const body = JSON.parse(result.body) as {
      data?: { me?: { role?: string }; salesDepartments?: string[] };
    };
    if (
      result.statusCode !== 200 ||
      body.data?.me?.role !== 'MARKETING' ||
      body.data.salesDepartments?.length !== 3
    ) {
      throw new Error(`unexpected answer ${result.statusCode}: ${result.body}`);
    }
    console.log(`bundled GraphQL handler answered: ${result.body}`);
  } finally {
    await dynamo.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`bundle smoke test failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
