/** The DynamoDB document client with a timeout on every call and the SDK's bounded, retryable-only retries. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { awsRequestHandler } from '../shared/aws-sdk.js';

export interface DynamoDbConnection {
  region: string;
  /** DynamoDB Local's URL; absent on AWS. */
  endpoint?: string;
  /** Per-attempt timeout in ms (3 s on AWS, 30 s against DynamoDB Local). */
  requestTimeoutMs?: number;
  maxAttempts?: number;
}

export function createDocumentClient(connection: DynamoDbConnection): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: connection.region,
    maxAttempts: connection.maxAttempts ?? 3,
    // DynamoDB Local answers as fast as the machine's CPU lets it: a busy machine is no outage.
    requestHandler: awsRequestHandler(connection.requestTimeoutMs ?? (connection.endpoint ? 30_000 : 3000)),
    ...(connection.endpoint
      ? {
          endpoint: connection.endpoint,
          // DynamoDB Local accepts any credentials; these are not secrets.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
