import type { NextFunction, Request, Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type { DestinationStream } from 'pino';
import { maskErrors } from '../common/errors';
import { close, createHttpApp, listen } from '../common/http/app';
import { apolloLogger, commonPlugins, mountGraphQL, type RequestContext } from '../common/http/graphql';
import { createMetrics } from '../common/http/metrics';
import { leaveQueryStringUnlogged } from '../common/http/request-log';
import { createLogger } from '../common/logger';
import { startConfiguredTracing } from '../common/tracing';
import { webRouter } from '../web/routes';
import { missedKey } from './cache/cached-answers';
import { repeatedErrorsPlugin } from './repeated-errors.plugin';
import { startResponseCache } from './cache/response-cache';
import type { ResponseCacheContext } from './cache/response-cache.plugin';
import { TouchedSubgraphs } from './cache/touched-subgraphs';
import { mountExport } from './export/export.route';
import { mountFeeds } from './feeds/feed.route';
import type { GatewayConfig } from './config';
import { costCheck, limitsPlugin } from './limits/limits.plugin';
import { readSupergraph, subgraphUrls } from './supergraph';
import { tokenLimit } from './limits/tokens';
import { createRateLimits } from './rate-limit';
import { readSafelist, safelist } from './safelist';
import { type ClientContext, subgraphServices } from './subgraph-client';
import { isMutationRequest } from './writes/mutation-request';
import { WRITABLE_SUBGRAPHS, type WritesContext, writableFieldsPlugin } from './writes/writable-fields.plugin';

/** How many entries a feed lists, the newest first (a reader keeps the older ones it has seen). */
const FEED_ENTRIES = 50;

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

/**
 * The gateway reads only schema/supergraph.graphql (composed offline and checked in): it never
 * introspects the subgraphs, so what it serves is what was reviewed.
 */
export async function startGateway(config: GatewayConfig, options: GatewayOptions = {}): Promise<RunningGateway> {
  startConfiguredTracing('gateway', config.tracing);
  const logger = createLogger('gateway', config.logging, options.logDestination);
  const metrics = createMetrics('gateway');
  const supergraph = readSupergraph(config.supergraphPath);
  const urls = { ...subgraphUrls(supergraph), ...config.subgraphUrls };
  const operations = config.limits.persistedOperationsPath ? readSafelist(config.limits.persistedOperationsPath) : undefined;
  const production = config.environment === 'production';
  // Apollo's gateway otherwise sends usage metrics to Apollo every minute and, to label them, probes the AWS, GCP and
  // Azure metadata services from its constructor: a public-data API sends nothing to a third party and works offline.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.sdl,
    logger: apolloLogger(logger),
    buildService: subgraphServices(urls, config.subgraphClient, { logger, metrics }),
  });
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate((update) => {
    apiSchema = update.apiSchema;
  });
  // The cost counts what each `@requires` makes the gateway fetch; a cached answer's variables are checked the same way.
  const overCost = costCheck(config.limits, supergraph.requirements);
  // Which subgraphs own which fields: what a cached answer is keyed on, and which mutations may run.
  const touched = new TouchedSubgraphs(supergraph);
  const cache = config.responseCache.enabled
    ? await startResponseCache(
        config.responseCache,
        config.redis,
        urls,
        touched,
        WRITABLE_SUBGRAPHS,
        { metrics, logger },
        { schema: () => apiSchema, overCost },
      )
    : undefined;
  const server = new ApolloServer<RequestContext & ResponseCacheContext & WritesContext & ClientContext>({
    gateway,
    logger: apolloLogger(logger),
    formatError: maskErrors(production),
    includeStacktraceInErrorResponses: !production,
    introspection: true,
    // No cookies are read (a token comes only in `Authorization`, which a browser never adds to another site's
    // request) and a GET never runs a mutation, so the CSRF guard would only refuse plain GETs (and CDN caching).
    csrfPrevention: false,
    // The process's own handlers stop everything in order. Apollo's would race them: its stop() never releases a
    // second caller (it hangs), and it then re-raises the signal, killing the process before the rest is stopped.
    stopOnTerminationSignals: false,
    plugins: [
      ...commonPlugins(logger, metrics),
      repeatedErrorsPlugin(),
      writableFieldsPlugin(touched),
      limitsPlugin(config.limits, overCost),
      ...(cache ? [cache.plugin] : []),
      ...(options.plugins ?? []),
    ],
  });
  await server.start();
  // Writes have a budget of their own, so that a flood of them never spends the client's reads.
  const isWrite = (req: Request) => isMutationRequest(req, config.limits.maxTokens);
  const rateLimits = await createRateLimits(
    [
      { config: config.rateLimit, name: 'rate', counts: 'requests', skip: isWrite },
      { config: config.writeRateLimit, name: 'write-rate', counts: 'writes', skip: (req) => !isWrite(req) },
    ],
    config.redis,
    logger,
  );
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
      // The write budget comes once the safelist has turned a hash into its text and the text is within the token limit.
      const before = [
        // Apollo refuses a write sent by GET (405), but its texts, a contact among them, would be in the logged URL.
        (req: Request, res: Response, next: NextFunction) => {
          if (req.method === 'GET' && isWrite(req)) leaveQueryStringUnlogged(res);
          next();
        },
        ...rateLimits.budget('rate'),
        ...(operations ? [safelist(operations)] : []),
        tokenLimit(config.limits.maxTokens),
        ...rateLimits.budget('write-rate'),
      ];
      mountGraphQL(app, {
        server,
        http: config.http,
        context: async (req) => ({ requestId: String(req.id), missedKey: missedKey(req), clientAddress: req.ip }),
        before: [...before, ...(cache ? [cache.answer] : [])],
      });
      mountExport(app, {
        server,
        http: config.http,
        schema: () => apiSchema!,
        pageSize: config.limits.maxPageSize,
        stallTimeoutMs: config.exports.stallTimeoutMs,
        before,
        chargePage: (req) => rateLimits.charge('rate', req),
      });
      mountFeeds(app, {
        async execute(document, variables, req) {
          const response = await server.executeOperation({ query: document, variables }, { contextValue: { requestId: String(req.id) } });
          if (response.body.kind !== 'single') throw new Error('incremental delivery is not used here');
          return response.body.singleResult;
        },
        entries: FEED_ENTRIES,
        pageSize: config.limits.maxPageSize,
        httpMaxAgeSeconds: config.responseCache.httpMaxAgeSeconds,
        // The feeds' operations are the gateway's own, so the safelist and token limit, which read a client's, do not apply.
        before: rateLimits.budget('rate'),
      });
    },
  });
  const { server: httpServer, port } = await listen(app, config.port, { http: config.http, logger, metrics }).catch(async (error) => {
    await rateLimits.close();
    await cache?.stop();
    await server.stop();
    throw error;
  });
  logger.info(
    { port, rateLimits: rateLimits.store ?? 'off', responseCache: cache?.store ?? 'off', safelist: operations?.size ?? 'off' },
    'gateway ready',
  );
  return {
    port,
    url: `http://localhost:${port}/graphql`,
    async stop() {
      await close(httpServer);
      await server.stop();
      await rateLimits.close();
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
