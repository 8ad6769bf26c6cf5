/** `npm run test:hosts` only: the multi-host test needs root and iproute2, so the default `npm test` leaves it out. */
const base = require('../../jest.config.js');

module.exports = {
  ...base,
  rootDir: '../..',
  roots: ['<rootDir>/test/hosts'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: undefined,
  testTimeout: 120_000,
};
