import path from 'node:path';
import { readGatewayConfig } from '../../gateway/config';
import { type GatewayOptions, startGateway, type RunningGateway } from '../../gateway/server';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../common/config/subgraphs';
import { prepareSubgraph, type PreparedSubgraph, type ServedSubgraph, serveSubgraph } from '../../subgraphs/kit/start-subgraph';
import { SUBGRAPHS } from '../../tools/subgraphs';
import { dropDatabase, testConfig, type QueryResult } from './subgraph';

export interface FederationOptions extends GatewayOptions {
  environment?: 'test' | 'production';
  /** Gateway settings beyond the defaults (limits, rate limits, Redis…), as environment variables. */
  gatewayEnv?: Record<string, string>;
  /** Puts something between the gateway and a subgraph (e.g. a switchable proxy): returns the URL the gateway uses. */
  route?: (name: SubgraphName, url: string) => Promise<string>;
}

export interface TestFederation {
  gateway: RunningGateway;
  /** The subgraphs' own URLs (for readiness and request-id checks). */
  subgraphUrls: Record<SubgraphName, string>;
  subgraphs: Record<SubgraphName, PreparedSubgraph>;
  /** Another gateway on the same subgraphs with settings of its own (rate limits, limits…), stopped with the rest. */
  anotherGateway(env: Record<string, string>, options?: GatewayOptions): Promise<RunningGateway>;
  /** POSTs a query to the gateway over HTTP, as a client would. */
  query(source: string, variables?: Record<string, unknown>): Promise<QueryResult & { status: number }>;
  /** SQL statements each subgraph sent while `work` ran. */
  statementsDuring(work: () => Promise<unknown>): Promise<Record<SubgraphName, number>>;
  stop(): Promise<void>;
}

/**
 * The whole federated API in one test process: five subgraphs on throw-away databases, each on its own
 * HTTP port, and the gateway reading the checked-in schema/supergraph.graphql with their URLs.
 */
/**
 * Tests count the work a request makes and stop subgraphs under it, so every request must reach the subgraphs:
 * the response cache (on by default in the gateway) is off here unless a test turns it on.
 */
const UNCACHED = { RESPONSE_CACHE: 'false' };

export async function startFederation(
  environmentOrOptions: FederationOptions['environment'] | FederationOptions = {},
  more: FederationOptions = {},
): Promise<TestFederation> {
  const options = { ...(typeof environmentOrOptions === 'string' ? { environment: environmentOrOptions } : environmentOrOptions), ...more };
  const { environment = 'test', gatewayEnv = {}, route, ...gatewayOptions } = options;
  const subgraphs = {} as Record<SubgraphName, PreparedSubgraph>;
  const served: ServedSubgraph[] = [];
  const subgraphUrls = {} as Record<SubgraphName, string>;
  const urls: Record<string, string> = {};
  for (const name of SUBGRAPH_NAMES) {
    // Subgraphs log at info when a test reads the logs (to find a request id there too), else stay silent.
    const logging: Record<string, string> = gatewayOptions.logDestination ? { LOG_LEVEL: 'info' } : {};
    const prepared = await prepareSubgraph(
      SUBGRAPHS[name],
      testConfig({ NODE_ENV: environment, ...logging }),
      gatewayOptions.logDestination,
    );
    const subgraph = await serveSubgraph(prepared, 0);
    subgraphs[name] = prepared;
    served.push(subgraph);
    subgraphUrls[name] = subgraph.url;
    urls[`${name.toUpperCase()}_URL`] = route ? await route(name, subgraph.url) : subgraph.url;
  }
  const gateway = await startGateway(
    readGatewayConfig({
      NODE_ENV: environment,
      GATEWAY_PORT: '0',
      SUPERGRAPH_PATH: path.resolve(__dirname, '../../schema/supergraph.graphql'),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      ...UNCACHED,
      ...urls,
      ...gatewayEnv,
    }),
    gatewayOptions,
  );
  const others: RunningGateway[] = [];
  return {
    gateway,
    subgraphUrls,
    subgraphs,
    async anotherGateway(env, options) {
      const other = await startGateway(
        readGatewayConfig({ GATEWAY_PORT: '0', LOG_LEVEL: 'silent', ...UNCACHED, ...urls, ...env }),
        options,
      );
      others.push(other);
      return other;
    },
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
      for (const other of others) await other.stop();
      await gateway.stop();
      for (const subgraph of served) await subgraph.stop();
      for (const name of SUBGRAPH_NAMES) {
        await subgraphs[name].close();
        await dropDatabase(subgraphs[name].config, name);
      }
    },
  };
}
