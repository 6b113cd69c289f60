/**
 * The guards every GraphQL request passes before anything runs (X-4, X-5): a request-size
 * limit, a length limit on every string input (an ID, a String, nested in input objects and
 * lists, given inline or as a variable), and introspection only for those who may read the
 * schema. A refused input is a VALIDATION_FAILED error naming the field; nothing is executed.
 */
import {
  type DocumentNode,
  type GraphQLArgument,
  GraphQLError,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  Kind,
  TypeInfo,
  type ValueNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { FieldError } from '../core/errors.js';
import type { GraphQLContext } from './context.js';

/** Bytes of one request body: room for the longest legitimate mutation, far below what costs the parser. */
export const MAX_REQUEST_BYTES = 2 * 1024 * 1024;
/** Characters of an ID (every key in the ledger is far shorter; DynamoDB refuses keys over 1 KB). */
export const MAX_ID_LENGTH = 200;
/** Characters of any other string input, unless its field says less (`extensions.maxLength`). */
export const MAX_STRING_LENGTH = 10_000;
/**
 * A String input named like a record's identifier (`orderId`, `userId`, `supervisorId`,
 * `salesRepIds` …) is read as a key, so it has an ID's limit: at 10 000 characters it would reach
 * DynamoDB as a key over 1 KB, refused there as an unexpected error.
 */
const IDENTIFIER_NAME = /(^id|Id|Ids)$/;

/** Who may introspect: signed-in people (the local host, for GraphiQL) or administrators only (AWS). */
export type IntrospectionAccess = 'SIGNED_IN' | 'ADMIN';

type InputDefinition = GraphQLArgument | GraphQLInputField;

function limitOf(definition: InputDefinition, type: GraphQLInputType): number | undefined {
  const named = getNamedType(type);
  const own = definition.extensions?.maxLength;
  if (typeof own === 'number') return own;
  if (named.name === 'ID') return MAX_ID_LENGTH;
  if (named.name === 'String')
    return IDENTIFIER_NAME.test(definition.name) ? MAX_ID_LENGTH : MAX_STRING_LENGTH;
  return undefined;
}

/** Walks a value (from the query text or the variables) with its input type, collecting every string over its limit. */
function checkValue(
  value: unknown,
  definition: InputDefinition,
  type: GraphQLInputType,
  path: string,
  errors: FieldError[],
): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) {
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, i) => {
      checkValue(item, definition, nullable.ofType, `${path}.${i}`, errors);
    });
    return;
  }
  if (isInputObjectType(nullable)) {
    if (typeof value !== 'object') return;
    const fields = nullable.getFields();
    for (const [name, fieldValue] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      if (field) checkValue(fieldValue, field, field.type, `${path}.${name}`, errors);
    }
    return;
  }
  const limit = limitOf(definition, nullable);
  if (limit !== undefined && typeof value === 'string' && value.length > limit) {
    errors.push({ path, message: `must be at most ${limit} characters (it has ${value.length})` });
  }
}

/** A literal from the query text as a plain value, variables substituted. */
function literal(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.LIST:
      return node.values.map((v) => literal(v, variables));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literal(f.value, variables)]));
    case Kind.NULL:
      return null;
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    default:
      return undefined; // numbers and booleans have no length
  }
}

/** Every string input of the operation over its limit, as field errors (`gstaffClients.name`, `recordVisit.input.notes`). */
export function oversizedInputs(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
): FieldError[] {
  const errors: FieldError[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        const field = typeInfo.getFieldDef();
        if (!argument || !field) return;
        checkValue(
          literal(node.value, variables),
          argument,
          argument.type,
          `${field.name}.${argument.name}`,
          errors,
        );
      },
    }),
  );
  return errors;
}

function usesIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/** The envelop plugin: input lengths first (nothing runs with an oversized input), then introspection. */
export function useRequestGuards(options: { introspection: IntrospectionAccess }): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const fieldErrors = oversizedInputs(
        args.schema,
        args.document,
        (args.variableValues ?? {}) as Record<string, unknown>,
      );
      if (fieldErrors.length) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(
              `Invalid input: ${fieldErrors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
              { extensions: { code: 'VALIDATION_FAILED', fieldErrors } },
            ),
          ],
        });
        return;
      }
      if (!usesIntrospection(args.document)) return;
      const actor = (args.contextValue as unknown as GraphQLContext).actor;
      const allowed = options.introspection === 'ADMIN' ? actor?.role === 'ADMIN' : actor !== undefined;
      if (!allowed) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(
              options.introspection === 'ADMIN'
                ? 'The schema may be read by administrators only (it is published as schema.graphql).'
                : 'Sign in first to read the schema.',
              {
                extensions: actor
                  ? { code: 'FORBIDDEN', rule: 'INTROSPECTION_ADMIN_ONLY' }
                  : { code: 'UNAUTHENTICATED', rule: 'SIGN_IN_REQUIRED', http: { status: 401 } },
              },
            ),
          ],
        });
      }
    },
  };
}

/** The answer to a request over the size limit (also given by the local host to `Expect: 100-continue`). */
export const requestTooLargeBody = (maxBytes = MAX_REQUEST_BYTES): string =>
  JSON.stringify({
    errors: [
      {
        message: `The request must be at most ${maxBytes} bytes.`,
        extensions: { code: 'REQUEST_TOO_LARGE' },
      },
    ],
  });

/** Refuses a body over the limit before it is read into the parser: 413 (411 when its length is not given). */
export function useRequestSizeLimit(maxBytes = MAX_REQUEST_BYTES): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== 'POST') return;
      const length = request.headers.get('content-length');
      const refuse = (status: number, body: string) =>
        endResponse(
          new fetchAPI.Response(body, {
            status,
            headers: { 'content-type': 'application/json', connection: 'close' },
          }),
        );
      if (length === null) {
        if (request.headers.get('transfer-encoding'))
          refuse(
            411,
            JSON.stringify({
              errors: [
                {
                  message: 'Send the request with a Content-Length.',
                  extensions: { code: 'REQUEST_TOO_LARGE' },
                },
              ],
            }),
          );
        return;
      }
      if (Number(length) > maxBytes) refuse(413, requestTooLargeBody(maxBytes));
    },
  };
}
