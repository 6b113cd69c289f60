/**
 * The basic contract's retention deadline in G-Staff once its last individual contract has ended
 * (A6-5): the `contracts.retention` job, on DynamoDB Local, through the real G-Staff adapter
 * against the G-Staff sandbox. Not before the last one ended (its end date is still a dispatch
 * day), idempotent on a re-run, a renewal reopening it (OPEN) and its end moving it, a contract
 * on its way to signature keeping it open, a G-Staff outage retried by the next run, each move on
 * the application's history and the client's audit trail. Requirements: A6-5, X-1, X-3.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Application } from '../core/applications/application.js';
import { settleBasicContractRetention } from '../core/contracts/basic-contract-retention.js';
import { listContracts } from '../core/contracts/contracts-register.js';
import { runHubJob } from '../core/sync/hub-jobs.js';
import { type GStaffSandbox, startGStaffSandbox } from '../integrations/gstaff/gstaff.sandbox.js';
import { HttpGStaff } from '../integrations/gstaff/gstaff-http.adapter.js';
import { directory, hubDeps, salesTokyo, seedDirectory } from './support/builders.js';
import { type ReadyContract, readyIndividualContract } from './support/individual-contracts.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';

let t: TestLedger;
let sandbox: GStaffSandbox;

beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger, directory);
  sandbox = await startGStaffSandbox();
}, 120_000);
afterAll(async () => {
  await sandbox.stop();
});
beforeEach(() => sandbox.setFaults(undefined));

const gstaff = () =>
  new HttpGStaff({
    baseUrl: sandbox.url,
    apiKey: sandbox.apiKey,
    timeoutMs: 5000,
    retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
  });

/** The hub on a given day in Japan (JST midnight plus an hour). */
const on = (day: string) => ({ ...hubDeps(t.ledger, `${day}T01:00:00+09:00`), gstaff: gstaff() });

interface Trading extends ReadyContract {
  basicApplicationId: string;
  basicGStaffId: string;
}

/** A trading client whose executed basic contract G-Staff keeps with retention OPEN. */
async function tradingClient(): Promise<Trading> {
  const ready = await readyIndividualContract(t.ledger, { gstaffClientId: 'G-1001' });
  const basic = (await t.ledger.listApplicationsOfClient(ready.clientId)).find(
    (a) => a.type === 'CONTRACT_EXECUTION',
  ) as Application;
  const pdf = Buffer.from('%PDF-1.4\n% 労働者派遣基本契約書\n%%EOF\n');
  const { gstaffContractId } = await gstaff().storeContract({
    hubContractId: basic.applicationId,
    gstaffClientId: 'G-1001',
    kind: 'BASIC',
    fileName: '基本契約書.pdf',
    pdfBase64: pdf.toString('base64'),
    sha256: createHash('sha256').update(pdf).digest('hex'),
    retentionUntil: 'OPEN',
  });
  await t.ledger.commit(
    [
      {
        entity: {
          type: 'APPLICATION',
          value: {
            ...basic,
            contractExecution: {
              ...(basic.contractExecution as NonNullable<Application['contractExecution']>),
              gstaffContractId,
            },
            version: basic.version + 1,
          },
        },
        expectedVersion: basic.version,
      },
    ],
    [],
  );
  return { ...ready, basicApplicationId: basic.applicationId, basicGStaffId: gstaffContractId };
}

let made = 0;

/**
 * An individual contract of the client with its application: SIGNED (approved and stored) or on
 * its way to signature (SUBMITTED); the ready contract itself when `period` is its own.
 */
async function individualContract(
  client: Trading,
  period: { startDate: string; endDate: string },
  options: { status?: 'APPROVED' | 'SUBMITTED'; renewalOf?: string } = {},
): Promise<string> {
  made += 1;
  const ready = await t.ledger.getIndividualContract(client.individualContractId);
  if (!ready) throw new Error('no ready contract');
  const own = ready.period.startDate === period.startDate && ready.period.endDate === period.endDate;
  const id = own ? ready.individualContractId : `${ready.individualContractId}_${made}`;
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
      ...(status === 'APPROVED' ? { signedAt: at, gstaffContractId: `K-ic-${id}` } : {}),
    },
    history: [{ at, kind: 'SUBMITTED', by: 'sales-tokyo-1' }],
    submittedAt: at,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await t.ledger.commit(
    [
      ...(own
        ? []
        : [
            {
              entity: {
                type: 'INDIVIDUAL_CONTRACT' as const,
                value: { ...ready, individualContractId: id, period },
              },
            },
          ]),
      { entity: { type: 'APPLICATION', value: application } },
    ],
    [],
  );
  return id;
}

const basicOf = async (client: Trading) =>
  (await t.ledger.getApplication(client.basicApplicationId)) as Application;
const heldInGStaff = (client: Trading) => sandbox.contracts.get(client.basicGStaffId)?.hozonKigen;
const moves = async (client: Trading) =>
  (await basicOf(client)).history.filter((h) => h.kind === 'RETENTION_MOVED').map((h) => h.detail);

