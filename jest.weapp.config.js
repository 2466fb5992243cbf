/**
 * `npm run test:weapp`: renders the built mini-program (dist/weapp) with miniprogram-simulate
 * and the wcc compiler. Builds dist/weapp first when it is missing or older than src/.
 * Node environment on purpose: the built JS runs in its own vm context without browser
 * globals, and jsdom is handed to the simulator's view layer only.
 */
/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  displayName: 'weapp',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
}
