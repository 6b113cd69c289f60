/**
 * Deciding an approval (A4-2, A4-3, X-5) against the in-memory ledger: who belongs to a task's
 * pool, every refusal with its rule, what a decision records and releases, and separation of
 * duties — the manager and the director step are two people, and an approval that would leave the
 * other step with nobody who may decide it is refused, naming who should decide instead.
 * (test/separation-of-duties.test.ts runs the same rules through the local workflow engine.)
 */
import { describe, expect, it } from 'vitest';
import { staffMember } from '../../test/support/builders.js';
import type { Actor } from '../access.js';
import { FixedClock } from '../clock.js';
import {
  ForbiddenError,
  IntegrationError,
  NotFoundError,
  PreconditionFailedError,
  ValidationError,
} from '../errors.js';
import { randomIds } from '../ids.js';
import { defaultPolicy } from '../policy-config.js';
import type { StaffMember } from '../staff/staff-member.js';
import { InMemoryClientLedger } from '../testing/in-memory-ledger.js';
import { RecordingWorkflowEngine } from '../testing/recording-workflow-engine.js';
import type { Application, ApplicationEvent, ApprovalStep } from './application.js';
import { type ApprovalTask, poolFor } from './approval-task.js';
import { belongsToPool, decideApproval, deciderOfOtherStep, mayStillDecide } from './decide-approval.js';

const NOW = '2026-12-01T01:00:00.000Z';
const mgrTokyo: Actor = { userId: 'mgr-tokyo-1', role: 'MANAGER', department: 'SALES_TOKYO' };
const mgrTokyo2: Actor = { userId: 'mgr-tokyo-2', role: 'MANAGER', department: 'SALES_TOKYO' };
const mgrOsaka: Actor = { userId: 'mgr-osaka-1', role: 'MANAGER', department: 'SALES_OSAKA' };
const director1: Actor = { userId: 'director-1', role: 'DIRECTOR', department: 'EXECUTIVE' };
const director2: Actor = { userId: 'director-2', role: 'DIRECTOR', department: 'EXECUTIVE' };
const legal: Actor = { userId: 'legal-1', role: 'LEGAL' };
const marketing: Actor = { userId: 'mkt-1', role: 'MARKETING' };
const sales: Actor = { userId: 'sales-tokyo-1', role: 'SALES', department: 'SALES_TOKYO' };

const member = (a: Actor, overrides: Partial<StaffMember> = {}) =>
  staffMember({
    userId: a.userId,
    role: a.role,
    ...(a.department ? { department: a.department } : {}),
    ...overrides,
  });

/** Sales, one manager each in Tokyo and Osaka, one director, legal and marketing. */
const ONE_DIRECTOR = [sales, mgrTokyo, mgrOsaka, director1, legal, marketing].map((a) => member(a));

interface Setup {
  staff?: StaffMember[];
  step?: ApprovalStep;
  /** Non-empty: the application needs the director step too; null: a record without the field. */
  directorReasons?: string[] | null;
  history?: ApplicationEvent[];
  applicantId?: string;
  taskStatus?: ApprovalTask['status'];
  applicationStatus?: Application['status'];
  workflows?: RecordingWorkflowEngine;
}

