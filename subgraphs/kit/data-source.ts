import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { Client } from 'pg';
import { DataSource, type Logger, type EntitySchema } from 'typeorm';
import type { SubgraphConfig } from './config';
import type { SubgraphName } from '../../common/config/subgraphs';
import { DataLoad } from './import/data-load.entity';
import { migrationsOf, runPendingMigrations } from './migrations';
import { prepareSearchIndex, type SearchSource } from './search';

/**
 * Counts every SQL statement a data source sends. Tests read it around a request to prove that a list of
 * 100 items costs as many statements as a list of 5 (no N+1); LOG_SQL prints the statements too.
 */
export class StatementCounter implements Logger {
  statements = 0;
  constructor(private readonly print: boolean) {}
  logQuery(query: string, parameters?: unknown[]) {
    this.statements += 1;
    if (this.print) console.log(`[sql] ${query}${parameters?.length ? ` -- ${JSON.stringify(parameters)}` : ''}`);
  }
  logQueryError(error: string | Error, query: string) {
    console.error(`[sql] failed: ${query}: ${error instanceof Error ? error.message : error}`);
  }
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

type EntityTarget = Function | EntitySchema;

export interface OpenedDataSource {
  dataSource: DataSource;
  counter: StatementCounter;
}

/** The PostgreSQL schema a subgraph owns: each subgraph keeps its tables apart from the others'. */
export function postgresSchemaName(config: SubgraphConfig, name: SubgraphName): string {
  return config.database.kind === 'postgres' ? `${config.database.schemaPrefix}${name}` : name;
}

/**
 * Opens the subgraph's own database: a SQLite file per subgraph by default, or its own schema in the configured
 * PostgreSQL database. PostgreSQL holds real data, so its tables are only ever created and changed by the subgraph's
 * versioned migrations (migrations/<subgraph>/), run here before anything reads; `synchronize` would drop a column
 * as soon as an entity lost it. The embedded SQLite files are throw-away (development, tests), so they follow the
 * entities directly. Both hold the kit's record of loads, and the search index of the given sources, which every
 * load through this data source then keeps in step.
 */
export async function openDataSource(
  name: SubgraphName,
  entities: EntityTarget[],
  config: SubgraphConfig,
  search: SearchSource[] = [],
): Promise<OpenedDataSource> {
  const counter = new StatementCounter(config.logSql);
  const tables = [...entities, DataLoad];
  let dataSource: DataSource;
  if (config.database.kind === 'postgres') {
    const schema = postgresSchemaName(config, name);
    await ensurePostgresSchema(config.database.url, schema);
    dataSource = new DataSource({
      type: 'postgres',
      url: config.database.url,
      schema,
      // The schema is also the connection's search_path, so TypeORM leaves it out of the SQL it writes: the same
      // migrations then work in any schema (DATABASE_SCHEMA_PREFIX, the tests' throw-away schemas).
      extra: { options: `-c search_path=${schema}` },
      entities: tables,
      synchronize: false,
      migrations: migrationsOf(name),
      migrationsTableName: 'migrations',
      logger: counter,
      logging: ['query', 'error'],
      // bigint and numeric come back as strings; the Money transformer turns them into exact amounts.
      parseInt8: false,
    });
  } else {
    fs.mkdirSync(config.database.directory, { recursive: true });
    dataSource = new DataSource({
      type: 'better-sqlite3',
      database: path.join(config.database.directory, `${name}.sqlite`),
      entities: tables,
      synchronize: true,
      logger: counter,
      logging: ['query', 'error'],
      enableWAL: true,
      prepareDatabase: readIntegersExactly,
    });
  }
  await dataSource.initialize();
  if (config.database.kind === 'postgres') {
    await runPendingMigrations(dataSource, postgresSchemaName(config, name)).catch(async (error: unknown) => {
      await dataSource.destroy();
      throw error;
    });
  }
  await prepareSearchIndex(dataSource, search);
  return { dataSource, counter };
}

/** An integer as JavaScript holds it exactly: a number while it is safe, a bigint beyond 2⁵³. */
const exactInteger = (value: unknown) =>
  typeof value === 'bigint' && value >= Number.MIN_SAFE_INTEGER && value <= Number.MAX_SAFE_INTEGER ? Number(value) : value;

function exactRow(row: unknown): unknown {
  if (row === null || typeof row !== 'object') return exactInteger(row);
  if (Array.isArray(row)) return row.map(exactInteger);
  const converted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) converted[key] = exactInteger(value);
  return converted;
}

/**
 * better-sqlite3 hands every integer back as a JavaScript number unless told otherwise, so a money amount or sum above
 * 2⁵³ ten-thousandths (about 900,000 million pesos: a large program's yearly total, any GDP) would arrive rounded.
 * Its switch is all or nothing per statement: with it on, every integer is a bigint. So reading statements get it on,
 * and their rows go back to numbers for the integers a number holds exactly; only larger ones stay bigints, which the
 * money transformer takes as they are.
 */
function readIntegersExactly(database: BetterSqlite3.Database): void {
  const prepare = database.prepare.bind(database);
  database.prepare = ((source: string) => {
    const statement = prepare(source);
    if (!statement.reader) return statement;
    statement.safeIntegers(true);
    const all = statement.all.bind(statement);
    const get = statement.get.bind(statement);
    statement.all = (...parameters: unknown[]) => all(...parameters).map(exactRow);
    statement.get = (...parameters: unknown[]) => exactRow(get(...parameters));
    return statement;
  }) as typeof database.prepare;
}

async function ensurePostgresSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // IF NOT EXISTS alone races when two processes start on one schema; the lock is the one migrations take.
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [schema]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}
