/**
 * The local host: DynamoDB Local, the ledger table, the seeded directory, dev sign-in, the
 * webhook and GraphQL with GraphiQL, all on one port. The same use cases and handlers as on AWS.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Logger } from '@aws-lambda-powertools/logger';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { releaseSignatureWait } from '../core/applications/contract-steps.js';
import { redriveInFlightApplications } from '../core/applications/redrive.js';
import { runWorkflowTask, workflowErrorName } from '../core/applications/workflow-tasks.js';
import { DomainError } from '../core/errors.js';
import type { HubDeps } from '../core/hub.js';
import { randomIds } from '../core/ids.js';
import { policyFromEnv } from '../core/policy-config.js';
import { ensureCompletionWebhook } from '../core/signing/completion-webhook.js';
import { confirmSignatureEnvelope, requestSignature } from '../core/signing/signature-outbox.js';
import { type HubJobDeps, runHubJob } from '../core/sync/hub-jobs.js';
import type { KintoneSyncDeps } from '../core/sync/reconcile-kintone.js';
import { SYNC_JOBS, type SyncedKintoneApp, type SyncJobName } from '../core/sync/sync-model.js';
import { makeHandler as makeGmoSignWebhook } from '../functions/gmosign-webhook.handler.js';
import { makeHandler as makeInquiryWebhook } from '../functions/inquiry-webhook.handler.js';
import { makeHandler as makeKintoneWebhook } from '../functions/kintone-webhook.handler.js';
import { createJwtVerifier } from '../functions/shared/jwt-verifier.js';
import { MAX_REQUEST_BYTES, requestTooLargeBody } from '../graphql/guards.js';
import { createYogaApp } from '../graphql/yoga.js';
import { LocalDocumentStore } from '../integrations/documents/local-document.store.js';
import { createDocumentClient } from '../integrations/dynamodb/dynamodb-client.js';
import { DynamoDbClientLedger } from '../integrations/dynamodb/dynamodb-client-ledger.adapter.js';
import { ensureLedgerTable } from '../integrations/dynamodb/ensure-table.js';
import { type GmoSignSandbox, startGmoSignSandbox } from '../integrations/gmosign/gmosign.sandbox.js';
import { createGmoSign, gmosignSettings } from '../integrations/gmosign/gmosign-config.js';
import { type GStaffSandbox, startGStaffSandbox } from '../integrations/gstaff/gstaff.sandbox.js';
import { createGStaff, gstaffSettings } from '../integrations/gstaff/gstaff-config.js';
import {
  ordersApp as ordersDefinition,
  visitRecordsApp as visitsDefinition,
} from '../integrations/kintone/app-definitions.js';
import { type KintoneSandbox, startKintoneSandbox } from '../integrations/kintone/kintone.sandbox.js';
import {
  createKintoneApps,
  type KintoneTarget,
  kintoneSettings,
  liveTarget,
} from '../integrations/kintone/kintone-config.js';
import { localMailTransport } from '../integrations/mail/local-mail.transport.js';
import { sendJson } from '../integrations/shared/sandbox-kit.js';
import { LocalWorkflowEngine } from '../integrations/stepfunctions/local-workflow-engine.js';
import { systemClock } from '../integrations/system-clock.js';
import { directoryListing, serveConsole } from './console-routes.js';
import { createDevAuth, DEV_AUDIENCE, DEV_ISSUER } from './dev-auth.js';
import { handleDocumentRequest } from './dev-documents-route.js';
import { mailListPage, mailMessagePage } from './dev-mail-page.js';
import { envelopesPage, testEnvelopeName } from './dev-signing-page.js';
import { assertPortFree, type DynamoDbLocal, startDynamoDbLocal } from './dynamodb-local.js';
import {
  type BodyLimit,
  fromLoopback,
  readBody,
  refuseOversizedBeforeContinue,
  sendResult,
  toApiGatewayEvent,
} from './http-event.js';
import { assertFetchablePort, type LocalConfig } from './local-config.js';
import { intervalVariable, localJobSettings } from './local-jobs.js';
import { seedDirectory } from './seed-directory.js';
import { lookUpSentEnvelopes } from './signatures-after-restart.js';
import { cachedWorkflowDefinitions } from './workflow-definitions-cache.js';

export interface LocalHub {
  url: string;
  components: { name: string; url: string }[];
  hub: HubDeps;
  stop(): Promise<void>;
}

function sendHtml(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
}

export async function startLocalHub(
  config: LocalConfig,
  logger: Logger,
  env: Record<string, string | undefined>,
): Promise<LocalHub> {
  await assertPortFree(config.PORT, 'the hub (set PORT to use another)');
  const kintone = kintoneSettings(env);
  const gstaffConfig = gstaffSettings(env);
  const gmosignConfig = gmosignSettings(env);
  // A sandbox on a port Node's fetch refuses would start and then fail every call: refused now.
  assertFetchablePort(kintone.KINTONE_SANDBOX_PORT, 'KINTONE_SANDBOX_PORT');
  assertFetchablePort(gstaffConfig.GSTAFF_SANDBOX_PORT, 'GSTAFF_SANDBOX_PORT');
  assertFetchablePort(gmosignConfig.GMOSIGN_SANDBOX_PORT, 'GMOSIGN_SANDBOX_PORT');
  let dynamo: DynamoDbLocal | undefined;
  let kintoneSandbox: KintoneSandbox | undefined;
  let gstaffSandbox: GStaffSandbox | undefined;
  let gmosignSandbox: GmoSignSandbox | undefined;
  const jobTimers: NodeJS.Timeout[] = [];
  const jobs = localJobSettings(env);
  let workflows: LocalWorkflowEngine | undefined;
  // Reached through loopback unless the host was given (HOST=0.0.0.0 still answers on 127.0.0.1).
  const reachableAt = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
  const base = `http://${reachableAt.includes(':') ? `[${reachableAt}]` : reachableAt}:${config.PORT}`;
  try {
    if (!config.DYNAMODB_ENDPOINT)
      dynamo = await startDynamoDbLocal({
        port: config.DYNAMODB_PORT,
        host: config.DYNAMODB_HOST,
        dataDir: join(config.dataDir, 'dynamodb'),
        pidFile: join(config.dataDir, 'dynamodb.pid'),
      });
    const endpoint = config.DYNAMODB_ENDPOINT ?? (dynamo as DynamoDbLocal).endpoint;
    const db = createDocumentClient({ region: 'local', endpoint });
    await ensureLedgerTable(db, config.LEDGER_TABLE_NAME);
    const hub: HubDeps = {
      ledger: new DynamoDbClientLedger(db, { tableName: config.LEDGER_TABLE_NAME }),
      clock: systemClock,
      ids: randomIds,
      policy: policyFromEnv(env),
    };
    const seeded = await seedDirectory(hub);

    // kintone: the sandbox (default) or a real tenant, by configuration only.
    let target: KintoneTarget;
    if (kintone.KINTONE_MODE === 'sandbox') {
      if (kintone.KINTONE_SANDBOX_PORT !== 0)
        await assertPortFree(kintone.KINTONE_SANDBOX_PORT, 'the kintone sandbox');
      kintoneSandbox = await startKintoneSandbox({
        port: kintone.KINTONE_SANDBOX_PORT,
        dataFile: join(config.dataDir, 'kintone.json'),
        // kintone calls the hub back on single-record changes, as a real app's webhook setting would.
        webhookUrl: `${base}/webhooks/kintone/${jobs.kintoneWebhookSecret}`,
      });
      const tokens = kintoneSandbox.tokens;
      target = {
        baseUrl: kintoneSandbox.url,
        orders: {
          appId: ordersDefinition.sandboxAppId,
          apiToken: tokens[ordersDefinition.sandboxAppId] as string,
        },
        visits: {
          appId: visitsDefinition.sandboxAppId,
          apiToken: tokens[visitsDefinition.sandboxAppId] as string,
        },
      };
    } else {
      target = liveTarget(kintone);
    }
    // G-Staff: the sandbox (default) or the real back office; the mirror is refreshed now and on a timer.
    let gstaffTarget: { baseUrl: string; apiKey: string };
    if (gstaffConfig.GSTAFF_MODE === 'sandbox') {
      if (gstaffConfig.GSTAFF_SANDBOX_PORT !== 0)
        await assertPortFree(gstaffConfig.GSTAFF_SANDBOX_PORT, 'the G-Staff sandbox');
      gstaffSandbox = await startGStaffSandbox({
        port: gstaffConfig.GSTAFF_SANDBOX_PORT,
        stateFile: join(config.dataDir, 'gstaff-sandbox.json'),
      });
      gstaffTarget = { baseUrl: gstaffSandbox.url, apiKey: gstaffSandbox.apiKey };
    } else {
      gstaffTarget = {
        baseUrl: gstaffConfig.GSTAFF_BASE_URL as string,
        apiKey: gstaffConfig.GSTAFF_API_KEY as string,
      };
    }
    const gstaff = createGStaff(gstaffConfig, gstaffTarget);

    const documents = new LocalDocumentStore(join(config.dataDir, 'documents'), {
      baseUrl: base,
      secret: randomBytes(32).toString('base64url'),
    });

    // GMO Sign: the sandbox (default) or the real service.
    let gmosignTarget: { baseUrl: string; customerId: string; secretKey: string };
    if (gmosignConfig.GMOSIGN_MODE === 'sandbox') {
      if (gmosignConfig.GMOSIGN_SANDBOX_PORT !== 0)
        await assertPortFree(gmosignConfig.GMOSIGN_SANDBOX_PORT, 'the GMO Sign sandbox');
      gmosignSandbox = await startGmoSignSandbox({
        port: gmosignConfig.GMOSIGN_SANDBOX_PORT,
        callbackDelayMs: gmosignConfig.GMOSIGN_CALLBACK_DELAY_MS,
        stateFile: join(config.dataDir, 'gmosign.json'),
      });
      gmosignTarget = {
        baseUrl: gmosignSandbox.apiUrl,
        customerId: gmosignSandbox.customerId,
        secretKey: gmosignSandbox.secretKey,
      };
    } else {
      gmosignTarget = {
        baseUrl: gmosignConfig.GMOSIGN_BASE_URL,
        customerId: gmosignConfig.GMOSIGN_CUSTOMER_ID as string,
        secretKey: gmosignConfig.GMOSIGN_SECRET_KEY as string,
      };
    }
    const signatures = createGmoSign(gmosignConfig, gmosignTarget);

    const kintoneApps = createKintoneApps(kintone, target, hub.clock, (message, details) =>
      logger.warn(message, details),
    );
    const kintoneSync = {
      ...hub,
      kintoneApps: { orders: kintoneApps.ordersApp, visits: kintoneApps.visitRecordsApp },
      kintoneAppIds: { orders: target.orders.appId, visits: target.visits.appId },
    } as KintoneSyncDeps & { kintoneAppIds: Record<SyncedKintoneApp, string> };
    const jobDeps: HubJobDeps = {
      ...kintoneSync,
      ...kintoneApps,
      mailTransport: localMailTransport,
      mailRetry: kintoneApps.outboxRetry,
      signatures,
      signatureRetry: kintoneApps.outboxRetry,
      documents,
      gstaff,
    };
    // Every job of the hub on its own interval, the same code and lease as on AWS; one run of a
    // job at a time here, and the lease keeps the CLI (or a second host) from running it too.
    const running = new Set<SyncJobName>();
    const runLocalJob = async (job: SyncJobName) => {
      if (running.has(job)) return;
      running.add(job);
      try {
        const outcome = await runHubJob(jobDeps, job, {
          holder: `local-hub:${config.dataDir}`,
          leaseMs: jobs.leaseMs,
          overlapMs: jobs.overlapMs,
          trigger: 'SCHEDULE',
        });
        if ('runId' in outcome && Object.values(outcome.counts).some(Boolean))
          logger.info('job ran', { job, runId: outcome.runId, mode: outcome.mode, ...outcome.counts });
      } catch (error) {
        // The next interval tries again; the run's record keeps the error code.
        logger.error('job failed', { job, error: error as Error });
      } finally {
        running.delete(job);
      }
    };
    const intervals = {
      ...jobs.intervals,
      ...(env[intervalVariable('gstaff.mirror')] === undefined
        ? { 'gstaff.mirror': gstaffConfig.GSTAFF_MIRROR_REFRESH_MS }
        : {}),
    };
    await runLocalJob('gstaff.mirror');
    for (const job of SYNC_JOBS) {
      const every = intervals[job];
      if (every > 0) jobTimers.push(setInterval(() => void runLocalJob(job), every));
    }

    const devAuth = await createDevAuth({ keyFile: join(config.dataDir, 'dev-jwt-key.json') });
    const verify = createJwtVerifier({
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      jwksUrl: `${base}/dev/jwks.json`,
    });
    // The approval workflows: the state machines `cdk synth` produces, run by the local engine with
    // the same task function as on AWS; what was in flight when the hub stopped is re-run.
    // Synthesized only when infra/ (or the options) changed since the last start: see the cache.
    const { definitions } = await cachedWorkflowDefinitions(join(config.dataDir, 'cache'), {
      approvalTimeoutSeconds: config.APPROVAL_TIMEOUT_SECONDS,
      signaturePollSeconds: config.SIGNATURE_POLL_SECONDS,
    });
    workflows = new LocalWorkflowEngine({
      definitions,
      runTask: (event) => runWorkflowTask({ ...hub, documents, gstaff, signatures }, event),
      errorName: workflowErrorName,
      now: () => hub.clock.now(),
      onExecutionEnd: (name, outcome) => {
        if (outcome.status === 'FAILED')
          logger.error('workflow execution failed', { execution: name, error: outcome.error });
        else if (outcome.status === 'STOPPED')
          logger.info('workflow execution stopped (re-run at the next start)', { execution: name });
        else logger.info('workflow execution finished', { execution: name });
      },
    });
    // Signatures completed while the hub was down: looked up before the workflows wait for them again.
    const looked = await lookUpSentEnvelopes({ ...hub, signatures, documents, workflows });
    if (looked.looked)
      logger.info('envelopes still SENT looked up after the start', {
        looked: looked.looked,
        settled: looked.settled.length,
        failed: looked.failed,
      });
    const redriven = await redriveInFlightApplications({ ...hub, workflows });
    if (redriven.length) logger.info('workflows re-run after a restart', { executions: redriven.length });
    const yoga = createYogaApp<{ req: IncomingMessage; res: ServerResponse }>({
      // As on AWS, the API has no kintone connection: a resolved conflict's value goes out through the outbox.
      // GMO Sign is at hand here, so an admin's confirmation that an envelope completed fetches its PDF at once.
      deps: { ...hub, documents, workflows, signatures },
      graphiql: true,
      renderGraphiQL,
      // GraphiQL reads the schema once a token is set in its headers; nobody reads it without one.
      introspection: 'SIGNED_IN',
      claims: (request) => verify(request.headers.get('authorization')),
      onUnexpectedError: (error) => logger.error('graphql request failed', { error: error as Error }),
    });
    const gmosignWebhook = makeGmoSignWebhook({
      hub,
      signatures,
      documents,
      workflows,
      secret: async () => gmosignConfig.GMOSIGN_WEBHOOK_SECRET,
      logger,
    });
    const kintoneWebhook = makeKintoneWebhook({
      sync: kintoneSync,
      secret: async () => jobs.kintoneWebhookSecret,
      logger,
    });
    const inquiryWebhook = makeInquiryWebhook({
      hub,
      secret: async () => config.INQUIRY_WEBHOOK_SECRET,
      logger,
      replayWindowSeconds: config.WEBHOOK_REPLAY_WINDOW_SECONDS,
      maxBodyBytes: config.WEBHOOK_MAX_BODY_BYTES,
    });

    // Each route's body limit: read up to it, and refused before an `Expect: 100-continue` body is sent.
    const bodyLimitOf = (path: string): BodyLimit | undefined => {
      if (path === '/graphql') return { maxBytes: MAX_REQUEST_BYTES, body: requestTooLargeBody() };
      if (path === '/webhooks/inquiry') return { maxBytes: config.WEBHOOK_MAX_BODY_BYTES };
      if (path.startsWith('/webhooks/kintone/')) return { maxBytes: 262_144 };
      if (path.startsWith('/webhooks/gmosign/')) return { maxBytes: 65_536 };
      if (path === '/dev/token' || path === '/dev/gmosign/confirm') return { maxBytes: 4096 };
      return undefined;
    };
    const maxBytesOf = (path: string) => bodyLimitOf(path)?.maxBytes ?? 0;
    const handle = async (req: IncomingMessage, res: ServerResponse) => {
      const path = new URL(req.url ?? '/', base).pathname;
      try {
        if (await handleDocumentRequest(req, res, documents)) return;
        if (path === '/graphql') return await yoga(req, res);
        if (path === '/webhooks/inquiry' && req.method === 'POST') {
          const body = await readBody(req, maxBytesOf(path));
          return sendResult(res, await inquiryWebhook(toApiGatewayEvent(req, body)));
        }
        if (path === '/dev/jwks.json' && req.method === 'GET') return sendJson(res, 200, devAuth.jwks);
        if (path.startsWith('/webhooks/kintone/') && req.method === 'POST') {
          const body = await readBody(req, maxBytesOf(path));
          return sendResult(res, await kintoneWebhook(toApiGatewayEvent(req, body)));
        }
        // The dev pages mint tokens of any role and show every e-mail: for this machine only,
        // even when the hub itself listens on the network (HOST=0.0.0.0).
        if (path.startsWith('/dev/') && !fromLoopback(req))
          return sendJson(res, 403, { error: 'LOOPBACK_ONLY' });
        if (path.startsWith('/webhooks/gmosign/') && req.method === 'POST') {
          const body = await readBody(req, maxBytesOf(path));
          return sendResult(res, await gmosignWebhook(toApiGatewayEvent(req, body)));
        }
        if (path === '/dev/envelopes' && req.method === 'GET') {
          return sendHtml(res, 200, await envelopesPage(hub.ledger, gmosignSandbox?.url));
        }
        if (path === '/dev/gmosign/test-envelope' && req.method === 'POST') {
          const name = testEnvelopeName(new Date(), randomIds.next('t').slice(2, 8));
          // The PDF goes to the document store; the outbox entry refers to it.
          const documentKey = `signing/${name}.pdf`;
          await documents.put(
            documentKey,
            Buffer.from(`%PDF-1.4\n% test envelope ${name}\n%%EOF\n`),
            'application/pdf',
          );
          await requestSignature(
            hub,
            { businessType: 'TEST', businessId: name },
            {
              envelopeName: name,
              documentName: 'テスト契約書.pdf',
              documentKey,
              ourSigners: [{ name: '田中 由美', email: 'legal.tanaka@haken-agency.example' }],
              partnerSigners: [
                { name: 'テスト 太郎', email: 'test@client.example', organization: '株式会社テスト' },
              ],
              approvers: [],
            },
          );
          res.writeHead(303, { location: '/dev/envelopes' });
          return res.end();
        }
        if (path === '/dev/gmosign/confirm' && req.method === 'POST') {
          // As the seeded admin: what they found in GMO Sign for an envelope whose send outcome is unknown.
          const form = new URLSearchParams((await readBody(req, maxBytesOf(path))).toString('utf8'));
          const envelopeName = form.get('envelopeName') ?? '';
          const outcome = form.get('outcome');
          try {
            await confirmSignatureEnvelope(
              hub,
              { userId: 'admin.kato', role: 'ADMIN' },
              outcome === 'SENT'
                ? { envelopeName, outcome, envelopeId: form.get('envelopeId') ?? '' }
                : { envelopeName, outcome: outcome === 'DECLINED' ? 'DECLINED' : 'NOT_SENT' },
            );
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            return sendJson(res, 400, { error: error.code, message: error.message });
          }
          if (workflows) await releaseSignatureWait({ ...hub, workflows }, envelopeName);
          res.writeHead(303, { location: '/dev/envelopes' });
          return res.end();
        }
        if (path === '/dev/mail' && req.method === 'GET') {
          const after = new URL(req.url ?? '/', base).searchParams.get('after') ?? undefined;
          return sendHtml(res, 200, await mailListPage(hub.ledger, after));
        }
        if (path.startsWith('/dev/mail/') && req.method === 'GET') {
          const html = await mailMessagePage(hub.ledger, decodeURIComponent(path.slice('/dev/mail/'.length)));
          return html ? sendHtml(res, 200, html) : sendJson(res, 404, { error: 'NOT_FOUND' });
        }
        if (path === '/dev/token' && req.method === 'POST') {
          const raw = (await readBody(req, maxBytesOf(path))).toString('utf8');
          let body: unknown;
          try {
            body = JSON.parse(raw);
          } catch {
            return sendJson(res, 400, { error: 'MALFORMED_JSON' });
          }
          const issued = await devAuth.issue(body);
          return sendJson(res, 'token' in issued ? 200 : 400, issued);
        }
        if (path === '/dev/directory' && req.method === 'GET')
          return sendJson(res, 200, await directoryListing(hub.ledger));
        if (serveConsole(req, res, path)) return;
        if (path === '/' && req.method === 'GET') {
          res.writeHead(302, { location: '/graphql' });
          return res.end();
        }
        sendJson(res, 404, { error: 'NOT_FOUND' });
      } catch (error) {
        logger.error('request failed', { path, error: error as Error });
        if (!res.headersSent) sendJson(res, 500, { error: 'INTERNAL_ERROR' });
      }
    };
    const server = createServer(handle);
    refuseOversizedBeforeContinue(server, bodyLimitOf, handle);
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(config.PORT, config.HOST, ok);
    });

    // Ask GMO Sign to call the hub back on completion (once per URL; the connect id is kept).
    await ensureCompletionWebhook(
      { signatures, documents, clock: hub.clock },
      `${base}/webhooks/gmosign/${gmosignConfig.GMOSIGN_WEBHOOK_SECRET}`,
    ).catch((error: unknown) =>
      logger.warn('GMO Sign webhook registration failed', { error: error as Error }),
    );

    const started = dynamo;
    return {
      url: base,
      hub,
      components: [
        {
          name: `DynamoDB Local (table ${config.LEDGER_TABLE_NAME}${seeded ? `, ${seeded} staff seeded` : ''})`,
          url: endpoint,
        },
        { name: 'Staff console', url: `${base}/` },
        { name: 'GraphQL + GraphiQL', url: `${base}/graphql` },
        { name: 'Website inquiry webhook', url: `${base}/webhooks/inquiry` },
        { name: 'Dev sign-in (POST)', url: `${base}/dev/token` },
        { name: 'Dev JWKS', url: `${base}/dev/jwks.json` },
        { name: 'Mail outbox (every e-mail the hub sends)', url: `${base}/dev/mail` },
        { name: 'E-signature envelopes (send a test envelope)', url: `${base}/dev/envelopes` },
        gmosignSandbox
          ? { name: 'GMO Sign sandbox (sign envelopes by hand)', url: `${gmosignSandbox.url}/dev/envelopes` }
          : { name: 'GMO Sign (live)', url: gmosignTarget.baseUrl },
        gstaffSandbox
          ? { name: `G-Staff sandbox (API key ${gstaffSandbox.apiKey})`, url: gstaffSandbox.url }
          : { name: 'G-Staff (live)', url: gstaffTarget.baseUrl },
        kintoneSandbox
          ? {
              name: `kintone sandbox (orders app ${target.orders.appId} token ${target.orders.apiToken}, visits app ${target.visits.appId} token ${target.visits.apiToken})`,
              url: kintoneSandbox.url,
            }
          : { name: 'kintone (live)', url: target.baseUrl },
      ],
      async stop() {
        for (const timer of jobTimers) clearInterval(timer);
        workflows?.stop();
        await gstaffSandbox?.stop();
        await gmosignSandbox?.stop();
        await kintoneSandbox?.stop();
        server.closeAllConnections();
        await new Promise((ok) => server.close(ok));
        db.destroy();
        await started?.stop();
      },
    };
  } catch (error) {
    for (const timer of jobTimers) clearInterval(timer);
    workflows?.stop();
    await gstaffSandbox?.stop();
    await kintoneSandbox?.stop();
    await dynamo?.stop();
    throw error;
  }
}
