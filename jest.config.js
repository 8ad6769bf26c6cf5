/** Decorator metadata needs the TypeScript compiler, so tests go through ts-jest, not esbuild. */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // The multi-host test needs root: `npm run test:hosts` runs it with its own config.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/hosts/'],
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/test/helpers/real-data.setup.ts',
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/helpers/summary-reporter.js'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: false }] },
};
