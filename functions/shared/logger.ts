/** The Powertools logger every host uses, with personal data redacted from every record. */
import { Logger } from '@aws-lambda-powertools/logger';
import { redactPersonalData } from '../../core/personal-data.js';

export function createLogger(serviceName: string): Logger {
  return new Logger({ serviceName, jsonReplacerFn: redactPersonalData });
}
