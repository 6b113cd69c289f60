/**
 * The role × operation matrix generated from the schema itself, so an operation added later
 * cannot be missed: every root field must declare who may call it; without a token every one is
 * UNAUTHENTICATED; for every role the permission's roles (core/access.ts) get past the role check
 * and every other role is refused with rule ROLE_NOT_ALLOWED. The department dimension: every
 * operation, called by every role from the records' own department and from another, with the ids
 * of a client, inquiry, visit, application and approval task of SALES_TOKYO: from another
 * department sales and managers are refused (OTHER_DEPARTMENT) or shown nothing of the records and
 * change none of them; from the same department nobody is refused for the department; the roles
 * that see every department are never refused for it. Against DynamoDB Local.
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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, may, type Permission, ROLES, seesAllDepartments } from '../core/access.js';
import { approvalTaskIdOf } from '../core/applications/approval-task.js';
import { submitCreditPrecheck } from '../core/applications/submit-credit-precheck.js';
import { schema } from '../graphql/schema/index.js';
import type { LocalWorkflowEngine } from '../integrations/stepfunctions/local-workflow-engine.js';
import { createTestApi } from './support/api.js';
import { directory, hubDeps, salesTokyo, seedDirectory, staffMember } from './support/builders.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';
import { visitedClientRecords } from './support/visits.js';
import { eventually, localEngine, precheck } from './support/workflows.js';

let t: TestLedger;
let api: Awaited<ReturnType<typeof createTestApi>>;

beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger, [
    ...directory,
    staffMember({ userId: 'director-1', role: 'DIRECTOR', department: 'EXECUTIVE' }),
    staffMember({ userId: 'legal-1', role: 'LEGAL', department: 'LEGAL' }),
  ]);
  api = await createTestApi(hubDeps(t.ledger));
});

type Scopes = { permission?: Permission; authenticated?: boolean } | undefined;
const scopesOf = (field: GraphQLField<unknown, unknown>): Scopes =>
  (field.extensions as { pothosOptions?: { authScopes?: Scopes } }).pothosOptions?.authScopes;

/** Ids to put into arguments of these names (the department dimension); others get a sample. */
type Ids = Record<string, string>;

