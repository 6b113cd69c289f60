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
import { EMAIL_PATTERN, keepHubLogLines, personalDataIn } from './log-lines.js';

process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
const seeded = inject('seededPersonalData');
const { lines } = keepHubLogLines();

afterAll(() => {
  const leaks = personalDataIn(lines, seeded, [EMAIL_PATTERN]);
  if (leaks.length > 0)
    throw new Error(
      `${leaks.length} log line(s) carry personal data, e.g.:\n${leaks.slice(0, 3).join('\n').slice(0, 3000)}`,
    );
});
