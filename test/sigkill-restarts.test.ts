/**
 * The local host killed with SIGKILL at random points of each workflow — the credit pre-check
 * (06_1), the contract execution (06_2), the order approval and an individual contract — and
 * started again on the same data folder. The host is `startLocalHub` (what `npm start` runs) in a
 * process of its own; the ledger is in a DynamoDB Local that outlives it, as DynamoDB outlives a
 * Lambda, and kintone, G-Staff and GMO Sign are their sandboxes in this process (the vendors do
 * not go down with the hub; a GMO Sign callback sent while the hub is down is lost).
 *
 * The points are drawn from a seed (`KILL_SEED`, printed with every point): after one step of
 * each workflow chosen at random, after a random delay (0–1.5 s), the host is killed; with
 * `KILL_EVERY_STEP=1` (`npm run test:soak`) after every step. Never right after a signature
 * completes in GMO Sign: the callback lost with the host cannot be settled (no look-up in GMO
 * Sign's API; found, not fixed). One more credit pre-check is left
 * undecided and the host is killed during its approval wait and kept down past its deadline: the
 * next start escalates it at once, not a whole timeout later.
 *
 * At the end everything completed exactly once: each application decided, one envelope per
 * contract in GMO Sign, one kintone record per order and visit, one G-Staff registration per
 * client, one stored contract per signature, one share per individual contract; and no approval
 * task's deadline moved (its opening time is the one it had before the kills).
 * Requirements, A4-3, A4-6, A5-2, A6-3, A7-3.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KintoneRestAPIClient } from '@kintone/rest-api-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Actor } from '../core/access.js';
import type { ApprovalStep } from '../core/applications/application.js';
import { approvalTaskIdOf } from '../core/applications/approval-task.js';
import { freePort } from '../dev/dynamodb-local.js';
import { type GmoSignSandbox, startGmoSignSandbox } from '../integrations/gmosign/gmosign.sandbox.js';
import { type GStaffSandbox, startGStaffSandbox } from '../integrations/gstaff/gstaff.sandbox.js';
import { ordersApp, visitRecordsApp } from '../integrations/kintone/app-definitions.js';
import { type KintoneSandbox, startKintoneSandbox } from '../integrations/kintone/kintone.sandbox.js';
import { seededRandom } from '../integrations/shared/sandbox-kit.js';
import {
  director,
  directory,
  hubDeps,
  legal,
  managerTokyo,
  marketing,
  salesTokyo,
  seedDirectory,
  staffMember,
} from './support/builders.js';
import { readyIndividualContract } from './support/individual-contracts.js';
import { createTestLedger, type TestLedger } from './support/ledger.js';
import { moreTokyoReps, visitedClientRecords } from './support/visits.js';
import { precheck } from './support/workflows.js';

const SEED = Number(process.env.KILL_SEED ?? 20261202);
const EVERY_STEP = process.env.KILL_EVERY_STEP === '1';
/** How long an approver has (seconds) before the task goes to the directors. */
const APPROVAL_TIMEOUT = 20;
const CALLBACK_SECRET = 'sigkill-callback-secret';

let t: TestLedger;
let kintone: KintoneSandbox;
let gstaff: GStaffSandbox;
let gmo: GmoSignSandbox;
let dataDir: string;
let env: Record<string, string>;
let host: { process: ChildProcess; url: string } | undefined;
const random = seededRandom(SEED);
/** Every kill: where, and how long after the step. */
const points: { workflow: string; step: string; delayMs: number }[] = [];
/** The records the workflows work on. */
const ids = {
  client: '',
  inquiry: '',
  lateClient: '',
  credit: '',
  contract: '',
  order: '',
  individual: '',
  individualContractId: '',
  individualClient: '',
  late: '',
};
/** Each approval task's opening time as first seen: a restart must not move it. */
const openedAt = new Map<string, string>();

