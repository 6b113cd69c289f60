/**
 * The role × operation matrix generated from the schema itself, so an operation added later
 * cannot be missed: every root field must declare who may call it; without a token every one is
 * UNAUTHENTICATED; for every role the permission's roles (core/access.ts) get past the role check
 * and every other role is refused with rule ROLE_NOT_ALLOWED. Against DynamoDB Local.
 * Requirements: X-5.
 */
import {
  type GraphQLField,
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
import { type Actor, may, type Permission, ROLES } from '../core/access.js';
import { schema } from '../graphql/schema/index.js';
import { createTestApi } from './support/api.js';
import { hubDeps, seedDirectory } from './support/builders.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';

let t: TestLedger;
let api: Awaited<ReturnType<typeof createTestApi>>;

beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger);
  api = await createTestApi(hubDeps(t.ledger));
});

type Scopes = { permission?: Permission; authenticated?: boolean } | undefined;
const scopesOf = (field: GraphQLField<unknown, unknown>): Scopes =>
  (field.extensions as { pothosOptions?: { authScopes?: Scopes } }).pothosOptions?.authScopes;

/** A value of the type good enough to get past GraphQL's own checks (the use case may still refuse it). */
function sample(type: GraphQLInputType): unknown {
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) return [sample(nullable.ofType)];
  if (isInputObjectType(nullable)) {
    return Object.fromEntries(
      Object.values(nullable.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, sample(f.type)]),
    );
  }
  if (isEnumType(nullable)) return nullable.getValues()[0]?.value;
  switch (nullable.name) {
    case 'Int':
      return 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return true;
    case 'DateTime':
      return '2026-12-01T00:00:00.000Z';
    default:
      return 'x';
  }
}

/** The operation calling one root field with sampled required arguments. */
function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const required = field.args.filter((a) => isNonNullType(a.type));
  const variables = Object.fromEntries(required.map((a) => [a.name, sample(a.type)]));
  const declared = required.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const passed = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return {
    query: `${kind}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`,
    variables,
  };
}

const roots = [
  ...Object.values(schema.getQueryType()?.getFields() ?? {}).map((f) => ['query', f] as const),
  ...Object.values(schema.getMutationType()?.getFields() ?? {}).map((f) => ['mutation', f] as const),
].filter(([, f]) => f.name !== 'node' && f.name !== 'nodes');

const actorOf = (role: Actor['role']): Actor =>
  role === 'SALES'
    ? { userId: 'sales-tokyo-1', role, department: 'SALES_TOKYO' }
    : role === 'MANAGER'
      ? { userId: 'mgr-tokyo-1', role, department: 'SALES_TOKYO' }
      : { userId: `${role.toLowerCase()}-1`, role };

describe('the role × operation matrix, from the schema', () => {
  it('has an operation to check, and every root field says who may call it', () => {
    expect(roots.length).toBeGreaterThan(30);
    const unguarded = roots.filter(([, f]) => !scopesOf(f)).map(([, f]) => f.name);
    expect(unguarded).toEqual([]);
  });

  it('answers UNAUTHENTICATED to every operation without a token', async () => {
    for (const [kind, field] of roots) {
      const { query, variables } = operationFor(kind, field);
      const result = await api.graphql(undefined, query, variables);
      expect({ field: field.name, code: result.errors?.[0]?.extensions?.code }).toEqual({
        field: field.name,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  for (const role of ROLES) {
    it(`lets ${role} past the role check exactly where core/access.ts allows it`, async () => {
      for (const [kind, field] of roots) {
        const permission = scopesOf(field)?.permission;
        if (!permission) continue;
        const { query, variables } = operationFor(kind, field);
        const result = await api.graphql(actorOf(role), query, variables);
        const refusedByRole = (result.errors ?? []).some(
          (e) => (e.extensions as { rule?: string } | undefined)?.rule === 'ROLE_NOT_ALLOWED',
        );
        expect({ field: field.name, permission, refusedByRole }).toEqual({
          field: field.name,
          permission,
          refusedByRole: !may(actorOf(role), permission),
        });
      }
    }, 120_000);
  }
});
