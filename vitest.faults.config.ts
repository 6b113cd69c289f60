import { defineConfig } from 'vitest/config';

/**
 * The fault suites (`npm run test:faults`): the long scripted day of work with every external
 * system failing 20 % of the time (8 inquiries, 3 contracts). Minutes long, so outside the
 * default run; the default config does not pick up `*.faults.ts`, and runs the short day
 * (test/fault-day.test.ts) instead. The rest is the default config's.
 */
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/faults/**/*.faults.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 900_000,
    hookTimeout: 300_000,
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      POWERTOOLS_DEV: 'false',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    },
  },
});
