/**
 * Site photos and drawings kept with a visit (A3-6). The browser uploads straight to the
 * document store through a pre-signed URL (S3 on AWS, the local store in dev); the hub
 * validates type and size before granting it, and checks what arrived (size and the file's
 * real type from its first bytes) before keeping it. Requirements: A3-6, X-4.
 */
import * as z from 'zod';
import type { Actor } from '../access.js';
import { getClient } from '../clients/client-queries.js';
import { type DocumentStore, documentKey, type UploadGrant } from '../documents/document-store.js';
import { commitChanges } from '../entity-change.js';
import { NotFoundError, PreconditionFailedError, ValidationError } from '../errors.js';
import type { HubDeps } from '../hub.js';
import { parseInput } from '../validation.js';
import { ATTACHMENT_KINDS, type AttachmentKind, type Visit, type VisitAttachment } from './visit.js';
import { loadVisitForChange, visitChange } from './visit-changes.js';

export type DocumentDeps = HubDeps & { documents: DocumentStore };

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_VISIT = 30;
/** Short: the grant stays usable after the upload (a known limit: the check at confirm cannot pin the bytes). */
const UPLOAD_GRANT_SECONDS = 5 * 60;
const DOWNLOAD_SECONDS = 5 * 60;

/** What each kind may be, and how each type's files begin. */
const ALLOWED_TYPES: Record<AttachmentKind, readonly string[]> = {
  SITE_PHOTO: ['image/jpeg', 'image/png', 'image/heic', 'image/webp'],
  DRAWING: ['application/pdf', 'image/png', 'image/jpeg'],
};

const SIGNATURES: Record<string, (head: Buffer) => boolean> = {
  'image/jpeg': (h) => h.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])),
  'image/png': (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (h) =>
    h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP',
  'image/heic': (h) =>
    h.subarray(4, 8).toString('latin1') === 'ftyp' &&
    /^(heic|heix|mif1|msf1|hevc)$/.test(h.subarray(8, 12).toString('latin1')),
  'application/pdf': (h) => h.subarray(0, 5).toString('latin1') === '%PDF-',
};

const requestUploadInput = z
  .object({
    visitId: z.string().min(1),
    kind: z.enum(ATTACHMENT_KINDS),
    fileName: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(200)
      .refine((n) => !/[\\/]|\p{Cc}/u.test(n), 'must be a plain file name'),
    contentType: z.string().trim().toLowerCase(),
    size: z
      .number()
      .int()
      .positive('the file is empty')
      .max(MAX_ATTACHMENT_BYTES, `at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`),
  })
  .superRefine((a, ctx) => {
    if (!ALLOWED_TYPES[a.kind].includes(a.contentType)) {
      ctx.addIssue({
        code: 'custom',
        path: ['contentType'],
        message: `a ${a.kind} must be one of ${ALLOWED_TYPES[a.kind].join(', ')}`,
      });
    }
  });

export interface AttachmentUpload {
  visit: Visit;
  attachment: VisitAttachment;
  upload: UploadGrant;
}

export async function requestVisitAttachmentUpload(
  deps: DocumentDeps,
  actor: Actor,
  input: unknown,
): Promise<AttachmentUpload> {
  const cmd = parseInput(requestUploadInput, input);
  const { visit } = await loadVisitForChange(deps, actor, cmd.visitId);
  if (visit.attachments.length >= MAX_ATTACHMENTS_PER_VISIT) {
    throw new PreconditionFailedError(
      'TOO_MANY_ATTACHMENTS',
      `a visit keeps at most ${MAX_ATTACHMENTS_PER_VISIT} attachments`,
    );
  }
  const now = deps.clock.now().toISOString();
  const attachmentId = deps.ids.next('att');
  const extension = cmd.fileName.includes('.') ? cmd.fileName.slice(cmd.fileName.lastIndexOf('.')) : '';
  const attachment: VisitAttachment = {
    attachmentId,
    kind: cmd.kind,
    fileName: cmd.fileName,
    contentType: cmd.contentType,
    size: cmd.size,
    key: documentKey('visits', visit.clientId, visit.visitId, `${attachmentId}${extension.toLowerCase()}`),
    state: 'AWAITING_UPLOAD',
    requestedBy: actor.userId,
    requestedAt: now,
  };
  const upload = await deps.documents.presignUpload(
    attachment.key,
    { contentType: attachment.contentType, size: attachment.size },
    UPLOAD_GRANT_SECONDS,
  );
  const { change, visit: after } = visitChange(
    deps,
    actor,
    'visit.requestAttachmentUpload',
    visit,
    { attachments: [...visit.attachments, attachment] },
    now,
  );
  await commitChanges(deps.ledger, [change]);
  return { visit: after, attachment, upload };
}

const confirmInput = z.object({ visitId: z.string().min(1), attachmentId: z.string().min(1) });

/** After the upload: the file must be there, of the size granted, and really of its declared type. */
export async function confirmVisitAttachment(
  deps: DocumentDeps,
  actor: Actor,
  input: unknown,
): Promise<Visit> {
  const cmd = parseInput(confirmInput, input);
  const { visit } = await loadVisitForChange(deps, actor, cmd.visitId);
  const attachment = visit.attachments.find((a) => a.attachmentId === cmd.attachmentId);
  if (!attachment) throw new NotFoundError('VisitAttachment', cmd.attachmentId);
  if (attachment.state === 'STORED') return visit;
  const stored = await deps.documents.inspect(attachment.key, 16);
  if (!stored) {
    throw new PreconditionFailedError(
      'ATTACHMENT_NOT_UPLOADED',
      'nothing has been uploaded for this attachment yet',
    );
  }
  const problems: { path: string; message: string }[] = [];
  if (stored.size !== attachment.size) {
    problems.push({
      path: 'input.attachmentId',
      message: `the upload has ${stored.size} bytes, ${attachment.size} were declared`,
    });
  }
  if (!SIGNATURES[attachment.contentType]?.(stored.head)) {
    problems.push({
      path: 'input.attachmentId',
      message: `the uploaded file is not a ${attachment.contentType}`,
    });
  }
  if (problems.length) throw new ValidationError(problems);
  const now = deps.clock.now().toISOString();
  const { change, visit: after } = visitChange(
    deps,
    actor,
    'visit.confirmAttachment',
    visit,
    {
      attachments: visit.attachments.map((a) =>
        a.attachmentId === attachment.attachmentId ? { ...a, state: 'STORED' as const, storedAt: now } : a,
      ),
    },
    now,
  );
  await commitChanges(deps.ledger, [change]);
  return after;
}

/** A short-lived link to a stored attachment, for whoever may see the client. */
export async function attachmentDownloadUrl(
  deps: DocumentDeps,
  actor: Actor,
  visit: Visit,
  attachment: VisitAttachment,
): Promise<string | undefined> {
  if (attachment.state !== 'STORED') return undefined;
  await getClient(deps, actor, visit.clientId);
  return deps.documents.presignDownload(attachment.key, attachment.fileName, DOWNLOAD_SECONDS);
}
