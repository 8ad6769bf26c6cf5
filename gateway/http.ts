import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

const MAX_BODY_BYTES = 1_000_000;

export interface HealthReport {
  status: 'ok' | 'degraded';
  subgraphs: Record<string, 'up' | 'down'>;
}

/**
 * A plain Node HTTP front for the gateway: `/health` for orchestrators, everything else to Apollo.
 * Apollo's standalone server has no routes of its own, hence this small adapter.
 */
export function createHttpServer(server: ApolloServer<BaseContext>, health: () => Promise<HealthReport>): http.Server {
  return http.createServer((req, res) => {
    handle(server, health, req, res).catch((error: unknown) => {
      console.error('gateway: request failed', error);
      if (!res.headersSent)
        send(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    });
  });
}

async function handle(
  server: ApolloServer<BaseContext>,
  health: () => Promise<HealthReport>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
) {
  const url = new URL(req.url ?? '/', 'http://gateway');
  if (url.pathname === '/health') {
    const report = await health();
    send(res, report.status === 'ok' ? 200 : 503, report);
    return;
  }
  if (url.pathname !== '/graphql' && url.pathname !== '/') {
    send(res, 404, { error: `Nothing at ${url.pathname}: the API is at /graphql` });
    return;
  }
  let body: unknown;
  if (req.method === 'POST') {
    const text = await readBody(req);
    if (text === null) {
      send(res, 413, { errors: [{ message: `Request body over ${MAX_BODY_BYTES} bytes`, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    try {
      body = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      send(res, 400, { errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const response = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
    context: async () => ({}),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, payload: unknown) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(payload));
}

export function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve((server.address() as AddressInfo).port));
  });
}
