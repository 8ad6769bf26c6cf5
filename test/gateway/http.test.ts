import net from 'node:net';
import { Readable } from 'node:stream';
import express from 'express';
import { close, listen, SERVER_CLOSE_GRACE_MS } from '../../common/http/app';
import { startFederation, type TestFederation } from '../helpers/federation';

/** Every JSON line the gateway and the subgraphs logged during the tests. */
const logged: Record<string, any>[] = [];
const logDestination = { write: (line: string) => logged.push(JSON.parse(line)) };

let api: TestFederation;
beforeAll(async () => {
  api = await startFederation({ environment: 'production', logDestination, gatewayEnv: { LOG_LEVEL: 'info' } });
}, 180_000);
afterAll(async () => {
  await api?.stop();
});

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(api.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

/** The value of the one sample of `name` that carries every label given, in Prometheus text. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const line = text
    .split('\n')
    .find(
      (candidate) =>
        candidate.startsWith(`${name}{`) && Object.entries(labels).every(([key, value]) => candidate.includes(`${key}="${value}"`)),
    );
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

async function refusal(response: Response) {
  const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
  return { status: response.status, code: body.errors[0].extensions.code, message: body.errors[0].message };
}

describe('HTTP front of the gateway', () => {
  test('a preflight from another origin is allowed, and reads carry Access-Control-Allow-Origin', async () => {
    const preflight = await fetch(api.gateway.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://dashboard.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const read = await post(JSON.stringify({ query: '{ __typename }' }), { origin: 'https://dashboard.example' });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe('*');
  });

  test('answers with security headers whose CSP admits only this origin', async () => {
    const response = await fetch(`${api.gateway.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  test('compresses what is worth compressing', async () => {
    const response = await post(JSON.stringify({ query: '{ institutions(first: 50) { edges { node { id name } } } }' }), {
      'accept-encoding': 'gzip',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(((await response.json()) as any).data.institutions.edges).toHaveLength(50);
  });

  test.each([
    ['an unknown operationName', JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }), 'OPERATION_RESOLUTION_FAILURE'],
    ['two anonymous operations', JSON.stringify({ query: '{ __typename } { __typename }' }), 'GRAPHQL_VALIDATION_FAILED'],
    [
      'two named operations and no operationName',
      JSON.stringify({ query: 'query A { __typename } query B { __typename }' }),
      'OPERATION_RESOLUTION_FAILURE',
    ],
    // The graph's only mutations are participation's (partgw refuses any other); one the schema lacks fails validation.
    ['a mutation the schema lacks', JSON.stringify({ query: 'mutation { deleteBudget }' }), 'GRAPHQL_VALIDATION_FAILED'],
    ['a subscription', JSON.stringify({ query: 'subscription { __typename }' }), 'GRAPHQL_VALIDATION_FAILED'],
    ['bad JSON', '{"query": "{ __typename }"', 'BAD_REQUEST'],
    ['a body that is not an object', '"{ __typename }"', 'BAD_REQUEST'],
    ['no query', JSON.stringify({ variables: {} }), 'BAD_REQUEST'],
    ['a syntax error', JSON.stringify({ query: '{ commitment(id: "x") { title ' }), 'GRAPHQL_PARSE_FAILED'],
  ])('%s is answered 400 with a code', async (_case, body, code) => {
    expect(await refusal(await post(body))).toEqual(expect.objectContaining({ status: 400, code }));
  });

  test('a wrong content type, a GET without query and an unknown path get coded 4xx too', async () => {
    const text = await fetch(api.gateway.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{ __typename }' });
    expect(await refusal(text)).toEqual(expect.objectContaining({ status: 400, code: 'BAD_REQUEST' }));
    expect(await refusal(await fetch(api.gateway.url))).toEqual(expect.objectContaining({ status: 400, code: 'BAD_REQUEST' }));
    const mutationByGet = await fetch(`${api.gateway.url}?query=${encodeURIComponent('mutation { __typename }')}`);
    expect(mutationByGet.status).toBeGreaterThanOrEqual(400);
    expect(mutationByGet.status).toBeLessThan(500);
    const nowhere = await fetch(api.gateway.url.replace('/graphql', '/nowhere'));
    expect(await refusal(nowhere)).toEqual(expect.objectContaining({ status: 404, code: 'NOT_FOUND' }));
  });

  test('a 2 MB body gets a coded 413, and the connection is not reset', async () => {
    const big = JSON.stringify({ query: `{ __typename }`, variables: { padding: 'x'.repeat(2_000_000) } });
    expect(await refusal(await post(big))).toEqual(expect.objectContaining({ status: 413, code: 'PAYLOAD_TOO_LARGE' }));
  });

  test("an idle keep-alive connection outlives Node's 5 s default, so a client closes it before the server does", async () => {
    const url = new URL(api.gateway.url);
    const socket = net.connect(Number(url.port), url.hostname);
    let closedByServer = false;
    socket.on('end', () => {
      closedByServer = true;
    });
    socket.write(`GET /health HTTP/1.1\r\nHost: ${url.host}\r\nConnection: keep-alive\r\n\r\n`);
    const [head] = (await new Promise<Buffer>((resolve) => socket.once('data', resolve))).toString().split('\r\n');
    expect(head).toBe('HTTP/1.1 200 OK');
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(closedByServer).toBe(false);
    socket.destroy();
  }, 20_000);

  test('HEAD behaves like GET without a body, on the API and the health check', async () => {
    const head = await fetch(api.gateway.url.replace('/graphql', '/health'), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const query = await fetch(`${api.gateway.url}?query=${encodeURIComponent('{ __typename }')}`, { method: 'HEAD' });
    expect(query.status).toBe(200);
    expect(query.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await query.text()).toBe('');
    expect((await fetch(api.gateway.url, { method: 'HEAD' })).status).toBe(400);
  });
});

describe('pages beside the API', () => {
  test("the explorer and the journalist's page are served from the same origin, under the same headers", async () => {
    const base = api.gateway.url.replace('/graphql', '');
    const explorer = await fetch(api.gateway.url, { headers: { accept: 'text/html' } });
    expect(explorer.status).toBe(200);
    expect(await explorer.text()).toContain('GraphQL explorer');
    expect(explorer.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await (await fetch(`${base}/`)).text()).toContain('Sigue el dinero');
    // Read to the end: an unread body leaves the server writing to this connection until the stop's grace period ends.
    const graphiql = await fetch(`${base}/assets/vendor/graphiql.js`);
    expect([graphiql.status, (await graphiql.text()).length > 100_000]).toEqual([200, true]);
    expect((await fetch(`${base}/assets/nothing.js`)).status).toBe(404);
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
  });

  test('a GET of /graphql with a query is still the API, whatever the browser accepts', async () => {
    const response = await fetch(`${api.gateway.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'text/html,application/json' },
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('operations', () => {
  test('/health is alive and /ready lists the schema and every subgraph', async () => {
    const base = api.gateway.url.replace('/graphql', '');
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      ready: true,
      checks: { schema: 'up', institutions: 'up', commitments: 'up', budgets: 'up', archives: 'up', participation: 'up' },
    });
    for (const url of Object.values(api.subgraphUrls)) {
      const subgraphReady = await fetch(url.replace('/graphql', '/ready'));
      expect(await subgraphReady.json()).toEqual({ ready: true, checks: { database: 'up' } });
    }
  });

  test('/ready answers 503 naming a subgraph that cannot be reached, while /health stays 200', async () => {
    const partial = await api.anotherGateway({ BUDGETS_URL: 'http://127.0.0.1:9/graphql' });
    const base = partial.url.replace('/graphql', '');
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      ready: false,
      checks: { schema: 'up', institutions: 'up', commitments: 'up', budgets: 'down', archives: 'up', participation: 'up' },
    });
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  test('/metrics serves Prometheus text with requests, latencies, errors by code and subgraph fetches', async () => {
    await post(JSON.stringify({ query: '{ commitment(id: "MX-TLA-PAL-2016-03") { title records { code } } }' }));
    await post(JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }));
    const response = await fetch(api.gateway.url.replace('/graphql', '/metrics'));
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const gateway = { service: 'gateway' };
    expect(sample(text, 'ftm_http_requests_total', { ...gateway, method: 'POST', route: '/graphql', status: '200' })).toBeGreaterThan(0);
    expect(sample(text, 'ftm_graphql_operations_total', { ...gateway, operation_type: 'query', status: '200' })).toBeGreaterThan(0);
    expect(sample(text, 'ftm_graphql_operation_duration_seconds_count', { ...gateway, operation_type: 'query' })).toBeGreaterThan(0);
    expect(sample(text, 'ftm_http_request_duration_seconds_bucket', { ...gateway, route: '/graphql', le: '+Inf' })).toBeGreaterThan(0);
    expect(sample(text, 'ftm_errors_total', { ...gateway, code: 'OPERATION_RESOLUTION_FAILURE' })).toBeGreaterThan(0);
    expect(sample(text, 'ftm_errors_total', { ...gateway, code: 'PAYLOAD_TOO_LARGE' })).toBe(1);
    for (const subgraph of ['commitments', 'archives']) {
      expect(sample(text, 'ftm_subgraph_fetch_duration_seconds_count', { ...gateway, subgraph, outcome: 'ok' })).toBeGreaterThan(0);
    }
    expect(text).toMatch(/^process_resident_memory_bytes\{service="gateway"\} \d+/m);
  });

  test('a masked internal error is logged with its stack and the request id, here and in the subgraph', async () => {
    await api.subgraphs.archives.dataSource.destroy();
    const response = await post(JSON.stringify({ query: '{ commitment(id: "MX-TLA-PAL-2016-03") { title records { code } } }' }), {
      'x-request-id': 'test-masked-1',
    });
    expect(response.headers.get('x-request-id')).toBe('test-masked-1');
    const body = (await response.json()) as any;
    expect(body.errors.map((e: any) => e.message)).toContain('Internal server error');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|TypeORM|sqlite|postgres/i);

    const withId = logged.filter((line) => line.requestId === 'test-masked-1' || line.req?.id === 'test-masked-1');
    const gatewayError = withId.find((line) => line.name === 'gateway' && line.level === 50 && line.requestId === 'test-masked-1');
    expect(gatewayError?.msg).toMatch(/^internal error/);
    const subgraphError = withId.find((line) => line.name === 'archives' && line.level === 50 && line.requestId === 'test-masked-1');
    expect(subgraphError?.err?.stack).toMatch(/\n\s+at /);
    expect(withId.some((line) => line.name === 'archives' && line.req?.id === 'test-masked-1')).toBe(true);
    expect(withId.some((line) => line.name === 'gateway' && line.req?.id === 'test-masked-1')).toBe(true);

    const archivesReady = await fetch(api.subgraphUrls.archives.replace('/graphql', '/ready'));
    expect(archivesReady.status).toBe(503);
    expect(await archivesReady.json()).toEqual({ ready: false, checks: { database: 'down' } });
  });

  test('REQUEST_LOG_LEVEL=debug keeps successful requests out of an info log, and still logs a refusal at warn', async () => {
    const lines: Record<string, any>[] = [];
    const quiet = await api.anotherGateway(
      { LOG_LEVEL: 'info', REQUEST_LOG_LEVEL: 'debug' },
      { logDestination: { write: (line: string) => lines.push(JSON.parse(line)) } },
    );
    const ok = await fetch(quiet.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'quiet-ok' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const missing = await fetch(quiet.url.replace('/graphql', '/nowhere'), { headers: { 'x-request-id': 'quiet-404' } });
    expect([ok.status, missing.status]).toEqual([200, 404]);
    expect(lines.filter((line) => line.req?.id === 'quiet-ok')).toEqual([]);
    expect(lines.filter((line) => line.req?.id === 'quiet-404').map((line) => [line.level, line.res.statusCode, line.msg])).toEqual([
      [40, 404, 'request completed'],
    ]);
  });
});

describe('the servers every process listens with', () => {
  test("requests and responses are created with Express's prototypes, so its per-request prototype change does nothing", async () => {
    const app = express();
    app.get('/', (_req, res) => res.send('ok'));
    const { server, port } = await listen(app, 0);
    const setPrototypeOf = jest.spyOn(Object, 'setPrototypeOf');
    const changes: string[] = [];
    setPrototypeOf.mockImplementation((target: any, prototype: object | null) => {
      if (prototype === app.request || prototype === app.response)
        changes.push(Object.getPrototypeOf(target) === prototype ? 'already so' : 'changed');
      Reflect.setPrototypeOf(target, prototype);
      return target;
    });
    try {
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
    } finally {
      setPrototypeOf.mockRestore();
      await close(server);
    }
    expect(changes).toEqual(['already so', 'already so']);
  });

  test('a client that stops reading a large answer holds the stop up only for the grace period', async () => {
    const app = express();
    // Streamed as a file or an export is: the response is not ended while the client holds its writes back.
    const chunk = Buffer.alloc(64 * 1024, 'x');
    app.get('/large', (_req, res) => {
      Readable.from(
        (function* () {
          for (let i = 0; i < 1024; i++) yield chunk;
        })(),
      ).pipe(res);
    });
    const { server, port } = await listen(app, 0);
    const socket = net.connect(port, '127.0.0.1');
    socket.write('GET /large HTTP/1.1\r\nHost: localhost\r\n\r\n');
    // One chunk read, then the client reads no more: the server's writes wait on a full socket buffer.
    await new Promise((resolve) => socket.once('data', resolve));
    socket.pause();
    const started = Date.now();
    await close(server);
    expect(Date.now() - started).toBeGreaterThanOrEqual(SERVER_CLOSE_GRACE_MS - 100);
    await new Promise((resolve) => socket.once('close', resolve).resume());
  }, 30_000);
});
