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
    // Two test files at a time even on 2 cores (Vitest's default there is one): most files wait on
    // DynamoDB Local, a child host or the browser rather than compute, so the second one overlaps.
    maxWorkers: 2,
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
