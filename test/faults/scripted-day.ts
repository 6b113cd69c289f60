/**
 * The scripted day (test/fault-day.test.ts runs a short one in every CI run; `npm run test:faults`
 * a longer one): a day of work with every external system failing 20 % of the time, and every log line
 * of it read for personal data. Against DynamoDB Local, the local workflow engine running the
 * synthesized state machines, and the kintone, G-Staff and GMO Sign sandboxes over HTTP, each with
 * seeded fault injection (429, 5xx, connection resets, answers lost after the commit); the mail
 * transport refuses one send in five. The hosts' own code runs: the inquiry webhook, the GMO Sign
 * callback, the scheduled hub-job handler (deadlines, outboxes, kintone reconciliations), all logging through the real redacting logger.
 *
 * The day: website inquiries (one delivered twice, one forged, one stale), marketing routes them,
 * a phone inquiry, visits, credit pre-checks and contracts approved, envelopes sent and signed,
 * kintone read back. At the end: every outbox drained, nothing duplicated (one envelope per
 * contract, one kintone record per order, one e-mail per message, one G-Staff client per client),
 * the ledger equal to kintone, and no name, phone or e-mail of the day in any log line.
 * Requirements: X-1, X-3, X-4, X-5, A1-1, A1-3, A4-3, A5-1.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KintoneRestAPIClient } from '@kintone/rest-api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '../../core/applications/application.js';
import { approvalTaskIdOf } from '../../core/applications/approval-task.js';
import { decideApproval } from '../../core/applications/decide-approval.js';
import { submitContractExecution } from '../../core/applications/submit-contract-execution.js';
import { submitCreditPrecheck } from '../../core/applications/submit-credit-precheck.js';
import { IntegrationError } from '../../core/errors.js';
import { recordPhoneInquiry } from '../../core/inquiries/record-phone-inquiry.js';
import { routeInquiry } from '../../core/inquiries/route-inquiry.js';
import type { KintoneOutboxEntry } from '../../core/kintone/kintone-outbox.js';
import type { MailMessage } from '../../core/mail/mail-message.js';
import type { MailTransport } from '../../core/mail/mail-transport.js';
import { ensureCompletionWebhook } from '../../core/signing/completion-webhook.js';
import { confirmSignatureEnvelope, type SignatureEnvelope } from '../../core/signing/signature-outbox.js';
import type { HubJobDeps } from '../../core/sync/hub-jobs.js';
import { InMemoryDocumentStore } from '../../core/testing/in-memory-document-store.js';
import { makeHandler as makeGmoSignWebhook } from '../../functions/gmosign-webhook.handler.js';
import { makeHandler as makeHubJob } from '../../functions/hub-job.handler.js';
import { makeHandler as makeInquiryWebhook } from '../../functions/inquiry-webhook.handler.js';
import { signWebhook } from '../../functions/shared/webhook-signature.js';
import { type GmoSignSandbox, startGmoSignSandbox } from '../../integrations/gmosign/gmosign.sandbox.js';
import { createGmoSign, gmosignSettings } from '../../integrations/gmosign/gmosign-config.js';
import { type GStaffSandbox, startGStaffSandbox } from '../../integrations/gstaff/gstaff.sandbox.js';
import { createGStaff, gstaffSettings } from '../../integrations/gstaff/gstaff-config.js';
import { HUB_ID_FIELD, ordersApp, visitRecordsApp } from '../../integrations/kintone/app-definitions.js';
import { type KintoneSandbox, startKintoneSandbox } from '../../integrations/kintone/kintone.sandbox.js';
import { seededRandom } from '../../integrations/shared/sandbox-kit.js';
import type { LocalWorkflowEngine } from '../../integrations/stepfunctions/local-workflow-engine.js';
import {
  admin,
  directory,
  hubDeps,
  legal,
  managerTokyo,
  marketing,
  phoneInquiry,
  salesTokyo,
  seedDirectory,
  staffMember,
  webForm,
} from '../support/builders.js';
import { type CapturedLog, captureLog } from '../support/captured-log.js';
import { sandboxKintoneApps } from '../support/kintone.js';
import { createTestLedger, type TestLedger } from '../support/ledger.js';
import { personalDataIn } from '../support/log-lines.js';
import { moreTokyoReps, visitedClient } from '../support/visits.js';
import { localEngine, precheck, testDefinitions } from '../support/workflows.js';

const FAULT_RATE = 0.2;
const SEED = Number(process.env.FAULT_SEED ?? 20261202);
const WEBHOOK_SECRET = 'scripted-day-webhook-secret';
const CALLBACK_SECRET = 'scripted-day-callback-secret';

let t: TestLedger;
let log: CapturedLog;
let kintone: KintoneSandbox;
let gstaffSandbox: GStaffSandbox;
let gmo: GmoSignSandbox;
let engine: LocalWorkflowEngine | undefined;
/** Where the GMO Sign sandbox calls back (the hub's callback URL), handed to the callback handler. */
let receiver: Server;
let onCallback: ((body: string) => Promise<{ statusCode?: number }>) | undefined;

