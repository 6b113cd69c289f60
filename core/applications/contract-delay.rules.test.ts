/**
 * A 06_2 application past its 10 business days (A4-5, X-2, docs/policy.md "application to executed
 * contract") against the in-memory ledger. The deadline job tells the applicant and their
 * supervisor (the department's active managers when the supervisor is missing or has left) once, at
 * the first instant past the deadline, in their inboxes and by e-mail, with the event in the
 * application's history and audited; one with a delay reason, or of another type, never. The
 * reason is owed only once past due, from the applicant or someone who works on the client, and is
 * reported to the supervisor. (test/contract-execution-workflow.test.ts proves it on DynamoDB
 * Local with the workflow running.)
 */
import { describe, expect, it } from 'vitest';
import {
  hubDeps,
  managerTokyo,
  marketing,
  salesOsaka,
  salesTokyo,
  staffMember,
} from '../../test/support/builders.js';
import {
  actAfterNextRead,
  escalationDirectory,
  expectEscalatedOnlyPast,
  FailingLedger,
  inboxesOf,
  leaves,
  mailsOf,
  seedStaff,
} from '../../test/support/deadline-escalation.js';
import type { Actor } from '../access.js';
import { dueWithinBusinessDays } from '../business-days.js';
import type { Client } from '../clients/client.js';
import { clientTrail } from '../clients/client.js';
import { defaultPolicy } from '../policy-config.js';
import { InMemoryClientLedger } from '../testing/in-memory-ledger.js';
import type { Application } from './application.js';
import { escalateDelayedContractExecutions, recordDelayReason } from './contract-delay.js';

/** Submitted Tuesday 1 December 10:00 JST: ten business days run to the end of Tuesday 15 December. */
const SUBMITTED_AT = '2026-12-01T01:00:00.000Z';
const DUE = '2026-12-15T14:59:59.999Z';
const PAST_DUE = '2026-12-15T15:00:00.000Z';

/** The directory, plus applicants whose supervisor has left, who have none, and another rep. */
const members = [
  ...escalationDirectory,
  staffMember({
    userId: 'sales-orphan',
    role: 'SALES',
    department: 'SALES_TOKYO',
    supervisorId: 'mgr-tokyo-left',
  }),
  staffMember({ userId: 'sales-unsupervised', role: 'SALES', department: 'SALES_TOKYO' }),
  staffMember({
    userId: 'sales-other-rep',
    role: 'SALES',
    department: 'SALES_TOKYO',
    supervisorId: 'mgr-tokyo-1',
  }),
];

let counter = 0;

async function setUp(ledger = new InMemoryClientLedger()) {
  await seedStaff(ledger, members);
  const d = hubDeps(ledger, SUBMITTED_AT);
  /** A client of sales-tokyo-1 and its running 06_2, submitted at SUBMITTED_AT by `applicantId`. */
  const submitted = async (
    options: {
      applicantId?: string;
      type?: Application['type'];
      deadline?: object;
      department?: string;
    } = {},
  ): Promise<Application> => {
    counter += 1;
    const department = options.department ?? 'SALES_TOKYO';
    const client = {
      clientId: `cli_delay${counter}`,
      name: `株式会社遅延${counter}`,
      normalizedName: `遅延${counter}`,
      stage: 'CONTRACTING',
      department,
      salesRepId: department === 'SALES_TOKYO' ? 'sales-tokyo-1' : 'sales-osaka-1',
      version: 1,
      createdAt: SUBMITTED_AT,
      updatedAt: SUBMITTED_AT,
    } as Client;
    const applicantId = options.applicantId ?? client.salesRepId ?? '';
    const type = options.type ?? 'CONTRACT_EXECUTION';
    const contractExecution: NonNullable<Application['contractExecution']> = {
      form: 'STANDARD',
      clientSigner: { name: '先方 署名者', email: `signer${counter}@client.example` },
      envelopeName: `BASIC-${client.clientId}-app_delay${counter}`,
      deadline: {
        dueAt: dueWithinBusinessDays(
          new Date(SUBMITTED_AT),
          defaultPolicy.contractExecutionBusinessDays,
          defaultPolicy.calendar,
        ).toISOString(),
        ...options.deadline,
      },
    };
    const application: Application = {
      applicationId: `app_delay${counter}`,
      type,
      status: 'SUBMITTED',
      clientId: client.clientId,
      department,
      applicantId,
      // Only a 06_2 carries a contract to execute and its deadline.
      ...(type === 'CONTRACT_EXECUTION' ? { contractExecution } : {}),
      directorReasons: [],
      submittedAt: SUBMITTED_AT,
      history: [{ at: SUBMITTED_AT, kind: 'SUBMITTED', by: applicantId, detail: 'STANDARD' }],
      createdAt: SUBMITTED_AT,
      updatedAt: SUBMITTED_AT,
      version: 1,
    };
    await ledger.commit(
      [
        { entity: { type: 'CLIENT', value: client } },
        { entity: { type: 'APPLICATION', value: application } },
      ],
      [],
    );
    return application;
  };
  const inboxes = () => inboxesOf(ledger, members, 'CONTRACT_EXECUTION_DELAYED');
  const mails = () => mailsOf(ledger, 'CONTRACT_EXECUTION_DELAYED');
  const deadline = async (a: Application) =>
    (await ledger.getApplication(a.applicationId))?.contractExecution?.deadline;
  return { d, ledger, submitted, inboxes, mails, deadline };
}

