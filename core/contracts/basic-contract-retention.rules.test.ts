/**
 * The basic contract's retention deadline in G-Staff (A6-5), against the in-memory ledger and
 * G-Staff: OPEN while an individual contract under it runs (its last day included, in Japan's
 * date) or is on its way to signature; 3 years after the last one's end once it has ended; OPEN
 * again on a renewal and the renewal's end afterwards. Each move goes to G-Staff once, under an
 * idempotency key naming the application, the move's number and the deadline, and is recorded on
 * the application's history and the client's audit trail by `contracts.retention`. A G-Staff
 * failure on one contract is counted and leaves the others moving.
 * (test/individual-contract-retention.test.ts proves the same on DynamoDB Local and the G-Staff
 * sandbox through the HTTP adapter.)
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type ReadyContract, readyIndividualContract } from '../../test/support/individual-contracts.js';
import type { Application } from '../applications/application.js';
import type { Client } from '../clients/client.js';
import { FixedClock } from '../clock.js';
import { IntegrationError } from '../errors.js';
import type { RetentionUpdate } from '../gstaff/gstaff.js';
import { randomIds } from '../ids.js';
import { defaultPolicy } from '../policy-config.js';
import { InMemoryGStaff } from '../testing/in-memory-gstaff.js';
import { InMemoryClientLedger } from '../testing/in-memory-ledger.js';
import { retentionMoveKey, settleBasicContractRetention } from './basic-contract-retention.js';
import { individualContractRetention } from './retention.js';

interface Trading extends ReadyContract {
  basicApplicationId: string;
  basicGStaffId: string;
}

function setUp(gstaff: InMemoryGStaff = new InMemoryGStaff()) {
  const ledger = new InMemoryClientLedger();
  const clock = new FixedClock(new Date('2026-12-01T01:00:00.000Z'));
  const deps = { ledger, clock, ids: randomIds, policy: defaultPolicy, gstaff };
  /** The job at 10:00 on a day in Japan, or at an exact instant. */
  const runOn = (day: string) => {
    clock.set(day.length === 10 ? `${day}T01:00:00.000Z` : day);
    return settleBasicContractRetention(deps);
  };

  const update = async (applicationId: string, change: (a: Application) => Partial<Application>) => {
    const current = (await ledger.getApplication(applicationId)) as Application;
    await ledger.commit(
      [
        {
          entity: {
            type: 'APPLICATION',
            value: { ...current, ...change(current), version: current.version + 1 },
          },
          expectedVersion: current.version,
        },
      ],
      [],
    );
  };

  /** A client whose executed basic contract G-Staff keeps with its retention OPEN. */
  async function tradingClient(
    options: { stored?: boolean; stage?: Client['stage']; createdAt?: string } = {},
  ): Promise<Trading> {
    const ready = await readyIndividualContract(ledger, {
      gstaffClientId: 'G-1001',
      ...(options.createdAt ? { now: options.createdAt } : {}),
    });
    const basic = (await ledger.listApplicationsOfClient(ready.clientId)).find(
      (a) => a.type === 'CONTRACT_EXECUTION',
    ) as Application;
    const pdf = Buffer.from('%PDF-1.4\n% 労働者派遣基本契約書\n%%EOF\n');
    const { gstaffContractId } = await gstaff.storeContract({
      hubContractId: basic.applicationId,
      gstaffClientId: 'G-1001',
      kind: 'BASIC',
      fileName: '基本契約書.pdf',
      pdfBase64: pdf.toString('base64'),
      sha256: createHash('sha256').update(pdf).digest('hex'),
      retentionUntil: 'OPEN',
    });
    const { gstaffContractId: _none, ...unstored } = basic.contractExecution as NonNullable<
      Application['contractExecution']
    >;
    await update(basic.applicationId, () => ({
      contractExecution: options.stored === false ? unstored : { ...unstored, gstaffContractId },
    }));
    if (options.stage) {
      const client = (await ledger.getClient(ready.clientId)) as Client;
      await ledger.commit(
        [
          {
            entity: {
              type: 'CLIENT',
              value: { ...client, stage: options.stage, version: client.version + 1 },
            },
            expectedVersion: client.version,
          },
        ],
        [],
      );
    }
    return { ...ready, basicApplicationId: basic.applicationId, basicGStaffId: gstaffContractId };
  }

  let made = 0;
  /** An individual contract of the client with its application: signed, or on its way to signature. */
  async function individualContract(
    client: Trading,
    period: { startDate: string; endDate: string },
    options: { status?: 'APPROVED' | 'SUBMITTED'; renewalOf?: string } = {},
  ): Promise<string> {
    made += 1;
    const ready = await ledger.getIndividualContract(client.individualContractId);
    if (!ready) throw new Error('no ready contract');
    const id = `${ready.individualContractId}_${made}`;
    const at = new Date(Date.UTC(2026, 11, 1, 0, made)).toISOString();
    const status = options.status ?? 'APPROVED';
    const application: Application = {
      applicationId: `app_${id}`,
      type: 'INDIVIDUAL_CONTRACT',
      status,
      clientId: client.clientId,
      department: 'SALES_TOKYO',
      applicantId: 'sales-tokyo-1',
      individualContract: {
        individualContractId: id,
        orderId: client.orderId,
        ...(options.renewalOf ? { renewalOf: options.renewalOf } : {}),
        period,
        envelopeName: `INDIVIDUAL-${id}`,
        approver: { userId: 'sales-tokyo-1', name: '高橋 美咲', email: 'sales-tokyo-1@agency.example' },
        clientSigner: { name: '山田 太郎', email: 'yamada@kobetsu.example' },
        // A signed one is stored in G-Staff with its own deadline, 3 years after its end.
        ...(status === 'APPROVED'
          ? {
              signedAt: at,
              gstaffContractId: `K-ic-${id}`,
              retentionUntil: individualContractRetention([period.endDate]),
            }
          : {}),
      },
      history: [{ at, kind: 'SUBMITTED', by: 'sales-tokyo-1' }],
      submittedAt: at,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    await ledger.commit(
      [
        { entity: { type: 'INDIVIDUAL_CONTRACT', value: { ...ready, individualContractId: id, period } } },
        { entity: { type: 'APPLICATION', value: application } },
      ],
      [],
    );
    return id;
  }

  const basicOf = async (client: Trading) =>
    (await ledger.getApplication(client.basicApplicationId)) as Application;
  /** What G-Staff keeps as the basic contract's retention deadline. */
  const held = (client: Trading) => gstaff.contracts.get(client.basicApplicationId)?.retentionUntil;
  const moves = async (client: Trading) =>
    (await basicOf(client)).history.filter((h) => h.kind === 'RETENTION_MOVED').map((h) => h.detail);
  const sent = (client: Trading) =>
    gstaff.retentionUpdates.filter((u) => u.gstaffContractId === client.basicGStaffId);

  return {
    ledger,
    gstaff,
    deps,
    runOn,
    update,
    tradingClient,
    individualContract,
    basicOf,
    held,
    moves,
    sent,
  };
}

