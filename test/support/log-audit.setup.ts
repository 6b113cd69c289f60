/**
 * Every test file of `npm test` runs with the hub's loggers at DEBUG and every line they write
 * kept here, not printed. After the file, no line may carry the personal data the suite seeds
 * (`seeded-personal-data.ts`, read once by the global setup) nor any e-mail address at all (X-4:
 * no personal data in logs, checked over the whole suite rather than one scripted day).
 *
 * Tests that capture the log themselves (`captureLog`) still do; the lines they keep are checked
 * there. The SIGKILL suite's host runs in processes of its own, at ERROR.
 */
import { afterAll, inject } from 'vitest';
import { EMAIL_PATTERN } from './personal-data-patterns.js';

process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
const seeded = inject('seededPersonalData');

const lines: string[] = [];
for (const stream of [process.stdout, process.stderr]) {
  const original = stream.write;
  stream.write = function (this: typeof stream, chunk: unknown, ...rest: unknown[]) {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    // The hub's own records are kept for the check below; anything else reaches the terminal.
    if (text.startsWith('{"level"')) {
      lines.push(text);
      return true;
    }
    return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof stream.write;
}

afterAll(() => {
  const leaks = lines
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => seeded.some((v) => line.includes(v)) || EMAIL_PATTERN.test(line));
  if (leaks.length > 0)
    throw new Error(
      `${leaks.length} log line(s) carry personal data, e.g.:\n${leaks.slice(0, 3).join('\n').slice(0, 3000)}`,
    );
});
