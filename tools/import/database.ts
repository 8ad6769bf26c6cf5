import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { SubgraphConfig } from '../../subgraphs/kit/config';
import type { SubgraphName } from '../../common/config/subgraphs';
import { openDataSource, postgresSchemaName } from '../../subgraphs/kit/data-source';
import { SUBGRAPHS } from '../subgraphs';

export interface ImportDatabase {
  dataSource: DataSource;
  /** For the report: which database is written, without credentials. */
  description: string;
  close(): Promise<void>;
}

/**
 * The subgraph's own database, opened (and its tables created) as the service opens it. A dry run against a database
 * that does not exist yet uses a throw-away one instead, so that it creates nothing: everything would be inserted.
 */
export async function openImportDatabase(name: SubgraphName, config: SubgraphConfig, dryRun: boolean): Promise<ImportDatabase> {
  const real = describe(name, config);
  const scratch = dryRun && !(await exists(name, config)) ? scratchConfig(config) : null;
  const { dataSource } = await openDataSource(name, SUBGRAPHS[name].entities, scratch ?? config, SUBGRAPHS[name].search);
  return {
    dataSource,
    description: scratch ? `${real} (does not exist yet: compared with an empty one)` : real,
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
      if (scratch) await drop(name, scratch);
    },
  };
}

function describe(name: SubgraphName, config: SubgraphConfig): string {
  return config.database.kind === 'sqlite'
    ? `SQLite ${path.join(config.database.directory, `${name}.sqlite`)}`
    : `PostgreSQL schema "${postgresSchemaName(config, name)}"`;
}

async function exists(name: SubgraphName, config: SubgraphConfig): Promise<boolean> {
  if (config.database.kind === 'sqlite') return fs.existsSync(path.join(config.database.directory, `${name}.sqlite`));
  const rows = await withClient(config.database.url, (client) =>
    client.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [postgresSchemaName(config, name)]),
  );
  return rows.rowCount !== null && rows.rowCount > 0;
}

function scratchConfig(config: SubgraphConfig): SubgraphConfig {
  if (config.database.kind === 'sqlite') {
    return { ...config, database: { kind: 'sqlite', directory: fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-dry-run-')) } };
  }
  return { ...config, database: { ...config.database, schemaPrefix: `${config.database.schemaPrefix}dry_run_${process.pid}_` } };
}

async function drop(name: SubgraphName, config: SubgraphConfig): Promise<void> {
  if (config.database.kind === 'sqlite') {
    fs.rmSync(config.database.directory, { recursive: true, force: true });
    return;
  }
  const schema = postgresSchemaName(config, name);
  await withClient(config.database.url, (client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
