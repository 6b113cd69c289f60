import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Resolve `graphql` as Node does (its CommonJS main), so test files and the externalized
    // Pothos / yoga share one instance, exactly as in production.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['{core,integrations,graphql,functions,infra,dev,test}/**/*.test.ts', 'web/src/**/*.test.ts'],
    // One DynamoDB Local for the whole run; each test file gets its own table.
    globalSetup: ['test/support/global-setup.ts'],
    // The hub's log lines of every file, at DEBUG, checked for the suite's personal data.
    setupFiles: ['test/support/log-audit.setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    env: {
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      CDK_DISABLE_CLI_TELEMETRY: 'true',
      POWERTOOLS_DEV: 'false',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    },
  },
});
