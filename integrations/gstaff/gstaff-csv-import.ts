/**
 * The G-Staff client-register and worker-register CSV exports (Shift_JIS / CP932 as Windows
 * tools write them), read into G-Staff records for the mirrors when the API is not available. The column map is
 * configuration. Characters outside JIS X 0208 (NEC / IBM extensions such as ① or 髙, or a
 * substitution mark for a character Shift_JIS cannot hold) are reported, never silently
 * mangled: the record keeps exactly what the file says.
 */
import { parse } from 'csv-parse/sync';
import type { GStaffClientRecord, RegisteredWorker } from '../../core/gstaff/gstaff.js';
import { mirrorGStaffClients } from '../../core/gstaff/gstaff-mirror.js';
import { type JobOutcome, runJob, type SyncDeps } from '../../core/sync/job-runner.js';
import type { SyncRun } from '../../core/sync/sync-model.js';
import { decodeCp932, encodeCp932 } from './cp932.js';

export interface GStaffCsvColumns {
  gstaffClientId: string;
  name: string;
  corporateNumber?: string;
  phone?: string;
  /** 取引中 / 取引終了 */
  status?: string;
  /** "12%" or "0.12" */
  turnoverRate?: string;
  /** "事業所:YYYY-MM-DD;事業所:YYYY-MM-DD" */
  conflictDates?: string;
  /** "YYYY-MM-DD:内容;YYYY-MM-DD:内容" */
  pastTroubles?: string;
  updatedAt?: string;
}

export const DEFAULT_GSTAFF_CSV_COLUMNS: GStaffCsvColumns = {
  gstaffClientId: '顧客コード',
  name: '顧客名',
  corporateNumber: '法人番号',
  phone: '電話番号',
  status: '取引状態',
  turnoverRate: '離職率',
  conflictDates: '抵触日',
  pastTroubles: '過去トラブル',
  updatedAt: '更新日時',
};

export interface CsvIssue {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  column: string;
  message: string;
}

export class GStaffCsvError extends Error {
  override name = 'GStaffCsvError';
}

/** Whether a character is in JIS X 0208 (or plain ASCII / JIS X 0201 kana), judged by its Shift_JIS code. */
export function isJisX0208(char: string): boolean {
  const bytes = encodeCp932(char);
  if (bytes.length === 1) {
    const b = bytes[0] as number;
    return (b < 0x80 && !(b === 0x3f && char !== '?')) || (b >= 0xa1 && b <= 0xdf);
  }
  if (bytes.length !== 2) return false;
  const [lead, trail] = [bytes[0] as number, bytes[1] as number];
  if (lead >= 0xf0) return false; // user-defined (gaiji) and IBM extensions
  const row = (lead <= 0x9f ? (lead - 0x81) * 2 + 1 : (lead - 0xc1) * 2 + 1) + (trail >= 0x9f ? 1 : 0);
  return (row >= 1 && row <= 8) || (row >= 16 && row <= 84);
}

/** Characters commonly written in place of one Shift_JIS cannot hold. */
const SUBSTITUTES = new Set(['〓', '\ufffd']);

type CsvOptions<C> = { columns?: C; encoding?: 'cp932' | 'utf-8' };

/** Decodes the export and reads its rows; a mapped column missing from the header stops the import. */
function readRows(
  bytes: Buffer,
  columns: object,
  encoding: 'cp932' | 'utf-8' = 'cp932',
): Record<string, string>[] {
  const text = encoding === 'cp932' ? decodeCp932(bytes) : new TextDecoder('utf-8').decode(bytes);
  const rows = parse(text, { columns: true, skip_empty_lines: true, bom: true, trim: true }) as Record<
    string,
    string
  >[];
  const header = Object.keys(rows[0] ?? {});
  for (const [field, column] of Object.entries(columns)) {
    if (rows.length && !header.includes(column)) {
      throw new GStaffCsvError(
        `the column "${column}" (${field}) is not in the file; columns are: ${header.join(', ')}`,
      );
    }
  }
  return rows;
}

