import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { main } from '../../../tools/import/cli';
import type { ImportReport } from '../../../tools/import/report';
import { SUBGRAPHS } from '../../../tools/subgraphs';
import { readConfig, type SubgraphConfig } from '../../../subgraphs/kit/config';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../../common/config/subgraphs';
import { openDataSource } from '../../../subgraphs/kit/data-source';
import { dropDatabase, testConfig } from '../../helpers/subgraph';

export const DATA = path.resolve(__dirname, '../../../data');

export type Env = Record<string, string | undefined>;

/** A throw-away database set (SQLite folder or PostgreSQL schemas) as an environment for the CLI, and a scratch folder. */
export interface Sandbox {
  env: Env;
  config: SubgraphConfig;
  /** The CLI's current folder: default rejects files land here. */
  cwd: string;
  /** Where tests write their own input files. */
  inputs: string;
  cleanup(): Promise<void>;
}

export function sandbox(extra: Env = {}): Sandbox {
  const config = testConfig();
  const env: Env = {
    ...process.env,
    NODE_ENV: 'test',
    SQLITE_DIR: config.database.kind === 'sqlite' ? config.database.directory : undefined,
    DATABASE_SCHEMA_PREFIX: config.database.kind === 'postgres' ? config.database.schemaPrefix : '',
    ...extra,
  };
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-cli-cwd-'));
  const inputs = fs.mkdtempSync(path.join(os.tmpdir(), 'ftm-cli-in-'));
  return {
    env,
    config: readConfig(env),
    cwd,
    inputs,
    async cleanup() {
      for (const name of SUBGRAPH_NAMES) await dropDatabase(readConfig(env), name);
      for (const folder of [cwd, inputs]) fs.rmSync(folder, { recursive: true, force: true });
      if (env.SQLITE_DIR) fs.rmSync(env.SQLITE_DIR, { recursive: true, force: true });
    },
  };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(box: Sandbox, argv: string[], options: { env?: Env; tty?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.tty },
    env: { ...box.env, ...options.env },
    cwd: box.cwd,
  });
  return { code, stdout, stderr };
}

/** Runs with --json and parses the report. */
export async function runJson(box: Sandbox, argv: string[]): Promise<CliRun & { report: ImportReport }> {
  const result = await run(box, [...argv, '--json']);
  return { ...result, report: JSON.parse(result.stdout) as ImportReport };
}

/** Row counts of entities in one subgraph's database, opened the way the service opens it. */
export async function countRows(box: Sandbox, name: SubgraphName, entities: EntityTarget<ObjectLiteral>[]): Promise<number[]> {
  const { dataSource } = await openDataSource(name, SUBGRAPHS[name].entities, box.config);
  try {
    return await Promise.all(entities.map((entity) => dataSource.getRepository(entity).count()));
  } finally {
    await dataSource.destroy();
  }
}

/** Writes an input file into its own folder of the sandbox (so that names may repeat) and returns its path. */
export function inputFile(box: Sandbox, name: string, text: string): string {
  const folder = fs.mkdtempSync(path.join(box.inputs, 'f-'));
  const file = path.join(folder, name);
  fs.writeFileSync(file, text);
  return file;
}
