/**
 * RestKintoneApp: a kintone app behind the core `KintoneApp` port, on the official
 * `@kintone/rest-api-client`. Every request goes through the shared request budget
 * (concurrency cap, daily count), has a socket timeout, and is retried with back-off and
 * jitter only when kintone says it may be (429, 5xx, GAIA_TM12, GAIA_RE18, GAIA_DA02, lost
 * connections), honouring Retry-After. A stale revision (GAIA_CO02) is a ConflictError, never
 * retried blindly. Records are keyed by the hub's id in a unique field, so a retried write never
 * duplicates one. On an app with process management (the orders app) the status is kintone's
 * `ステータス`: writing it runs the actions that lead from the record's status to the wanted
 * one, each at the revision the previous one left, so a change by someone else in between is a
 * ConflictError. Requirements: A1-3, A7-3, X-3.
 */
import { KintoneAllRecordsError, KintoneRestAPIClient, KintoneRestAPIError } from '@kintone/rest-api-client';
import { ConflictError, IntegrationError } from '../../core/errors.js';
import type {
  KintoneApp,
  KintonePageQuery,
  KintoneRecordRef,
  KintoneStored,
} from '../../core/kintone/kintone-app.js';
import { parseRetryAfter, type RetryPolicy, type RetryVerdict, withRetries } from '../shared/resilience.js';
import {
  actionPath,
  fromKintoneRecord,
  HUB_ID_FIELD,
  type KintoneAppDefinition,
  type KintoneProcessAction,
  STATUS_FIELD,
  statusPropertyOf,
  toKintoneRecord,
  UPDATED_TIME_FIELD,
} from './app-definitions.js';
import type { KintoneRequestBudget } from './kintone-request-budget.js';

