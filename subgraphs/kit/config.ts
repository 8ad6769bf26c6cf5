import path from 'node:path';
import { z } from 'zod';
import { databaseModel, type DatabaseConfig } from '../../common/config/database';
import { type Env, flag, readSettings, text } from '../../common/config/env';
import { environmentModel, type Environment } from '../../common/config/environment';
import { httpModel, type HttpConfig } from '../../common/config/http';
import { loggingModel, type LoggingConfig } from '../../common/config/logging';
import { type TracingConfig, tracingModel } from '../../common/config/tracing';
import { pagesModel } from '../../common/config/pages';
import { participationModel, type ParticipationConfig } from '../../common/config/participation';
import { type RedisConfig, redisModel } from '../../common/config/rate-limit';
import { type RedFlagThresholds, redFlagsModel } from '../../common/config/red-flags';
import { type SubgraphName, subgraphPortsModel } from '../../common/config/subgraphs';
import { repositoryRoot } from '../../common/paths';

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
  http: HttpConfig;
  logging: LoggingConfig;
  tracing: TracingConfig;
  /** Where a committed load is announced to the gateways' response caches (optional). */
  redis: RedisConfig;
  /** The procurement red flags' thresholds, read where imports happen too (docs/red-flags.md). */
  redFlags: RedFlagThresholds;
  /** The participation subgraph's identity, moderation and retention settings (read by every subgraph, used by one). */
  participation: ParticipationConfig;
}

/** What only the subgraphs read: the sample data and whether to load it into an empty database. */
const sampleModel = z
  .object({ DATA_DIR: text('data', /./, 'a folder'), LOAD_SAMPLE: flag(true) })
  .transform((env) => ({ dataDirectory: path.resolve(repositoryRoot, env.DATA_DIR), loadSample: env.LOAD_SAMPLE }));

/** Every setting the subgraphs use, read from the environment once (see common/config). */
export function readConfig(env: Env = process.env): SubgraphConfig {
  const settings = readSettings(
    {
      environment: environmentModel,
      database: databaseModel,
      ports: subgraphPortsModel,
      pages: pagesModel,
      sample: sampleModel,
      http: httpModel,
      logging: loggingModel,
      tracing: tracingModel,
      redis: redisModel,
      redFlags: redFlagsModel,
      participation: participationModel,
    },
    env,
  );
  return {
    environment: settings.environment,
    database: settings.database.database,
    logSql: settings.database.logSql,
    ports: settings.ports,
    maxPageSize: settings.pages.maxPageSize,
    ...settings.sample,
    http: settings.http,
    logging: settings.logging,
    tracing: settings.tracing,
    redis: settings.redis,
    redFlags: settings.redFlags,
    participation: settings.participation,
  };
}
