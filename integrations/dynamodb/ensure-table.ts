/** Creates the ledger table with its indexes when missing (DynamoDB Local and tests; CDK does it on AWS). */
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTableRequest } from './table-layout.js';

export async function ensureLedgerTable(
  db: DynamoDBDocumentClient,
  tableName: string,
): Promise<'created' | 'exists'> {
  try {
    await db.send(new DescribeTableCommand({ TableName: tableName }));
    return 'exists';
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await db.send(new CreateTableCommand(createTableRequest(tableName)));
  return 'created';
}
