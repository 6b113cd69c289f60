// Mutation testing of the modules that decide a business rule (issue 13): each must score at
// least 90 % against its own unit tests. Run with `npm run test:mutation` (minutes; not part of
// .ci/run). The report goes to reports/mutation/ (not committed).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: [
    'core/clients/client-matching.ts',
    'core/assignment/rank-sales-reps.ts',
    'core/business-days.ts',
    'core/access.ts',
    'core/applications/credit-precheck.ts',
    // The legal gates' rules (issue 12): the dispatch-period check, the required terms, retention.
    'core/individual-contracts/period-check.ts',
    'core/individual-contracts/individual-contract-terms.ts',
    'core/contracts/retention.ts',
    'core/individual-contracts/treatment-information.ts',
    // The gates an individual contract passes before it is sent, against the in-memory ledger.
    'core/individual-contracts/individual-contract-gates.ts',
    // Approval routing and separation of duties (A4-2, A4-3, X-5).
    'core/applications/approval-task.ts',
    'core/applications/decide-approval.ts',
    // The conflict-date notice and its extension (A5-3), against the in-memory ledger and document store.
    'core/establishments/conflict-date-notice.ts',
    // The sync's conflict rule, the hub's own unconfirmed writes included.
    'core/sync/three-way-merge.ts',
    // The sync conflict's escalation past 24 hours, once, to the department's managers.
    'core/sync/escalate-sync-conflicts.ts',
    // The one overdue view: every deadline type, who is responsible, scoped by department.
    'core/overdue/overdue-items.ts',
    // The basic contract's retention deadline written to G-Staff, reopened on renewal (A6-5).
    'core/contracts/basic-contract-retention.ts',
    // The deadline escalations (A1-2, A3-6, A4-5, A5-4, X-2), against the in-memory ledger.
    'core/inquiries/escalate-first-contacts.ts',
    'core/visits/escalate-visit-records.ts',
    'core/individual-contracts/escalate-terms-requests.ts',
    'core/applications/contract-delay.ts',
    'core/deadline-escalation.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: 90 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['reports', 'web', 'docs', 'bench', '.data', 'cdk.out'],
};
