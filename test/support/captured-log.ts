/**
 * Every line the hub's loggers write while a suite runs: the real `createLogger` (Powertools with
 * the personal-data redaction), at DEBUG, its stdout and stderr captured. The personal-data checks
 * read these lines exactly as CloudWatch would receive them.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { createLogger } from '../../functions/shared/logger.js';
import { EMAIL_PATTERN, PHONE_PATTERN } from './personal-data-patterns.js';

export { EMAIL_PATTERN, PHONE_PATTERN };

export interface CapturedLog {
  lines: string[];
  logger(serviceName: string): Logger;
  stop(): void;
}

export function captureLog(): CapturedLog {
  const lines: string[] = [];
  const streams = [process.stdout, process.stderr] as const;
  const originals = streams.map((s) => s.write);
  for (const stream of streams) {
    const original = stream.write;
    stream.write = function (this: typeof stream, chunk: unknown, ...rest: unknown[]) {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
      lines.push(text);
      // The hub's own records are kept here, not printed; anything else still reaches the terminal.
      if (text.startsWith('{"level"')) return true;
      return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof stream.write;
  }
  return {
    lines,
    logger(serviceName: string) {
      const level = process.env.POWERTOOLS_LOG_LEVEL;
      process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
      try {
        return createLogger(serviceName);
      } finally {
        process.env.POWERTOOLS_LOG_LEVEL = level;
      }
    },
    stop() {
      streams.forEach((stream, i) => {
        stream.write = originals[i] as typeof stream.write;
      });
    },
  };
}

/** The lines (hub log records only) that carry any of `values` or an e-mail / phone pattern. */
export function personalDataIn(lines: readonly string[], values: readonly string[]): string[] {
  return lines
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.startsWith('{"level"'))
    .filter(
      (line) => values.some((v) => line.includes(v)) || EMAIL_PATTERN.test(line) || PHONE_PATTERN.test(line),
    );
}
