// One jest run, three projects: fast unit tests beside the code, API end-to-end tests against the
// real PostgreSQL and Redis (a fresh database per run, see test/setup), and browser journeys.
const LIBS = ['domain', 'persistence', 'jobs', 'esign', 'contracts', 'platform'];
const swc = [
  '<rootDir>/test/setup/transformer.js',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
      // swc rewrites @jiyn/<lib> itself, so that global setup files resolve them too.
      baseUrl: __dirname,
      paths: Object.fromEntries(LIBS.map((lib) => [`@jiyn/${lib}`, [`libs/${lib}/src/index.ts`]])),
    },
    module: { type: 'commonjs' },
  },
];
const moduleNameMapper = {
  '^@jiyn/(domain|persistence|jobs|esign|contracts|platform)$': '<rootDir>/libs/$1/src/index.ts',
};
// NestJS 12 and several of its dependencies ship only ES modules; Node runs them through
// require(esm), but jest's loader cannot, so the transformer turns those (and only those) into
// CommonJS for the tests.
const common = {
  transform: { '^.+\\.(t|j|mj|cj)s$': swc },
  transformIgnorePatterns: [],
  moduleNameMapper,
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/setup/e2e-timeout.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/setup/e2e-timeout.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
