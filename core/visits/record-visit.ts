/**
 * Recording a visit (訪問記録, A3-1 … A3-6, A6-1, A6-2). Only a prepared visit (checklist
 * confirmed, A2-3) can be recorded. The record holds what was explained, the recruitment
 * background and HR issues, the client's acknowledgement of how dispatch works, the legal
 * judgment (prohibited work is rejected with its reason), and hearing-sheet items, which go to
 * the request's hearing sheet. In the same transaction: the client moves to VISITED, the record
 * is owed to the kintone visit app (outbox), the rep's supervisor is told, and a likely request
 * starts a draft credit pre-check for the rep (A6-1). Late against the 24-hour deadline is
 * recorded as late. Requirements: A3-1 … A3-6, A6-1, A6-2, A1-6, A7-2.
 */
import * as z from 'zod';
import type { Actor } from '../access.js';
import { type Application, applicationSlotId } from '../applications/application.js';
import { slotChange } from '../applications/application-changes.js';
import { dueWithinHours } from '../business-days.js';
import { clientChange } from '../clients/client-change.js';
import { commitChanges, type EntityChange, entityChange } from '../entity-change.js';
import { NotFoundError, PreconditionFailedError, ValidationError } from '../errors.js';
import { completenessOf, type HearingItems, hearingSheetIdOf } from '../hearing-sheets/hearing-sheet.js';
import { hearingItemsInput, hearingSheetChange } from '../hearing-sheets/save-hearing-sheet.js';
import type { HubDeps, HubDepsWith } from '../hub.js';
import { enqueueKintoneWrite } from '../kintone/kintone-outbox.js';
import type { LedgerWrite, StaffDirectoryLedger } from '../ledger.js';
import { notify } from '../notifications/notification.js';
import type { StaffMember } from '../staff/staff-member.js';
import { parseInput } from '../validation.js';
import {
  DISPATCH_TOPIC_IDS,
  missingChecklistItems,
  PRE_VISIT_CHECKLIST_ITEMS,
  PROHIBITED_WORK_IDS,
  prohibitedWorkReason,
  type Visit,
  type VisitOutcome,
  type VisitRecord,
} from './visit.js';
import { loadVisitForChange, visitChange } from './visit-changes.js';
import { visitRecordSummary } from './visit-summary.js';

const text = z.string().trim().min(1, 'must not be empty').max(4000);
const instant = z.iso.datetime({ offset: true });

const recordVisitInput = z
  .object({
    visitId: z.string().min(1),
    startedAt: instant,
    endedAt: instant,
    explained: z.object({ company: z.boolean(), registrants: z.boolean(), trackRecord: z.boolean() }),
    recruitmentBackground: text,
    hrIssues: text,
    dispatchExplanation: z.object({
      topics: z
        .array(z.enum(DISPATCH_TOPIC_IDS))
        .refine((t) => DISPATCH_TOPIC_IDS.every((id) => t.includes(id)), {
          message: `every topic must be explained (A6-2): ${DISPATCH_TOPIC_IDS.join(', ')}`,
        }),
      how: z.enum(['WRITTEN', 'ON_SCREEN']),
      acknowledgedAt: instant,
      acknowledgedByRole: z.string().trim().min(1, 'must not be empty').max(100),
    }),
    workJudgment: z
      .object({
        result: z.enum(['PERMITTED', 'PROHIBITED']),
        prohibitedCategory: z.enum(PROHIBITED_WORK_IDS).optional(),
        reason: z.string().trim().min(1).max(2000).optional(),
      })
      .superRefine((j, ctx) => {
        if (j.result === 'PROHIBITED' && !j.prohibitedCategory) {
          ctx.addIssue({
            code: 'custom',
            path: ['prohibitedCategory'],
            message: `is required when the work is prohibited (one of ${PROHIBITED_WORK_IDS.join(', ')})`,
          });
        }
        if (j.result === 'PERMITTED' && j.prohibitedCategory) {
          ctx.addIssue({
            code: 'custom',
            path: ['prohibitedCategory'],
            message: 'a prohibited category contradicts PERMITTED',
          });
        }
      }),
    requestLikely: z.boolean(),
    hearingItems: hearingItemsInput.optional(),
    notes: z.string().trim().max(4000).optional(),
    expectedVersion: z.number().int().positive().optional(),
  })
  .superRefine((v, ctx) => {
    if (Date.parse(v.endedAt) <= Date.parse(v.startedAt)) {
      ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'must be after startedAt' });
    }
    if (Date.parse(v.endedAt) - Date.parse(v.startedAt) > 12 * 3_600_000) {
      ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'a visit lasts at most 12 hours' });
    }
    if (v.workJudgment.result === 'PROHIBITED' && v.requestLikely) {
      ctx.addIssue({
        code: 'custom',
        path: ['requestLikely'],
        message: 'a request for prohibited work cannot go ahead (A3-3)',
      });
    }
  });

