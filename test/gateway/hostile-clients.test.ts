import fs from 'node:fs';
import type http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import express from 'express';
import { buildSchema } from 'graphql';
import { listen } from '../../common/http/app';
import { createMetrics } from '../../common/http/metrics';
import { createLogger } from '../../common/logger';
import { readGatewayConfig } from '../../gateway/config';
import { type ExecutePage, exportRoute } from '../../gateway/export/export.route';
import type { RequestContext } from '../../common/http/graphql';
import { SUBGRAPHS } from '../../tools/subgraphs';
import { prepareSubgraph, serveSubgraph } from '../../subgraphs/kit/start-subgraph';
import type { RunningGateway } from '../../gateway/server';
import { startFederation, type TestFederation } from '../helpers/federation';
import { sample } from '../helpers/metrics';
import { dropDatabase, testConfig } from '../helpers/subgraph';

/** Every JSON line the gateways logged during the tests. */
const logged: Record<string, any>[] = [];
const logDestination = { write: (line: string) => logged.push(JSON.parse(line)) };

/** Fails, as an internal error would, every operation named `Injected`: outside execution, where Apollo's own log line has no id. */
const injectedFailure: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async responseForOperation({ operationName }) {
        if (operationName === 'Injected') throw new Error('injected failure');
        return null;
      },
    };
  },
};

let api: TestFederation;
/** The same production gateway with the response cache on (the federation's own runs without it). */
let cached: RunningGateway;
beforeAll(async () => {
  api = await startFederation({
    environment: 'production',
    logDestination,
    plugins: [injectedFailure],
    gatewayEnv: { LOG_LEVEL: 'info', HEADERS_TIMEOUT_MS: '300', REQUEST_TIMEOUT_MS: '600' },
  });
  cached = await api.anotherGateway({ NODE_ENV: 'production', RESPONSE_CACHE: 'true' });
}, 180_000);
afterAll(async () => {
  await api?.stop();
});

const baseOf = (gateway: RunningGateway) => gateway.url.replace('/graphql', '');
const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

async function refusal(response: Response) {
  const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
  return { status: response.status, code: body.errors[0].extensions.code };
}

function postJson(url: string, body: string, headers: Record<string, string> = {}) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

function getWith(url: string, parameters: Record<string, string>) {
  return fetch(`${url}?${new URLSearchParams(parameters)}`);
}

/** The value of the sample of `name` carrying every label given, in the Prometheus text of `base`/metrics. */
async function counted(base: string, name: string, labels: Record<string, string>): Promise<number> {
  return sample(await (await fetch(`${base}/metrics`)).text(), name, labels);
}

/**
 * Writes `text` on a new connection and resolves with everything the server sent once it closed the connection (the
 * client never closes it first): its status, its headers and its body.
 */
function exchange(port: number, text: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const answer = Buffer.concat(chunks).toString();
      const [head, body = ''] = answer.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body });
    });
    socket.write(text);
  });
}

