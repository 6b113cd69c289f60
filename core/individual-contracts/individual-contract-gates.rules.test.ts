/**
 * The gates an individual contract must pass before it is shared or sent (A5-3, A5-4, A5-5),
 * against the in-memory ledger: a ready contract passes; each gate left failing is reported alone,
 * its message naming the item, the date or the rule; every failing gate is reported together.
 * (test/individual-contract-gates.test.ts proves through GraphQL and DynamoDB Local that no role
 * gets past them.)
 */
import { describe, expect, it } from 'vitest';
import { type GateToBreak, readyIndividualContract } from '../../test/support/individual-contracts.js';
import { FixedClock } from '../clock.js';
import { NotFoundError } from '../errors.js';
import { randomIds } from '../ids.js';
import { enqueueKintoneWrite } from '../kintone/kintone-outbox.js';
import type { OrderRecord } from '../kintone/order.js';
import type { LedgerEntity } from '../ledger.js';
import { defaultPolicy } from '../policy-config.js';
import type { RecordFields } from '../sync/sync-model.js';
import { InMemoryClientLedger } from '../testing/in-memory-ledger.js';
import { draftIndividualContract } from './draft-individual-contract.js';
import { checkIndividualContractGates } from './individual-contract-gates.js';

type Ready = Awaited<ReturnType<typeof readyIndividualContract>>;

async function setUp(options: { without?: GateToBreak; conflictDate?: string } = {}) {
  const ledger = new InMemoryClientLedger();
  const ready = await readyIndividualContract(ledger, { gstaffClientId: 'G-1001', ...options });
  const gates = () => checkIndividualContractGates({ ledger }, ready.individualContractId);
  /** Rewrites one stored entity (its next version). */
  const rewrite = async (entity: LedgerEntity) => {
    const expectedVersion = entity.value.version;
    const next = { ...entity, value: { ...entity.value, version: expectedVersion + 1 } } as LedgerEntity;
    await ledger.commit([{ entity: next, expectedVersion }], []);
  };
  const stored = async (r: Ready) => ({
    contract: await ledger.getIndividualContract(r.individualContractId),
    establishment: await ledger.getEstablishment(r.establishmentId),
    treatment: await ledger.getTreatmentInformation(r.orderId),
  });
  return { ledger, ready, gates, rewrite, stored: () => stored(ready) };
}

const failuresOf = async (gates: () => ReturnType<typeof checkIndividualContractGates>) => {
  const result = await gates();
  return result.ok ? [] : result.failures;
};

