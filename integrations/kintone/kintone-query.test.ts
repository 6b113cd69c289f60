import { describe, expect, it } from 'vitest';
import { type FieldValueType, type KintoneQueryError, parseKintoneQuery } from './kintone-query.js';

const types = new Map<string, FieldValueType>([
  ['$id', 'number'],
  ['status', 'text'],
  ['client_name', 'text'],
  ['更新日時', 'datetime'],
]);
const rows = [
  { $id: 1, status: 'INQUIRY', client_name: '株式会社みなと物流', 更新日時: '2026-11-01T00:00:00Z' },
  { $id: 2, status: 'RECEIVED', client_name: 'サンプル製作所', 更新日時: '2026-11-10T00:00:00Z' },
  { $id: 3, status: 'OPEN', client_name: '株式会社テスト', 更新日時: '2026-11-20T00:00:00Z' },
];
const run = (q: string) => {
  const parsed = parseKintoneQuery(q, types);
  return rows.filter((r) => parsed.matches({ get: (f) => r[f as keyof typeof r] })).map((r) => r.$id);
};

describe('kintone query language (sandbox)', () => {
  it('evaluates comparisons, in, like, and/or and parentheses', () => {
    expect(run('$id > 1')).toEqual([2, 3]);
    expect(run('status in ("INQUIRY", "OPEN")')).toEqual([1, 3]);
    expect(run('status not in ("INQUIRY")')).toEqual([2, 3]);
    expect(run('client_name like "株式会社"')).toEqual([1, 3]);
    expect(run('client_name not like "株式会社"')).toEqual([2]);
    expect(run('(status = "OPEN" or status = "INQUIRY") and $id >= 2')).toEqual([3]);
    expect(run('更新日時 > "2026-11-05T00:00:00Z"')).toEqual([2, 3]);
    expect(run('status != "OPEN"')).toEqual([1, 2]);
  });

  it('reads order by, limit and offset', () => {
    const parsed = parseKintoneQuery('$id > 0 order by $id asc, status desc limit 500 offset 10', types);
    expect(parsed.orderBy).toEqual([
      { field: '$id', descending: false },
      { field: 'status', descending: true },
    ]);
    expect(parsed).toMatchObject({ limit: 500, offset: 10 });
    expect(parseKintoneQuery('order by $id desc limit 5', types).limit).toBe(5);
  });

  it('answers what it does not support with a kintone error instead of ignoring it', () => {
    const errorOf = (q: string) => {
      try {
        parseKintoneQuery(q, types);
      } catch (error) {
        return (error as KintoneQueryError).code;
      }
      return 'no error';
    };
    expect(errorOf('nosuch = "x"')).toBe('GAIA_IQ11');
    expect(errorOf('更新日時 > TODAY()')).toBe('CB_VA01');
    expect(errorOf('status = ')).toBe('GAIA_IQ03');
    expect(errorOf('status = "x" limit')).toBe('GAIA_IQ03');
    expect(errorOf('status = "unterminated')).toBe('GAIA_IQ03');
  });
});
