import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { SubgraphContext } from './context';
import { outlastClientKeepAlive } from './keep-alive';

/** Entity batches for a long list can be large; Apollo's standalone server allows the same. */
const MAX_BODY_BYTES = 50 * 1024 * 1024;

export interface ServedSubgraph {
  url: string;
  httpServer: http.Server;
}

/**
 * Starts the Apollo server and serves it over HTTP. Apollo's standalone server hides its `http.Server`, whose keep-alive must be
 * set (see keep-alive.ts); this is the same request path — JSON body to `executeHTTPGraphQLRequest` — on a
 * server the kit owns.
 */
export async function serveSubgraph(
  server: ApolloServer<SubgraphContext>,
  context: () => SubgraphContext,
  port: number,
): Promise<ServedSubgraph> {
  const httpServer = outlastClientKeepAlive(
    http.createServer((req, res) => {
      handle(server, context, req, res).catch((error: unknown) => {
        console.error('subgraph: request failed', error);
        if (!res.headersSent) send(res, 500, 'Internal server error');
        else res.destroy();
      });
    }),
  );
  // As in Apollo's standalone server: stopping the Apollo server closes the HTTP server, letting requests finish.
  server.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer }));
  await server.start();
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, () => resolve());
  });
  const url = `http://localhost:${(httpServer.address() as AddressInfo).port}/`;
  return { url, httpServer };
}

async function handle(
  server: ApolloServer<SubgraphContext>,
  context: () => SubgraphContext,
  req: http.IncomingMessage,
  res: http.ServerResponse,
) {
  let body: unknown;
  if (req.method === 'POST') {
    const text = await readBody(req);
    if (text === null) return send(res, 413, `Request body over ${MAX_BODY_BYTES} bytes`);
    if ((req.headers['content-type'] ?? '').includes('json') && text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        return send(res, 400, 'The request body is not valid JSON');
      }
    } else {
      body = text;
    }
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const response = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: (req.method ?? 'GET').toUpperCase(),
      headers,
      search: new URL(req.url ?? '/', 'http://subgraph').search,
      body,
    },
    context: async () => context(),
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

/** The body as text, or null when it is over the limit (read to the end so the 413 reaches the client). */
function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, message: string) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] }));
}
