/**
 * What the suite seeds that is a person's: the dev staff directory's names, G-Staff's seeded
 * workers (names, birth dates), the sample website inquiry and the test builders' contacts
 * (names, phone numbers, e-mail addresses, free text). No hub log line may carry any of it.
 */
import { readFileSync } from 'node:fs';
import { DEV_DIRECTORY } from '../../dev/seed-directory.js';
import { seededGStaffWorkers } from '../../integrations/gstaff/gstaff.sandbox.js';
import { phoneInquiry, webForm } from './builders.js';

export function seededPersonalData(): string[] {
  const sample = JSON.parse(
    readFileSync(new URL('../../dev/samples/inquiry.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  const values = [
    ...DEV_DIRECTORY.map((m) => m.name),
    ...seededGStaffWorkers().flatMap((w) => [w.shimei, w.seinengappi]),
    ...[sample, webForm(), phoneInquiry()].flatMap((i) => [
      i.contactName,
      i.phone,
      i.email,
      i.message,
      i.freeText,
    ]),
  ];
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v.trim().length >= 2))];
}
