import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { Request } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { DestinationStream } from 'pino';
import type { DataSource, EntitySchema } from 'typeorm';
import { maskErrors } from '../../common/errors';
import { close, createHttpApp, listen } from '../../common/http/app';
import { apolloLogger, commonPlugins, mountGraphQL } from '../../common/http/graphql';
import { createMetrics } from '../../common/http/metrics';
import { createLogger, type Logger } from '../../common/logger';
import { startConfiguredTracing, tracingEnabled } from '../../common/tracing';
import { resolverSpans, traceStatements } from './tracing';
import { readConfig, type SubgraphConfig } from './config';
import { type SubgraphName } from '../../common/config/subgraphs';
import { refreshStatistics } from './import/statistics';
import type { HttpConfig } from '../../common/config/http';
import { createContext, type RequestFacts, type SubgraphContext } from './context';
import { openDataSource, type OpenedDataSource } from './data-source';
import type { SearchSource } from './search';

/** What each subgraph folder exports: the kit does the rest (database, server, sample data). */
export interface SubgraphDefinition {
  name: SubgraphName;
  entities: (Function | EntitySchema)[];
  /** The lists this subgraph adds to `SearchResults`: its search index is refreshed from them by every load. */
  search: SearchSource[];
  buildSchema(): Promise<GraphQLSchema>;
  /** Loads the shipped sample dataset through the subgraph's importers, in one transaction. */
  loadSample(dataSource: DataSource, config: SubgraphConfig): Promise<void>;
  /** True when the database holds no data yet (first start). */
  isEmpty(dataSource: DataSource): Promise<boolean>;
  /** Brings what the subgraph derives from its data up to date at open, for data an earlier version loaded. */
  upgrade?(dataSource: DataSource): Promise<void>;
  /** Work before the server is built (participation creates its local key pair on first start). */
  prepare?(config: SubgraphConfig): Promise<void>;
  /** HTTP settings of its own (participation trusts only loopback proxies to name the client by default). */
  http?(config: SubgraphConfig): HttpConfig;
}

export interface PreparedSubgraph extends OpenedDataSource {
  schema: GraphQLSchema;
  server: ApolloServer<SubgraphContext>;
  config: SubgraphConfig;
  /** The HTTP settings it is served with. */
  http: HttpConfig;
  logger: Logger;
  metrics: ReturnType<typeof createMetrics>;
  context(): SubgraphContext;
  close(): Promise<void>;
}

export interface ServedSubgraph {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Opens the database, loads the sample when it is empty, and builds the Apollo server (not listening yet). */
export async function prepareSubgraph(
  definition: SubgraphDefinition,
  config: SubgraphConfig,
  logDestination?: DestinationStream,
): Promise<PreparedSubgraph> {
  startConfiguredTracing(definition.name, config.tracing);
  const logger = createLogger(definition.name, config.logging, logDestination);
  const metrics = createMetrics(definition.name);
  await definition.prepare?.(config);
  const opened = await openDataSource(definition.name, definition.entities, config, definition.search);
  if (tracingEnabled()) traceStatements(opened.dataSource, definition.name);
  await definition.upgrade?.(opened.dataSource);
  if (config.loadSample && (await definition.isEmpty(opened.dataSource))) {
    await definition.loadSample(opened.dataSource, config);
    await refreshStatistics(opened.dataSource);
  }
  const schema = await definition.buildSchema();
  const production = config.environment === 'production';
  const server = new ApolloServer<SubgraphContext>({
    schema,
    logger: apolloLogger(logger),
    formatError: maskErrors(production),
    includeStacktraceInErrorResponses: !production,
    introspection: true,
    // The gateway is the subgraphs' only client and sends JSON POSTs; the CSRF guard concerns browsers.
    csrfPrevention: false,
    // The process's own handlers stop everything in order. Apollo's would race them: its stop() never releases a
    // second caller (it hangs), and it then re-raises the signal, killing the process before the rest is stopped.
    stopOnTerminationSignals: false,
    // Inline traces feed Apollo Studio, which this project does not use.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ...commonPlugins(logger, metrics),
      ...(tracingEnabled() ? [resolverSpans(definition.name)] : []),
    ],
  });
  return {
    ...opened,
    schema,
    server,
    config,
    http: definition.http?.(config) ?? config.http,
    logger,
    metrics,
    context: () => createContext(opened.dataSource, config),
    close: async () => {
      await server.stop();
      if (opened.dataSource.isInitialized) await opened.dataSource.destroy();
    },
  };
}

/**
 * Serves a prepared subgraph at `/graphql` on the HTTP front every process shares (request ids from the
 * gateway in its logs, `/health`, `/ready` once its database answers, `/metrics`).
 */
export async function serveSubgraph(prepared: PreparedSubgraph, port: number): Promise<ServedSubgraph> {
  await prepared.server.start();
  const app = createHttpApp({
    logger: prepared.logger,
    metrics: prepared.metrics,
    http: prepared.http,
    requestLogLevel: prepared.config.logging.requestLevel,
    ready: async () => {
      const database = await prepared.dataSource.query('SELECT 1').then(
        () => 'up' as const,
        () => 'down' as const,
      );
      return { ready: database === 'up', checks: { database } };
    },
    routes(app) {
      mountGraphQL(app, {
        server: prepared.server,
        http: prepared.http,
        context: async (req) => ({ ...prepared.context(), requestId: String(req.id), request: requestFacts(req) }),
      });
    },
  });
  const listening = await listen(app, port, { http: prepared.config.http, logger: prepared.logger, metrics: prepared.metrics });
  return {
    port: listening.port,
    url: `http://localhost:${listening.port}/graphql`,
    stop: () => close(listening.server),
  };
}

function requestFacts(req: Request): RequestFacts {
  const header = (name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return { authorization: header('authorization'), idempotencyKey: header('idempotency-key'), client: req.ip ?? 'unknown' };
}

/** The entry point of every subgraph process: logs its URL and stops cleanly on SIGINT/SIGTERM. */
export async function startSubgraph(definition: SubgraphDefinition): Promise<void> {
  const config = readConfig();
  let prepared: PreparedSubgraph | null = null;
  let served: ServedSubgraph | null = null;
  const stop = async () => {
    await served?.stop();
    await prepared?.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Started by `npm start`'s supervisor: its IPC channel closes when it dies, even by SIGKILL, so no subgraph is orphaned.
  if (process.send) process.once('disconnect', stop);
  prepared = await prepareSubgraph(definition, config);
  served = await serveSubgraph(prepared, config.ports[definition.name]);
  prepared.logger.info({ url: served.url }, `${definition.name} subgraph ready`);
}

/** Runs a subgraph's start function and exits with the problem listed if it cannot start. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