export interface RecordVisitResult {
  visit: Visit;
  /** The credit pre-check draft a likely request started (A6-1). */
  draftApplication?: Application;
}

/** The rep's supervisor (上長); when none is set, the department's managers. Not the recorder themself. */
async function supervisorsOf(
  deps: HubDepsWith<StaffDirectoryLedger>,
  rep: StaffMember | undefined,
  actor: Actor,
  department: string,
): Promise<StaffMember[]> {
  if (rep?.supervisorId) {
    const supervisor = await deps.ledger.getStaffMember(rep.supervisorId);
    if (supervisor?.active) return supervisor.userId === actor.userId ? [] : [supervisor];
  }
  return (await deps.ledger.listStaffMembers()).filter(
    (m) => m.active && m.role === 'MANAGER' && m.department === department && m.userId !== actor.userId,
  );
}

export async function recordVisit(deps: HubDeps, actor: Actor, input: unknown): Promise<RecordVisitResult> {
  const cmd = parseInput(recordVisitInput, input);
  const { visit, client } = await loadVisitForChange(deps, actor, cmd.visitId, cmd.expectedVersion);
  if (visit.status === 'RECORDED' || visit.status === 'CANCELLED') {
    throw new PreconditionFailedError(
      visit.status === 'RECORDED' ? 'VISIT_ALREADY_RECORDED' : 'VISIT_CANCELLED',
      `the visit is ${visit.status.toLowerCase()}`,
    );
  }
  const missing = missingChecklistItems(visit);
  if (missing.length) {
    throw new PreconditionFailedError(
      'PRE_VISIT_CHECKLIST_INCOMPLETE',
      `confirm the pre-visit checklist first (A2-3); missing: ${missing.map((m) => `${m} (${PRE_VISIT_CHECKLIST_ITEMS[m]})`).join(', ')}`,
    );
  }
  const nowDate = deps.clock.now();
  const now = nowDate.toISOString();
  const timing: { path: string; message: string }[] = [];
  if (Date.parse(cmd.endedAt) > nowDate.getTime()) {
    timing.push({ path: 'input.endedAt', message: 'a visit is recorded after it ended' });
  }
  if (Date.parse(cmd.dispatchExplanation.acknowledgedAt) > nowDate.getTime()) {
    timing.push({ path: 'input.dispatchExplanation.acknowledgedAt', message: 'must not be in the future' });
  }
  if (timing.length) throw new ValidationError(timing);
  const inquiry = await deps.ledger.getInquiry(visit.inquiryId);
  if (!inquiry) throw new NotFoundError('Inquiry', visit.inquiryId);

  const prohibited =
    cmd.workJudgment.result === 'PROHIBITED' ? cmd.workJudgment.prohibitedCategory : undefined;
  const outcome: VisitOutcome = prohibited
    ? 'REJECTED_PROHIBITED_WORK'
    : cmd.requestLikely
      ? 'REQUEST_LIKELY'
      : 'NO_REQUEST_YET';
  const record: VisitRecord = {
    startedAt: new Date(cmd.startedAt).toISOString(),
    endedAt: new Date(cmd.endedAt).toISOString(),
    explained: cmd.explained,
    recruitmentBackground: cmd.recruitmentBackground,
    hrIssues: cmd.hrIssues,
    dispatchExplanation: {
      ...cmd.dispatchExplanation,
      acknowledgedAt: new Date(cmd.dispatchExplanation.acknowledgedAt).toISOString(),
    },
    workJudgment: {
      result: cmd.workJudgment.result,
      ...(prohibited
        ? {
            prohibitedCategory: prohibited,
            reason: cmd.workJudgment.reason ?? prohibitedWorkReason(prohibited),
          }
        : cmd.workJudgment.reason
          ? { reason: cmd.workJudgment.reason }
          : {}),
    },
    outcome,
    ...(cmd.notes ? { notes: cmd.notes } : {}),
    recordedBy: actor.userId,
    recordedAt: now,
  };
  const dueAt = dueWithinHours(new Date(record.endedAt), deps.policy.visitRecordHours).toISOString();
  // Late against the 24 hours from the visit's end — and late anyway once it was escalated:
  // a later-typed end time cannot erase a missed deadline (docs/policy.md).
  const late = now > dueAt || visit.recordDeadline.escalatedAt !== undefined;

  const changes: EntityChange[] = [];
  const writes: LedgerWrite[] = [];

  // A3-4 / A1-6 / A7-2: the hearing items heard at the visit go to the request's sheet.
  const sheetBefore = await deps.ledger.getHearingSheet(hearingSheetIdOf(inquiry.inquiryId));
  const sheet = hearingSheetChange(
    deps,
    actor,
    'visit.record',
    inquiry,
    sheetBefore,
    (cmd.hearingItems ?? {}) as Partial<HearingItems>,
    { via: 'VISIT', visitId: visit.visitId },
    now,
  );
  if (sheet) changes.push(sheet.change);

  // A6-1: a likely request starts the credit pre-check, as a draft for the rep.
  let draftApplication: Application | undefined;
  if (outcome === 'REQUEST_LIKELY') {
    // The slot is read by key and written with its version: two visits at once make one draft.
    const slot = await deps.ledger.getApplicationSlot(applicationSlotId(client.clientId, 'CREDIT_PRECHECK'));
    if (!slot?.draftApplicationId && !slot?.openApplicationId) {
      draftApplication = {
        applicationId: deps.ids.next('app'),
        type: 'CREDIT_PRECHECK',
        status: 'DRAFT',
        clientId: client.clientId,
        department: visit.department,
        applicantId: client.salesRepId ?? visit.salesRepId,
        visitId: visit.visitId,
        history: [],
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      changes.push(
        entityChange(deps.ids, {
          actor,
          operation: 'visit.record',
          at: now,
          clientId: client.clientId,
          subjectId: draftApplication.applicationId,
          before: undefined,
          entity: { type: 'APPLICATION', value: draftApplication },
        }),
        slotChange(
          deps,
          actor,
          'visit.record',
          draftApplication,
          { draftApplicationId: draftApplication.applicationId },
          now,
          slot,
        ),
      );
    }
  }

  const recorded = visitChange(
    deps,
    actor,
    'visit.record',
    visit,
    {
      status: 'RECORDED',
      record,
      recordDeadline: {
        dueAt,
        basis: 'VISIT_END',
        recordedAt: now,
        late,
        ...(visit.recordDeadline.escalatedAt ? { escalatedAt: visit.recordDeadline.escalatedAt } : {}),
      },
      ...(draftApplication ? { draftApplicationId: draftApplication.applicationId } : {}),
    },
    now,
  );
  changes.push(recorded.change);

  if (client.stage === 'PROSPECT' || client.stage === 'ASSIGNED') {
    changes.push(clientChange(deps, actor, 'visit.record', client, { stage: 'VISITED' }, now).change);
  }

  // A3-6: into the kintone visit app (outbox), and reported to the supervisor.
  const rep = await deps.ledger.getStaffMember(recorded.visit.salesRepId);
  const sheetAfter = sheet?.sheet ?? sheetBefore;
  writes.push(
    enqueueKintoneWrite(deps.ids, now, {
      app: 'visits',
      visit: {
        hubId: visit.visitId,
        clientId: client.clientId,
        clientName: client.name,
        salesRepId: recorded.visit.salesRepId,
        visitedAt: record.startedAt,
        endedAt: record.endedAt,
        recordedAt: now,
        recordTimeliness: late ? 'LATE' : 'ON_TIME',
        workJudgment: record.workJudgment.result,
        outcome,
        summary: visitRecordSummary(recorded.visit, sheetAfter, completenessOf(sheetAfter)),
      },
      hubId: visit.visitId,
      clientId: client.clientId,
      subjectType: 'VISIT',
      subjectId: visit.visitId,
    }),
    ...notify(deps.ids, now, await supervisorsOf(deps, rep, actor, visit.department), {
      template: 'VISIT_RECORDED',
      clientId: client.clientId,
      params: {
        company: client.name,
        salesRepName: rep?.name ?? recorded.visit.salesRepId,
        endedAt: record.endedAt,
        outcome,
        late,
        dueAt,
        withinHours: deps.policy.visitRecordHours,
        ...(record.workJudgment.reason && prohibited ? { rejectionReason: record.workJudgment.reason } : {}),
        visitId: visit.visitId,
      },
    }),
  );
  await commitChanges(deps.ledger, changes, writes);
  return { visit: recorded.visit, ...(draftApplication ? { draftApplication } : {}) };
}
