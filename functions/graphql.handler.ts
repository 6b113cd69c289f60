/**
 * `/graphql` on API Gateway: the same yoga app as the local host. The HTTP API's JWT authorizer
 * has verified the token; its claims say who the person is, the staff directory what they may
 * do (the shared `createContext`, in `directory` mode).
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { ApiDeps } from '../graphql/context.js';
import { createYogaApp } from '../graphql/yoga.js';
import { DOCUMENTS_SETTINGS, WORKFLOW_SETTINGS } from './config.js';
import { lambdaHandler } from './shared/lambda-handler.js';

export interface GraphQLHandlerDeps {
  hub: ApiDeps;
  logger: Logger;
}

type LambdaServerContext = { event: APIGatewayProxyEventV2; lambdaContext?: Context };

type EventWithJwt = APIGatewayProxyEventV2 & {
  requestContext: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } };
};

export function makeHandler(deps: GraphQLHandlerDeps) {
  const yoga = createYogaApp<LambdaServerContext>({
    deps: deps.hub,
    claims: (_request, { event }) => (event as EventWithJwt).requestContext.authorizer?.jwt?.claims,
    onUnexpectedError: (error) => deps.logger.error('graphql request failed', { error: error as Error }),
  });
  return async (
    event: APIGatewayProxyEventV2,
    lambdaContext?: Context,
  ): Promise<APIGatewayProxyStructuredResultV2> => {
    const url = `https://${event.requestContext.domainName}${event.rawPath}${event.rawQueryString ? `?${event.rawQueryString}` : ''}`;
    const method = event.requestContext.http.method;
    const body =
      method === 'GET' || method === 'HEAD' || !event.body
        ? undefined
        : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
    const headers = new Headers();
    for (const [name, value] of Object.entries(event.headers ?? {}))
      if (value !== undefined) headers.set(name, value);
    const response = await yoga.fetch(
      url,
      { method, headers, ...(body ? { body } : {}) },
      { event, ...(lambdaContext ? { lambdaContext } : {}) },
    );
    return {
      statusCode: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      body: await response.text(),
    };
  };
}

/** The deployed entry point, composed on first use from the function's environment. */
export const handler = lambdaHandler({
  kind: 'http',
  settings: [...DOCUMENTS_SETTINGS, ...WORKFLOW_SETTINGS],
  compose: async ({ config, env, logger }) => {
    const { createHubDeps, documentsFrom, workflowsFrom } = await import('./composition.js');
    return makeHandler({
      hub: {
        ...createHubDeps(config, env),
        documents: documentsFrom(config),
        workflows: workflowsFrom(config),
        // Only the staff directory's active members, with the directory's role and department.
        identity: 'directory',
      },
      logger,
    });
  },
});
