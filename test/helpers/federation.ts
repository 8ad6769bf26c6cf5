import path from 'node:path';
import { readGatewayConfig } from '../../gateway/config';
import { startGateway, type RunningGateway } from '../../gateway/server';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../subgraphs/kit/config';
import { serveSubgraph } from '../../subgraphs/kit/serve';
import { prepareSubgraph, type PreparedSubgraph } from '../../subgraphs/kit/start-subgraph';
import { SUBGRAPHS } from '../../tools/subgraphs';
import { dropDatabase, testConfig, type QueryResult } from './subgraph';

export interface TestFederation {
  gateway: RunningGateway;
  subgraphs: Record<SubgraphName, PreparedSubgraph>;
  /** POSTs a query to the gateway over HTTP, as a client would. */
  query(source: string, variables?: Record<string, unknown>): Promise<QueryResult & { status: number }>;
  /** SQL statements each subgraph sent while `work` ran. */
  statementsDuring(work: () => Promise<unknown>): Promise<Record<SubgraphName, number>>;
  stop(): Promise<void>;
}

/**
 * The whole federated API in one test process: four subgraphs on throw-away databases, each on its own
 * HTTP port, and the gateway reading the checked-in schema/supergraph.graphql with their URLs.
 */
export async function startFederation(
  environment: 'test' | 'production' = 'test',
  options: {
    /** Puts something between the gateway and a subgraph (e.g. a switchable proxy): returns the URL the gateway uses. */
    route?: (name: SubgraphName, url: string) => Promise<string>;
  } = {},
): Promise<TestFederation> {
  const subgraphs = {} as Record<SubgraphName, PreparedSubgraph>;
  const urls: Record<string, string> = {};
  for (const name of SUBGRAPH_NAMES) {
    const prepared = await prepareSubgraph(SUBGRAPHS[name], testConfig({ NODE_ENV: environment }));
    const { url } = await serveSubgraph(prepared.server, prepared.context, 0);
    subgraphs[name] = prepared;
    urls[`${name.toUpperCase()}_URL`] = options.route ? await options.route(name, url) : url;
  }
  const gateway = await startGateway(
    readGatewayConfig({
      NODE_ENV: environment,
      GATEWAY_PORT: '0',
      SUPERGRAPH_PATH: path.resolve(__dirname, '../../schema/supergraph.graphql'),
      ...urls,
    }),
  );
  return {
    gateway,
    subgraphs,
    async query(source, variables) {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: source, variables }),
      });
      return { status: response.status, ...((await response.json()) as QueryResult) };
    },
    async statementsDuring(work) {
      const before = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphs[name].counter.statements]));
      await work();
      return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphs[name].counter.statements - before[name]])) as Record<
        SubgraphName,
        number
      >;
    },
    async stop() {
      await gateway.stop();
      for (const name of SUBGRAPH_NAMES) {
        await subgraphs[name].close();
        await dropDatabase(subgraphs[name].config, name);
      }
    },
  };
}
