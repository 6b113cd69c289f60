/**
 * The numbers of policy.md, read from configuration at start-up. A deadline is stored on its
 * item when computed, so changing these does not move deadlines already set.
 */
import { z } from 'zod';
import { type BusinessCalendar, DEFAULT_COMPANY_HOLIDAYS, parseCutoff } from './business-days.js';
import { parseSettings } from './validation.js';

export interface Policy {
  calendar: BusinessCalendar;
  /** A1-2: a web inquiry is contacted within this many business days. */
  firstContactBusinessDays: number;
}

const monthDay = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const isoDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const policyEnv = z.object({
  BUSINESS_DAY_CUTOFF: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM')
    .default('18:00'),
  COMPANY_HOLIDAYS: z
    .string()
    .default(DEFAULT_COMPANY_HOLIDAYS.join(','))
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine(
      (days) => days.every((d) => monthDay.test(d) || isoDate.test(d)),
      'must list MM-DD or YYYY-MM-DD dates',
    ),
  FIRST_CONTACT_BUSINESS_DAYS: z.coerce.number().int().min(1).max(10).default(1),
});

/** Reads the policy from environment-style settings; a bad value names its variable. */
export function policyFromEnv(env: Record<string, string | undefined>): Policy {
  const cfg = parseSettings(policyEnv, env, 'policy configuration');
  return {
    calendar: {
      cutoffMinutes: parseCutoff(cfg.BUSINESS_DAY_CUTOFF),
      companyHolidays: cfg.COMPANY_HOLIDAYS.filter((d) => monthDay.test(d)),
      extraHolidays: cfg.COMPANY_HOLIDAYS.filter((d) => isoDate.test(d)),
    },
    firstContactBusinessDays: cfg.FIRST_CONTACT_BUSINESS_DAYS,
  };
}

export const defaultPolicy: Policy = policyFromEnv({});
