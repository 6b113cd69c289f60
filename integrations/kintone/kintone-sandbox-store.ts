/**
 * The sandbox's records: kintone's record shapes, field validation, unique fields, revisions,
 * and all-or-nothing writes (a batch is applied to a copy that replaces the state only when
 * every part succeeded). The HTTP side lives in kintone.sandbox.ts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type KintoneAppDefinition, type KintoneFieldDefinition, SYSTEM_FIELDS } from './app-definitions.js';
import { type FieldValueType, parseKintoneQuery, type QueryRecord } from './kintone-query.js';

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
}

interface AppState {
  nextId: number;
  records: StoredRecord[];
}

// biome-ignore lint/suspicious/noExplicitAny: the sandbox serves apps of any record type.
export type AnyAppDefinition = KintoneAppDefinition<any>;

type WriteRecord = Record<string, { value?: unknown } | undefined>;

/** kintone reports times with second precision. */
const kintoneTime = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

export class KintoneSandboxStore {
  private state = new Map<string, AppState>();
  /** A transaction's working copy: never written to disk on its own. */
  private draft = false;
  private readonly definitions = new Map<string, AnyAppDefinition>();

  constructor(
    apps: readonly AnyAppDefinition[],
    private readonly now: () => Date,
    private readonly dataFile?: string,
  ) {
    for (const app of apps) {
      this.definitions.set(app.sandboxAppId, app);
      this.state.set(app.sandboxAppId, { nextId: 1, records: [] });
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

  fieldsOf(appId: string): KintoneFieldDefinition[] {
    return [...this.definition(appId).fields, ...SYSTEM_FIELDS];
  }

  /** Runs `change` on a copy of the state; the copy replaces the state only if it succeeds. */
  transaction<T>(change: (draft: KintoneSandboxStore) => T): T {
    const draft = Object.create(this) as KintoneSandboxStore;
    draft.state = structuredClone(this.state);
    draft.draft = true;
    const result = change(draft);
    this.state = draft.state;
    if (!this.draft) this.persist();
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

  private find(appId: string, id: unknown): StoredRecord {
    const record = this.app(appId).records.find((r) => r.id === Number(id));
    if (!record)
      throw new KintoneSandboxError(
        404,
        'GAIA_RE01',
        `The specified record (ID: ${String(id)}) is not found.`,
      );
    return record;
  }

  private findByKey(appId: string, updateKey: unknown, path: string): StoredRecord {
    const key = updateKey as { field?: unknown; value?: unknown } | undefined;
    const field = this.definition(appId).fields.find((f) => f.code === key?.field);
    if (!field?.unique) throw validationError(`${path}.field must be a unique field.`);
    const record = this.app(appId).records.find((r) => r.values[field.code] === String(key?.value ?? ''));
    if (!record) throw new KintoneSandboxError(404, 'GAIA_RE01', 'The specified record is not found.');
    return record;
  }

  hasKey(appId: string, updateKey: unknown): boolean {
    const key = updateKey as { field?: unknown; value?: unknown } | undefined;
    return this.app(appId).records.some((r) => r.values[String(key?.field)] === String(key?.value ?? ''));
  }

  get(appId: string, id: unknown): StoredRecord {
    return this.find(appId, id);
  }

  /** Every record of the app matching the query, in query order (default: $id descending). */
  query(appId: string, query: string): { records: StoredRecord[]; limit?: number; offset?: number } {
    const types = new Map<string, FieldValueType>([
      ['$id', 'number'],
      ['$revision', 'number'],
    ]);
    for (const f of this.fieldsOf(appId)) {
      types.set(
        f.code,
        f.type === 'NUMBER' || f.type === 'RECORD_NUMBER'
          ? 'number'
          : f.type.endsWith('TIME') || f.type === 'DATETIME'
            ? 'datetime'
            : 'text',
      );
    }
    const parsed = parseKintoneQuery(query, types);
    const view = (r: StoredRecord): QueryRecord => ({ get: (field) => this.valueOf(appId, r, field) });
    const records = this.app(appId).records.filter((r) => parsed.matches(view(r)));
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

  private valueOf(appId: string, record: StoredRecord, field: string): string | number | undefined {
    if (field === '$id') return record.id;
    if (field === '$revision') return record.revision;
    const type = this.fieldsOf(appId).find((f) => f.code === field)?.type;
    if (type === 'RECORD_NUMBER') return record.id;
    if (type === 'CREATED_TIME') return record.createdAt;
    if (type === 'UPDATED_TIME') return record.updatedAt;
    return type === 'NUMBER' ? Number(record.values[field]) : record.values[field];
  }

  /** kintone's read shape, optionally limited to some fields. */
  toKintone(appId: string, record: StoredRecord, fields?: string[]) {
    const shape: Record<string, { type: string; value: string }> = {
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
      } else if (field.type === 'DROP_DOWN' && value !== '' && !field.options?.includes(value)) {
        errors[at] = { messages: [`The value must be one of the options (${field.options?.join(', ')}).`] };
      }
      values[code] = value;
    }
    for (const field of definition.fields) {
      const at = `${path}.${field.code}.value`;
      if (field.required && !values[field.code] && !errors[at]) errors[at] = { messages: ['Required.'] };
      if (field.unique && values[field.code]) {
        const clash = this.app(appId).records.find(
          (r) => r.id !== existing?.id && r.values[field.code] === values[field.code],
        );
        if (clash && !errors[at]) errors[at] = { messages: ['This value already exists in another record.'] };
      }
    }
    if (Object.keys(errors).length) throw validationError('Missing or invalid input.', errors);
    return values;
  }

  add(appId: string, input: unknown, path = 'record'): StoredRecord {
    const values = this.validated(appId, input, undefined, path);
    const app = this.app(appId);
    const at = kintoneTime(this.now());
    const record: StoredRecord = { id: app.nextId, revision: 1, values, createdAt: at, updatedAt: at };
    app.nextId += 1;
    app.records.push(record);
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
    const revision = target.revision === undefined || target.revision === null ? -1 : Number(target.revision);
    if (revision !== -1 && revision !== existing.revision) {
      throw new KintoneSandboxError(
        409,
        'GAIA_CO02',
        `The revision is not the latest. Someone may update a record. (id: ${existing.id}, revision: ${existing.revision})`,
      );
    }
    // A field whose key is updated keeps the key's value unless the record says otherwise.
    const values = this.validated(appId, input, existing, path);
    existing.values = values;
    existing.revision += 1;
    existing.updatedAt = kintoneTime(this.now());
    return existing;
  }

  remove(appId: string, ids: unknown[], revisions: unknown[] = []): void {
    const app = this.app(appId);
    ids.forEach((id, i) => {
      const record = this.find(appId, id);
      const revision = revisions[i] === undefined ? -1 : Number(revisions[i]);
      if (revision !== -1 && revision !== record.revision) {
        throw new KintoneSandboxError(409, 'GAIA_CO02', `The revision is not the latest. (id: ${record.id})`);
      }
      app.records = app.records.filter((r) => r.id !== record.id);
    });
  }
}
