/** The Pothos builder: setup only (plugins, scalars, scopes). Types live in `schema/`, one file per feature. */
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import { type Actor, may, type Permission } from '../core/access.js';
import type { RefusalRule } from '../core/errors.js';
import type { GraphQLContext } from './context.js';

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  AuthScopes: { authenticated: boolean; permission: Permission };
  Scalars: {
    DateTime: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (context) => ({
      authenticated: context.actor !== undefined,
      permission: (permission: Permission) =>
        context.actor !== undefined && may(context.actor as Actor, permission),
    }),
    unauthorizedError: (_parent, context, info) =>
      context.actor
        ? new GraphQLError(
            `You are not allowed to do this: role ${context.actor.role} may not use ${info.parentType.name}.${info.fieldName}.`,
            { extensions: { code: 'FORBIDDEN', rule: 'ROLE_NOT_ALLOWED' satisfies RefusalRule } },
          )
        : new GraphQLError('Sign in first.', {
            extensions: {
              code: 'UNAUTHENTICATED',
              rule: 'SIGN_IN_REQUIRED' satisfies RefusalRule,
              http: { status: 401 },
            },
          }),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
  },
  errors: { directResult: true },
});

builder.scalarType('DateTime', {
  description: 'An instant as an ISO 8601 string in UTC, e.g. 2026-11-30T14:59:59.999Z.',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
      throw new GraphQLError('DateTime must be an ISO 8601 string');
    }
    return new Date(value).toISOString();
  },
});

builder.scalarType('JSON', {
  description: 'A JSON value (audit before/after).',
  serialize: (value) => value,
  parseValue: (value) => value,
});

builder.queryType({});
builder.mutationType({});
