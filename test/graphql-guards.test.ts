/**
 * What the GraphQL edge refuses before anything runs, against DynamoDB Local: a request over the
 * size limit, a string input over its length (named, never an unexpected error from the
 * database), introspection by anyone but administrators (on AWS) or signed-in people (locally),
 * and refusals that name their rule from the schema's RefusalRule list. Requirements.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { REFUSAL_RULES } from '../core/errors.js';
import { InMemoryDocumentStore } from '../core/testing/in-memory-document-store.js';
import { RecordingWorkflowEngine } from '../core/testing/recording-workflow-engine.js';
import { MAX_ID_LENGTH, MAX_REQUEST_BYTES, MAX_STRING_LENGTH } from '../graphql/guards.js';
import { schema } from '../graphql/schema/index.js';
import { CSRF_HEADER, createYogaApp } from '../graphql/yoga.js';
import { createTestApi } from './support/api.js';
import { admin, hubDeps, salesTokyo, seedDirectory } from './support/builders.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';

let t: TestLedger;
let api: Awaited<ReturnType<typeof createTestApi>>;
const unexpected: unknown[] = [];

beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger);
  api = await createTestApi(hubDeps(t.ledger), (error) => unexpected.push(error));
});

type Errors = { message: string; extensions?: { code?: string; rule?: string; fieldErrors?: unknown } }[];

describe('string inputs', () => {
  it('refuses a 1 MB gstaffClients(name:) as a validation error naming the field, not an unexpected error', async () => {
    const result = await api.graphql(
      salesTokyo,
      'query($n: String!) { gstaffClients(name: $n) { gstaffClientId } }',
      {
        n: 'x'.repeat(1_000_000), // 1 MB
      },
    );
    const errors = result.errors as Errors;
    expect(errors[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [
        { path: 'gstaffClients.name', message: 'must be at most 200 characters (it has 1000000)' },
      ],
    });
    expect(unexpected).toEqual([]);
  });

  it('limits every string and ID input, inline or nested in an input object, naming each', async () => {
    const long = 'x'.repeat(MAX_STRING_LENGTH + 1);
    const mutation = await api.graphql(
      salesTokyo,
      'mutation($input: RecordPhoneInquiryInput!) { recordPhoneInquiry(input: $input) { __typename } }',
      { input: { company: long, contactName: '佐藤', phone: '03-1111-2222', requestedJobCategory: long } },
    );
    expect((mutation.errors as Errors)[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [
        { path: 'recordPhoneInquiry.input.company', message: expect.stringMatching(/at most 10000/) },
        {
          path: 'recordPhoneInquiry.input.requestedJobCategory',
          message: expect.stringMatching(/at most 10000/),
        },
      ],
    });
    const byId = await api.graphql(salesTokyo, `{ client(id: "${'c'.repeat(201)}") { __typename } }`);
    expect((byId.errors as Errors)[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ path: 'client.id', message: 'must be at most 200 characters (it has 201)' }],
    });
    // Nothing ran, so nothing was written.
    expect(mutation.data ?? null).toBeNull();
    expect(unexpected).toEqual([]);
  });

  it('limits a String input that names a record (orderId, userId, supervisorId) as an ID: never a key DynamoDB refuses', async () => {
    const key = 'k'.repeat(5000); // over DynamoDB's 1 KB sort key, under the 10 000 of other strings
    const refused = async (actor: typeof admin, query: string, variables: Record<string, unknown>) =>
      ((await api.graphql(actor, query, variables)).errors as Errors)[0]?.extensions;
    expect(
      await refused(salesTokyo, 'query($v: String!) { treatmentInformation(orderId: $v) { orderId } }', {
        v: key,
      }),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [
        {
          path: 'treatmentInformation.orderId',
          message: `must be at most ${MAX_ID_LENGTH} characters (it has 5000)`,
        },
      ],
    });
    expect(
      await refused(
        admin,
        'mutation($v: String!) { createStaffMember(input: { userId: "guard.check", name: "x", email: "x@agency.example", role: SALES, department: "SALES_TOKYO", supervisorId: $v }) { __typename } }',
        { v: key },
      ),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ path: 'createStaffMember.input.supervisorId' }],
    });
    expect(
      await refused(
        admin,
        'mutation($v: String!) { updateStaffMember(input: { userId: $v, expectedVersion: 1, active: false }) { __typename } }',
        { v: key },
      ),
    ).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ path: 'updateStaffMember.input.userId' }] });
    expect(await t.ledger.getStaffMember('guard.check')).toBeUndefined();
    expect(unexpected).toEqual([]);
  });
});

describe('request size', () => {
  it('answers 413 to a body over the limit before parsing it (10 MB of whitespace)', async () => {
    const body = JSON.stringify({ query: `{ me { userId } ${' '.repeat(10 * 1024 * 1024)} }` });
    const response = await api.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        [CSRF_HEADER]: '1',
        authorization: `Bearer ${await api.tokenFor(salesTokyo)}`,
      },
      body,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: `The request must be at most ${MAX_REQUEST_BYTES} bytes.`,
          extensions: { code: 'REQUEST_TOO_LARGE' },
        },
      ],
    });
  });
});

describe('introspection', () => {
  const INTROSPECT = '{ __schema { queryType { name } } }';

  it('is for administrators only on AWS', async () => {
    expect((await api.graphql(undefined, INTROSPECT)).errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    const sales = await api.graphql(salesTokyo, INTROSPECT);
    expect(sales.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      rule: 'INTROSPECTION_ADMIN_ONLY',
    });
    expect(sales.data ?? null).toBeNull();
    const byType = await api.graphql(salesTokyo, '{ __type(name: "Client") { name } }');
    expect(byType.errors?.[0]?.extensions).toMatchObject({ rule: 'INTROSPECTION_ADMIN_ONLY' });
    expect((await api.graphql(admin, INTROSPECT)).data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
    // __typename is not introspection.
    expect((await api.graphql(salesTokyo, '{ me { __typename } }')).errors).toBeUndefined();
  });

  it('needs a sign-in on the local host (GraphiQL reads it once a token is set)', async () => {
    const yoga = createYogaApp({
      deps: {
        ...hubDeps(t.ledger),
        documents: new InMemoryDocumentStore(),
        workflows: new RecordingWorkflowEngine(),
      },
      claims: (request) =>
        request.headers.get('authorization')
          ? { sub: 'sales-tokyo-1', role: 'SALES', department: 'SALES_TOKYO' }
          : undefined,
      introspection: 'SIGNED_IN',
    });
    const ask = async (authorization?: string) =>
      (await (
        await yoga.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [CSRF_HEADER]: '1',
            ...(authorization ? { authorization } : {}),
          },
          body: JSON.stringify({ query: INTROSPECT }),
        })
      ).json()) as { data?: unknown; errors?: Errors };
    expect((await ask()).errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      rule: 'SIGN_IN_REQUIRED',
    });
    expect((await ask('Bearer x')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('refusals', () => {
  it('name their rule, and the schema lists every rule', async () => {
    const refused = await api.graphql(
      salesTokyo,
      'mutation { createStaffMember(input: { userId: "x", name: "x", email: "x@agency.example", role: SALES, department: "SALES_TOKYO" }) { __typename } }',
    );
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringMatching(
        /^You are not allowed to do this: role SALES may not use Mutation\.createStaffMember\.$/,
      ),
      extensions: { code: 'FORBIDDEN', rule: 'ROLE_NOT_ALLOWED' },
    });
    const listed = await api.graphql(salesTokyo, '{ refusalRules }');
    expect(listed.data?.refusalRules).toEqual(Object.keys(REFUSAL_RULES));
    const enumType = schema.getType('RefusalRule');
    expect(enumType?.toString()).toBe('RefusalRule');
  });
});
