/**
 * Every line the hub's loggers write while a suite runs: the real `createLogger` (Powertools with
 * the personal-data redaction), at DEBUG, its records kept (log-lines.ts). The personal-data checks
 * read these lines exactly as CloudWatch would receive them.
 */
import type { Logger } from '@aws-lambda-powertools/logger';
import { createLogger } from '../../functions/shared/logger.js';
import { keepHubLogLines } from './log-lines.js';

export interface CapturedLog {
  lines: string[];
  logger(serviceName: string): Logger;
  stop(): void;
}

export function captureLog(): CapturedLog {
  const kept = keepHubLogLines();
  return {
    ...kept,
    logger(serviceName: string) {
      const level = process.env.POWERTOOLS_LOG_LEVEL;
      process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
      try {
        return createLogger(serviceName);
      } finally {
        process.env.POWERTOOLS_LOG_LEVEL = level;
      }
    },
  };
}
