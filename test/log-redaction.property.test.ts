/**
 * The logger's redaction, tried with generated data (fast-check) through the real logger
 * (`createLogger`, Powertools with the redacting replacer), reading the lines as CloudWatch would
 * get them: a person's name, phone number or e-mail address never reaches a line, whatever key
 * holds it, however deep, or inside the message or an error; identifiers, reason codes and error
 * names always do. `PROPERTY_RUNS` sets the number of cases (npm run test:soak: 500).
 * Requirements: X-5.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { redactText } from '../core/personal-data.js';
import { captureLog } from './support/captured-log.js';
import { EMAIL_PATTERN, PHONE_PATTERN } from './support/log-lines.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 50);
const log = captureLog();
afterAll(() => log.stop());
const logger = log.logger('redaction-property');

/** What one call wrote: the JSON records only. */
function logged(write: () => void): string[] {
  const from = log.lines.length;
  write();
  return log.lines
    .slice(from)
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.startsWith('{"level"'));
}

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
/** Japanese numbers as people write them: landline, mobile, +81, full-width, with any separator. */
const phone = fc
  .record({
    area: fc.constantFrom('03', '06', '045', '052', '090', '080', '070', '0120'),
    middle: digits(4),
    last: digits(4),
    sep: fc.constantFrom('-', ' ', '', '‐', '(', ')'),
    international: fc.boolean(),
    fullWidth: fc.boolean(),
  })
  .map(({ area, middle, last, sep, international, fullWidth }) => {
    const head = international ? `+81${sep === '' ? '' : ' '}${area.slice(1)}` : area;
    const text = `${head}${sep}${middle}${sep === '(' ? ')' : sep}${last}`;
    return fullWidth
      ? text.normalize('NFKC').replace(/[0-9+-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
      : text;
  });
const email = fc
  .record({
    local: fc.stringMatching(/^[a-z][a-z0-9._+-]{0,15}[a-z0-9]$/),
    domain: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/),
    tld: fc.constantFrom('co.jp', 'jp', 'com', 'example', 'ne.jp', 'or.jp'),
  })
  .map(({ local, domain, tld }) => `${local}@${domain}.${tld}`);
const personName = fc
  .tuple(
    fc.constantFrom('山田', '佐藤', '鈴木', '高橋', 'Tanaka', 'YAMADA', '渡辺'),
    fc.constantFrom('花子', '太郎', '一郎', 'Hanako', '由美'),
  )
  .map(([family, given]) => `${family} ${given}`);
/** Keys under which the hub's records carry people: the replacer must hide their values. */
const personalKey = fc.constantFrom(
  'contactName',
  'name',
  'phone',
  'tel',
  'email',
  'mail',
  'contact',
  'address',
  'note',
  'freeText',
  'signerEmail',
  'partner_name',
  'phones',
  'emails',
);
const identifier = fc.oneof(
  fc.stringMatching(/^[0-9a-f]{20}$/).map((h) => `app_${h}`),
  fc.stringMatching(/^[0-9a-f]{20}$/).map((h) => `tsk_${h}_MANAGER`),
  fc.stringMatching(/^[0-9a-f]{20}$/).map((h) => `inq_${h}`),
  fc.stringMatching(/^[0-9a-f]{20}$/).map((h) => `BASIC-cli_${h}-1`),
);
const reasonCode = fc.constantFrom(
  'STALE',
  'BAD_SIGNATURE',
  'TOO_LARGE',
  'VALIDATION',
  'TASK_ALREADY_DECIDED',
);

describe('the logger’s redaction, with generated data', () => {
  it('never writes a person’s name, phone or e-mail held under a personal key, at any depth', () => {
    fc.assert(
      fc.property(
        personalKey,
        fc.oneof(personName, phone, email),
        fc.array(fc.constantFrom('form', 'payload', 'details', 'items', 'entry'), { maxLength: 4 }),
        fc.boolean(),
        (key, value, path, inArray) => {
          const record = path.reduceRight<Record<string, unknown>>(
            (inner, k) => ({ [k]: inArray ? [inner] : inner }),
            { [key]: value },
          );
          const lines = logged(() => logger.info('record written', record));
          expect(lines).toHaveLength(1);
          expect(lines[0]).not.toContain(value);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('never writes a phone number or e-mail address inside free text: the message, any string, an error', () => {
    fc.assert(
      fc.property(
        phone,
        email,
        fc.constantFrom('電話', 'call ', 'tel:', '（', 'mail ', '連絡先: '),
        fc.constantFrom('まで', ' please', '）', '。', ''),
        (p, e, before, after) => {
          const text = `${before}${p}${after} ${before}${e}${after}`;
          const lines = logged(() => {
            logger.info(text);
            logger.warn('delivery failed', { detail: text, list: [text] });
            logger.error('send failed', { error: new Error(text) });
          });
          expect(lines).toHaveLength(3);
          for (const line of lines) {
            expect(line).not.toContain(p);
            expect(line).not.toContain(e);
            expect(line).not.toMatch(EMAIL_PATTERN);
            expect(line.normalize('NFKC')).not.toMatch(PHONE_PATTERN);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('keeps identifiers, reason codes and error names whole', () => {
    fc.assert(
      fc.property(
        identifier,
        reasonCode,
        fc.constantFrom('ConflictError', 'TypeError', 'Error', 'ThrottlingException'),
        (id, reason, errorName) => {
          const error = new Error('failed');
          error.name = errorName;
          const [line] = logged(() =>
            logger.warn(`workflow execution stopped ${id}`, { execution: id, reason, error }),
          );
          const record = JSON.parse(line as string);
          expect(record.message).toBe(`workflow execution stopped ${id}`);
          expect(record.execution).toBe(id);
          expect(record.reason).toBe(reason);
          expect(record.error.name).toBe(errorName);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('masks text once and for all: masking again changes nothing, and text without people is untouched', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), phone, email, (text, p, e) => {
        const masked = redactText(`${text} ${p} ${e}`);
        expect(redactText(masked)).toBe(masked);
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(
        identifier,
        fc.integer({ min: 0, max: 99_999 }),
        fc.date({ noInvalidDate: true }),
        (id, count, at) => {
          const text = `${at.toISOString()} ${id} took ${count} ms`;
          expect(redactText(text)).toBe(text);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
