/**
 * The baseline the hub's functions are measured against (bench/bundles.ts): a bare
 * graphql-yoga + Pothos Lambda handler with one query, the same API Gateway event mapping
 * as functions/graphql.handler.ts, and nothing of the hub.
 */
import SchemaBuilder from '@pothos/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createYoga } from 'graphql-yoga';

// The hub's plugins augment Pothos' option types for every builder in this program; this one uses none.
const builder = new SchemaBuilder({} as never);
builder.queryType({
  fields: (t) => ({
    hello: t.string({ args: { name: t.arg.string() }, resolve: (_root, { name }) => `hello ${name ?? ''}` }),
  }),
});
export const yoga = createYoga({ schema: builder.toSchema(), graphiql: false });

export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
  const method = event.requestContext.http.method;
  const response = await yoga.fetch(`https://${event.requestContext.domainName}${event.rawPath}`, {
    method,
    headers: event.headers as Record<string, string>,
    ...(event.body && method !== 'GET' ? { body: event.body } : {}),
  });
  return {
    statusCode: response.status,
    headers: Object.fromEntries(response.headers.entries()),
    body: await response.text(),
  };
};
