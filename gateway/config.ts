import path from 'node:path';
import { z } from 'zod';
import { ConfigError, type Env, readSettings, text, wholeNumber } from '../common/config/env';
import { environmentModel, type Environment } from '../common/config/environment';
import { type ExportConfig, exportModel } from '../common/config/export';
import { httpModel, type HttpConfig } from '../common/config/http';
import { type LimitsConfig, limitsModel } from '../common/config/limits';
import { loggingModel, type LoggingConfig } from '../common/config/logging';
import { type TracingConfig, tracingModel } from '../common/config/tracing';
import { pagesModel } from '../common/config/pages';
import { type RateLimitConfig, type RedisConfig, rateLimitModel, redisModel, writeRateLimitModel } from '../common/config/rate-limit';
import { type ResponseCacheConfig, responseCacheModel } from '../common/config/response-cache';
import { type SubgraphClientConfig, subgraphClientModel } from '../common/config/subgraph-client';
import { subgraphUrlsModel } from '../common/config/subgraphs';
import { repositoryRoot } from '../common/paths';

export { ConfigError as GatewayConfigError, repositoryRoot };

/** The gateway's settings, read once and validated together (see common/config; it shares no code with the subgraphs). */
export interface GatewayConfig {
  environment: Environment;
  port: number;
  supergraphPath: string;
  /** Subgraph URL overrides by subgraph name; the supergraph's own URLs are used for the others. */
  subgraphUrls: Record<string, string>;
  subgraphClient: SubgraphClientConfig;
  http: HttpConfig;
  limits: LimitsConfig & { maxPageSize: number; defaultPageSize: number };
  rateLimit: RateLimitConfig;
  /** The budget of writes, counted apart from `rateLimit`. */
  writeRateLimit: RateLimitConfig;
  redis: RedisConfig;
  responseCache: ResponseCacheConfig;
  exports: ExportConfig;
  logging: LoggingConfig;
  tracing: TracingConfig;
}

const gatewayModel = z
  .object({ GATEWAY_PORT: wholeNumber(4000, 0, 65_535), SUPERGRAPH_PATH: text('schema/supergraph.graphql', /./, 'a file') })
  .transform((env) => ({ port: env.GATEWAY_PORT, supergraphPath: path.resolve(repositoryRoot, env.SUPERGRAPH_PATH) }));

export function readGatewayConfig(env: Env = process.env): GatewayConfig {
  const settings = readSettings(
    {
      environment: environmentModel,
      gateway: gatewayModel,
      subgraphUrls: subgraphUrlsModel,
      subgraphClient: subgraphClientModel,
      http: httpModel,
      limits: limitsModel,
      pages: pagesModel,
      rateLimit: rateLimitModel,
      writeRateLimit: writeRateLimitModel,
      redis: redisModel,
      responseCache: responseCacheModel,
      exports: exportModel,
      logging: loggingModel,
      tracing: tracingModel,
    },
    env,
  );
  return {
    environment: settings.environment,
    ...settings.gateway,
    subgraphUrls: settings.subgraphUrls,
    subgraphClient: settings.subgraphClient,
    http: settings.http,
    limits: { ...settings.limits, ...settings.pages },
    rateLimit: settings.rateLimit,
    writeRateLimit: settings.writeRateLimit,
    redis: settings.redis,
    responseCache: settings.responseCache,
    exports: settings.exports,
    logging: settings.logging,
    tracing: settings.tracing,
  };
}
