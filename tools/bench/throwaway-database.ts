import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { readConfig } from '../../subgraphs/kit/config';
import { openDataSource, postgresSchemaName } from '../../subgraphs/kit/data-source';
import type { SubgraphDefinition } from '../../subgraphs/kit/start-subgraph';

export type Engine = 'sqlite' | 'postgres';

export interface ThrowawayDatabase {
  dataSource: DataSource;
  /** Closes the connection and deletes everything: the temporary SQLite folder or the PostgreSQL schema. */
  drop(): Promise<void>;
}

let opened = 0;

/**
 * A subgraph's tables in a database nobody else uses: a fresh temporary SQLite folder, or a fresh schema
 * `bench_<pid>_<n>_<subgraph>` in the PostgreSQL database at `databaseUrl`. Every measurement gets its own, so
 * each one writes into empty tables.
 */
export async function openThrowawayDatabase(
  definition: Pick<SubgraphDefinition, 'name' | 'entities'>,
  engine: Engine,
  databaseUrl?: string,
): Promise<ThrowawayDatabase> {
  opened += 1;
  if (engine === 'postgres' && !databaseUrl) throw new Error('PostgreSQL needs DATABASE_URL');
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-bench-'));
  const config = readConfig({
    NODE_ENV: 'test',
    DATABASE_URL: engine === 'postgres' ? databaseUrl : undefined,
    DATABASE_SCHEMA_PREFIX: `bench_${process.pid}_${opened}_`,
    SQLITE_DIR: directory,
  });
  const { dataSource } = await openDataSource(definition.name, definition.entities, config);
  return {
    dataSource,
    async drop() {
      await dataSource.destroy();
      fs.rmSync(directory, { recursive: true, force: true });
      if (config.database.kind !== 'postgres') return;
      await dropPostgresSchemas(config.database.url, [postgresSchemaName(config, definition.name)]);
    },
  };
}

/** Drops the given schemas of the PostgreSQL database at `url`, with everything in them; absent ones are fine. */
export async function dropPostgresSchemas(url: string, schemas: readonly string[]): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema.replace(/"/g, '""')}" CASCADE`);
  } finally {
    await client.end();
  }
}
