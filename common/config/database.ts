import path from 'node:path';
import { z } from 'zod';
import { repositoryRoot } from '../paths';
import { flag, optionalUrl, text } from './env';

export type DatabaseConfig = { kind: 'sqlite'; directory: string } | { kind: 'postgres'; url: string; schemaPrefix: string };

/** PostgreSQL when DATABASE_URL is set, embedded SQLite otherwise. */
export const databaseModel = z
  .object({
    DATABASE_URL: optionalUrl(/^postgres(ql)?:\/\/\S+$/, 'a postgres:// URL'),
    DATABASE_SCHEMA_PREFIX: text('', /^[a-z_][a-z0-9_]*$/, 'lower-case letters, digits and underscores'),
    SQLITE_DIR: text('.data', /./, 'a folder'),
    LOG_SQL: flag(false),
  })
  .transform((env): { database: DatabaseConfig; logSql: boolean } => ({
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL, schemaPrefix: env.DATABASE_SCHEMA_PREFIX }
      : { kind: 'sqlite', directory: path.resolve(repositoryRoot, env.SQLITE_DIR) },
    logSql: env.LOG_SQL,
  }));
