/**
 * The numbers of docs/policy.md, read from configuration at start-up. A deadline is stored on its
 * item when computed, so changing these does not move deadlines already set.
 */
import * as z from 'zod';
import { type BusinessCalendar, DEFAULT_COMPANY_HOLIDAYS, parseCutoff } from './business-days.js';
import { parseSettings } from './validation.js';

export interface Policy {
  calendar: BusinessCalendar;
  /** A1-2: a web inquiry is contacted within this many business days. */
  firstContactBusinessDays: number;
  /** A3-6: a visit is recorded within this many hours of its end. */
  visitRecordHours: number;
  /** A4-5: a 06_2 application is executed within this many business days, else a delay reason is owed. */
  contractExecutionBusinessDays: number;
  /** an approval task waiting longer than this is overdue (the workflows escalate it at the same point). */
  approvalWaitHours: number;
  /** a sync conflict open longer than this is overdue. */
  syncConflictHours: number;
  /** A5-4: the client's items of an individual contract are collected within this many calendar days of the request. */
  individualContractTermsDays: number;
  /** A2-2: how the rep proposal weighs its factors. */
  assignment: AssignmentWeights;
  /** The agency's name as clients read it in e-mails (A7-1). */
  agencyName: string;
  /** The basic contract (06_2): the agency's standard template in GMO Sign and who signs for the agency. */
  basicContract: { templateId: string; agencySigner: { name: string; email: string } };
}

/** A2-2: relative weights of the proposal's factors (any positive scale; they are normalised). */
export interface AssignmentWeights {
  clientLoad: number;
  workerLoad: number;
  industryFit: number;
  /** Industry fit's weight is multiplied by (1 + riskBoost × client risk 0–1): the riskier, the more experience counts. */
  riskBoost: number;
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
  VISIT_RECORD_HOURS: z.coerce.number().int().min(1).max(168).default(24),
  CONTRACT_EXECUTION_BUSINESS_DAYS: z.coerce.number().int().min(1).max(60).default(10),
  APPROVAL_WAIT_HOURS: z.coerce.number().int().min(1).max(8760).default(72),
  SYNC_CONFLICT_HOURS: z.coerce.number().int().min(1).max(8760).default(24),
  INDIVIDUAL_CONTRACT_TERMS_DAYS: z.coerce.number().int().min(1).max(30).default(2),
  ASSIGNMENT_WEIGHT_CLIENT_LOAD: z.coerce.number().min(0).max(100).default(0.35),
  ASSIGNMENT_WEIGHT_WORKER_LOAD: z.coerce.number().min(0).max(100).default(0.25),
  ASSIGNMENT_WEIGHT_INDUSTRY_FIT: z.coerce.number().min(0).max(100).default(0.4),
  ASSIGNMENT_RISK_BOOST: z.coerce.number().min(0).max(10).default(1),
  AGENCY_NAME: z.string().trim().min(1).max(100).default('派遣元事業所'),
  BASIC_CONTRACT_TEMPLATE_ID: z.string().trim().min(1).default('TPL-BASIC'),
  AGENCY_SIGNER_NAME: z.string().trim().min(1).default('派遣元 代表者'),
  AGENCY_SIGNER_EMAIL: z.email().default('contracts@agency.example'),
});

/** Reads the policy from environment-style settings; a bad value names its variable. */
export function policyFromEnv(env: Record<string, string | undefined>): Policy {
  if (env.ASSIGNMENT_WEIGHT_STAFF_LOAD !== undefined)
    throw new Error(
      "invalid policy configuration: ASSIGNMENT_WEIGHT_STAFF_LOAD was renamed ASSIGNMENT_WEIGHT_WORKER_LOAD (the rep's dispatched worker count)",
    );
  const cfg = parseSettings(policyEnv, env, 'policy configuration');
  return {
    calendar: {
      cutoffMinutes: parseCutoff(cfg.BUSINESS_DAY_CUTOFF),
      companyHolidays: cfg.COMPANY_HOLIDAYS.filter((d) => monthDay.test(d)),
      extraHolidays: cfg.COMPANY_HOLIDAYS.filter((d) => isoDate.test(d)),
    },
    firstContactBusinessDays: cfg.FIRST_CONTACT_BUSINESS_DAYS,
    visitRecordHours: cfg.VISIT_RECORD_HOURS,
    contractExecutionBusinessDays: cfg.CONTRACT_EXECUTION_BUSINESS_DAYS,
    approvalWaitHours: cfg.APPROVAL_WAIT_HOURS,
    syncConflictHours: cfg.SYNC_CONFLICT_HOURS,
    individualContractTermsDays: cfg.INDIVIDUAL_CONTRACT_TERMS_DAYS,
    assignment: {
      clientLoad: cfg.ASSIGNMENT_WEIGHT_CLIENT_LOAD,
      workerLoad: cfg.ASSIGNMENT_WEIGHT_WORKER_LOAD,
      industryFit: cfg.ASSIGNMENT_WEIGHT_INDUSTRY_FIT,
      riskBoost: cfg.ASSIGNMENT_RISK_BOOST,
    },
    agencyName: cfg.AGENCY_NAME,
    basicContract: {
      templateId: cfg.BASIC_CONTRACT_TEMPLATE_ID,
      agencySigner: { name: cfg.AGENCY_SIGNER_NAME, email: cfg.AGENCY_SIGNER_EMAIL },
    },
  };
}

export const defaultPolicy: Policy = policyFromEnv({});
