/** The GraphQL Lambda handler with API Gateway events carrying the JWT authorizer's claims. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beforeAll, expect, inject, it } from 'vitest';
import { recordPhoneInquiry } from '../core/inquiries/record-phone-inquiry.js';
import type { SyncConflict, SyncedKintoneRecord } from '../core/sync/sync-model.js';
import { InMemoryDocumentStore } from '../core/testing/in-memory-document-store.js';
import { RecordingWorkflowEngine } from '../core/testing/recording-workflow-engine.js';
import { hubDeps, managerTokyo, phoneInquiry, salesTokyo, seedDirectory } from '../test/support/builders.js';
import { createTestLedger, type TestLedger } from '../test/support/ledger.js';
import { WORKFLOW_SETTINGS } from './config.js';
import { handler, makeHandler } from './graphql.handler.js';
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

it('the deployed composition resolves a kintone sync conflict without a kintone connection: the outbox owes the write', async () => {
  // The function as deployed: composed from its environment, which names no kintone secret.
  const env = {
    AWS_REGION: 'ap-northeast-1',
    LEDGER_TABLE_NAME: t.tableName,
    DYNAMODB_ENDPOINT: inject('dynamoDbEndpoint'),
    DOCUMENTS_BUCKET: 'documents',
    ...Object.fromEntries(
      WORKFLOW_SETTINGS.map((s) => [s, `arn:aws:states:ap-northeast-1:1:stateMachine:${s}`]),
    ),
  };
  const saved = { ...process.env };
  Object.assign(process.env, env);
  delete process.env.KINTONE_SECRET_ARN;
  try {
    const hub = hubDeps(t.ledger);
    const inquiry = await recordPhoneInquiry(hub, salesTokyo, phoneInquiry({ company: '株式会社解決先' }));
    const at = hub.clock.now().toISOString();
    const agreed = { hubId: 'ord_resolve_1', clientId: inquiry.clientId, status: 'INQUIRY', summary: '元' };
    const synced: SyncedKintoneRecord = {
      app: 'orders',
      hubId: 'ord_resolve_1',
      clientId: inquiry.clientId,
      recordId: '77',
      revision: 3,
      kintoneUpdatedAt: at,
      fields: agreed,
      hubFields: agreed,
      lastChangedBy: 'HUB',
      openConflictId: 'sc_orders_ord_resolve_1_1',
      syncedAt: at,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    const conflict: SyncConflict = {
      conflictId: 'sc_orders_ord_resolve_1_1',
      system: 'kintone',
      app: 'orders',
      hubId: 'ord_resolve_1',
      clientId: inquiry.clientId,
      recordId: '77',
      status: 'OPEN',
      detectedAt: at,
      detectedBy: 'HUB_WRITE',
      agreed,
      hubVersion: { ...agreed, summary: 'ハブ' },
      sourceVersion: { ...agreed, summary: 'キントーン' },
      sourceRevision: 4,
      sourceUpdatedAt: at,
      differingFields: [{ field: 'summary', agreed: '元', hub: 'ハブ', source: 'キントーン' }],
      heldOutboxEntryIds: [],
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    await t.ledger.commit(
      [
        { entity: { type: 'KINTONE_RECORD', value: synced } },
        { entity: { type: 'SYNC_CONFLICT', value: conflict } },
      ],
      [],
    );
    const result = await handler(
      event(
        `mutation { resolveSyncConflict(input: { conflictId: "${conflict.conflictId}", resolution: KEEP_HUB }) {
          __typename ... on SyncConflict { status system } } }`,
        {
          sub: 'uuid-m',
          'cognito:username': managerTokyo.userId,
          'cognito:groups': '[MANAGER]',
          'custom:department': 'SALES_TOKYO',
        },
      ),
      { awsRequestId: 'req-1', getRemainingTimeInMillis: () => 10_000 } as never,
    );
    expect(JSON.parse(result.body as string)).toEqual({
      data: { resolveSyncConflict: { __typename: 'SyncConflict', status: 'RESOLVED', system: 'kintone' } },
    });
    const owed = (await t.ledger.listKintoneOutboxEntriesOfClient(inquiry.clientId)).filter(
      (e) => e.hubId === 'ord_resolve_1',
    );
    expect(owed).toMatchObject([{ state: 'PENDING', order: { summary: 'ハブ' } }]);
    expect((await t.ledger.getSyncedKintoneRecords('orders', ['ord_resolve_1']))[0]).toMatchObject({
      revision: 4,
      fields: { summary: 'キントーン' },
    });
  } finally {
    for (const key of Object.keys(env)) delete process.env[key];
    Object.assign(process.env, saved);
  }
});
