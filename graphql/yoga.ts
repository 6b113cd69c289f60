/**
 * Builds the GraphQL app every host serves (local host, Lambda, tests through `yoga.fetch`).
 * Hosts differ only in how they obtain verified claims.
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { GraphQLError } from 'graphql';
import { createYoga, type GraphiQLOptions, type YogaInitialContext } from 'graphql-yoga';
import { DomainError, ForbiddenError, ValidationError } from '../core/errors.js';
import { type ApiDeps, createContext, type GraphQLContext } from './context.js';
import { type IntrospectionAccess, useRequestGuards, useRequestSizeLimit } from './guards.js';
import { schema } from './schema/index.js';

export const CSRF_HEADER = 'x-graphql-yoga-csrf';

export interface YogaAppOptions<TServerContext extends Record<string, unknown>> {
  deps: ApiDeps;
  /** The request's verified token claims; undefined when it has none (or an invalid one). */
  claims: (request: Request, serverContext: TServerContext) => Promise<unknown> | unknown;
  graphiql?: boolean;
  /** Renders the GraphiQL page; the local host passes a renderer with the assets inlined, so it works offline. */
  renderGraphiQL?: (options?: GraphiQLOptions) => string;
  graphqlEndpoint?: string;
  /** Told about every unexpected (masked) error; must not log personal data. */
  onUnexpectedError?: (error: unknown) => void;
  /** Who may read the schema by introspection: administrators (default, AWS) or anyone signed in (the local host's GraphiQL). */
  introspection?: IntrospectionAccess;
}

/**
 * By name, not `instanceof`: a bundler or test runner may load `graphql` twice, and an error
 * from the other copy must still count as a GraphQL error (e.g. scope-auth's FORBIDDEN).
 */
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}

export function createYogaApp<TServerContext extends Record<string, unknown> = Record<string, unknown>>(
  options: YogaAppOptions<TServerContext>,
) {
  return createYoga<TServerContext, GraphQLContext>({
    schema,
    graphqlEndpoint: options.graphqlEndpoint ?? '/graphql',
    graphiql: options.graphiql
      ? { title: 'Dispatch hub', headers: JSON.stringify({ [CSRF_HEADER]: '1' }) }
      : false,
    ...(options.renderGraphiQL ? { renderGraphiQL: options.renderGraphiQL } : {}),
    landingPage: false,
    // Unexpected errors reach onUnexpectedError (redacted logger); yoga's own console logging would bypass it.
    logging: false,
    context: async (initial: YogaInitialContext & TServerContext) =>
      createContext(options.deps, await options.claims(initial.request, initial)),
    maskedErrors: {
      maskError(error, message) {
        // Errors yoga and its plugins raise on purpose (parsing, validation, CSRF, limits) pass as they are.
        if (isGraphQLError(error) && !error.originalError) return error;
        const original = isGraphQLError(error) ? error.originalError : error;
        if (original instanceof ForbiddenError) {
          // The refusal says which rule refused it (RefusalRule) and why; its message is ours, never personal data.
          return new GraphQLError(`You are not allowed to do this: ${original.message}.`, {
            ...(isGraphQLError(error) ? { nodes: error.nodes, path: error.path } : {}),
            extensions: { code: 'FORBIDDEN', rule: original.rule },
          });
        }
        if (isGraphQLError(original)) return error as GraphQLError;
        // An expected failure outside a result union (e.g. a bad cursor on a connection): its message is ours and safe.
        if (original instanceof DomainError) {
          return new GraphQLError(original.message, {
            ...(isGraphQLError(error) ? { nodes: error.nodes, path: error.path } : {}),
            extensions: {
              code: original.code,
              ...(original instanceof ValidationError ? { fieldErrors: original.fieldErrors } : {}),
            },
          });
        }
        options.onUnexpectedError?.(original ?? error);
        return new GraphQLError(message, {
          ...(isGraphQLError(error) ? { nodes: error.nodes, path: error.path } : {}),
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        });
      },
    },
    plugins: [
      useRequestSizeLimit(),
      useRequestGuards({ introspection: options.introspection ?? 'ADMIN' }),
      EnvelopArmorPlugin({
        maxDepth: { n: 10, ignoreIntrospection: true },
        maxAliases: { n: 15 },
        costLimit: { maxCost: 5000 },
        maxTokens: { n: 3000 },
        maxDirectives: { n: 20 },
        blockFieldSuggestion: { enabled: !options.graphiql },
      }),
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
    ],
  });
}

export type YogaApp = ReturnType<typeof createYogaApp>;
