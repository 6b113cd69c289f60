/**
 * Import boundaries of docs/architecture.md ("Layout"), checked in CI so they cannot erode.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const PROD = '^(core|integrations|graphql|functions|infra)/';
const TESTS = '(\\.test\\.ts$|^test/)';

module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment:
        'core/ holds the business rules: it imports only core/, zod and the holiday calendar (no AWS SDK, axios, graphql, middy).',
      severity: 'error',
      from: { path: '^core/', pathNot: TESTS },
      to: {
        dependencyTypesNot: ['core'],
        pathNot: ['^core/', '^node_modules/(zod|@holiday-jp/holiday_jp)/'],
      },
    },
    {
      name: 'graphql-uses-core-only',
      comment: 'graphql/ maps the API onto core use cases; adapters are wired by the hosts.',
      severity: 'error',
      from: { path: '^graphql/', pathNot: TESTS },
      to: { path: '^(integrations|functions|infra|dev|test|bench)/' },
    },
    {
      name: 'integrations-implement-core-ports',
      severity: 'error',
      from: { path: '^integrations/', pathNot: TESTS },
      to: { path: '^(graphql|functions|infra|dev|test|bench)/' },
    },
    {
      name: 'functions-are-hosts-not-dev',
      severity: 'error',
      from: { path: '^functions/', pathNot: TESTS },
      to: { path: '^(infra|dev|test|bench)/' },
    },
    {
      name: 'infra-uses-cdk-and-shared-constants',
      comment:
        'infra/ may import the CDK, cdk-nag and the table layout shared with the functions; never use cases or adapters.',
      severity: 'error',
      from: { path: '^infra/', pathNot: TESTS },
      to: {
        path: '^(core|graphql|functions|dev|test|bench|integrations)/',
        pathNot: '^(integrations/dynamodb/table-layout|functions/shared/metric-names)\\.ts$',
      },
    },
    {
      name: 'web-is-its-own-app',
      comment:
        "web/ (the staff console) talks to the hub only over GraphQL: it imports its own code and npm packages, never the hub's code (its types come from schema.graphql).",
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(core|integrations|graphql|functions|infra|dev|test|bench)/' },
    },
    {
      name: 'fakes-only-in-tests',
      comment: 'In-memory fakes are for core unit tests only.',
      severity: 'error',
      from: { path: PROD, pathNot: TESTS },
      to: { path: '^core/testing/' },
    },
    {
      name: 'no-test-code-in-production',
      severity: 'error',
      from: { path: `${PROD}|^dev/`, pathNot: TESTS },
      to: { path: TESTS },
    },
    {
      name: 'no-circular',
      comment:
        'No runtime import cycles. Type-only cycles (a port and the entity types it carries) are allowed.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(cdk\\.out|\\.data|web/dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
  },
};
