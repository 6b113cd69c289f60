/** The sync screen's own logic: the resolution's input, and a job run's name as the schema's enum. */
export type Resolution = 'KEEP_HUB' | 'KEEP_SOURCE' | 'MERGE';

/**
 * The input of resolveSyncConflict: MERGE sends the value chosen for each differing field (only
 * those, each one); the other resolutions send no field values. A blank note is left out.
 */
export function mergeInput(
  conflictId: string,
  resolution: Resolution,
  values: Record<string, string>,
  differingFields: readonly { field: string }[],
  note: string,
) {
  return {
    conflictId,
    resolution,
    ...(resolution === 'MERGE'
      ? { fields: differingFields.map(({ field }) => ({ field, value: values[field] ?? '' })) }
      : {}),
    ...(note.trim() ? { note: note.trim() } : {}),
  };
}

/** `kintone.orders` → `KINTONE_ORDERS` (the SyncJob enum the runs are filtered and labelled by). */
export function jobEnum(job: string): string {
  return job.replace('.', '_').toUpperCase();
}
