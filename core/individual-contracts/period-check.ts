/**
 * The dispatch-period check (派遣可能期間の制限): an individual contract must end before the
 * establishment's conflict date and before the worker's own conflict date in the organisational
 * unit; the earlier of the two binds. A conflict date is the first day past the 3-year limit, so
 * ending the day before passes and ending on it is refused. An exemption recorded with its reason
 * lifts both limits. Runs when the worker is decided and again at the workflow's gate.
 * Requirements: A5-5 (and A5-3 for the establishment's date).
 */
import type { JstDate } from '../business-days.js';
import type { EmploymentTerm, WorkerAssignment } from '../gstaff/gstaff.js';
import {
  PERIOD_LIMIT_EXEMPTION_LABELS,
  type PeriodLimitExemption,
  type PeriodLimitExemptionKind,
} from './individual-contract.js';

/** Years of the establishment and the individual limit. */
export const PERIOD_LIMIT_YEARS = 3;
/**
 * A break of more than this many months between two assignments in the same unit starts the
 * individual count afresh (クーリング期間); up to it, the assignments count as one period.
 */
export const COOLING_OFF_MONTHS = 3;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: JstDate): [number, number, number] {
  const m = DATE.exec(date);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const format = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(date: JstDate, days: number): JstDate {
  const [y, m, d] = parts(date);
  return format(new Date(Date.UTC(y, m - 1, d + days)));
}

/**
 * The day `months` after `date` as the Civil Code counts a period (arts. 140–143): the
 * corresponding day, or the first of the next month when that month has no such day. A period
 * starting on `date` ends the day before it, so this is the first day past the period.
 */
export function firstDayPastMonths(date: JstDate, months: number): JstDate {
  const [y, m, d] = parts(date);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const daysInTarget = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  if (d <= daysInTarget) return format(new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), d)));
  return format(new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 1)));
}

/** The conflict date of a period that started on `startDate`: the first day past 3 years. */
export const conflictDateOf = (startDate: JstDate) => firstDayPastMonths(startDate, PERIOD_LIMIT_YEARS * 12);

/**
 * The worker's own conflict date in one organisational unit (個人単位の抵触日): 3 years after the
 * start of the unbroken run of their assignments there that reaches the new contract's start.
 * Assignments separated by more than 3 months (クーリング期間) are not one run; without a run
 * reaching the start, the count starts with the new contract.
 */
export function individualConflictDate(
  assignmentsInUnit: readonly Pick<WorkerAssignment, 'startDate' | 'endDate'>[],
  contractStart: JstDate,
): JstDate {
  const earlier = assignmentsInUnit
    .filter((a) => a.startDate < contractStart)
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  let runStart: JstDate | undefined;
  let runEnd: JstDate | undefined; // undefined with runStart set: still running
  for (const a of earlier) {
    const broken = runStart !== undefined && runEnd !== undefined && a.startDate > coolingEnd(runEnd);
    if (runStart === undefined || broken) {
      runStart = a.startDate;
      runEnd = a.endDate;
    } else if (runEnd !== undefined) {
      runEnd = a.endDate === undefined || a.endDate > runEnd ? a.endDate : runEnd;
    }
  }
  const reaches = runStart !== undefined && (runEnd === undefined || contractStart <= coolingEnd(runEnd));
  return conflictDateOf(reaches ? (runStart as JstDate) : contractStart);
}

/** The last start date that still continues a run ending on `end`: up to 3 months without dispatch. */
const coolingEnd = (end: JstDate) => firstDayPastMonths(addDays(end, 1), COOLING_OFF_MONTHS);

export type PeriodRule =
  | 'ESTABLISHMENT_LIMIT'
  | 'INDIVIDUAL_LIMIT'
  | 'NO_CONFLICT_DATE'
  | 'EXEMPTION_CONTRADICTED';

export const PERIOD_RULE_LABELS: Record<PeriodRule, string> = {
  ESTABLISHMENT_LIMIT: '事業所単位の期間制限（派遣先事業所の抵触日）',
  INDIVIDUAL_LIMIT: '個人単位の期間制限（同一組織単位で3年）',
  NO_CONFLICT_DATE: '抵触日通知（派遣先事業所の抵触日）',
  EXEMPTION_CONTRADICTED: '期間制限の例外',
};

export interface PeriodViolation {
  rule: PeriodRule;
  conflictDate?: JstDate;
  /** In Japanese, naming the date and the rule. */
  message: string;
}

