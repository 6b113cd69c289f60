/**
 * The PDFs a client gives before an individual contract — the conflict-date notice, the hearing
 * record of an extension, the treatment information — uploaded by the browser straight to the
 * document store through a pre-signed URL, under a key the hub chose for that client. Recording
 * a notice or the information checks what arrived: there, at most 20 MB, and really a PDF.
 * Requirements: A5-3, A6-5, X-4.
 */
import * as z from 'zod';
import { type Actor, assertMay } from '../access.js';
import { getClient } from '../clients/client-queries.js';
import { type DocumentStore, documentKey, type UploadGrant } from '../documents/document-store.js';
import { type FieldError, ValidationError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import { parseInput } from '../validation.js';
import type { StoredLegalDocument } from './establishment.js';

export type LegalDocumentDeps = HubDeps & { documents: DocumentStore };

export const LEGAL_DOCUMENT_PURPOSES = [
  'CONFLICT_DATE_NOTICE',
  'HEARING_RECORD',
  'TREATMENT_INFORMATION',
] as const;
export type LegalDocumentPurpose = (typeof LEGAL_DOCUMENT_PURPOSES)[number];

export const MAX_LEGAL_DOCUMENT_BYTES = 20 * 1024 * 1024;
const UPLOAD_GRANT_SECONDS = 5 * 60;
const DOWNLOAD_SECONDS = 5 * 60;

export const fileName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200)
  .refine((n) => !/[\\/]|\p{Cc}/u.test(n), 'must be a plain file name');

const requestUploadInput = z.object({
  clientId: z.string().min(1),
  purpose: z.enum(LEGAL_DOCUMENT_PURPOSES),
  fileName,
  size: z
    .number()
    .int()
    .positive('the file is empty')
    .max(MAX_LEGAL_DOCUMENT_BYTES, `at most ${MAX_LEGAL_DOCUMENT_BYTES / 1024 / 1024} MB`),
});

/** The document a record names: the key the upload grant gave, and the file's name. */
export const documentReference = z.object({ key: z.string().min(1).max(500), fileName });
export type DocumentReference = z.infer<typeof documentReference>;

/** Where a client's legal documents live; a reference outside it is refused. */
const clientPrefix = (clientId: string) => `${documentKey('legal', clientId)}/`;

export async function requestLegalDocumentUpload(
  deps: LegalDocumentDeps,
  actor: Actor,
  input: unknown,
): Promise<{ key: string; upload: UploadGrant }> {
  assertMay(actor, 'legalRecord.manage');
  const cmd = parseInput(requestUploadInput, input);
  const client = await getClient(deps, actor, cmd.clientId);
  const key = documentKey('legal', client.clientId, cmd.purpose.toLowerCase(), `${deps.ids.next('doc')}.pdf`);
  const upload = await deps.documents.presignUpload(
    key,
    { contentType: 'application/pdf', size: cmd.size },
    UPLOAD_GRANT_SECONDS,
  );
  return { key, upload };
}

/**
 * Checks each referenced upload (the client's, present, a PDF of at most 20 MB) and returns the
 * documents to keep; every problem is a field error naming `path.<i>`.
 */
export async function storedLegalDocuments(
  deps: LegalDocumentDeps,
  clientId: string,
  references: readonly { path: string; reference: DocumentReference }[],
): Promise<StoredLegalDocument[]> {
  const problems: FieldError[] = [];
  const stored: StoredLegalDocument[] = [];
  const now = deps.clock.now().toISOString();
  for (const { path, reference } of references) {
    if (!reference.key.startsWith(clientPrefix(clientId))) {
      problems.push({ path: `${path}.key`, message: 'is not a document uploaded for this client' });
      continue;
    }
    const found = await deps.documents.inspect(reference.key, 8);
    if (!found) {
      problems.push({ path: `${path}.key`, message: 'nothing has been uploaded under this key yet' });
    } else if (found.size > MAX_LEGAL_DOCUMENT_BYTES) {
      problems.push({ path: `${path}.key`, message: 'the upload is larger than 20 MB' });
    } else if (found.head.subarray(0, 5).toString('latin1') !== '%PDF-') {
      problems.push({ path: `${path}.key`, message: 'the uploaded file is not a PDF' });
    } else {
      stored.push({
        key: reference.key,
        fileName: reference.fileName,
        size: found.size,
        contentType: 'application/pdf',
        storedAt: now,
      });
    }
  }
  if (problems.length) throw new ValidationError(problems);
  return stored;
}

/** A short-lived link to a kept legal document, for whoever may see the client. */
export async function legalDocumentDownloadUrl(
  deps: LegalDocumentDeps,
  actor: Actor,
  clientId: string,
  document: StoredLegalDocument,
): Promise<string> {
  await getClient(deps, actor, clientId);
  return deps.documents.presignDownload(document.key, document.fileName, DOWNLOAD_SECONDS);
}
