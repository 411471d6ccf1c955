/**
 * Unit tests beside the source, integration tests against the real Elasticsearch, browser tests in
 * Chromium, and the emulator's scale test on its own.
 */
const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { transform: { react: { runtime: 'automatic' } } } }],
};
// EUI and charts require uuid@14, which is ESM-only.
const transformIgnorePatterns = ['/node_modules/(?!(uuid)/)'];
// Outside Kibana, the entry files' runtime @kbn imports resolve to the host's stand-ins
// (test/host/kbn_modules/register_kbn_modules.ts does the same for Node).
const moduleNameMapper = {
  '^@kbn/config-schema$': '<rootDir>/test/host/kbn_modules/config_schema.ts',
};
const common = { transform, transformIgnorePatterns, moduleNameMapper, rootDir: __dirname };
const ignored = ['/node_modules/', '/.cache/', '/build/'];

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/{common,server,test,scripts}/**/*.test.ts'],
      testPathIgnorePatterns: [
        ...ignored,
        '\\.integration\\.test\\.ts$',
        '\\.browser\\.test\\.ts$',
        '\\.scale\\.test\\.ts$',
      ],
    },
    {
      // The emulator streaming a million rows takes minutes: apart, so unit runs stay quick.
      ...common,
      displayName: 'emulator-scale',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/graph_emulator/**/*.scale.test.ts'],
      testPathIgnorePatterns: ignored,
    },
    {
      ...common,
      displayName: 'public',
      testEnvironment: 'jsdom',
      setupFiles: ['<rootDir>/test/jest/jsdom_setup.js'],
      setupFilesAfterEnv: ['<rootDir>/test/jest/page_timeout.js'],
      testMatch: ['<rootDir>/public/**/*.test.{ts,tsx}'],
      testPathIgnorePatterns: ignored,
    },
    {
      ...common,
      displayName: 'integration',
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/jest/elasticsearch_setup.ts',
      globalTeardown: '<rootDir>/test/jest/elasticsearch_teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/jest/integration_timeout.js'],
      testMatch: ['<rootDir>/**/*.integration.test.ts'],
      testPathIgnorePatterns: ignored,
    },
    {
      ...common,
      displayName: 'browser',
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/jest/elasticsearch_setup.ts',
      globalTeardown: '<rootDir>/test/jest/elasticsearch_teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/jest/browser_timeout.js'],
      testMatch: ['<rootDir>/test/browser/**/*.browser.test.ts'],
      testPathIgnorePatterns: ignored,
    },
  ],
};
