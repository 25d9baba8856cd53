/**
 * `npm test` runs both projects in one run: unit tests (`*.spec.ts`, no I/O) and integration tests
 * (`*.e2e-spec.ts` per app, `test/system/*.system-spec.ts` through the gateway) against the run's
 * own nats-server and database (test/support/global-setup.ts).
 */
const transform = { '^.+\\.ts$': 'ts-jest' };
const moduleNameMapper = {
  '^@app/contracts(.*)$': '<rootDir>/libs/contracts/src$1',
  '^@app/platform(.*)$': '<rootDir>/libs/platform/src$1',
};
const common = { rootDir: __dirname, transform, moduleNameMapper, testEnvironment: 'node' };

module.exports = {
  testTimeout: 60_000,
  // Suites share the run's nats-server, and apps of one kind share durable consumers: two suites at
  // once would split one consumer's events between their databases. One at a time.
  maxWorkers: 1,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,test,tools}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: [
        '<rootDir>/{apps,libs,tools}/**/test/**/*.e2e-spec.ts',
        '<rootDir>/test/system/**/*.system-spec.ts',
      ],
    },
  ],
};
