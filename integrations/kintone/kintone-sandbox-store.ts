/**
 * The sandbox's records: kintone's record shapes, field validation, unique fields, revisions,
 * process management (status changed only by actions), and all-or-nothing writes (a batch is
 * applied to a copy that replaces the state only when every part succeeded). Records are kept
 * in `$id` order, so seek pages (`$id > N order by $id asc`) and `更新日時` pages are read from
 * an index instead of sorting every record per request. The HTTP side lives in kintone.sandbox.ts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  ASSIGNEE_FIELD,
  type KintoneAppDefinition,
  type KintoneFieldDefinition,
  type KintoneFieldType,
  STATUS_FIELD,
  systemFieldsOf,
} from './app-definitions.js';
import {
  type FieldValueType,
  type ParsedQuery,
  parseKintoneQuery,
  type QueryRecord,
} from './kintone-query.js';

/** A kintone error response: HTTP status and kintone's body. */
export class KintoneSandboxError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors?: Record<string, { messages: string[] }>,
  ) {
    super(message);
  }
  body(id: string) {
    return { id, code: this.code, message: this.message, ...(this.errors ? { errors: this.errors } : {}) };
  }
}

export const validationError = (message: string, errors?: Record<string, { messages: string[] }>) =>
  new KintoneSandboxError(400, 'CB_VA01', message, errors);

export interface StoredRecord {
  id: number;
  revision: number;
  values: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  /** The process-management status; absent = the first state (records saved before it was on). */
  status?: string;
  /** Login names of the record's assignees (作業者). */
  assignees?: string[];
}

interface AppState {
  nextId: number;
  /** Always in ascending `$id` order. */
  records: StoredRecord[];
}

// biome-ignore lint/suspicious/noExplicitAny: the sandbox serves apps of any record type.
export type AnyAppDefinition = KintoneAppDefinition<any>;

type WriteRecord = Record<string, { value?: unknown } | undefined>;

/** A status change as `PUT /k/v1/record/status.json` asks for it. */
export interface StatusChange {
  id?: unknown;
  action?: unknown;
  assignee?: unknown;
  revision?: unknown;
}

/** A real calendar day written YYYY-MM-DD. */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
}

/** kintone reports times with second precision. */
const kintoneTime = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

const valueTypeOf = (type: KintoneFieldType): FieldValueType =>
  type === 'NUMBER' || type === 'RECORD_NUMBER'
    ? 'number'
    : type.endsWith('TIME') || type === 'DATETIME'
      ? 'datetime'
      : 'text';

