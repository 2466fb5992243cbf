// Browser tests against `npm start` (scripts/start.mjs) with Debian's Chromium.
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/e2e/**/*.e2e.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: false }] },
  testTimeout: 120000,
  maxWorkers: 1,
}
