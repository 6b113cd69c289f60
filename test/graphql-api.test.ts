/**
 * The GraphQL API through `yoga.fetch` against DynamoDB Local: every operation allowed and
 * denied per role, department scoping, typed errors, masking, limits and CSRF.
 * Requirements: A1-1 … A1-4, X-1, X-4, X-5.
 */
import { readFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Role } from '../core/access.js';
import type { ClientLedger } from '../core/ledger.js';
import { schema } from '../graphql/schema/index.js';
import { createTestApi, type GraphQLResult } from './support/api.js';
import {
  actor,
  admin,
  director,
  hubDeps,
  legal,
  managerTokyo,
  marketing,
  phoneInquiry,
  salesOsaka,
  salesTokyo,
  seedDirectory,
} from './support/builders.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';

let t: TestLedger;
let api: Awaited<ReturnType<typeof createTestApi>>;
const deps = () => hubDeps(t.ledger);

beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger);
  api = await createTestApi(deps());
});

const RECORD_PHONE = `mutation($input: RecordPhoneInquiryInput!) {
  recordPhoneInquiry(input: $input) {
    __typename
    ... on Inquiry { id status department channel version client { id stage } }
    ... on ValidationError { fieldErrors { path message } }
  }
}`;

const ROUTE = `mutation($input: RouteInquiryInput!) {
  routeInquiry(input: $input) {
    __typename
    ... on Inquiry { id status department version }
    ... on Error { code message }
    ... on PreconditionFailedError { rule }
  }
}`;

const code = (r: GraphQLResult) => r.errors?.[0]?.extensions?.code;

async function phoneInquiryId(by: Actor = salesTokyo): Promise<string> {
  const result = await api.graphql(by, RECORD_PHONE, {
    input: phoneInquiry({ company: `電話${Math.random()}` }),
  });
  const payload = result.data?.recordPhoneInquiry as { id: string };
  return payload.id;
}

async function webInquiryId(): Promise<string> {
  const { receiveWebInquiry } = await import('../core/inquiries/receive-web-inquiry.js');
  const { webForm } = await import('./support/builders.js');
  const receipt = await receiveWebInquiry(deps(), webForm({ company: `株式会社ウェブ${Math.random()}` }));
  return String(receipt.body.inquiryId);
}

const everyone: Record<Role, Actor> = {
  SALES: salesTokyo,
  MANAGER: managerTokyo,
  DIRECTOR: director,
  LEGAL: legal,
  MARKETING: marketing,
  ADMIN: admin,
};

describe('roles: who may call what', () => {
  const matrix: { operation: string; allowed: Role[]; run: (a: Actor) => Promise<GraphQLResult> }[] = [
    {
      operation: 'recordPhoneInquiry',
      allowed: ['SALES', 'MANAGER', 'DIRECTOR'],
      run: (a) =>
        api.graphql(a, RECORD_PHONE, {
          input: phoneInquiry({ company: `権限${Math.random()}`, department: 'SALES_TOKYO' }),
        }),
    },
    {
      operation: 'routeInquiry',
      allowed: ['MARKETING'],
      run: async (a) =>
        api.graphql(a, ROUTE, { input: { inquiryId: await webInquiryId(), department: 'SALES_TOKYO' } }),
    },
    {
      operation: 'recordFirstContact',
      allowed: ['SALES', 'MANAGER', 'DIRECTOR'],
      run: async (a) => {
        const inquiryId = await webInquiryId();
        await api.graphql(marketing, ROUTE, { input: { inquiryId, department: 'SALES_TOKYO' } });
        return api.graphql(
          a,
          'mutation($id: ID!) { recordFirstContact(input: { inquiryId: $id }) { __typename } }',
          {
            id: inquiryId,
          },
        );
      },
    },
    {
      operation: 'recordHearingJudgment',
      allowed: ['SALES', 'MANAGER', 'DIRECTOR', 'MARKETING'],
      run: async (a) =>
        api.graphql(
          a,
          'mutation($id: ID!) { recordHearingJudgment(input: { inquiryId: $id, judgment: { result: DISPATCHABLE } }) { __typename } }',
          { id: await phoneInquiryId() },
        ),
    },
    {
      operation: 'createStaffMember',
      allowed: ['ADMIN'],
      run: (a) =>
        api.graphql(
          a,
          'mutation($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { __typename } }',
          {
            input: {
              userId: `new.${Math.random().toString(36).slice(2, 8)}`,
              name: '新人 太郎',
              email: 'new@agency.example',
              role: 'SALES',
              department: 'SALES_TOKYO',
            },
          },
        ),
    },
    {
      operation: 'staffMembers',
      allowed: ['ADMIN', 'MANAGER', 'DIRECTOR'],
      run: (a) => api.graphql(a, '{ staffMembers { userId } }'),
    },
    {
      operation: 'me',
      allowed: ['SALES', 'MANAGER', 'DIRECTOR', 'LEGAL', 'MARKETING', 'ADMIN'],
      run: (a) => api.graphql(a, '{ me { userId role } }'),
    },
    {
      operation: 'inquiries',
      allowed: ['SALES', 'MANAGER', 'DIRECTOR', 'LEGAL', 'MARKETING', 'ADMIN'],
      run: (a) => api.graphql(a, '{ inquiries(first: 1) { edges { node { id } } } }'),
    },
  ];

  for (const { operation, allowed, run } of matrix) {
    for (const role of Object.keys(everyone) as Role[]) {
      const expected = allowed.includes(role) ? 'allowed' : 'FORBIDDEN';
      it(`${operation} as ${role}: ${expected}`, async () => {
        const result = await run(everyone[role]);
        if (expected === 'allowed') {
          expect(result.errors).toBeUndefined();
          expect(Object.values(result.data ?? {})[0]).toBeTruthy();
        } else {
          expect(code(result)).toBe('FORBIDDEN');
          expect(result.data).toBeNull();
        }
      });
    }
  }

  it('refuses every operation without a valid token', async () => {
    for (const query of ['{ me { userId } }', '{ inquiries { edges { node { id } } } }']) {
      expect(code(await api.graphql(undefined, query))).toBe('UNAUTHENTICATED');
    }
  });
});