const RETRYABLE_CODES = new Set(['GAIA_TM12', 'GAIA_RE18', 'GAIA_DA02']);
const RETRYABLE_NETWORK = new Set([
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ECONNREFUSED',
  'EPIPE',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);
/** Records per bulkRequest (20 requests × 100 records). */
export const BULK_CHUNK = 2000;
/** Records per `PUT /records/status.json` and per status read. */
const STATUS_CHUNK = 100;
const READ_CHUNK = 500;

const chunks = <X>(items: readonly X[], size: number): X[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
const quoted = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export interface KintoneConnection {
  /** `https://<sub>.cybozu.com`, or the sandbox's `http://localhost:<port>`. */
  baseUrl: string;
  guestSpaceId?: string;
  socketTimeoutMs: number;
  retry: RetryPolicy;
}

export function classifyKintoneError(error: unknown): RetryVerdict {
  if (error instanceof KintoneRestAPIError) {
    const headers = (error.headers ?? {}) as Record<string, unknown>;
    const retryAfterMs = parseRetryAfter(headers['retry-after'], new Date());
    const retryable = error.status === 429 || error.status >= 500 || RETRYABLE_CODES.has(error.code);
    return { retryable, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  const code = (error as { code?: unknown }).code;
  const message = String((error as { message?: unknown }).message ?? '');
  return { retryable: RETRYABLE_NETWORK.has(String(code)) || /socket hang up|timeout/i.test(message) };
}

/** Thrown by upsertAll when a chunk failed for good: `processed` records are written; resume from there. */
export class KintoneBatchError extends IntegrationError {
  constructor(
    readonly processed: number,
    cause: unknown,
    retryable: boolean,
  ) {
    super(
      { system: 'kintone', operation: 'upsertAll', retryable, message: `stopped after ${processed} records` },
      { cause },
    );
  }
}

export class RestKintoneApp<T extends { hubId: string }> implements KintoneApp<T> {
  private readonly client: KintoneRestAPIClient;
  /** The hub property kept in `ステータス`, when the app has process management. */
  private readonly statusProperty: (keyof T & string) | undefined;

  constructor(
    private readonly definition: KintoneAppDefinition<T>,
    private readonly appId: string,
    apiToken: string,
    private readonly connection: KintoneConnection,
    private readonly budget: KintoneRequestBudget,
    private readonly onRetry?: (info: { operation: string; attempt: number; delayMs: number }) => void,
  ) {
    this.client = new KintoneRestAPIClient({
      baseUrl: connection.baseUrl,
      auth: { apiToken },
      socketTimeout: connection.socketTimeoutMs,
      ...(connection.guestSpaceId ? { guestSpaceId: connection.guestSpaceId } : {}),
    });
    this.statusProperty = statusPropertyOf(definition);
  }

  /** One kintone call: budgeted, retried when kintone allows it, vendor errors translated. */
  private async call<R>(operation: string, request: () => Promise<R>): Promise<R> {
    try {
      return await withRetries(
        () => this.budget.run(this.appId, request),
        classifyKintoneError,
        this.connection.retry,
        { onRetry: ({ attempt, delayMs }) => this.onRetry?.({ operation, attempt, delayMs }) },
      );
    } catch (error) {
      throw this.translate(operation, error);
    }
  }

  private translate(operation: string, error: unknown): Error {
    if (error instanceof KintoneRestAPIError && error.code === 'GAIA_CO02') {
      return new ConflictError(
        `kintone record was changed by someone else (${operation}); reload and merge`,
        {
          cause: error,
        },
      );
    }
    if (error instanceof KintoneRestAPIError && error.code === 'CB_VA01' && this.isHubIdClash(error)) {
      return new ConflictError(`a kintone record with this hub id already exists (${operation})`, {
        cause: error,
      });
    }
    const status = error instanceof KintoneRestAPIError ? error.status : undefined;
    const code =
      error instanceof KintoneRestAPIError
        ? error.code
        : String((error as { code?: unknown }).code ?? 'network');
    return new IntegrationError(
      {
        system: 'kintone',
        operation,
        retryable: classifyKintoneError(error).retryable,
        ...(status !== undefined ? { status } : {}),
        message: code,
      },
      { cause: error },
    );
  }

  private isHubIdClash(error: KintoneRestAPIError): boolean {
    return Object.entries(error.errors ?? {}).some(
      ([path, detail]) =>
        path.endsWith(`${HUB_ID_FIELD}.value`) && JSON.stringify(detail).includes('already exists'),
    );
  }

  private stored(record: Record<string, { type?: string; value: unknown }>): KintoneStored<T> {
    return {
      recordId: String(record.$id?.value),
      revision: Number(record.$revision?.value),
      updatedAt: String(record[UPDATED_TIME_FIELD]?.value ?? ''),
      fields: fromKintoneRecord(this.definition, record),
    };
  }

  /** The status the hub asks for in `fields`, when the app keeps one. */
  private wantedStatus(fields: Partial<T>): string | undefined {
    const value = this.statusProperty ? fields[this.statusProperty] : undefined;
    return value === undefined || value === null ? undefined : String(value);
  }

  /** Refuses, before anything is written, a status that is not a state of the app's process. */
  private checkStatuses(operation: string, records: readonly Partial<T>[]) {
    const states = this.definition.process?.states;
    for (const record of records) {
      const wanted = this.wantedStatus(record);
      if (wanted !== undefined && !states?.includes(wanted))
        throw new IntegrationError({
          system: 'kintone',
          operation,
          retryable: false,
          message: `${String(this.statusProperty)}: "${wanted}" is not a status of the app's process management`,
        });
    }
  }

  private get firstStatus(): string {
    return this.definition.process?.states[0] as string;
  }

  /**
   * Runs, one after the other, the actions that lead from `current` to `wanted`, each at the
   * revision the previous one left (a change by someone else in between is a ConflictError).
   * No path (e.g. a CLOSED order the hub wants RECEIVED) is a ConflictError too: staff moved
   * the record where the hub cannot follow. Returns the record's revision afterwards.
   */
  private async moveStatus(recordId: string, current: string, wanted: string, revision: number) {
    const path = this.pathOf(recordId, current, wanted);
    let at = revision;
    for (const action of path) at = await this.runAction(recordId, action, at);
    return at;
  }

  private pathOf(recordId: string, current: string, wanted: string): KintoneProcessAction[] {
    const path = this.definition.process ? actionPath(this.definition.process, current, wanted) : undefined;
    if (!path)
      throw new ConflictError(
        `kintone record ${recordId} is ${current}; no action of the app leads from there to ${wanted}`,
      );
    return path;
  }

  private async runAction(recordId: string, action: KintoneProcessAction, revision: number): Promise<number> {
    try {
      const result = await this.call('updateStatus', () =>
        this.client.record.updateRecordStatus({
          app: this.appId,
          id: recordId,
          action: action.name,
          revision,
        }),
      );
      return Number(result.revision);
    } catch (error) {
      // A retry after a lost answer finds its own action applied: exactly that status, two revisions on.
      if (error instanceof ConflictError) {
        const now = await this.get(recordId);
        if (now && this.wantedStatus(now.fields) === action.to && now.revision === revision + 2)
          return now.revision;
      }
      throw error;
    }
  }

  async create(fields: T): Promise<KintoneRecordRef> {
    this.checkStatuses('create', [fields]);
    const result = await this.call('create', () =>
      this.client.record.addRecord({ app: this.appId, record: toKintoneRecord(this.definition, fields) }),
    );
    const recordId = String(result.id);
    const wanted = this.wantedStatus(fields);
    const revision =
      wanted === undefined
        ? Number(result.revision)
        : await this.moveStatus(recordId, this.firstStatus, wanted, Number(result.revision));
    return { recordId, revision };
  }

  async upsert(fields: T): Promise<KintoneRecordRef> {
    // kintone's upsert mode in one request: the record is found by the hub id or created, so
    // a retry after a lost answer updates what the first attempt created.
    this.checkStatuses('upsert', [fields]);
    const { hubId, ...rest } = fields;
    const result = await this.call('upsert', () =>
      this.client.record.updateRecords({
        app: this.appId,
        upsert: true,
        records: [
          {
            updateKey: { field: HUB_ID_FIELD, value: hubId },
            record: toKintoneRecord(this.definition, rest as Partial<T>),
          },
        ],
      }),
    );
    const written = result.records[0] as { id: string; revision: string; operation?: string };
    const wanted = this.wantedStatus(fields);
    if (wanted === undefined) return { recordId: written.id, revision: Number(written.revision) };
    const current =
      written.operation === 'INSERT' ? this.firstStatus : await this.currentStatus(written.id, 'upsert');
    const revision = await this.moveStatus(written.id, current, wanted, Number(written.revision));
    return { recordId: written.id, revision };
  }

  /** The record's status as kintone has it now. */
  private async currentStatus(recordId: string, operation: string): Promise<string> {
    const stored = await this.get(recordId);
    if (!stored)
      throw new IntegrationError({
        system: 'kintone',
        operation,
        retryable: false,
        status: 404,
        message: 'GAIA_RE01',
      });
    return this.wantedStatus(stored.fields) ?? this.firstStatus;
  }

  async update(recordId: string, changes: Partial<T>, expectedRevision: number): Promise<KintoneRecordRef> {
    this.checkStatuses('update', [changes]);
    const wanted = this.wantedStatus(changes);
    let current: string | undefined;
    if (wanted !== undefined) {
      const stored = await this.get(recordId);
      if (!stored)
        throw new IntegrationError({
          system: 'kintone',
          operation: 'update',
          retryable: false,
          status: 404,
          message: 'GAIA_RE01',
        });
      if (stored.revision !== expectedRevision)
        throw new ConflictError(`kintone record was changed by someone else (update); reload and merge`);
      current = this.wantedStatus(stored.fields) ?? this.firstStatus;
    }
    const record = toKintoneRecord(this.definition, changes);
    let revision = expectedRevision;
    if (wanted === undefined || Object.keys(record).length > 0) {
      const result = await this.call('update', () =>
        this.client.record.updateRecord({ app: this.appId, id: recordId, revision, record }),
      );
      revision = Number(result.revision);
    }
    if (wanted !== undefined) revision = await this.moveStatus(recordId, current as string, wanted, revision);
    return { recordId, revision };
  }

  async get(recordId: string): Promise<KintoneStored<T> | undefined> {
    try {
      const { record } = await this.call('get', () =>
        this.client.record.getRecord({ app: this.appId, id: recordId }),
      );
      return this.stored(record as Record<string, { type?: string; value: unknown }>);
    } catch (error) {
      const cause = (error as { cause?: unknown }).cause;
      if (cause instanceof KintoneRestAPIError && cause.code === 'GAIA_RE01') return undefined;
      throw error;
    }
  }

  /**
   * One reconciliation page in one request, with no cursor slot and no offset cap: seek by
   * `$id` for a full run (as cli-kintone's export does), or by (更新日時, $id) for an
   * incremental one, so a record changed while the run goes on moves behind the reader
   * instead of being skipped.
   */
  async countRecords(): Promise<number> {
    const { totalCount } = await this.call('countRecords', () =>
      this.client.record.getRecords({ app: this.appId, fields: ['$id'], query: 'limit 1', totalCount: true }),
    );
    return Number(totalCount ?? 0);
  }

  async listPage(query: KintonePageQuery): Promise<KintoneStored<T>[]> {
    const kintoneQuery =
      query.order === 'ID'
        ? `$id > ${query.afterRecordId} order by $id asc limit ${query.limit}`
        : [
            `${UPDATED_TIME_FIELD} >= "${query.since}"`,
            query.after
              ? ` and (${UPDATED_TIME_FIELD} > "${query.after.updatedAt}" or (${UPDATED_TIME_FIELD} = "${query.after.updatedAt}" and $id > ${query.after.recordId}))`
              : '',
            ` order by ${UPDATED_TIME_FIELD} asc, $id asc limit ${query.limit}`,
          ].join('');
    const { records } = await this.call('listPage', () =>
      this.client.record.getRecords({ app: this.appId, query: kintoneQuery }),
    );
    return records.map((r) => this.stored(r as Record<string, { type?: string; value: unknown }>));
  }

  /**
   * Upserts many records keyed by hub id: 100 per request, 2,000 per bulkRequest (all or
   * nothing each). Starts at `from`; a chunk that fails is retried when kintone allows it;
   * if it still fails, KintoneBatchError says how many records are written, to resume from.
   */
  async upsertAll(records: T[], from = 0): Promise<{ processed: number }> {
    this.checkStatuses('upsertAll', records.slice(from));
    let processed = from;
    while (processed < records.length) {
      const chunk = records.slice(processed, processed + BULK_CHUNK).map(({ hubId, ...rest }) => ({
        updateKey: { field: HUB_ID_FIELD, value: hubId },
        record: toKintoneRecord(this.definition, rest as Partial<T>),
      }));
      try {
        await withRetries(
          () =>
            this.budget.run(this.appId, () =>
              this.client.record.updateAllRecords({ app: this.appId, upsert: true, records: chunk }),
            ),
          (error) => classifyKintoneError(error instanceof KintoneAllRecordsError ? error.error : error),
          this.connection.retry,
          { onRetry: ({ attempt, delayMs }) => this.onRetry?.({ operation: 'upsertAll', attempt, delayMs }) },
        );
      } catch (error) {
        const inner = error instanceof KintoneAllRecordsError ? error.error : error;
        let done = error instanceof KintoneAllRecordsError ? error.numOfProcessedRecords : 0;
        // Records written before the failure count only once their statuses are set as well.
        if (done > 0)
          done = await this.setStatuses(records.slice(processed, processed + done)).then(
            () => done,
            () => 0,
          );
        throw new KintoneBatchError(processed + done, inner, classifyKintoneError(inner).retryable);
      }
      // The chunk counts as written once its statuses are set too; a resume redoes both (idempotent).
      try {
        await this.setStatuses(records.slice(processed, processed + BULK_CHUNK));
      } catch (error) {
        throw new KintoneBatchError(processed, error, error instanceof IntegrationError && error.retryable);
      }
      processed += chunk.length;
    }
    return { processed };
  }

  /**
   * Moves each record to its wanted status after a bulk upsert: reads the records' status and
   * revision (500 per request), then runs the first action of every path, then the second…,
   * 100 records per `PUT /records/status.json` (all or nothing each), revisions chained.
   */
  private async setStatuses(records: T[]): Promise<void> {
    const wanted = new Map<string, string>();
    for (const record of records) {
      const status = this.wantedStatus(record);
      if (status !== undefined) wanted.set(record.hubId, status);
    }
    if (wanted.size === 0) return;
    const plans: { id: string; revision: number; path: KintoneProcessAction[] }[] = [];
    for (const hubIds of chunks([...wanted.keys()], READ_CHUNK)) {
      const query = `${HUB_ID_FIELD} in (${hubIds.map(quoted).join(', ')}) limit ${READ_CHUNK}`;
      const { records: found } = await this.call('upsertAll', () =>
        this.client.record.getRecords({
          app: this.appId,
          query,
          fields: ['$id', '$revision', HUB_ID_FIELD, STATUS_FIELD],
        }),
      );
      for (const r of found as Record<string, { value: unknown }>[]) {
        const id = String(r.$id?.value);
        const current = String(r[STATUS_FIELD]?.value ?? this.firstStatus);
        const path = this.pathOf(id, current, wanted.get(String(r[HUB_ID_FIELD]?.value)) as string);
        if (path.length) plans.push({ id, revision: Number(r.$revision?.value), path });
      }
    }
    for (let step = 0; ; step += 1) {
      const due = plans.filter((p) => p.path.length > step);
      if (due.length === 0) return;
      for (const part of chunks(due, STATUS_CHUNK)) {
        const result = await this.call('upsertAll', () =>
          this.client.record.updateRecordsStatus({
            app: this.appId,
            records: part.map((p) => ({
              id: p.id,
              action: (p.path[step] as KintoneProcessAction).name,
              revision: p.revision,
            })),
          }),
        );
        result.records.forEach((r, i) => {
          (part[i] as { revision: number }).revision = Number(r.revision);
        });
      }
    }
  }
}
