/**
 * The conflict-date notice (抵触日通知) of an establishment: the client's written notice of the
 * first day past the 3-year establishment limit, kept as the PDF it sent, with who at the agency
 * received it and when. The establishment limit may be extended (up to 3 years at a time) only
 * after the client heard its majority union or majority representative at least one month before
 * the conflict date; the extension is recorded with the new date, the hearing and the client's
 * notice of the new date. Requirements: A5-3, X-1, X-4.
 */
import * as z from 'zod';
import type { Actor } from '../access.js';
import { type JstDate, jstDateOf } from '../business-days.js';
import { PreconditionFailedError, ValidationError } from '../errors.js';
import { firstDayPastMonths } from '../individual-contracts/period-check.js';
import { parseInput } from '../validation.js';
import {
  type ConflictDateNotice,
  conflictDateInForce,
  type Establishment,
  HEARD_PARTIES,
} from './establishment.js';
import { documentReference, type LegalDocumentDeps, storedLegalDocuments } from './legal-documents.js';
import { loadEstablishmentForChange, saveEstablishment } from './manage-establishments.js';

export const jstDateInput = z.iso.date('must be a date YYYY-MM-DD');

const recordNoticeInput = z.object({
  establishmentId: z.string().min(1),
  expectedVersion: z.number().int().min(1),
  conflictDate: jstDateInput,
  /** The agency's person who received it (defaults to whoever records it). */
  receivedBy: z.string().trim().min(1).max(100).optional(),
  receivedOn: jstDateInput,
  document: documentReference,
});

const extendInput = z.object({
  establishmentId: z.string().min(1),
  expectedVersion: z.number().int().min(1),
  newConflictDate: jstDateInput,
  notice: documentReference,
  hearing: z.object({
    heardParty: z.enum(HEARD_PARTIES),
    partyName: z.string().trim().min(1, 'must name the union or the representative').max(200),
    heardOn: jstDateInput,
    opinion: z.string().trim().min(1, 'must say what was heard').max(4000),
    record: documentReference.optional(),
  }),
});

/** The same calendar day `months` earlier, or the month's last day when it has no such day. */
export function sameDayMonthsBefore(date: JstDate, months: number): JstDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)))
    .toISOString()
    .slice(0, 10);
}

function notInFuture(date: JstDate, today: JstDate, path: string): void {
  if (date > today)
    throw new ValidationError([{ path, message: `${date} is in the future (today is ${today})` }]);
}

/** Records (or, before any extension, corrects) the establishment's conflict-date notice. */
export async function recordConflictDateNotice(
  deps: LegalDocumentDeps,
  actor: Actor,
  input: unknown,
): Promise<Establishment> {
  const cmd = parseInput(recordNoticeInput, input);
  const { establishment } = await loadEstablishmentForChange(
    deps,
    actor,
    cmd.establishmentId,
    cmd.expectedVersion,
    'legalRecord.manage',
  );
  notInFuture(cmd.receivedOn, jstDateOf(deps.clock.now()), 'input.receivedOn');
  if (establishment.conflictDateNotice?.extensions.length) {
    throw new PreconditionFailedError(
      'CONFLICT_DATE_EXTENDED',
      'the conflict date has been extended; record a further change as an extension (extendConflictDate)',
    );
  }
  const [document] = await storedLegalDocuments(deps, establishment.clientId, [
    { path: 'input.document', reference: cmd.document },
  ]);
  const now = deps.clock.now().toISOString();
  const notice: ConflictDateNotice = {
    conflictDate: cmd.conflictDate,
    document: document as ConflictDateNotice['document'],
    receivedBy: cmd.receivedBy ?? actor.userId,
    receivedOn: cmd.receivedOn,
    recordedBy: actor.userId,
    recordedAt: now,
    extensions: [],
  };
  return saveEstablishment(deps, actor, 'establishment.recordConflictDateNotice', establishment, now, {
    conflictDateNotice: notice,
  });
}

/**
 * Extends the establishment limit: the hearing must have taken place at least one month before
 * the conflict date in force (on or before the same day a month earlier), and the new date lies
 * after it and at most 3 years later.
 */
export async function extendConflictDate(
  deps: LegalDocumentDeps,
  actor: Actor,
  input: unknown,
): Promise<Establishment> {
  const cmd = parseInput(extendInput, input);
  const { establishment } = await loadEstablishmentForChange(
    deps,
    actor,
    cmd.establishmentId,
    cmd.expectedVersion,
    'legalRecord.manage',
  );
  const current = conflictDateInForce(establishment);
  const notice = establishment.conflictDateNotice;
  if (!notice || !current) {
    throw new PreconditionFailedError(
      'CONFLICT_DATE_NOTICE_MISSING',
      'record the conflict-date notice before extending it',
    );
  }
  notInFuture(cmd.hearing.heardOn, jstDateOf(deps.clock.now()), 'input.hearing.heardOn');
  const latestHearing = sameDayMonthsBefore(current, 1);
  const problems = [];
  if (cmd.hearing.heardOn > latestHearing) {
    problems.push({
      path: 'input.hearing.heardOn',
      message: `the hearing must take place at least one month before the conflict date ${current} (by ${latestHearing})`,
    });
  }
  const furthest = firstDayPastMonths(current, 36);
  if (cmd.newConflictDate <= current || cmd.newConflictDate > furthest) {
    problems.push({
      path: 'input.newConflictDate',
      message: `must be after the conflict date in force ${current} and at most 3 years later (${furthest})`,
    });
  }
  if (problems.length) throw new ValidationError(problems);
  const [noticeDocument, record] = await storedLegalDocuments(deps, establishment.clientId, [
    { path: 'input.notice', reference: cmd.notice },
    ...(cmd.hearing.record ? [{ path: 'input.hearing.record', reference: cmd.hearing.record }] : []),
  ]);
  const now = deps.clock.now().toISOString();
  return saveEstablishment(deps, actor, 'establishment.extendConflictDate', establishment, now, {
    conflictDateNotice: {
      ...notice,
      extensions: [
        ...notice.extensions,
        {
          extensionId: deps.ids.next('ext'),
          previousConflictDate: current,
          newConflictDate: cmd.newConflictDate,
          hearing: {
            heardParty: cmd.hearing.heardParty,
            partyName: cmd.hearing.partyName,
            heardOn: cmd.hearing.heardOn,
            opinion: cmd.hearing.opinion,
            ...(record ? { record } : {}),
          },
          notice: noticeDocument as ConflictDateNotice['document'],
          recordedBy: actor.userId,
          recordedAt: now,
        },
      ],
    },
  });
}
