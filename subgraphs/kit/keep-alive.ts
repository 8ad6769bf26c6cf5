import type http from 'node:http';

/**
 * How long a subgraph keeps an idle connection open. The gateway's pool drops idle sockets after
 * `SUBGRAPH_KEEP_ALIVE_MS` (4 s by default), well before this, so the client always closes first and never
 * writes a request on a socket the server is closing (the source of `socket hang up` under load).
 */
export const SERVER_KEEP_ALIVE_MS = 65_000;

/** Applies the keep-alive above to any HTTP server that serves a subgraph, whatever framework runs on it. */
export function outlastClientKeepAlive<T extends http.Server>(server: T): T {
  server.keepAliveTimeout = SERVER_KEEP_ALIVE_MS;
  // Node counts an idle keep-alive connection against headersTimeout too; a shorter one would close it first.
  server.headersTimeout = SERVER_KEEP_ALIVE_MS + 1_000;
  return server;
}
