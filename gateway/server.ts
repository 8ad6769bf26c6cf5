import fs from 'node:fs';
import { type GraphQLSchema, parse } from 'graphql';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type { DestinationStream } from 'pino';
import { maskErrors } from '../common/errors';
import { close, createHttpApp, listen } from '../common/http/app';
import { commonPlugins, mountGraphQL, type RequestContext } from '../common/http/graphql';
import { createMetrics } from '../common/http/metrics';
import { createLogger } from '../common/logger';
import { startConfiguredTracing } from '../common/tracing';
import { webRouter } from '../web/routes';
import { missedKey } from './cache/cached-answers';
import { startResponseCache } from './cache/response-cache';
import type { ResponseCacheContext } from './cache/response-cache.plugin';
import { mountExport } from './export/export.route';
import type { GatewayConfig } from './config';
import { costCheck, limitsPlugin } from './limits/limits.plugin';
import { requirementsOf } from './requirements';
import { tokenLimit } from './limits/tokens';
import { createRateLimit } from './rate-limit';
import { readSafelist, safelist } from './safelist';
import { subgraphServices } from './subgraph-client';

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface GatewayOptions {
  /** Where the JSON logs go (stdout unless given; tests read them). */
  logDestination?: DestinationStream;
  /** More Apollo plugins (tests use one to see which requests reach Apollo). */
  plugins?: ApolloServerPlugin<RequestContext>[];
}

/** The subgraphs the supergraph was composed from, with the URLs composition recorded. */
export function subgraphsOf(supergraphSdl: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) found[match[1]] = match[2];
  return found;
}

/**
 * The gateway reads only schema/supergraph.graphql (composed offline and checked in): it never
 * introspects the subgraphs, so what it serves is what was reviewed.
 */
export async function startGateway(config: GatewayConfig, options: GatewayOptions = {}): Promise<RunningGateway> {
  startConfiguredTracing('gateway', config.tracing);
  const logger = createLogger('gateway', config.logging, options.logDestination);
  const metrics = createMetrics('gateway');
  const supergraphSdl = fs.readFileSync(config.supergraphPath, 'utf8');
  const urls = { ...subgraphsOf(supergraphSdl), ...config.subgraphUrls };
  const operations = config.limits.persistedOperationsPath ? readSafelist(config.limits.persistedOperationsPath) : undefined;
  const production = config.environment === 'production';
  const gateway = new ApolloGateway({ supergraphSdl, buildService: subgraphServices(urls, config.subgraphClient, { logger, metrics }) });
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate((update) => {
    apiSchema = update.apiSchema;
  });
  // The cost counts what each `@requires` makes the gateway fetch; a cached answer's variables are checked the same way.
  const overCost = costCheck(config.limits, requirementsOf(parse(supergraphSdl)));
  const cache = config.responseCache.enabled
    ? await startResponseCache(
        config.responseCache,
        config.redis,
        urls,
        supergraphSdl,
        { metrics, logger },
        { schema: () => apiSchema, overCost },
      )
    : undefined;
  const server = new ApolloServer<RequestContext & ResponseCacheContext>({
    gateway,
    formatError: maskErrors(production),
    includeStacktraceInErrorResponses: !production,
    introspection: true,
    // The API is read-only and uses no cookies, so the CSRF guard would only refuse plain GETs (and CDN caching).
    csrfPrevention: false,
    plugins: [
      ...commonPlugins(logger, metrics),
      limitsPlugin(config.limits, overCost),
      ...(cache ? [cache.plugin] : []),
      ...(options.plugins ?? []),
    ],
  });
  await server.start();
  const rateLimit = await createRateLimit(config.rateLimit, config.redis, logger);
  const app = createHttpApp({
    logger,
    metrics,
    http: config.http,
    requestLogLevel: config.logging.requestLevel,
    ready: () => checkSubgraphs(urls),
    routes(app) {
      // First, so that a browser's GET of /graphql gets the explorer; every other request falls through (a POST to
      // /graphql, nearly all the traffic, skips its routes at once).
      const web = webRouter();
      app.use((req, res, next) => (req.method === 'POST' && req.path === '/graphql' ? next() : web(req, res, next)));
      const before = [
        ...(rateLimit ? [rateLimit.middleware] : []),
        ...(operations ? [safelist(operations)] : []),
        tokenLimit(config.limits.maxTokens),
      ];
      mountGraphQL(app, {
        server,
        http: config.http,
        context: async (req) => ({ requestId: String(req.id), missedKey: missedKey(req) }),
        before: [...before, ...(cache ? [cache.answer] : [])],
      });
      mountExport(app, { server, http: config.http, schema: () => apiSchema!, pageSize: config.limits.maxPageSize, before });
    },
  });
  const { server: httpServer, port } = await listen(app, config.port).catch(async (error) => {
    await rateLimit?.close();
    await cache?.stop();
    await server.stop();
    throw error;
  });
  logger.info(
    { port, rateLimits: rateLimit?.store ?? 'off', responseCache: cache?.store ?? 'off', safelist: operations?.size ?? 'off' },
    'gateway ready',
  );
  return {
    port,
    url: `http://localhost:${port}/graphql`,
    async stop() {
      await close(httpServer);
      await server.stop();
      await rateLimit?.close();
      await cache?.stop();
    },
  };
}

/** Ready when the schema is loaded (it is before the server listens) and every subgraph answers. */
async function checkSubgraphs(urls: Record<string, string>) {
  const entries = await Promise.all(Object.entries(urls).map(async ([name, url]) => [name, (await ping(url)) ? 'up' : 'down'] as const));
  return { ready: entries.every(([, state]) => state === 'up'), checks: { schema: 'up' as const, ...Object.fromEntries(entries) } };
}

/** Asks a subgraph for `__typename`: cheap, and proves its server and schema are up. */
export async function ping(url: string, timeoutMs = 2000): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return response.ok;
  } catch {
    return false;
  }
}
