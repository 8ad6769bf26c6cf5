import { DataSource } from 'typeorm';
import { type SubgraphConfig } from '../../../subgraphs/kit/config';
import { SUBGRAPH_NAMES } from '../../../common/config/subgraphs';
import { openDataSource, postgresSchemaName } from '../../../subgraphs/kit/data-source';
import { DataLoad } from '../../../subgraphs/kit/import/data-load.entity';
import { migrationsOf } from '../../../subgraphs/kit/migrations';
import { schemaDrift } from '../../../tools/migrations/schema-drift';
import { SUBGRAPHS } from '../../../tools/subgraphs';
import { describeOnPostgres, dropDatabase, openTestSubgraph, testConfig } from '../../helpers/subgraph';

describe('the migration folders', () => {
  test.each(SUBGRAPH_NAMES)('%s has its migrations, each one class with a distinct timestamped name', (name) => {
    const migrations = migrationsOf(name);
    expect(migrations.length).toBeGreaterThan(0);
    const names = migrations.map((migration) => migration.name);
    expect(new Set(names).size).toBe(names.length);
    for (const migrationName of names) expect(migrationName).toMatch(/^[A-Z][A-Za-z0-9]*\d{13}$/);
  });
});

describeOnPostgres('migrations on PostgreSQL', () => {
  test.each(SUBGRAPH_NAMES)(
    'build exactly the %s entities in a fresh schema: the schema builder finds nothing left to change',
    async (name) => {
      const config = testConfig({ LOAD_SAMPLE: 'false' });
      const { dataSource } = await openDataSource(name, SUBGRAPHS[name].entities, config);
      try {
        expect(dataSource.options.synchronize).toBe(false);
        const drift = await schemaDrift(dataSource);
        expect(drift.up.map((query) => query.query)).toEqual([]);
        const applied = await dataSource.query('SELECT name FROM migrations ORDER BY timestamp');
        expect(applied.map((row: { name: string }) => row.name)).toEqual(migrationsOf(name).map((migration) => migration.name));
        // The kit's record of loads lives in every subgraph's own schema, beside its tables.
        const [{ schema }] = await dataSource.query(
          "SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'data_load' AND table_schema = current_schema()",
        );
        expect(schema).toBe(`${(config.database as { schemaPrefix: string }).schemaPrefix}${name}`);
      } finally {
        await dataSource.destroy();
        await dropDatabase(config, name);
      }
    },
  );

  test('a second start on a migrated database runs nothing and keeps the sample loaded once', async () => {
    const config = testConfig();
    const first = await openTestSubgraph(SUBGRAPHS.institutions, { config });
    const loads = await first.dataSource.getRepository(DataLoad).count();
    const migrations = await first.dataSource.query('SELECT id, name, timestamp FROM migrations ORDER BY id');
    expect(loads).toBeGreaterThan(0);
    expect(await first.dataSource.runMigrations({ transaction: 'all' })).toEqual([]);
    await first.dataSource.destroy();
    await first.server.stop();

    const second = await openTestSubgraph(SUBGRAPHS.institutions, { config });
    try {
      expect(await second.dataSource.query('SELECT id, name, timestamp FROM migrations ORDER BY id')).toEqual(migrations);
      expect(await second.dataSource.getRepository(DataLoad).count()).toBe(loads);
      expect((await schemaDrift(second.dataSource)).up).toEqual([]);
    } finally {
      await second.close();
    }
  });

  test('two starts on one empty schema at once (two connections, as two processes) migrate it once', async () => {
    const config = testConfig({ LOAD_SAMPLE: 'false' });
    const starts = await Promise.allSettled([1, 2].map(() => openDataSource('archives', SUBGRAPHS.archives.entities, config)));
    try {
      for (const start of starts) if (start.status === 'rejected') throw start.reason;
      const [{ value }] = starts as PromiseFulfilledResult<Awaited<ReturnType<typeof openDataSource>>>[];
      const applied = await value.dataSource.query('SELECT name FROM migrations ORDER BY timestamp');
      expect(applied.map((row: { name: string }) => row.name)).toEqual(migrationsOf('archives').map((migration) => migration.name));
    } finally {
      for (const start of starts) if (start.status === 'fulfilled') await start.value.dataSource.destroy();
      await dropDatabase(config, 'archives');
    }
  });

  /** The schema an earlier version, which ran `synchronize` on PostgreSQL, left behind: tables and no migrations table. */
  async function synchronizedSchema(config: SubgraphConfig, prepare: (dataSource: DataSource) => Promise<unknown>): Promise<void> {
    if (config.database.kind !== 'postgres') throw new Error('needs PostgreSQL');
    const schema = postgresSchemaName(config, 'commitments');
    const dataSource = new DataSource({
      type: 'postgres',
      url: config.database.url,
      schema,
      extra: { options: `-c search_path=${schema}` },
      entities: [...SUBGRAPHS.commitments.entities, DataLoad],
    });
    await dataSource.initialize();
    try {
      await dataSource.query(`CREATE SCHEMA "${schema}"`);
      await dataSource.synchronize();
      await prepare(dataSource);
    } finally {
      await dataSource.destroy();
    }
  }

  test('a schema built by synchronize that matches the entities is adopted: migrations recorded, data kept', async () => {
    const config = testConfig({ LOAD_SAMPLE: 'false' });
    await synchronizedSchema(config, (dataSource) =>
      dataSource.getRepository(DataLoad).insert({
        version: 1,
        format: 'sample',
        file: 'kept.csv',
        sha256: 'x',
        bytes: 1,
        startedAt: '2026-01-01T00:00:00Z',
        finishedAt: '2026-01-01T00:00:01Z',
      }),
    );
    const { dataSource } = await openDataSource('commitments', SUBGRAPHS.commitments.entities, config);
    try {
      const applied = await dataSource.query('SELECT name FROM migrations ORDER BY timestamp');
      expect(applied.map((row: { name: string }) => row.name)).toEqual(migrationsOf('commitments').map((migration) => migration.name));
      expect(await dataSource.getRepository(DataLoad).findBy({ file: 'kept.csv' })).toHaveLength(1);
    } finally {
      await dataSource.destroy();
      await dropDatabase(config, 'commitments');
    }
  });

  test('a schema built by synchronize that differs from the entities stops the start, naming the difference', async () => {
    const config = testConfig({ LOAD_SAMPLE: 'false' });
    await synchronizedSchema(config, (dataSource) => dataSource.query('ALTER TABLE data_load DROP COLUMN rejected'));
    try {
      await expect(openDataSource('commitments', SUBGRAPHS.commitments.entities, config)).rejects.toThrow(
        /differ from the entities[\s\S]*ALTER TABLE "data_load" ADD "rejected" integer/,
      );
    } finally {
      await dropDatabase(config, 'commitments');
    }
  });
});
