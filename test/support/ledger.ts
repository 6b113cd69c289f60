/** A fresh ledger table in the run's DynamoDB Local for one test file. */
import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { createDocumentClient } from '../../integrations/dynamodb/dynamodb-client.js';
import { DynamoDbClientLedger } from '../../integrations/dynamodb/dynamodb-client-ledger.adapter.js';
import { ensureLedgerTable } from '../../integrations/dynamodb/ensure-table.js';

export interface TestLedger {
  db: DynamoDBDocumentClient;
  tableName: string;
  ledger: DynamoDbClientLedger;
}

export async function createTestLedger(): Promise<TestLedger> {
  const db = createDocumentClient({ region: 'local', endpoint: inject('dynamoDbEndpoint') });
  const tableName = `test-${randomUUID()}`;
  await ensureLedgerTable(db, tableName);
  return { db, tableName, ledger: new DynamoDbClientLedger(db, { tableName, conflictBackoffMs: 5 }) };
}
