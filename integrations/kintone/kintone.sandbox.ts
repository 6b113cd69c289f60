/**
 * A kintone sandbox: an HTTP server on loopback that speaks the parts of the kintone REST API
 * the hub and common clients (the official JS client, cli-kintone) use, with kintone's limits,
 * errors and revision checks, API-token auth per app, process management (status actions),
 * webhooks as kintone sends them (single-record changes and status changes only, at most 60 a
 * minute per domain, extra ones dropped, no retry), and seeded fault injection. What is assumed rather than documented is listed in
 * docs/integrations/kintone.md.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom, sendJson } from '../shared/sandbox-kit.js';
import { KINTONE_APPS } from './app-definitions.js';
import { KintoneQueryError } from './kintone-query.js';
import {
  type AnyAppDefinition,
  KintoneSandboxError,
  KintoneSandboxStore,
  type StatusChange,
  type StoredRecord,
  validationError,
} from './kintone-sandbox-store.js';

export const KINTONE_LIMITS = {
  getRecords: 500,
  writeRecords: 100,
  bulkRequests: 20,
  maxOffset: 10_000,
  cursorSize: 500,
  cursors: 10,
  concurrentRequests: 100,
  /** Webhook notifications per minute per domain; kintone sends none beyond this. */
  webhooksPerMinute: 60,
} as const;

export type KintoneFaultKind =
  | '429'
  | '500'
  | '503'
  | 'GAIA_RE18'
  | 'GAIA_DA02'
  | 'reset'
  | 'timeout-after-commit';

export interface KintoneFaultSettings {
  /** Share of matching requests that fail, 0–1. */
  rate: number;
  /** Seed of the pseudo-random sequence, so a failing run can be replayed. */
  seed: number;
  kinds: KintoneFaultKind[];
  /** Only requests whose path matches fail (e.g. "records"). */
  pathFilter?: string;
}

export interface KintoneSandboxOptions {
  /** 0 picks a free port. */
  port?: number;
  apps?: readonly AnyAppDefinition[];
  /** API token per app id; default `sandbox-token-<appId>`. */
  tokens?: Record<string, string>;
  /** Where records are kept between runs; in memory when absent. */
  dataFile?: string;
  /** Receives kintone-style webhooks for single-record changes (settable later with setWebhookUrl). */
  webhookUrl?: string;
  /** How long a webhook delivery may take before it is abandoned (never retried). */
  webhookTimeoutMs?: number;
  cursorTtlMs?: number;
  faults?: KintoneFaultSettings;
  /** Time each request takes to serve, so concurrent requests overlap as they do on kintone. */
  latencyMs?: number;
  now?: () => Date;
}

export interface KintoneSandbox {
  /** Base URL for clients: `http://localhost:<port>` (the official client accepts http only for localhost). */
  url: string;
  port: number;
  tokens: Record<string, string>;
  store: KintoneSandboxStore;
  setFaults(faults: KintoneFaultSettings | undefined): void;
  setLatency(ms: number): void;
  /** Requests served since start (for tests and the dev page). */
  requestCount(): number;
  /** Where webhooks go from now on; `undefined` switches them off. */
  setWebhookUrl(url: string | undefined): void;
  /** Webhook notifications so far: sent, dropped over the per-minute limit, answered 2xx, failed. */
  webhookStats(): WebhookStats;
  /** Resolves when every webhook sent so far has been answered, failed or timed out. */
  webhooksSettled(): Promise<void>;
  /**
   * What a user does on kintone's screen (no API has these effects): deleting one record from
   * its detail page, which kintone notifies as DELETE_RECORD.
   */
  screen: {
    deleteRecord(appId: string, id: string | number, by?: { code: string; name: string }): void;
  };
  stop(): Promise<void>;
}

export interface WebhookStats {
  sent: number;
  dropped: number;
  delivered: number;
  failed: number;
}

