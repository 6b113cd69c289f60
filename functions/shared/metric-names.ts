/**
 * The hub's own CloudWatch metrics (Powertools Metrics, embedded metric format): the names the
 * functions emit and the alarms of infra/monitoring.ts watch. Powertools adds the `service`
 * dimension (POWERTOOLS_SERVICE_NAME).
 */
export const HUB_METRICS = {
  namespace: 'DispatchHub',
  /** Outbox entries (kintone, e-mail, e-signature) given up for good in a run: a person must look. */
  outboxGaveUp: 'OutboxGaveUp',
  /** One per successful G-Staff mirror refresh; none for a while means the mirror is stale. */
  gstaffMirrorRefreshed: 'GStaffMirrorRefreshed',
  /** Hours the oldest open approval task has waited (0 when none is open). */
  oldestOpenApprovalAgeHours: 'OldestOpenApprovalAgeHours',
} as const;