beforeAll(async () => {
  t = await createTestLedger();
  await seedDirectory(t.ledger, [
    ...directory,
    ...moreTokyoReps,
    staffMember({ userId: 'director-1', role: 'DIRECTOR', department: 'EXECUTIVE' }),
    staffMember({ userId: 'legal-1', role: 'LEGAL', department: 'LEGAL' }),
  ]);
  kintone = await startKintoneSandbox();
  gstaff = await startGStaffSandbox();
  gmo = await startGmoSignSandbox({ callbackDelayMs: 0 });
  dataDir = mkdtempSync(join(tmpdir(), 'hub-sigkill-'));
  const interval = (job: string) => `JOB_INTERVAL_SECONDS_${job}`;
  env = {
    ...(process.env as Record<string, string>),
    PORT: String(await freePort()),
    DATA_DIR: dataDir,
    DYNAMODB_ENDPOINT: inject('dynamoDbEndpoint'),
    LEDGER_TABLE_NAME: t.tableName,
    KINTONE_MODE: 'live',
    KINTONE_BASE_URL: kintone.url,
    KINTONE_ORDERS_APP_ID: ordersApp.sandboxAppId,
    KINTONE_ORDERS_API_TOKEN: kintone.tokens[ordersApp.sandboxAppId] as string,
    KINTONE_VISITS_APP_ID: visitRecordsApp.sandboxAppId,
    KINTONE_VISITS_API_TOKEN: kintone.tokens[visitRecordsApp.sandboxAppId] as string,
    GSTAFF_MODE: 'live',
    GSTAFF_BASE_URL: gstaff.url,
    GSTAFF_API_KEY: gstaff.apiKey,
    GMOSIGN_MODE: 'live',
    GMOSIGN_BASE_URL: gmo.apiUrl,
    GMOSIGN_CUSTOMER_ID: gmo.customerId,
    GMOSIGN_SECRET_KEY: gmo.secretKey,
    GMOSIGN_WEBHOOK_SECRET: CALLBACK_SECRET,
    APPROVAL_TIMEOUT_SECONDS: String(APPROVAL_TIMEOUT),
    SIGNATURE_POLL_SECONDS: '5',
    [interval('DEADLINES')]: '1',
    [interval('KINTONE_OUTBOX')]: '1',
    [interval('MAIL_OUTBOX')]: '1',
    [interval('SIGNATURE_OUTBOX')]: '1',
    [interval('KINTONE_ORDERS')]: '0',
    [interval('KINTONE_VISITS')]: '0',
    [interval('GSTAFF_MIRROR')]: '0',
    JOB_LEASE_SECONDS: '10',
    OUTBOX_BASE_DELAY_MS: '200',
    OUTBOX_MAX_DELAY_MS: '2000',
    POWERTOOLS_LOG_LEVEL: process.env.KILL_LOG ? 'INFO' : 'ERROR',
  };
  console.log(`SIGKILL suite: KILL_SEED=${SEED}${EVERY_STEP ? ' KILL_EVERY_STEP=1' : ''}`);
  // What the workflows start from, written before the host runs (its jobs would race the writes).
  const seeding = { ...hubDeps(t.ledger, '2026-12-01T01:00:00Z') };
  const visited = await visitedClientRecords(seeding, {
    company: '株式会社強制終了',
    phone: '03-6660-1001',
    email: 'soumu@kyousei.example',
  });
  ids.client = visited.clientId;
  ids.inquiry = visited.inquiryId;
  ids.lateClient = (
    await visitedClientRecords(seeding, {
      company: '株式会社期限切れ',
      phone: '03-6660-2002',
      email: 'soumu@kigengire.example',
    })
  ).clientId;
  const ready = await readyIndividualContract(t.ledger, { gstaffClientId: 'G-1001' });
  ids.individualContractId = ready.individualContractId;
  ids.individualClient = ready.clientId;
  await start();
}, 600_000);

