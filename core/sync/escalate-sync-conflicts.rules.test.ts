/**
 * The sync conflict's escalation, against the in-memory ledger: a conflict still open
 * more than `SYNC_CONFLICT_HOURS` (24) after it was detected is escalated once — to the active
 * managers of the client's department, the active administrators when it has none — in their
 * inboxes and by one e-mail naming the company, where it conflicts and the fields, with the
 * escalation on the conflict and the client's audit trail. A conflict resolved meanwhile is
 * skipped, not escalated. (test/overdue-view.test.ts tries the same through DynamoDB Local.)
 */
import { describe, expect, it } from 'vitest';
import { staffMember } from '../../test/support/builders.js';
import type { Client } from '../clients/client.js';
import { FixedClock } from '../clock.js';
import { randomIds } from '../ids.js';
import type { LedgerWrite } from '../ledger.js';
import type { MailMessage } from '../mail/mail-message.js';
import type { Notification } from '../notifications/notification.js';
import { defaultPolicy } from '../policy-config.js';
import { InMemoryClientLedger } from '../testing/in-memory-ledger.js';
import { escalateOverdueSyncConflicts } from './escalate-sync-conflicts.js';
import type { SyncConflict } from './sync-model.js';

const DETECTED = '2026-11-24T01:00:00.000Z';
/** 24 hours after DETECTED: the conflict is due, not yet overdue. */
const DUE = '2026-11-25T01:00:00.000Z';

const directory = [
  staffMember({ userId: 'mgr-tokyo-1', role: 'MANAGER', department: 'SALES_TOKYO' }),
  staffMember({ userId: 'mgr-tokyo-2', role: 'MANAGER', department: 'SALES_TOKYO' }),
  staffMember({ userId: 'mgr-tokyo-old', role: 'MANAGER', department: 'SALES_TOKYO', active: false }),
  staffMember({ userId: 'sales-tokyo-1', role: 'SALES', department: 'SALES_TOKYO' }),
  staffMember({ userId: 'mgr-osaka-1', role: 'MANAGER', department: 'SALES_OSAKA' }),
  staffMember({ userId: 'admin-1', role: 'ADMIN' }),
  staffMember({ userId: 'admin-old', role: 'ADMIN', active: false }),
];

const client = (clientId: string, department?: string): Client =>
  ({
    clientId,
    name: `株式会社${clientId}`,
    normalizedName: clientId,
    stage: 'TRADING',
    ...(department ? { department } : {}),
    version: 1,
    createdAt: DETECTED,
    updatedAt: DETECTED,
  }) as Client;

function conflict(conflictId: string, clientId: string, overrides: Partial<SyncConflict> = {}): SyncConflict {
  return {
    conflictId,
    system: 'kintone',
    app: 'orders',
    hubId: `ord_${conflictId}`,
    clientId,
    recordId: '99',
    status: 'OPEN',
    detectedAt: DETECTED,
    detectedBy: 'SYNC',
    agreed: { summary: 'a', headcount: '1' },
    hubVersion: { summary: 'b', headcount: '2' },
    sourceVersion: { summary: 'c', headcount: '3' },
    sourceRevision: 3,
    sourceUpdatedAt: DETECTED,
    differingFields: [
      { field: 'summary', agreed: 'a', hub: 'b', source: 'c' },
      { field: 'headcount', agreed: '1', hub: '2', source: '3' },
    ],
    heldOutboxEntryIds: [],
    version: 1,
    createdAt: DETECTED,
    updatedAt: DETECTED,
    ...overrides,
  } as SyncConflict;
}

async function setUp(
  conflicts: SyncConflict[],
  options: { clients?: Client[]; members?: typeof directory; ledger?: InMemoryClientLedger } = {},
) {
  const ledger = options.ledger ?? new InMemoryClientLedger();
  const writes: LedgerWrite[] = [
    ...(options.members ?? directory).map((m) => ({ entity: { type: 'STAFF_MEMBER' as const, value: m } })),
    ...(options.clients ?? [client('cli_tokyo', 'SALES_TOKYO')]).map((c) => ({
      entity: { type: 'CLIENT' as const, value: c },
    })),
    ...conflicts.map((c) => ({ entity: { type: 'SYNC_CONFLICT' as const, value: c } })),
  ];
  await ledger.commit(writes, []);
  const clock = new FixedClock(new Date(DUE));
  const deps = { ledger, clock, ids: randomIds, policy: defaultPolicy };
  const inbox = async (userId: string) =>
    (await ledger.listNotifications(userId, 50)).items.filter((n) => n.kind === 'SYNC_CONFLICT_OVERDUE');
  const mails = async () =>
    (await ledger.listMailMessages(50)).items.filter((m) => m.template === 'SYNC_CONFLICT_OVERDUE');
  const stored = async (id: string) => (await ledger.getSyncConflict(id)) as SyncConflict;
  return { ledger, clock, deps, inbox, mails, stored };
}

