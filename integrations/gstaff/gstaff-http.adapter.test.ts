/** The G-Staff adapter against its sandbox over HTTP (assumed REST contract). A1-5, X-3. */
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GStaffClientRecord } from '../../core/gstaff/gstaff.js';
import { type GStaffSandbox, startGStaffSandbox } from './gstaff.sandbox.js';
import { HttpGStaff } from './gstaff-http.adapter.js';

let sandbox: GStaffSandbox;
beforeAll(async () => {
  sandbox = await startGStaffSandbox();
});
afterAll(() => sandbox.stop());
afterEach(() => sandbox.setFaults(undefined));

const adapter = (overrides: { apiKey?: string; maxAttempts?: number } = {}) =>
  new HttpGStaff({
    baseUrl: sandbox.url,
    apiKey: overrides.apiKey ?? sandbox.apiKey,
    timeoutMs: 2000,
    retry: { maxAttempts: overrides.maxAttempts ?? 8, baseDelayMs: 1, maxDelayMs: 5 },
    pageSize: 2,
  });

async function all<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pages) items.push(...page);
  return items;
}

describe('G-Staff adapter', () => {
  it('reads the whole client register page by page, mapped to the hub’s words', async () => {
    const clients = await all(adapter().clientRegister());
    expect(clients.length).toBeGreaterThanOrEqual(4);
    const withTroubles = clients.find((c) => c.gstaffClientId === 'G-1002') as GStaffClientRecord;
    expect(withTroubles).toMatchObject({
      name: '有限会社テスト製作所',
      active: true,
      turnoverRate: 0.38,
      conflictDates: [{ establishment: '本社工場', conflictDate: '2027-01-15' }],
    });
    expect(withTroubles.pastTroubles).toHaveLength(2);
    expect(clients.find((c) => c.gstaffClientId === 'G-0871')?.active).toBe(false);
  });

  it('reads only what changed since a time', async () => {
    const changed = await all(adapter().clientRegister(new Date('2030-01-01T00:00:00Z')));
    expect(changed).toEqual([]);
  });

  it('reads the worker register: each worker with their assignments', async () => {
    const workers = await all(adapter().workerRegister());
    expect(workers.find((w) => w.workerId === 'S-003')).toMatchObject({
      name: '中村 健二',
      employmentTerm: 'INDEFINITE',
      birthDate: '1979-01-20',
    });
    expect(workers.find((w) => w.workerId === 'S-006')?.assignments).toEqual([]);
    const assignments = workers.flatMap((w) => w.assignments);
    expect(assignments.find((a) => a.assignmentId === 'H-2')).toMatchObject({
      workerId: 'S-002',
      establishment: '品川第一倉庫',
      organisationalUnit: '入荷課',
      startDate: '2023-12-01',
    });
  });

  it('registers a client once, even when answers are lost and retried under 20 % faults', async () => {
    const gstaff = adapter({ maxAttempts: 12 });
    sandbox.setFaults({ rate: 0.2, seed: 11, kinds: ['429', '500', '503', 'reset', 'timeout-after-commit'] });
    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        gstaff.registerClient({ hubClientId: `cli_reg_${i}`, name: `株式会社登録${i}` }),
      ),
    );
    const again = await gstaff.registerClient({ hubClientId: 'cli_reg_3', name: '株式会社登録3' });
    sandbox.setFaults(undefined);
    expect(again).toEqual(ids[3]);
    const registered = [...sandbox.clients.values()].filter((c) => c.kokyakuName.startsWith('株式会社登録'));
    expect(registered).toHaveLength(20);
  });

  it('reports a wrong key as a non-retryable IntegrationError, without retrying', async () => {
    const before = sandbox.requestCount();
    const error = await all(adapter({ apiKey: 'wrong' }).clientRegister()).catch((e: unknown) => e);
    expect(error).toMatchObject({
      system: 'gstaff',
      operation: 'clientRegister',
      retryable: false,
      status: 401,
    });
    expect(sandbox.requestCount() - before).toBe(1);
  });

  it('gives up on an outage after the configured attempts, as retryable', async () => {
    sandbox.setFaults({ rate: 1, seed: 2, kinds: ['503'] });
    const before = sandbox.requestCount();
    const error = await adapter({ maxAttempts: 3 })
      .registerClient({ hubClientId: 'cli_down', name: '株式会社停止中' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ system: 'gstaff', retryable: true, status: 503 });
    expect(sandbox.requestCount() - before).toBe(3);
  });

  it('stores an executed contract with its retention deadline and checksum, once', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% signed basic contract\n%%EOF\n');
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const contract = {
      hubContractId: 'bc_cli_1_1',
      gstaffClientId: 'G-1001',
      kind: 'BASIC' as const,
      fileName: '基本契約書.pdf',
      pdfBase64: pdf.toString('base64'),
      sha256,
      retentionUntil: 'OPEN' as const,
    };
    sandbox.setFaults({ rate: 0.3, seed: 5, kinds: ['timeout-after-commit', '503'] });
    const first = await adapter({ maxAttempts: 10 }).storeContract(contract);
    sandbox.setFaults(undefined);
    expect(await adapter().storeContract(contract)).toEqual(first);
    const stored = sandbox.contracts.get(first.gstaffContractId);
    expect(stored).toMatchObject({ kokyakuCode: 'G-1001', sha256, hozonKigen: null });
    expect([...sandbox.contracts.values()].filter((c) => c.sha256 === sha256)).toHaveLength(1);
  });

  it('refuses a contract whose file does not match its checksum', async () => {
    const error = await adapter()
      .storeContract({
        hubContractId: 'ic_bad',
        gstaffClientId: 'G-1001',
        kind: 'INDIVIDUAL',
        fileName: 'x.pdf',
        pdfBase64: Buffer.from('%PDF').toString('base64'),
        sha256: '0'.repeat(64),
        retentionUntil: '2030-03-31',
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      system: 'gstaff',
      operation: 'storeContract',
      retryable: false,
      status: 400,
      message: expect.stringContaining('CHECKSUM_MISMATCH'),
    });
  });

  it('shares an individual contract’s data once per contract, and gives back the contract G-Staff drew up from it', async () => {
    const share = {
      hubOrderId: 'ord_share_1',
      hubIndividualContractId: 'ic_share_1',
      gstaffClientId: 'G-1002',
      workerId: 'S-003',
      establishment: '本社工場',
      organisationalUnit: '検品課',
      startDate: '2027-01-04',
      endDate: '2027-03-31',
      items: { 業務内容: '製品の検品', 指揮命令者: '製造部 佐藤課長' },
    };
    const first = await adapter().shareIndividualContract(share);
    expect(await adapter().shareIndividualContract(share)).toEqual(first);
    expect(sandbox.shares.get(first.gstaffShareId)).toMatchObject({
      juchuuNo: 'ord_share_1',
      staff_code: 'S-003',
      koumoku: share.items,
    });
    // The next period of the same order (a renewal) is a share of its own.
    const renewal = await adapter().shareIndividualContract({
      ...share,
      hubIndividualContractId: 'ic_share_2',
      startDate: '2027-04-01',
      endDate: '2027-06-30',
    });
    expect(renewal.gstaffShareId).not.toBe(first.gstaffShareId);
    const document = await adapter().individualContractDocument(first.gstaffShareId);
    expect(document.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(document.pdf.toString('utf8')).toContain('業務内容: 製品の検品');
    expect(document.sha256).toBe(createHash('sha256').update(document.pdf).digest('hex'));
  });

  it('refuses a share that names no worker', async () => {
    const error = await adapter()
      .shareIndividualContract({
        hubOrderId: 'ord_share_bad',
        hubIndividualContractId: 'ic_share_bad',
        gstaffClientId: 'G-1002',
        workerId: '',
        establishment: '本社工場',
        organisationalUnit: '検品課',
        startDate: '2027-01-04',
        endDate: '2027-03-31',
        items: {},
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 400,
      retryable: false,
      message: expect.stringContaining('VALIDATION'),
    });
  });

  it('moves a stored contract’s retention deadline, and refuses a malformed one', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% signed individual contract\n%%EOF\n');
    const { gstaffContractId } = await adapter().storeContract({
      hubContractId: 'ic_retention_1',
      gstaffClientId: 'G-1001',
      kind: 'INDIVIDUAL',
      fileName: '個別契約書.pdf',
      pdfBase64: pdf.toString('base64'),
      sha256: createHash('sha256').update(pdf).digest('hex'),
      retentionUntil: '2030-03-31',
    });
    const move = { gstaffContractId, retentionUntil: '2030-06-30', idempotencyKey: 'ic_retention_1:1' };
    await adapter().updateContractRetention(move);
    expect(sandbox.contracts.get(gstaffContractId)?.hozonKigen).toBe('2030-06-30');
    await adapter().updateContractRetention({
      ...move,
      retentionUntil: 'OPEN',
      idempotencyKey: 'ic_retention_1:2',
    });
    expect(sandbox.contracts.get(gstaffContractId)?.hozonKigen).toBeNull();
    // A late retry of the first move answers as before and does not undo the second.
    await adapter().updateContractRetention(move);
    expect(sandbox.contracts.get(gstaffContractId)?.hozonKigen).toBeNull();
    const unknown = await adapter()
      .updateContractRetention({
        gstaffContractId: 'K-404',
        retentionUntil: '2030-06-30',
        idempotencyKey: 'k-404',
      })
      .catch((e: unknown) => e);
    expect(unknown).toMatchObject({ status: 404 });
    const malformed = await adapter()
      .updateContractRetention({ gstaffContractId, retentionUntil: '2030/06/30', idempotencyKey: 'bad' })
      .catch((e: unknown) => e);
    expect(malformed).toMatchObject({ status: 400, retryable: false });
    // Like every write of a contract, a move needs its Idempotency-Key.
    const keyless = await fetch(`${sandbox.url}/api/v1/contracts/${gstaffContractId}/retention`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ hozonKigen: null }),
    });
    expect(keyless.status).toBe(400);
  });
});