describe('JSON nested without bound is refused before any other work', () => {
  const deepVariables = JSON.stringify({ query: '{ __typename }' }).replace(/}$/, `,"variables":{"a":${nested(5_000)}}}`);
  const deepExport = JSON.stringify({ query: '{ institutions { edges { node { id } } } }' }).replace(
    /}$/,
    `,"variables":{"a":${nested(5_000)}}}`,
  );

  test.each([
    ['off', () => api.gateway],
    ['on', () => cached],
  ])('5,000 levels of variables: a coded 4xx on /graphql and /export.csv, GET and POST, with the cache %s', async (_cache, gatewayOf) => {
    const gateway = gatewayOf();
    expect(deepVariables.length).toBeLessThan(11_000);
    expect(await refusal(await postJson(gateway.url, deepVariables))).toEqual({ status: 400, code: 'JSON_TOO_DEEP' });
    expect(await refusal(await postJson(`${baseOf(gateway)}/export.csv`, deepExport))).toEqual({ status: 400, code: 'JSON_TOO_DEEP' });
    // 5,000 levels do not fit in a URL (Node reads 16 KiB of headers); 1,000 do.
    for (const [levels, expected] of [
      [5_000, { status: 431, code: 'REQUEST_HEADERS_TOO_LARGE' }],
      [1_000, { status: 400, code: 'JSON_TOO_DEEP' }],
    ] as const) {
      const variables = `{"a":${nested(levels)}}`;
      expect(await refusal(await getWith(gateway.url, { query: '{ __typename }', variables }))).toEqual(expected);
      expect(
        await refusal(await getWith(`${baseOf(gateway)}/export.csv`, { query: '{ institutions { edges { node { id } } } }', variables })),
      ).toEqual(expected);
    }
    // The same question with shallow variables is answered, twice (the second from the cache when it is on).
    const shallow = JSON.stringify({ query: '{ __typename }', variables: { a: [[[1]]] } });
    for (let i = 0; i < 2; i++) expect(await (await postJson(gateway.url, shallow)).json()).toEqual({ data: { __typename: 'Query' } });
  });

  test('anywhere in the body: extensions, an unknown field, the body itself', async () => {
    for (const body of [
      `{"query":"{ __typename }","extensions":{"x":${nested(100)}}}`,
      `{"query":"{ __typename }","other":${nested(100)}}`,
      nested(100),
    ]) {
      expect(await refusal(await postJson(api.gateway.url, body))).toEqual({ status: 400, code: 'JSON_TOO_DEEP' });
    }
    expect(await refusal(await getWith(api.gateway.url, { query: '{ __typename }', extensions: `{"x":${nested(100)}}` }))).toEqual({
      status: 400,
      code: 'JSON_TOO_DEEP',
    });
  });

  test('MAX_JSON_DEPTH counts the levels of the body, and of GET variables as if they sat in one', async () => {
    const strict = await api.anotherGateway({ MAX_JSON_DEPTH: '4' });
    // body 1, variables 2, the outer list 3, the inner one 4.
    const within = { query: '{ __typename }', variables: { a: [[1]] } };
    const over = { query: '{ __typename }', variables: { a: [[[1]]] } };
    expect((await postJson(strict.url, JSON.stringify(within))).status).toBe(200);
    expect(await refusal(await postJson(strict.url, JSON.stringify(over)))).toEqual({ status: 400, code: 'JSON_TOO_DEEP' });
    expect((await getWith(strict.url, { query: within.query, variables: JSON.stringify(within.variables) })).status).toBe(200);
    expect(await refusal(await getWith(strict.url, { query: over.query, variables: JSON.stringify(over.variables) }))).toEqual({
      status: 400,
      code: 'JSON_TOO_DEEP',
    });
  });

  test('a subgraph refuses it too', async () => {
    expect(await refusal(await postJson(api.subgraphUrls.institutions, deepVariables))).toEqual({ status: 400, code: 'JSON_TOO_DEEP' });
  });
});

describe('an unexpected error', () => {
  test('is answered a masked 500, logged as JSON with the request id and its stack, and counted once by code', async () => {
    const base = baseOf(api.gateway);
    const before = await counted(base, 'ftm_errors_total', { code: 'INTERNAL_SERVER_ERROR' });
    const response = await postJson(api.gateway.url, JSON.stringify({ query: 'query Injected { __typename }' }), {
      'x-request-id': 'injected-graphql',
    });
    expect(await refusal(response)).toEqual({ status: 500, code: 'INTERNAL_SERVER_ERROR' });
    const exported = await getWith(`${base}/export.ndjson`, { query: 'query Injected { institutions { edges { node { id } } } }' });
    const exportId = exported.headers.get('x-request-id');
    expect(await refusal(exported)).toEqual({ status: 500, code: 'INTERNAL_SERVER_ERROR' });
    for (const requestId of ['injected-graphql', exportId]) {
      const line = logged.find((candidate) => candidate.requestId === requestId && candidate.level === 50);
      expect(line).toEqual(expect.objectContaining({ name: 'gateway', msg: 'internal error: injected failure' }));
      expect(line?.err?.stack).toMatch(/\n\s+at /);
    }
    expect(await counted(base, 'ftm_errors_total', { code: 'INTERNAL_SERVER_ERROR' })).toBe(before + 2);
    // Apollo's own words about it are a JSON line too (every line here was parsed as JSON).
    expect(logged.some((line) => line.component === 'apollo' && /Unexpected error processing request/.test(line.msg))).toBe(true);
  });
});

