/**
 * Every gate of the individual contract is unbypassable through GraphQL, by any role: for each
 * gate left failing, every role's submitIndividualContract and renewIndividualContract is refused
 * (FORBIDDEN for a role that may not send, PRECONDITION_FAILED naming the gate for one that may),
 * and every mutation of the schema, called by every role with the contract's and client's ids,
 * leaves no individual-contract application and no envelope behind. Against DynamoDB Local.
 * Requirements: A5-3, A5-4, A5-5, A5-6, X-4, X-5.
 */
import {
  type GraphQLInputType,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Actor, ROLES } from '../core/access.js';
import { INDIVIDUAL_CONTRACT_GATES } from '../core/individual-contracts/individual-contract-gates.js';
import { schema } from '../graphql/schema/index.js';
import { createTestApi } from './support/api.js';
import { directory, hubDeps, seedDirectory, staffMember } from './support/builders.js';
import { type ReadyContract, readyIndividualContract } from './support/individual-contracts.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';

let t: TestLedger;
let api: Awaited<ReturnType<typeof createTestApi>>;

beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger, [
    ...directory,
    staffMember({ userId: 'director-1', role: 'DIRECTOR', department: 'EXECUTIVE' }),
    staffMember({ userId: 'legal-1', role: 'LEGAL', department: 'LEGAL' }),
  ]);
  api = await createTestApi(hubDeps(t.ledger, '2026-12-01T01:00:00Z'));
});

const actorOf = (role: Actor['role']): Actor =>
  role === 'SALES'
    ? { userId: 'sales-tokyo-1', role, department: 'SALES_TOKYO' }
    : role === 'MANAGER'
      ? { userId: 'mgr-tokyo-1', role, department: 'SALES_TOKYO' }
      : { userId: `${role.toLowerCase()}-1`, role };

/** The contract failing `gate` (the period gate: a conflict date on the contract's last day). */
const failing = (gate: (typeof INDIVIDUAL_CONTRACT_GATES)[number]) =>
  readyIndividualContract(t.ledger, {
    gstaffClientId: 'G-1001',
    ...(gate === 'PERIOD_CHECK' ? { conflictDate: '2027-03-31' } : { without: gate }),
  });

async function nothingSent(ready: ReadyContract) {
  const applications = await t.ledger.listApplicationsOfClient(ready.clientId);
  expect(applications.filter((a) => a.type === 'INDIVIDUAL_CONTRACT')).toEqual([]);
  expect(await t.ledger.getSignatureEnvelope(`INDIVIDUAL-${ready.individualContractId}`)).toBeUndefined();
}

const SUBMIT = `mutation($id: ID!) { submitIndividualContract(input: { individualContractId: $id }) {
  __typename ... on PreconditionFailedError { rule message } } }`;

describe('the individual contract’s gates through GraphQL', () => {
  for (const gate of INDIVIDUAL_CONTRACT_GATES) {
    it(`refuses ${gate} to every role and sends nothing`, async () => {
      const ready = await failing(gate);
      for (const role of ROLES) {
        const result = await api.graphql(actorOf(role), SUBMIT, { id: ready.individualContractId });
        const data = result.data?.submitIndividualContract as { __typename?: string; rule?: string } | null;
        const mayManage = role === 'SALES' || role === 'MANAGER' || role === 'DIRECTOR';
        if (mayManage)
          expect({ role, data }).toEqual({ role, data: expect.objectContaining({ rule: gate }) });
        else
          expect({ role, code: result.errors?.[0]?.extensions?.code }).toEqual({ role, code: 'FORBIDDEN' });
      }
      await nothingSent(ready);
    }, 60_000);
  }

  it('leaves no application or envelope behind whatever mutation any role calls with the contract’s ids', async () => {
    const ready = await failing('TERMS_COMPLETE');
    const idFor = (name: string) => (/client/i.test(name) ? ready.clientId : ready.individualContractId);
    const sample = (type: GraphQLInputType, name: string): unknown => {
      const nullable = getNullableType(type) as GraphQLInputType;
      if (isListType(nullable)) return [sample(nullable.ofType, name)];
      if (isInputObjectType(nullable))
        return Object.fromEntries(
          Object.values(nullable.getFields())
            .filter((f) => isNonNullType(f.type))
            .map((f) => [f.name, sample(f.type, f.name)]),
        );
      if (isEnumType(nullable)) return nullable.getValues()[0]?.value;
      if (nullable.name === 'Int') return 1;
      if (nullable.name === 'Boolean') return true;
      if (nullable.name === 'DateTime') return '2026-12-01T00:00:00.000Z';
      if (nullable.name === 'ID') return idFor(name);
      return /date/i.test(name) ? '2027-06-30' : 'x';
    };
    const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
    expect(mutations.length).toBeGreaterThan(20);
    for (const role of ROLES) {
      for (const field of mutations) {
        const required = field.args.filter((a) => isNonNullType(a.type));
        const variables = Object.fromEntries(required.map((a) => [a.name, sample(a.type, a.name)]));
        const declared = required.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
        const passed = required.map((a) => `${a.name}: $${a.name}`).join(', ');
        await api.graphql(
          actorOf(role),
          `mutation${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${
            isLeafType(getNamedType(field.type)) ? '' : ' { __typename }'
          } }`,
          variables,
        );
      }
    }
    await nothingSent(ready);
  }, 240_000);
});
