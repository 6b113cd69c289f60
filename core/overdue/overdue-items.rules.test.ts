/**
 * The one overdue view (X-2; A1-2, A3-6, A4-5, A5-4, X-3), against the in-memory ledger: every
 * deadline type past due — and nothing not yet past it — with the person or pool responsible and
 * the escalation sent; the longest overdue first; sales and managers see only their department's
 * items (sync conflicts only managers, directors and admins), the others see all.
 * (test/overdue-view.test.ts proves the same with the real use cases on DynamoDB Local.)
 */
import { describe, expect, it } from 'vitest';
import { staffMember } from '../../test/support/builders.js';
import type { Actor } from '../access.js';
import type { Application } from '../applications/application.js';
import type { ApprovalTask } from '../applications/approval-task.js';
import type { Client } from '../clients/client.js';
import { FixedClock } from '../clock.js';
import { randomIds } from '../ids.js';
import type { IndividualContract } from '../individual-contracts/individual-contract.js';
import type { Inquiry } from '../inquiries/inquiry.js';
import type { LedgerWrite } from '../ledger.js';
import { defaultPolicy } from '../policy-config.js';
import type { SyncConflict } from '../sync/sync-model.js';
import { InMemoryClientLedger } from '../testing/in-memory-ledger.js';
import type { Visit } from '../visits/visit.js';
import { listOverdueItems, OVERDUE_KINDS, type OverdueItem, type OverdueKind } from './overdue-items.js';

/** The view is looked at on 2026-11-28, 10:00 in Japan. */
const NOW = '2026-11-28T01:00:00.000Z';
const BEFORE = '2026-11-28T00:59:59.999Z';
const LATER = '2026-11-30T01:00:00.000Z';
const HOUR = 3_600_000;
const hoursBefore = (instant: string, hours: number) =>
  new Date(Date.parse(instant) - hours * HOUR).toISOString();

const salesTokyo: Actor = { userId: 'sales-tokyo-1', role: 'SALES', department: 'SALES_TOKYO' };
const managerTokyo: Actor = { userId: 'mgr-tokyo-1', role: 'MANAGER', department: 'SALES_TOKYO' };
const managerOsaka: Actor = { userId: 'mgr-osaka-1', role: 'MANAGER', department: 'SALES_OSAKA' };
/** Marketing, legal and directors belong to a department of their own, yet see every department. */
const marketing: Actor = { userId: 'mkt-1', role: 'MARKETING', department: 'MARKETING' };
const legal: Actor = { userId: 'legal-1', role: 'LEGAL', department: 'LEGAL' };
const director: Actor = { userId: 'director-1', role: 'DIRECTOR', department: 'MANAGEMENT' };
const admin: Actor = { userId: 'admin-1', role: 'ADMIN' };

const directory = [
  staffMember({ userId: 'mgr-tokyo-1', role: 'MANAGER', department: 'SALES_TOKYO' }),
  staffMember({ userId: 'sales-tokyo-1', role: 'SALES', department: 'SALES_TOKYO' }),
  staffMember({ userId: 'mgr-osaka-1', role: 'MANAGER', department: 'SALES_OSAKA' }),
  staffMember({ userId: 'sales-osaka-1', role: 'SALES', department: 'SALES_OSAKA' }),
  staffMember({ userId: 'mkt-1', role: 'MARKETING', department: 'MARKETING' }),
  staffMember({ userId: 'admin-1', role: 'ADMIN' }),
];

const client = (clientId: string, department?: string): Client =>
  ({
    clientId,
    name: `株式会社${clientId}`,
    normalizedName: clientId,
    stage: 'PROSPECT',
    ...(department ? { department } : {}),
    version: 1,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
  }) as Client;

const inquiry = (
  inquiryId: string,
  clientId: string,
  department: string | undefined,
  firstContact: Inquiry['firstContact'],
): Inquiry =>
  ({
    inquiryId,
    channel: 'WEB',
    status: 'NEW',
    clientId,
    ...(department ? { department } : {}),
    company: `株式会社${clientId}`,
    contactName: '山田 花子',
    receivedAt: '2026-11-20T01:00:00.000Z',
    ...(firstContact ? { firstContact } : {}),
    version: 1,
    createdAt: '2026-11-20T01:00:00.000Z',
    updatedAt: '2026-11-20T01:00:00.000Z',
  }) as Inquiry;

