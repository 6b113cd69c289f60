/**
 * A kintone webhook notification (X-3, docs/sync.md "Webhooks"): only a hint to look at one
 * record now. kintone signs nothing, so the payload is never trusted: the record is read again
 * by its `$id` with the hub's own token and goes through the same upsert as a sync run (a record
 * gone from kintone is marked deleted). A notification id already handled does nothing; a
 * dropped notification is caught by the next reconciliation.
 */
import * as z from 'zod';
import { ValidationError } from '../errors.js';
import { parseInput } from '../validation.js';
import {
  applyDeletions,
  applyKintoneRecords,
  pendingHubWrites,
  type StoredRecord,
} from './apply-kintone-records.js';
import type { KintoneSyncDeps } from './reconcile-kintone.js';
import type { KintoneNotification, SyncCounts, SyncedKintoneApp } from './sync-model.js';

/** How long a notification id is remembered (kintone does not redeliver later than this). */
const REMEMBER_SECONDS = 7 * 24 * 3600;

const notificationSchema = z.object({
  id: z.string().min(1).max(100),
  type: z.string().min(1).max(40),
  app: z.object({ id: z.union([z.string(), z.number()]).transform(String) }),
  record: z
    .object({ $id: z.object({ value: z.union([z.string(), z.number()]).transform(String) }) })
    .optional(),
  recordId: z.union([z.string(), z.number()]).transform(String).optional(),
});

export type KintoneNotificationResult =
  | { status: 'DUPLICATE' }
  | { status: 'IGNORED'; reason: 'UNKNOWN_APP' }
  | { status: 'APPLIED'; app: SyncedKintoneApp; recordId: string; counts: Partial<SyncCounts> };

export async function receiveKintoneNotification(
  deps: KintoneSyncDeps & { kintoneAppIds: Record<SyncedKintoneApp, string> },
  payload: unknown,
): Promise<KintoneNotificationResult> {
  const notification = parseInput(notificationSchema, payload, 'body');
  const recordId = notification.record?.$id.value ?? notification.recordId;
  if (!recordId || !/^\d{1,12}$/.test(recordId)) {
    throw new ValidationError([{ path: 'body.record.$id', message: 'a record id is required' }]);
  }
  const app = (Object.entries(deps.kintoneAppIds) as [SyncedKintoneApp, string][]).find(
    ([, id]) => id === notification.app.id,
  )?.[0];
  if (!app) return { status: 'IGNORED', reason: 'UNKNOWN_APP' };
  if (await deps.ledger.getKintoneNotification(notification.id)) return { status: 'DUPLICATE' };

  const kintone = deps.kintoneApps[app];
  const current = (await kintone.get(recordId)) as StoredRecord | undefined;
  let counts: Partial<SyncCounts>;
  if (current) {
    counts = (await applyKintoneRecords(deps, app, [current], { pending: await pendingHubWrites(deps, app) }))
      .counts;
  } else {
    const known = await deps.ledger.findSyncedKintoneRecordByRecordId(app, recordId);
    counts = { read: 0, deleted: known ? await applyDeletions(deps, [known], {}) : 0 };
  }
  const now = deps.clock.now();
  const seen: KintoneNotification = {
    notificationId: notification.id,
    app,
    recordId,
    type: notification.type,
    receivedAt: now.toISOString(),
    expiresAtEpoch: Math.floor(now.getTime() / 1000) + REMEMBER_SECONDS,
    version: 1,
  };
  // After the upsert: a crash in between only means a redelivery re-reads the same revision.
  await deps.ledger.commit([{ entity: { type: 'KINTONE_NOTIFICATION', value: seen } }], []).catch((error) => {
    if ((error as { code?: string }).code !== 'CONFLICT') throw error;
  });
  return { status: 'APPLIED', app, recordId, counts };
}