/** Every personal value the day hands to the hub: none may reach a log line. */
const personal: string[] = [];
/** The mail transport: refuses one send in five before sending; counts what it sent per message. */
const delivered = new Map<string, number>();
const mailRandom = seededRandom(SEED + 7);
const faultyMail: MailTransport = {
  async deliver(message: MailMessage) {
    if (mailRandom() < FAULT_RATE)
      throw new IntegrationError({
        system: 'mail',
        operation: 'send',
        retryable: true,
        status: 429,
        message: 'injected: throttled',
      });
    delivered.set(message.messageId, (delivered.get(message.messageId) ?? 0) + 1);
    return { providerMessageId: `sent-${message.messageId}` };
  },
};

function wire() {
  const hub = hubDeps(t.ledger, '2026-12-01T01:00:00Z');
  const logger = log.logger('scripted-day');
  const fast = { RETRY_BASE_MS: '1', RETRY_MAX_MS: '20', RETRY_MAX_ATTEMPTS: '6', TIMEOUT_MS: '2000' };
  const prefixed = (prefix: string) =>
    Object.fromEntries(Object.entries(fast).map(([k, v]) => [`${prefix}_${k}`, v]));
  const gstaff = createGStaff(gstaffSettings(prefixed('GSTAFF')), {
    baseUrl: gstaffSandbox.url,
    apiKey: gstaffSandbox.apiKey,
  });
  const signatures = createGmoSign(gmosignSettings(prefixed('GMOSIGN')), {
    baseUrl: gmo.apiUrl,
    customerId: gmo.customerId,
    secretKey: gmo.secretKey,
  });
  const documents = new InMemoryDocumentStore();
  const apps = sandboxKintoneApps(kintone, { clock: hub.clock, maxAttempts: 3 });
  engine = localEngine({ ...hub, documents, gstaff, signatures }, 600, 2);
  const d = { ...hub, documents, gstaff, signatures, workflows: engine };
  // Outbox entries wait between attempts by the hub's clock: the day advances it between rounds.
  const outboxRetry = { maxAttempts: 10, baseDelayMs: 1000, maxDelayMs: 60_000 };
  const inquiryWebhook = makeInquiryWebhook({
    hub,
    secret: async () => WEBHOOK_SECRET,
    logger,
    replayWindowSeconds: 300,
    maxBodyBytes: 65_536,
  });
  const gmoWebhook = makeGmoSignWebhook({
    hub,
    signatures,
    documents,
    workflows: engine,
    secret: async () => CALLBACK_SECRET,
    logger,
  });
  onCallback = (body) =>
    gmoWebhook({ rawPath: `/webhooks/gmosign/${CALLBACK_SECRET}`, body, isBase64Encoded: false } as never);
  // Every scheduled job runs as on AWS: the hub-job handler EventBridge Scheduler invokes, with
  // the deadline job (and the re-start of unstarted workflows after it), the outboxes and the
  // kintone reconciliations.
  const jobs = makeHubJob({
    compose: async (): Promise<HubJobDeps> => ({
      ...hub,
      kintoneApps: { orders: apps.orders, visits: apps.visits },
      ordersApp: apps.orders,
      visitRecordsApp: apps.visits,
      outboxRetry,
      mailTransport: faultyMail,
      mailRetry: outboxRetry,
      signatures,
      signatureRetry: outboxRetry,
      documents,
      gstaff,
    }),
    workflows: () => engine as LocalWorkflowEngine,
    logger,
    overlapMs: 0,
    leaseMs: 60_000,
  });
  return { d, jobs, inquiryWebhook, gmoWebhook, logger };
}