describe('department scoping', () => {
  it('hides another department’s inquiry and lists only one’s own', async () => {
    const id = await phoneInquiryId(salesTokyo);
    const query = 'query($id: ID!) { inquiry(id: $id) { __typename ... on Inquiry { id } } }';
    expect(code(await api.graphql(salesOsaka, query, { id }))).toBe('FORBIDDEN');
    expect((await api.graphql(managerTokyo, query, { id })).data?.inquiry).toEqual({
      __typename: 'Inquiry',
      id,
    });
    expect((await api.graphql(legal, query, { id })).data?.inquiry).toEqual({ __typename: 'Inquiry', id });

    // An Osaka inquiry of its own, so the list cannot pass by being empty.
    const osakaId = await phoneInquiryId(salesOsaka);
    const listed = await api.graphql(
      salesOsaka,
      '{ inquiries(first: 100) { edges { node { id department } } } }',
    );
    const nodes = (
      listed.data!.inquiries as { edges: { node: { id: string; department: string } }[] }
    ).edges.map((e) => e.node);
    expect(nodes.map((n) => n.id)).toContain(osakaId);
    expect(nodes.map((n) => n.id)).not.toContain(id);
    expect(nodes.every((n) => n.department === 'SALES_OSAKA')).toBe(true);
    const other = await api.graphql(
      salesOsaka,
      '{ inquiries(filter: { department: "SALES_TOKYO" }) { edges { node { id } } } }',
    );
    expect(code(other)).toBe('FORBIDDEN');
  });
});

