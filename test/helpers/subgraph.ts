import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { readConfig, type SubgraphConfig } from '../../subgraphs/kit/config';
import { postgresSchemaName } from '../../subgraphs/kit/data-source';
import { prepareSubgraph, type PreparedSubgraph, type SubgraphDefinition } from '../../subgraphs/kit/start-subgraph';

export interface QueryResult {
  data?: Record<string, any> | null;
  errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestSubgraph extends PreparedSubgraph {
  query(source: string, variables?: Record<string, unknown>): Promise<QueryResult>;
  /** The data of a query that must answer without errors (the test fails, showing them, if it does not). */
  data(source: string, variables?: Record<string, unknown>): Promise<Record<string, any>>;
  /** How many SQL statements `work` sent to this subgraph's database. */
  statementsDuring(work: () => Promise<unknown>): Promise<number>;
  /** The SQL statements `work` sent to this subgraph's database, as the driver received them. */
  sqlDuring(work: () => Promise<unknown>): Promise<SentStatement[]>;
}

export interface SentStatement {
  query: string;
  parameters: unknown[];
}

let opened = 0;

/**
 * A subgraph on a throw-away database: a temporary SQLite directory, or, when DATABASE_URL is set (as CI
 * does), its own PostgreSQL schema that is dropped afterwards. Tests run the same either way.
 */
export function testConfig(extra: Record<string, string> = {}): SubgraphConfig {
  opened += 1;
  const database = process.env.DATABASE_URL
    ? { DATABASE_SCHEMA_PREFIX: `t${process.pid}_${opened}_` }
    : { SQLITE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-test-')) };
  return readConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent', ...database, ...extra });
}

export async function openTestSubgraph(
  definition: SubgraphDefinition,
  options: { loadSample?: boolean; config?: SubgraphConfig } = {},
): Promise<TestSubgraph> {
  const config = options.config ?? testConfig({ LOAD_SAMPLE: String(options.loadSample ?? true) });
  const prepared = await prepareSubgraph(definition, config);
  await prepared.server.start();
  const query = async (source: string, variables?: Record<string, unknown>) => {
    const response = await prepared.server.executeOperation({ query: source, variables }, { contextValue: prepared.context() });
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not used here');
    return response.body.singleResult as QueryResult;
  };
  return {
    ...prepared,
    query,
    async data(source, variables) {
      const result = await query(source, variables);
      expect(result.errors).toBeUndefined();
      return result.data!;
    },
    async statementsDuring(work) {
      const before = prepared.counter.statements;
      await work();
      return prepared.counter.statements - before;
    },
    async sqlDuring(work) {
      const sent: SentStatement[] = [];
      const { counter } = prepared;
      const logQuery = counter.logQuery;
      counter.logQuery = (query, parameters) => {
        sent.push({ query, parameters: parameters ?? [] });
        logQuery.call(counter, query, parameters);
      };
      try {
        await work();
      } finally {
        counter.logQuery = logQuery;
      }
      return sent;
    },
    async close() {
      await prepared.close();
      await dropDatabase(config, definition.name);
    },
  };
}

export async function dropDatabase(config: SubgraphConfig, name: SubgraphDefinition['name']): Promise<void> {
  if (config.database.kind === 'sqlite') {
    fs.rmSync(config.database.directory, { recursive: true, force: true });
    return;
  }
  const client = new Client({ connectionString: config.database.url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${postgresSchemaName(config, name)}" CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * For what only PostgreSQL has (migrations; SQLite follows the entities): runs when DATABASE_URL is set, as CI does on
 * its PostgreSQL pass, and is reported as skipped on SQLite.
 */
export const describeOnPostgres = (title: string, body: () => void) =>
  process.env.DATABASE_URL ? describe(title, body) : describe.skip(`${title} (needs PostgreSQL: set DATABASE_URL)`, body);
