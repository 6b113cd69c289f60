import { defineConfig } from 'vitest/config';

/**
 * The unit tests of the rule modules that `npm run test:mutation` mutates (stryker.config.mjs):
 * pure functions, or use cases against the in-memory ledger (core/testing) — never DynamoDB Local —
 * so each mutant is judged in milliseconds.
 *
 * A mutant of a module-level constant (Stryker's "static" mutants: labels, schemas) reruns every
 * file listed here, so a run of a few modules (`--mutate`) can narrow the files with
 * MUTATION_TESTS (comma-separated globs, e.g. `core/contracts/retention*.test.ts`); the scores in
 * docs/benchmarks.md were measured that way, group by group.
 */
const ALL_RULE_TESTS = [
  'core/clients/client-matching*.test.ts',
  'core/assignment/rank-sales-reps*.test.ts',
  // business-days.test.ts switches process.env.TZ, which Stryker's worker threads cannot honour;
  // the rules file pins the same cases without depending on the process's time zone.
  'core/business-days.rules.test.ts',
  'core/access*.test.ts',
  'core/applications/credit-precheck*.test.ts',
  'core/individual-contracts/period-check*.test.ts',
  'core/individual-contracts/individual-contract-terms*.test.ts',
  'core/contracts/retention*.test.ts',
  'core/individual-contracts/treatment-information*.test.ts',
  'core/individual-contracts/individual-contract-gates*.test.ts',
  'core/applications/approval-task*.test.ts',
  'core/applications/decide-approval*.test.ts',
  'core/establishments/conflict-date-notice*.test.ts',
  'core/sync/three-way-merge*.test.ts',
  'core/kintone/dispatch-kintone-outbox.test.ts',
  'core/sync/escalate-sync-conflicts*.test.ts',
  'core/overdue/overdue-items*.test.ts',
  'core/contracts/basic-contract-retention*.test.ts',
  // The deadline escalations; what they share (core/deadline-escalation.ts) is judged by these too.
  'core/inquiries/escalate-first-contacts*.test.ts',
  'core/visits/escalate-visit-records*.test.ts',
  'core/individual-contracts/escalate-terms-requests*.test.ts',
  'core/applications/contract-delay*.test.ts',
];

export default defineConfig({
  test: {
    include: process.env.MUTATION_TESTS ? process.env.MUTATION_TESTS.split(',') : ALL_RULE_TESTS,
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT' },
  },
});
