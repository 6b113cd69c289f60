/** The GraphQL Lambda handler with API Gateway events carrying the JWT authorizer's claims. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beforeAll, expect, it } from 'vitest';
import { InMemoryDocumentStore } from '../core/testing/in-memory-document-store.js';
import { RecordingWorkflowEngine } from '../core/testing/recording-workflow-engine.js';
import { hubDeps, seedDirectory } from '../test/support/builders.js';
import { createTestLedger, type TestLedger } from '../test/support/ledger.js';
import { makeHandler } from './graphql.handler.js';
import { createLogger } from './shared/logger.js';

let t: TestLedger;
beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger);
});

function event(query: string, claims?: Record<string, unknown>): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /graphql',
    rawPath: '/graphql',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    requestContext: {
      domainName: 'api.example',
      http: {
        method: 'POST',
        path: '/graphql',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'test',
      },
      ...(claims ? { authorizer: { jwt: { claims, scopes: [] } } } : {}),
    } as APIGatewayProxyEventV2['requestContext'],
    body: JSON.stringify({ query }),
    isBase64Encoded: false,
  };
}

it('answers with the actor from the authorizer’s Cognito claims', async () => {
  const handler = makeHandler({
    hub: {
      ...hubDeps(t.ledger),
      documents: new InMemoryDocumentStore(),
      workflows: new RecordingWorkflowEngine(),
    },
    logger: createLogger('test'),
  });
  const result = await handler(
    event('{ me { userId role department } }', {
      sub: 'uuid-1',
      'cognito:username': 'sales-tokyo-1',
      'cognito:groups': '[SALES]',
      'custom:department': 'SALES_TOKYO',
    }),
  );
  expect(result.statusCode).toBe(200);
  expect(JSON.parse(result.body as string)).toEqual({
    data: { me: { userId: 'sales-tokyo-1', role: 'SALES', department: 'SALES_TOKYO' } },
  });
});

it('refuses a request without claims', async () => {
  const handler = makeHandler({
    hub: {
      ...hubDeps(t.ledger),
      documents: new InMemoryDocumentStore(),
      workflows: new RecordingWorkflowEngine(),
    },
    logger: createLogger('test'),
  });
  const result = await handler(event('{ me { userId } }'));
  expect(JSON.parse(result.body as string).errors[0].extensions.code).toBe('UNAUTHENTICATED');
});