afterAll(async () => {
  if (host) await kill();
  await Promise.all([kintone?.stop(), gstaff?.stop(), gmo?.stop()]);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the host on the data folder; resolves once it answers. */
async function start(): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/killable-host.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    err = (err + chunk.toString()).slice(-4000);
  });
  // KILL_LOG=<file> keeps every start's log lines, to read after a failure.
  if (process.env.KILL_LOG) {
    const log = process.env.KILL_LOG;
    appendFileSync(log, `\n=== start ${new Date().toISOString()}\n`);
    child.stdout?.on('data', (chunk: Buffer) => appendFileSync(log, chunk));
    child.stderr?.on('data', (chunk: Buffer) => appendFileSync(log, chunk));
  }
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    const timer = setTimeout(
      () => fail(new Error(`the host did not start in time: ${out.slice(-2000)} ${err}`)),
      420_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /READY (\S+)/.exec(out);
      if (ready) {
        clearTimeout(timer);
        ok(ready[1] as string);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the host exited with ${code}: ${err}`));
    });
  });
  child.removeAllListeners('exit');
  host = { process: child, url };
}

async function kill(): Promise<void> {
  const child = host?.process;
  host = undefined;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((ok) => child.once('exit', ok));
  child.kill('SIGKILL');
  await exited;
}

const tokens = new Map<string, string>();
async function graphql<T>(actor: Actor, query: string, variables: object): Promise<T> {
  const url = host?.url as string;
  let token = tokens.get(actor.userId);
  if (!token) {
    const issued = await fetch(`${url}/dev/token`, { method: 'POST', body: JSON.stringify(actor) });
    token = ((await issued.json()) as { token: string }).token;
    tokens.set(actor.userId, token);
  }
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`GraphQL: ${JSON.stringify(body)}`);
  return body.data;
}

/** Submits through GraphQL; the application's id (a refusal fails the test, naming it). */
async function submit(mutation: string, inputType: string, input: object): Promise<string> {
  const data = await graphql<Record<string, { __typename: string; id?: string; message?: string }>>(
    salesTokyo,
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { __typename ... on Application { id } ... on Error { message } } }`,
    { input },
  );
  const result = data[mutation];
  if (!result?.id) throw new Error(`${mutation} refused: ${JSON.stringify(result)}`);
  return result.id;
}

async function waitFor<T>(
  check: () => Promise<T | undefined | false>,
  what: string | (() => string),
  seconds = 180,
): Promise<T> {
  for (let i = 0; i < seconds * 4; i += 1) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const described = typeof what === 'function' ? what() : what;
  throw new Error(`never happened: ${described} (KILL_SEED=${SEED}, kills: ${JSON.stringify(points)})`);
}

/** The step's task once open (or its escalation, when a kill outlasted the deadline); its opening time is noted. */
async function openTask(applicationId: string, step: ApprovalStep) {
  const task = await waitFor(async () => {
    for (const escalated of [false, true]) {
      const found = await t.ledger.getApprovalTask(approvalTaskIdOf(applicationId, step, escalated));
      if (found?.status === 'OPEN') return found;
    }
    return undefined;
  }, `${step} task of ${applicationId} open`);
  if (!openedAt.has(task.taskId)) openedAt.set(task.taskId, task.openedAt);
  return task;
}

const POOL_ACTOR: Partial<Record<ApprovalStep, Actor>> = {
  MANAGER: managerTokyo,
  LEGAL_SEND: legal,
  MARKETING_SEND: marketing,
};

/**
 * The pool's member approves (a director, once the task was escalated to the directors). A task
 * escalated between being seen open and the decision is refused, naming the escalated task: that
 * one is decided instead.
 */
async function approve(applicationId: string, step: ApprovalStep): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    const task = await openTask(applicationId, step);
    const actor = task.taskId.endsWith('_ESC') ? director : (POOL_ACTOR[step] as Actor);
    const { decideApproval } = await graphql<{ decideApproval: { __typename: string; message?: string } }>(
      actor,
      'mutation($input: DecideApprovalInput!) { decideApproval(input: $input) { __typename ... on Error { message } } }',
      { input: { taskId: task.taskId, decision: 'APPROVE' } },
    );
    if (!decideApproval.message) return;
    if (attempt > 0 || !/escalated/.test(decideApproval.message))
      throw new Error(`decideApproval refused: ${JSON.stringify(decideApproval)}`);
  }
}

/** The envelope once GMO Sign has it (the outbox sent it). */
const envelopeInGmo = (envelopeName: string) =>
  waitFor(
    async () => [...gmo.envelopes.values()].find((e) => e.envelope_name === envelopeName),
    `${envelopeName} in GMO Sign`,
  );

/**
 * One workflow's steps; after one of them (each of them with KILL_EVERY_STEP) the host is killed.
 * Not after a signature completes in GMO Sign: its callback, lost with the host, is never
 * settled with GMO Sign's API (no look-up; README "Found and not fixed yet").
 */
