import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayConfigError, readGatewayConfig } from '../../gateway/config';
import { createLogger } from '../../common/logger';
import { maskErrors } from '../../common/errors';
import { SUBGRAPH_TIMEOUT, SUBGRAPH_UNAVAILABLE, SubgraphDataSource } from '../../gateway/subgraph-client';
import { SERVER_KEEP_ALIVE_MS } from '../../common/http/app';

describe('subgraph client configuration', () => {
  test('defaults: a 10 s deadline and an idle keep-alive that ends well before the subgraph server closes', () => {
    const config = readGatewayConfig({}).subgraphClient;
    expect(config).toEqual({ timeoutMs: 10_000, keepAliveMs: 4_000, connectionsPerSubgraph: 32 });
    expect(config.keepAliveMs).toBeLessThan(SERVER_KEEP_ALIVE_MS);
  });

  test('lists every problem at once', () => {
    try {
      readGatewayConfig({ SUBGRAPH_TIMEOUT_MS: '0', SUBGRAPH_KEEP_ALIVE_MS: '70000', SUBGRAPH_CONNECTIONS: 'many' });
      throw new Error('expected a rejection');
    } catch (error) {
      expect(error).toBeInstanceOf(GatewayConfigError);
      expect((error as GatewayConfigError).problems).toHaveLength(3);
    }
  });
});

describe('production masking of subgraph failures', () => {
  test('keeps the code, the service and the path, and nothing else', () => {
    const masked = maskErrors(true)({
      message: 'The budgets service did not answer in time; its fields are null.',
      path: ['commitment', 'funding'],
      extensions: { code: SUBGRAPH_TIMEOUT, serviceName: 'budgets', stacktrace: ['GraphQLError: …'] },
    });
    expect(masked).toEqual({
      message: 'The budgets service did not answer in time; its fields are null.',
      path: ['commitment', 'funding'],
      extensions: { code: SUBGRAPH_TIMEOUT, serviceName: 'budgets' },
    });
  });
});

describe('a subgraph fetch that fails', () => {
  const config = { timeoutMs: 300, keepAliveMs: 1_000, connectionsPerSubgraph: 4 };
  const entityFetch = {
    query:
      'query($representations:[_Any!]!){_entities(representations:$representations){...on Commitment{funding{paid} allocations{basis}}}}',
    variables: {
      representations: [
        { __typename: 'Commitment', id: 'a' },
        { __typename: 'Commitment', id: 'b' },
      ],
    },
  };

  let logged: { msg: string; subgraph: string; code: string }[] = [];
  const logger = createLogger('gateway', { level: 'warn' }, { write: (line: string) => logged.push(JSON.parse(line)) });
  beforeEach(() => {
    logged = [];
  });

  async function process(source: SubgraphDataSource) {
    const options = { kind: 'incoming operation', request: entityFetch, incomingRequestContext: {}, context: {} };
    return source.process(options as unknown as Parameters<SubgraphDataSource['process']>[0]);
  }

  async function serve(handler: http.RequestListener) {
    const server = http.createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
  }

  test('a 503 answers each requested field of each entity with SUBGRAPH_UNAVAILABLE', async () => {
    const { server, url } = await serve((_, res) => {
      res.statusCode = 503;
      res.end('down for maintenance');
    });
    try {
      const response = await process(new SubgraphDataSource('budgets', url, config, { logger }));
      expect(response.data).toBeUndefined();
      expect(response.errors?.map((error) => error.path)).toEqual([
        ['_entities', 0, 'funding'],
        ['_entities', 0, 'allocations'],
        ['_entities', 1, 'funding'],
        ['_entities', 1, 'allocations'],
      ]);
      for (const error of response.errors ?? []) expect(error.extensions).toEqual({ code: SUBGRAPH_UNAVAILABLE, serviceName: 'budgets' });
      // The cause stays in the server's log.
      expect(logged).toEqual([
        expect.objectContaining({
          subgraph: 'budgets',
          code: SUBGRAPH_UNAVAILABLE,
          msg: expect.stringMatching(/budgets fetch failed \(SUBGRAPH_UNAVAILABLE\): 503/),
        }),
      ]);
    } finally {
      server.close();
    }
  });

  test("a 4xx carrying GraphQL errors is the subgraph's answer, codes kept; one without them still fails", async () => {
    const refusal = { errors: [{ message: 'The token has expired.', extensions: { code: 'UNAUTHENTICATED' } }] };
    const { server, url } = await serve((req, res) => {
      res.statusCode = 401;
      res.setHeader('content-type', req.url === '/bare' ? 'text/plain' : 'application/graphql-response+json; charset=utf-8');
      res.end(req.url === '/bare' ? 'no' : JSON.stringify(refusal));
    });
    try {
      expect(await process(new SubgraphDataSource('participation', url, config, { logger }))).toEqual(refusal);
      await expect(process(new SubgraphDataSource('participation', `${url}bare`, config, { logger }))).rejects.toThrow(/401/);
      expect(logged).toEqual([]);
    } finally {
      server.close();
    }
  });

  test('a server that never answers is cut at the deadline with SUBGRAPH_TIMEOUT', async () => {
    const { server, url } = await serve(() => {});
    try {
      const response = await process(new SubgraphDataSource('budgets', url, config, { logger }));
      expect(new Set(response.errors?.map((error) => error.extensions?.code))).toEqual(new Set([SUBGRAPH_TIMEOUT]));
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
