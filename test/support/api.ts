/** Calls the real yoga app in-process (`yoga.fetch`) with tokens from the dev sign-in. */

import type { Actor } from '../../core/access.js';
import type { DocumentStore } from '../../core/documents/document-store.js';
import type { HubDeps } from '../../core/hub.js';
import { InMemoryDocumentStore } from '../../core/testing/in-memory-document-store.js';
import { RecordingWorkflowEngine } from '../../core/testing/recording-workflow-engine.js';
import type { WorkflowEngine } from '../../core/workflows/workflow-engine.js';
import { createDevAuth, DEV_AUDIENCE, DEV_ISSUER } from '../../dev/dev-auth.js';
import { createJwtVerifier } from '../../functions/shared/jwt-verifier.js';
import { CSRF_HEADER, createYogaApp } from '../../graphql/yoga.js';

export interface GraphQLResult {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function createTestApi(
  hub: HubDeps & { documents?: DocumentStore; workflows?: WorkflowEngine },
  onUnexpectedError?: (error: unknown) => void,
) {
  const deps = {
    ...hub,
    documents: hub.documents ?? new InMemoryDocumentStore(),
    workflows: hub.workflows ?? new RecordingWorkflowEngine(),
  };
  const devAuth = await createDevAuth();
  const verify = createJwtVerifier({ issuer: DEV_ISSUER, audience: DEV_AUDIENCE, jwks: devAuth.jwks });
  const yoga = createYogaApp({
    deps,
    claims: (request) => verify(request.headers.get('authorization')),
    ...(onUnexpectedError ? { onUnexpectedError } : {}),
  });

  async function tokenFor(actor: Actor): Promise<string> {
    const issued = await devAuth.issue(actor);
    if (!('token' in issued)) throw new Error(JSON.stringify(issued.fieldErrors));
    return issued.token;
  }

  async function graphql(
    actor: Actor | undefined,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResult> {
    const headers: Record<string, string> = { 'content-type': 'application/json', [CSRF_HEADER]: '1' };
    if (actor) headers.authorization = `Bearer ${await tokenFor(actor)}`;
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) };
  }

  return { yoga, graphql, tokenFor };
}