async function run(workflow: string, steps: [string, () => Promise<unknown>, 'NO_KILL'?][]) {
  const killable = [...steps.keys()].filter((i) => steps[i]?.[2] !== 'NO_KILL');
  const chosen = killable[Math.floor(random() * killable.length)];
  for (const [index, [step, action, mark]] of steps.entries()) {
    await action();
    if (mark === 'NO_KILL' || (!EVERY_STEP && index !== chosen)) continue;
    const delayMs = Math.floor(random() * 1500);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    points.push({ workflow, step, delayMs });
    console.log(`SIGKILL after ${workflow} / ${step} + ${delayMs} ms (KILL_SEED=${SEED})`);
    await kill();
    await start();
  }
}

const application = (id: string) => t.ledger.getApplication(id);
const decided = (id: string) =>
  waitFor(async () => {
    const a = await application(id);
    return a && a.status !== 'SUBMITTED' ? a : undefined;
  }, `${id} decided`);

describe('the local host killed with SIGKILL at random points of each workflow', () => {
  it('takes each workflow to its end, killed and restarted on the way', async () => {
    await run('credit pre-check', [
      [
        'submitted',
        async () => {
          ids.credit = await submit('submitCreditPrecheck', 'SubmitCreditPrecheckInput', {
            clientId: ids.client,
            creditPrecheck: precheck(),
          });
        },
      ],
      ['manager approved', () => approve(ids.credit, 'MANAGER')],
    ]);
    let credit: Awaited<ReturnType<typeof application>>;
    await waitFor(
      async () => {
        credit = await application(ids.credit);
        return credit?.status === 'APPROVED' && credit.history.some((h) => h.kind === 'GSTAFF_UPDATED');
      },
      () =>
        `the credit pre-check approved and told to G-Staff (it is ${credit?.status}, history: ${credit?.history.map((h) => h.kind).join(', ')})`,
    );

    await run('contract execution', [
      [
        'submitted',
        async () => {
          ids.contract = await submit('submitContractExecution', 'SubmitContractExecutionInput', {
            clientId: ids.client,
            form: 'STANDARD',
          });
        },
      ],
      ['manager approved', () => approve(ids.contract, 'MANAGER')],
      ['legal sent', () => approve(ids.contract, 'LEGAL_SEND')],
      [
        'signed in GMO Sign',
        async () => {
          const name = (await application(ids.contract))?.contractExecution?.envelopeName as string;
          gmo.sign((await envelopeInGmo(name)).envelope_xid);
        },
        'NO_KILL',
      ],
    ]);

    await run('order approval', [
      [
        'registered',
        async () => {
          ids.order = await submit('registerOrder', 'RegisterOrderInput', { inquiryId: ids.inquiry });
        },
      ],
      ['supervisor approved', () => approve(ids.order, 'MANAGER')],
    ]);

    const individualEnvelope = `INDIVIDUAL-${ids.individualContractId}`;
    await run('individual contract', [
      [
        'submitted',
        async () => {
          ids.individual = await submit('submitIndividualContract', 'SubmitIndividualContractInput', {
            individualContractId: ids.individualContractId,
          });
        },
      ],
      ['marketing sent', () => approve(ids.individual, 'MARKETING_SEND')],
      [
        'the rep approved in GMO Sign',
        async () => gmo.act((await envelopeInGmo(individualEnvelope)).envelope_xid),
      ],
      [
        'the client signed',
        async () => gmo.act((await envelopeInGmo(individualEnvelope)).envelope_xid),
        'NO_KILL',
      ],
    ]);

    for (const id of [ids.contract, ids.order, ids.individual]) {
      expect({ id, status: (await decided(id)).status }).toEqual({ id, status: 'APPROVED' });
    }
  }, 900_000);

  it('keeps an approval deadline that ran out while the host was down: escalated at the next start', async () => {
    ids.late = await submit('submitCreditPrecheck', 'SubmitCreditPrecheckInput', {
      clientId: ids.lateClient,
      creditPrecheck: precheck(),
    });
    const task = await openTask(ids.late, 'MANAGER');
    expect(task.taskId.endsWith('_ESC')).toBe(false);
    const delayMs = Math.floor(random() * (APPROVAL_TIMEOUT * 500));
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    points.push({ workflow: 'credit pre-check (left undecided)', step: 'manager task open', delayMs });
    await kill();
    // Down until the deadline has passed.
    const due = Date.parse(task.openedAt) + APPROVAL_TIMEOUT * 1000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now()) + 1000));
    await start();
    const restartedAt = Date.now();
    const escalated = await waitFor(async () => {
      const found = await t.ledger.getApprovalTask(approvalTaskIdOf(ids.late, 'MANAGER', true));
      return found?.status === 'OPEN' ? found : undefined;
    }, 'the overdue task escalated');
    // At once, not a whole approval timeout after the start (which would have moved the deadline).
    expect(Date.parse(escalated.openedAt) - restartedAt).toBeLessThan((APPROVAL_TIMEOUT * 1000) / 2);
    expect((await t.ledger.getApprovalTask(task.taskId))?.status).toBe('ESCALATED');
    await approve(ids.late, 'MANAGER'); // the director decides the escalated task
    expect((await decided(ids.late)).status).toBe('APPROVED');
  }, 300_000);

  it('did everything exactly once and moved no deadline', async () => {
    // One envelope per contract in GMO Sign.
    const names = [...gmo.envelopes.values()].map((e) => e.envelope_name);
    const contractEnvelope = (await application(ids.contract))?.contractExecution?.envelopeName;
    expect(names.filter((n) => n === contractEnvelope)).toHaveLength(1);
    expect(names.filter((n) => n === `INDIVIDUAL-${ids.individualContractId}`)).toHaveLength(1);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    // One G-Staff registration per client, one stored contract per signature, one share.
    const clientNames = [...gstaff.clients.values()].map((c) => c.kokyakuName);
    expect(clientNames.filter((n, i) => clientNames.indexOf(n) !== i)).toEqual([]);
    expect(clientNames.filter((n) => n === '株式会社強制終了')).toHaveLength(1);
    const storedFor = (code: string | undefined) =>
      [...gstaff.contracts.entries()].filter(([, c]) => c.kokyakuCode === code).map(([id]) => id);
    const client = await t.ledger.getClient(ids.client);
    expect(storedFor(client?.gstaff?.gstaffClientId)).toEqual([
      (await application(ids.contract))?.contractExecution?.gstaffContractId,
    ]);
    expect(storedFor('G-1001')).toEqual([
      (await application(ids.individual))?.individualContract?.gstaffContractId,
    ]);
    expect(gstaff.shares.size).toBe(1);
    expect((await t.ledger.getClient(ids.client))?.stage).toBe('TRADING');
    // One kintone record per order and visit; the approved order is OPEN.
    let owed: unknown[] = [];
    await waitFor(
      async () => {
        const entries = [
          ...(await t.ledger.listKintoneOutboxEntriesOfClient(ids.client)),
          ...(await t.ledger.listKintoneOutboxEntriesOfClient(ids.individualClient)),
        ];
        owed = entries
          .filter((e) => e.state !== 'DONE' && e.state !== 'SUPERSEDED')
          .map((e) => ({
            id: e.entryId,
            app: e.app,
            state: e.state,
            attempts: e.attempts,
            error: e.lastError,
          }));
        return owed.length === 0;
      },
      () => `every kintone write delivered (still owed: ${JSON.stringify(owed)})`,
    );
    for (const app of [ordersApp.sandboxAppId, visitRecordsApp.sandboxAppId]) {
      const records = await new KintoneRestAPIClient({
        baseUrl: kintone.url,
        auth: { apiToken: kintone.tokens[app] as string },
      }).record.getAllRecords({ app });
      const hubIds = records.map((r) => String(r.hub_id?.value));
      expect(hubIds.filter((id, i) => hubIds.indexOf(id) !== i)).toEqual([]);
      if (app === ordersApp.sandboxAppId) {
        const order = records.find((r) => r.hub_id?.value === `ord_${ids.inquiry.replace(/^inq_/, '')}`);
        expect(order?.ステータス?.value).toBe('OPEN');
      }
    }
    // No approval task's opening time moved across the restarts.
    for (const [taskId, opened] of openedAt) {
      expect({ taskId, openedAt: (await t.ledger.getApprovalTask(taskId))?.openedAt }).toEqual({
        taskId,
        openedAt: opened,
      });
    }
    expect(points.length).toBeGreaterThanOrEqual(5);
    console.log(`SIGKILL suite: ${points.length} kills (KILL_SEED=${SEED}): ${JSON.stringify(points)}`);
  }, 300_000);
});