async function setUp(s: Setup = {}) {
  const ledger = new InMemoryClientLedger();
  for (const m of s.staff ?? ONE_DIRECTOR)
    await ledger.commit([{ entity: { type: 'STAFF_MEMBER', value: m } }], []);
  const step = s.step ?? 'MANAGER';
  const application: Application = {
    applicationId: 'app_1',
    type: 'CREDIT_PRECHECK',
    status: s.applicationStatus ?? 'SUBMITTED',
    clientId: 'cli_1',
    department: 'SALES_TOKYO',
    applicantId: s.applicantId ?? sales.userId,
    ...(s.directorReasons === null ? {} : { directorReasons: s.directorReasons ?? [] }),
    history: s.history ?? [],
    submittedAt: NOW,
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
  };
  const task: ApprovalTask = {
    taskId: `tsk_1_${step}`,
    applicationId: 'app_1',
    applicationType: 'CREDIT_PRECHECK',
    clientId: 'cli_1',
    applicantId: application.applicantId,
    step,
    pool: poolFor(step, 'SALES_TOKYO'),
    status: s.taskStatus ?? 'OPEN',
    taskToken: `token-${step}`,
    openedAt: NOW,
    ...(s.taskStatus === 'DECIDED'
      ? { decision: { decision: 'APPROVE', decidedBy: 'director-2', decidedAt: NOW } as const }
      : {}),
    version: 1,
  };
  await ledger.commit(
    [
      { entity: { type: 'APPLICATION', value: application } },
      { entity: { type: 'APPROVAL_TASK', value: task } },
    ],
    [],
  );
  const workflows = s.workflows ?? new RecordingWorkflowEngine();
  const deps = {
    ledger,
    clock: new FixedClock(new Date('2026-12-02T03:00:00.000Z')),
    ids: randomIds,
    policy: defaultPolicy,
    workflows,
  };
  const decide = (actor: Actor, input: Record<string, unknown> = {}) =>
    decideApproval(deps, actor, { taskId: task.taskId, decision: 'APPROVE', ...input });
  return { ledger, workflows, task, application, decide };
}

const decided = (step: ApprovalStep, by: string): ApplicationEvent => ({
  at: NOW,
  kind: 'DECIDED',
  step,
  by,
  decision: 'APPROVE',
});

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as Error & { rule?: string };
  }
  throw new Error('expected a refusal');
}

describe('who belongs to a task’s pool', () => {
  const pool = (step: ApprovalStep) => ({ pool: poolFor(step, 'SALES_TOKYO') });
  it('the manager step: the department’s managers and any director, not sales nor another department', () => {
    expect(belongsToPool(mgrTokyo, pool('MANAGER'))).toBe(true);
    expect(belongsToPool(director1, pool('MANAGER'))).toBe(true);
    expect(belongsToPool(mgrOsaka, pool('MANAGER'))).toBe(false);
    expect(belongsToPool(sales, pool('MANAGER'))).toBe(false);
    expect(belongsToPool({ userId: 'mgr-x', role: 'MANAGER' }, pool('MANAGER'))).toBe(false);
    expect(belongsToPool(legal, pool('MANAGER'))).toBe(false);
  });
  it('the director step: directors only', () => {
    expect(belongsToPool(director1, pool('DIRECTOR'))).toBe(true);
    expect(belongsToPool(mgrTokyo, pool('DIRECTOR'))).toBe(false);
  });
  it('legal and marketing steps: their role only', () => {
    expect(belongsToPool(legal, pool('LEGAL_REVIEW'))).toBe(true);
    expect(belongsToPool(legal, pool('LEGAL_SEND'))).toBe(true);
    expect(belongsToPool(director1, pool('LEGAL_REVIEW'))).toBe(false);
    expect(belongsToPool(marketing, pool('MARKETING_SEND'))).toBe(true);
    expect(belongsToPool(legal, pool('MARKETING_SEND'))).toBe(false);
  });
});

