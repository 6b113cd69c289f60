/**
 * Linking an inquiry to a client (A1-1, A1-3): the normalised name AND a second key must match;
 * a name-only match is a possible duplicate, never a silent merge. Each rule below is one the
 * agency relies on; a change to any of them makes a case here fail.
 */
import { describe, expect, it } from 'vitest';
import type { Client } from './client.js';
import {
  companyEmailDomain,
  type MatchingKeys,
  matchClient,
  normalizeCompanyName,
  normalizePhone,
} from './client-matching.js';

type ClientFacts = Partial<Omit<Client, 'phones' | 'emailDomains'>> &
  Pick<Client, 'clientId'> & { phones?: readonly string[]; emailDomains?: readonly string[] };
const client = ({ phones = [], emailDomains = [], ...over }: ClientFacts): Client => ({
  name: '株式会社テスト',
  normalizedName: 'テスト',
  stage: 'PROSPECT',
  possibleDuplicateOf: [],
  version: 1,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  ...over,
  phones: [...phones],
  emailDomains: [...emailDomains],
});

describe('normalizeCompanyName', () => {
  it.each([
    ['株式会社テスト'],
    ['有限会社テスト'],
    ['合同会社テスト'],
    ['合資会社テスト'],
    ['合名会社テスト'],
    ['一般社団法人テスト'],
    ['一般財団法人テスト'],
    ['公益社団法人テスト'],
    ['公益財団法人テスト'],
    ['医療法人テスト'],
    ['社会福祉法人テスト'],
    ['(株)テスト'],
    ['(有)テスト'],
    ['(同)テスト'],
    ['(資)テスト'],
    ['(名)テスト'],
    ['テスト株式会社'],
    ['㈱テスト'],
    ['（株）テスト'],
    ['㈲テスト'],
    ['テスト 有限会社'],
    ['　テスト　'],
  ])('drops the legal form and spaces of %s', (name) => {
    expect(normalizeCompanyName(name)).toBe('テスト');
  });

  it('folds width and case so the same company written differently is one key', () => {
    expect(normalizeCompanyName('ＡＢＣ　Ｔｒａｄｉｎｇ 株式会社')).toBe('abctrading');
    expect(normalizeCompanyName('abc trading')).toBe('abctrading');
  });

  it('keeps words that are not a legal form', () => {
    expect(normalizeCompanyName('株式会社テスト工業')).toBe('テスト工業');
    expect(normalizeCompanyName('テスト株')).toBe('テスト株');
  });
});

describe('normalizePhone', () => {
  it('keeps digits only', () => {
    expect(normalizePhone('03-1234-5678')).toBe('0312345678');
    expect(normalizePhone('(03) 1234 5678')).toBe('0312345678');
    expect(normalizePhone('０３－１２３４－５６７８')).toBe('0312345678');
  });

  it('turns the +81 country code back into the domestic leading 0', () => {
    expect(normalizePhone('+81-3-1234-5678')).toBe('0312345678');
    expect(normalizePhone(' +81 90 1234 5678')).toBe('09012345678');
    expect(normalizePhone('＋８１３１２３４５６７８')).toBe('0312345678');
  });

  it('leaves a domestic number that merely starts with 81 alone', () => {
    expect(normalizePhone('81-1234-5678')).toBe('8112345678');
  });

  it('leaves another country code alone', () => {
    expect(normalizePhone('+1 212 555 0100')).toBe('12125550100');
  });
});

describe('companyEmailDomain', () => {
  it.each([
    'gmail.com',
    'yahoo.co.jp',
    'ymail.ne.jp',
    'outlook.com',
    'outlook.jp',
    'hotmail.com',
    'hotmail.co.jp',
    'live.jp',
    'icloud.com',
    'me.com',
    'docomo.ne.jp',
    'ezweb.ne.jp',
    'au.com',
    'softbank.ne.jp',
    'i.softbank.jp',
  ])('never uses the free-mail domain %s as a key', (domain) => {
    expect(companyEmailDomain(`someone@${domain}`)).toBeUndefined();
    expect(companyEmailDomain(`someone@${domain.toUpperCase()}`)).toBeUndefined();
  });

  it('uses a company domain, lower-cased and trimmed', () => {
    expect(companyEmailDomain('soumu@Example.CO.JP ')).toBe('example.co.jp');
  });

  it('has no key without an address or without a domain', () => {
    expect(companyEmailDomain(undefined)).toBeUndefined();
    expect(companyEmailDomain('no-at-sign')).toBeUndefined();
    expect(companyEmailDomain('trailing@')).toBeUndefined();
  });
});

