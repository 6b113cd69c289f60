/**
 * A G-Staff sandbox serving the hub's assumed REST contract (docs/integrations/gstaff.md) with a
 * realistic seeded register: clients with and without past troubles, conflict dates, turnover,
 * and the worker register (workers with their assignments, some close to their 3-year limits). Bearer-key auth, idempotent
 * registration, cursor paging, seeded fault injection.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readJsonBody, seededRandom, sendJson } from '../shared/sandbox-kit.js';
import { GSTAFF_PATHS, type GStaffApiClient, type GStaffApiWorker } from './gstaff-mapping.js';

export type GStaffFaultKind = '429' | '500' | '503' | 'reset' | 'timeout-after-commit';

export interface GStaffSandboxOptions {
  port?: number;
  apiKey?: string;
  faults?: { rate: number; seed: number; kinds: GStaffFaultKind[] };
  now?: () => Date;
  /**
   * Where the sandbox keeps what it was told (registrations, contracts), so a restarted local hub
   * finds the clients it registered before, as it would in G-Staff. In memory when absent (tests).
   */
  stateFile?: string;
}

export interface GStaffSandbox {
  url: string;
  apiKey: string;
  clients: Map<string, GStaffApiClient>;
  /** Stored contracts by G-Staff id: the file and its retention deadline. */
  contracts: Map<
    string,
    {
      kokyakuCode: string;
      /** KIHON (basic) or KOBETSU (individual). */
      keiyakuShubetsu?: string;
      fileBase64: string;
      sha256: string;
      hozonKigen: string | null;
    }
  >;
  shares: Map<string, Record<string, unknown>>;
  /** Credit decisions (与信結果) recorded on clients. */
  creditDecisions: Map<string, Record<string, unknown>>;
  setFaults(faults: GStaffSandboxOptions['faults']): void;
  requestCount(): number;
  stop(): Promise<void>;
}

const client = (
  c: Partial<GStaffApiClient> & Pick<GStaffApiClient, 'kokyakuCode' | 'kokyakuName'>,
): GStaffApiClient => ({
  torihikiJoutai: 'ACTIVE',
  troubles: [],
  jigyoushoList: [],
  koushinNichiji: '2026-10-01T00:00:00.000Z',
  ...c,
});

/** The seeded register. */
export function seededGStaffClients(): GStaffApiClient[] {
  return [
    client({
      kokyakuCode: 'G-1001',
      kokyakuName: '株式会社みなと物流',
      houjinBangou: '1010001000001',
      tel: '03-1234-5678',
      jigyoushoList: [
        { jigyousho: '品川第一倉庫', teshokubi: '2027-03-31' },
        { jigyousho: '大井ふ頭センター', teshokubi: '2028-09-30' },
      ],
      rishokuritsu: 0.12,
    }),
    client({
      kokyakuCode: 'G-1002',
      kokyakuName: '有限会社テスト製作所',
      tel: '06-9876-5432',
      troubles: [
        { date: '2024-06-12', naiyou: '残業代の支払遅延（派遣スタッフからの苦情、解決済み）' },
        { date: '2025-11-03', naiyou: '安全靴の未支給による軽微な事故' },
      ],
      jigyoushoList: [{ jigyousho: '本社工場', teshokubi: '2027-01-15' }],
      rishokuritsu: 0.38,
    }),
    client({
      kokyakuCode: 'G-0871',
      kokyakuName: '株式会社旧取引商事',
      torihikiJoutai: 'ENDED',
      troubles: [{ date: '2021-02-01', naiyou: '契約外業務の指示' }],
      rishokuritsu: 0.45,
    }),
    client({
      kokyakuCode: 'G-1003',
      kokyakuName: '株式会社サンプル食品',
      houjinBangou: '3030003000003',
      jigyoushoList: [{ jigyousho: '川崎工場', teshokubi: '2026-12-31' }],
      rishokuritsu: 0.05,
    }),
  ];
}