describe('the individual contract’s gates', () => {
  it('pass a contract with everything in place', async () => {
    const { gates } = await setUp();
    expect(await gates()).toEqual({ ok: true });
  });

  it('refuse a contract that does not exist', async () => {
    const ledger = new InMemoryClientLedger();
    const missing = checkIndividualContractGates({ ledger }, 'ic_missing');
    await expect(missing).rejects.toBeInstanceOf(NotFoundError);
    await expect(missing).rejects.toThrow('IndividualContract ic_missing was not found');
  });

  it('need an executed basic contract: an approved 06_2, not one still in its workflow', async () => {
    const { gates, ledger, ready } = await setUp({ without: 'BASIC_CONTRACT_EXECUTED' });
    const failures = await failuresOf(gates);
    expect(failures.map((f) => f.gate)).toEqual(['BASIC_CONTRACT_EXECUTED']);
    expect(failures[0]?.message).toContain('労働者派遣基本契約書が締結されていません');
    // A 06_2 submitted but not yet approved, and an approved application of another type, do not count.
    const base = await setUp();
    const approved = (await base.ledger.listApplicationsOfClient(base.ready.clientId))[0];
    if (!approved) throw new Error('the ready contract has its 06_2');
    for (const [applicationId, type, status] of [
      ['app_pending', 'CONTRACT_EXECUTION', 'SUBMITTED'],
      ['app_other', 'CREDIT_PRECHECK', 'APPROVED'],
    ] as const) {
      await ledger.commit(
        [
          {
            entity: {
              type: 'APPLICATION',
              value: { ...approved, applicationId, type, status, clientId: ready.clientId },
            },
          },
        ],
        [],
      );
    }
    expect((await failuresOf(gates)).map((f) => f.gate)).toEqual(['BASIC_CONTRACT_EXECUTED']);
  });

  it('need the establishment’s conflict-date notice, naming the establishment', async () => {
    const { gates } = await setUp({ without: 'CONFLICT_DATE_NOTICE' });
    const failures = await failuresOf(gates);
    // Without a notice the period cannot be checked either.
    expect(failures.map((f) => f.gate)).toEqual(['CONFLICT_DATE_NOTICE', 'PERIOD_CHECK']);
    expect(failures[0]?.message).toBe('派遣先事業所「本社工場」の抵触日通知が登録されていません。');
    expect(failures[1]?.message).toContain('抵触日通知が登録されていないため');
  });

  it('name the establishment by its id when it is not in the ledger', async () => {
    const { gates, rewrite, stored } = await setUp();
    const { contract } = await stored();
    if (!contract) throw new Error('stored');
    await rewrite({ type: 'INDIVIDUAL_CONTRACT', value: { ...contract, establishmentId: 'est_gone' } });
    const failures = await failuresOf(gates);
    expect(failures.map((f) => f.gate)).toEqual([
      'CONFLICT_DATE_NOTICE',
      'TREATMENT_INFORMATION',
      'PERIOD_CHECK',
    ]);
    expect(failures[0]?.message).toBe('派遣先事業所「est_gone」の抵触日通知が登録されていません。');
    expect(failures[1]?.message).toContain('この契約の事業所「est_gone」の分が必要です');
    expect(failures[2]?.message).toBe('派遣先の事業所または組織単位が見つかりません。');
  });

  it('need the order’s treatment information, for this establishment, with every item its method requires', async () => {
    const none = await setUp({ without: 'TREATMENT_INFORMATION' });
    const noneFailures = await failuresOf(none.gates);
    expect(noneFailures.map((f) => f.gate)).toEqual(['TREATMENT_INFORMATION']);
    expect(noneFailures[0]?.message).toBe(`オーダー ${none.ready.orderId} の待遇情報が登録されていません。`);

    const other = await setUp();
    const { treatment } = await other.stored();
    if (!treatment) throw new Error('stored');
    await other.rewrite({
      type: 'TREATMENT_INFORMATION',
      value: { ...treatment, establishmentId: 'est_other' },
    });
    const otherFailures = await failuresOf(other.gates);
    expect(otherFailures.map((f) => f.gate)).toEqual(['TREATMENT_INFORMATION']);
    expect(otherFailures[0]?.message).toBe(
      `オーダー ${other.ready.orderId} の待遇情報は別の事業所について登録されています（この契約の事業所「本社工場」の分が必要です）。`,
    );

    const lacking = await setUp();
    const stored = (await lacking.stored()).treatment;
    if (!stored) throw new Error('stored');
    await lacking.rewrite({
      type: 'TREATMENT_INFORMATION',
      value: { ...stored, method: 'EQUAL_BALANCED', documents: [] },
    });
    const lackingFailures = await failuresOf(lacking.gates);
    expect(lackingFailures.map((f) => f.gate)).toEqual(['TREATMENT_INFORMATION']);
    expect(lackingFailures[0]?.message).toBe(
      '待遇情報（派遣先均等・均衡方式）に不足があります：比較対象労働者の待遇等に関する情報、待遇情報の書面（PDF）',
    );
  });

  it('need every required item of the terms, naming the missing ones', async () => {
    const { gates } = await setUp({ without: 'TERMS_COMPLETE' });
    const failures = await failuresOf(gates);
    expect(failures).toEqual([
      { gate: 'TERMS_COMPLETE', message: '個別契約書の記載事項が不足しています：請求単価' },
    ]);
  });

  it('need a decided worker', async () => {
    const { gates } = await setUp({ without: 'WORKER_DECIDED' });
    expect(await failuresOf(gates)).toEqual([
      {
        gate: 'WORKER_DECIDED',
        message: '派遣労働者が決定されていません（スタッフ台帳から決定してください）。',
      },
    ]);
  });

  it('run the period check again on today’s data, one failure per violated limit', async () => {
    // The contract runs 2027-01-04 … 2027-03-31; a conflict date on its last day is reached.
    const reached = await setUp({ conflictDate: '2027-03-31' });
    const failures = await failuresOf(reached.gates);
    expect(failures.map((f) => f.gate)).toEqual(['PERIOD_CHECK']);
    expect(failures[0]?.message).toContain('事業所単位の期間制限');
    expect(failures[0]?.message).toContain('2027-03-31');
    // The day after the contract's end passes.
    expect(await (await setUp({ conflictDate: '2027-04-01' })).gates()).toEqual({ ok: true });

    // The worker's own 3 years in the unit reached too: two failures, the earlier date first.
    const { ledger, ready, stored } = reached;
    const { contract, establishment } = await stored();
    if (!contract?.worker || !establishment) throw new Error('stored');
    await ledger.commit(
      [
        {
          entity: {
            type: 'WORKER_ASSIGNMENT',
            value: {
              assignmentId: 'asg_1',
              workerId: contract.worker.workerId,
              gstaffClientId: 'G-1001',
              establishment: ' 本社工場 ',
              organisationalUnit: establishment.organisationalUnits[0]?.name ?? '',
              startDate: '2024-02-01',
              mirroredAt: '2026-12-01T01:00:00.000Z',
              version: 1,
            },
          },
        },
      ],
      [],
    );
    const both = await failuresOf(reached.gates);
    expect(both.map((f) => f.gate)).toEqual(['PERIOD_CHECK', 'PERIOD_CHECK']);
    expect(both[0]?.message).toContain('個人単位の期間制限');
    expect(both[0]?.message).toContain('2027-02-01');
    expect(both[1]?.message).toContain('2027-03-31');
    expect(ready.individualContractId).toBeDefined();
  });

  it('let a recorded exemption lift the period limits, unless the worker register contradicts it', async () => {
    const { gates, rewrite, stored } = await setUp({ conflictDate: '2027-03-31' });
    const { contract } = await stored();
    if (!contract) throw new Error('stored');
    await rewrite({
      type: 'INDIVIDUAL_CONTRACT',
      value: {
        ...contract,
        exemption: {
          kind: 'FIXED_END_PROJECT',
          reason: '新ライン立ち上げ（2027-03-31 終了）',
          recordedBy: 'sales-tokyo-1',
          recordedAt: '2026-12-01T01:00:00.000Z',
        },
      },
    });
    expect(await gates()).toEqual({ ok: true });

    const contradicted = await setUp({ conflictDate: '2027-03-31' });
    const c = (await contradicted.stored()).contract;
    if (!c) throw new Error('stored');
    await contradicted.rewrite({
      type: 'INDIVIDUAL_CONTRACT',
      value: {
        ...c,
        exemption: {
          kind: 'AGED_60_OR_OVER',
          reason: '60歳以上',
          recordedBy: 'sales-tokyo-1',
          recordedAt: c.createdAt,
        },
      },
    });
    const failures = await failuresOf(contradicted.gates);
    expect(failures.map((f) => f.gate)).toEqual(['PERIOD_CHECK']);
    expect(failures[0]?.message).toContain('期間制限の例外「60歳以上の派遣労働者」は適用できません');
  });

  it('report the facts the period check could not read', async () => {
    const { gates, ledger, ready } = await setUp();
    const client = await ledger.getClient(ready.clientId);
    if (!client) throw new Error('stored');
    const { gstaff: _, ...unlinked } = client;
    await ledger.commit(
      [
        {
          entity: { type: 'CLIENT', value: { ...unlinked, version: client.version + 1 } },
          expectedVersion: client.version,
        },
      ],
      [],
    );
    const failures = await failuresOf(gates);
    expect(failures.map((f) => f.gate)).toEqual(['PERIOD_CHECK']);
    expect(failures[0]?.message).toContain('G-Staff 顧客登録が確認できていない');
  });

  it('report every failing gate together, in the gates’ order', async () => {
    const { gates, rewrite, stored, ledger, ready } = await setUp({ without: 'BASIC_CONTRACT_EXECUTED' });
    const { contract } = await stored();
    if (!contract) throw new Error('stored');
    const { worker: _, terms, ...rest } = contract;
    const { jobContent: _job, ...termsWithoutJob } = terms;
    await rewrite({ type: 'INDIVIDUAL_CONTRACT', value: { ...rest, terms: termsWithoutJob } });
    const treatment = await ledger.getTreatmentInformation(ready.orderId);
    if (!treatment) throw new Error('stored');
    await rewrite({ type: 'TREATMENT_INFORMATION', value: { ...treatment, items: {} } });
    expect((await failuresOf(gates)).map((f) => f.gate)).toEqual([
      'BASIC_CONTRACT_EXECUTED',
      'TREATMENT_INFORMATION',
      'TERMS_COMPLETE',
      'WORKER_DECIDED',
    ]);
  });

  it('refuse a contract whose order was closed as lost or cancelled (in the hub or in kintone), not one filled', async () => {
    const { gates, ledger, ready } = await setUp({ without: 'ORDER_OPEN' });
    const failures = await failuresOf(gates);
    expect(failures).toEqual([
      {
        gate: 'ORDER_OPEN',
        message: `オーダー ${ready.orderId} は失注としてクローズされています。失注のオーダーに個別契約は結べません。`,
      },
    ]);
    // The order's newest write is what the hub wants of it: cancelled, then filled, then reopened.
    const closeAs = async (at: string, order: Partial<OrderRecord>) =>
      ledger.commit(
        [
          enqueueKintoneWrite(randomIds, at, {
            app: 'orders',
            order: {
              hubId: ready.orderId,
              clientId: ready.clientId,
              clientName: 'x',
              status: 'CLOSED',
              ...order,
            },
            hubId: ready.orderId,
            clientId: ready.clientId,
            subjectType: 'INQUIRY',
            subjectId: 'inq_x',
          }),
        ],
        [],
      );
    await closeAs('2027-01-01T00:00:00.000Z', { closeOutcome: 'CANCELLED' });
    expect((await failuresOf(gates))[0]?.message).toContain('キャンセルとしてクローズされています');
    await closeAs('2027-01-02T00:00:00.000Z', { closeOutcome: 'FILLED' });
    expect(await gates()).toEqual({ ok: true });
    // Reopened: a close outcome left in the record does not count.
    await closeAs('2027-01-03T00:00:00.000Z', { status: 'OPEN', closeOutcome: 'LOST' });
    expect(await gates()).toEqual({ ok: true });
  });

  it('see an order closed by staff in kintone, over what the hub last wrote', async () => {
    const { gates, ledger, ready } = await setUp();
    const open = { hubId: ready.orderId, clientId: ready.clientId, clientName: 'x', status: 'OPEN' };
    const at = '2026-12-01T03:00:00.000Z';
    const synced = (fields: Record<string, unknown>) => ({
      app: 'orders' as const,
      hubId: ready.orderId,
      clientId: ready.clientId,
      recordId: '101',
      revision: 3,
      kintoneUpdatedAt: at,
      fields: fields as RecordFields,
      hubFields: open as RecordFields,
      lastChangedBy: 'KINTONE' as const,
      syncedAt: at,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    await ledger.commit(
      [
        {
          entity: {
            type: 'KINTONE_RECORD',
            value: synced({ ...open, status: 'CLOSED', closeOutcome: 'CANCELLED' }),
          },
        },
      ],
      [],
    );
    expect((await failuresOf(gates)).map((f) => f.gate)).toEqual(['ORDER_OPEN']);
    // Another client's order is refused by name when drafting, not taken as this client's.
    const other = await readyIndividualContract(ledger, { gstaffClientId: 'G-1001' });
    const contract = await ledger.getIndividualContract(other.individualContractId);
    if (!contract) throw new Error('stored');
    const deps = { ledger, clock: new FixedClock(new Date(at)), ids: randomIds, policy: defaultPolicy };
    const sales = { userId: 'sales-tokyo-1', role: 'SALES', department: 'SALES_TOKYO' } as const;
    await expect(
      draftIndividualContract(deps, sales, {
        orderId: ready.orderId,
        establishmentId: contract.establishmentId,
        organisationalUnitId: contract.organisationalUnitId,
        period: contract.period,
      }),
    ).rejects.toMatchObject({
      fieldErrors: [{ path: 'input.orderId', message: 'is an order of another client' }],
    });
  });

  it('are not drafted for an order closed as lost; a filled order still takes one', async () => {
    const lost = await setUp({ without: 'ORDER_OPEN' });
    const { contract } = await lost.stored();
    if (!contract) throw new Error('stored');
    const deps = {
      ledger: lost.ledger,
      clock: new FixedClock(new Date('2026-12-01T02:00:00Z')),
      ids: randomIds,
      policy: defaultPolicy,
    };
    const sales = { userId: 'sales-tokyo-1', role: 'SALES', department: 'SALES_TOKYO' } as const;
    const input = {
      orderId: contract.orderId,
      establishmentId: contract.establishmentId,
      organisationalUnitId: contract.organisationalUnitId,
      period: contract.period,
    };
    await expect(draftIndividualContract(deps, sales, input)).rejects.toMatchObject({
      rule: 'ORDER_CLOSED',
      message: 'the order was closed as LOST; no individual contract is made for it',
    });
    const open = await setUp();
    const other = (await open.stored()).contract;
    if (!other) throw new Error('stored');
    const drafted = await draftIndividualContract({ ...deps, ledger: open.ledger }, sales, {
      ...input,
      orderId: other.orderId,
      establishmentId: other.establishmentId,
      organisationalUnitId: other.organisationalUnitId,
    });
    expect(drafted).toMatchObject({ orderId: other.orderId, status: 'DRAFT' });
  });
});
