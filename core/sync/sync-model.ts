/**
 * What the hub keeps to stay in sync with the systems the staff also edit (X-3, docs/sync.md):
 * for every kintone record the state both sides last agreed on, the conflicts a person must
 * settle, each job run with its counts, a checkpoint per job so a killed run resumes, and the
 * lease that lets only one run of a job work at a time.
 */

/** The kintone apps the hub keeps in sync (integrations/kintone/app-definitions.ts). */
export const SYNCED_KINTONE_APPS = ['orders', 'visits'] as const;
export type SyncedKintoneApp = (typeof SYNCED_KINTONE_APPS)[number];

/** A record's fields as the hub names them (OrderRecord / VisitRecordEntry), each as kintone holds it. */
export type RecordFields = Record<string, string | undefined>;

/**
 * One kintone record as the hub and kintone last agreed on it. `revision` is kintone's
 * `$revision` at that point: a higher revision in kintone means kintone changed since.
 * `hubFields` is what the hub itself last wrote, so the hub's own later changes are the
 * difference to it (and a field only kintone's staff changed is never written back).
 */
export interface SyncedKintoneRecord {
  app: SyncedKintoneApp;
  hubId: string;
  clientId: string;
  recordId: string;
  revision: number;
  /** kintone's 更新日時 of `revision`. */
  kintoneUpdatedAt: string;
  fields: RecordFields;
  hubFields?: RecordFields;
  /** Who made the last agreed change: the hub's write, or a change made in kintone. */
  lastChangedBy: 'HUB' | 'KINTONE';
  /** Set when the record disappeared from kintone; the ledger keeps what it was. */
  deletedInKintoneAt?: string;
  /** The open conflict that holds this record until a person resolves it. */
  openConflictId?: string;
  syncedAt: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const SYNC_CONFLICT_RESOLUTIONS = ['KEEP_HUB', 'KEEP_SOURCE', 'MERGE'] as const;
export type SyncConflictResolution = (typeof SYNC_CONFLICT_RESOLUTIONS)[number];

/** One field changed on both sides to different values. */
export interface DifferingField {
  field: string;
  agreed: string | null;
  hub: string | null;
  source: string | null;
}

/**
 * A record changed on both sides since they last agreed: both versions kept, neither side written
 * until a person resolves it. kintone: an order or visit record (`hubId` its hub id, `recordId`
 * kintone's id). G-Staff: the fields the hub registered a client with (name, corporate number,
 * phone; `hubId` and `clientId` the hub's client, `recordId` G-Staff's client code).
 */
export type SyncConflict = SyncConflictCommon &
  (
    | {
        system: 'kintone';
        app: SyncedKintoneApp;
        /** kintone's revision of `sourceVersion` (the resolution's write is checked against it). */
        sourceRevision: number;
      }
    | { system: 'gstaff'; app: 'clients' }
  );

interface SyncConflictCommon {
  conflictId: string;
  hubId: string;
  clientId: string;
  recordId: string;
  status: 'OPEN' | 'RESOLVED';
  detectedAt: string;
  /** Where it was noticed: the hub's write found kintone changed, or a sync run found the hub's change pending. */
  detectedBy: 'HUB_WRITE' | 'SYNC';
  agreed: RecordFields;
  hubVersion: RecordFields;
  sourceVersion: RecordFields;
  /** When the source system last changed `sourceVersion` (kintone 更新日時, G-Staff's time of the change). */
  sourceUpdatedAt: string;
  differingFields: DifferingField[];
  /**
   * The fields the hub itself changed since its last write (its side of the conflict). The other
   * fields of `hubVersion` are only what the hub last wrote, possibly older than the other side's:
   * a resolution never writes them back. Absent on conflicts recorded before this was kept.
   */
  hubChanged?: string[];
  /** The hub's outbox entries held back until the conflict is resolved (kintone). */
  heldOutboxEntryIds: string[];
  /** When the deadline job told the department's managers it was still open past its time; once. */
  escalatedAt?: string;
  resolution?: {
    kind: SyncConflictResolution;
    fields: RecordFields;
    by: string;
    at: string;
    note?: string;
  };
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const SYNC_JOBS = [
  'kintone.orders',
  'kintone.visits',
  'kintone.outbox',
  'mail.outbox',
  'signature.outbox',
  'gstaff.mirror',
  'deadlines',
  'contracts.retention',
] as const;
export type SyncJobName = (typeof SYNC_JOBS)[number];

export interface SyncCounts {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  conflicts: number;
  failed: number;
}

export const emptyCounts = (): SyncCounts => ({
  read: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  deleted: 0,
  conflicts: 0,
  failed: 0,
});

export function addCounts(into: SyncCounts, more: Partial<SyncCounts>): SyncCounts {
  for (const [key, value] of Object.entries(more) as [keyof SyncCounts, number][]) into[key] += value;
  return into;
}

/** Where a kintone reconciliation stands: the next page starts right after this point. */
export type KintoneCheckpoint =
  | { mode: 'INCREMENTAL'; since: string; afterUpdatedAt?: string; afterRecordId?: number }
  | { mode: 'FULL'; afterRecordId: number; startedAt: string };

/**
 * Where a G-Staff sync stands. G-Staff's page cursor is opaque, so a resumed run reads the pages
 * again and skips applying the first `pagesDone` (they only grow at the end: the register is read
 * in a fixed order and a record changed meanwhile is caught by the next run, from `startedAt`).
 */
export interface GStaffCheckpoint {
  system: 'gstaff';
  mode: 'INCREMENTAL' | 'FULL';
  /** Changed after this (absent: the whole register). */
  since?: string;
  startedAt: string;
  pagesDone: number;
}

export type SyncCheckpoint = KintoneCheckpoint | GStaffCheckpoint;

/** One run of one job, kept as a record: counts, requests used, errors, how long it took. */
export interface SyncRun {
  runId: string;
  job: SyncJobName;
  mode: 'INCREMENTAL' | 'FULL' | 'ROUND';
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'INTERRUPTED';
  dryRun: boolean;
  /** FILE: an export dropped for import (the G-Staff CSV on S3). */
  trigger: 'SCHEDULE' | 'WEBHOOK' | 'CLI' | 'API' | 'FILE';
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  counts: SyncCounts;
  /** Requests made to the external system (kintone) by this run. */
  requests: number;
  /** A run that resumed a killed one names it. */
  resumedRunId?: string;
  checkpoint?: SyncCheckpoint;
  /** Failures by code, never personal data. */
  errors: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Per job: the watermark of the last complete run and the checkpoint of a run in progress. */
export interface SyncCursor {
  job: SyncJobName;
  /** 更新日時 up to which every change is in the ledger (incremental runs start here, less the overlap). */
  watermark?: string;
  lastFullRunAt?: string;
  /** The run in progress (or killed) and where it stands. */
  inProgress?: { runId: string; checkpoint: SyncCheckpoint };
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Only the holder of an unexpired lease runs the job; a crashed holder's lease simply expires. */
export interface JobLease {
  job: SyncJobName;
  holder: string;
  expiresAt: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A kintone notification already handled (its `id`), so a redelivery does nothing. */
export interface KintoneNotification {
  notificationId: string;
  app: SyncedKintoneApp;
  recordId: string;
  type: string;
  receivedAt: string;
  /** Epoch seconds after which the table's TTL may remove it. */
  expiresAtEpoch: number;
  version: number;
}

/** Reads of the sync entities; writes go through `ClientLedger.commit` like every other change. */
export interface SyncLedger {
  getSyncedKintoneRecords(app: SyncedKintoneApp, hubIds: readonly string[]): Promise<SyncedKintoneRecord[]>;
  findSyncedKintoneRecordByRecordId(
    app: SyncedKintoneApp,
    recordId: string,
  ): Promise<SyncedKintoneRecord | undefined>;
  /** Records with kintone id in (afterRecordId, upToRecordId], ascending (deletion check of a full run). */
  listSyncedKintoneRecordsByRecordId(
    app: SyncedKintoneApp,
    range: { afterRecordId: number; upToRecordId?: number; limit: number },
  ): Promise<SyncedKintoneRecord[]>;
  listSyncedKintoneRecordsOfClient(clientId: string): Promise<SyncedKintoneRecord[]>;
  getSyncConflict(conflictId: string): Promise<SyncConflict | undefined>;
  /** Open conflicts, oldest first; resolved ones newest first when `status` is RESOLVED. */
  listSyncConflicts(status: 'OPEN' | 'RESOLVED', limit: number): Promise<SyncConflict[]>;
  getSyncCursor(job: SyncJobName): Promise<SyncCursor | undefined>;
  getSyncRun(runId: string): Promise<SyncRun | undefined>;
  /** Newest first, optionally of one job. */
  listSyncRuns(query: { job?: SyncJobName; limit: number }): Promise<SyncRun[]>;
  getJobLease(job: SyncJobName): Promise<JobLease | undefined>;
  getKintoneNotification(notificationId: string): Promise<KintoneNotification | undefined>;
}

export const syncConflictIdOf = (app: SyncConflict['app'], hubId: string, detectedAt: string) =>
  `sc_${app}_${hubId}_${detectedAt.replace(/[^0-9]/g, '')}`;