interface Cursor {
  appId: string;
  ids: number[];
  position: number;
  size: number;
  fields?: string[];
  lastUsed: number;
}

/** Parses `a=1&ids[0]=3&ids[1]=4&fields[0]=x` (the official client's qs format) into an object. */
function parseQueryString(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of search) {
    const match = /^([^[]+)\[(\d*)\]$/.exec(key);
    if (match) {
      const list = (params[match[1] as string] as string[] | undefined) ?? [];
      if (match[2] === '') list.push(value);
      else list[Number(match[2])] = value;
      params[match[1] as string] = list;
    } else {
      params[key] = value;
    }
  }
  return params;
}

const asArray = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

export async function startKintoneSandbox(options: KintoneSandboxOptions = {}): Promise<KintoneSandbox> {
  const apps = options.apps ?? KINTONE_APPS;
  const now = options.now ?? (() => new Date());
  const store = new KintoneSandboxStore(apps, now, options.dataFile);
  const tokens =
    options.tokens ??
    Object.fromEntries(apps.map((a) => [a.sandboxAppId, `sandbox-token-${a.sandboxAppId}`]));
  const cursorTtlMs = options.cursorTtlMs ?? 10 * 60 * 1000;
  const cursors = new Map<string, Cursor>();
  let faults = options.faults;
  let random = seededRandom(faults?.seed ?? 1);
  let active = 0;
  let latencyMs = options.latencyMs ?? 0;
  let served = 0;
  let webhookUrl = options.webhookUrl;
  const webhookTimeoutMs = options.webhookTimeoutMs ?? 10_000;
  const webhookStats: WebhookStats = { sent: 0, dropped: 0, delivered: 0, failed: 0 };
  /** When the notifications of the last minute were sent (ms), oldest first. */
  const sentTimes: number[] = [];
  const deliveries = new Set<Promise<void>>();

  const authorize = (req: IncomingMessage, appId: unknown) => {
    const header = req.headers['x-cybozu-api-token'];
    if (!header)
      throw new KintoneSandboxError(401, 'CB_WA01', 'Authentication is required (X-Cybozu-API-Token).');
    const given = String(header)
      .split(',')
      .map((t) => t.trim());
    const expected = tokens[String(appId)];
    if (!expected || !given.includes(expected)) {
      throw new KintoneSandboxError(
        403,
        'GAIA_IA02',
        'The specified API token does not match the API token generated via an app.',
      );
    }
  };

  const purgeCursors = () => {
    for (const [id, c] of cursors) if (now().getTime() - c.lastUsed > cursorTtlMs) cursors.delete(id);
  };

  /**
   * Sends one notification as kintone does: a unique id, at most 60 a minute for the whole
   * domain (the rest are dropped without a trace but the count), one attempt with a timeout.
   */
  const notify = (payload: Record<string, unknown>) => {
    const target = webhookUrl;
    if (!target) return;
    const at = now().getTime();
    while (sentTimes.length && at - (sentTimes[0] as number) >= 60_000) sentTimes.shift();
    if (sentTimes.length >= KINTONE_LIMITS.webhooksPerMinute) {
      webhookStats.dropped += 1;
      return;
    }
    sentTimes.push(at);
    webhookStats.sent += 1;
    const delivery = fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: randomUUID(), ...payload }),
      signal: AbortSignal.timeout(webhookTimeoutMs),
    })
      .then(async (res) => {
        await res.arrayBuffer();
        if (res.ok) webhookStats.delivered += 1;
        else webhookStats.failed += 1;
      })
      .catch(() => {
        webhookStats.failed += 1; // kintone does not retry failed notifications either
      })
      .finally(() => deliveries.delete(delivery));
    deliveries.add(delivery);
  };

  const appOf = (appId: string) => ({ id: appId, name: store.definition(appId).name });

  /** ADD_RECORD, UPDATE_RECORD and UPDATE_STATUS carry the record as `GET /record.json` returns it. */
  const notifyRecord = (
    type: 'ADD_RECORD' | 'UPDATE_RECORD' | 'UPDATE_STATUS',
    appId: string,
    record: StoredRecord,
  ) =>
    notify({
      type,
      app: appOf(appId),
      record: store.toKintone(appId, record),
      recordTitle: record.values.client_name ?? String(record.id),
      url: `${sandbox.url}/k/${appId}/show#record=${record.id}`,
    });

  /**
   * One API call against `store`, or against a bulk request's draft (authorised up front, and
   * committed only when every request of the bulk succeeded).
   */
  const call = (
    store: KintoneSandboxStore,
    method: string,
    api: string,
    params: Record<string, unknown>,
    single: boolean,
  ): [number, unknown] => {
    const appId = String(params.app ?? '');
    switch (`${method} ${api}`) {
      case 'GET /k/v1/record.json': {
        return [200, { record: store.toKintone(appId, store.get(appId, params.id)) }];
      }
      case 'POST /k/v1/record.json': {
        const record = store.transaction((s) => s.add(appId, params.record));
        if (single) notifyRecord('ADD_RECORD', appId, record);
        return [200, { id: String(record.id), revision: String(record.revision) }];
      }
      case 'PUT /k/v1/record.json': {
        const record = store.transaction((s) => s.update(appId, params, params.record));
        if (single) notifyRecord('UPDATE_RECORD', appId, record);
        return [200, { revision: String(record.revision) }];
      }
      case 'PUT /k/v1/record/status.json': {
        const { record } = store.transaction((s) => s.changeStatus(appId, params));
        if (single) notifyRecord('UPDATE_STATUS', appId, record);
        return [200, { revision: String(record.revision) }];
      }
      case 'PUT /k/v1/records/status.json': {
        const input = asArray(params.records) as StatusChange[];
        if (input.length > KINTONE_LIMITS.writeRecords) {
          throw validationError(`records: up to ${KINTONE_LIMITS.writeRecords} records per request.`);
        }
        // All or nothing, and no webhook: kintone notifies none for multi-record APIs.
        const changed = store.transaction((s) =>
          input.map((r, i) => s.changeStatus(appId, r ?? {}, `records[${i}]`).record),
        );
        return [200, { records: changed.map((r) => ({ id: String(r.id), revision: String(r.revision) })) }];
      }
      case 'GET /k/v1/app/status.json': {
        const process = store.definition(appId).process;
        if (!process) return [200, { enable: false, states: null, actions: null, revision: '1' }];
        const states = Object.fromEntries(
          process.states.map((name, index) => [
            name,
            { name, index: String(index), assignee: { type: 'ONE', entities: [] } },
          ]),
        );
        const actions = process.actions.map((a) => ({ ...a, filterCond: '', type: 'PRIMARY' }));
        return [200, { enable: true, states, actions, revision: '1' }];
      }
      case 'GET /k/v1/records.json': {
        const page = store.page(appId, String(params.query ?? ''), {
          totalCount: String(params.totalCount) === 'true',
          maxLimit: KINTONE_LIMITS.getRecords,
          maxOffset: KINTONE_LIMITS.maxOffset,
        });
        const fields = asArray(params.fields).map(String);
        return [
          200,
          {
            records: page.records.map((r) => store.toKintone(appId, r, fields)),
            totalCount: page.totalCount !== undefined ? String(page.totalCount) : null,
          },
        ];
      }
      case 'POST /k/v1/records.json': {
        const input = asArray(params.records);
        if (input.length > KINTONE_LIMITS.writeRecords) {
          throw validationError(`records: up to ${KINTONE_LIMITS.writeRecords} records per request.`);
        }
        const added = store.transaction((s) => input.map((r, i) => s.add(appId, r, `records[${i}]`)));
        return [
          200,
          { ids: added.map((r) => String(r.id)), revisions: added.map((r) => String(r.revision)) },
        ];
      }
      case 'PUT /k/v1/records.json': {
        const input = asArray(params.records) as {
          id?: unknown;
          updateKey?: unknown;
          revision?: unknown;
          record?: unknown;
        }[];
        if (input.length > KINTONE_LIMITS.writeRecords) {
          throw validationError(`records: up to ${KINTONE_LIMITS.writeRecords} records per request.`);
        }
        // upsert: true (kintone's upsert mode) adds a record whose updateKey matches none.
        const upsert = params.upsert === true || params.upsert === 'true';
        const written = store.transaction((s) =>
          input.map((r, i) => {
            if (upsert && r.updateKey && !s.hasKey(appId, r.updateKey)) {
              const key = r.updateKey as { field: string; value: unknown };
              const record = { ...(r.record as object), [key.field]: { value: key.value } };
              return { record: s.add(appId, record, `records[${i}].record`), operation: 'INSERT' };
            }
            return { record: s.update(appId, r, r.record, `records[${i}].record`), operation: 'UPDATE' };
          }),
        );
        return [
          200,
          {
            records: written.map(({ record, operation }) => ({
              id: String(record.id),
              revision: String(record.revision),
              ...(upsert ? { operation } : {}),
            })),
          },
        ];
      }
      case 'DELETE /k/v1/records.json': {
        const ids = asArray(params.ids);
        if (ids.length > KINTONE_LIMITS.writeRecords) {
          throw validationError(`ids: up to ${KINTONE_LIMITS.writeRecords} records per request.`);
        }
        store.transaction((s) => s.remove(appId, ids, asArray(params.revisions)));
        return [200, {}];
      }
      case 'POST /k/v1/records/cursor.json': {
        purgeCursors();
        const query = String(params.query ?? '');
        if (/\b(limit|offset)\b/i.test(query.replace(/"[^"]*"/g, ''))) {
          throw validationError('A cursor query cannot contain limit or offset.');
        }
        const size = params.size === undefined ? 100 : Number(params.size);
        if (!Number.isInteger(size) || size < 1 || size > KINTONE_LIMITS.cursorSize) {
          throw validationError(`size must be between 1 and ${KINTONE_LIMITS.cursorSize}.`);
        }
        if (cursors.size >= KINTONE_LIMITS.cursors) {
          throw new KintoneSandboxError(
            400,
            'GAIA_TM12',
            'The number of cursors exceeds the limit (10). Delete cursors that are not used.',
          );
        }
        const { records } = store.query(appId, query);
        const id = randomUUID();
        const fields = asArray(params.fields).map(String);
        cursors.set(id, {
          appId,
          ids: records.map((r) => r.id),
          position: 0,
          size,
          ...(fields.length ? { fields } : {}),
          lastUsed: now().getTime(),
        });
        return [200, { id, totalCount: String(records.length) }];
      }
      case 'GET /k/v1/records/cursor.json': {
        purgeCursors();
        const cursor = cursors.get(String(params.id));
        if (!cursor)
          throw new KintoneSandboxError(
            404,
            'GAIA_CU01',
            'The specified cursor does not exist or has expired.',
          );
        const ids = cursor.ids.slice(cursor.position, cursor.position + cursor.size);
        cursor.position += ids.length;
        cursor.lastUsed = now().getTime();
        const next = cursor.position < cursor.ids.length;
        if (!next) cursors.delete(String(params.id));
        const records = ids.flatMap((id) => {
          try {
            return [store.toKintone(cursor.appId, store.get(cursor.appId, id), cursor.fields)];
          } catch {
            return []; // deleted since the cursor was made
          }
        });
        return [200, { records, next }];
      }
      case 'DELETE /k/v1/records/cursor.json': {
        if (!cursors.delete(String(params.id))) {
          throw new KintoneSandboxError(
            404,
            'GAIA_CU01',
            'The specified cursor does not exist or has expired.',
          );
        }
        return [200, {}];
      }
      case 'GET /k/v1/app.json': {
        const app = store.definition(params.id);
        return [
          200,
          {
            appId: app.sandboxAppId,
            code: app.key.toUpperCase(),
            name: app.name,
            description: 'kintone sandbox app built from the hub’s app definition',
            spaceId: null,
            threadId: null,
            createdAt: '2026-01-01T00:00:00.000Z',
            creator: { code: 'sandbox', name: 'sandbox' },
            modifiedAt: '2026-01-01T00:00:00.000Z',
            modifier: { code: 'sandbox', name: 'sandbox' },
          },
        ];
      }
      case 'GET /k/v1/app/form/fields.json': {
        const properties = Object.fromEntries(
          store.fieldsOf(appId).map((f) => [
            f.code,
            {
              type: f.type,
              code: f.code,
              label: f.label,
              ...(f.type === 'STATUS' || f.type === 'STATUS_ASSIGNEE' ? { enabled: true } : {}),
              noLabel: false,
              required: Boolean(f.required),
              unique: Boolean(f.unique),
              ...(f.options
                ? {
                    options: Object.fromEntries(
                      f.options.map((o, index) => [o, { label: o, index: String(index) }]),
                    ),
                  }
                : {}),
            },
          ]),
        );
        return [200, { properties, revision: '1' }];
      }
      case 'GET /k/v1/app/form/layout.json': {
        const layout = store.definition(appId).fields.map((f: { code: string; type: string }) => ({
          type: 'ROW',
          fields: [{ type: f.type, code: f.code, size: { width: '300' } }],
        }));
        return [200, { layout, revision: '1' }];
      }
      default:
        throw new KintoneSandboxError(
          404,
          'CB_NO02',
          `The API (${method} ${api}) is not supported by the sandbox.`,
        );
    }
  };

  const bulk = (req: IncomingMessage, params: Record<string, unknown>): [number, unknown] => {
    const requests = asArray(params.requests) as {
      method?: string;
      api?: string;
      payload?: Record<string, unknown>;
    }[];
    if (requests.length > KINTONE_LIMITS.bulkRequests) {
      throw validationError(`requests: up to ${KINTONE_LIMITS.bulkRequests} requests per bulk request.`);
    }
    for (const r of requests) authorize(req, r.payload?.app);
    // All or nothing: every request runs against one copy that replaces the state only at the end.
    return store.transaction((draft) => {
      const results: unknown[] = [];
      for (const [i, r] of requests.entries()) {
        const api = String(r.api ?? '').replace(/^\/k\/guest\/\d+\/v1\//, '/k/v1/');
        if (
          !/^(POST|PUT|DELETE)$/.test(String(r.method)) ||
          !/^\/k\/v1\/records?(\/status)?\.json$/.test(api)
        ) {
          throw Object.assign(
            validationError(`requests[${i}]: ${r.method} ${r.api} is not allowed in a bulk request.`),
            {
              bulkIndex: i,
            },
          );
        }
        try {
          results.push(call(draft, String(r.method), api, r.payload ?? {}, false)[1]);
        } catch (error) {
          throw Object.assign(error as object, { bulkIndex: i, bulkSize: requests.length });
        }
      }
      return [200, { results }];
    });
  };

  const send = sendJson;

  const readJson = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    if (!text) return {};
    try {
      return JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new KintoneSandboxError(400, 'CB_IJ01', 'Invalid JSON string.');
    }
  };

  const server: Server = createServer(async (req, res) => {
    served += 1;
    active += 1;
    const requestId = randomUUID().slice(0, 20);
    try {
      if (active > KINTONE_LIMITS.concurrentRequests) {
        return send(res, 429, { id: requestId, code: 'CB_TO01', message: 'Too many concurrent requests.' });
      }
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname.replace(/^\/k\/guest\/\d+\/v1\//, '/k/v1/');
      let method = req.method ?? 'GET';
      let params: Record<string, unknown>;
      if (method === 'POST' && String(req.headers['x-http-method-override']).toUpperCase() === 'GET') {
        method = 'GET';
        params = await readJson(req);
      } else if (method === 'GET' || method === 'DELETE') {
        params = parseQueryString(url.searchParams);
        if (method === 'DELETE' && !url.search) params = await readJson(req);
      } else {
        params = await readJson(req);
      }

      const fault =
        faults && (!faults.pathFilter || new RegExp(faults.pathFilter).test(path)) && random() < faults.rate
          ? faults.kinds[Math.floor(random() * faults.kinds.length)]
          : undefined;
      if (fault === 'reset') return req.socket.destroy();
      if (fault === '429')
        return send(res, 429, { id: requestId, code: 'CB_TO01', message: 'Too many requests (injected).' });
      if (fault === '500' || fault === '503') {
        return send(res, Number(fault), {
          id: requestId,
          code: 'CB_IL02',
          message: 'Internal error (injected).',
        });
      }
      if (fault === 'GAIA_RE18') {
        return send(res, 409, {
          id: requestId,
          code: 'GAIA_RE18',
          message: 'The database is locked (injected).',
        });
      }

      let result: [number, unknown];
      if (path === '/k/v1/bulkRequest.json' && method === 'POST') {
        result = bulk(req, params);
      } else {
        if (path === '/k/v1/app.json') authorize(req, params.id);
        else if (path !== '/k/v1/records/cursor.json' || method === 'POST') authorize(req, params.app);
        else {
          // Cursor reads are authorised by the token of the app the cursor was made for.
          const owner = [...cursorsOwner(params.id)];
          authorize(req, owner[0] ?? '');
        }
        result = call(store, method, path, params, true);
      }
      // The request was applied, but the answer is lost: the client cannot know it succeeded.
      if (fault === 'timeout-after-commit') return req.socket.destroy();
      send(res, result[0], result[1]);
    } catch (error) {
      if (error instanceof KintoneQueryError) {
        return send(res, 400, { id: requestId, code: error.code, message: error.message });
      }
      if (error instanceof KintoneSandboxError) {
        const body = error.body(requestId);
        const bulkIndex = (error as { bulkIndex?: number }).bulkIndex;
        const bulkSize = (error as { bulkSize?: number }).bulkSize;
        if (bulkIndex !== undefined) {
          const results = Array.from({ length: bulkSize ?? bulkIndex + 1 }, (_, i) =>
            i === bulkIndex ? body : {},
          );
          return send(res, error.status, { results });
        }
        return send(res, error.status, body);
      }
      send(res, 500, { id: requestId, code: 'CB_IL02', message: 'Internal error in the sandbox.' });
    } finally {
      active -= 1;
    }
  });

  function* cursorsOwner(id: unknown) {
    const cursor = cursors.get(String(id));
    if (cursor) yield cursor.appId;
  }

  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  const sandbox: KintoneSandbox = {
    url: `http://localhost:${port}`,
    port,
    tokens,
    store,
    setFaults(next) {
      faults = next;
      random = seededRandom(next?.seed ?? 1);
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    requestCount: () => served,
    setWebhookUrl(url) {
      webhookUrl = url;
    },
    webhookStats: () => ({ ...webhookStats }),
    async webhooksSettled() {
      while (deliveries.size) await Promise.allSettled([...deliveries]);
    },
    screen: {
      deleteRecord(appId, id, by = { code: 'sandbox-user', name: 'sandbox user' }) {
        store.definition(appId);
        store.transaction((s) => s.remove(appId, [id]));
        notify({
          type: 'DELETE_RECORD',
          app: appOf(appId),
          recordId: String(id),
          deletedBy: by,
          deletedAt: `${now().toISOString().slice(0, 19)}Z`,
        });
      },
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    },
  };
  return sandbox;
}
