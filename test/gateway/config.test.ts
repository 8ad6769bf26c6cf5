import { GatewayConfigError, readGatewayConfig } from '../../gateway/config';
import { maskErrors } from '../../common/errors';
import { subgraphUrls, supergraphOf } from '../../gateway/supergraph';

describe('gateway configuration', () => {
  test('defaults to port 4000 and the checked-in supergraph', () => {
    const config = readGatewayConfig({});
    expect(config.port).toBe(4000);
    expect(config.supergraphPath).toMatch(/schema[/\\]supergraph\.graphql$/);
    expect(config.subgraphUrls).toEqual({});
  });

  test('takes subgraph URLs from the environment and lists every problem', () => {
    expect(readGatewayConfig({ BUDGETS_URL: 'http://budgets:4003/graphql' }).subgraphUrls).toEqual({
      budgets: 'http://budgets:4003/graphql',
    });
    try {
      readGatewayConfig({ GATEWAY_PORT: 'x', ARCHIVES_URL: 'ftp://nope', NODE_ENV: 'qa' });
      throw new Error('expected a rejection');
    } catch (error) {
      expect(error).toBeInstanceOf(GatewayConfigError);
      expect((error as GatewayConfigError).problems).toHaveLength(3);
    }
  });

  test('limits, rate limits and Redis have defaults that hold, and bad values are listed with their variable', () => {
    const config = readGatewayConfig({});
    expect(config.limits).toEqual(
      expect.objectContaining({ maxDepth: 16, maxAliases: 30, maxTokens: 2_000, maxCost: 20_000, defaultPageSize: 20, maxPageSize: 100 }),
    );
    expect(config.rateLimit).toEqual({ requests: 600, windowSeconds: 60 });
    // Writes: a budget of their own, far stricter than the reads'.
    expect(config.writeRateLimit).toEqual({ requests: 30, windowSeconds: 600 });
    expect(readGatewayConfig({ WRITE_RATE_LIMIT_REQUESTS: '0' }).writeRateLimit.requests).toBe(0);
    expect(config.redis).toEqual({ url: undefined, keyPrefix: 'ftm:', timeoutMs: 500 });
    expect(config.http).toEqual({
      maxBodyBytes: 1_000_000,
      maxJsonDepth: 32,
      headersTimeoutMs: 20_000,
      requestTimeoutMs: 30_000,
      trustProxy: false,
    });
    expect(config.exports).toEqual({ stallTimeoutMs: 30_000 });
    expect(readGatewayConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).http.trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(readGatewayConfig({ TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
    try {
      readGatewayConfig({
        QUERY_MAX_COST: '0',
        RATE_LIMIT_REQUESTS: '-1',
        REDIS_URL: 'http://cache',
        LOG_LEVEL: 'loud',
        WRITE_RATE_LIMIT_WINDOW_SECONDS: '0',
      });
      throw new Error('expected a rejection');
    } catch (error) {
      const problems = (error as GatewayConfigError).problems;
      expect(problems).toHaveLength(5);
      for (const name of ['QUERY_MAX_COST', 'RATE_LIMIT_REQUESTS', 'REDIS_URL', 'LOG_LEVEL', 'WRITE_RATE_LIMIT_WINDOW_SECONDS'])
        expect(problems.join('\n')).toContain(name);
    }
  });

  test('request timeouts and the JSON depth are checked, a headers timeout longer than the request one too', () => {
    const problemsOf = (env: Record<string, string>) => {
      try {
        readGatewayConfig(env);
        return [];
      } catch (error) {
        return (error as GatewayConfigError).problems;
      }
    };
    expect(problemsOf({ HEADERS_TIMEOUT_MS: '40000', REQUEST_TIMEOUT_MS: '30000' })).toEqual([
      'HEADERS_TIMEOUT_MS must not exceed REQUEST_TIMEOUT_MS',
    ]);
    const problems = problemsOf({ MAX_JSON_DEPTH: '1', REQUEST_TIMEOUT_MS: 'soon', EXPORT_STALL_TIMEOUT_MS: '0' });
    expect(problems).toHaveLength(3);
    for (const name of ['MAX_JSON_DEPTH', 'REQUEST_TIMEOUT_MS', 'EXPORT_STALL_TIMEOUT_MS']) expect(problems.join('\n')).toContain(name);
    expect(readGatewayConfig({ HEADERS_TIMEOUT_MS: '500', REQUEST_TIMEOUT_MS: '500' }).http).toEqual(
      expect.objectContaining({ headersTimeoutMs: 500, requestTimeoutMs: 500 }),
    );
  });

  test('reads the subgraph URLs composition recorded', () => {
    const sdl =
      'enum join__Graph {\n  A @join__graph(name: "a", url: "http://localhost:1/graphql")\n  B @join__graph(name: "b", url: "http://localhost:2/graphql")\n}';
    expect(subgraphUrls(supergraphOf(sdl))).toEqual({ a: 'http://localhost:1/graphql', b: 'http://localhost:2/graphql' });
  });
});

describe('error masking', () => {
  const internal = {
    message: 'SQLITE_ERROR: no such table budget_line',
    extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] },
  };
  const client = { message: 'first must be between 0 and 100', extensions: { code: 'BAD_USER_INPUT', stacktrace: ['at y'] } };

  test('production hides internal messages and every stack trace', () => {
    const mask = maskErrors(true);
    expect(mask(internal)).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(mask(client)).toEqual({ message: client.message, extensions: { code: 'BAD_USER_INPUT' } });
  });

  test('development passes errors through', () => {
    expect(maskErrors(false)(internal)).toBe(internal);
  });
});