describe('who may still decide a step', () => {
  const app = (history: ApplicationEvent[]) =>
    ({ applicantId: 'mgr-tokyo-2', history }) as unknown as Application;
  const staff = [mgrTokyo, mgrTokyo2, mgrOsaka, director1, director2].map((a) => member(a));

  it('the pool’s active members but the applicant and whoever decided the other independent step', () => {
    const ids = (list: StaffMember[]) => list.map((m) => m.userId);
    const withGone = [
      ...staff,
      member({ userId: 'mgr-gone', role: 'MANAGER', department: 'SALES_TOKYO' }, { active: false }),
    ];
    const fresh = app([]);
    expect(ids(mayStillDecide(withGone, { ...fresh, department: 'SALES_TOKYO' }, 'MANAGER'))).toEqual([
      'mgr-tokyo-1',
      'director-1',
      'director-2',
    ]);
    const afterDirector = { ...app([decided('DIRECTOR', 'director-1')]), department: 'SALES_TOKYO' };
    expect(deciderOfOtherStep(afterDirector, 'MANAGER')).toBe('director-1');
    expect(ids(mayStillDecide(staff, afterDirector, 'MANAGER'))).toEqual(['mgr-tokyo-1', 'director-2']);
    // The director step's own decider is not "the other step" of the director step.
    expect(deciderOfOtherStep(afterDirector, 'DIRECTOR')).toBeUndefined();
    expect(ids(mayStillDecide(staff, afterDirector, 'DIRECTOR', undefined, 'director-2'))).toEqual([
      'director-1',
    ]);
  });

  it('counts only decisions of the manager and the director step', () => {
    const legalDecided = { ...app([decided('LEGAL_REVIEW', 'director-1')]), department: 'SALES_TOKYO' };
    expect(deciderOfOtherStep(legalDecided, 'DIRECTOR')).toBeUndefined();
    expect(deciderOfOtherStep(legalDecided, 'MANAGER')).toBeUndefined();
    const requested = {
      ...app([{ at: NOW, kind: 'APPROVAL_REQUESTED', step: 'MANAGER', by: 'director-1' }]),
      department: 'SALES_TOKYO',
    };
    expect(deciderOfOtherStep(requested, 'DIRECTOR')).toBeUndefined();
    // Legal's step has no other step: nobody is excluded for it.
    const managerDecided = { ...app([decided('MANAGER', 'legal-1')]), department: 'SALES_TOKYO' };
    expect(mayStillDecide([member(legal)], managerDecided, 'LEGAL_REVIEW').map((m) => m.userId)).toEqual([
      'legal-1',
    ]);
  });
});

