import { spawnSync } from 'node:child_process';

/**
 * A `describe` for tests that need Redis at `url`, decided before the tests are collected: they run where Redis
 * answers, and in CI (where Redis runs) an unreachable one fails them instead of skipping them.
 */
export function describeWithRedis(url: string, what: string): jest.Describe {
  const reachable =
    spawnSync(process.execPath, [
      '-e',
      `const u = new URL(${JSON.stringify(url)}); const s = require('node:net').connect(Number(u.port || 6379), u.hostname);
       s.on('connect', () => process.exit(0)); s.on('error', () => process.exit(1)); setTimeout(() => process.exit(1), 2000);`,
    ]).status === 0;
  if (reachable || process.env.CI === 'true') return describe;
  console.warn(`Redis at ${url} is unreachable: ${what} is skipped.`);
  return describe.skip;
}