describe('the basic contract’s retention in G-Staff (A6-5)', () => {
  it('is written once the last individual contract has ended — not on its last day — and a re-run changes nothing', async () => {
    const client = await tradingClient();
    await individualContract(client, { startDate: '2027-01-04', endDate: '2027-03-31' });
    await individualContract(client, { startDate: '2027-02-01', endDate: '2027-06-30' });

    // One has ended, the other still runs (its last day included): OPEN, nothing written.
    for (const day of ['2027-04-15', '2027-06-30']) {
      const run = await settleBasicContractRetention(on(day));
      expect(run.failed).toBe(0);
      expect(heldInGStaff(client)).toBeNull();
      expect(await moves(client)).toEqual([]);
    }

    // The day after the last dispatch day: 3 years after it.
    const d = on('2027-07-01');
    await settleBasicContractRetention(d);
    expect(heldInGStaff(client)).toBe('2030-06-30');
    const basic = await basicOf(client);
    expect(basic.contractExecution?.retentionUntil).toBe('2030-06-30');
    expect(await moves(client)).toEqual(['OPEN → 2030-06-30']);
    const trail = await t.ledger.listAuditTrail(`CLIENT#${client.clientId}`, 50);
    expect(trail.items.filter((e) => e.operation === 'contract.retention')).toEqual([
      expect.objectContaining({
        actor: { kind: 'SYSTEM', name: 'contracts.retention' },
        subjectId: client.basicApplicationId,
        changes: expect.arrayContaining([expect.objectContaining({ field: 'contractExecution' })]),
      }),
    ]);
    // The register says the same as G-Staff.
    const register = await listContracts(d, salesTokyo, { clientId: client.clientId, kind: 'BASIC' });
    expect(register.contracts.map((c) => c.retentionUntil)).toEqual(['2030-06-30']);

    // Again, the same day and later: no request to G-Staff, nothing recorded.
    const requests = sandbox.requestCount();
    for (const day of ['2027-07-01', '2028-01-05']) {
      const again = await settleBasicContractRetention(on(day));
      expect(again).toMatchObject({ moved: 0, failed: 0 });
    }
    expect(sandbox.requestCount()).toBe(requests);
    expect(await moves(client)).toEqual(['OPEN → 2030-06-30']);
  }, 60_000);

  it('is reopened by a renewal (OPEN in G-Staff) and moved to 3 years after the renewal’s end', async () => {
    const client = await tradingClient();
    const first = await individualContract(client, { startDate: '2027-01-04', endDate: '2027-03-31' });
    await settleBasicContractRetention(on('2027-04-02'));
    expect(heldInGStaff(client)).toBe('2030-03-31');

    // A renewal on its way to signature keeps the basic contract open…
    const renewal = await individualContract(
      client,
      { startDate: '2027-04-01', endDate: '2027-09-30' },
      { status: 'SUBMITTED', renewalOf: first },
    );
    await settleBasicContractRetention(on('2027-04-10'));
    expect(heldInGStaff(client)).toBeNull();
    // …and once signed it runs: still open until its last day has passed.
    const application = (await t.ledger.getApplication(`app_${renewal}`)) as Application;
    await t.ledger.commit(
      [
        {
          entity: {
            type: 'APPLICATION',
            value: { ...application, status: 'APPROVED', version: application.version + 1 },
          },
          expectedVersion: application.version,
        },
      ],
      [],
    );
    await settleBasicContractRetention(on('2027-09-30'));
    expect(heldInGStaff(client)).toBeNull();
    await settleBasicContractRetention(on('2027-10-01'));
    expect(heldInGStaff(client)).toBe('2030-09-30');
    expect(await moves(client)).toEqual(['OPEN → 2030-03-31', '2030-03-31 → OPEN', 'OPEN → 2030-09-30']);
  }, 60_000);

  it('runs as the contracts.retention job: a G-Staff outage is kept as the run’s error and retried by the next run', async () => {
    const client = await tradingClient();
    await individualContract(client, { startDate: '2027-01-04', endDate: '2027-03-31' });
    const d = on('2027-05-06');
    const settings = { holder: 'test', leaseMs: 60_000, overlapMs: 0, trigger: 'CLI' as const };

    sandbox.setFaults({ rate: 1, seed: 3, kinds: ['503'] });
    const failed = await runHubJob(d as never, 'contracts.retention', settings);
    expect(failed).toMatchObject({ job: 'contracts.retention', status: 'SUCCEEDED' });
    expect('counts' in failed && failed.counts.failed).toBeGreaterThanOrEqual(1);
    expect('errors' in failed && failed.errors).toContain('gstaff.updateContractRetention:503:RETRYABLE');
    expect(heldInGStaff(client)).toBeNull();
    expect(await moves(client)).toEqual([]);

    sandbox.setFaults(undefined);
    const next = await runHubJob(d as never, 'contracts.retention', settings);
    expect('counts' in next && next.counts.updated).toBeGreaterThanOrEqual(1);
    expect(heldInGStaff(client)).toBe('2030-03-31');
    expect(await moves(client)).toEqual(['OPEN → 2030-03-31']);
  }, 60_000);

  it('moves once when G-Staff applied the move but its answer was lost', async () => {
    const client = await tradingClient();
    await individualContract(client, { startDate: '2027-01-04', endDate: '2027-03-31' });
    // Every answer is lost after G-Staff committed; the adapter's retry carries the same key.
    sandbox.setFaults({ rate: 1, seed: 5, kinds: ['timeout-after-commit'] });
    await settleBasicContractRetention(on('2027-04-01'));
    sandbox.setFaults(undefined);
    expect(heldInGStaff(client)).toBe('2030-03-31');
    expect(await moves(client)).toEqual([]);
    // The next run sends the same move with the same key: answered as before, recorded once.
    await settleBasicContractRetention(on('2027-04-01'));
    expect(await moves(client)).toEqual(['OPEN → 2030-03-31']);
    expect(heldInGStaff(client)).toBe('2030-03-31');
  }, 60_000);
});
