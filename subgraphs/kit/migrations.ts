import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { SubgraphName } from '../../common/config/subgraphs';

/** `<13-digit timestamp>-<name>.ts` in the source tree, `.js` once compiled into dist/. */
const MIGRATION_FILE = /^\d{13}-[a-z0-9-]+\.(ts|js)$/;

/** Where a subgraph's migrations live: `migrations/<subgraph>/` beside subgraphs/, in the source tree and in dist/ alike. */
export function migrationsDirectory(name: SubgraphName): string {
  return path.resolve(__dirname, '..', '..', 'migrations', name);
}

/**
 * The migration classes of one subgraph, oldest first. Read from its folder rather than from a hand-kept list, so that a
 * generated migration runs without touching any other file; required one by one (not through TypeORM's glob loader) so
 * that the same code loads `.ts` under ts-jest and `.js` from dist/.
 */
export function migrationsOf(name: SubgraphName): Function[] {
  const directory = migrationsDirectory(name);
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory)
    .filter((file) => MIGRATION_FILE.test(file) && !file.endsWith('.d.ts'))
    .sort()
    .flatMap((file) => {
      const exported: Record<string, unknown> = require(path.join(directory, file));
      const classes = Object.values(exported).filter((value): value is Function => typeof value === 'function');
      if (classes.length !== 1) throw new Error(`${path.join(directory, file)} must export exactly one migration class`);
      return classes;
    });
}

/**
 * Brings a PostgreSQL schema up to date, all pending migrations in one transaction (a failed start leaves it as it was).
 * A schema that an earlier version built with `synchronize` has tables but no migrations table: when its tables are
 * exactly what the entities describe (what the migrations build, as a test checks), the migrations are recorded as
 * applied without running, and its data is kept; otherwise the start stops and says what differs.
 */
export async function runPendingMigrations(dataSource: DataSource, schema: string): Promise<void> {
  // Two processes may start on one schema at once (a subgraph and `npm run import`, two replicas): the first migrates
  // while the other waits on this session lock, then finds nothing pending.
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [schema]);
    await migrateOrAdopt(dataSource, schema);
  } finally {
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [schema]).finally(() => lock.release());
  }
}

async function migrateOrAdopt(dataSource: DataSource, schema: string): Promise<void> {
  const [{ tables, log }] = await dataSource.query(
    `SELECT count(*)::int AS tables, bool_or(table_name = $1) AS log FROM information_schema.tables WHERE table_schema = current_schema()`,
    [dataSource.options.migrationsTableName ?? 'migrations'],
  );
  if (tables > 0 && !log) {
    const drift = await dataSource.driver.createSchemaBuilder().log();
    if (drift.upQueries.length > 0) {
      throw new Error(
        `The PostgreSQL schema "${schema}" has tables that no migration created and that differ from the entities; ` +
          `bring it to the entities or re-create it before starting (see docs/migrations.md):\n${drift.upQueries.map((query) => `  ${query.query}`).join('\n')}`,
      );
    }
    await dataSource.runMigrations({ transaction: 'all', fake: true });
    return;
  }
  await dataSource.runMigrations({ transaction: 'all' });
}