describe('the delay of a 06_2 application', () => {
  it('is reported only once its 10 business days have passed, at the first instant after', async () => {
    const { d, submitted, mails } = await setUp();
    const application = await submitted();
    expect(application.contractExecution?.deadline?.dueAt).toBe(DUE);

    await expectEscalatedOnlyPast(d.clock, () => escalateDelayedContractExecutions(d), mails, {
      due: DUE,
      pastDue: PAST_DUE,
    });
  });

  it('goes to the applicant and their supervisor, no one else', async () => {
    const { d, submitted, inboxes, mails } = await setUp();
    const application = await submitted();
    d.clock.set(PAST_DUE);
    await escalateDelayedContractExecutions(d);
    expect((await inboxes())[application.clientId]).toEqual(['mgr-tokyo-1', 'sales-tokyo-1']);
    expect((await mails())[0]?.to).toEqual(['sales-tokyo-1@agency.example', 'mgr-tokyo-1@agency.example']);
  });

  it('goes to the department’s active managers when the supervisor has left or none is set', async () => {
    const { d, submitted, inboxes } = await setUp();
    const orphan = await submitted({ applicantId: 'sales-orphan' });
    const unsupervised = await submitted({ applicantId: 'sales-unsupervised' });
    const osaka = await submitted({ applicantId: 'sales-unsupervised', department: 'SALES_OSAKA' });
    d.clock.set(PAST_DUE);
    expect(await escalateDelayedContractExecutions(d)).toEqual({ escalated: 3, skipped: 0 });
    const inbox = await inboxes();
    expect(inbox[orphan.clientId]).toEqual(['mgr-tokyo-1', 'mgr-tokyo-2', 'sales-orphan']);
    expect(inbox[unsupervised.clientId]).toEqual(['mgr-tokyo-1', 'mgr-tokyo-2', 'sales-unsupervised']);
    // The managers of the application's department, not the applicant's.
    expect(inbox[osaka.clientId]).toEqual(['mgr-osaka-1', 'sales-unsupervised']);
  });

  it('does not write to an applicant who has left the agency, only to their supervisor', async () => {
    const { d, ledger, submitted, inboxes, mails } = await setUp();
    const application = await submitted();
    await leaves(ledger, 'sales-tokyo-1');
    d.clock.set(PAST_DUE);
    expect(await escalateDelayedContractExecutions(d)).toEqual({ escalated: 1, skipped: 0 });
    expect((await inboxes())[application.clientId]).toEqual(['mgr-tokyo-1']);
    expect((await mails())[0]?.to).toEqual(['mgr-tokyo-1@agency.example']);
    expect((await mails())[0]?.text).toContain('（申請者: 東京 太郎）');
  });

  it('reaches a manager who applied without a supervisor once, and the managers alone when the applicant is unknown', async () => {
    const { d, submitted, inboxes, mails } = await setUp();
    const byManager = await submitted({ applicantId: 'mgr-tokyo-2' });
    const byUnknown = await submitted({ applicantId: 'sales-unknown' });
    d.clock.set(PAST_DUE);
    await escalateDelayedContractExecutions(d);
    const inbox = await inboxes();
    expect(inbox[byManager.clientId]).toEqual(['mgr-tokyo-1', 'mgr-tokyo-2']);
    expect(inbox[byUnknown.clientId]).toEqual(['mgr-tokyo-1', 'mgr-tokyo-2']);
    const unknownMail = (await mails()).find((m) => m.clientId === byUnknown.clientId);
    expect(unknownMail?.to).toEqual(['mgr-tokyo-1@agency.example', 'mgr-tokyo-2@agency.example']);
    expect(unknownMail?.text).toContain('（申請者: sales-unknown）');
  });

  it('tells them which client, who applied, the deadline and the application', async () => {
    const { d, ledger, submitted, mails } = await setUp();
    const application = await submitted();
    const client = (await ledger.getClient(application.clientId)) as Client;
    d.clock.set(PAST_DUE);
    await escalateDelayedContractExecutions(d);
    const [mail] = await mails();
    expect(mail?.subject).toBe(`【期限超過】契約締結 ${client.name} 様`);
    expect(mail?.text).toContain(
      `${client.name} 様の 06_2 契約書類締結申請（申請者: 東京 太郎）が、申請から10営業日の期限（2026年12月15日(火) 23:59）`,
    );
    expect(mail?.text).toContain('担当者はハブで遅延理由を記録してください');
    expect(mail?.text).toContain(`申請ID: ${application.applicationId}`);
    const [notice] = (await ledger.listNotifications('mgr-tokyo-1', 10)).items;
    expect(notice).toMatchObject({
      clientId: application.clientId,
      title: mail?.subject,
      createdAt: PAST_DUE,
    });
  });

  it('is reported once, kept in the history and audited as the deadline job’s', async () => {
    const { d, ledger, submitted, mails, deadline } = await setUp();
    const application = await submitted();
    d.clock.set(PAST_DUE);
    await escalateDelayedContractExecutions(d);
    d.clock.set('2026-12-16T03:00:00.000Z');
    expect(await escalateDelayedContractExecutions(d)).toEqual({ escalated: 0, skipped: 0 });
    expect(await mails()).toHaveLength(1);
    expect(await deadline(application)).toEqual({ dueAt: DUE, escalatedAt: PAST_DUE });
    const stored = (await ledger.getApplication(application.applicationId)) as Application;
    expect(stored.status).toBe('SUBMITTED');
    expect(stored.history).toEqual([...application.history, { at: PAST_DUE, kind: 'DELAYED', detail: DUE }]);
    const [event] = (await ledger.listAuditTrail(clientTrail(application.clientId), 10)).items;
    expect(event).toMatchObject({
      at: PAST_DUE,
      actor: { kind: 'SYSTEM', name: 'deadline-job' },
      operation: 'application.delayed',
      subjectId: application.applicationId,
    });
  });

  it('is not reported for one whose reason is recorded, nor for another type of application', async () => {
    const { d, submitted, mails } = await setUp();
    await submitted({ deadline: { delayReason: { reason: '先方稟議待ち', by: 'sales-tokyo-1', at: DUE } } });
    await submitted({ type: 'CREDIT_PRECHECK' });
    d.clock.set('2027-02-01T00:00:00.000Z');
    expect(await escalateDelayedContractExecutions(d)).toEqual({ escalated: 0, skipped: 0 });
    expect(await mails()).toEqual([]);
  });

  it('skips one changed between the job’s read and its write, and reports it at the next run', async () => {
    const ledger = new InMemoryClientLedger();
    const { d, submitted, mails, deadline } = await setUp(ledger);
    const raced = await submitted();
    const other = await submitted();
    d.clock.set(PAST_DUE);
    // The workflow moves the application on in the same moment (a new version).
    actAfterNextRead(ledger, 'listApplicationsInFlight', async () => {
      const current = (await ledger.getApplication(raced.applicationId)) as Application;
      await ledger.commit(
        [
          {
            entity: { type: 'APPLICATION', value: { ...current, version: current.version + 1 } },
            expectedVersion: current.version,
          },
        ],
        [],
      );
    });
    expect(await escalateDelayedContractExecutions(d)).toEqual({ escalated: 1, skipped: 1 });
    expect((await mails()).map((m) => m.clientId)).toEqual([other.clientId]);
    expect((await deadline(raced))?.escalatedAt).toBeUndefined();
    expect(await escalateDelayedContractExecutions(d)).toEqual({ escalated: 1, skipped: 0 });
    expect((await deadline(raced))?.escalatedAt).toBe(PAST_DUE);
  });

  it('does not pass off a ledger failure as a skip', async () => {
    const ledger = new FailingLedger();
    const { d, submitted, deadline } = await setUp(ledger);
    const application = await submitted();
    d.clock.set(PAST_DUE);
    ledger.failing = true;
    await expect(escalateDelayedContractExecutions(d)).rejects.toThrow('ledger unavailable');
    ledger.failing = false;
    expect((await deadline(application))?.escalatedAt).toBeUndefined();
    expect(await escalateDelayedContractExecutions(d)).toEqual({ escalated: 1, skipped: 0 });
  });
});

