/**
 * The ledger contract (X-1, X-4; docs/architecture.md, "Ledger ports"): every port's suite
 * (test/ledger-contract/) runs against the in-memory ledger the core tests use and against the
 * DynamoDB adapter on DynamoDB Local, so the fake cannot drift from the real ledger. DynamoDB
 * Local is the run's one instance (test/support/global-setup.ts); each test gets a new table.
 */
import { randomUUID } from 'node:crypto';
import { describe, inject } from 'vitest';
import type { ClientLedger } from '../core/ledger.js';
import { InMemoryClientLedger } from '../core/testing/in-memory-ledger.js';
import { createDocumentClient } from '../integrations/dynamodb/dynamodb-client.js';
import { DynamoDbClientLedger } from '../integrations/dynamodb/dynamodb-client-ledger.adapter.js';
import { ensureLedgerTable } from '../integrations/dynamodb/ensure-table.js';
import { applicationLedgerContract } from './ledger-contract/application-ledger.contract.js';
import { clientInquiryLedgerContract } from './ledger-contract/client-inquiry-ledger.contract.js';
import {
  establishmentLedgerContract,
  hearingSheetLedgerContract,
  salesRepAssignmentLedgerContract,
  staffDirectoryLedgerContract,
  visitLedgerContract,
} from './ledger-contract/client-records-ledgers.contract.js';
import { individualContractLedgerContract } from './ledger-contract/individual-contract-ledger.contract.js';
import { ledgerCommitContract } from './ledger-contract/ledger-commit.contract.js';
import {
  gstaffMirrorLedgerContract,
  workerRegisterLedgerContract,
} from './ledger-contract/mirror-ledgers.contract.js';
import {
  notificationLedgerContract,
  outboxLedgerContract,
} from './ledger-contract/outbox-ledger.contract.js';
import { orderLedgerContract, syncLedgerContract } from './ledger-contract/sync-order-ledgers.contract.js';

const db = createDocumentClient({ region: 'local', endpoint: inject('dynamoDbEndpoint') });

/** Tables are created a few ahead, while earlier tests run, so no test waits for a whole CreateTable. */
const TABLES_AHEAD = 3;
const tablesAhead: Promise<string>[] = [];
function nextTable(): Promise<string> {
  while (tablesAhead.length < TABLES_AHEAD + 1) {
    const tableName = `contract-${randomUUID()}`;
    tablesAhead.push(ensureLedgerTable(db, tableName).then(() => tableName));
  }
  return tablesAhead.shift() as Promise<string>;
}

const ledgers: { name: string; fresh: () => Promise<ClientLedger> }[] = [
  { name: 'InMemoryClientLedger', fresh: async () => new InMemoryClientLedger() },
  {
    name: 'DynamoDbClientLedger on DynamoDB Local',
    fresh: async () => new DynamoDbClientLedger(db, { tableName: await nextTable(), conflictBackoffMs: 5 }),
  },
];

describe.each(ledgers)('$name', ({ fresh }) => {
  ledgerCommitContract(fresh);
  clientInquiryLedgerContract(fresh);
  salesRepAssignmentLedgerContract(fresh);
  hearingSheetLedgerContract(fresh);
  visitLedgerContract(fresh);
  applicationLedgerContract(fresh);
  outboxLedgerContract(fresh);
  notificationLedgerContract(fresh);
  staffDirectoryLedgerContract(fresh);
  gstaffMirrorLedgerContract(fresh);
  workerRegisterLedgerContract(fresh);
  establishmentLedgerContract(fresh);
  individualContractLedgerContract(fresh);
  syncLedgerContract(fresh);
  orderLedgerContract(fresh);
});
