/** The client ledger's name search (A2-1, X-5), with the in-memory ledger. */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../access.js';
import { FixedClock } from '../clock.js';
import { randomIds } from '../ids.js';
import { defaultPolicy } from '../policy-config.js';
import { InMemoryClientLedger } from '../testing/in-memory-ledger.js';
import type { Client } from './client.js';
import { normalizeCompanyName } from './client-matching.js';
import { listClients, NAME_SEARCH_BUDGET } from './list-clients.js';

const director: Actor = { userId: 'dir-1', role: 'DIRECTOR' };
const salesTokyo: Actor = { userId: 'sales-tokyo-1', role: 'SALES', department: 'SALES_TOKYO' };

function client(n: number, name: string, department = 'SALES_TOKYO'): Client {
  const at = new Date(Date.UTC(2026, 10, 1, 0, 0, n)).toISOString();
  return {
    clientId: `c-${String(n).padStart(5, '0')}`,
    name,
    normalizedName: normalizeCompanyName(name),
    phones: [],
    emailDomains: [],
    stage: 'PROSPECT',
    department,
    possibleDuplicateOf: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

async function ledgerWith(clients: Client[]) {
  const ledger = new InMemoryClientLedger();
  // One commit is one transaction of at most 100 items, as on DynamoDB.
  for (let i = 0; i < clients.length; i += 100) {
    await ledger.commit(
      clients.slice(i, i + 100).map((value) => ({ entity: { type: 'CLIENT' as const, value } })),
      [],
    );
  }
  const deps = {
    ledger,
    clock: new FixedClock(new Date('2026-12-01T00:00:00Z')),
    ids: randomIds,
    policy: defaultPolicy,
  };
  return deps as unknown as Parameters<typeof listClients>[0];
}

const names = async (deps: Parameters<typeof listClients>[0], actor: Actor, name: string) =>
  (await listClients(deps, actor, { name }, { first: 50 })).items.map((c) => c.name);

describe('the client ledger’s name search', () => {
  it('matches part of the name in any width and with any form of 株式会社', async () => {
    const deps = await ledgerWith([
      client(1, '株式会社サンプル商事'),
      client(2, '（株）ｻﾝﾌﾟﾙ物流'),
      client(3, 'ＡＢＣ Ｔｒａｄｉｎｇ 有限会社'),
      client(4, '東京テスト工業'),
    ]);
    // Newest first, as the ledger lists.
    expect(await names(deps, director, 'サンプル')).toEqual(['（株）ｻﾝﾌﾟﾙ物流', '株式会社サンプル商事']);
    expect(await names(deps, director, 'ｻﾝﾌﾟﾙ 商事')).toEqual(['株式会社サンプル商事']);
    expect(await names(deps, director, '㈱サンプル物流')).toEqual(['（株）ｻﾝﾌﾟﾙ物流']);
    expect(await names(deps, director, 'abc trading')).toEqual(['ＡＢＣ Ｔｒａｄｉｎｇ 有限会社']);
    expect(await names(deps, director, 'ノーマッチ')).toEqual([]);
    // A blank search is no search.
    expect(await names(deps, director, '  ')).toHaveLength(4);
  });

  it('refuses a term that is only a legal form, naming the field', async () => {
    const deps = await ledgerWith([client(1, '株式会社サンプル')]);
    await expect(listClients(deps, director, { name: '株式会社' }, {})).rejects.toMatchObject({
      name: 'ValidationError',
      fieldErrors: [expect.objectContaining({ path: 'filter.name' })],
    });
  });

  it('stays within the caller’s department and the other filters', async () => {
    const deps = await ledgerWith([
      client(1, 'サンプル東京', 'SALES_TOKYO'),
      client(2, 'サンプル大阪', 'SALES_OSAKA'),
    ]);
    expect(await names(deps, salesTokyo, 'サンプル')).toEqual(['サンプル東京']);
    expect(await names(deps, director, 'サンプル')).toEqual(['サンプル大阪', 'サンプル東京']);
    const osaka = await listClients(deps, director, { name: 'サンプル', department: 'SALES_OSAKA' }, {});
    expect(osaka.items.map((c) => c.name)).toEqual(['サンプル大阪']);
    const trading = await listClients(deps, director, { name: 'サンプル', stage: 'TRADING' }, {});
    expect(trading.items).toEqual([]);
  });

  it('pages through the matches, each page continuing after the last one', async () => {
    const clients = Array.from({ length: 250 }, (_, i) =>
      client(i, i % 3 === 0 ? `サンプル${i}号店` : `別会社${i}`),
    );
    const deps = await ledgerWith(clients);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await listClients(
        deps,
        director,
        { name: 'サンプル' },
        { first: 30, ...(after ? { after } : {}) },
      );
      seen.push(...page.items.map((c) => c.clientId));
      expect(page.items.length).toBeLessThanOrEqual(30);
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    const expected = clients
      .filter((_, i) => i % 3 === 0)
      .map((c) => c.clientId)
      .reverse();
    expect(seen).toEqual(expected);
  });

  it('reads at most its budget per request and says where to go on', async () => {
    const clients = [
      client(0, 'サンプル最古'),
      ...Array.from({ length: NAME_SEARCH_BUDGET + 10 }, (_, i) => client(i + 1, `別会社${i}`)),
    ];
    const deps = await ledgerWith(clients);
    const first = await listClients(deps, director, { name: 'サンプル' }, { first: 10 });
    expect(first.items).toEqual([]);
    expect(first.hasNextPage).toBe(true);
    const next = await listClients(
      deps,
      director,
      { name: 'サンプル' },
      { first: 10, after: first.endCursor as string },
    );
    expect(next.items.map((c) => c.name)).toEqual(['サンプル最古']);
    expect(next.hasNextPage).toBe(false);
  });
});
