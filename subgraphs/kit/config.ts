import path from 'node:path';

export const SUBGRAPH_NAMES = ['institutions', 'commitments', 'budgets', 'archives'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** The ports the subgraphs listen on unless told otherwise; docker-compose.yml and the composed supergraph use the same. */
export const DEFAULT_PORTS: Readonly<Record<SubgraphName, number>> = {
  institutions: 4001,
  commitments: 4002,
  budgets: 4003,
  archives: 4004,
};

export type Environment = 'development' | 'test' | 'production';

export type DatabaseConfig = { kind: 'sqlite'; directory: string } | { kind: 'postgres'; url: string; schemaPrefix: string };

export interface SubgraphConfig {
  environment: Environment;
  database: DatabaseConfig;
  ports: Record<SubgraphName, number>;
  /** Largest `first` a connection accepts: a client cannot ask one request to read a whole table. */
  maxPageSize: number;
  /** Where the shipped sample dataset lives (loaded into an empty database on start). */
  dataDirectory: string;
  loadSample: boolean;
  logSql: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The project's root folder, from the source tree or from its compiled copy in dist/. */
export const repositoryRoot = path.resolve(__dirname, '..', '..', __dirname.includes(`${path.sep}dist${path.sep}`) ? '..' : '');

type Env = Record<string, string | undefined>;

/**
 * Reads every setting the subgraphs use from the environment, once, and reports all problems together
 * so that a misconfigured deployment fails at start with the full list instead of one error at a time.
 */
export function readConfig(env: Env = process.env): SubgraphConfig {
  const problems: string[] = [];

  const environment = oneOf(env, 'NODE_ENV', ['development', 'test', 'production'], 'development', problems);
  const ports = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [name, port(env, `${name.toUpperCase()}_PORT`, DEFAULT_PORTS[name], problems)]),
  ) as Record<SubgraphName, number>;
  const duplicated = Object.values(ports).filter((p, i, all) => all.indexOf(p) !== i);
  if (duplicated.length > 0) problems.push(`two subgraphs cannot share a port (${[...new Set(duplicated)].join(', ')})`);

  const maxPageSize = integer(env, 'MAX_PAGE_SIZE', 100, 1, 10_000, problems);
  const url = env.DATABASE_URL?.trim();
  let database: DatabaseConfig;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) problems.push(`DATABASE_URL must be a postgres:// URL (got "${url}")`);
    const schemaPrefix = env.DATABASE_SCHEMA_PREFIX?.trim() ?? '';
    if (!/^[a-z_][a-z0-9_]*$|^$/.test(schemaPrefix)) {
      problems.push(`DATABASE_SCHEMA_PREFIX must be lower-case letters, digits and underscores (got "${schemaPrefix}")`);
    }
    database = { kind: 'postgres', url, schemaPrefix };
  } else {
    database = { kind: 'sqlite', directory: path.resolve(repositoryRoot, env.SQLITE_DIR?.trim() || '.data') };
  }

  const config: SubgraphConfig = {
    environment,
    database,
    ports,
    maxPageSize,
    dataDirectory: path.resolve(repositoryRoot, env.DATA_DIR?.trim() || 'data'),
    loadSample: flag(env, 'LOAD_SAMPLE', true, problems),
    logSql: flag(env, 'LOG_SQL', false, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T, problems: string[]): T {
  const value = env[name]?.trim();
  if (!value) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return fallback;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
    return fallback;
  }
  return parsed;
}

function port(env: Env, name: string, fallback: number, problems: string[]): number {
  return integer(env, name, fallback, 1, 65_535, problems);
}

function flag(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const value = env[name]?.trim().toLowerCase();
  if (!value) return fallback;
  if (['1', 'true', 'yes'].includes(value)) return true;
  if (['0', 'false', 'no'].includes(value)) return false;
  problems.push(`${name} must be true or false (got "${value}")`);
  return fallback;
}