describe('typed errors', () => {
  it('returns a ValidationError naming each bad field', async () => {
    const result = await api.graphql(salesTokyo, RECORD_PHONE, {
      input: {
        company: ' ',
        contactName: '佐藤',
        email: 'nope',
        hearingJudgment: { result: 'NOT_DISPATCHABLE' },
      },
    });
    expect(result.data?.recordPhoneInquiry).toEqual({
      __typename: 'ValidationError',
      fieldErrors: expect.arrayContaining([
        { path: 'input.company', message: 'must not be empty' },
        { path: 'input.email', message: 'must be an e-mail address' },
        {
          path: 'input.hearingJudgment.reason',
          message: 'a reason is required when the work is not dispatchable',
        },
      ]),
    });
  });

  it('returns NotFoundError, ConflictError and PreconditionFailedError as results', async () => {
    const missing = await api.graphql(
      marketing,
      'query { inquiry(id: "inq_missing") { __typename ... on NotFoundError { entity id } } }',
    );
    expect(missing.data?.inquiry).toEqual({
      __typename: 'NotFoundError',
      entity: 'Inquiry',
      id: 'inq_missing',
    });

    const inquiryId = await webInquiryId();
    await api.graphql(marketing, ROUTE, {
      input: { inquiryId, department: 'SALES_TOKYO', expectedVersion: 1 },
    });
    const stale = await api.graphql(marketing, ROUTE, {
      input: { inquiryId, department: 'SALES_OSAKA', expectedVersion: 1 },
    });
    expect(stale.data?.routeInquiry).toMatchObject({ __typename: 'ConflictError', code: 'CONFLICT' });

    const phoneId = await phoneInquiryId();
    const gate = await api.graphql(marketing, ROUTE, {
      input: { inquiryId: phoneId, department: 'SALES_OSAKA' },
    });
    expect(gate.data?.routeInquiry).toMatchObject({
      __typename: 'PreconditionFailedError',
      rule: 'PHONE_INQUIRY_ROUTED_AT_INTAKE',
    });
  });

  it('masks unexpected failures and reports them to the host', async () => {
    const seen: unknown[] = [];
    const broken = new Proxy(t.ledger, {
      get(target, prop, receiver) {
        if (prop === 'getInquiry')
          return async () => Promise.reject(new Error('connection string user=secret'));
        return Reflect.get(target, prop, receiver);
      },
    }) as ClientLedger;
    const brokenApi = await createTestApi({ ...deps(), ledger: broken }, (e) => seen.push(e));
    const result = await brokenApi.graphql(marketing, '{ inquiry(id: "x") { __typename } }');
    expect(result.errors?.[0]).toMatchObject({
      message: 'Unexpected error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(seen).toHaveLength(1);
  });

  it('rejects a foreign cursor with a field error', async () => {
    const result = await api.graphql(marketing, '{ inquiries(after: "bogus") { edges { node { id } } } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('pages and the client ledger', () => {
  it('pages inquiries forward with Relay cursors', async () => {
    const osakaManager = actor('MANAGER', 'SALES_OSAKA', 'mgr-osaka-1');
    for (let i = 0; i < 3; i += 1) await phoneInquiryId(salesOsaka);
    const query = `query($after: String) { inquiries(first: 2, after: $after) {
      edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
    const first = (await api.graphql(osakaManager, query)).data?.inquiries as {
      edges: { node: { id: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await api.graphql(osakaManager, query, { after: first.pageInfo.endCursor })).data
      ?.inquiries as typeof first;
    const ids = [...first.edges, ...second.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows a client with its inquiries and audit trail', async () => {
    const id = await phoneInquiryId();
    const inquiry = await api.graphql(
      salesTokyo,
      'query($id: ID!) { inquiry(id: $id) { ... on Inquiry { client { id } } } }',
      { id },
    );
    const clientId = (inquiry.data!.inquiry as { client: { id: string } }).client.id;
    const result = await api.graphql(
      salesTokyo,
      `query($id: ID!) { client(id: $id) { __typename ... on Client {
        stage inquiries { id channel }
        auditTrail(first: 10) { edges { node { operation actorUserId subjectType changes { field after } } } } } } }`,
      { id: clientId },
    );
    const client = result.data?.client as {
      stage: string;
      inquiries: { id: string }[];
      auditTrail: { edges: { node: { operation: string; subjectType: string; actorUserId: string } }[] };
    };
    expect(client.stage).toBe('PROSPECT');
    expect(client.inquiries.map((i) => i.id)).toEqual([id]);
    expect(client.auditTrail.edges.map((e) => e.node.subjectType).sort()).toEqual(['CLIENT', 'INQUIRY']);
    expect(client.auditTrail.edges.every((e) => e.node.actorUserId === 'sales-tokyo-1')).toBe(true);
  });
});

describe('protections', () => {
  it('limits query depth and aliases', async () => {
    const deep =
      '{ inquiries { edges { node { client { inquiries { client { inquiries { client { inquiries { client { id } } } } } } } } } } }';
    expect((await api.graphql(marketing, deep)).errors?.[0]?.message).toMatch(/depth/i);
    const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: me { userId }`).join(' ')} }`;
    expect((await api.graphql(marketing, aliases)).errors?.[0]?.message).toMatch(/alias/i);
  });

  it('refuses a request a browser could send cross-site without preflight (CSRF)', async () => {
    const response = await api.yoga.fetch('http://localhost/graphql?query=%7Bme%7BuserId%7D%7D', {
      method: 'GET',
      headers: { authorization: `Bearer ${await api.tokenFor(marketing)}` },
    });
    expect(response.status).toBe(403);
  });
});

it('keeps the committed schema.graphql in step with the code (run `npm run schema`)', () => {
  const committed = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
  expect(committed).toBe(`${printSchema(schema)}\n`);
});

describe('staff directory (admin)', () => {
  const UPDATE = `mutation($input: UpdateStaffMemberInput!) { updateStaffMember(input: $input) {
    __typename ... on StaffMember { userId role department supervisorId version }
    ... on Error { code } ... on ValidationError { fieldErrors { path message } } } }`;

  it('adds a person, changes them with optimistic locking, and validates the supervisor', async () => {
    const created = await api.graphql(
      admin,
      `mutation($input: CreateStaffMemberInput!) { createStaffMember(input: $input) {
        __typename ... on StaffMember { userId version } ... on ValidationError { fieldErrors { path } } } }`,
      {
        input: {
          userId: 'sales.tokyo9',
          name: '新人 花子',
          email: 'hanako@agency.example',
          role: 'SALES',
          department: 'SALES_TOKYO',
          supervisorId: 'mgr-tokyo-1',
        },
      },
    );
    expect(created.data?.createStaffMember).toEqual({
      __typename: 'StaffMember',
      userId: 'sales.tokyo9',
      version: 1,
    });

    const moved = await api.graphql(admin, UPDATE, {
      input: {
        userId: 'sales.tokyo9',
        expectedVersion: 1,
        department: 'SALES_OSAKA',
        supervisorId: 'mgr-osaka-1',
      },
    });
    expect(moved.data?.updateStaffMember).toMatchObject({
      department: 'SALES_OSAKA',
      supervisorId: 'mgr-osaka-1',
      version: 2,
    });

    const stale = await api.graphql(admin, UPDATE, {
      input: { userId: 'sales.tokyo9', expectedVersion: 1, role: 'MANAGER' },
    });
    expect(stale.data?.updateStaffMember).toMatchObject({ __typename: 'ConflictError' });

    const badSupervisor = await api.graphql(admin, UPDATE, {
      input: { userId: 'sales.tokyo9', expectedVersion: 2, supervisorId: 'nobody' },
    });
    expect(badSupervisor.data?.updateStaffMember).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: 'input.supervisorId', message: 'no active staff member "nobody"' }],
    });

    const noDepartment = await api.graphql(admin, UPDATE, {
      input: { userId: 'sales.tokyo9', expectedVersion: 2, department: null },
    });
    expect(noDepartment.data?.updateStaffMember).toMatchObject({ __typename: 'ValidationError' });
  });

  it('shows managers only their own department', async () => {
    const listed = await api.graphql(managerTokyo, '{ staffMembers { userId department } }');
    const members = listed.data!.staffMembers as unknown as { department: string }[];
    expect(members.length).toBeGreaterThan(0);
    expect(members.every((m) => m.department === 'SALES_TOKYO')).toBe(true);
  });
});

describe('inbox', () => {
  it('puts a routing notice in the department managers’ inboxes; only the recipient may mark it read', async () => {
    const { receiveWebInquiry } = await import('../core/inquiries/receive-web-inquiry.js');
    const { webForm } = await import('./support/builders.js');
    const receipt = await receiveWebInquiry(deps(), webForm({ company: '株式会社受信箱' }));
    await api.graphql(marketing, ROUTE, {
      input: { inquiryId: String(receipt.body.inquiryId), department: 'SALES_TOKYO' },
    });

    const inbox = await api.graphql(
      managerTokyo,
      '{ myNotifications(first: 100) { edges { node { id kind title inquiryId readAt } } } }',
    );
    // Other tests route inquiries at the same fixed instant too: find this one by its inquiry.
    const entry = (
      inbox.data!.myNotifications as unknown as { edges: { node: { id: string; inquiryId: string } }[] }
    ).edges.find((e) => e.node.inquiryId === String(receipt.body.inquiryId));
    expect(entry?.node).toMatchObject({
      kind: 'INQUIRY_ROUTED',
      title: '【新規お問い合わせ】株式会社受信箱 様（SALES_TOKYO）',
      inquiryId: String(receipt.body.inquiryId),
      readAt: null,
    });
    const mark =
      'mutation($id: ID!) { markNotificationRead(id: $id) { __typename ... on Notification { readAt } } }';
    expect(code(await api.graphql(salesTokyo, mark, { id: entry?.node.id }))).toBe('FORBIDDEN');
    const read = await api.graphql(managerTokyo, mark, { id: entry?.node.id });
    expect(read.data?.markNotificationRead).toMatchObject({
      __typename: 'Notification',
      readAt: expect.any(String),
    });
    const salesInbox = await api.graphql(salesTokyo, '{ myNotifications { edges { node { id } } } }');
    expect((salesInbox.data!.myNotifications as unknown as { edges: unknown[] }).edges).toEqual([]);
  });
});