describe('the basic contract’s retention deadline in G-Staff (A6-5)', () => {
  it('stays OPEN while an individual contract runs — its last day in Japan included — and is 3 years after the last end from the next day', async () => {
    const { runOn, tradingClient, individualContract, held, moves, sent } = setUp();
    const client = await tradingClient();
    await individualContract(client, { startDate: '2027-01-04', endDate: '2027-03-31' });
    await individualContract(client, { startDate: '2027-02-01', endDate: '2027-06-30' });

    // One ended, the other still runs; then the last day itself, to its last minute in Japan.
    for (const day of ['2027-04-15', '2027-06-30', '2027-06-30T14:59:59.999Z']) {
      expect(await runOn(day)).toEqual({ checked: 1, moved: 0, failed: 0, errors: [] });
      expect(held(client)).toBe('OPEN');
    }
    expect(sent(client)).toEqual([]);
    expect(await moves(client)).toEqual([]);

    // Midnight in Japan after the last dispatch day.
    expect(await runOn('2027-06-30T15:00:00.000Z')).toEqual({ checked: 1, moved: 1, failed: 0, errors: [] });
    expect(held(client)).toBe('2030-06-30');
    expect(sent(client)).toEqual([
      {
        gstaffContractId: client.basicGStaffId,
        retentionUntil: '2030-06-30',
        idempotencyKey: `${client.basicApplicationId}:retention:1:2030-06-30`,
      },
    ] satisfies RetentionUpdate[]);
    expect(await moves(client)).toEqual(['OPEN → 2030-06-30']);
  });

  it('records the move on the application and the client’s audit trail, by the retention job', async () => {
    const { ledger, runOn, tradingClient, individualContract, basicOf } = setUp();
    const client = await tradingClient();
    await individualContract(client, { startDate: '2027-01-04', endDate: '2027-03-31' });
    const before = await basicOf(client);
    await runOn('2027-04-01');
    const after = await basicOf(client);
    expect(after).toMatchObject({
      version: before.version + 1,
      updatedAt: '2027-04-01T01:00:00.000Z',
      contractExecution: { ...before.contractExecution, retentionUntil: '2030-03-31' },
    });
    expect(after.history.at(-1)).toEqual({
      at: '2027-04-01T01:00:00.000Z',
      kind: 'RETENTION_MOVED',
      detail: 'OPEN → 2030-03-31',
    });
    const trail = (await ledger.listAuditTrail(`CLIENT#${client.clientId}`, 50)).items;
    expect(trail).toEqual([
      expect.objectContaining({
        at: '2027-04-01T01:00:00.000Z',
        actor: { kind: 'SYSTEM', name: 'contracts.retention' },
        operation: 'contract.retention',
        subjectId: client.basicApplicationId,
        changes: expect.arrayContaining([
          expect.objectContaining({
            field: 'contractExecution',
            before: expect.objectContaining({ retentionUntil: 'OPEN' }),
            after: expect.objectContaining({ retentionUntil: '2030-03-31' }),
          }),
        ]),
      }),
    ]);
  });

  it('moves nothing twice: a later run finds G-Staff holding the deadline due and asks nothing', async () => {
    const { runOn, tradingClient, individualContract, moves, gstaff, ledger } = setUp();
    const client = await tradingClient();
    await individualContract(client, { startDate: '2027-01-04', endDate: '2027-03-31' });
    expect((await runOn('2027-04-01')).moved).toBe(1);
    const commits = ledger.commits;
    for (const day of ['2027-04-01', '2028-01-05', '2030-04-01'])
      expect(await runOn(day)).toEqual({ checked: 1, moved: 0, failed: 0, errors: [] });
    expect(gstaff.retentionUpdates).toHaveLength(1);
    expect(ledger.commits).toBe(commits);
    expect(await moves(client)).toEqual(['OPEN → 2030-03-31']);
  });

  it('is reopened by a renewal on its way to signature and moved to 3 years after the renewal’s end, each move under its own key', async () => {
    const { runOn, update, tradingClient, individualContract, held, moves, sent } = setUp();
    const client = await tradingClient();
    const first = await individualContract(client, { startDate: '2027-01-04', endDate: '2027-03-31' });
    await runOn('2027-04-02');
    expect(held(client)).toBe('2030-03-31');

    const renewal = await individualContract(
      client,
      { startDate: '2027-04-01', endDate: '2027-09-30' },
      { status: 'SUBMITTED', renewalOf: first },
    );
    expect((await runOn('2027-04-10')).moved).toBe(1);
    expect(held(client)).toBe('OPEN');
    await update(`app_${renewal}`, () => ({ status: 'APPROVED' }));
    expect((await runOn('2027-09-30')).moved).toBe(0);
    expect(held(client)).toBe('OPEN');
    expect((await runOn('2027-10-01')).moved).toBe(1);
    expect(held(client)).toBe('2030-09-30');

    expect(await moves(client)).toEqual(['OPEN → 2030-03-31', '2030-03-31 → OPEN', 'OPEN → 2030-09-30']);
    expect(sent(client).map((u) => u.idempotencyKey)).toEqual([
      retentionMoveKey(client.basicApplicationId, 1, '2030-03-31'),
      retentionMoveKey(client.basicApplicationId, 2, 'OPEN'),
      retentionMoveKey(client.basicApplicationId, 3, '2030-09-30'),
    ]);
    expect(retentionMoveKey('app_1', 2, 'OPEN')).toBe('app_1:retention:2:OPEN');
  });

  it('keeps a basic contract with no individual contract, or with none ended, OPEN; one recorded before deadlines were kept counts as OPEN', async () => {
    const { runOn, update, tradingClient, individualContract, held, sent } = setUp();
    const none = await tradingClient();
    const running = await tradingClient();
    await individualContract(running, { startDate: '2027-01-04', endDate: '2027-12-31' });
    const older = await tradingClient();
    await update(older.basicApplicationId, (a) => {
      const { retentionUntil: _open, ...rest } = a.contractExecution as NonNullable<
        Application['contractExecution']
      >;
      return { contractExecution: rest };
    });
    await individualContract(older, { startDate: '2027-01-04', endDate: '2027-12-31' });
    expect(await runOn('2027-06-01')).toEqual({ checked: 3, moved: 0, failed: 0, errors: [] });
    for (const client of [none, running, older]) {
      expect(held(client)).toBe('OPEN');
      expect(sent(client)).toEqual([]);
    }
  });

  it('looks at inactive clients’ basic contracts too, and not at one G-Staff does not keep yet', async () => {
    const { runOn, tradingClient, individualContract, held, sent, moves } = setUp();
    const inactive = await tradingClient({ stage: 'INACTIVE' });
    await individualContract(inactive, { startDate: '2027-01-04', endDate: '2027-03-31' });
    const unstored = await tradingClient({ stored: false });
    await individualContract(unstored, { startDate: '2027-01-04', endDate: '2027-03-31' });

    expect(await runOn('2027-04-01')).toEqual({ checked: 1, moved: 1, failed: 0, errors: [] });
    expect(held(inactive)).toBe('2030-03-31');
    expect(sent(unstored)).toEqual([]);
    expect(await moves(unstored)).toEqual([]);
  });

  it('looks at every trading client, page after page', { timeout: 60_000 }, async () => {
    const { ledger, runOn, tradingClient, individualContract, held } = setUp();
    // The newest client comes first, the oldest after more than a page (100) of others.
    const newest = await tradingClient({ createdAt: '2026-12-01T03:00:00.000Z' });
    const others = Array.from({ length: 103 }, (_, i) => ({
      entity: {
        type: 'CLIENT' as const,
        value: {
          clientId: `cli_other${String(i).padStart(3, '0')}`,
          name: `株式会社取引${i}`,
          normalizedName: `取引${i}`,
          stage: 'TRADING',
          version: 1,
          createdAt: '2026-12-01T02:00:00.000Z',
          updatedAt: '2026-12-01T02:00:00.000Z',
        } as Client,
      },
    }));
    await ledger.commit(others.slice(0, 100), []);
    await ledger.commit(others.slice(100), []);
    const oldest = await tradingClient();
    for (const client of [newest, oldest])
      await individualContract(client, { startDate: '2027-01-04', endDate: '2027-03-31' });
    expect(await runOn('2027-04-01')).toEqual({ checked: 2, moved: 2, failed: 0, errors: [] });
    expect(held(newest)).toBe('2030-03-31');
    expect(held(oldest)).toBe('2030-03-31');
  });

  it('counts a G-Staff failure with its code, moves the other contracts, and moves the failed one on the next run', async () => {
    class Unavailable extends InMemoryGStaff {
      readonly down = new Set<string>();
      override async updateContractRetention(update: RetentionUpdate) {
        if (this.down.has(update.gstaffContractId))
          throw new IntegrationError({
            system: 'gstaff',
            operation: 'updateContractRetention',
            retryable: true,
            status: 503,
            message: 'Service Unavailable',
          });
        return super.updateContractRetention(update);
      }
    }
    const gstaff = new Unavailable();
    const { runOn, tradingClient, individualContract, held, moves } = setUp(gstaff);
    const failing = await tradingClient();
    const working = await tradingClient();
    for (const client of [failing, working])
      await individualContract(client, { startDate: '2027-01-04', endDate: '2027-03-31' });
    gstaff.down.add(failing.basicGStaffId);

    expect(await runOn('2027-04-01')).toEqual({
      checked: 2,
      moved: 1,
      failed: 1,
      errors: ['gstaff.updateContractRetention:503:RETRYABLE'],
    });
    expect(held(failing)).toBe('OPEN');
    expect(await moves(failing)).toEqual([]);
    expect(held(working)).toBe('2030-03-31');

    gstaff.down.clear();
    expect(await runOn('2027-04-02')).toEqual({ checked: 2, moved: 1, failed: 0, errors: [] });
    expect(held(failing)).toBe('2030-03-31');
    expect(await moves(failing)).toEqual(['OPEN → 2030-03-31']);
  });

  it('moves G-Staff once when its answer was lost: the next run sends the same key and records the move once', async () => {
    class AnswerLost extends InMemoryGStaff {
      lose = true;
      override async updateContractRetention(update: RetentionUpdate) {
        await super.updateContractRetention(update);
        if (this.lose)
          throw new IntegrationError({
            system: 'gstaff',
            operation: 'updateContractRetention',
            retryable: true,
            message: 'timed out',
          });
      }
    }
    const gstaff = new AnswerLost();
    const { runOn, tradingClient, individualContract, held, moves } = setUp(gstaff);
    const client = await tradingClient();
    await individualContract(client, { startDate: '2027-01-04', endDate: '2027-03-31' });
    expect(await runOn('2027-04-01')).toMatchObject({
      moved: 0,
      failed: 1,
      errors: ['gstaff.updateContractRetention::RETRYABLE'],
    });
    expect(held(client)).toBe('2030-03-31');
    expect(await moves(client)).toEqual([]);
    gstaff.lose = false;
    expect(await runOn('2027-04-01')).toMatchObject({ moved: 1, failed: 0 });
    expect(gstaff.retentionUpdates.map((u) => u.idempotencyKey)).toEqual([
      `${client.basicApplicationId}:retention:1:2030-03-31`,
    ]);
    expect(await moves(client)).toEqual(['OPEN → 2030-03-31']);
  });
});