describe("the HTTP server's own refusals are coded JSON, logged and counted", () => {
  const port = () => Number(new URL(api.gateway.url).port);

  test('a 60 kB GET gets 431 REQUEST_HEADERS_TOO_LARGE, on the gateway and on a subgraph', async () => {
    const base = baseOf(api.gateway);
    const before = await counted(base, 'ftm_errors_total', { code: 'REQUEST_HEADERS_TOO_LARGE' });
    for (const url of [api.gateway.url, api.subgraphUrls.budgets]) {
      const response = await getWith(url, { query: `{ __typename }${' '.repeat(60_000)}` });
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const requestId = response.headers.get('x-request-id');
      expect(await refusal(response)).toEqual({ status: 431, code: 'REQUEST_HEADERS_TOO_LARGE' });
      expect(logged.find((line) => line.requestId === requestId)).toEqual(
        expect.objectContaining({ level: 40, code: 'REQUEST_HEADERS_TOO_LARGE', status: 431 }),
      );
    }
    expect(await counted(base, 'ftm_errors_total', { code: 'REQUEST_HEADERS_TOO_LARGE' })).toBe(before + 1);
  });

  test.each([
    ['a malformed header', 400, 'BAD_REQUEST', 'GET /graphql HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n'],
    ['an invalid method', 400, 'BAD_REQUEST', 'G@T /graphql HTTP/1.1\r\nHost: x\r\n\r\n'],
    [
      'chunk extensions over 16 KiB',
      413,
      'PAYLOAD_TOO_LARGE',
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2;${'e'.repeat(20_000)}\r\n{}\r\n`,
    ],
    ['headers that stop coming', 408, 'REQUEST_TIMEOUT', 'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: appl'],
    [
      'a body that stops coming',
      408,
      'REQUEST_TIMEOUT',
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":',
    ],
  ])('%s: %d %s, then the connection is closed', async (_case, status, code, request) => {
    const before = await counted(baseOf(api.gateway), 'ftm_errors_total', { code });
    const answer = await exchange(port(), request);
    expect(answer.status).toBe(status);
    expect(answer.headers).toContain('content-type: application/json; charset=utf-8');
    expect(answer.headers).toMatch(/x-request-id: [\w-]{36}/);
    expect(JSON.parse(answer.body)).toEqual({ errors: [{ message: expect.any(String), extensions: { code } }] });
    expect(await counted(baseOf(api.gateway), 'ftm_errors_total', { code })).toBe(before + 1);
  });

  test('an idle keep-alive connection is not held to the headers timeout: only a request under way is', async () => {
    const socket = net.connect(port(), '127.0.0.1');
    const read = () => new Promise<string>((resolve) => socket.once('data', (chunk) => resolve(chunk.toString().split('\r\n')[0])));
    socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(await read()).toBe('HTTP/1.1 200 OK');
    // Three times REQUEST_TIMEOUT_MS, idle: the connection still serves.
    await new Promise((resolve) => setTimeout(resolve, 1_800));
    socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(await read()).toBe('HTTP/1.1 200 OK');
    socket.destroy();
  });

  test("a subgraph's server has the same timeouts", async () => {
    const config = testConfig({ LOAD_SAMPLE: 'false', HEADERS_TIMEOUT_MS: '300', REQUEST_TIMEOUT_MS: '600' });
    const prepared = await prepareSubgraph(SUBGRAPHS.institutions, config);
    const served = await serveSubgraph(prepared, 0);
    try {
      const answer = await exchange(
        served.port,
        'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{',
      );
      expect([answer.status, JSON.parse(answer.body).errors[0].extensions.code]).toEqual([408, 'REQUEST_TIMEOUT']);
    } finally {
      await served.stop();
      await prepared.close();
      await dropDatabase(config, 'institutions');
    }
  }, 60_000);
});

describe('exports a public server can afford', () => {
  test('each page counts against the rate limit, so a client running full exports is refused sooner than one asking pages', async () => {
    const { data } = await api.query('{ institutions { totalCount } }');
    const institutions = data?.institutions.totalCount as number;
    // Twelve requests a window, five rows a page: a full export takes more than the whole budget.
    expect(institutions).toBeGreaterThan(12 * 5);
    const env = { RATE_LIMIT_REQUESTS: '12', MAX_PAGE_SIZE: '5' };
    const [pages, exports] = [await api.anotherGateway(env), await api.anotherGateway(env)];
    const page = JSON.stringify({ query: '{ institutions(first: 5) { edges { node { id } } } }' });
    let answered = 0;
    for (let response = await postJson(pages.url, page); response.status === 200; response = await postJson(pages.url, page)) {
      answered += 1;
      await response.arrayBuffer();
    }
    expect(answered).toBe(12);

    const full = { query: '{ institutions { edges { node { id } } } }' };
    const first = await getWith(`${baseOf(exports)}/export.ndjson`, full);
    expect(first.status).toBe(200);
    const lines = (await first.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    // Cut after the twelfth page with an error line, never a file that looks complete.
    expect(lines).toHaveLength(12 * 5 + 1);
    expect(lines.at(-1)).toEqual({ error: expect.stringMatching(/^Over 12 requests/), code: 'RATE_LIMITED', rowsWritten: 60 });
    expect(await refusal(await getWith(`${baseOf(exports)}/export.csv`, full))).toEqual({ status: 429, code: 'RATE_LIMITED' });
  });

  test('an export whose client stops reading is closed after EXPORT_STALL_TIMEOUT_MS, and asks for no more pages', async () => {
    const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../schema/supergraph.graphql'), 'utf8'));
    // Pages without end, each far larger than what the sockets buffer between them.
    let executed = 0;
    const execute: ExecutePage = async () => {
      executed += 1;
      const edges = Array.from({ length: 100 }, (_, i) => ({ node: { id: `${executed}-${i}`, name: 'x'.repeat(10_000) } }));
      return { data: { institutions: { edges, pageInfo: { hasNextPage: true, endCursor: String(executed) } } } };
    };
    const app = express();
    app.get('/export.csv', exportRoute('csv', { schema: () => schema, pageSize: 100, stallTimeoutMs: 200, execute }));
    const front = { http: readGatewayConfig({}).http, logger: createLogger('test', { level: 'silent' }), metrics: createMetrics('test') };
    const { server, port } = await listen(app, 0, front);
    const socket = net.connect(port, '127.0.0.1');
    socket.write(
      `GET /export.csv?query=${encodeURIComponent('{ institutions { edges { node { id name } } } }')} HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    await new Promise((resolve) => socket.once('data', resolve));
    socket.pause();
    const connections = () => new Promise<number>((resolve) => server.getConnections((_error, count) => resolve(count)));
    while ((await connections()) > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    const stoppedAt = executed;
    await new Promise((resolve) => socket.once('close', resolve).resume());
    expect(executed).toBe(stoppedAt);
    await new Promise<void>((resolve) => (server as http.Server).close(() => resolve()));
  });
});