/** Every character of the row's mapped columns outside JIS X 0208, or standing for one the export lost. */
function characterIssues(row: Record<string, string>, columns: object, line: number): CsvIssue[] {
  const issues: CsvIssue[] = [];
  for (const column of Object.values(columns) as string[]) {
    const value = row[column] ?? '';
    for (const char of value) {
      if (SUBSTITUTES.has(char)) {
        issues.push({
          line,
          column,
          message: `"${char}" stands for a character the export could not write; check it in G-Staff`,
        });
      } else if (!isJisX0208(char)) {
        const code = `U+${(char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;
        issues.push({ line, column, message: `"${char}" (${code}) is outside JIS X 0208; kept as written` });
      }
    }
  }
  return issues;
}

/**
 * A G-Staff code is an identifier (G-1001, S-001) and becomes part of the ledger's keys, which
 * DynamoDB limits in bytes: a longer "code" is a broken row, skipped and named, not a failed import.
 */
const MAX_CODE_LENGTH = 100;
const TOO_LONG_CODE = `is longer than ${MAX_CODE_LENGTH} characters, which no G-Staff code is; row skipped`;

export function parseGStaffClientCsv(
  bytes: Buffer,
  options: CsvOptions<GStaffCsvColumns> = {},
): { records: GStaffClientRecord[]; issues: CsvIssue[] } {
  const columns = options.columns ?? DEFAULT_GSTAFF_CSV_COLUMNS;
  const rows = readRows(bytes, columns, options.encoding);
  const issues: CsvIssue[] = [];
  const records: GStaffClientRecord[] = [];
  rows.forEach((row, index) => {
    const line = index + 2;
    const rowIssues = characterIssues(row, columns, line);
    const get = (column: string | undefined) => (column ? (row[column] ?? '').trim() : '');
    const id = get(columns.gstaffClientId);
    const name = get(columns.name);
    if (!id || !name) {
      issues.push(...rowIssues, {
        line,
        column: !id ? columns.gstaffClientId : columns.name,
        message: 'is empty; row skipped',
      });
      return;
    }
    if (id.length > MAX_CODE_LENGTH) {
      issues.push(...rowIssues, { line, column: columns.gstaffClientId, message: TOO_LONG_CODE });
      return;
    }
    const rate = get(columns.turnoverRate);
    const turnoverRate = rate.endsWith('%')
      ? Number(rate.slice(0, -1)) / 100
      : rate
        ? Number(rate)
        : undefined;
    if (turnoverRate !== undefined && (Number.isNaN(turnoverRate) || turnoverRate < 0 || turnoverRate > 1)) {
      rowIssues.push({
        line,
        column: columns.turnoverRate as string,
        message: `"${rate}" is not a rate; left empty`,
      });
    }
    const pairs = (value: string) =>
      value
        .split(';')
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => {
          const at = p.indexOf(':');
          return [p.slice(0, at).trim(), p.slice(at + 1).trim()] as const;
        });
    records.push({
      gstaffClientId: id,
      name,
      ...(get(columns.corporateNumber) ? { corporateNumber: get(columns.corporateNumber) } : {}),
      ...(get(columns.phone) ? { phone: get(columns.phone) } : {}),
      active: get(columns.status) !== '取引終了',
      pastTroubles: pairs(get(columns.pastTroubles)).map(([date, summary]) => ({ date, summary })),
      conflictDates: pairs(get(columns.conflictDates)).map(([establishment, conflictDate]) => ({
        establishment,
        conflictDate,
      })),
      ...(turnoverRate !== undefined && !Number.isNaN(turnoverRate) && turnoverRate >= 0 && turnoverRate <= 1
        ? { turnoverRate }
        : {}),
      updatedAt: get(columns.updatedAt) || new Date(0).toISOString(),
    });
    issues.push(...rowIssues);
  });
  return { records, issues };
}

/**
 * The worker-register export (スタッフ台帳, ASSUMED layout: one row per assignment, the worker's
 * columns repeated; a worker without any assignment has one row with the assignment columns
 * empty). Columns are configuration, like the client register's.
 */
export interface GStaffWorkerCsvColumns {
  workerId: string;
  name: string;
  /** 無期 / 有期 */
  employmentTerm: string;
  birthDate: string;
  assignmentId: string;
  gstaffClientId: string;
  establishment: string;
  organisationalUnit: string;
  salesRepId: string;
  startDate: string;
  endDate: string;
}

export const DEFAULT_GSTAFF_WORKER_CSV_COLUMNS: GStaffWorkerCsvColumns = {
  workerId: 'スタッフコード',
  name: '氏名',
  employmentTerm: '雇用区分',
  birthDate: '生年月日',
  assignmentId: '派遣ID',
  gstaffClientId: '顧客コード',
  establishment: '事業所',
  organisationalUnit: '組織単位',
  salesRepId: '担当営業',
  startDate: '派遣開始日',
  endDate: '派遣終了日',
};

const CSV_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

/** YYYY-MM-DD from "2024-04-01" or "2024/4/1", or undefined when it is not a real date. */
export function csvDate(value: string): string | undefined {
  const m = CSV_DATE.exec(value);
  if (!m) return undefined;
  const iso = `${m[1]}-${String(m[2]).padStart(2, '0')}-${String(m[3]).padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

/**
 * Reads the worker register. A worker with any unreadable assignment row is left out whole, with
 * the issue: a register missing an assignment would move the worker's 3-year date later, so an
 * incomplete worker must not be decided on.
 */
export function parseGStaffWorkerCsv(
  bytes: Buffer,
  options: CsvOptions<GStaffWorkerCsvColumns> = {},
): { workers: RegisteredWorker[]; issues: CsvIssue[] } {
  const columns = options.columns ?? DEFAULT_GSTAFF_WORKER_CSV_COLUMNS;
  const rows = readRows(bytes, columns, options.encoding);
  const issues: CsvIssue[] = [];
  const workers = new Map<string, RegisteredWorker>();
  const broken = new Set<string>();
  rows.forEach((row, index) => {
    const line = index + 2;
    issues.push(...characterIssues(row, columns, line));
    const get = (column: string) => (row[column] ?? '').trim();
    const fail = (column: string, message: string) => issues.push({ line, column, message });
    const workerId = get(columns.workerId);
    const name = get(columns.name);
    if (!workerId || !name) {
      fail(!workerId ? columns.workerId : columns.name, 'is empty; row skipped');
      return;
    }
    if (workerId.length > MAX_CODE_LENGTH) {
      fail(columns.workerId, TOO_LONG_CODE);
      return;
    }
    const term = get(columns.employmentTerm);
    if (term !== '無期' && term !== '有期') {
      fail(columns.employmentTerm, `"${term}" is neither 無期 nor 有期; the worker is left out`);
      broken.add(workerId);
      return;
    }
    const birth = get(columns.birthDate);
    const birthDate = birth ? csvDate(birth) : undefined;
    if (birth && !birthDate) fail(columns.birthDate, `"${birth}" is not a date; left empty`);
    const worker = workers.get(workerId) ?? {
      workerId,
      name,
      employmentTerm: term === '無期' ? ('INDEFINITE' as const) : ('FIXED_TERM' as const),
      ...(birthDate ? { birthDate } : {}),
      assignments: [],
    };
    workers.set(workerId, worker);
    const assignmentId = get(columns.assignmentId);
    if (!assignmentId) return;
    const startDate = csvDate(get(columns.startDate));
    const end = get(columns.endDate);
    const endDate = end ? csvDate(end) : undefined;
    const missing = [columns.gstaffClientId, columns.establishment, columns.organisationalUnit].find(
      (c) => !get(c),
    );
    const tooLong = [columns.assignmentId, columns.gstaffClientId].find(
      (c) => get(c).length > MAX_CODE_LENGTH,
    );
    if (tooLong) {
      fail(
        tooLong,
        `${TOO_LONG_CODE.replace('row skipped', '')}the worker ${workerId} is left out until it is fixed`,
      );
      broken.add(workerId);
      return;
    }
    if (!startDate || (end && !endDate) || missing) {
      fail(
        missing ?? (!startDate ? columns.startDate : columns.endDate),
        `assignment ${assignmentId} cannot be read; the worker ${workerId} is left out until it is fixed`,
      );
      broken.add(workerId);
      return;
    }
    worker.assignments.push({
      assignmentId,
      workerId,
      gstaffClientId: get(columns.gstaffClientId),
      establishment: get(columns.establishment),
      organisationalUnit: get(columns.organisationalUnit),
      ...(get(columns.salesRepId) ? { salesRepId: get(columns.salesRepId) } : {}),
      startDate,
      ...(endDate ? { endDate } : {}),
    });
  });
  return { workers: [...workers.values()].filter((w) => !broken.has(w.workerId)), issues };
}

export interface GStaffCsvImport {
  /** The import's run (a SyncRun of the `gstaff.mirror` job), or SKIPPED while a sync of the mirror runs. */
  outcome: JobOutcome;
  /** Every problem found, by line and column (a row without code or name is skipped). */
  issues: CsvIssue[];
}

/**
 * Imports a client-register CSV export into the mirror: `npm run gstaff:import` and the S3 drop on
 * AWS (functions/gstaff-csv-import.handler.ts) both come here. It runs as the `gstaff.mirror` job
 * under its lease, so it never interleaves with a sync of the mirror, and leaves a run record:
 * rows read, changed, unchanged, skipped, and each issue as `CSV:<line>:<column>` (never a value).
 * A file without a required column is refused whole (GStaffCsvError) before anything is written.
 */
export async function importGStaffClientCsv(
  deps: SyncDeps,
  bytes: Buffer,
  options: {
    trigger: SyncRun['trigger'];
    holder: string;
    leaseMs: number;
    encoding?: 'cp932' | 'utf-8';
    columns?: GStaffCsvColumns;
  },
): Promise<GStaffCsvImport> {
  const { records, issues } = parseGStaffClientCsv(bytes, {
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.columns ? { columns: options.columns } : {}),
  });
  const skipped = new Set(issues.filter((i) => i.message.endsWith('row skipped')).map((i) => i.line));
  const outcome = await runJob(
    deps,
    'gstaff.mirror',
    { mode: 'FULL', trigger: options.trigger, holder: options.holder, leaseMs: options.leaseMs },
    async (run) => {
      for (const issue of issues) run.error(`CSV:${issue.line}:${issue.column}`);
      const result = await mirrorGStaffClients(deps, records, 'csv');
      run.count({
        read: records.length + skipped.size,
        updated: result.changed,
        unchanged: result.seen - result.changed,
        conflicts: result.conflicts,
        failed: skipped.size,
      });
    },
  );
  return { outcome, issues };
}