const visit = (
  visitId: string,
  clientId: string,
  department: string,
  salesRepId: string,
  recordDeadline: Partial<Visit['recordDeadline']> & { dueAt: string },
  status: Visit['status'] = 'PLANNED',
): Visit =>
  ({
    visitId,
    clientId,
    department,
    salesRepId,
    inquiryId: `inq_for_${visitId}`,
    plannedStartAt: '2026-11-20T01:00:00.000Z',
    plannedEndAt: '2026-11-20T02:00:00.000Z',
    status,
    checklist: [],
    recordDeadline: { basis: 'PLANNED_END', ...recordDeadline },
    attachments: [],
    createdBy: salesRepId,
    version: 1,
    createdAt: '2026-11-19T01:00:00.000Z',
    updatedAt: '2026-11-19T01:00:00.000Z',
  }) as Visit;

const contractExecution = (
  applicationId: string,
  clientId: string,
  department: string,
  applicantId: string,
  deadline: NonNullable<NonNullable<Application['contractExecution']>['deadline']> | undefined,
  overrides: Partial<Application> = {},
): Application =>
  ({
    applicationId,
    type: 'CONTRACT_EXECUTION',
    status: 'SUBMITTED',
    clientId,
    department,
    applicantId,
    contractExecution: {
      form: 'STANDARD',
      clientSigner: { name: '先方', email: 'signer@client.example' },
      envelopeName: `ENV-${applicationId}`,
      ...(deadline ? { deadline } : {}),
    },
    submittedAt: '2026-11-10T01:00:00.000Z',
    history: [],
    createdAt: '2026-11-10T01:00:00.000Z',
    updatedAt: '2026-11-10T01:00:00.000Z',
    version: 1,
    ...overrides,
  }) as Application;

const task = (
  taskId: string,
  clientId: string,
  pool: ApprovalTask['pool'],
  openedAt: string,
  overrides: Partial<ApprovalTask> = {},
): ApprovalTask => ({
  taskId,
  applicationId: `app_for_${taskId}`,
  applicationType: 'CREDIT_PRECHECK',
  clientId,
  applicantId: 'sales-tokyo-1',
  step: (
    { MANAGER: 'MANAGER', DIRECTOR: 'DIRECTOR', LEGAL: 'LEGAL_REVIEW', MARKETING: 'MARKETING_SEND' } as const
  )[pool.role],
  pool,
  status: 'OPEN',
  taskToken: `token-${taskId}`,
  openedAt,
  version: 1,
  ...overrides,
});

const conflict = (
  conflictId: string,
  clientId: string,
  detectedAt: string,
  overrides: Partial<SyncConflict> = {},
) =>
  ({
    conflictId,
    system: 'kintone',
    app: 'orders',
    hubId: `ord_${conflictId}`,
    clientId,
    recordId: '7',
    status: 'OPEN',
    detectedAt,
    detectedBy: 'SYNC',
    agreed: { summary: 'a' },
    hubVersion: { summary: 'b' },
    sourceVersion: { summary: 'c' },
    sourceRevision: 2,
    sourceUpdatedAt: detectedAt,
    differingFields: [{ field: 'summary', agreed: 'a', hub: 'b', source: 'c' }],
    heldOutboxEntryIds: [],
    version: 1,
    createdAt: detectedAt,
    updatedAt: detectedAt,
    ...overrides,
  }) as SyncConflict;

const individualContract = (
  individualContractId: string,
  clientId: string,
  department: string | undefined,
  termsRequest: Partial<NonNullable<IndividualContract['termsRequest']>> & {
    dueAt: string;
    requestedBy: string;
  },
): IndividualContract =>
  ({
    individualContractId,
    clientId,
    orderId: `ord_${individualContractId}`,
    establishmentId: 'est_1',
    organisationalUnitId: 'unit_1',
    ...(department ? { department } : {}),
    period: { startDate: '2027-01-04', endDate: '2027-03-31' },
    terms: {},
    termsRequest: {
      requestedAt: '2026-11-20T01:00:00.000Z',
      sentTo: { name: '山田 太郎', email: 'yamada@client.example' },
      mailMessageId: `mail_${individualContractId}`,
      ...termsRequest,
    },
    status: 'DRAFT',
    createdBy: termsRequest.requestedBy,
    version: 1,
    createdAt: '2026-11-20T01:00:00.000Z',
    updatedAt: '2026-11-20T01:00:00.000Z',
  }) as IndividualContract;

async function commitAll(ledger: InMemoryClientLedger, writes: LedgerWrite[]) {
  for (let i = 0; i < writes.length; i += 100) await ledger.commit(writes.slice(i, i + 100), []);
}

const ESCALATED = '2026-11-26T00:00:00.000Z';