/** First index in `list` (sorted by `key`) whose key is not below `bound` (`strict`: above it). */
function lowerBound<T>(list: readonly T[], key: (item: T) => number, bound: number, strict: boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const k = key(list[mid] as T);
    if (k < bound || (strict && k === bound)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class KintoneSandboxStore {
  private state = new Map<string, AppState>();
  /** A transaction's working copy: never written to disk on its own. */
  private draft = false;
  /** Apps whose record list the draft has already copied. */
  private copied = new Set<string>();
  private readonly definitions = new Map<string, AnyAppDefinition>();
  private readonly fieldTypes = new Map<string, Map<string, KintoneFieldType>>();
  private readonly allFields = new Map<string, readonly KintoneFieldDefinition[]>();
  /** Records by (更新日時, $id), per record list; a write makes a new list, so it never goes stale. */
  private readonly byUpdatedTime = new WeakMap<StoredRecord[], StoredRecord[]>();
  /** Records by the value of a unique field, per record list; kept up to date by the writes of a transaction. */
  private readonly byUniqueValue = new WeakMap<StoredRecord[], Map<string, Map<string, StoredRecord>>>();

  constructor(
    apps: readonly AnyAppDefinition[],
    private readonly now: () => Date,
    private readonly dataFile?: string,
  ) {
    for (const app of apps) {
      this.definitions.set(app.sandboxAppId, app);
      this.state.set(app.sandboxAppId, { nextId: 1, records: [] });
      this.fieldTypes.set(
        app.sandboxAppId,
        new Map([...app.fields, ...systemFieldsOf(app)].map((f) => [f.code, f.type])),
      );
    }
    if (dataFile && existsSync(dataFile)) {
      const saved = JSON.parse(readFileSync(dataFile, 'utf8')) as Record<string, AppState>;
      for (const [appId, appState] of Object.entries(saved))
        if (this.state.has(appId)) this.state.set(appId, appState);
    }
  }

  definition(appId: unknown): AnyAppDefinition {
    const app = this.definitions.get(String(appId));
    if (!app) throw new KintoneSandboxError(404, 'GAIA_AP01', `The app (ID: ${String(appId)}) not found.`);
    return app;
  }

  appIds(): string[] {
    return [...this.definitions.keys()];
  }

  fieldsOf(appId: string): readonly KintoneFieldDefinition[] {
    let fields = this.allFields.get(appId);
    if (!fields) {
      const app = this.definition(appId);
      fields = [...app.fields, ...systemFieldsOf(app)];
      this.allFields.set(appId, fields);
    }
    return fields;
  }

  /** Runs `change` on a copy of the state; the copy replaces the state only if it succeeds. */
  transaction<T>(change: (draft: KintoneSandboxStore) => T): T {
    if (this.draft) return change(this);
    const draft = Object.create(this) as KintoneSandboxStore;
    draft.state = new Map(this.state);
    draft.copied = new Set();
    draft.draft = true;
    const result = change(draft);
    this.state = draft.state;
    this.persist();
    return result;
  }

  private persist() {
    if (!this.dataFile) return;
    mkdirSync(dirname(this.dataFile), { recursive: true });
    writeFileSync(this.dataFile, JSON.stringify(Object.fromEntries(this.state)));
  }

  private app(appId: string): AppState {
    this.definition(appId);
    return this.state.get(appId) as AppState;
  }

  /** The app's state to change: in a transaction, a copy of its record list (records are replaced, never edited). */
  private writable(appId: string): AppState {
    const app = this.app(appId);
    if (!this.draft) throw new Error('sandbox store: writes run inside transaction()');
    if (this.copied.has(appId)) return app;
    const copy = { nextId: app.nextId, records: app.records.slice() };
    this.state.set(appId, copy);
    this.copied.add(appId);
    return copy;
  }

  private indexOf(appId: string, id: unknown): number {
    const records = this.app(appId).records;
    const n = Number(id);
    const i = lowerBound(records, (r) => r.id, n, false);
    if (records[i]?.id !== n)
      throw new KintoneSandboxError(
        404,
        'GAIA_RE01',
        `The specified record (ID: ${String(id)}) is not found.`,
      );
    return i;
  }

  private find(appId: string, id: unknown): StoredRecord {
    return this.app(appId).records[this.indexOf(appId, id)] as StoredRecord;
  }

  /** The app's records by the value of a unique field (built once per record list). */
  private keyed(appId: string, field: string): Map<string, StoredRecord> {
    const records = this.app(appId).records;
    let byField = this.byUniqueValue.get(records);
    if (!byField) {
      byField = new Map();
      this.byUniqueValue.set(records, byField);
    }
    let index = byField.get(field);
    if (!index) {
      index = new Map();
      for (const r of records) if (r.values[field]) index.set(r.values[field] as string, r);
      byField.set(field, index);
    }
    return index;
  }

  /** Keeps the unique-value indexes of the app's current record list in step with a write. */
  private reindex(appId: string, before: StoredRecord | undefined, after: StoredRecord | undefined) {
    const byField = this.byUniqueValue.get(this.app(appId).records);
    if (!byField) return;
    for (const [field, index] of byField) {
      const old = before?.values[field];
      if (old && index.get(old) === before) index.delete(old);
      const now = after?.values[field];
      if (now && after) index.set(now, after);
    }
  }

  private findByKey(appId: string, updateKey: unknown, path: string): StoredRecord {
    const key = updateKey as { field?: unknown; value?: unknown } | undefined;
    const field = this.definition(appId).fields.find((f) => f.code === key?.field);
    if (!field?.unique) throw validationError(`${path}.field must be a unique field.`);
    const record = this.keyed(appId, field.code).get(String(key?.value ?? ''));
    if (!record) throw new KintoneSandboxError(404, 'GAIA_RE01', 'The specified record is not found.');
    return record;
  }

  hasKey(appId: string, updateKey: unknown): boolean {
    const key = updateKey as { field?: unknown; value?: unknown } | undefined;
    const field = this.definition(appId).fields.find((f) => f.code === key?.field);
    const value = String(key?.value ?? '');
    if (field?.unique) return value !== '' && this.keyed(appId, field.code).has(value);
    return this.app(appId).records.some((r) => r.values[String(key?.field)] === value);
  }

  get(appId: string, id: unknown): StoredRecord {
    return this.find(appId, id);
  }

  private parse(appId: string, query: string): ParsedQuery {
    const types = new Map<string, FieldValueType>([
      ['$id', 'number'],
      ['$revision', 'number'],
    ]);
    for (const [code, type] of this.fieldTypes.get(appId) ?? []) types.set(code, valueTypeOf(type));
    return parseKintoneQuery(query, types);
  }

  private view(appId: string, r: StoredRecord): QueryRecord {
    return { get: (field) => this.valueOf(appId, r, field) };
  }

  /** Every record of the app matching the query, in query order (default: $id descending). */
  query(appId: string, query: string): { records: StoredRecord[]; limit?: number; offset?: number } {
    const parsed = this.parse(appId, query);
    const records = this.app(appId).records.filter((r) => parsed.matches(this.view(appId, r)));
    const order = parsed.orderBy.length ? parsed.orderBy : [{ field: '$id', descending: true }];
    records.sort((a, b) => {
      for (const { field, descending } of order) {
        const x = this.valueOf(appId, a, field);
        const y = this.valueOf(appId, b, field);
        const c =
          typeof x === 'number' && typeof y === 'number'
            ? x - y
            : String(x ?? '').localeCompare(String(y ?? ''));
        if (c !== 0) return descending ? -c : c;
      }
      return 0;
    });
    return {
      records,
      ...(parsed.limit !== undefined ? { limit: parsed.limit } : {}),
      ...(parsed.offset !== undefined ? { offset: parsed.offset } : {}),
    };
  }

  /**
   * One page of a query (`GET /records.json`): `limit` (default 100) records after `offset`.
   * Ordered by `$id`, or by `更新日時` then `$id`, it walks the records from the first that can
   * match (found by binary search) and stops when the page is full; any other order sorts.
   */
  page(
    appId: string,
    query: string,
    options: { totalCount?: boolean; maxLimit?: number; maxOffset?: number } = {},
  ): { records: StoredRecord[]; totalCount?: number; limit: number; offset: number } {
    const parsed = this.parse(appId, query);
    const limit = parsed.limit ?? 100;
    const offset = parsed.offset ?? 0;
    if (options.maxLimit !== undefined && limit > options.maxLimit)
      throw validationError(`limit must be ${options.maxLimit} or less.`);
    if (options.maxOffset !== undefined && offset > options.maxOffset)
      throw validationError(`offset must be ${options.maxOffset} or less.`);
    const walk = this.walk(appId, parsed);
    if (!walk) {
      const all = this.query(appId, query).records;
      return {
        records: all.slice(offset, offset + limit),
        ...(options.totalCount ? { totalCount: all.length } : {}),
        limit,
        offset,
      };
    }
    const records: StoredRecord[] = [];
    let skipped = 0;
    for (const r of walk) {
      if (records.length >= limit) break;
      if (!parsed.matches(this.view(appId, r))) continue;
      if (skipped < offset) skipped += 1;
      else records.push(r);
    }
    const totalCount = options.totalCount
      ? this.app(appId).records.filter((r) => parsed.matches(this.view(appId, r))).length
      : undefined;
    return { records, ...(totalCount !== undefined ? { totalCount } : {}), limit, offset };
  }

  /** The records in the query's order from the first that can match, when an index gives that order. */
  private walk(appId: string, parsed: ParsedQuery): Iterable<StoredRecord> | undefined {
    const order = parsed.orderBy.length ? parsed.orderBy : [{ field: '$id', descending: true }];
    const [first, ...rest] = order;
    if (!first) return undefined;
    const descending = first.descending;
    const records = this.app(appId).records;
    const bound = (field: string, toNumber: (v: string | number) => number) => {
      const lower = parsed.conjuncts.filter(
        (c) => c.field === field && (c.op === '>' || c.op === '>=' || c.op === '='),
      );
      const upper = parsed.conjuncts.filter(
        (c) => c.field === field && (c.op === '<' || c.op === '<=' || c.op === '='),
      );
      const pick = (cs: typeof lower, max: boolean) =>
        cs.reduce<{ value: number; strict: boolean } | undefined>((best, c) => {
          const value = toNumber(c.value);
          if (Number.isNaN(value)) return best;
          const strict = c.op === '>' || c.op === '<';
          if (!best || (max ? value > best.value : value < best.value)) return { value, strict };
          return best;
        }, undefined);
      return { lower: pick(lower, true), upper: pick(upper, false) };
    };
    const ranged = function* (
      list: StoredRecord[],
      key: (r: StoredRecord) => number,
      b: ReturnType<typeof bound>,
    ) {
      const from = b.lower ? lowerBound(list, key, b.lower.value, b.lower.strict) : 0;
      const to = b.upper ? lowerBound(list, key, b.upper.value, !b.upper.strict) : list.length;
      if (descending) for (let i = to - 1; i >= from; i -= 1) yield list[i] as StoredRecord;
      else for (let i = from; i < to; i += 1) yield list[i] as StoredRecord;
    };
    if (first.field === '$id' && rest.length === 0) {
      return ranged(records, (r) => r.id, bound('$id', Number));
    }
    const type = this.fieldTypes.get(appId)?.get(first.field);
    const sameDirectionById =
      rest.every((o) => o.field === '$id' && o.descending === descending) && rest.length <= 1;
    if (type === 'UPDATED_TIME' && sameDirectionById) {
      let sorted = this.byUpdatedTime.get(records);
      if (!sorted) {
        sorted = records
          .slice()
          .sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : a.id - b.id));
        this.byUpdatedTime.set(records, sorted);
      }
      return ranged(
        sorted,
        (r) => Date.parse(r.updatedAt),
        bound(first.field, (v) => Date.parse(String(v))),
      );
    }
    return undefined;
  }

  private valueOf(appId: string, record: StoredRecord, field: string): string | number | undefined {
    if (field === '$id') return record.id;
    if (field === '$revision') return record.revision;
    const type = this.fieldTypes.get(appId)?.get(field);
    if (type === 'RECORD_NUMBER') return record.id;
    if (type === 'CREATED_TIME') return record.createdAt;
    if (type === 'UPDATED_TIME') return record.updatedAt;
    if (type === 'STATUS') return this.statusOf(appId, record);
    if (type === 'STATUS_ASSIGNEE') return record.assignees?.[0];
    return type === 'NUMBER' ? Number(record.values[field]) : record.values[field];
  }

  /** The record's status; a record saved before process management was on is in the first state. */
  statusOf(appId: string, record: StoredRecord): string | undefined {
    const process = this.definition(appId).process;
    return process ? (record.status ?? process.states[0]) : undefined;
  }

  /** kintone's read shape, optionally limited to some fields. */
  toKintone(appId: string, record: StoredRecord, fields?: string[]) {
    const shape: Record<string, { type: string; value: unknown }> = {
      $id: { type: '__ID__', value: String(record.id) },
      $revision: { type: '__REVISION__', value: String(record.revision) },
    };
    for (const f of this.fieldsOf(appId)) {
      const value =
        f.type === 'RECORD_NUMBER'
          ? String(record.id)
          : f.type === 'CREATED_TIME'
            ? record.createdAt
            : f.type === 'UPDATED_TIME'
              ? record.updatedAt
              : f.type === 'STATUS'
                ? this.statusOf(appId, record)
                : f.type === 'STATUS_ASSIGNEE'
                  ? (record.assignees ?? []).map((code) => ({ code, name: code }))
                  : (record.values[f.code] ?? '');
      shape[f.code] = { type: f.type, value };
    }
    if (!fields?.length) return shape;
    return Object.fromEntries(Object.entries(shape).filter(([code]) => fields.includes(code)));
  }

  private validated(appId: string, input: unknown, existing: StoredRecord | undefined, path: string) {
    if (input !== undefined && (typeof input !== 'object' || input === null || Array.isArray(input))) {
      throw validationError('Missing or invalid input.', { [path]: { messages: ['must be an object'] } });
    }
    const record = (input ?? {}) as WriteRecord;
    const definition = this.definition(appId);
    const errors: Record<string, { messages: string[] }> = {};
    const values = { ...(existing?.values ?? {}) };
    for (const [code, cell] of Object.entries(record)) {
      // kintone sets ステータス and 作業者 only through actions; values written to them are ignored.
      if (definition.process && (code === STATUS_FIELD || code === ASSIGNEE_FIELD)) continue;
      const field = definition.fields.find((f) => f.code === code);
      const at = `${path}.${code}.value`;
      if (!field) {
        errors[at] = { messages: [`The field (code: ${code}) does not exist or cannot be written.`] };
        continue;
      }
      const raw = cell?.value;
      const value = raw === undefined || raw === null ? '' : String(raw);
      if (field.type === 'NUMBER' && value !== '' && !/^-?\d+(\.\d+)?$/.test(value)) {
        errors[at] = { messages: ['Only numbers are allowed.'] };
      } else if (field.type === 'DATETIME' && value !== '' && Number.isNaN(Date.parse(value))) {
        errors[at] = { messages: ['Enter a date and time (ISO 8601).'] };
      } else if (field.type === 'DATE' && value !== '' && !isCalendarDate(value)) {
        // kintone's DATE fields take YYYY-MM-DD (and answer in that form).
        errors[at] = { messages: ['Enter a date (YYYY-MM-DD).'] };
      } else if (field.type === 'DROP_DOWN' && value !== '' && !field.options?.includes(value)) {
        errors[at] = { messages: [`The value must be one of the options (${field.options?.join(', ')}).`] };
      }
      values[code] = value;
    }
    for (const field of definition.fields) {
      const at = `${path}.${field.code}.value`;
      if (field.required && !values[field.code] && !errors[at]) errors[at] = { messages: ['Required.'] };
      if (field.unique && values[field.code]) {
        const holder = this.keyed(appId, field.code).get(values[field.code] as string);
        const clash = holder && holder.id !== existing?.id;
        if (clash && !errors[at]) errors[at] = { messages: ['This value already exists in another record.'] };
      }
    }
    if (Object.keys(errors).length) throw validationError('Missing or invalid input.', errors);
    return values;
  }

  add(appId: string, input: unknown, path = 'record'): StoredRecord {
    const values = this.validated(appId, input, undefined, path);
    const app = this.writable(appId);
    const at = kintoneTime(this.now());
    const record: StoredRecord = { id: app.nextId, revision: 1, values, createdAt: at, updatedAt: at };
    const first = this.definition(appId).process?.states[0];
    if (first) record.status = first;
    app.nextId += 1;
    app.records.push(record);
    this.reindex(appId, undefined, record);
    return record;
  }

  /**
   * Adds many valid records at once, outside the API (tests and benchmarks): no per-record
   * transaction or uniqueness scan, one write to disk. `make(i)` gives the i-th record's fields
   * (field code → value) and optionally its status and update time.
   */
  seed(
    appId: string,
    count: number,
    make: (i: number) => { values: Record<string, string>; status?: string; updatedAt?: Date },
  ): { firstId: number; lastId: number } {
    const app = this.app(appId);
    const process = this.definition(appId).process;
    const at = kintoneTime(this.now());
    const added: StoredRecord[] = [];
    for (let i = 0; i < count; i += 1) {
      const { values, status, updatedAt } = make(i);
      if (status !== undefined && !process?.states.includes(status))
        throw new Error(`seed: ${status} is not a state of app ${appId}`);
      const time = updatedAt ? kintoneTime(updatedAt) : at;
      const record: StoredRecord = {
        id: app.nextId + i,
        revision: 1,
        values,
        createdAt: time,
        updatedAt: time,
      };
      const first = process?.states[0];
      if (status ?? first) record.status = status ?? first;
      added.push(record);
    }
    const firstId = app.nextId;
    this.state.set(appId, { nextId: app.nextId + count, records: app.records.concat(added) });
    this.persist();
    return { firstId, lastId: firstId + count - 1 };
  }

  private checkRevision(record: StoredRecord, expected: unknown) {
    const revision = expected === undefined || expected === null ? -1 : Number(expected);
    if (revision !== -1 && revision !== record.revision) {
      throw new KintoneSandboxError(
        409,
        'GAIA_CO02',
        `The revision is not the latest. Someone may update a record. (id: ${record.id}, revision: ${record.revision})`,
      );
    }
  }

  /** Puts the changed copy of a record in place of the original. */
  private replace(appId: string, record: StoredRecord): StoredRecord {
    const app = this.writable(appId);
    const i = this.indexOf(appId, record.id);
    const before = app.records[i];
    app.records[i] = record;
    this.reindex(appId, before, record);
    return record;
  }

  update(
    appId: string,
    target: { id?: unknown; updateKey?: unknown; revision?: unknown },
    input: unknown,
    path = 'record',
  ): StoredRecord {
    const existing =
      target.id !== undefined
        ? this.find(appId, target.id)
        : this.findByKey(appId, target.updateKey, 'updateKey');
    this.checkRevision(existing, target.revision);
    // A field whose key is updated keeps the key's value unless the record says otherwise.
    const values = this.validated(appId, input, existing, path);
    return this.replace(appId, {
      ...existing,
      values,
      revision: existing.revision + 1,
      updatedAt: kintoneTime(this.now()),
    });
  }

  /**
   * Runs a process-management action on a record (`PUT /record/status.json`): the action must
   * leave the record's current status, the revision must be the latest when given, and the
   * revision goes up by 2 (kintone records the action and the status change).
   */
  changeStatus(appId: string, change: StatusChange, path?: string): { record: StoredRecord; from: string } {
    const process = this.definition(appId).process;
    if (!process)
      throw new KintoneSandboxError(
        400,
        'GAIA_ST02',
        'Your request failed. The process management feature has been disabled.',
      );
    const at = (field: string) => (path ? `${path}.${field}` : field);
    if (typeof change.action !== 'string' || change.action === '')
      throw validationError('Missing or invalid input.', { [at('action')]: { messages: ['Required.'] } });
    if (change.id === undefined || change.id === null || change.id === '')
      throw validationError('Missing or invalid input.', { [at('id')]: { messages: ['Required.'] } });
    const existing = this.find(appId, change.id);
    this.checkRevision(existing, change.revision);
    const from = this.statusOf(appId, existing) as string;
    const actions = process.actions.filter((a) => a.name === change.action && a.from === from);
    if (actions.length !== 1)
      throw new KintoneSandboxError(
        400,
        'GAIA_IL03',
        'Failed to update the status. The settings or the status itself may have been changed by someone.',
      );
    const assignee = change.assignee === undefined || change.assignee === null ? '' : String(change.assignee);
    const record = this.replace(appId, {
      ...existing,
      status: (actions[0] as { to: string }).to,
      assignees: assignee ? [assignee] : [],
      revision: existing.revision + 2,
      updatedAt: kintoneTime(this.now()),
    });
    return { record, from };
  }

  remove(appId: string, ids: unknown[], revisions: unknown[] = []): StoredRecord[] {
    const removed = ids.map((id, i) => {
      const record = this.find(appId, id);
      this.checkRevision(record, revisions[i] === undefined ? -1 : revisions[i]);
      const app = this.writable(appId);
      app.records.splice(this.indexOf(appId, record.id), 1);
      this.reindex(appId, record, undefined);
      return record;
    });
    return removed;
  }
}