const only = <T>(items: T[]): T => {
  expect(items).toHaveLength(1);
  return items[0] as T;
};

describe('escalating an overdue sync conflict (X-2, X-3)', () => {
  it('waits the full 24 hours: not at the due instant, once a moment after it', async () => {
    const { deps, clock, stored, mails } = await setUp([conflict('sc_1', 'cli_tokyo')]);
    expect(await escalateOverdueSyncConflicts(deps)).toEqual({ escalated: 0, skipped: 0 });
    expect((await stored('sc_1')).escalatedAt).toBeUndefined();
    expect(await mails()).toEqual([]);

    clock.set('2026-11-25T01:00:00.001Z');
    expect(await escalateOverdueSyncConflicts(deps)).toEqual({ escalated: 1, skipped: 0 });
    expect(await stored('sc_1')).toMatchObject({
      status: 'OPEN',
      escalatedAt: '2026-11-25T01:00:00.001Z',
      updatedAt: '2026-11-25T01:00:00.001Z',
      version: 2,
    });
  });

  it('counts the hours from the conflict’s own detection, as the policy sets them', async () => {
    const later = conflict('sc_later', 'cli_tokyo', { detectedAt: '2026-11-24T12:00:00.000Z' });
    const { deps, clock, stored } = await setUp([conflict('sc_early', 'cli_tokyo'), later]);
    clock.set('2026-11-25T11:59:59.999Z');
    expect(await escalateOverdueSyncConflicts(deps)).toEqual({ escalated: 1, skipped: 0 });
    expect((await stored('sc_early')).escalatedAt).toBe('2026-11-25T11:59:59.999Z');
    expect((await stored('sc_later')).escalatedAt).toBeUndefined();

    // A shorter policy escalates it sooner.
    const sooner = { ...deps, policy: { ...defaultPolicy, syncConflictHours: 12 } };
    clock.set('2026-11-25T00:00:00.001Z');
    expect(await escalateOverdueSyncConflicts(sooner)).toEqual({ escalated: 1, skipped: 0 });
    expect((await stored('sc_later')).escalatedAt).toBe('2026-11-25T00:00:00.001Z');
  });

  it('escalates once: later runs leave an escalated conflict alone while it stays open', async () => {
    const { deps, clock, inbox, mails, ledger } = await setUp([conflict('sc_1', 'cli_tokyo')]);
    clock.set('2026-11-26T01:00:00.000Z');
    expect(await escalateOverdueSyncConflicts(deps)).toEqual({ escalated: 1, skipped: 0 });
    clock.set('2026-11-27T01:00:00.000Z');
    expect(await escalateOverdueSyncConflicts(deps)).toEqual({ escalated: 0, skipped: 0 });
    expect(await inbox('mgr-tokyo-1')).toHaveLength(1);
    expect(await mails()).toHaveLength(1);
    expect(
      (await ledger.listAuditTrail('CLIENT#cli_tokyo', 50)).items.filter(
        (e) => e.operation === 'sync.escalateConflict',
      ),
    ).toHaveLength(1);
  });

  it('leaves resolved conflicts alone', async () => {
    const resolved = conflict('sc_resolved', 'cli_tokyo', { status: 'RESOLVED' });
    const { deps, clock, stored, mails } = await setUp([resolved]);
    clock.set('2026-11-30T01:00:00.000Z');
    expect(await escalateOverdueSyncConflicts(deps)).toEqual({ escalated: 0, skipped: 0 });
    expect((await stored('sc_resolved')).escalatedAt).toBeUndefined();
    expect(await mails()).toEqual([]);
  });

  it('goes to every active manager of the client’s department, nobody else, in the inbox and by one e-mail', async () => {
    const { deps, clock, inbox, mails } = await setUp([conflict('sc_1', 'cli_tokyo')]);
    clock.set('2026-11-26T01:00:00.000Z');
    await escalateOverdueSyncConflicts(deps);
    for (const manager of ['mgr-tokyo-1', 'mgr-tokyo-2'])
      expect(only(await inbox(manager))).toMatchObject({
        clientId: 'cli_tokyo',
        title: '【期限超過】同期の競合が未解決: 株式会社cli_tokyo 様（kintone（オーダーアプリ））',
        createdAt: '2026-11-26T01:00:00.000Z',
      } satisfies Partial<Notification>);
    for (const other of ['mgr-tokyo-old', 'sales-tokyo-1', 'mgr-osaka-1', 'admin-1'])
      expect(await inbox(other)).toEqual([]);
    const mail = only(await mails());
    expect(mail).toMatchObject({
      to: ['mgr-tokyo-1@agency.example', 'mgr-tokyo-2@agency.example'],
      clientId: 'cli_tokyo',
    } satisfies Partial<MailMessage>);
    expect(mail.text).toContain('SALES_TOKYO マネージャー 各位');
    expect(mail.text).toContain('株式会社cli_tokyo 様のデータが、ハブとkintone（オーダーアプリ）の両方で');
    // The fields changed on both sides, when it was detected, when it was due, and which conflict.
    expect(mail.text).toContain('・summary\n・headcount');
    expect(mail.text).toContain('解決期限（2026年11月25日(水) 10:00）');
    expect(mail.text).toContain('検知: 2026年11月24日(火) 10:00、管理番号: sc_1');
  });

  it('goes to the active administrators when the client’s department has no active manager', async () => {
    const { deps, clock, inbox, mails } = await setUp([conflict('sc_nara', 'cli_nara')], {
      clients: [client('cli_nara', 'SALES_NARA')],
      members: [
        ...directory,
        staffMember({ userId: 'mgr-nara-old', role: 'MANAGER', department: 'SALES_NARA', active: false }),
      ],
    });
    clock.set('2026-11-26T01:00:00.000Z');
    expect(await escalateOverdueSyncConflicts(deps)).toEqual({ escalated: 1, skipped: 0 });
    expect(await inbox('admin-1')).toHaveLength(1);
    for (const other of ['admin-old', 'mgr-nara-old', 'mgr-tokyo-1', 'mgr-osaka-1'])
      expect(await inbox(other)).toEqual([]);
    const mail = only(await mails());
    expect(mail.to).toEqual(['admin-1@agency.example']);
    expect(mail.text).toContain('管理者 各位');
  });

  it('names the conflict when its client is not in the ledger, and tells the administrators', async () => {
    const { deps, clock, inbox, mails, ledger } = await setUp([conflict('sc_orphan', 'cli_gone')], {
      clients: [],
    });
    clock.set('2026-11-26T01:00:00.000Z');
    expect(await escalateOverdueSyncConflicts(deps)).toEqual({ escalated: 1, skipped: 0 });
    expect(only(await inbox('admin-1')).title).toBe(
      '【期限超過】同期の競合が未解決: cli_gone 様（kintone（オーダーアプリ））',
    );
    expect(only(await mails()).text).toContain('管理者 各位');
    expect((await ledger.listAuditTrail('CLIENT#cli_gone', 50)).items).toHaveLength(1);
  });

  it('says where the conflict is: the kintone app, or G-Staff’s client register', async () => {
    const { deps, clock, inbox } = await setUp([
      conflict('sc_visit', 'cli_tokyo', { app: 'visits' } as Partial<SyncConflict>),
      conflict('sc_gstaff', 'cli_tokyo', {
        system: 'gstaff',
        app: 'clients',
        detectedAt: '2026-11-24T02:00:00.000Z',
      } as Partial<SyncConflict>),
    ]);
    clock.set('2026-11-26T01:00:00.000Z');
    expect(await escalateOverdueSyncConflicts(deps)).toEqual({ escalated: 2, skipped: 0 });
    expect((await inbox('mgr-tokyo-1')).map((n) => n.title).sort()).toEqual([
      '【期限超過】同期の競合が未解決: 株式会社cli_tokyo 様（G-Staff（顧客台帳））',
      '【期限超過】同期の競合が未解決: 株式会社cli_tokyo 様（kintone（訪問記録アプリ））',
    ]);
  });

  it('records the escalation and its recipients on the client’s audit trail, by the deadline job', async () => {
    const { deps, clock, ledger } = await setUp([conflict('sc_1', 'cli_tokyo')]);
    clock.set('2026-11-26T01:00:00.000Z');
    await escalateOverdueSyncConflicts(deps);
    const event = only((await ledger.listAuditTrail('CLIENT#cli_tokyo', 50)).items);
    expect(event).toMatchObject({
      trail: 'CLIENT#cli_tokyo',
      at: '2026-11-26T01:00:00.000Z',
      actor: { kind: 'SYSTEM', name: 'deadline-job' },
      operation: 'sync.escalateConflict',
      subjectType: 'SYNC_CONFLICT',
      subjectId: 'sc_1',
      changes: [
        { field: 'escalatedAt', before: null, after: '2026-11-26T01:00:00.000Z' },
        { field: 'escalatedTo', before: null, after: ['mgr-tokyo-1', 'mgr-tokyo-2'] },
      ],
    });
  });

  it('escalates each overdue conflict of each client to its own department', async () => {
    const { deps, clock, inbox } = await setUp(
      [conflict('sc_t', 'cli_tokyo'), conflict('sc_o', 'cli_osaka')],
      { clients: [client('cli_tokyo', 'SALES_TOKYO'), client('cli_osaka', 'SALES_OSAKA')] },
    );
    clock.set('2026-11-26T01:00:00.000Z');
    expect(await escalateOverdueSyncConflicts(deps)).toEqual({ escalated: 2, skipped: 0 });
    expect((await inbox('mgr-osaka-1')).map((n) => n.clientId)).toEqual(['cli_osaka']);
    expect((await inbox('mgr-tokyo-1')).map((n) => n.clientId)).toEqual(['cli_tokyo']);
  });

  it('skips a conflict a person resolved after the run read it, and escalates the rest', async () => {
    /** A person resolves `sc_a` between the job's read and its write. */
    class ResolvedMeanwhile extends InMemoryClientLedger {
      override async listSyncConflicts(status: 'OPEN' | 'RESOLVED', limit: number) {
        const read = await super.listSyncConflicts(status, limit);
        const current = await this.getSyncConflict('sc_a');
        if (current?.status === 'OPEN')
          await this.commit(
            [
              {
                entity: {
                  type: 'SYNC_CONFLICT',
                  value: { ...current, status: 'RESOLVED', version: current.version + 1 },
                },
                expectedVersion: current.version,
              },
            ],
            [],
          );
        return read;
      }
    }
    const { deps, clock, stored, inbox } = await setUp(
      [
        conflict('sc_a', 'cli_tokyo'),
        conflict('sc_b', 'cli_tokyo', { detectedAt: '2026-11-24T02:00:00.000Z' }),
      ],
      { ledger: new ResolvedMeanwhile() },
    );
    clock.set('2026-11-26T01:00:00.000Z');
    expect(await escalateOverdueSyncConflicts(deps)).toEqual({ escalated: 1, skipped: 1 });
    expect(await stored('sc_a')).toMatchObject({ status: 'RESOLVED', version: 2 });
    expect((await stored('sc_a')).escalatedAt).toBeUndefined();
    expect((await stored('sc_b')).escalatedAt).toBe('2026-11-26T01:00:00.000Z');
    expect(await inbox('mgr-tokyo-1')).toHaveLength(1);
  });

  it('lets any other failure of the ledger through (the job run records it), writing nothing', async () => {
    class Unavailable extends InMemoryClientLedger {
      failing = false;
      override async commit(...args: Parameters<InMemoryClientLedger['commit']>) {
        if (this.failing) throw new Error('ledger unavailable');
        return super.commit(...args);
      }
    }
    const ledger = new Unavailable();
    const { deps, clock, stored } = await setUp([conflict('sc_1', 'cli_tokyo')], { ledger });
    ledger.failing = true;
    clock.set('2026-11-26T01:00:00.000Z');
    await expect(escalateOverdueSyncConflicts(deps)).rejects.toThrow('ledger unavailable');
    expect((await stored('sc_1')).escalatedAt).toBeUndefined();
  });
});
