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
  try {
    await db.send(new CreateTableCommand(createTableRequest(tableName)));
  } catch (error) {
    // An attempt that timed out may have created it before the SDK's retry asked again.
    if ((error as { name?: string }).name === 'ResourceInUseException') return 'exists';
    throw error;
  }
  return 'created';
}
