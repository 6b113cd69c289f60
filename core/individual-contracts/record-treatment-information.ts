/**
 * recordTreatmentInformation: the client's treatment information (待遇情報) for an order, with the
 * agency's method for the job (派遣先均等・均衡方式 or 労使協定方式), the parts that method
 * requires and the client's documents (PDF). Recorded again, it replaces the earlier record (at
 * the version read), audited with before and after. Requirements: A5-3, X-1, X-4.
 */
import * as z from 'zod';
import { type Actor, assertMay } from '../access.js';
import { jstDateOf } from '../business-days.js';
import { getClient } from '../clients/client-queries.js';
import { commitChanges, entityChange } from '../entity-change.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { jstDateInput } from '../establishments/conflict-date-notice.js';
import {
  documentReference,
  type LegalDocumentDeps,
  storedLegalDocuments,
} from '../establishments/legal-documents.js';
import { parseInput } from '../validation.js';
import { assertOrderOfClient } from './orders-of-client.js';
import {
  TREATMENT_ITEM_LABELS,
  TREATMENT_ITEMS_REQUIRED,
  TREATMENT_METHODS,
  type TreatmentInformation,
} from './treatment-information.js';

const summary = z.string().trim().min(1, 'must not be empty').max(4000);

const recordInput = z
  .object({
    orderId: z.string().min(1).max(200),
    establishmentId: z.string().min(1),
    method: z.enum(TREATMENT_METHODS),
    items: z
      .object({ comparableWorkerTreatment: summary, training: summary, welfareFacilities: summary })
      .partial()
      .strict(),
    documents: z.array(documentReference).min(1, 'at least one document (PDF) of the client').max(20),
    receivedBy: z.string().trim().min(1).max(100).optional(),
    receivedOn: jstDateInput,
    /** The version read, when replacing an earlier record; absent for the first. */
    expectedVersion: z.number().int().min(1).optional(),
  })
  .superRefine((cmd, ctx) => {
    for (const item of TREATMENT_ITEMS_REQUIRED[cmd.method]) {
      if (!cmd.items[item]) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', item],
          message: `${TREATMENT_ITEM_LABELS[item]} is required under this method`,
        });
      }
    }
  });

export async function recordTreatmentInformation(
  deps: LegalDocumentDeps,
  actor: Actor,
  input: unknown,
): Promise<TreatmentInformation> {
  assertMay(actor, 'legalRecord.manage');
  const cmd = parseInput(recordInput, input);
  const establishment = await deps.ledger.getEstablishment(cmd.establishmentId);
  if (!establishment) throw new NotFoundError('Establishment', cmd.establishmentId);
  const client = await getClient(deps, actor, establishment.clientId);
  await assertOrderOfClient(deps, client.clientId, cmd.orderId);
  const today = jstDateOf(deps.clock.now());
  if (cmd.receivedOn > today) {
    throw new ValidationError([{ path: 'input.receivedOn', message: `${cmd.receivedOn} is in the future` }]);
  }
  const before = await deps.ledger.getTreatmentInformation(cmd.orderId);
  if (before && before.version !== cmd.expectedVersion) {
    throw new ConflictError(
      `the order's treatment information exists at version ${before.version}; pass expectedVersion ${before.version} to replace it`,
    );
  }
  const documents = await storedLegalDocuments(
    deps,
    client.clientId,
    cmd.documents.map((reference, i) => ({ path: `input.documents.${i}`, reference })),
  );
  const now = deps.clock.now().toISOString();
  const after: TreatmentInformation = {
    orderId: cmd.orderId,
    clientId: client.clientId,
    establishmentId: establishment.establishmentId,
    method: cmd.method,
    items: cmd.items,
    documents,
    receivedBy: cmd.receivedBy ?? actor.userId,
    receivedOn: cmd.receivedOn,
    recordedBy: actor.userId,
    recordedAt: now,
    createdAt: before?.createdAt ?? now,
    updatedAt: now,
    version: (before?.version ?? 0) + 1,
  };
  await commitChanges(deps.ledger, [
    entityChange(deps.ids, {
      actor,
      operation: 'treatmentInformation.record',
      at: now,
      clientId: client.clientId,
      subjectId: cmd.orderId,
      entity: { type: 'TREATMENT_INFORMATION', value: after },
      before,
    }),
  ]);
  return after;
}
