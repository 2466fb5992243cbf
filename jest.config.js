/**
 * Two projects: `node` for the domain, the cloud functions and the local server (ts-jest),
 * `components` for Taro components rendered on H5 (babel-jest + jsdom).
 * `npm test` (scripts/test.mjs) runs both, then the calendar suites again under TZ=UTC.
 */

// Passed to babel-jest directly: a root babel.config.js would also be picked up by Taro's build.
const componentsBabel = {
  babelrc: false,
  configFile: false,
  presets: [
    ['@babel/preset-env', { targets: { node: 'current' } }],
    ['@babel/preset-react', { runtime: 'automatic' }],
    ['@babel/preset-typescript', { allowDeclareFields: true }],
  ],
  overrides: [
    {
      // As Taro's H5 build does for our sources: `Taro.getStorageSync(...)` becomes a named
      // import from the H5 API package, whose default export lacks most APIs.
      exclude: /node_modules/,
      plugins: [
        [
          'babel-plugin-transform-taroapi',
          { packageName: '@tarojs/taro', definition: require('@tarojs/plugin-platform-h5/dist/definition.json') },
        ],
      ],
    },
  ],
}

const ESM_PACKAGES = [
  '@tarojs',
  '@stencil',
  '@nutui',
  'query-string',
  'decode-uri-component',
  'split-on-first',
  'filter-obj',
  'swiper',
  'nanoid',
]

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: [
        '<rootDir>/src/domain/**/*.test.ts',
        '<rootDir>/src/display/**/*.test.ts',
        '<rootDir>/src/styles/**/*.test.ts',
        '<rootDir>/cloudfunctions/**/*.test.ts',
        '<rootDir>/server/**/*.test.ts',
        '<rootDir>/tests/**/*.test.ts',
      ],
      // tests/weapp needs a weapp build (npm run test:weapp); e2e/ needs a running server.
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/weapp/', '<rootDir>/e2e/'],
      // Transpile only (tsconfig.test.json sets isolatedModules): `tsc --noEmit` type-checks the tests.
      transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }] },
      moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
    },
    {
      displayName: 'components',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/*.test.tsx'],
      transform: { '^.+\\.[cm]?[jt]sx?$': ['babel-jest', componentsBabel] },
      // Taro's component library, its web components and the ESM-only packages its H5 router
      // and swiper use are transformed (including their own nested node_modules); the rest is not.
      transformIgnorePatterns: [`^(?!.*/node_modules/(${ESM_PACKAGES.join('|')})/).*/node_modules/`],
      moduleNameMapper: {
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '^@tarojs/taro$': '@tarojs/taro-h5',
        // taro-h5 imports single lodash-es functions; lodash's CommonJS twins need no transform.
        '^lodash-es/(.*)$': 'lodash/$1',
        // NutUI's main entry is a UMD bundle of every component; its CommonJS build is the one
        // that resolves `@tarojs/taro` and `@tarojs/components` through the mappings above.
        '^@nutui/nutui-react-taro$': '@nutui/nutui-react-taro/dist/cjs/packages/nutui.react.build.js',
        '^(lottie-web|@nutui/lottie-miniprogram)$': '<rootDir>/tests/jest/lottie-stub.js',
        '\\.(css|scss)$': '<rootDir>/tests/jest/style-stub.js',
        '^@/(.*)$': '<rootDir>/src/$1',
      },
      setupFiles: ['<rootDir>/tests/jest/taro-h5-env.js'],
    },
  ],
}
