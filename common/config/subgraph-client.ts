import { z } from 'zod';
import { wholeNumber } from './env';

/**
 * How the gateway calls the subgraphs: `SUBGRAPH_TIMEOUT_MS` for a whole request, `SUBGRAPH_KEEP_ALIVE_MS` an
 * idle connection is kept (under the servers' 65 s, common/http/app.ts), and
 * `SUBGRAPH_CONNECTIONS` per subgraph (requests beyond wait in a queue instead of opening thousands of sockets).
 */
export const subgraphClientModel = z
  .object({
    SUBGRAPH_TIMEOUT_MS: wholeNumber(10_000, 1, 300_000),
    SUBGRAPH_KEEP_ALIVE_MS: wholeNumber(4_000, 1, 60_000),
    SUBGRAPH_CONNECTIONS: wholeNumber(32, 1, 1_024),
  })
  .transform((env) => ({
    timeoutMs: env.SUBGRAPH_TIMEOUT_MS,
    keepAliveMs: env.SUBGRAPH_KEEP_ALIVE_MS,
    connectionsPerSubgraph: env.SUBGRAPH_CONNECTIONS,
  }));
export type SubgraphClientConfig = z.output<typeof subgraphClientModel>;
