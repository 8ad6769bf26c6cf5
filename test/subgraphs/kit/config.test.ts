import { readConfig } from '../../../subgraphs/kit/config';
import { ConfigError } from '../../../common/config/env';

describe('subgraph configuration', () => {
  test('defaults to embedded SQLite with the standard ports', () => {
    const config = readConfig({});
    expect(config.database.kind).toBe('sqlite');
    expect(config.ports).toEqual({ institutions: 4001, commitments: 4002, budgets: 4003, archives: 4004, participation: 4005 });
    expect(config.maxPageSize).toBe(100);
    expect(config.loadSample).toBe(true);
  });

  test('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = readConfig({ DATABASE_URL: 'postgres://u@db:5432/ftm', DATABASE_SCHEMA_PREFIX: 'ci_' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/ftm', schemaPrefix: 'ci_' });
  });

  test('lists every problem at once', () => {
    let error: unknown;
    try {
      readConfig({
        NODE_ENV: 'staging',
        BUDGETS_PORT: '99999',
        ARCHIVES_PORT: '4001',
        MAX_PAGE_SIZE: 'lots',
        DATABASE_URL: 'mysql://x',
        LOG_SQL: 'maybe',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['NODE_ENV', 'BUDGETS_PORT', 'share a port', 'MAX_PAGE_SIZE', 'DATABASE_URL', 'LOG_SQL']) {
      expect(problems).toContain(name);
    }
  });
});