/**
 * The seeded worker register (スタッフ台帳): workers with their assignments by client
 * establishment and organisational unit — one close to the 3-year individual limit after a short
 * break, one whose earlier run was broken by more than 3 months, a worker of 60 or over, an
 * indefinite-term worker, and a new registrant with no assignment yet.
 */
export function seededGStaffWorkers(): GStaffApiWorker[] {
  return [
    {
      staff_code: 'S-001',
      shimei: '山本 翔太',
      koyouKubun: 'YUUKI',
      seinengappi: '1992-05-14',
      hakenRireki: [
        {
          haken_id: 'H-1',
          kokyakuCode: 'G-1001',
          jigyousho: '品川第一倉庫',
          soshikiTani: '出荷課',
          tantouEigyou: 'sales.tokyo1',
          kaishiBi: '2024-04-01',
        },
      ],
    },
    {
      staff_code: 'S-002',
      shimei: '小林 真由美',
      koyouKubun: 'YUUKI',
      seinengappi: '1988-11-02',
      hakenRireki: [
        {
          haken_id: 'H-5',
          kokyakuCode: 'G-1001',
          jigyousho: '品川第一倉庫',
          soshikiTani: '入荷課',
          tantouEigyou: 'sales.tokyo1',
          kaishiBi: '2023-04-01',
          shuuryouBi: '2023-09-30',
        },
        {
          haken_id: 'H-2',
          kokyakuCode: 'G-1001',
          jigyousho: '品川第一倉庫',
          soshikiTani: '入荷課',
          tantouEigyou: 'sales.tokyo1',
          kaishiBi: '2023-12-01',
        },
      ],
    },
    {
      staff_code: 'S-003',
      shimei: '中村 健二',
      koyouKubun: 'MUKI',
      seinengappi: '1979-01-20',
      hakenRireki: [
        {
          haken_id: 'H-3',
          kokyakuCode: 'G-1002',
          jigyousho: '本社工場',
          soshikiTani: '検品課',
          tantouEigyou: 'sales.osaka1',
          kaishiBi: '2024-01-16',
        },
      ],
    },
    {
      staff_code: 'S-004',
      shimei: '加藤 美穂',
      koyouKubun: 'YUUKI',
      seinengappi: '1995-07-30',
      hakenRireki: [
        {
          haken_id: 'H-6',
          kokyakuCode: 'G-1003',
          jigyousho: '川崎工場',
          soshikiTani: '製造一課',
          tantouEigyou: 'sales.tokyo2',
          kaishiBi: '2022-01-10',
          shuuryouBi: '2022-12-31',
        },
        {
          haken_id: 'H-4',
          kokyakuCode: 'G-1003',
          jigyousho: '川崎工場',
          soshikiTani: '製造一課',
          tantouEigyou: 'sales.tokyo2',
          kaishiBi: '2025-05-01',
          shuuryouBi: '2026-04-30',
        },
      ],
    },
    {
      staff_code: 'S-005',
      shimei: '斎藤 和夫',
      koyouKubun: 'YUUKI',
      seinengappi: '1962-03-08',
      hakenRireki: [],
    },
    {
      staff_code: 'S-006',
      shimei: '松本 彩',
      koyouKubun: 'YUUKI',
      seinengappi: '2001-09-19',
      hakenRireki: [],
    },
  ];
}

const PAGE_LIMIT = 200;

const SHARE_DOCUMENT = new RegExp(`^${GSTAFF_PATHS.individualContractShares}/([^/]+)/document$`);
const CONTRACT_RETENTION = new RegExp(`^${GSTAFF_PATHS.contracts}/([^/]+)/retention$`);