describe('a decision', () => {
  it('is recorded on the task and the application, then released to the waiting workflow', async () => {
    const { decide, ledger, workflows } = await setUp();
    const result = await decide(mgrTokyo, { comment: '  与信に問題なし  ' });
    const decision = {
      decision: 'APPROVE',
      comment: '与信に問題なし',
      decidedBy: 'mgr-tokyo-1',
      decidedAt: '2026-12-02T03:00:00.000Z',
    };
    expect(result.task).toMatchObject({ status: 'DECIDED', decision, version: 2 });
    expect(await ledger.getApprovalTask('tsk_1_MANAGER')).toMatchObject({
      status: 'DECIDED',
      decision,
      version: 2,
    });
    const application = await ledger.getApplication('app_1');
    expect(application?.history.at(-1)).toEqual({
      at: '2026-12-02T03:00:00.000Z',
      kind: 'DECIDED',
      step: 'MANAGER',
      by: 'mgr-tokyo-1',
      decision: 'APPROVE',
      comment: '与信に問題なし',
    });
    expect(result.application.history.at(-1)?.kind).toBe('DECIDED');
    // Audited as the decision, on the task and on the application.
    expect(ledger.auditEvents.map((e) => [e.operation, e.subjectType])).toEqual(
      expect.arrayContaining([
        ['approval.decide', expect.stringMatching(/task/i)],
        ['approval.decide', expect.stringMatching(/application/i)],
      ]),
    );
    expect(ledger.auditEvents.every((e) => e.operation === 'approval.decide')).toBe(true);
    expect(workflows.released).toEqual([
      {
        taskToken: 'token-MANAGER',
        output: { decision: 'APPROVE', taskId: 'tsk_1_MANAGER', decidedBy: 'mgr-tokyo-1' },
      },
    ]);
  });

  it('carries no comment when none was given', async () => {
    const { decide, ledger } = await setUp();
    const result = await decide(mgrTokyo);
    expect(result.task.decision).toEqual({
      decision: 'APPROVE',
      decidedBy: 'mgr-tokyo-1',
      decidedAt: '2026-12-02T03:00:00.000Z',
    });
    const last = (await ledger.getApplication('app_1'))?.history.at(-1);
    expect(last && 'comment' in last).toBe(false);
  });

  it('needs a reason to reject, naming the field', async () => {
    const { decide, ledger } = await setUp();
    const error = await refusal(decide(mgrTokyo, { decision: 'REJECT' }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual([
      { path: 'input.comment', message: 'a rejection needs a reason' },
    ]);
    expect(await refusal(decide(mgrTokyo, { decision: 'REJECT', comment: '   ' }))).toBeInstanceOf(
      ValidationError,
    );
    expect((await ledger.getApprovalTask('tsk_1_MANAGER'))?.status).toBe('OPEN');
    const rejected = await decide(mgrTokyo, { decision: 'REJECT', comment: '与信不足' });
    expect(rejected.task.decision).toMatchObject({ decision: 'REJECT', comment: '与信不足' });
  });

  it('is recorded even when the workflow no longer waits on its token; other failures are raised', async () => {
    const gone = new RecordingWorkflowEngine();
    gone.sendTaskSuccess = async () => {
      throw new IntegrationError({
        system: 'stepfunctions',
        operation: 'sendTaskSuccess',
        retryable: false,
        message: 'TaskTimedOut',
      });
    };
    const { decide, ledger } = await setUp({ workflows: gone });
    await expect(decide(mgrTokyo)).resolves.toMatchObject({ task: { status: 'DECIDED' } });
    expect((await ledger.getApprovalTask('tsk_1_MANAGER'))?.status).toBe('DECIDED');

    const broken = new RecordingWorkflowEngine();
    broken.sendTaskSuccess = async () => {
      throw new TypeError('a bug');
    };
    const other = await setUp({ workflows: broken });
    await expect(other.decide(mgrTokyo)).rejects.toThrow('a bug');
  });
});

describe('refusals name their rule', () => {
  it('ROLE_NOT_ALLOWED for a role that never decides', async () => {
    const { decide } = await setUp();
    expect(await refusal(decide(sales))).toMatchObject({ rule: 'ROLE_NOT_ALLOWED' });
  });

  it('NOT_ACTIVE_STAFF for someone not, or no longer, in the staff directory', async () => {
    const { decide } = await setUp({
      staff: [...ONE_DIRECTOR, member(mgrTokyo2, { active: false })],
    });
    const inactive = await refusal(decide(mgrTokyo2));
    expect(inactive).toBeInstanceOf(ForbiddenError);
    expect(inactive).toMatchObject({
      rule: 'NOT_ACTIVE_STAFF',
      message: 'you are not an active member of the staff directory',
    });
    expect(
      await refusal(decide({ userId: 'mgr-unknown', role: 'MANAGER', department: 'SALES_TOKYO' })),
    ).toMatchObject({
      rule: 'NOT_ACTIVE_STAFF',
    });
  });

  it('a task or an application that does not exist is not found', async () => {
    const { decide, ledger, task } = await setUp();
    const none = await refusal(decide(mgrTokyo, { taskId: 'tsk_none' }));
    expect(none).toBeInstanceOf(NotFoundError);
    expect(none.message).toBe('ApprovalTask tsk_none was not found');
    await ledger.commit(
      [
        {
          entity: {
            type: 'APPROVAL_TASK',
            value: { ...task, taskId: 'tsk_orphan', applicationId: 'app_missing' },
          },
        },
      ],
      [],
    );
    const missing = await refusal(decide(mgrTokyo, { taskId: 'tsk_orphan' }));
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing.message).toBe('Application app_missing was not found');
  });

  it('OTHER_APPROVAL_POOL for a manager of another department', async () => {
    const { decide } = await setUp();
    expect(await refusal(decide(mgrOsaka))).toMatchObject({
      rule: 'OTHER_APPROVAL_POOL',
      message: 'this approval belongs to another pool',
    });
  });

  it('OWN_APPLICATION for the applicant', async () => {
    const { decide } = await setUp({ applicantId: 'mgr-tokyo-1' });
    expect(await refusal(decide(mgrTokyo))).toMatchObject({
      rule: 'OWN_APPLICATION',
      message: 'nobody decides their own application',
    });
  });

  it('TASK_ALREADY_DECIDED and TASK_ESCALATED: the first decision wins', async () => {
    const done = await setUp({ taskStatus: 'DECIDED' });
    const second = await refusal(done.decide(mgrTokyo));
    expect(second).toBeInstanceOf(PreconditionFailedError);
    expect(second).toMatchObject({
      rule: 'TASK_ALREADY_DECIDED',
      message: 'this task was already decided (APPROVE by director-2)',
    });
    const escalated = await setUp({ taskStatus: 'ESCALATED' });
    expect(await refusal(escalated.decide(mgrTokyo))).toMatchObject({
      rule: 'TASK_ESCALATED',
      message: 'this task was escalated to the supervisors; decide the escalated task instead',
    });
    const closed = await setUp({ taskStatus: 'CLOSED' });
    expect(await refusal(closed.decide(mgrTokyo))).toMatchObject({ rule: 'TASK_ESCALATED' });
  });

  it('APPLICATION_CLOSED once the application is no longer submitted', async () => {
    const { decide } = await setUp({ applicationStatus: 'APPROVED' });
    expect(await refusal(decide(mgrTokyo))).toMatchObject({
      rule: 'APPLICATION_CLOSED',
      message: 'the application is APPROVED',
    });
  });

  it('ONE_PERSON_PER_STEP: whoever decided the manager step may not decide the director step', async () => {
    const { decide } = await setUp({
      staff: [...ONE_DIRECTOR, member(director2)],
      step: 'DIRECTOR',
      directorReasons: ['与信評点が基準未満'],
      history: [decided('MANAGER', 'director-1')],
    });
    expect(await refusal(decide(director1))).toMatchObject({
      rule: 'ONE_PERSON_PER_STEP',
      message: 'you already decided another step of this application',
    });
    await expect(decide(director2)).resolves.toMatchObject({ task: { status: 'DECIDED' } });
  });

  it('counts only decisions: a director named on another event of the manager step may still decide the director step', async () => {
    const { decide } = await setUp({
      step: 'DIRECTOR',
      directorReasons: ['与信評点が基準未満'],
      history: [{ at: NOW, kind: 'ESCALATED', step: 'MANAGER', by: 'director-1' }],
    });
    await expect(decide(director1)).resolves.toMatchObject({ task: { status: 'DECIDED' } });
  });

  it('lets the same person decide a step again only where the steps are not the two independent ones', async () => {
    // A legal step after the same person's … legal decision elsewhere: not the manager/director pair.
    const { decide } = await setUp({ step: 'LEGAL_REVIEW', history: [decided('LEGAL_SEND', 'legal-1')] });
    await expect(decide(legal)).resolves.toMatchObject({ task: { status: 'DECIDED' } });
  });
});

describe('separation of duties: nobody left to decide', () => {
  const needsDirector = { directorReasons: ['与信評点が基準未満'] };

  it('refuses the only director’s approval of the manager step while the director step is to come, naming who decides instead', async () => {
    const { decide, ledger } = await setUp(needsDirector);
    const error = await refusal(decide(director1));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.rule).toBe('NO_ONE_LEFT_TO_DECIDE');
    expect(error.message).toBe(
      'approving the MANAGER step yourself would leave the DIRECTOR step with nobody in the staff directory who may decide it (each is decided by a different person); ask mgr-tokyo-1 to decide the MANAGER step',
    );
    expect((await ledger.getApprovalTask('tsk_1_MANAGER'))?.status).toBe('OPEN');
    // The department's manager may approve: the director remains for his step.
    await expect(decide(mgrTokyo)).resolves.toMatchObject({ task: { status: 'DECIDED' } });
  });

  it('names everyone else who may decide, sorted, and says when nobody may', async () => {
    const many = await setUp({
      ...needsDirector,
      staff: [
        ...ONE_DIRECTOR,
        member(mgrTokyo2),
        member({ userId: 'mgr-tokyo-0', role: 'MANAGER', department: 'SALES_TOKYO' }),
      ],
    });
    expect((await refusal(many.decide(director1))).message).toContain(
      'ask mgr-tokyo-0, mgr-tokyo-1, mgr-tokyo-2 to decide the MANAGER step',
    );
    const alone = await setUp({ ...needsDirector, staff: [sales, director1].map((a) => member(a)) });
    expect((await refusal(alone.decide(director1))).message).toContain(
      'nobody else may decide the MANAGER step either: an administrator must add an active director to the staff directory',
    );
  });

  it('refuses the only director’s approval of the director step when no manager is left for the manager step', async () => {
    const { decide } = await setUp({
      step: 'DIRECTOR',
      ...needsDirector,
      staff: [sales, director1].map((a) => member(a)),
    });
    const error = await refusal(decide(director1));
    expect(error.rule).toBe('NO_ONE_LEFT_TO_DECIDE');
    expect(error.message).toBe(
      'approving the DIRECTOR step yourself would leave the MANAGER step with nobody in the staff directory who may decide it (each is decided by a different person); nobody else may decide the DIRECTOR step either: an administrator must add an active manager to the staff directory',
    );
    // With the department's manager in the directory the director may approve his step first.
    const withManager = await setUp({ step: 'DIRECTOR', ...needsDirector });
    await expect(withManager.decide(director1)).resolves.toMatchObject({ task: { status: 'DECIDED' } });
  });

  it('lets the only director approve the manager step alone when the application needs no director', async () => {
    const { decide } = await setUp();
    await expect(decide(director1)).resolves.toMatchObject({ task: { status: 'DECIDED' } });
  });

  it('lets him decide once the other step is decided, and never blocks a rejection', async () => {
    const done = await setUp({
      step: 'DIRECTOR',
      ...needsDirector,
      staff: [sales, director1].map((a) => member(a)),
      history: [decided('MANAGER', 'mgr-tokyo-1')],
    });
    await expect(done.decide(director1)).resolves.toMatchObject({ task: { status: 'DECIDED' } });
    const rejecting = await setUp(needsDirector);
    await expect(
      rejecting.decide(director1, { decision: 'REJECT', comment: '取引見送り' }),
    ).resolves.toMatchObject({
      task: { status: 'DECIDED' },
    });
  });

  it('does not count another decision of the same step, or of a legal step, as the other step decided', async () => {
    const { decide } = await setUp({
      ...needsDirector,
      history: [decided('MANAGER', 'mgr-osaka-1'), decided('LEGAL_REVIEW', 'legal-1')],
    });
    expect((await refusal(decide(director1))).rule).toBe('NO_ONE_LEFT_TO_DECIDE');
  });

  it('counts the other step as decided only by a decision, not by its request', async () => {
    const { decide } = await setUp({
      directorReasons: ['与信評点が基準未満'],
      history: [{ at: NOW, kind: 'APPROVAL_REQUESTED', step: 'DIRECTOR' }],
    });
    expect((await refusal(decide(director1))).rule).toBe('NO_ONE_LEFT_TO_DECIDE');
  });

  it('always keeps someone for the manager step, whatever the director reasons say', async () => {
    for (const directorReasons of [[], null]) {
      const { decide } = await setUp({
        step: 'DIRECTOR',
        directorReasons,
        staff: [sales, director1].map((a) => member(a)),
      });
      expect((await refusal(decide(director1))).rule).toBe('NO_ONE_LEFT_TO_DECIDE');
    }
    // A record without director reasons needs no director: the only director may take the manager step.
    const { decide } = await setUp({ directorReasons: null });
    await expect(decide(director1)).resolves.toMatchObject({ task: { status: 'DECIDED' } });
  });

  it('names the people who may decide instead sorted, whatever order the directory lists them in', async () => {
    const { decide, ledger } = await setUp({
      directorReasons: ['与信評点が基準未満'],
      staff: [
        ...ONE_DIRECTOR,
        member(mgrTokyo2),
        member({ userId: 'mgr-tokyo-0', role: 'MANAGER', department: 'SALES_TOKYO' }),
      ],
    });
    const listed = ledger.listStaffMembers.bind(ledger);
    ledger.listStaffMembers = async () => (await listed()).reverse();
    expect((await refusal(decide(director1))).message).toContain(
      'ask mgr-tokyo-0, mgr-tokyo-1, mgr-tokyo-2 to decide',
    );
  });

  it('does not apply to legal or marketing steps', async () => {
    const { decide } = await setUp({
      step: 'LEGAL_REVIEW',
      ...needsDirector,
      staff: [sales, legal].map((a) => member(a)),
    });
    await expect(decide(legal)).resolves.toMatchObject({ task: { status: 'DECIDED' } });
  });
});