type Day = ReturnType<typeof wire>;

/** The hub registers its callback URL with GMO Sign (as at every start), through the injected faults. */
async function registerCallback(day: Day) {
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/gmosign/${CALLBACK_SECRET}`;
  await waitFor(
    () =>
      ensureCompletionWebhook(day.d, url).then(
        () => true,
        () => false,
      ),
    'the completion callback registered with GMO Sign',
  );
}

function delivery(day: Day, body: string, options: { secret?: string; ageSeconds?: number } = {}) {
  const ts = Math.floor(day.d.clock.now().getTime() / 1000) - (options.ageSeconds ?? 0);
  return day.inquiryWebhook({
    rawPath: '/webhooks/inquiry',
    headers: {
      'x-signature-timestamp': String(ts),
      'x-signature': signWebhook(options.secret ?? WEBHOOK_SECRET, ts, body),
    },
    body,
    isBase64Encoded: false,
    requestContext: { http: { sourceIp: '203.0.113.9', method: 'POST' } },
  } as never);
}

/** Polls `check` until it holds, for at most two minutes (the workflow engine and its retries run on their own). */
async function waitFor<T>(check: () => Promise<T | undefined | false>, what: string): Promise<T> {
  for (let i = 0; i < 480; i += 1) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`never happened: ${what}; ${await whereItStands()}`);
}

/** What a wait that gave up found: each application's status and steps, each envelope's state. */
async function whereItStands(): Promise<string> {
  const applications = await Promise.all(
    [...new Set(contractsAndPrechecks)].map((id) => t.ledger.getApplication(id)),
  );
  return JSON.stringify({
    applications: applications.map((a) => ({
      id: a?.applicationId,
      status: a?.status,
      steps: a?.history.map((h) => h.kind),
    })),
    envelopes: (await allEnvelopes()).map((e) => ({
      name: e.envelopeName,
      state: e.state,
      wait: !!e.workflowWait,
    })),
  });
}
const contractsAndPrechecks: string[] = [];

const openTask = (applicationId: string, step: Parameters<typeof approvalTaskIdOf>[1]) =>
  waitFor(async () => {
    const found = await t.ledger.getApprovalTask(approvalTaskIdOf(applicationId, step, false));
    return found?.status === 'OPEN' ? found : undefined;
  }, `${step} task of ${applicationId}`);

async function approve(
  day: Day,
  applicationId: string,
  step: Parameters<typeof approvalTaskIdOf>[1],
  by = managerTokyo,
) {
  const task = await openTask(applicationId, step);
  await decideApproval(day.d, by, { taskId: task.taskId, decision: 'APPROVE' });
}

let invocations = 0;
/** The scheduled jobs' invocation: the deadline job and the outboxes, a minute of the day later (so every retry is due). */
async function outboxRound(day: Day) {
  day.d.clock.advance(60_000);
  invocations += 1;
  return day.jobs(
    { jobs: ['deadlines', 'kintone.outbox', 'mail.outbox', 'signature.outbox'] },
    { awsRequestId: `day-outbox-${invocations}`, getRemainingTimeInMillis: () => 600_000 },
  );
}

/** Envelopes whose send outcome is unknown: the admin looks in GMO Sign by name and says what is there. */
async function settleUnknownSends(day: Day) {
  for (const envelope of await allEnvelopes()) {
    if (envelope.state !== 'NEEDS_CONFIRMATION') continue;
    const there = [...gmo.envelopes.values()].find((e) => e.envelope_name === envelope.envelopeName);
    await confirmSignatureEnvelope(
      day.d,
      admin,
      there
        ? { envelopeName: envelope.envelopeName, outcome: 'SENT', envelopeId: there.envelope_xid }
        : { envelopeName: envelope.envelopeName, outcome: 'NOT_SENT' },
    );
  }
}

async function allEnvelopes(): Promise<SignatureEnvelope[]> {
  return (await t.ledger.listSignatureEnvelopes(500)).items;
}
async function allMail(): Promise<MailMessage[]> {
  return (await t.ledger.listMailMessages(500)).items;
}

/** The size of the day: website inquiries routed, and clients taken through to a signed contract. */
export interface DaySize {
  inquiries: number;
  contracts: number;
}

/** Registers the scripted day's suite (its sandboxes, its work and its checks) in the calling test file. */
export function scriptedDay(size: DaySize) {
  beforeAll(async () => {
    log = captureLog();
    t = await createTestLedger();
    await seedDirectory(t.ledger, [
      ...directory,
      ...moreTokyoReps,
      staffMember({ userId: 'director-1', role: 'DIRECTOR', department: 'EXECUTIVE' }),
      staffMember({ userId: 'legal-1', role: 'LEGAL', department: 'LEGAL' }),
    ]);
    testDefinitions(600, 2);
    kintone = await startKintoneSandbox({
      faults: {
        rate: FAULT_RATE,
        seed: SEED,
        kinds: ['429', '500', '503', 'GAIA_RE18', 'reset', 'timeout-after-commit'],
      },
    });
    gstaffSandbox = await startGStaffSandbox({
      faults: {
        rate: FAULT_RATE,
        seed: SEED + 1,
        kinds: ['429', '500', '503', 'reset', 'timeout-after-commit'],
      },
    });
    gmo = await startGmoSignSandbox({ callbackDelayMs: 0 });
    receiver = createServer(async (req, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      const answer = await onCallback?.(body).catch(() => ({ statusCode: 500 }));
      res.writeHead(answer?.statusCode ?? 503).end();
    });
    await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
    gmo.setFaults({
      rate: FAULT_RATE,
      seed: SEED + 2,
      kinds: ['429', '500', '503', 'reset', 'timeout-after-commit'],
    });
  }, 300_000);

  afterAll(async () => {
    engine?.stop();
    log?.stop();
    await Promise.all([kintone?.stop(), gstaffSandbox?.stop(), gmo?.stop()]);
    await new Promise((ok) => receiver?.close(ok));
  });

  describe(`a scripted day at 20 % injected faults (${size.inquiries} inquiries, ${size.contracts} contracts, FAULT_SEED=${SEED})`, () => {
    const clients: string[] = [];
    const contracts: Application[] = [];
    const routedInquiries: string[] = [];

    it('takes the day’s work', async () => {
      const day = wire();
      await registerCallback(day);

      // Website inquiries: each with a person's name, phone and e-mail; one delivered twice.
      for (let i = 1; i <= size.inquiries; i += 1) {
        const form = webForm({
          company: `株式会社障害日${i}`,
          contactName: `障害 太郎${i}`,
          phone: `03-5550-${1000 + i}`,
          email: `taro${i}@shogai${i}.example`,
          message: `担当の障害 太郎${i}です。電話 03-5550-${1000 + i} まで。`,
        });
        personal.push(String(form.contactName), String(form.phone), String(form.email));
        const body = JSON.stringify(form);
        const first = await delivery(day, body);
        expect(first.statusCode).toBe(201);
        if (i === 1) expect((await delivery(day, body)).statusCode).toBeLessThan(300); // the retry of the same delivery
        const inquiryId = JSON.parse(first.body as string).inquiryId as string;
        const routed = await routeInquiry(day.d, marketing, { inquiryId, department: 'SALES_TOKYO' });
        routedInquiries.push(inquiryId);
        clients.push(routed.clientId);
      }
      // A forged and a stale delivery carrying personal data: refused, logged without it.
      const forged = JSON.stringify(
        webForm({ contactName: '偽造 花子', email: 'forged@attacker.example', phone: '090-7777-1234' }),
      );
      personal.push('偽造 花子', 'forged@attacker.example', '090-7777-1234');
      expect((await delivery(day, forged, { secret: 'not-the-secret-at-all' })).statusCode).toBe(401);
      expect((await delivery(day, forged, { ageSeconds: 3600 })).statusCode).toBe(401);

      // A phone inquiry, and two clients taken through visit, credit pre-check and contract.
      const phone = phoneInquiry({
        company: '株式会社電話障害',
        contactName: '電話 次郎',
        phone: '06-5550-2222',
      });
      personal.push('電話 次郎', '06-5550-2222');
      clients.push((await recordPhoneInquiry(day.d, salesTokyo, phone)).clientId);

      for (let i = 1; i <= size.contracts; i += 1) {
        const contact = {
          company: `株式会社契約障害${i}`,
          phone: `03-5551-${2000 + i}`,
          email: `keiyaku${i}@keiyaku-shogai${i}.example`,
        };
        personal.push(contact.phone, contact.email);
        const clientId = await visitedClient(day.d, contact);
        clients.push(clientId);
        const credit = await submitCreditPrecheck(day.d, salesTokyo, {
          clientId,
          creditPrecheck: precheck(),
        });
        contractsAndPrechecks.push(credit.applicationId);
        await approve(day, credit.applicationId, 'MANAGER');
        await waitFor(async () => {
          const a = await t.ledger.getApplication(credit.applicationId);
          return a?.status === 'APPROVED' && a.history.some((h) => h.kind === 'GSTAFF_UPDATED');
        }, 'credit approved and told to G-Staff');
        const contract = await submitContractExecution(day.d, salesTokyo, { clientId, form: 'STANDARD' });
        contractsAndPrechecks.push(contract.applicationId);
        await approve(day, contract.applicationId, 'MANAGER');
        await approve(day, contract.applicationId, 'LEGAL_SEND', legal);
        contracts.push(contract);
      }

      // The outboxes run until the envelopes are out; unknown outcomes are settled by the admin.
      for (let round = 0; round < 40; round += 1) {
        await outboxRound(day);
        await settleUnknownSends(day);
        const names = contracts.map((c) => c.contractExecution?.envelopeName);
        const envelopes = (await allEnvelopes()).filter((e) => names.includes(e.envelopeName));
        if (envelopes.length === contracts.length && envelopes.every((e) => e.state === 'SENT')) break;
      }
      // The client's signer signs in GMO Sign; GMO Sign calls the hub back (its body as GMO Sign
      // sends it), and the same callback comes a second time, as webhooks may.
      for (const contract of contracts) {
        const envelope = await t.ledger.getSignatureEnvelope(
          contract.contractExecution?.envelopeName as string,
        );
        expect(envelope?.state).toBe('SENT');
        gmo.sign(envelope?.envelopeId as string);
        const callback = await waitFor(
          async () =>
            gmo.callbacks.find(
              (c) => (c.body as { envelope_name?: string }).envelope_name === envelope?.envelopeName,
            ),
          `GMO Sign's callback for ${envelope?.envelopeName}`,
        );
        const again = await day.gmoWebhook({
          rawPath: `/webhooks/gmosign/${CALLBACK_SECRET}`,
          body: JSON.stringify(callback.body),
          isBase64Encoded: false,
        } as never);
        expect(again.statusCode).toBeLessThan(500);
      }
      for (const contract of contracts) {
        await waitFor(async () => {
          const a = await t.ledger.getApplication(contract.applicationId);
          return a?.status === 'APPROVED';
        }, `${contract.applicationId} signed and stored`);
      }

      // Everything left in the outboxes goes out; then kintone is read back into the ledger.
      for (let round = 0; round < 60; round += 1) {
        await outboxRound(day);
        if (!(await pendingWork()).length) break;
      }
      for (const app of ['orders', 'visits'] as const) {
        let outcome: unknown;
        for (let attempt = 0; attempt < 10; attempt += 1) {
          try {
            outcome = await day.jobs(
              { jobs: [`kintone.${app}`], full: true },
              { awsRequestId: `day-${app}-${attempt}`, getRemainingTimeInMillis: () => 600_000 },
            );
            break;
          } catch {
            day.d.clock.advance(61_000); // the failed run's lease ends; the next schedule tries again
          }
        }
        expect(outcome, `kintone ${app} read back`).toBeDefined();
      }
    }, 900_000);

    /** Outbox entries not finished: kintone writes, e-mails and envelopes still to go. */
    async function pendingWork(): Promise<string[]> {
      const kintoneEntries = (
        await Promise.all(clients.map((c) => t.ledger.listKintoneOutboxEntriesOfClient(c)))
      ).flat();
      return [
        ...kintoneEntries
          .filter((e) => e.state !== 'DONE' && e.state !== 'SUPERSEDED')
          .map((e) => `kintone ${e.hubId} ${e.state} ${e.lastError ?? ''}`),
        ...(await allMail()).filter((m) => m.state !== 'SENT').map((m) => `mail ${m.messageId} ${m.state}`),
        ...(await allEnvelopes())
          .filter((e) => e.state !== 'SENT' && e.state !== 'COMPLETED')
          .map((e) => `envelope ${e.envelopeName} ${e.state}`),
      ];
    }

    it('ends with every outbox drained', async () => {
      expect(await pendingWork()).toEqual([]);
    });

    it('sent one envelope per contract, and each contract is signed and stored once in G-Staff', async () => {
      const names = contracts.map((c) => c.contractExecution?.envelopeName as string);
      const inSandbox = [...gmo.envelopes.values()]
        .map((e) => e.envelope_name)
        .filter((n) => names.includes(n));
      expect(inSandbox.sort()).toEqual([...names].sort());
      for (const contract of contracts) {
        const stored = [...gstaffSandbox.contracts.values()].filter((c) =>
          JSON.stringify(c).includes(contract.applicationId),
        );
        expect(stored.length, `${contract.applicationId} stored in G-Staff`).toBeLessThanOrEqual(1);
        expect((await t.ledger.getClient(contract.clientId))?.stage).toBe('TRADING');
      }
    });

    it('registered each client once in G-Staff', async () => {
      const names = [...gstaffSandbox.clients.values()].map((c) => c.kokyakuName);
      const duplicated = names.filter((n, i) => names.indexOf(n) !== i);
      expect(duplicated).toEqual([]);
    });

    it('wrote one kintone record per order and visit, equal to the ledger', async () => {
      const entries: KintoneOutboxEntry[] = (
        await Promise.all(clients.map((c) => t.ledger.listKintoneOutboxEntriesOfClient(c)))
      ).flat();
      // An order per routed inquiry and for the phone inquiry; an order and a visit per contracted client.
      expect(entries.length).toBeGreaterThanOrEqual(routedInquiries.length + 1 + 2 * size.contracts);
      kintone.setFaults(undefined); // the check reads kintone as it is, not through the faults
      const reader = (app: string) =>
        new KintoneRestAPIClient({ baseUrl: kintone.url, auth: { apiToken: kintone.tokens[app] as string } });
      const records = (
        await Promise.all(
          [ordersApp.sandboxAppId, visitRecordsApp.sandboxAppId].map((app) =>
            reader(app).record.getAllRecords({ app }),
          ),
        )
      ).flat() as Record<string, { value: unknown }>[];
      const hubIds = records.map((r) => String(r[HUB_ID_FIELD]?.value));
      expect(hubIds.filter((id, i) => hubIds.indexOf(id) !== i)).toEqual([]);
      for (const entry of entries.filter((e) => e.state === 'DONE')) {
        const record = records.find((r) => r[HUB_ID_FIELD]?.value === entry.hubId);
        expect(record, `kintone record of ${entry.hubId}`).toBeDefined();
        if (entry.app === 'orders') {
          // The ledger is the truth for what the hub owns: the client's name and department, the inquiry.
          const client = await t.ledger.getClient(entry.order.clientId);
          expect({
            client: record?.client_name?.value,
            department: record?.department?.value,
            inquiry: record?.inquiry_id?.value,
          }).toEqual({
            client: client?.name,
            department: client?.department,
            inquiry: entry.order.inquiryId ?? '',
          });
        }
      }
      // Read back by the sync, kintone disagrees with the ledger nowhere.
      expect(await t.ledger.listSyncConflicts('OPEN', 100)).toEqual([]);
    });

    it('sent each e-mail exactly once', async () => {
      const mail = await allMail();
      expect(mail.length).toBeGreaterThan(0);
      for (const message of mail)
        expect({ id: message.messageId, sent: delivered.get(message.messageId) }).toEqual({
          id: message.messageId,
          sent: 1,
        });
    });

    it('logged the day without a name, phone number or e-mail address in any line', () => {
      const lines = log.lines.flatMap((chunk) => chunk.split('\n')).filter((l) => l.startsWith('{"level"'));
      // None of the day's personal values, and no e-mail address or phone number, is in any line …
      expect(personal.length).toBeGreaterThan(10);
      expect(personalDataIn(log.lines, personal)).toEqual([]);
      // … of a day that was logged: the rejections with their reason codes, the outbox runs, the callbacks.
      const messages = [...new Set(lines.map((l) => JSON.parse(l).message as string))];
      expect(messages).toEqual(
        expect.arrayContaining(['inquiry webhook rejected', 'GMO Sign callback handled']),
      );
      expect(messages).toContain('scheduled job ran');
      expect(lines.filter((l) => /"reason":"(BAD_SIGNATURE|STALE)"/.test(l))).toHaveLength(2);
    });
  });
}
