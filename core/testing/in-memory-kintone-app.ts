/**
 * In-memory kintone app for `core/` unit tests only: records keyed by hub id, revisions checked
 * (a stale one is a ConflictError, as kintone's GAIA_CO02), and a switch to fail like an outage.
 */
import { ConflictError, IntegrationError } from '../errors.js';
import type {
  KintoneApp,
  KintonePageQuery,
  KintoneRecordRef,
  KintoneStored,
} from '../kintone/kintone-app.js';

export class InMemoryKintoneApp<T extends { hubId: string }> implements KintoneApp<T> {
  readonly records = new Map<string, KintoneStored<T>>();
  private nextId = 1;
  /** When set, every call fails with this (e.g. a retryable IntegrationError for an outage). */
  failWith: Error | undefined;
  calls = 0;

  constructor(private readonly now: () => Date = () => new Date()) {}

  private guard() {
    this.calls += 1;
    if (this.failWith) throw this.failWith;
  }

  private byHubId(hubId: string) {
    return [...this.records.values()].find((r) => r.fields.hubId === hubId);
  }

  async create(fields: T): Promise<KintoneRecordRef> {
    this.guard();
    if (this.byHubId(fields.hubId)) throw new ConflictError(`a record with hub id ${fields.hubId} exists`);
    const recordId = String(this.nextId++);
    this.records.set(recordId, {
      recordId,
      revision: 1,
      fields: { ...fields },
      updatedAt: this.now().toISOString(),
    });
    return { recordId, revision: 1 };
  }

  async upsert(fields: T): Promise<KintoneRecordRef> {
    this.guard();
    const existing = this.byHubId(fields.hubId);
    if (!existing) return this.create(fields);
    existing.fields = { ...existing.fields, ...fields };
    existing.revision += 1;
    existing.updatedAt = this.now().toISOString();
    return { recordId: existing.recordId, revision: existing.revision };
  }

  async update(recordId: string, changes: Partial<T>, expectedRevision: number): Promise<KintoneRecordRef> {
    this.guard();
    const record = this.records.get(recordId);
    if (!record)
      throw new IntegrationError({
        system: 'kintone',
        operation: 'update',
        retryable: false,
        status: 404,
        message: 'GAIA_RE01',
      });
    if (record.revision !== expectedRevision)
      throw new ConflictError(`record ${recordId} is at revision ${record.revision}`);
    record.fields = { ...record.fields, ...changes };
    record.revision += 1;
    record.updatedAt = this.now().toISOString();
    return { recordId, revision: record.revision };
  }

  async get(recordId: string) {
    this.guard();
    const record = this.records.get(recordId);
    return record ? structuredClone(record) : undefined;
  }

  async countRecords(): Promise<number> {
    this.guard();
    return this.records.size;
  }

  async listPage(query: KintonePageQuery): Promise<KintoneStored<T>[]> {
    this.guard();
    const all = [...this.records.values()];
    const selected =
      query.order === 'ID'
        ? all
            .filter((r) => Number(r.recordId) > query.afterRecordId)
            .sort((a, b) => Number(a.recordId) - Number(b.recordId))
        : all
            .filter((r) => r.updatedAt >= query.since)
            .filter(
              (r) =>
                !query.after ||
                r.updatedAt > query.after.updatedAt ||
                (r.updatedAt === query.after.updatedAt && Number(r.recordId) > query.after.recordId),
            )
            .sort(
              (a, b) => a.updatedAt.localeCompare(b.updatedAt) || Number(a.recordId) - Number(b.recordId),
            );
    return selected.slice(0, query.limit).map((r) => structuredClone(r));
  }
}
