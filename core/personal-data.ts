/**
 * What counts as personal data: names, phone numbers and e-mail addresses. Loggers pass
 * every value through `redactPersonalData`, so neither a field nor a message carries them.
 */

/** Keys whose values are personal data (or may contain it, as free text does). */
const PERSONAL_KEY = /(^|_|-|[a-z])(name|phone|tel|e?mail|contact|address|message|freetext|note|reason)s?$/i;
/** Keys that look personal but name code or infrastructure; their strings are still pattern-masked. */
const SAFE_KEYS = new Set([
  'serviceName',
  'functionName',
  'operationName',
  'tableName',
  'indexName',
  'message',
]);
/** An error's `name` (e.g. ConflictError) is kept; any other `name` is a person's or a company's. */
const ERROR_NAME = /^[A-Z][A-Za-z]*(Error|Exception)$/;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/** Japanese and international phone numbers, with or without separators. */
const PHONE = /(?<![\p{N}])(?:\+?\d[\d\s()-]{8,}\d)(?![\p{N}])/gu;

export const REDACTED = '[REDACTED]';

export function redactText(text: string): string {
  return text
    .replace(EMAIL, REDACTED)
    .replace(PHONE, (match) => (match.replace(/\D/g, '').length >= 10 ? REDACTED : match));
}

/**
 * A JSON.stringify replacer: personal keys lose their value; e-mails and phone numbers in any
 * string (the log message included) are masked. Free text is never logged on purpose.
 */
export function redactPersonalData(key: string, value: unknown): unknown {
  if (key === 'name' && typeof value === 'string' && ERROR_NAME.test(value)) return value;
  if (key && !SAFE_KEYS.has(key) && PERSONAL_KEY.test(key) && value !== null && value !== undefined)
    return REDACTED;
  if (typeof value === 'string') return redactText(value);
  return value;
}
