/**
 * A GMO Sign sandbox implementing the same endpoints and assumptions as the adapter
 * (gmosign-mapping.ts, documented as assumed in docs/integrations/gmosign.md): tokens that expire,
 * document registration, signature requests, envelope lookup by name, signed-PDF download,
 * completion callbacks after a configurable delay, signing or declining by hand, and seeded
 * fault injection (including answers lost after the envelope was created).
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeHtml, readJsonBody, seededRandom, sendJson } from '../shared/sandbox-kit.js';
import { GMOSIGN_PATHS, type GmoEnvelope } from './gmosign-mapping.js';

export type GmoFaultKind = '429' | '500' | '503' | 'reset' | 'timeout-after-commit';

export interface GmoSignSandboxOptions {
  port?: number;
  customerId?: string;
  secretKey?: string;
  /** Token lifetime; 30 minutes like the real service. */
  tokenTtlMs?: number;
  /** Delay before the completion callback fires once an envelope is signed. */
  callbackDelayMs?: number;
  now?: () => Date;
}

interface StoredEnvelope extends GmoEnvelope {
  signers: unknown;
}

export interface GmoSignSandbox {
  url: string;
  customerId: string;
  secretKey: string;
  envelopes: Map<string, StoredEnvelope>;
  documents: Map<string, { name: string; base64: string; signed: boolean }>;
  setFaults(
    faults: { rate: number; seed: number; kinds: GmoFaultKind[]; pathFilter?: string } | undefined,
  ): void;
  /** Signs (or declines) an envelope as its signers would, then fires the completion callback. */
  sign(envelopeId: string, outcome?: 'COMPLETED' | 'DECLINED'): void;
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

function envelopesPage(list: GmoEnvelope[]): string {
  const rows = list
    .map(
      (e) =>
        `<tr><td>${escapeHtml(e.envelope_xid)}</td><td>${escapeHtml(e.envelope_name)}</td><td>${e.status}</td><td>${
          e.status === 'SENT'
            ? `<form method="post" action="/dev/envelopes/${encodeURIComponent(e.envelope_xid)}/sign" style="display:inline"><button>署名する (sign)</button></form>
             <form method="post" action="/dev/envelopes/${encodeURIComponent(e.envelope_xid)}/decline" style="display:inline"><button>却下 (decline)</button></form>`
            : ''
        }</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>GMO Sign sandbox</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}td,th{padding:.4rem .6rem;border-bottom:1px solid #ddd;text-align:left}</style></head>
<body><h1>GMO Sign sandbox — envelopes</h1><table><tr><th>envelope_xid</th><th>envelope_name</th><th>status</th><th></th></tr>${
    rows || '<tr><td colspan="4">No envelopes yet.</td></tr>'
  }</table></body></html>`;
}

export async function startGmoSignSandbox(options: GmoSignSandboxOptions = {}): Promise<GmoSignSandbox> {
  const customerId = options.customerId ?? 'sandbox-customer';
  const secretKey = options.secretKey ?? 'sandbox-secret-key';
  const now = options.now ?? (() => new Date());
  const tokenTtlMs = options.tokenTtlMs ?? 30 * 60 * 1000;
  const tokens = new Map<string, number>();
  const envelopes = new Map<string, StoredEnvelope>();
  const documents = new Map<string, { name: string; base64: string; signed: boolean }>();
  const callbacks = new Set<string>();
  let faults: Parameters<GmoSignSandbox['setFaults']>[0];
  let random = seededRandom(1);

  const send = sendJson;
  const readJson = readJsonBody;

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname;
      // Dev pages of the sandbox (no auth): what a signer would do in GMO Sign's own screens.
      if (path === '/dev/envelopes' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(envelopesPage([...envelopes.values()]));
      }
      const action = /^\/dev\/envelopes\/([^/]+)\/(sign|decline)$/.exec(path);
      if (action && req.method === 'POST') {
        if (!envelopes.has(action[1] as string))
          return send(res, 404, { result_code: 'NOT_FOUND', message: 'no such envelope' });
        sandbox.sign(action[1] as string, action[2] === 'sign' ? 'COMPLETED' : 'DECLINED');
        res.writeHead(303, { location: '/dev/envelopes' });
        return res.end();
      }
      if (req.method === 'POST' && path === GMOSIGN_PATHS.token) {
        const body = await readJson(req);
        if (body.customer_id !== customerId || body.secret_key !== secretKey) {
          return send(res, 401, { result_code: 'AUTH_ERROR', message: 'invalid customer id or secret key' });
        }
        const token = randomUUID();
        tokens.set(token, now().getTime() + tokenTtlMs);
        return send(res, 200, { access_token: token, expires_in: Math.floor(tokenTtlMs / 1000) });
      }
      const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
      const expiry = token ? tokens.get(token) : undefined;
      if (!expiry || expiry <= now().getTime()) {
        return send(res, 401, {
          result_code: 'TOKEN_EXPIRED',
          message: 'the access token is missing or expired',
        });
      }
      const fault =
        faults && (!faults.pathFilter || path.includes(faults.pathFilter)) && random() < faults.rate
          ? faults.kinds[Math.floor(random() * faults.kinds.length)]
          : undefined;
      if (fault === 'reset') return req.socket.destroy();
      if (fault === '429' || fault === '500' || fault === '503') {
        return send(res, Number(fault), { result_code: 'ERROR', message: `injected ${fault}` });
      }

      let result: [number, unknown];
      if (req.method === 'POST' && path === GMOSIGN_PATHS.registerDocument) {
        const body = await readJson(req);
        if (typeof body.file !== 'string' || !body.file)
          return send(res, 400, { result_code: 'VALIDATION', message: 'file is required' });
        const id = `doc-${randomUUID().slice(0, 8)}`;
        documents.set(id, {
          name: String(body.file_name ?? 'document.pdf'),
          base64: body.file,
          signed: false,
        });
        result = [200, { document_id: id }];
      } else if (req.method === 'POST' && path === GMOSIGN_PATHS.requestSignatures) {
        const body = await readJson(req);
        const list = (body.document_list ?? []) as { document_id: string }[];
        if (!body.envelope_name || list.length === 0 || list.some((d) => !documents.has(d.document_id))) {
          return send(res, 400, {
            result_code: 'VALIDATION',
            message: 'envelope_name and registered documents are required',
          });
        }
        const xid = `env-${randomUUID().slice(0, 8)}`;
        envelopes.set(xid, {
          envelope_xid: xid,
          envelope_name: String(body.envelope_name),
          status: 'SENT',
          document_list: list.map((d) => ({
            documentId: d.document_id,
            document_name: documents.get(d.document_id)?.name ?? '',
          })),
          signers: {
            our: body.our_signer_list,
            partner: body.partner_signer_list,
            approvers: body.approver_list,
          },
        });
        result = [200, { envelope_xid: xid }];
      } else if (
        req.method === 'POST' &&
        /^\/customer\/envelopes\/templates\/[^/]+\/transaction$/.test(path)
      ) {
        const templateId = decodeURIComponent(path.split('/')[4] as string);
        const template = TEMPLATES[templateId];
        if (!template)
          return send(res, 404, { result_code: 'NOT_FOUND', message: `no template ${templateId}` });
        const body = await readJson(req);
        if (!body.envelope_name)
          return send(res, 400, { result_code: 'VALIDATION', message: 'envelope_name is required' });
        const documentId = `doc-${randomUUID().slice(0, 8)}`;
        documents.set(documentId, {
          name: template.name,
          base64: Buffer.from(template.content).toString('base64'),
          signed: false,
        });
        const xid = `env-${randomUUID().slice(0, 8)}`;
        envelopes.set(xid, {
          envelope_xid: xid,
          envelope_name: String(body.envelope_name),
          status: 'SENT',
          document_list: [{ documentId, document_name: template.name }],
          signers: {
            our: body.our_signer_list,
            partner: body.partner_signer_list,
            approvers: body.approver_list,
          },
        });
        result = [200, { envelope_xid: xid, document_list: [{ document_id: documentId }] }];
      } else if (req.method === 'GET' && path === GMOSIGN_PATHS.envelopes) {
        const name = url.searchParams.get('envelope_name');
        const found = [...envelopes.values()].filter((e) => !name || e.envelope_name === name);
        result = [200, { envelopes: found.map(({ signers: _s, ...e }) => e) }];
      } else if (req.method === 'GET' && path.startsWith('/customer/documents/')) {
        const doc = documents.get(decodeURIComponent(path.slice('/customer/documents/'.length)));
        if (!doc) return send(res, 404, { result_code: 'NOT_FOUND', message: 'no such document' });
        result = [200, { status: doc.signed ? 'COMPLETED' : 'IN_PROGRESS', file: doc.base64 }];
      } else if (req.method === 'POST' && path === GMOSIGN_PATHS.connect) {
        const body = await readJson(req);
        callbacks.add(String(body.url));
        result = [200, { connect_id: `con-${callbacks.size}` }];
      } else {
        return send(res, 404, {
          result_code: 'NOT_FOUND',
          message: `${req.method} ${path} is not implemented by the sandbox`,
        });
      }
      if (fault === 'timeout-after-commit') return req.socket.destroy();
      send(res, result[0], result[1]);
    } catch {
      send(res, 500, { result_code: 'ERROR', message: 'sandbox error' });
    }
  });
  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;

  const sandbox: GmoSignSandbox = {
    url: `http://127.0.0.1:${port}`,
    customerId,
    secretKey,
    envelopes,
    documents,
    setFaults(next) {
      faults = next;
      random = seededRandom(next?.seed ?? 1);
    },
    sign(envelopeId, outcome = 'COMPLETED') {
      const envelope = envelopes.get(envelopeId);
      if (!envelope) throw new Error(`no envelope ${envelopeId}`);
      envelope.status = outcome;
      if (outcome !== 'COMPLETED') return;
      for (const d of envelope.document_list) {
        const doc = documents.get(d.documentId);
        // The signed PDF: the original with a signature trailer, so its checksum differs.
        if (doc)
          Object.assign(doc, {
            signed: true,
            base64: Buffer.concat([
              Buffer.from(doc.base64, 'base64'),
              Buffer.from('\n%signed-by-sandbox\n'),
            ]).toString('base64'),
          });
      }
      const body = JSON.stringify({
        document_list: envelope.document_list,
        envelope_name: envelope.envelope_name,
        envelope_xid: envelope.envelope_xid,
      });
      setTimeout(() => {
        for (const url of callbacks) {
          void fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
            signal: AbortSignal.timeout(5000),
          }).catch(() => undefined);
        }
      }, options.callbackDelayMs ?? 1000);
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    },
  };
  return sandbox;
}
