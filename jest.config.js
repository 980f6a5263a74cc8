/**
 * Four projects: `unit` (pure rules), `integration` (cloud functions and the emulator against a real
 * embedded store in a fresh temp directory per file; build outputs; bench helpers such as the eval's reference matte), `e2e` (the H5 build in headless Chromium), `weapp` (the
 * mini-program build in a headless WeChat runtime, see test/support/weapp).
 */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' },
      module: { type: 'commonjs' },
    },
  ],
}
const shared = {
  transform,
  testEnvironment: 'node',
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
  setupFilesAfterEnv: ['<rootDir>/test/support/setup.ts'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.data/'],
}

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/test/domain/**/*.test.ts', '<rootDir>/test/features/**/*.test.ts', '<rootDir>/test/platform/**/*.test.ts', '<rootDir>/test/architecture.test.ts'] },
    { ...shared, displayName: 'integration', testMatch: ['<rootDir>/test/cloudfunctions/**/*.test.ts', '<rootDir>/test/emulator/**/*.test.ts', '<rootDir>/test/build/**/*.test.ts', '<rootDir>/test/bench/**/*.test.ts'] },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
    /** The built dist/weapp in a headless WeChat: wcc + exparser on a jsdom document for the view, a vm realm for the logic layer. */
    { ...shared, displayName: 'weapp', setupFiles: ['<rootDir>/test/support/weapp/dom.ts'], testMatch: ['<rootDir>/test/weapp/**/*.test.ts'] },
  ],
}
