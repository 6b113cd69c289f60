/**
 * What counts as personal data: names, phone numbers and e-mail addresses. Loggers pass
 * every value through `redactPersonalData`, so neither a field nor a message carries them.
 * What operators need stays: identifiers (inq_…, app_…, envelope names), reason and error codes
 * (STALE, BAD_SIGNATURE, ConflictError), counts and timestamps.
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
  'envelopeName',
  'errorName',
  'stateName',
  'message',
]);
/** A reason code (STALE, BAD_SIGNATURE, TASK_ALREADY_DECIDED) is kept; a reason in words may be personal. */
const REASON_KEY = /reasons?$/i;
const CODE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
/** An error's `name` (e.g. ConflictError) is kept; any other `name` is a person's or a company's. */
const ERROR_NAME = /^([A-Z][A-Za-z]*)?(Error|Exception)$/;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/**
 * Japanese and international phone numbers, with or without separators. Digits glued to ASCII
 * letters or `_` are part of an identifier (app_0123456789ab…), not a phone number; Japanese
 * text around a number (電話03-…) does not protect it. Full-width digits and the dashes Japanese
 * text uses (０３－１２３４－５６７８, 03‐1234‐5678) are phone numbers too.
 */
const PHONE =
  /(?<![\p{N}A-Za-z_])(?:[+＋]?[\d０-９][\d０-９\s()（）\-‐‑–−－ー.．]{8,}[\d０-９])(?![\p{N}A-Za-z_])/gu;

export const REDACTED = '[REDACTED]';

export function redactText(text: string): string {
  return text
    .replace(EMAIL, REDACTED)
    .replace(PHONE, (match) => (match.normalize('NFKC').replace(/\D/g, '').length >= 10 ? REDACTED : match));
}

/**
 * A JSON.stringify replacer: personal keys lose their value; e-mails and phone numbers in any
 * string (the log message included) are masked. Free text is never logged on purpose.
 */
export function redactPersonalData(key: string, value: unknown): unknown {
  if (key === 'name' && typeof value === 'string' && ERROR_NAME.test(value)) return value;
  if (key && !SAFE_KEYS.has(key) && PERSONAL_KEY.test(key) && value !== null && value !== undefined) {
    return REASON_KEY.test(key) && typeof value === 'string' && CODE.test(value) ? value : REDACTED;
  }
  if (typeof value === 'string') return redactText(value);
  return value;
}
