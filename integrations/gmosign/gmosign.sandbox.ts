/**
 * A GMO Sign sandbox speaking GMO Sign's public API definition, as described by the project's
 * own docs/integrations/gmosign.openapi.json: HTTP Basic with the customer id and secret key,
 * the six operations the hub uses under the definition's base path `/gmosign`, every request
 * checked against the document (missing required fields, wrong types and enum values refused
 * with 400 naming the field), the definition's answers, and the completion callback
 * (`{document_list[{documentId, document_name}], envelope_name, envelope_xid}`) posted to every
 * registered `urlToPublishTo` once an envelope is completed. Approvers approve first, then the
 * in-house signers, then the partner signers, each in their order — by hand on the dev page
 * `/dev/envelopes`, or all at once with `sign()`. Its state is kept in a JSON file across
 * restarts. Seeded fault injection, including answers lost after the envelope was made.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeHtml, seededRandom, sendJson } from '../shared/sandbox-kit.js';
import { basicAuthorization } from './gmosign-mapping.js';
import { type GmoRequest, loadGmoSignContract } from './gmosign-openapi.js';

export type GmoFaultKind = '429' | '500' | '503' | 'reset' | 'timeout-after-commit';

/** The definition's base path. */
export const SANDBOX_BASE_PATH = '/gmosign';

/** One request to the API and the sandbox's answer (what the contract test checks). */
export interface GmoExchange {
  request: GmoRequest;
  operationId?: string;
  status: number;
  answer: unknown;
}

export interface GmoSignSandboxOptions {
  port?: number;
  customerId?: string;
  secretKey?: string;
  /** Delay before the completion callbacks go out once an envelope is completed. */
  callbackDelayMs?: number;
  /** Where envelopes, documents and callback registrations are kept across restarts. */
  stateFile?: string;
  /** Keep every API exchange in `exchanges` (tests; off for the long-running local host). */
  recordExchanges?: boolean;
  now?: () => Date;
}

type PartyRole = 'APPROVER' | 'IN_HOUSE' | 'PARTNER';
interface Party {
  role: PartyRole;
  order: number;
  name?: string;
  email: string;
  organization?: string;
  done: boolean;
}
interface EnvelopeDocument {
  control_number: string;
  document_name: string;
  base64: string;
  signed: boolean;
}
export interface SandboxEnvelope {
  envelope_xid: string;
  envelope_name: string;
  status: 'SENT' | 'COMPLETED' | 'DECLINED';
  /** `is_web_hook` = 1: completion is called back. */
  webHook: boolean;
  documents: EnvelopeDocument[];
  /** In the order they act: approvers, in-house signers, partner signers. */
  parties: Party[];
}
interface Connection {
  connect_id: string;
  name: string;
  urlToPublishTo: string;
  envelopeEvents: string;
  created_at: string;
}

export interface GmoSignSandbox {
  url: string;
  /** The base URL the adapter is given (with the definition's base path). */
  apiUrl: string;
  customerId: string;
  secretKey: string;
  envelopes: Map<string, SandboxEnvelope>;
  /** Registered documents by document_code. */
  registered: Map<string, { base64: string; remarks?: string }>;
  connections: Map<string, Connection>;
  /** Every API exchange since start, with `recordExchanges` (bodies as sent and answered). */
  exchanges: GmoExchange[];
  /** Every callback sent: where, and the body. */
  callbacks: { url: string; body: unknown }[];
  setFaults(
    faults: { rate: number; seed: number; kinds: GmoFaultKind[]; pathFilter?: string } | undefined,
  ): void;
  /** The next approver or signer acts (approves / signs); the last one completes the envelope. */
  act(envelopeId: string): void;
  /** Everyone acts at once (COMPLETED), or a signer declines. */
  sign(envelopeId: string, outcome?: 'COMPLETED' | 'DECLINED'): void;
  /** The document a control number names (as GetDocuments would answer it). */
  documentOf(controlNumber: string): EnvelopeDocument | undefined;
  stop(): Promise<void>;
}