/**
 * Tokyo and Osaka each have one overdue item of every type (Tokyo's escalated, Osaka's not),
 * plus the items of no department and those not overdue or already dealt with.
 */
async function seeded() {
  const ledger = new InMemoryClientLedger();
  const writes: LedgerWrite[] = [
    ...directory.map((m) => ({ entity: { type: 'STAFF_MEMBER' as const, value: m } })),
    ...[client('cli_t', 'SALES_TOKYO'), client('cli_o', 'SALES_OSAKA'), client('cli_n')].map((c) => ({
      entity: { type: 'CLIENT' as const, value: c },
    })),
  ];
  const add = <T extends LedgerWrite['entity']['type']>(
    type: T,
    value: Extract<LedgerWrite['entity'], { type: T }>['value'],
  ) => writes.push({ entity: { type, value } as LedgerWrite['entity'] });

  // Web inquiries (A1-2): contacted within a business day, else overdue.
  add(
    'INQUIRY',
    inquiry('inq_t', 'cli_t', 'SALES_TOKYO', { dueAt: '2026-11-25T14:59:59.999Z', escalatedAt: ESCALATED }),
  );
  add('INQUIRY', inquiry('inq_o', 'cli_o', 'SALES_OSAKA', { dueAt: '2026-11-26T14:59:59.999Z' }));
  add(
    'INQUIRY',
    inquiry('inq_unrouted', 'cli_n', undefined, {
      dueAt: '2026-11-24T14:59:59.999Z',
      escalatedAt: ESCALATED,
    }),
  );
  add(
    'INQUIRY',
    inquiry('inq_contacted', 'cli_t', 'SALES_TOKYO', {
      dueAt: '2026-11-25T14:59:59.999Z',
      contactedAt: '2026-11-25T03:00:00.000Z',
    }),
  );
  add('INQUIRY', inquiry('inq_not_yet', 'cli_t', 'SALES_TOKYO', { dueAt: NOW }));

  // Visit records (A3-6): entered within 24 hours of the visit.
  add(
    'VISIT',
    visit('vis_t', 'cli_t', 'SALES_TOKYO', 'sales-tokyo-1', {
      dueAt: '2026-11-21T02:00:00.000Z',
      escalatedAt: ESCALATED,
    }),
  );
  add(
    'VISIT',
    visit(
      'vis_o',
      'cli_o',
      'SALES_OSAKA',
      'sales-osaka-1',
      { dueAt: '2026-11-22T02:00:00.000Z' },
      'PREPARED',
    ),
  );
  add(
    'VISIT',
    visit(
      'vis_recorded',
      'cli_t',
      'SALES_TOKYO',
      'sales-tokyo-1',
      { dueAt: '2026-11-21T02:00:00.000Z', recordedAt: '2026-11-20T05:00:00.000Z' },
      'RECORDED',
    ),
  );

  // 06_2 contract executions (A4-5): within 10 business days, else a delay reason.
  add(
    'APPLICATION',
    contractExecution('app_ce_t', 'cli_t', 'SALES_TOKYO', 'sales-tokyo-1', {
      dueAt: '2026-11-24T14:59:59.999Z',
      escalatedAt: ESCALATED,
    }),
  );
  add(
    'APPLICATION',
    contractExecution('app_ce_o', 'cli_o', 'SALES_OSAKA', 'sales-osaka-1', { dueAt: BEFORE }),
  );
  add(
    'APPLICATION',
    contractExecution('app_ce_due_now', 'cli_t', 'SALES_TOKYO', 'sales-tokyo-1', { dueAt: NOW }),
  );
  add(
    'APPLICATION',
    contractExecution('app_ce_reason', 'cli_t', 'SALES_TOKYO', 'sales-tokyo-1', {
      dueAt: '2026-11-24T14:59:59.999Z',
      delayReason: { reason: '先方の社内稟議', by: 'sales-tokyo-1', at: '2026-11-24T01:00:00.000Z' },
    }),
  );
  add(
    'APPLICATION',
    contractExecution('app_ce_no_deadline', 'cli_t', 'SALES_TOKYO', 'sales-tokyo-1', undefined),
  );
  add(
    'APPLICATION',
    contractExecution(
      'app_ce_executed',
      'cli_t',
      'SALES_TOKYO',
      'sales-tokyo-1',
      { dueAt: '2026-11-24T14:59:59.999Z' },
      { status: 'APPROVED' },
    ),
  );

  // Other applications in flight have no execution deadline.
  add('APPLICATION', {
    applicationId: 'app_precheck_t',
    type: 'CREDIT_PRECHECK',
    status: 'SUBMITTED',
    clientId: 'cli_t',
    department: 'SALES_TOKYO',
    applicantId: 'sales-tokyo-1',
    submittedAt: '2026-11-09T01:00:00.000Z',
    history: [],
    createdAt: '2026-11-09T01:00:00.000Z',
    updatedAt: '2026-11-09T01:00:00.000Z',
    version: 1,
  });

  // Approval tasks: decided within APPROVAL_WAIT_HOURS (72).
  add(
    'APPROVAL_TASK',
    task('tsk_mgr_t', 'cli_t', { role: 'MANAGER', department: 'SALES_TOKYO' }, '2026-11-24T01:00:00.000Z'),
  );
  add(
    'APPROVAL_TASK',
    task('tsk_mgr_o', 'cli_o', { role: 'MANAGER', department: 'SALES_OSAKA' }, hoursBefore(BEFORE, 72)),
  );
  add(
    'APPROVAL_TASK',
    task('tsk_mgr_t_due_now', 'cli_t', { role: 'MANAGER', department: 'SALES_TOKYO' }, hoursBefore(NOW, 72)),
  );
  // A manager step nobody decided in 72 hours: the workflow closed it as escalated and opened the directors' task.
  add(
    'APPROVAL_TASK',
    task(
      'tsk_esc_t_MANAGER',
      'cli_t',
      { role: 'MANAGER', department: 'SALES_TOKYO' },
      '2026-11-23T01:00:00.000Z',
      { applicationId: 'app_esc_t', status: 'ESCALATED', escalatedAt: '2026-11-26T01:00:00.000Z' },
    ),
  );
  add(
    'APPROVAL_TASK',
    task('tsk_esc_t_MANAGER_ESC', 'cli_t', { role: 'DIRECTOR' }, '2026-11-26T01:00:02.000Z', {
      applicationId: 'app_esc_t',
      step: 'MANAGER',
    }),
  );
  // Marketing sends an individual contract through GMO Sign (A5-6): a task with the same wait.
  add(
    'APPROVAL_TASK',
    task('tsk_send_o', 'cli_o', { role: 'MARKETING' }, '2026-11-23T04:00:00.000Z', {
      applicationType: 'INDIVIDUAL_CONTRACT',
    }),
  );
  add('APPROVAL_TASK', task('tsk_legal_o', 'cli_o', { role: 'LEGAL' }, '2026-11-23T02:00:00.000Z'));
  add('APPROVAL_TASK', task('tsk_dir_n', 'cli_n', { role: 'DIRECTOR' }, '2026-11-23T03:00:00.000Z'));
  add(
    'APPROVAL_TASK',
    task('tsk_decided', 'cli_t', { role: 'MANAGER', department: 'SALES_TOKYO' }, '2026-11-20T01:00:00.000Z', {
      status: 'DECIDED',
    }),
  );

  // Sync conflicts: resolved within SYNC_CONFLICT_HOURS (24).
  add('SYNC_CONFLICT', conflict('sc_t', 'cli_t', '2026-11-26T01:00:00.000Z', { escalatedAt: ESCALATED }));
  add('SYNC_CONFLICT', conflict('sc_o', 'cli_o', hoursBefore(BEFORE, 24)));
  add('SYNC_CONFLICT', conflict('sc_n', 'cli_n', '2026-11-25T01:00:00.000Z', { escalatedAt: ESCALATED }));
  add('SYNC_CONFLICT', conflict('sc_due_now', 'cli_t', hoursBefore(NOW, 24)));
  add('SYNC_CONFLICT', conflict('sc_resolved', 'cli_t', '2026-11-20T01:00:00.000Z', { status: 'RESOLVED' }));

  // Individual contracts' terms (A5-4): every item stored within 2 calendar days.
  add(
    'INDIVIDUAL_CONTRACT',
    individualContract('ic_t', 'cli_t', 'SALES_TOKYO', {
      dueAt: '2026-11-22T14:59:59.999Z',
      requestedBy: 'sales-tokyo-1',
      escalatedAt: ESCALATED,
    }),
  );
  add(
    'INDIVIDUAL_CONTRACT',
    individualContract('ic_o', 'cli_o', 'SALES_OSAKA', {
      dueAt: '2026-11-23T14:59:59.999Z',
      requestedBy: 'sales-osaka-1',
    }),
  );
  add(
    'INDIVIDUAL_CONTRACT',
    individualContract('ic_n', 'cli_n', undefined, {
      dueAt: '2026-11-23T14:59:59.999Z',
      requestedBy: 'sales-tokyo-1',
      escalatedAt: ESCALATED,
    }),
  );
  add(
    'INDIVIDUAL_CONTRACT',
    individualContract('ic_met', 'cli_t', 'SALES_TOKYO', {
      dueAt: '2026-11-22T14:59:59.999Z',
      requestedBy: 'sales-tokyo-1',
      metAt: '2026-11-22T01:00:00.000Z',
    }),
  );

  await commitAll(ledger, writes);
  const deps = { ledger, clock: new FixedClock(new Date(NOW)), ids: randomIds, policy: defaultPolicy };
  return { ledger, deps, add, writes };
}