describe('matchClient', () => {
  const keys = (over: Partial<MatchingKeys> = {}): MatchingKeys => ({ normalizedName: 'テスト', ...over });

  it('is a new prospect when no client has the name', () => {
    expect(matchClient(keys({ phone: '0312345678' }), [])).toEqual({ kind: 'NEW_PROSPECT' });
    const other = client({ clientId: 'c1', normalizedName: 'べつ', phones: ['0312345678'] });
    expect(matchClient(keys({ phone: '0312345678' }), [other])).toEqual({ kind: 'NEW_PROSPECT' });
  });

  it.each([
    ['the phone', { phone: '0312345678' }, { phones: ['0312345678'] }],
    ['the e-mail domain', { emailDomain: 'test.example' }, { emailDomains: ['test.example'] }],
    ['the corporate number', { corporateNumber: '1234567890123' }, { corporateNumber: '1234567890123' }],
  ] as const)('links to the client when the name and %s match', (_, given, stored) => {
    const existing = client({ clientId: 'c1', ...stored });
    expect(matchClient(keys(given), [existing])).toEqual({ kind: 'EXISTING_CLIENT', client: existing });
  });

  it.each([
    ['phone', { phone: '0399999999' }, { phones: ['0312345678'] }],
    ['e-mail domain', { emailDomain: 'other.example' }, { emailDomains: ['test.example'] }],
    ['corporate number', { corporateNumber: '9999999999999' }, { corporateNumber: '1234567890123' }],
  ] as const)('flags a possible duplicate when only the name matches (different %s)', (_, given, stored) => {
    const existing = client({ clientId: 'c1', ...stored });
    expect(matchClient(keys(given), [existing])).toEqual({
      kind: 'POSSIBLE_DUPLICATE',
      candidates: [existing],
    });
  });

  it('flags a possible duplicate when the inquiry brings no second key at all', () => {
    const existing = client({ clientId: 'c1', phones: ['0312345678'], corporateNumber: '1234567890123' });
    expect(matchClient(keys(), [existing])).toEqual({ kind: 'POSSIBLE_DUPLICATE', candidates: [existing] });
  });

  it('does not treat two unknown corporate numbers as a match', () => {
    const existing = client({ clientId: 'c1' });
    expect(matchClient(keys({ phone: '0399999999' }), [existing]).kind).toBe('POSSIBLE_DUPLICATE');
  });

  it('never links to or flags an inactive client', () => {
    const inactive = client({ clientId: 'c1', stage: 'INACTIVE', phones: ['0312345678'] });
    expect(matchClient(keys({ phone: '0312345678' }), [inactive])).toEqual({ kind: 'NEW_PROSPECT' });
    const active = client({ clientId: 'c2', stage: 'TRADING', phones: ['0312345678'] });
    expect(matchClient(keys({ phone: '0312345678' }), [inactive, active])).toEqual({
      kind: 'EXISTING_CLIENT',
      client: active,
    });
  });

  it('lists only the active same-name clients as duplicate candidates', () => {
    const inactive = client({ clientId: 'c1', stage: 'INACTIVE' });
    const active = client({ clientId: 'c2' });
    const otherName = client({ clientId: 'c3', normalizedName: 'べつ' });
    expect(matchClient(keys({ phone: '0300000000' }), [inactive, active, otherName])).toEqual({
      kind: 'POSSIBLE_DUPLICATE',
      candidates: [active],
    });
  });

  it('links to the oldest of several clients that match, whatever their order', () => {
    const newer = client({ clientId: 'new', phones: ['0312345678'], createdAt: '2026-11-20T00:00:00.000Z' });
    const older = client({
      clientId: 'old',
      emailDomains: ['test.example'],
      createdAt: '2026-10-01T00:00:00.000Z',
    });
    const nameOnly = client({ clientId: 'name', createdAt: '2026-01-01T00:00:00.000Z' });
    const k = keys({ phone: '0312345678', emailDomain: 'test.example' });
    for (const list of [
      [newer, older, nameOnly],
      [nameOnly, older, newer],
    ]) {
      expect(matchClient(k, list)).toEqual({ kind: 'EXISTING_CLIENT', client: older });
    }
  });
});