/** The sandbox's 個別契約書: a PDF whose text lists the shared items (G-Staff's own layout is unknown). */
function individualContractPdf(shareId: string, share: Record<string, unknown>): Buffer {
  const items = Object.entries((share.koumoku ?? {}) as Record<string, unknown>).map(
    ([label, value]) => `% ${label}: ${String(value).replace(/[\r\n]+/g, ' ')}`,
  );
  return Buffer.from(
    [
      '%PDF-1.4',
      `% 労働者派遣個別契約書 ${shareId}`,
      `% 派遣期間: ${String(share.kaishiBi)} - ${String(share.shuuryouBi)}`,
      `% 事業所: ${String(share.jigyousho)} / 組織単位: ${String(share.soshikiTani)}`,
      `% 派遣労働者: ${String(share.staff_code)}`,
      ...items,
      '%%EOF',
      '',
    ].join('\n'),
  );
}

export async function startGStaffSandbox(options: GStaffSandboxOptions = {}): Promise<GStaffSandbox> {
  const apiKey = options.apiKey ?? 'sandbox-gstaff-key';
  const now = options.now ?? (() => new Date());
  const clients = new Map(seededGStaffClients().map((c) => [c.kokyakuCode, c]));
  const workers = seededGStaffWorkers();
  const registrations = new Map<string, { status: number; body: unknown }>();
  const contracts: GStaffSandbox['contracts'] = new Map();
  const shares: GStaffSandbox['shares'] = new Map();
  const creditDecisions: GStaffSandbox['creditDecisions'] = new Map();
  /** Answers of idempotent POSTs, by path and Idempotency-Key. */
  const answered = new Map<string, unknown>();
  let faults = options.faults;
  let random = seededRandom(faults?.seed ?? 1);
  let served = 0;
  let nextCode = 2001;
  if (options.stateFile && existsSync(options.stateFile)) {
    const saved = JSON.parse(readFileSync(options.stateFile, 'utf8')) as {
      clients: GStaffApiClient[];
      registrations: [string, { status: number; body: unknown }][];
      contracts: [string, GStaffSandbox['contracts'] extends Map<string, infer V> ? V : never][];
      shares: [string, Record<string, unknown>][];
      answered: [string, unknown][];
      nextCode: number;
    };
    for (const c of saved.clients) clients.set(c.kokyakuCode, c);
    for (const [k, v] of saved.registrations) registrations.set(k, v);
    for (const [k, v] of saved.contracts) contracts.set(k, v);
    for (const [k, v] of saved.shares) shares.set(k, v);
    for (const [k, v] of saved.answered) answered.set(k, v);
    nextCode = saved.nextCode;
  }
  const persist = () => {
    if (!options.stateFile) return;
    writeFileSync(
      options.stateFile,
      JSON.stringify({
        clients: [...clients.values()],
        registrations: [...registrations],
        contracts: [...contracts],
        shares: [...shares],
        answered: [...answered],
        nextCode,
      }),
    );
  };

  const send = sendJson;
  /** Answers a G-Staff error; false, so a write can return it as "answered already". */
  const error = (res: ServerResponse, status: number, code: string, message: string) => {
    send(res, status, { error: { code, message } });
    return false;
  };

  const page = <T>(items: T[], url: URL) => {
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 100), PAGE_LIMIT);
    const start = Number(url.searchParams.get('cursor') ?? 0);
    const slice = items.slice(start, start + limit);
    return { items: slice, nextCursor: start + limit < items.length ? String(start + limit) : null };
  };

  const readJson = readJsonBody;

  /**
   * A write made once per Idempotency-Key (required): the same path and key again answers the
   * first answer and changes nothing. `write` answers [status, body], or whatever `error` gives
   * once it has answered an error itself.
   */
  const once = async (
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    write: () => Promise<[number, unknown] | boolean>,
  ): Promise<[number, unknown] | undefined> => {
    const key = req.headers['idempotency-key'];
    if (!key) {
      error(res, 400, 'IDEMPOTENCY_KEY_REQUIRED', 'Idempotency-Key header is required');
      return undefined;
    }
    const earlier = answered.get(`${url.pathname}#${String(key)}`);
    if (earlier) return [200, earlier];
    const written = await write();
    if (!Array.isArray(written)) return undefined;
    answered.set(`${url.pathname}#${String(key)}`, written[1]);
    return written;
  };

  const server = createServer(async (req, res) => {
    served += 1;
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.headers.authorization !== `Bearer ${apiKey}`)
        return error(res, 401, 'UNAUTHORIZED', 'invalid API key');
      const fault =
        faults && random() < faults.rate
          ? faults.kinds[Math.floor(random() * faults.kinds.length)]
          : undefined;
      if (fault === 'reset') return req.socket.destroy();
      if (fault === '429') {
        res.setHeader('retry-after', '0');
        return error(res, 429, 'RATE_LIMITED', 'too many requests (injected)');
      }
      if (fault === '500' || fault === '503')
        return error(res, Number(fault), 'UNAVAILABLE', 'unavailable (injected)');

      let result: [number, unknown];
      if (req.method === 'GET' && url.pathname === GSTAFF_PATHS.clients) {
        const since = url.searchParams.get('updatedSince');
        const items = [...clients.values()]
          .filter((c) => !since || Date.parse(c.koushinNichiji) > Date.parse(since))
          .sort((a, b) => a.kokyakuCode.localeCompare(b.kokyakuCode));
        result = [200, page(items, url)];
      } else if (req.method === 'POST' && url.pathname === GSTAFF_PATHS.clients) {
        const key = req.headers['idempotency-key'];
        if (!key) return error(res, 400, 'IDEMPOTENCY_KEY_REQUIRED', 'Idempotency-Key header is required');
        const earlier = registrations.get(String(key));
        if (earlier) {
          result = [200, earlier.body];
        } else {
          const body = await readJson(req);
          if (typeof body.name !== 'string' || !body.name.trim())
            return error(res, 400, 'VALIDATION', 'name is required');
          const code = `G-${nextCode++}`;
          clients.set(code, {
            kokyakuCode: code,
            kokyakuName: body.name,
            ...(typeof body.corporateNumber === 'string' ? { houjinBangou: body.corporateNumber } : {}),
            ...(typeof body.phone === 'string' ? { tel: body.phone } : {}),
            torihikiJoutai: 'ACTIVE',
            troubles: [],
            jigyoushoList: [],
            koushinNichiji: now().toISOString(),
          });
          registrations.set(String(key), { status: 201, body: { gstaffClientId: code } });
          result = [201, { gstaffClientId: code }];
        }
      } else if (
        req.method === 'POST' &&
        (url.pathname === GSTAFF_PATHS.contracts ||
          url.pathname === GSTAFF_PATHS.individualContractShares ||
          url.pathname === GSTAFF_PATHS.creditDecisions)
      ) {
        const written = await once(req, res, url, async () => {
          const body = await readJson(req);
          if (!clients.has(String(body.kokyakuCode)))
            return error(res, 404, 'CLIENT_NOT_FOUND', 'no such client');
          let answer: unknown;
          if (url.pathname === GSTAFF_PATHS.contracts) {
            const file = Buffer.from(String(body.fileBase64 ?? ''), 'base64');
            const sha256 = createHash('sha256').update(file).digest('hex');
            if (file.length === 0 || sha256 !== body.sha256) {
              return error(res, 400, 'CHECKSUM_MISMATCH', 'the file does not match its sha256');
            }
            const id = `K-${contracts.size + 1}`;
            contracts.set(id, {
              kokyakuCode: String(body.kokyakuCode),
              keiyakuShubetsu: String(body.keiyakuShubetsu),
              fileBase64: String(body.fileBase64),
              sha256,
              hozonKigen: (body.hozonKigen as string | null) ?? null,
            });
            answer = { gstaffContractId: id };
          } else if (url.pathname === GSTAFF_PATHS.creditDecisions) {
            if (body.yoshinKekka !== 'SHOUNIN' && body.yoshinKekka !== 'HIKETSU')
              return error(res, 400, 'VALIDATION', 'yoshinKekka must be SHOUNIN or HIKETSU');
            const id = `CD-${creditDecisions.size + 1}`;
            creditDecisions.set(id, body);
            answer = { gstaffDecisionId: id };
          } else {
            // ASSUMED: a share names the order, the worker, the period and the contract's items.
            const missing = [
              'juchuuNo',
              'staff_code',
              'jigyousho',
              'soshikiTani',
              'kaishiBi',
              'shuuryouBi',
            ].find((field) => typeof body[field] !== 'string' || !String(body[field]).trim());
            if (missing) return error(res, 400, 'VALIDATION', `${missing} is required`);
            if (!body.koumoku || typeof body.koumoku !== 'object')
              return error(res, 400, 'VALIDATION', 'koumoku (the contract items) is required');
            const id = `SH-${shares.size + 1}`;
            shares.set(id, body);
            answer = { gstaffShareId: id };
          }
          return [201, answer];
        });
        if (!written) return;
        result = written;
      } else if (req.method === 'GET' && SHARE_DOCUMENT.test(url.pathname)) {
        // ASSUMED: G-Staff draws up the 個別契約書 from the shared items (here, a PDF naming them).
        const id = decodeURIComponent(url.pathname.match(SHARE_DOCUMENT)?.[1] ?? '');
        const share = shares.get(id);
        if (!share) return error(res, 404, 'NOT_FOUND', `no share ${id}`);
        const pdf = individualContractPdf(id, share);
        result = [
          200,
          {
            fileName: `個別契約書_${String(share.juchuuNo)}_${String(share.kaishiBi)}.pdf`,
            fileBase64: pdf.toString('base64'),
            sha256: createHash('sha256').update(pdf).digest('hex'),
          },
        ];
      } else if (req.method === 'PUT' && CONTRACT_RETENTION.test(url.pathname)) {
        // ASSUMED: the retention deadline of a stored contract moves (a renewal; the basic
        // contract's last individual contract ended, or a new one reopened it). Like every write
        // of the contract, it carries an Idempotency-Key: the same key again answers the first
        // answer and changes nothing (a late retry never undoes a later move).
        const written = await once(req, res, url, async () => {
          const id = decodeURIComponent(url.pathname.match(CONTRACT_RETENTION)?.[1] ?? '');
          const stored = contracts.get(id);
          if (!stored) return error(res, 404, 'NOT_FOUND', `no contract ${id}`);
          const body = await readJson(req);
          const until = body.hozonKigen;
          if (until !== null && (typeof until !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(until)))
            return error(res, 400, 'VALIDATION', 'hozonKigen must be YYYY-MM-DD or null (open)');
          contracts.set(id, { ...stored, hozonKigen: until });
          return [200, { gstaffContractId: id, hozonKigen: until }];
        });
        if (!written) return;
        result = written;
      } else if (req.method === 'GET' && url.pathname === GSTAFF_PATHS.workers) {
        result = [200, page(workers, url)];
      } else {
        return error(res, 404, 'NOT_FOUND', `${req.method} ${url.pathname} is not part of the contract`);
      }
      if (fault === 'timeout-after-commit') return req.socket.destroy();
      if ((req.method === 'POST' || req.method === 'PUT') && result[0] < 300) persist();
      send(res, result[0], result[1]);
    } catch {
      error(res, 500, 'INTERNAL', `sandbox error ${randomUUID().slice(0, 8)}`);
    }
  });
  await new Promise<void>((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    clients,
    contracts,
    shares,
    creditDecisions,
    setFaults(next) {
      faults = next;
      random = seededRandom(next?.seed ?? 1);
    },
    requestCount: () => served,
    async stop() {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    },
  };
}