const idsOf = (items: OverdueItem[]) => items.map((i) => i.subjectId);
const byId = (items: OverdueItem[]) => new Map(items.map((i) => [i.subjectId, i]));

describe('the overdue view (X-2)', () => {
  it('lists each overdue item of the department with who is responsible and the escalation sent, nothing else', async () => {
    const { deps } = await seeded();
    const items = await listOverdueItems(deps, managerTokyo);
    // Longest overdue first; the items not yet past their time, dealt with or of another department left out.
    expect(items).toEqual([
      {
        kind: 'VISIT_RECORD',
        subjectId: 'vis_t',
        clientId: 'cli_t',
        department: 'SALES_TOKYO',
        dueAt: '2026-11-21T02:00:00.000Z',
        responsibleUserId: 'sales-tokyo-1',
        responsible: 'sales-tokyo-1',
        escalatedAt: ESCALATED,
        escalatedTo: 'supervisor',
      },
      {
        kind: 'INDIVIDUAL_CONTRACT_TERMS',
        subjectId: 'ic_t',
        clientId: 'cli_t',
        department: 'SALES_TOKYO',
        dueAt: '2026-11-22T14:59:59.999Z',
        responsibleUserId: 'sales-tokyo-1',
        responsible: 'sales-tokyo-1',
        escalatedAt: ESCALATED,
        escalatedTo: 'MANAGER SALES_TOKYO',
      },
      {
        kind: 'CONTRACT_EXECUTION',
        subjectId: 'app_ce_t',
        clientId: 'cli_t',
        department: 'SALES_TOKYO',
        dueAt: '2026-11-24T14:59:59.999Z',
        responsibleUserId: 'sales-tokyo-1',
        responsible: 'sales-tokyo-1',
        escalatedAt: ESCALATED,
        escalatedTo: 'applicant and supervisor',
      },
      {
        kind: 'FIRST_CONTACT',
        subjectId: 'inq_t',
        clientId: 'cli_t',
        department: 'SALES_TOKYO',
        dueAt: '2026-11-25T14:59:59.999Z',
        responsible: 'SALES SALES_TOKYO',
        escalatedAt: ESCALATED,
        escalatedTo: 'MANAGER SALES_TOKYO',
      },
      {
        kind: 'APPROVAL',
        subjectId: 'tsk_esc_t_MANAGER_ESC',
        clientId: 'cli_t',
        department: 'SALES_TOKYO',
        // Overdue since the manager's time ran out; with the directors since then.
        dueAt: '2026-11-26T01:00:00.000Z',
        responsible: 'DIRECTOR',
        escalatedAt: '2026-11-26T01:00:00.000Z',
        escalatedTo: 'DIRECTOR',
      },
      {
        kind: 'SYNC_CONFLICT',
        subjectId: 'sc_t',
        clientId: 'cli_t',
        department: 'SALES_TOKYO',
        dueAt: '2026-11-27T01:00:00.000Z',
        responsible: 'MANAGER SALES_TOKYO',
        escalatedAt: ESCALATED,
        escalatedTo: 'MANAGER SALES_TOKYO',
      },
      {
        kind: 'APPROVAL',
        subjectId: 'tsk_mgr_t',
        clientId: 'cli_t',
        department: 'SALES_TOKYO',
        dueAt: '2026-11-27T01:00:00.000Z',
        responsible: 'MANAGER SALES_TOKYO',
      },
    ] satisfies OverdueItem[]);
  });

  it('says nothing about an escalation not sent yet', async () => {
    const { deps } = await seeded();
    const items = await listOverdueItems(deps, managerOsaka);
    expect(idsOf(items).sort()).toEqual(
      ['app_ce_o', 'ic_o', 'inq_o', 'sc_o', 'tsk_legal_o', 'tsk_mgr_o', 'tsk_send_o', 'vis_o'].sort(),
    );
    for (const item of items) {
      expect(item).not.toHaveProperty('escalatedAt');
      expect(item).not.toHaveProperty('escalatedTo');
      expect(item.department).toBe('SALES_OSAKA');
    }
    const osaka = byId(items);
    expect(osaka.get('vis_o')).toMatchObject({
      responsibleUserId: 'sales-osaka-1',
      responsible: 'sales-osaka-1',
    });
    expect(osaka.get('app_ce_o')).toMatchObject({ responsibleUserId: 'sales-osaka-1', dueAt: BEFORE });
    expect(osaka.get('ic_o')).toMatchObject({ responsibleUserId: 'sales-osaka-1' });
    expect(osaka.get('inq_o')).toMatchObject({ responsible: 'SALES SALES_OSAKA' });
    expect(osaka.get('tsk_legal_o')).toMatchObject({ responsible: 'LEGAL', department: 'SALES_OSAKA' });
    expect(osaka.get('tsk_send_o')).toMatchObject({
      responsible: 'MARKETING',
      department: 'SALES_OSAKA',
      dueAt: '2026-11-26T04:00:00.000Z',
    });
    expect(osaka.get('tsk_mgr_o')).toMatchObject({ responsible: 'MANAGER SALES_OSAKA', dueAt: BEFORE });
    expect(osaka.get('sc_o')).toMatchObject({ responsible: 'MANAGER SALES_OSAKA', dueAt: BEFORE });
  });

  it('counts an item overdue only once its due instant has passed', async () => {
    const { deps } = await seeded();
    const all = idsOf(await listOverdueItems(deps, admin));
    // Due a millisecond ago: listed; due this very instant: not yet.
    expect(all).toEqual(expect.arrayContaining(['app_ce_o', 'tsk_mgr_o', 'sc_o']));
    for (const dueNow of ['inq_not_yet', 'app_ce_due_now', 'tsk_mgr_t_due_now', 'sc_due_now'])
      expect(all).not.toContain(dueNow);
    // A moment later they are.
    deps.clock.set('2026-11-28T01:00:00.001Z');
    expect(idsOf(await listOverdueItems(deps, admin))).toEqual(
      expect.arrayContaining(['inq_not_yet', 'app_ce_due_now', 'tsk_mgr_t_due_now', 'sc_due_now']),
    );
  });

  it('leaves out what was dealt with: contacted, recorded, executed or explained, decided, resolved, stored', async () => {
    const { deps } = await seeded();
    deps.clock.set(LATER);
    const all = idsOf(await listOverdueItems(deps, admin));
    for (const done of [
      'inq_contacted',
      'vis_recorded',
      'app_ce_reason',
      'app_ce_no_deadline',
      'app_ce_executed',
      'app_precheck_t',
      'tsk_decided',
      'sc_resolved',
      'ic_met',
    ])
      expect(all).not.toContain(done);
  });

  it('follows the policy’s hours for approvals and sync conflicts', async () => {
    const { deps } = await seeded();
    const longer = {
      ...deps,
      policy: { ...defaultPolicy, approvalWaitHours: 96, syncConflictHours: 48 },
    };
    const items = byId(await listOverdueItems(longer, admin, { kinds: ['APPROVAL', 'SYNC_CONFLICT'] }));
    expect([...items.keys()].sort()).toEqual([
      'sc_n',
      'tsk_dir_n',
      'tsk_esc_t_MANAGER_ESC',
      'tsk_legal_o',
      'tsk_send_o',
    ]);
    expect(items.get('tsk_esc_t_MANAGER_ESC')?.dueAt).toBe('2026-11-27T01:00:00.000Z');
    expect(items.get('sc_n')?.dueAt).toBe('2026-11-27T01:00:00.000Z');
  });

  it('shows those who see all every department’s items and those of none, with the pool responsible', async () => {
    const { deps } = await seeded();
    const items = await listOverdueItems(deps, admin);
    expect(idsOf(items)).toEqual([
      'vis_t',
      'vis_o',
      'ic_t',
      'ic_n',
      'ic_o',
      'app_ce_t',
      'inq_unrouted',
      'inq_t',
      'sc_n',
      'tsk_esc_t_MANAGER_ESC',
      'tsk_legal_o',
      'tsk_dir_n',
      'tsk_send_o',
      'inq_o',
      'sc_t',
      'tsk_mgr_t',
      'app_ce_o',
      'sc_o',
      'tsk_mgr_o',
    ]);
    const all = byId(items);
    // An unrouted web inquiry is marketing's; an item of no department has no department.
    expect(all.get('inq_unrouted')).toEqual({
      kind: 'FIRST_CONTACT',
      subjectId: 'inq_unrouted',
      clientId: 'cli_n',
      dueAt: '2026-11-24T14:59:59.999Z',
      responsible: 'MARKETING',
      escalatedAt: ESCALATED,
      escalatedTo: 'MARKETING',
    });
    expect(all.get('tsk_dir_n')).toEqual({
      kind: 'APPROVAL',
      subjectId: 'tsk_dir_n',
      clientId: 'cli_n',
      dueAt: '2026-11-26T03:00:00.000Z',
      responsible: 'DIRECTOR',
    });
    // A conflict of a client with no department is the administrators'.
    expect(all.get('sc_n')).toEqual({
      kind: 'SYNC_CONFLICT',
      subjectId: 'sc_n',
      clientId: 'cli_n',
      dueAt: '2026-11-26T01:00:00.000Z',
      responsible: 'ADMIN',
      escalatedAt: ESCALATED,
      escalatedTo: 'ADMIN',
    });
    expect(all.get('ic_n')).toEqual({
      kind: 'INDIVIDUAL_CONTRACT_TERMS',
      subjectId: 'ic_n',
      clientId: 'cli_n',
      dueAt: '2026-11-23T14:59:59.999Z',
      responsibleUserId: 'sales-tokyo-1',
      responsible: 'sales-tokyo-1',
      escalatedAt: ESCALATED,
      escalatedTo: 'MANAGER',
    });
  });

  it('keeps an escalated approval in the view from the moment it fell due, with whoever has it now', async () => {
    const { deps, ledger } = await seeded();
    // Kept with the department's managers (too few directors to decide the other step), directors told.
    await ledger.commit(
      [
        {
          entity: {
            type: 'APPROVAL_TASK',
            value: task(
              'tsk_kept_MANAGER',
              'cli_t',
              { role: 'MANAGER', department: 'SALES_TOKYO' },
              '2026-11-24T05:00:00.000Z',
              {
                applicationId: 'app_kept',
                status: 'ESCALATED',
                escalatedAt: '2026-11-27T05:00:00.000Z',
              },
            ),
          },
        },
        {
          entity: {
            type: 'APPROVAL_TASK',
            value: task(
              'tsk_kept_MANAGER_ESC',
              'cli_t',
              { role: 'MANAGER', department: 'SALES_TOKYO' },
              '2026-11-27T05:00:01.000Z',
              {
                applicationId: 'app_kept',
              },
            ),
          },
        },
        // An escalated task whose first task is not in the ledger: overdue since it opened.
        {
          entity: {
            type: 'APPROVAL_TASK',
            value: task('tsk_alone_DIRECTOR_ESC', 'cli_t', { role: 'DIRECTOR' }, '2026-11-27T06:00:00.000Z', {
              applicationId: 'app_alone',
            }),
          },
        },
      ],
      [],
    );
    const items = byId(await listOverdueItems(deps, managerTokyo, { kinds: ['APPROVAL'] }));
    expect([...items.keys()]).not.toContain('tsk_kept_MANAGER');
    expect(items.get('tsk_kept_MANAGER_ESC')).toEqual({
      kind: 'APPROVAL',
      subjectId: 'tsk_kept_MANAGER_ESC',
      clientId: 'cli_t',
      department: 'SALES_TOKYO',
      dueAt: '2026-11-27T05:00:00.000Z',
      responsible: 'MANAGER SALES_TOKYO',
      escalatedAt: '2026-11-27T05:00:00.000Z',
      escalatedTo: 'DIRECTOR',
    });
    expect(items.get('tsk_alone_DIRECTOR_ESC')).toMatchObject({
      dueAt: '2026-11-27T06:00:00.000Z',
      escalatedAt: '2026-11-27T06:00:00.000Z',
      escalatedTo: 'DIRECTOR',
    });
    // An approval not escalated says nothing about an escalation.
    expect(items.get('tsk_mgr_t')).not.toHaveProperty('escalatedAt');
  });

  it('orders items due at the same instant by their id', async () => {
    const { deps, ledger } = await seeded();
    await ledger.commit(
      [
        {
          entity: {
            type: 'INQUIRY',
            value: inquiry('inq_same', 'cli_t', 'SALES_TOKYO', { dueAt: '2026-11-21T02:00:00.000Z' }),
          },
        },
        {
          entity: {
            type: 'APPLICATION',
            value: contractExecution('app_same', 'cli_t', 'SALES_TOKYO', 'sales-tokyo-1', {
              dueAt: '2026-11-21T02:00:00.000Z',
            }),
          },
        },
      ],
      [],
    );
    const items = await listOverdueItems(deps, salesTokyo);
    expect(idsOf(items).slice(0, 3)).toEqual(['app_same', 'inq_same', 'vis_t']);
  });

  it('keeps sales and managers to their own department, those who see all to every one', async () => {
    const { deps } = await seeded();
    const departments = async (actor: Actor) =>
      [...new Set((await listOverdueItems(deps, actor)).map((i) => i.department ?? '-'))].sort();
    expect(await departments(salesTokyo)).toEqual(['SALES_TOKYO']);
    expect(await departments(managerOsaka)).toEqual(['SALES_OSAKA']);
    for (const allSeeing of [marketing, legal, director, admin])
      expect(await departments(allSeeing)).toEqual(['-', 'SALES_OSAKA', 'SALES_TOKYO']);
  });

  it('shows a sales or manager account without a department nothing', async () => {
    const { deps } = await seeded();
    for (const role of ['SALES', 'MANAGER'] as const)
      expect(await listOverdueItems(deps, { userId: `${role}-x`, role })).toEqual([]);
  });

  it('shows sync conflicts to managers, directors and admins only', async () => {
    const { deps } = await seeded();
    const conflictsSeenBy = async (actor: Actor) =>
      idsOf(await listOverdueItems(deps, actor, { kinds: ['SYNC_CONFLICT'] })).sort();
    expect(await conflictsSeenBy(managerTokyo)).toEqual(['sc_t']);
    expect(await conflictsSeenBy(director)).toEqual(['sc_n', 'sc_o', 'sc_t']);
    expect(await conflictsSeenBy(admin)).toEqual(['sc_n', 'sc_o', 'sc_t']);
    for (const actor of [salesTokyo, marketing, legal]) expect(await conflictsSeenBy(actor)).toEqual([]);
  });

  it('lists only the kinds asked for; none asked for means all', async () => {
    const { deps } = await seeded();
    const expected: Record<OverdueKind, string[]> = {
      FIRST_CONTACT: ['inq_o', 'inq_t', 'inq_unrouted'],
      VISIT_RECORD: ['vis_o', 'vis_t'],
      CONTRACT_EXECUTION: ['app_ce_o', 'app_ce_t'],
      APPROVAL: ['tsk_dir_n', 'tsk_esc_t_MANAGER_ESC', 'tsk_legal_o', 'tsk_mgr_o', 'tsk_mgr_t', 'tsk_send_o'],
      SYNC_CONFLICT: ['sc_n', 'sc_o', 'sc_t'],
      INDIVIDUAL_CONTRACT_TERMS: ['ic_n', 'ic_o', 'ic_t'],
    };
    for (const kind of OVERDUE_KINDS) {
      const items = await listOverdueItems(deps, admin, { kinds: [kind] });
      expect(items.map((i) => i.kind).every((k) => k === kind)).toBe(true);
      expect(idsOf(items).sort()).toEqual(expected[kind]);
    }
    const two = await listOverdueItems(deps, admin, { kinds: ['VISIT_RECORD', 'SYNC_CONFLICT'] });
    expect(idsOf(two).sort()).toEqual(['sc_n', 'sc_o', 'sc_t', 'vis_o', 'vis_t']);
    expect(await listOverdueItems(deps, admin, { kinds: [] })).toEqual(await listOverdueItems(deps, admin));
    expect((await listOverdueItems(deps, admin)).length).toBe(19);
  });

  it('finds a department’s overdue items though other departments have hundreds', async () => {
    const { deps, ledger } = await seeded();
    const many: LedgerWrite[] = [];
    for (let i = 0; i < 210; i += 1) {
      const n = String(i).padStart(3, '0');
      // All due earlier than Tokyo's items, so a view of every department would fill its page with them.
      const dueAt = new Date(Date.parse('2026-11-01T00:00:00.000Z') + i * 60_000).toISOString();
      many.push(
        { entity: { type: 'INQUIRY', value: inquiry(`inq_o${n}`, 'cli_o', 'SALES_OSAKA', { dueAt }) } },
        {
          entity: {
            type: 'VISIT',
            value: visit(`vis_o${n}`, 'cli_o', 'SALES_OSAKA', 'sales-osaka-1', { dueAt }),
          },
        },
        {
          entity: {
            type: 'INDIVIDUAL_CONTRACT',
            value: individualContract(`ic_o${n}`, 'cli_o', 'SALES_OSAKA', {
              dueAt,
              requestedBy: 'sales-osaka-1',
            }),
          },
        },
      );
    }
    await commitAll(ledger, many);
    const tokyo = idsOf(await listOverdueItems(deps, salesTokyo));
    expect(tokyo).toEqual(expect.arrayContaining(['inq_t', 'vis_t', 'ic_t']));
  });
});