export interface PeriodCheckInput {
  period: { startDate: JstDate; endDate: JstDate };
  /** The establishment's conflict date in force; undefined without a notice. */
  establishmentConflictDate: JstDate | undefined;
  /** The worker's assignments at the contract's establishment and organisational unit. */
  workerAssignmentsInUnit: readonly Pick<WorkerAssignment, 'startDate' | 'endDate'>[];
  worker: { employmentTerm: EmploymentTerm; birthDate?: JstDate };
  exemption?: Pick<PeriodLimitExemption, 'kind' | 'reason'>;
}

export type PeriodCheckResult =
  | {
      ok: true;
      establishmentConflictDate?: JstDate;
      individualConflictDate: JstDate;
      /** The earlier of the two; absent when an exemption lifts the limits. */
      bindingConflictDate?: JstDate;
      exemption?: { kind: PeriodLimitExemptionKind; reason: string };
    }
  | { ok: false; violations: PeriodViolation[] };

/** Full years of age on `on` (a birthday on Feb 29 counts on Mar 1 in other years). */
export function ageOn(birthDate: JstDate, on: JstDate): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** What the worker register says against a recorded exemption, if anything. */
function exemptionContradiction(input: PeriodCheckInput): PeriodViolation | undefined {
  const kind = input.exemption?.kind;
  const label = kind ? PERIOD_LIMIT_EXEMPTION_LABELS[kind] : '';
  if (kind === 'INDEFINITE_TERM_EMPLOYMENT' && input.worker.employmentTerm !== 'INDEFINITE') {
    return {
      rule: 'EXEMPTION_CONTRADICTED',
      message: `期間制限の例外「${label}」は適用できません：スタッフ台帳ではこの派遣労働者は有期雇用です。`,
    };
  }
  if (kind === 'AGED_60_OR_OVER' && input.worker.birthDate) {
    const age = ageOn(input.worker.birthDate, input.period.startDate);
    if (age < 60) {
      return {
        rule: 'EXEMPTION_CONTRADICTED',
        message: `期間制限の例外「${label}」は適用できません：スタッフ台帳の生年月日では派遣開始日 ${input.period.startDate} に ${age} 歳です。`,
      };
    }
  }
  return undefined;
}

const limitMessage = (rule: 'ESTABLISHMENT_LIMIT' | 'INDIVIDUAL_LIMIT', endDate: JstDate, date: JstDate) =>
  `派遣期間の終了日 ${endDate} が${PERIOD_RULE_LABELS[rule]}の抵触日 ${date} 以降です。派遣できるのは抵触日の前日 ${addDays(date, -1)} までです。`;

export function checkDispatchPeriod(input: PeriodCheckInput): PeriodCheckResult {
  const { period } = input;
  const individual = individualConflictDate(input.workerAssignmentsInUnit, period.startDate);
  if (input.exemption) {
    const contradiction = exemptionContradiction(input);
    if (contradiction) return { ok: false, violations: [contradiction] };
    return {
      ok: true,
      ...(input.establishmentConflictDate
        ? { establishmentConflictDate: input.establishmentConflictDate }
        : {}),
      individualConflictDate: individual,
      exemption: { kind: input.exemption.kind, reason: input.exemption.reason },
    };
  }
  const violations: PeriodViolation[] = [];
  const establishment = input.establishmentConflictDate;
  if (!establishment) {
    violations.push({
      rule: 'NO_CONFLICT_DATE',
      message: '派遣先事業所の抵触日通知が登録されていないため、派遣期間を確認できません。',
    });
  } else if (period.endDate >= establishment) {
    violations.push({
      rule: 'ESTABLISHMENT_LIMIT',
      conflictDate: establishment,
      message: limitMessage('ESTABLISHMENT_LIMIT', period.endDate, establishment),
    });
  }
  if (period.endDate >= individual) {
    violations.push({
      rule: 'INDIVIDUAL_LIMIT',
      conflictDate: individual,
      message: limitMessage('INDIVIDUAL_LIMIT', period.endDate, individual),
    });
  }
  if (violations.length) {
    // The earlier date binds: name it first.
    violations.sort((a, b) => (a.conflictDate ?? '').localeCompare(b.conflictDate ?? ''));
    return { ok: false, violations };
  }
  const binding = establishment && establishment < individual ? establishment : individual;
  return {
    ok: true,
    ...(establishment ? { establishmentConflictDate: establishment } : {}),
    individualConflictDate: individual,
    bindingConflictDate: binding,
  };
}
