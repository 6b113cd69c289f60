/**
 * Ports for the kintone apps the sales team works in (docs/integrations.md, "kintone"): the orders
 * app and the visit-records app. Each record carries the hub's id in a unique field, so a
 * retried write finds the record instead of duplicating it. Requirements: A1-3, A3-6, A7-3, A7-4, X-3.
 */

/** Where a record lives in kintone and which revision the hub last saw. */
export interface KintoneRecordRef {
  recordId: string;
  revision: number;
}

export interface KintoneStored<T> extends KintoneRecordRef {
  fields: T;
  updatedAt: string;
}

export interface KintoneApp<T extends { hubId: string }> {
  /** Creates the record; a ConflictError when a record with this hubId already exists. */
  create(fields: T): Promise<KintoneRecordRef>;
  /** Creates or updates the record keyed by hubId: safe to retry, never a duplicate. */
  upsert(fields: T): Promise<KintoneRecordRef>;
  /** Updates at the given revision; a stale revision is a ConflictError, never a blind overwrite. */
  update(recordId: string, changes: Partial<T>, expectedRevision: number): Promise<KintoneRecordRef>;
  get(recordId: string): Promise<KintoneStored<T> | undefined>;
  /**
   * One page of records for reconciliation (docs/sync.md): in CHANGED order (更新日時, then
   * $id) from `since`, resuming strictly after `after`; or in $id order after `afterRecordId`
   * for a full run. One request per page; fewer than `limit` records means the end.
   */
  listPage(query: KintonePageQuery): Promise<KintoneStored<T>[]>;
  /** How many records the app holds (one request; a full run's progress). */
  countRecords(): Promise<number>;
}

export type KintonePageQuery =
  | {
      order: 'CHANGED';
      /** kintone time (second precision, UTC): records with 更新日時 at or after it. */
      since: string;
      after?: { updatedAt: string; recordId: number };
      limit: number;
    }
  | { order: 'ID'; afterRecordId: number; limit: number };
