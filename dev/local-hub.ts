/**
 * The local host: DynamoDB Local, the ledger table, the seeded directory, dev sign-in, the
 * webhook and GraphQL with GraphiQL, all on one port. The same use cases and handlers as on AWS.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Logger } from '@aws-lambda-powertools/logger';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { redriveInFlightApplications } from '../core/applications/redrive.js';
import { runWorkflowTask, workflowErrorName } from '../core/applications/workflow-tasks.js';
import { runDeadlineJob } from '../core/deadline-job.js';
import { refreshGStaffMirror } from '../core/gstaff/gstaff-mirror.js';
import { linkClientsToGStaff } from '../core/gstaff/link-clients-to-gstaff.js';
import { refreshStaffRegisterMirror } from '../core/gstaff/staff-register-mirror.js';
import type { HubDeps } from '../core/hub.js';
import { randomIds } from '../core/ids.js';
import { dispatchKintoneOutbox } from '../core/kintone/dispatch-kintone-outbox.js';
import { dispatchMailOutbox } from '../core/mail/dispatch-mail-outbox.js';
import { policyFromEnv } from '../core/policy-config.js';
import { dispatchSignatureOutbox, requestSignature } from '../core/signing/signature-outbox.js';
import { makeHandler as makeGmoSignWebhook } from '../functions/gmosign-webhook.handler.js';
import { makeHandler as makeInquiryWebhook } from '../functions/inquiry-webhook.handler.js';
import { createJwtVerifier } from '../functions/shared/jwt-verifier.js';
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
import { envelopesPage } from './dev-signing-page.js';
import { assertPortFree, type DynamoDbLocal, startDynamoDbLocal } from './dynamodb-local.js';
import { readBody, sendResult, toApiGatewayEvent } from './http-event.js';
import type { LocalConfig } from './local-config.js';
import { seedDirectory } from './seed-directory.js';
import { synthesizeWorkflowDefinitions } from './workflow-definitions.js';

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
  let dynamo: DynamoDbLocal | undefined;
  let kintoneSandbox: KintoneSandbox | undefined;
  let gstaffSandbox: GStaffSandbox | undefined;
  let gmosignSandbox: GmoSignSandbox | undefined;
  let mirrorTimer: NodeJS.Timeout | undefined;
  let dispatcher: NodeJS.Timeout | undefined;
  let workflows: LocalWorkflowEngine | undefined;
  try {
    dynamo = await startDynamoDbLocal({
      port: config.DYNAMODB_PORT,
      dataDir: join(config.dataDir, 'dynamodb'),
      pidFile: join(config.dataDir, 'dynamodb.pid'),
    });
    const db = createDocumentClient({ region: 'local', endpoint: dynamo.endpoint });
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
    const refreshMirror = async () => {
      try {
        const clients = await refreshGStaffMirror({ ...hub, gstaff });
        const staff = await refreshStaffRegisterMirror({ ...hub, gstaff });
        const links = await linkClientsToGStaff({ ...hub, gstaff });
        if (links.linked || links.registered || links.needsReview)
          logger.info('clients checked against G-Staff', { ...links });
        if (clients.changed || staff.changed) logger.info('G-Staff mirror refreshed', { clients, staff });
      } catch (error) {
        // Lookups keep using the last mirror; the next run tries again.
        logger.warn('G-Staff mirror refresh failed', { error: error as Error });
      }
    };
    await refreshMirror();
    mirrorTimer = setInterval(refreshMirror, gstaffConfig.GSTAFF_MIRROR_REFRESH_MS);

    // GMO Sign: the sandbox (default) or the real service.
    let gmosignTarget: { baseUrl: string; customerId: string; secretKey: string };
    if (gmosignConfig.GMOSIGN_MODE === 'sandbox') {
      if (gmosignConfig.GMOSIGN_SANDBOX_PORT !== 0)
        await assertPortFree(gmosignConfig.GMOSIGN_SANDBOX_PORT, 'the GMO Sign sandbox');
      gmosignSandbox = await startGmoSignSandbox({
        port: gmosignConfig.GMOSIGN_SANDBOX_PORT,
        callbackDelayMs: gmosignConfig.GMOSIGN_CALLBACK_DELAY_MS,
      });
      gmosignTarget = {
        baseUrl: gmosignSandbox.url,
        customerId: gmosignSandbox.customerId,
        secretKey: gmosignSandbox.secretKey,
      };
    } else {
      gmosignTarget = {
        baseUrl: gmosignConfig.GMOSIGN_BASE_URL as string,
        customerId: gmosignConfig.GMOSIGN_CUSTOMER_ID as string,
        secretKey: gmosignConfig.GMOSIGN_SECRET_KEY as string,
      };
    }
    const signatures = createGmoSign(gmosignConfig, gmosignTarget, hub.clock);

    const kintoneApps = createKintoneApps(kintone, target, hub.clock, (message, details) =>
      logger.warn(message, details),
    );
    // The outbox dispatcher: delivers what the hub owes kintone, and the mail outbox, one run at a time.
    const mail = { mailTransport: localMailTransport, mailRetry: kintoneApps.outboxRetry };
    let dispatching = false;
    dispatcher = setInterval(async () => {
      if (dispatching) return;
      dispatching = true;
      try {
        // The deadline job, then the outboxes (escalations are e-mailed in the same run).
        const deadlines = await runDeadlineJob(hub);
        if (Object.values(deadlines).some((d) => d.escalated))
          logger.info('deadlines escalated', {
            firstContacts: deadlines.firstContacts.escalated,
            visitRecords: deadlines.visitRecords.escalated,
            contractExecutions: deadlines.contractExecutions.escalated,
          });
        const written = await dispatchKintoneOutbox({ ...hub, ...kintoneApps });
        if (written.delivered || written.retrying || written.failed)
          logger.info('kintone outbox dispatched', { ...written });
        const mailed = await dispatchMailOutbox({ ...hub, ...mail });
        const signed = await dispatchSignatureOutbox({
          ...hub,
          signatures,
          signatureRetry: kintoneApps.outboxRetry,
        });
        if (Object.values(signed).some(Boolean)) logger.info('signature outbox dispatched', { ...signed });
        if (mailed.sent || mailed.retrying || mailed.failed)
          logger.info('mail outbox dispatched', { ...mailed });
      } catch (error) {
        logger.error('outbox dispatch failed', { error: error as Error });
      } finally {
        dispatching = false;
      }
    }, 2000);

    const base = `http://localhost:${config.PORT}`;
    const devAuth = await createDevAuth({ keyFile: join(config.dataDir, 'dev-jwt-key.json') });
    const verify = createJwtVerifier({
      issuer: DEV_ISSUER,
      audience: DEV_AUDIENCE,
      jwksUrl: `${base}/dev/jwks.json`,
    });
    const documents = new LocalDocumentStore(join(config.dataDir, 'documents'), {
      baseUrl: base,
      secret: randomBytes(32).toString('base64url'),
    });
    // The approval workflows: the state machines `cdk synth` produces, run by the local engine with
    // the same task function as on AWS; what was in flight when the hub stopped is re-run.
    workflows = new LocalWorkflowEngine({
      definitions: synthesizeWorkflowDefinitions({ approvalTimeoutSeconds: config.APPROVAL_TIMEOUT_SECONDS }),
      runTask: (event) => runWorkflowTask({ ...hub, documents, gstaff, signatures }, event),
      errorName: workflowErrorName,
      onExecutionEnd: (name, outcome) =>
        outcome.status === 'FAILED'
          ? logger.error('workflow execution failed', { execution: name, error: outcome.error })
          : logger.info('workflow execution finished', { execution: name }),
    });
    const redriven = await redriveInFlightApplications({ ...hub, workflows });
    if (redriven.length) logger.info('workflows re-run after a restart', { executions: redriven.length });
    const yoga = createYogaApp<{ req: IncomingMessage; res: ServerResponse }>({
      deps: { ...hub, documents, workflows },
      graphiql: true,
      renderGraphiQL,
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
    const inquiryWebhook = makeInquiryWebhook({
      hub,
      secret: async () => config.INQUIRY_WEBHOOK_SECRET,
      logger,
      replayWindowSeconds: config.WEBHOOK_REPLAY_WINDOW_SECONDS,
      maxBodyBytes: config.WEBHOOK_MAX_BODY_BYTES,
    });

    const server = createServer(async (req, res) => {
      const path = new URL(req.url ?? '/', base).pathname;
      try {
        if (await handleDocumentRequest(req, res, documents)) return;
        if (path === '/graphql') return await yoga(req, res);
        if (path === '/webhooks/inquiry' && req.method === 'POST') {
          const body = await readBody(req, config.WEBHOOK_MAX_BODY_BYTES);
          return sendResult(res, await inquiryWebhook(toApiGatewayEvent(req, body)));
        }
        if (path === '/dev/jwks.json' && req.method === 'GET') return sendJson(res, 200, devAuth.jwks);
        if (path.startsWith('/webhooks/gmosign/') && req.method === 'POST') {
          const body = await readBody(req, 65_536);
          return sendResult(res, await gmosignWebhook(toApiGatewayEvent(req, body)));
        }
        if (path === '/dev/envelopes' && req.method === 'GET') {
          return sendHtml(res, 200, await envelopesPage(hub.ledger, gmosignSandbox?.url));
        }
        if (path === '/dev/gmosign/test-envelope' && req.method === 'POST') {
          const name = `TEST-${new Date()
            .toISOString()
            .replace(/[^0-9]/g, '')
            .slice(0, 14)}-${randomIds.next('t').slice(2, 8)}`;
          await requestSignature(
            hub,
            { businessType: 'TEST', businessId: name },
            {
              envelopeName: name,
              documentName: 'テスト契約書.pdf',
              pdfBase64: Buffer.from(`%PDF-1.4\n% test envelope ${name}\n%%EOF\n`).toString('base64'),
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
        if (path === '/dev/mail' && req.method === 'GET') {
          const after = new URL(req.url ?? '/', base).searchParams.get('after') ?? undefined;
          return sendHtml(res, 200, await mailListPage(hub.ledger, after));
        }
        if (path.startsWith('/dev/mail/') && req.method === 'GET') {
          const html = await mailMessagePage(hub.ledger, decodeURIComponent(path.slice('/dev/mail/'.length)));
          return html ? sendHtml(res, 200, html) : sendJson(res, 404, { error: 'NOT_FOUND' });
        }
        if (path === '/dev/token' && req.method === 'POST') {
          const raw = (await readBody(req, 4096)).toString('utf8');
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
    });
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(config.PORT, ok);
    });

    // Ask GMO Sign to call the hub back on completion (a hint; the hub confirms by lookup).
    await signatures
      .registerCompletionWebhook(`${base}/webhooks/gmosign/${gmosignConfig.GMOSIGN_WEBHOOK_SECRET}`)
      .catch((error: unknown) =>
        logger.warn('GMO Sign webhook registration failed', { error: error as Error }),
      );

    const started = dynamo;
    return {
      url: base,
      hub,
      components: [
        {
          name: `DynamoDB Local (table ${config.LEDGER_TABLE_NAME}${seeded ? `, ${seeded} staff seeded` : ''})`,
          url: started.endpoint,
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
        clearInterval(dispatcher);
        clearInterval(mirrorTimer);
        workflows?.stop();
        await gstaffSandbox?.stop();
        await gmosignSandbox?.stop();
        await kintoneSandbox?.stop();
        server.closeAllConnections();
        await new Promise((ok) => server.close(ok));
        db.destroy();
        await started.stop();
      },
    };
  } catch (error) {
    clearInterval(dispatcher);
    clearInterval(mirrorTimer);
    workflows?.stop();
    await gstaffSandbox?.stop();
    await kintoneSandbox?.stop();
    await dynamo?.stop();
    throw error;
  }
}
