import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { DataSource, EntitySchema } from 'typeorm';
import { readConfig, type SubgraphConfig, type SubgraphName } from './config';
import { createContext, type SubgraphContext } from './context';
import { openDataSource, type OpenedDataSource } from './data-source';
import { errorFormatter } from './errors';
import type { SearchSource } from './search';
import { serveSubgraph } from './serve';

/** What each subgraph folder exports: the kit does the rest (database, server, sample data). */
export interface SubgraphDefinition {
  name: SubgraphName;
  entities: (Function | EntitySchema)[];
  /** The lists this subgraph adds to `SearchResults`: its search index is rebuilt from them by every load. */
  search: SearchSource[];
  buildSchema(): Promise<GraphQLSchema>;
  /** Loads the shipped sample dataset through the subgraph's importers, in one transaction. */
  loadSample(dataSource: DataSource, config: SubgraphConfig): Promise<void>;
  /** True when the database holds no data yet (first start). */
  isEmpty(dataSource: DataSource): Promise<boolean>;
}

export interface PreparedSubgraph extends OpenedDataSource {
  schema: GraphQLSchema;
  server: ApolloServer<SubgraphContext>;
  config: SubgraphConfig;
  context(): SubgraphContext;
  close(): Promise<void>;
}

/** Opens the database, loads the sample when it is empty, and builds the Apollo server (not listening yet). */
export async function prepareSubgraph(definition: SubgraphDefinition, config: SubgraphConfig): Promise<PreparedSubgraph> {
  const opened = await openDataSource(definition.name, definition.entities, config, definition.search);
  if (config.loadSample && (await definition.isEmpty(opened.dataSource))) {
    await definition.loadSample(opened.dataSource, config);
  }
  const schema = await definition.buildSchema();
  const production = config.environment === 'production';
  const server = new ApolloServer<SubgraphContext>({
    schema,
    formatError: errorFormatter(production),
    includeStacktraceInErrorResponses: !production,
    introspection: true,
    // Inline traces feed Apollo Studio, which this project does not use.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  return {
    ...opened,
    schema,
    server,
    config,
    context: () => createContext(opened.dataSource, config),
    close: async () => {
      await server.stop();
      if (opened.dataSource.isInitialized) await opened.dataSource.destroy();
    },
  };
}

/** The entry point of every subgraph process: prints its URL and stops cleanly on SIGINT/SIGTERM. */
export async function startSubgraph(definition: SubgraphDefinition): Promise<void> {
  const config = readConfig();
  let prepared: PreparedSubgraph | null = null;
  const stop = async () => {
    await prepared?.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Started by `npm start`'s supervisor: its IPC channel closes when it dies, even by SIGKILL, so no subgraph is orphaned.
  if (process.send) process.once('disconnect', stop);
  prepared = await prepareSubgraph(definition, config);
  const { url } = await serveSubgraph(prepared.server, prepared.context, config.ports[definition.name]);
  console.log(`${definition.name} subgraph ready at ${url}`);
}

/** Runs a subgraph's start function and exits with the problem listed if it cannot start. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