/** A value of the type good enough to get past GraphQL's own checks (the use case may still refuse it). */
function sample(type: GraphQLInputType, ids: Ids = {}): unknown {
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) return [sample(nullable.ofType, ids)];
  if (isInputObjectType(nullable)) {
    return Object.fromEntries(
      Object.values(nullable.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, ids[f.name] ?? sample(f.type, ids)]),
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
function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, ids: Ids = {}) {
  const required = field.args.filter((a) => isNonNullType(a.type));
  // `client(id:)`, `visit(id:)` …: the id of the record the field is named after.
  const rootId = ids[`${field.name}Id`];
  const variables = Object.fromEntries(
    required.map((a) => [a.name, (a.name === 'id' ? rootId : ids[a.name]) ?? sample(a.type, ids)]),
  );
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

describe('the role × operation × department matrix, from the schema', () => {
  const company = '株式会社部署行列検証';
  const phone = '03-6670-4321';
  let ids: Ids;
  let engine: LocalWorkflowEngine;
  let deptApi: Awaited<ReturnType<typeof createTestApi>>;

  /** The actor of a role in a department; sales and managers are the directory's own people. */
  const actorIn = (role: Actor['role'], department: 'SALES_TOKYO' | 'SALES_OSAKA'): Actor => {
    const city = department === 'SALES_TOKYO' ? 'tokyo' : 'osaka';
    if (role === 'SALES') return { userId: `sales-${city}-1`, role, department };
    if (role === 'MANAGER') return { userId: `mgr-${city}-1`, role, department };
    return { userId: `${role.toLowerCase()}-1`, role, department };
  };

  /** What the SALES_TOKYO records look like now: their versions and the length of their audit trail. */
  async function recordsNow() {
    const [client, inquiry, visit, application, task] = await Promise.all([
      t.ledger.getClient(ids.clientId as string),
      t.ledger.getInquiry(ids.inquiryId as string),
      t.ledger.getVisit(ids.visitId as string),
      t.ledger.getApplication(ids.applicationId as string),
      t.ledger.getApprovalTask(ids.taskId as string),
    ]);
    return {
      client: [client?.version, client?.department, client?.salesRepId],
      inquiry: [inquiry?.version, inquiry?.status],
      visit: [visit?.version, visit?.status],
      application: [application?.version, application?.status],
      task: [task?.version, task?.status],
    };
  }

  beforeAll(async () => {
    const hub = hubDeps(t.ledger, '2026-12-01T01:00:00Z');
    engine = localEngine(hub, 3600);
    const d = { ...hub, workflows: engine };
    const records = await visitedClientRecords(d, { company, phone });
    const application = await submitCreditPrecheck(d, salesTokyo, {
      clientId: records.clientId,
      creditPrecheck: precheck(),
    });
    const taskId = approvalTaskIdOf(application.applicationId, 'MANAGER', false);
    await eventually(async () => (await t.ledger.getApprovalTask(taskId))?.status === 'OPEN', 'task open');
    ids = {
      ...records,
      applicationId: application.applicationId,
      taskId,
      salesRepId: 'sales-tokyo-1',
    };
    deptApi = await createTestApi({ ...hub, workflows: engine });
  }, 180_000);
  afterAll(() => engine?.stop());

  const ruleOf = (result: { errors?: { extensions?: unknown }[] }) =>
    (result.errors ?? []).map((e) => (e.extensions as { rule?: string } | undefined)?.rule).find(Boolean);

  it('from another department: sales and managers are refused or shown nothing of the records, and change none', async () => {
    const before = await recordsNow();
    const seen: string[] = [];
    for (const role of ['SALES', 'MANAGER'] as const) {
      const other = actorIn(role, 'SALES_OSAKA');
      for (const [kind, field] of roots) {
        const { query, variables } = operationFor(kind, field, ids);
        const result = await deptApi.graphql(other, query, variables);
        const shown = JSON.stringify(result.data ?? {});
        const rule = ruleOf(result);
        seen.push(`${role}:${field.name}:${rule ?? 'answered'}`);
        expect({
          role,
          field: field.name,
          shown: shown.includes('部署行列検証') || shown.includes(ids.clientId as string),
        }).toEqual({
          role,
          field: field.name,
          shown: false,
        });
        expect(result.status, `${role} ${field.name}`).toBeLessThan(500);
      }
    }
    expect(await recordsNow()).toEqual(before);
    // The department check is what refused the operations that name a record of the department.
    const expected: Record<string, string> = {
      'SALES:client': 'OTHER_DEPARTMENT',
      'SALES:inquiry': 'OTHER_DEPARTMENT',
      'SALES:visit': 'OTHER_DEPARTMENT',
      'SALES:submitCreditPrecheck': 'OTHER_DEPARTMENT',
      'MANAGER:client': 'OTHER_DEPARTMENT',
      'MANAGER:application': 'OTHER_DEPARTMENT',
      'MANAGER:salesRepProposal': 'OTHER_DEPARTMENT',
      'MANAGER:assignSalesRep': 'OTHER_DEPARTMENT',
      'MANAGER:decideApproval': 'OTHER_APPROVAL_POOL',
    };
    const actual = Object.fromEntries(
      seen
        .map((s) => s.split(':'))
        .filter(([role, name]) => `${role}:${name}` in expected)
        .map(([role, name, rule]) => [`${role}:${name}`, rule]),
    );
    expect(actual).toEqual(expected);
  }, 180_000);

  it('from any department: the roles that see every department are never refused for it', async () => {
    for (const role of ROLES.filter((r) => seesAllDepartments({ userId: 'x', role: r }))) {
      for (const department of ['SALES_TOKYO', 'SALES_OSAKA'] as const) {
        for (const [kind, field] of roots.filter(([k]) => k === 'query')) {
          const { query, variables } = operationFor(kind, field, ids);
          const result = await deptApi.graphql(actorIn(role, department), query, variables);
          expect({ role, department, field: field.name, rule: ruleOf(result) }).not.toMatchObject({
            rule: 'OTHER_DEPARTMENT',
          });
        }
      }
    }
    // Reading each record by id works for them from anywhere.
    const read = await deptApi.graphql(
      actorIn('LEGAL', 'SALES_OSAKA'),
      'query($id: ID!) { client(id: $id) { ... on Client { name } } }',
      { id: ids.clientId },
    );
    expect(read.data?.client).toEqual({ name: company });
  }, 180_000);

  it('from the same department: no operation is refused for the department, and the records are shown', async () => {
    for (const role of ROLES) {
      const same = actorIn(role, 'SALES_TOKYO');
      for (const [kind, field] of roots.filter(([k]) => k === 'query')) {
        const { query, variables } = operationFor(kind, field, ids);
        const result = await deptApi.graphql(same, query, variables);
        expect({ role, field: field.name, rule: ruleOf(result) }).not.toMatchObject({
          rule: 'OTHER_DEPARTMENT',
        });
      }
    }
    for (const role of ['SALES', 'MANAGER'] as const) {
      const same = actorIn(role, 'SALES_TOKYO');
      const client = await deptApi.graphql(
        same,
        'query($id: ID!) { client(id: $id) { ... on Client { name } } }',
        {
          id: ids.clientId,
        },
      );
      expect(client.data?.client).toEqual({ name: company });
      const list = await deptApi.graphql(same, '{ clients(first: 50) { edges { node { name } } } }');
      expect(JSON.stringify(list.data)).toContain(company);
    }
    // Mutations last, as they change the records: none is refused for the department.
    for (const role of ROLES) {
      const same = actorIn(role, 'SALES_TOKYO');
      for (const [kind, field] of roots.filter(([k]) => k === 'mutation')) {
        const { query, variables } = operationFor(kind, field, ids);
        const result = await deptApi.graphql(same, query, variables);
        expect({ role, field: field.name, rule: ruleOf(result) }).not.toMatchObject({
          rule: 'OTHER_DEPARTMENT',
        });
        expect(result.status, `${role} ${field.name}`).toBeLessThan(500);
      }
    }
  }, 240_000);
});
