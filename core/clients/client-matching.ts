/**
 * Linking an inquiry to a client (docs/policy.md, "Inquiries"): the normalised company name AND a
 * second key (phone, e-mail domain or corporate number) must match. A name-only match makes
 * a new prospect flagged as a possible duplicate; nothing is merged silently.
 * Requirements: A1-1, A1-3.
 */
import type { Client } from './client.js';

/** Legal-entity markers, after NFKC (so ㈱ and （株） are already `(株)`). */
const LEGAL_ENTITY_MARKERS = [
  '株式会社',
  '有限会社',
  '合同会社',
  '合資会社',
  '合名会社',
  '一般社団法人',
  '一般財団法人',
  '公益社団法人',
  '公益財団法人',
  '医療法人',
  '社会福祉法人',
  '(株)',
  '(有)',
  '(同)',
  '(資)',
  '(名)',
];

export function normalizeCompanyName(name: string): string {
  let value = name.normalize('NFKC');
  for (const marker of LEGAL_ENTITY_MARKERS) value = value.replaceAll(marker, '');
  return value.replace(/\s+/g, '').toLowerCase();
}

/** Digits only, with a +81 country code turned back into the domestic leading 0. */
export function normalizePhone(phone: string): string {
  const folded = phone.normalize('NFKC');
  const digits = folded.replace(/\D/g, '');
  // After NFKC, so a full-width ＋ (as a Japanese IME types it) is a country code too.
  return digits.startsWith('81') && folded.trim().startsWith('+') ? `0${digits.slice(2)}` : digits;
}

/** Free-mail domains say nothing about the company, so they are never a matching key. */
const FREE_MAIL_DOMAINS = new Set([
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
]);

export function companyEmailDomain(email: string | undefined): string | undefined {
  const domain = email?.split('@')[1]?.trim().toLowerCase();
  return domain && !FREE_MAIL_DOMAINS.has(domain) ? domain : undefined;
}

export interface MatchingKeys {
  normalizedName: string;
  phone?: string;
  emailDomain?: string;
  corporateNumber?: string;
}

export type ClientMatchResult =
  | { kind: 'EXISTING_CLIENT'; client: Client }
  | { kind: 'POSSIBLE_DUPLICATE'; candidates: Client[] }
  | { kind: 'NEW_PROSPECT' };

/** Decides among clients that already share the normalised name. */
export function matchClient(keys: MatchingKeys, sameName: readonly Client[]): ClientMatchResult {
  const candidates = sameName.filter(
    (c) => c.normalizedName === keys.normalizedName && c.stage !== 'INACTIVE',
  );
  const secondKeyMatches = candidates
    .filter(
      (c) =>
        (keys.phone !== undefined && c.phones.includes(keys.phone)) ||
        (keys.emailDomain !== undefined && c.emailDomains.includes(keys.emailDomain)) ||
        (keys.corporateNumber !== undefined && c.corporateNumber === keys.corporateNumber),
    )
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const oldest = secondKeyMatches[0];
  if (oldest) return { kind: 'EXISTING_CLIENT', client: oldest };
  if (candidates.length > 0) return { kind: 'POSSIBLE_DUPLICATE', candidates };
  return { kind: 'NEW_PROSPECT' };
}
