/**
 * The single table's key schema, shared by the adapter, the local host, the tests and the CDK
 * stack, so all of them create the same table. See docs/data-model.md.
 */
export const PARTITION_KEY = 'pk';
export const SORT_KEY = 'sk';

/** Overloaded global secondary indexes; each is `<name>pk` / `<name>sk`, all attributes projected. */
export const GSI_NAMES = ['gsi1', 'gsi2', 'gsi3', 'gsi4', 'gsi5'] as const;
export type GsiName = (typeof GSI_NAMES)[number];

export const TABLE_DEFAULT_NAME = 'dispatch-hub-ledger';

/** Epoch seconds after which DynamoDB may remove an item (only short-lived bookkeeping has it). */
export const TTL_ATTRIBUTE = 'expiresAtEpoch';

/** The CreateTable request for DynamoDB Local and tests (on AWS the CDK stack creates it). */
export function createTableRequest(tableName: string) {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    KeySchema: [
      { AttributeName: PARTITION_KEY, KeyType: 'HASH' as const },
      { AttributeName: SORT_KEY, KeyType: 'RANGE' as const },
    ],
    AttributeDefinitions: [PARTITION_KEY, SORT_KEY, ...GSI_NAMES.flatMap((g) => [`${g}pk`, `${g}sk`])].map(
      (name) => ({ AttributeName: name, AttributeType: 'S' as const }),
    ),
    GlobalSecondaryIndexes: GSI_NAMES.map((g) => ({
      IndexName: g,
      KeySchema: [
        { AttributeName: `${g}pk`, KeyType: 'HASH' as const },
        { AttributeName: `${g}sk`, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
}
