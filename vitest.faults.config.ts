import { defineConfig } from 'vitest/config';

/**
 * The fault suites (`npm run test:faults`): a scripted day of work with every external system
 * failing 20 % of the time. Minutes long on a shared machine, so outside the default run and
 * .ci/run; the default config does not pick up `*.faults.ts`. The rest is the default config's.
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