/** Templates kept in the sandbox's GMO Sign account. */
export const TEMPLATES: Record<string, { name: string; content: string }> = {
  'TPL-BASIC': {
    name: '労働者派遣基本契約書（標準）.pdf',
    content: '%PDF-1.4\n% 労働者派遣基本契約書 標準ひな形\n%%EOF\n',
  },
  'TPL-INDIVIDUAL': {
    name: '労働者派遣個別契約書.pdf',
    content: '%PDF-1.4\n% 労働者派遣個別契約書\n%%EOF\n',
  },
};

const ROLE_LABEL: Record<PartyRole, [string, string]> = {
  APPROVER: ['承認者', '承認する (approve)'],
  IN_HOUSE: ['自社署名者', '署名する (sign)'],
  PARTNER: ['相手方署名者', '署名する (sign)'],
};

function envelopesPage(list: SandboxEnvelope[]): string {
  const rows = list
    .map((e) => {
      const next = e.status === 'SENT' ? e.parties.find((p) => !p.done) : undefined;
      const parties = e.parties
        .map(
          (p) =>
            `${p.done ? '✔' : '・'} ${ROLE_LABEL[p.role][0]} ${p.order}: ${escapeHtml(
              [p.name, p.organization].filter(Boolean).join(' / ') || p.email,
            )} &lt;${escapeHtml(p.email)}&gt;`,
        )
        .join('<br>');
      const action = (verb: string, label: string) =>
        `<form method="post" action="/dev/envelopes/${encodeURIComponent(e.envelope_xid)}/${verb}" style="display:inline"><button>${label}</button></form>`;
      return `<tr><td>${escapeHtml(e.envelope_xid)}</td><td>${escapeHtml(e.envelope_name)}</td><td>${e.status}</td><td>${parties}</td><td>${
        next
          ? `${action('act', `${escapeHtml(next.name ?? next.email)}: ${ROLE_LABEL[next.role][1]}`)} ${action('sign', '全員署名 (sign all)')} ${action('decline', '却下 (decline)')}`
          : ''
      }</td></tr>`;
    })
    .join('');
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>GMO Sign sandbox</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}td,th{padding:.4rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}</style></head>
<body><h1>GMO Sign sandbox — envelopes</h1><table><tr><th>envelope_xid</th><th>envelope_name</th><th>status</th><th>approvers and signers, in order</th><th></th></tr>${
    rows || '<tr><td colspan="5">No envelopes yet.</td></tr>'
  }</table></body></html>`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const error = (status: number, message: string) =>
  [status, { status: String(status), result: 'NG', message }] as const;
const ok = (message: string) => ({ status: '200', result: 'OK', message });
const asList = (value: unknown) => (Array.isArray(value) ? (value as Record<string, unknown>[]) : []);

export async function startGmoSignSandbox(options: GmoSignSandboxOptions = {}): Promise<GmoSignSandbox> {
  const customerId = options.customerId ?? 'sandbox-customer';
  const secretKey = options.secretKey ?? 'sandbox-secret-key';
  const now = options.now ?? (() => new Date());
  const expectedAuthorization = basicAuthorization(customerId, secretKey);
  const contract = loadGmoSignContract();
  const envelopes = new Map<string, SandboxEnvelope>();
  const registered = new Map<string, { base64: string; remarks?: string }>();
  const connections = new Map<string, Connection>();
  const exchanges: GmoExchange[] = [];
  const callbacks: GmoSignSandbox['callbacks'] = [];
  let counter = 0;
  let faults: Parameters<GmoSignSandbox['setFaults']>[0];
  let random = seededRandom(1);
  const nextId = (prefix: string) => {
    counter += 1;
    return `${prefix}-${counter}-${randomUUID().slice(0, 8)}`;
  };

  if (options.stateFile && existsSync(options.stateFile)) {
    const saved = JSON.parse(readFileSync(options.stateFile, 'utf8')) as {
      envelopes: SandboxEnvelope[];
      registered: [string, { base64: string; remarks?: string }][];
      connections: Connection[];
      counter: number;
    };
    for (const e of saved.envelopes) envelopes.set(e.envelope_xid, e);
    for (const [k, v] of saved.registered) registered.set(k, v);
    for (const c of saved.connections) connections.set(c.connect_id, c);
    counter = saved.counter;
  }
  const persist = () => {
    if (!options.stateFile) return;
    writeFileSync(
      options.stateFile,
      JSON.stringify({
        envelopes: [...envelopes.values()],
        registered: [...registered],
        connections: [...connections.values()],
        counter,
      }),
    );
  };

  const documentOf = (controlNumber: string) => {
    for (const e of envelopes.values()) {
      const found = e.documents.find((d) => d.control_number === controlNumber);
      if (found) return found;
    }
    return undefined;
  };

  const complete = (envelope: SandboxEnvelope) => {
    envelope.status = 'COMPLETED';
    for (const doc of envelope.documents) {
      // The signed PDF: the original with a signature trailer, so its checksum differs.
      doc.base64 = Buffer.concat([
        Buffer.from(doc.base64, 'base64'),
        Buffer.from('\n%signed-by-sandbox\n'),
      ]).toString('base64');
      doc.signed = true;
    }
    persist();
    if (!envelope.webHook) return;
    const body = {
      document_list: envelope.documents.map((d) => ({
        documentId: d.control_number,
        document_name: d.document_name,
      })),
      envelope_name: envelope.envelope_name,
      envelope_xid: envelope.envelope_xid,
    };
    setTimeout(() => {
      for (const c of connections.values()) {
        if (!c.envelopeEvents.split(',').some((event) => event.trim() === 'Completed')) continue;
        callbacks.push({ url: c.urlToPublishTo, body });
        void fetch(c.urlToPublishTo, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(5000),
        }).catch(() => undefined);
      }
    }, options.callbackDelayMs ?? 1000);
  };

  const newEnvelope = (
    body: Record<string, unknown>,
    documents: EnvelopeDocument[],
    parties: Omit<Party, 'done'>[],
  ): SandboxEnvelope => {
    const rank: Record<PartyRole, number> = { APPROVER: 0, IN_HOUSE: 1, PARTNER: 2 };
    const envelope: SandboxEnvelope = {
      envelope_xid: nextId('env'),
      envelope_name: String(body.envelope_name),
      status: 'SENT',
      webHook: body.is_web_hook === 1,
      documents,
      parties: parties
        .map((p) => ({ ...p, done: false }))
        .sort((a, b) => rank[a.role] - rank[b.role] || a.order - b.order),
    };
    envelopes.set(envelope.envelope_xid, envelope);
    return envelope;
  };
  const party = (role: PartyRole, p: Record<string, unknown>, index: number): Omit<Party, 'done'> => ({
    role,
    order: Number(p.order_no ?? index + 1) || index + 1,
    email: String(p.email ?? p.phone_number ?? ''),
    ...(p.name ? { name: String(p.name) } : {}),
    ...(p.organize_name ? { organization: String(p.organize_name) } : {}),
  });
  const answerDocuments = (e: SandboxEnvelope) =>
    e.documents.map((d) => ({ document_name: d.document_name, control_number: d.control_number }));

  /** The operations, on a request the contract check passed. */
  const operations: Record<
    string,
    (body: Record<string, unknown>, params: Record<string, string>) => readonly [number, unknown]
  > = {
    CreateHookEnvelope(body) {
      const connection: Connection = {
        connect_id: nextId('con'),
        name: String(body.name),
        urlToPublishTo: String(body.urlToPublishTo),
        envelopeEvents: String(body.envelopeEvents),
        created_at: now().toISOString(),
      };
      connections.set(connection.connect_id, connection);
      const { name: _name, ...rest } = connection;
      return [201, { cus_id: customerId, ...rest, updated_at: connection.created_at }];
    },
    DeleteHook(_body, { connectId }) {
      const connection = connections.get(connectId as string);
      if (!connection) return error(404, `connectId ${connectId} is not registered`);
      connections.delete(connection.connect_id);
      const { name, ...rest } = connection;
      return [200, { cus_id: customerId, ...rest, connectionName: name, updated_at: now().toISOString() }];
    },
    GetDocuments(_body, { documentId }) {
      const doc = documentOf(documentId as string);
      if (!doc) return error(404, `documentId ${documentId} is not found`);
      return [200, { downloadedDocument: doc.base64 }];
    },
    RegisterEnvelopeDocument(body) {
      // ASSUMED: a code registered before is refused unless reuse_flag says to reuse it.
      const code = body.document_code ? String(body.document_code) : nextId('doc');
      if (registered.has(code) && body.reuse_flag !== 1)
        return error(409, `document_code ${code} is already registered (reuse_flag 1 reuses it)`);
      registered.set(code, {
        base64: String(body.document),
        ...(body.remarks ? { remarks: String(body.remarks) } : {}),
      });
      return [200, { ...ok('registered'), document_code: code }];
    },
    RequestEnvelopeSignature(body) {
      const list = asList(body.document_list);
      const codes = new Set(list.map((d) => String(d.document_code)));
      const missing = [...codes].find((code) => !registered.has(code));
      if (missing) return error(400, `document_list: document_code ${missing} is not registered`);
      const ours = asList(body.our_signer_list);
      const partners = asList(body.partner_signer_list);
      // Each signer's documents: signer_no repeats the signer's e-mail, document_code one of the envelope's.
      for (const [listName, signers, docs] of [
        [
          'in_house_signer_envelope_documents_list',
          ours,
          asList(body.in_house_signer_envelope_documents_list),
        ],
        ['partner_signer_document_list', partners, asList(body.partner_signer_document_list)],
      ] as const) {
        const emails = new Set(signers.map((s) => String(s.email ?? s.phone_number)));
        for (const d of docs) {
          if (!emails.has(String(d.signer_no)))
            return error(
              400,
              `${listName}: signer_no ${String(d.signer_no)} names no signer of the envelope`,
            );
          if (!codes.has(String(d.document_code)))
            return error(
              400,
              `${listName}: document_code ${String(d.document_code)} is not in document_list`,
            );
        }
        for (const email of emails)
          if (!docs.some((d) => String(d.signer_no) === email))
            return error(400, `${listName}: the signer ${email} gets no document`);
      }
      const envelope = newEnvelope(
        body,
        list.map((d) => ({
          control_number: nextId('ctl'),
          document_name: String(d.document_name),
          base64: registered.get(String(d.document_code))?.base64 as string,
          signed: false,
        })),
        [
          ...asList(body.approver_list).map((a, i) => party('APPROVER', a, i)),
          ...ours.map((s, i) => party('IN_HOUSE', s, i)),
          ...partners.map((s, i) => party('PARTNER', s, i)),
        ],
      );
      return [
        200,
        {
          ...ok('requested'),
          envelope_xid: envelope.envelope_xid,
          ...(body.is_detailed_response === 1 ? { document_list: answerDocuments(envelope) } : {}),
        },
      ];
    },
    SendEnvelope(body, { templateId }) {
      const template = TEMPLATES[templateId as string];
      if (!template) return error(404, `templateId ${templateId} is not found`);
      const signers = asList(body.signer_list);
      const envelope = newEnvelope(
        body,
        [
          {
            control_number: nextId('ctl'),
            document_name: template.name,
            base64: Buffer.from(template.content).toString('base64'),
            signed: false,
          },
        ],
        [
          ...asList(body.approver_list).map((a, i) => party('APPROVER', a, i)),
          ...signers.map((s, i) => party(s.signer_type === 1 ? 'IN_HOUSE' : 'PARTNER', s, i)),
        ],
      );
      return [
        201,
        {
          envelope_xid: envelope.envelope_xid,
          envelope_status: 'SENT',
          document_list: answerDocuments(envelope),
          signer_list: envelope.parties
            .filter((p) => p.role !== 'APPROVER')
            .map((p) => ({
              order_no: String(p.order),
              ...(p.name ? { name: p.name } : {}),
              ...(p.organization ? { organize_name: p.organization } : {}),
              email: p.email,
              envelope_signer_id: nextId('sgn'),
              sign_status: 'WAITING',
            })),
        },
      ];
    },
  };

  const answerApi = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const request: GmoRequest = {
      method: req.method ?? 'GET',
      path: url.pathname.slice(SANDBOX_BASE_PATH.length),
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization,
    };
    const reply = (operationId: string | undefined, [status, answer]: readonly [number, unknown]) => {
      if (options.recordExchanges)
        exchanges.push({ request, ...(operationId ? { operationId } : {}), status, answer });
      sendJson(res, status, answer);
    };
    if (req.headers.authorization !== expectedAuthorization)
      return reply(undefined, error(401, 'the customer id or secret key is wrong (HTTP Basic)'));
    const fault =
      faults && (!faults.pathFilter || request.path.includes(faults.pathFilter)) && random() < faults.rate
        ? faults.kinds[Math.floor(random() * faults.kinds.length)]
        : undefined;
    if (fault === 'reset') return req.socket.destroy();
    if (fault === '429' || fault === '500' || fault === '503')
      return reply(undefined, error(Number(fault), `injected ${fault}`));
    const text = await readBody(req);
    if (text) {
      try {
        request.body = JSON.parse(text);
      } catch {
        return reply(undefined, error(400, 'the body is not JSON'));
      }
    }
    const checked = contract.checkRequest(request);
    if (!checked.operationId)
      return reply(undefined, error(404, `${request.method} ${request.path} is not an operation`));
    if (checked.problems.length) return reply(checked.operationId, error(400, checked.problems.join('; ')));
    const params = contract.match(request.method, request.path)?.pathParams ?? {};
    const result =
      operations[checked.operationId]?.((request.body ?? {}) as Record<string, unknown>, params) ??
      error(404, `${checked.operationId} is not implemented by the sandbox`);
    if (result[0] < 300 && request.method !== 'GET') persist();
    if (fault === 'timeout-after-commit') return req.socket.destroy();
    reply(checked.operationId, result);
  };

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname;
      // Dev pages of the sandbox (no auth): what approvers and signers do in GMO Sign's own screens.
      if (path === '/dev/envelopes' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(envelopesPage([...envelopes.values()].reverse()));
      }
      const action = /^\/dev\/envelopes\/([^/]+)\/(act|sign|decline)$/.exec(path);
      if (action && req.method === 'POST') {
        const id = decodeURIComponent(action[1] as string);
        if (envelopes.get(id)?.status !== 'SENT')
          return sendJson(res, 404, error(404, 'no such open envelope')[1]);
        if (action[2] === 'act') sandbox.act(id);
        else sandbox.sign(id, action[2] === 'sign' ? 'COMPLETED' : 'DECLINED');
        res.writeHead(303, { location: '/dev/envelopes' });
        return res.end();
      }
      if (path === SANDBOX_BASE_PATH || path.startsWith(`${SANDBOX_BASE_PATH}/`))
        return await answerApi(req, res, url);
      sendJson(res, 404, error(404, `${req.method} ${path} is not served here`)[1]);
    } catch {
      if (!res.headersSent) sendJson(res, 500, error(500, 'sandbox error')[1]);
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const sandbox: GmoSignSandbox = {
    url: `http://127.0.0.1:${port}`,
    apiUrl: `http://127.0.0.1:${port}${SANDBOX_BASE_PATH}`,
    customerId,
    secretKey,
    envelopes,
    registered,
    connections,
    exchanges,
    callbacks,
    documentOf,
    setFaults(next) {
      faults = next;
      random = seededRandom(next?.seed ?? 1);
    },
    act(envelopeId) {
      const envelope = envelopes.get(envelopeId);
      if (envelope?.status !== 'SENT') throw new Error(`no open envelope ${envelopeId}`);
      const next = envelope.parties.find((p) => !p.done);
      if (next) next.done = true;
      if (envelope.parties.every((p) => p.done)) complete(envelope);
      else persist();
    },
    sign(envelopeId, outcome = 'COMPLETED') {
      const envelope = envelopes.get(envelopeId);
      if (envelope?.status !== 'SENT') throw new Error(`no open envelope ${envelopeId}`);
      if (outcome === 'DECLINED') {
        // The definition's callback registration names the Completed event only: a decline is not called back.
        envelope.status = 'DECLINED';
        return persist();
      }
      for (const p of envelope.parties) p.done = true;
      complete(envelope);
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  return sandbox;
}
