/**
 * After a restart: a signature completed while the hub was down had its callback lost, and on
 * this machine the workflow that waits for it starts its wait again. So every envelope still SENT
 * is looked up once at start (the same lookup the callback and the timeout fallback make); what
 * completed or was declined is recorded before the workflows re-run, so their wait answers at
 * once. A lookup that fails is left to the workflow's own poll. Requirements: A6-3, X-1.
 */
import { releaseSignatureWait } from '../core/applications/contract-steps.js';
import type { DocumentStore } from '../core/documents/document-store.js';
import type { HubDeps } from '../core/hub.js';
import { recordEnvelopeCompletion } from '../core/signing/signature-outbox.js';
import type { SignatureService } from '../core/signing/signature-service.js';
import type { WorkflowEngine } from '../core/workflows/workflow-engine.js';

export async function lookUpSentEnvelopes(
  deps: HubDeps & { signatures: SignatureService; documents: DocumentStore; workflows: WorkflowEngine },
): Promise<{ looked: number; settled: string[]; failed: number }> {
  const result = { looked: 0, settled: [] as string[], failed: 0 };
  let after: string | undefined;
  do {
    const page = await deps.ledger.listSignatureEnvelopes(100, after);
    for (const envelope of page.items) {
      if (envelope.state !== 'SENT') continue;
      result.looked += 1;
      try {
        const state = await recordEnvelopeCompletion(deps, { envelopeName: envelope.envelopeName });
        if (state === 'COMPLETED' || state === 'FAILED') {
          result.settled.push(envelope.envelopeName);
          await releaseSignatureWait(deps, envelope.envelopeName);
        }
      } catch {
        result.failed += 1;
      }
    }
    after = page.hasNextPage ? page.endCursor : undefined;
  } while (after);
  return result;
}