describe('the reason for a delay', () => {
  const reason = (applicationId: string, text = '先方の社内稟議が年明けまでかかるため') => ({
    applicationId,
    reason: text,
  });

  it('is not owed before the deadline has passed, to its last instant', async () => {
    const { d, submitted } = await setUp();
    const application = await submitted();
    d.clock.set(DUE);
    await expect(recordDelayReason(d, salesTokyo, reason(application.applicationId))).rejects.toMatchObject({
      rule: 'NOT_DELAYED',
      message: `the application is due by ${DUE}; no reason is owed yet`,
    });
    d.clock.set(PAST_DUE);
    await expect(recordDelayReason(d, salesTokyo, reason(application.applicationId))).resolves.toBeDefined();
  });

  it('is recorded with who gave it and when, in the history and the audit trail', async () => {
    const { d, ledger, submitted, deadline } = await setUp();
    const application = await submitted();
    d.clock.set('2026-12-16T03:00:00.000Z');
    const recorded = await recordDelayReason(
      d,
      salesTokyo,
      reason(application.applicationId, '  先方稟議待ち  '),
    );
    const given = { reason: '先方稟議待ち', by: 'sales-tokyo-1', at: '2026-12-16T03:00:00.000Z' };
    expect(recorded.contractExecution?.deadline).toEqual({ dueAt: DUE, delayReason: given });
    expect(await deadline(application)).toEqual({ dueAt: DUE, delayReason: given });
    expect(recorded.history.at(-1)).toEqual({
      at: '2026-12-16T03:00:00.000Z',
      kind: 'DELAY_REASON',
      by: 'sales-tokyo-1',
      comment: '先方稟議待ち',
    });
    const [event] = (await ledger.listAuditTrail(clientTrail(application.clientId), 10)).items;
    expect(event).toMatchObject({
      actor: { kind: 'USER', userId: 'sales-tokyo-1' },
      operation: 'application.recordDelayReason',
      subjectId: application.applicationId,
    });
    // Once given, the job no longer reports the delay.
    expect(await escalateDelayedContractExecutions(d)).toEqual({ escalated: 0, skipped: 0 });
  });

  it('is reported to the supervisor with the reason, never to the applicant or whoever gave it', async () => {
    const { d, submitted, inboxes, mails } = await setUp();
    const byRep = await submitted();
    const byManager = await submitted();
    d.clock.set('2026-12-16T03:00:00.000Z');
    await recordDelayReason(d, salesTokyo, reason(byRep.applicationId));
    await recordDelayReason(d, managerTokyo, reason(byManager.applicationId));
    const inbox = await inboxes();
    expect(inbox[byRep.clientId]).toEqual(['mgr-tokyo-1']);
    expect(inbox[byManager.clientId]).toBeUndefined();
    const [mail] = await mails();
    expect(mail).toMatchObject({ clientId: byRep.clientId, to: ['mgr-tokyo-1@agency.example'] });
    expect(mail?.subject).toMatch(/^【遅延理由】契約締結 株式会社遅延\d+ 様$/);
    expect(mail?.text).toContain('遅延理由（東京 太郎 さん記入）: 先方の社内稟議が年明けまでかかるため');
    expect(mail?.text).toContain(`申請ID: ${byRep.applicationId}`);
  });

  it('names an applicant no longer in the directory by their id when a manager gives the reason', async () => {
    const { d, submitted, mails } = await setUp();
    const application = await submitted({ applicantId: 'sales-unknown' });
    d.clock.set(PAST_DUE);
    await recordDelayReason(d, managerTokyo, reason(application.applicationId));
    const [mail] = await mails();
    expect(mail?.to).toEqual(['mgr-tokyo-2@agency.example']);
    expect(mail?.text).toContain('遅延理由（sales-unknown さん記入）');
  });

  it('may be given by the applicant or a manager of the department, not by another rep, department or role', async () => {
    const { d, submitted } = await setUp();
    const application = await submitted();
    const ownApplication = await submitted({ applicantId: 'sales-other-rep' });
    d.clock.set(PAST_DUE);
    const otherRep: Actor = { userId: 'sales-other-rep', role: 'SALES', department: 'SALES_TOKYO' };
    await expect(recordDelayReason(d, otherRep, reason(application.applicationId))).rejects.toMatchObject({
      rule: 'NOT_THE_CLIENTS_REP',
    });
    // The applicant gives the reason for their own application, though the client is another rep's.
    await expect(recordDelayReason(d, otherRep, reason(ownApplication.applicationId))).resolves.toBeDefined();
    await expect(recordDelayReason(d, salesOsaka, reason(application.applicationId))).rejects.toMatchObject({
      rule: 'OTHER_DEPARTMENT',
    });
    await expect(recordDelayReason(d, marketing, reason(application.applicationId))).rejects.toMatchObject({
      rule: 'ROLE_NOT_ALLOWED',
    });
    await expect(
      recordDelayReason(d, managerTokyo, reason(application.applicationId)),
    ).resolves.toBeDefined();
  });

  it('refuses a blank or missing reason and a missing application id, naming the field', async () => {
    const { d, submitted } = await setUp();
    const application = await submitted();
    d.clock.set(PAST_DUE);
    await expect(
      recordDelayReason(d, salesTokyo, reason(application.applicationId, '   ')),
    ).rejects.toMatchObject({
      fieldErrors: [{ path: 'input.reason', message: 'must not be empty' }],
    });
    await expect(
      recordDelayReason(d, salesTokyo, reason(application.applicationId, 'あ'.repeat(2001))),
    ).rejects.toMatchObject({ fieldErrors: [{ path: 'input.reason' }] });
    await expect(recordDelayReason(d, salesTokyo, { reason: '理由' })).rejects.toMatchObject({
      fieldErrors: [{ path: 'input.applicationId' }],
    });
    await expect(recordDelayReason(d, salesTokyo, reason(''))).rejects.toMatchObject({
      fieldErrors: [{ path: 'input.applicationId' }],
    });
    await expect(
      recordDelayReason(d, salesTokyo, reason(application.applicationId, 'あ'.repeat(2000))),
    ).resolves.toBeDefined();
  });

  it('is refused for an unknown application, another type, or one no longer running', async () => {
    const { d, ledger, submitted } = await setUp();
    const precheck = await submitted({ type: 'CREDIT_PRECHECK' });
    const approved = await submitted();
    await ledger.commit(
      [
        {
          entity: { type: 'APPLICATION', value: { ...approved, status: 'APPROVED', version: 2 } },
          expectedVersion: 1,
        },
      ],
      [],
    );
    const withoutDeadline = await submitted();
    const { deadline: _none, ...contract } = withoutDeadline.contractExecution as NonNullable<
      Application['contractExecution']
    >;
    await ledger.commit(
      [
        {
          entity: {
            type: 'APPLICATION',
            value: { ...withoutDeadline, contractExecution: contract, version: 2 },
          },
          expectedVersion: 1,
        },
      ],
      [],
    );
    d.clock.set(PAST_DUE);
    await expect(recordDelayReason(d, salesTokyo, reason('app_unknown'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Application app_unknown was not found',
    });
    for (const a of [precheck, approved, withoutDeadline])
      await expect(recordDelayReason(d, salesTokyo, reason(a.applicationId))).rejects.toMatchObject({
        rule: 'NOT_A_RUNNING_CONTRACT_EXECUTION',
        message: 'only a running 06_2 application has a delay',
      });
  });
});
