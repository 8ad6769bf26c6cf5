import fs from 'node:fs';
import type http from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { maskErrors } from './errors';
import type { GatewayConfig } from './config';
import { createHttpServer, listen, type HealthReport } from './http';
import { subgraphServices } from './subgraph-client';

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
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
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const supergraphSdl = fs.readFileSync(config.supergraphPath, 'utf8');
  const urls = { ...subgraphsOf(supergraphSdl), ...config.subgraphUrls };
  const production = config.environment === 'production';
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: subgraphServices(urls),
  });
  const server = new ApolloServer({
    gateway,
    formatError: maskErrors(production),
    includeStacktraceInErrorResponses: !production,
    introspection: true,
  });
  await server.start();
  const httpServer: http.Server = createHttpServer(server, () => checkSubgraphs(urls));
  const port = await listen(httpServer, config.port);
  return {
    port,
    url: `http://localhost:${port}/graphql`,
    async stop() {
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await server.stop();
    },
  };
}

/** Asks each subgraph for `__typename`: cheap, and proves its server and schema are up. */
async function checkSubgraphs(urls: Record<string, string>): Promise<HealthReport> {
  const entries = await Promise.all(Object.entries(urls).map(async ([name, url]) => [name, (await ping(url)) ? 'up' : 'down'] as const));
  const subgraphs = Object.fromEntries(entries);
  return { status: entries.every(([, state]) => state === 'up') ? 'ok' : 'degraded', subgraphs };
}

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
