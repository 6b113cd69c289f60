/**
 * KintoneAppAdapter: a kintone app behind the core `KintoneApp` port, on the official
 * `@kintone/rest-api-client`. Every request goes through the shared request budget
 * (concurrency cap, daily count), has a socket timeout, and is retried with back-off and
 * jitter only when kintone says it may be (429, 5xx, GAIA_TM12, GAIA_RE18, GAIA_DA02, lost
 * connections), honouring Retry-After. A stale revision (GAIA_CO02) is a ConflictError, never
 * retried blindly. Records are keyed by the hub's id in a unique field, so a retried write never
 * duplicates one. Requirements: A1-3, X-3.
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
  fromKintoneRecord,
  HUB_ID_FIELD,
  type KintoneAppDefinition,
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

export class KintoneAppAdapter<T extends { hubId: string }> implements KintoneApp<T> {
  private readonly client: KintoneRestAPIClient;

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

  async create(fields: T): Promise<KintoneRecordRef> {
    const result = await this.call('create', () =>
      this.client.record.addRecord({ app: this.appId, record: toKintoneRecord(this.definition, fields) }),
    );
    return { recordId: String(result.id), revision: Number(result.revision) };
  }

  async upsert(fields: T): Promise<KintoneRecordRef> {
    // kintone's upsert mode in one request: the record is found by the hub id or created, so
    // a retry after a lost answer updates what the first attempt created.
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
    const written = result.records[0] as { id: string; revision: string };
    return { recordId: written.id, revision: Number(written.revision) };
  }

  async update(recordId: string, changes: Partial<T>, expectedRevision: number): Promise<KintoneRecordRef> {
    const result = await this.call('update', () =>
      this.client.record.updateRecord({
        app: this.appId,
        id: recordId,
        revision: expectedRevision,
        record: toKintoneRecord(this.definition, changes),
      }),
    );
    return { recordId, revision: Number(result.revision) };
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
        processed += chunk.length;
      } catch (error) {
        const inner = error instanceof KintoneAllRecordsError ? error.error : error;
        const done = error instanceof KintoneAllRecordsError ? error.numOfProcessedRecords : 0;
        throw new KintoneBatchError(processed + done, inner, classifyKintoneError(inner).retryable);
      }
    }
    return { processed };
  }
}
