/**
 * `POST /webhooks/gmosign/{secret}`: GMO Sign's completion callback, its body as the public
 * definition has it (`{document_list[{documentId, document_name}], envelope_name, envelope_xid}`).
 * GMO Sign documents no signature, so the callback is authenticated by a secret in the path; it
 * must name the envelope the hub recorded (a callback naming another envelope id changes
 * nothing), and it settles a send whose outcome was unknown. Repeated callbacks change nothing.
 * Requirements: A5-2, A6-5 (recording the signed PDF), X-3.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod';
import { releaseSignatureWait } from '../core/applications/contract-steps.js';
import type { DocumentStore } from '../core/documents/document-store.js';
import type { HubDeps } from '../core/hub.js';
import { recordEnvelopeCompletion } from '../core/signing/signature-outbox.js';
import type { SignatureService } from '../core/signing/signature-service.js';
import type { WorkflowEngine } from '../core/workflows/workflow-engine.js';
import { completionNoticeOf } from '../integrations/gmosign/gmosign-mapping.js';
import { DOCUMENTS_SETTINGS, WORKFLOW_SETTINGS } from './config.js';
import { lambdaHandler } from './shared/lambda-handler.js';
import { json, samePathSecret } from './shared/webhook-response.js';

export interface GmoSignWebhookDeps {
  hub: HubDeps;
  signatures: SignatureService;
  documents: DocumentStore;
  /** Releases a workflow waiting for the envelope (06_2). */
  workflows: WorkflowEngine;
  secret: () => Promise<string>;
  logger: Logger;
}

const callbackBody = z.object({
  envelope_name: z.string().min(1).max(500),
  envelope_xid: z.string().min(1).max(200).optional(),
  document_list: z
    .array(
      z.object({ documentId: z.string().max(200).optional(), document_name: z.string().optional() }).loose(),
    )
    .max(100)
    .optional(),
});

export function makeHandler(deps: GmoSignWebhookDeps) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const given = event.rawPath.split('/').pop() ?? '';
    if (!samePathSecret(given, await deps.secret())) {
      deps.logger.warn('GMO Sign callback rejected', { reason: 'BAD_PATH_SECRET' });
      return json(404, { error: 'NOT_FOUND' });
    }
    const raw = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
    if (raw.length > 65_536) return json(413, { error: 'PAYLOAD_TOO_LARGE' });
    let parsed: z.output<typeof callbackBody>;
    try {
      parsed = callbackBody.parse(JSON.parse(raw.toString('utf8')));
    } catch {
      return json(400, {
        error: 'MALFORMED',
        fieldErrors: [{ path: 'body.envelope_name', message: 'is required' }],
      });
    }
    const state = await recordEnvelopeCompletion(
      { ...deps.hub, signatures: deps.signatures, documents: deps.documents },
      completionNoticeOf(parsed),
    );
    // Recorded: a workflow waiting for this envelope goes on (once; a repeat changes nothing).
    const released = await releaseSignatureWait(
      { ...deps.hub, workflows: deps.workflows },
      parsed.envelope_name,
    );
    deps.logger.info('GMO Sign callback handled', { envelopeName: parsed.envelope_name, state, released });
    return json(200, { state });
  };
}

/** The deployed entry point: credentials and the path secret from Secrets Manager. */
export const handler = lambdaHandler({
  kind: 'http',
  settings: [...DOCUMENTS_SETTINGS, ...WORKFLOW_SETTINGS],
  secrets: ['GMOSIGN_SECRET_ARN'],
  compose: async ({ config, env, logger, secrets }) => {
    const [{ createHubDeps, documentsFrom, workflowsFrom }, { gmosignFromSecret }] = await Promise.all([
      import('./composition.js'),
      import('./gmosign-credentials.js'),
    ]);
    const { signatures, webhookSecret } = gmosignFromSecret(secrets.GMOSIGN_SECRET_ARN, env);
    return makeHandler({
      hub: createHubDeps(config, env),
      signatures,
      documents: documentsFrom(config),
      workflows: workflowsFrom(config),
      secret: async () => webhookSecret,
      logger,
    });
  },
});
