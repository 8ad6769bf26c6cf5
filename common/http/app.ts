import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import compression from 'compression';
import cors from 'cors';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Level } from 'pino';
import type { HttpConfig } from '../config/http';
import { ErrorCode } from '../errors';
import type { Logger } from '../logger';
import type { Metrics } from './metrics';
import { jsonDepthLimit } from './json-depth';
import { traceRequests, tracingEnabled } from '../tracing';
import { requestLog } from './request-log';
import { sendError } from './respond';
import { socketRefusal } from './socket-refusal';

export interface ReadyReport {
  ready: boolean;
  /** What readiness depends on (the schema, each subgraph, the database), each up or down. */
  checks: Record<string, 'up' | 'down'>;
}

export interface HttpAppOptions {
  logger: Logger;
  metrics: Metrics;
  http: HttpConfig;
  /** The level of a successful request's log line (4xx are logged at warn, 5xx at error). */
  requestLogLevel?: Level;
  ready(): Promise<ReadyReport>;
  /** Adds the process's own routes (`/graphql`, pages) between the common front and the not-found answer. */
  routes(app: Express): void;
}

const KNOWN_ROUTES = new Set(['/graphql', '/export.csv', '/export.ndjson', '/health', '/ready', '/metrics']);

/**
 * The HTTP front every process serves (the gateway and each subgraph): request ids and JSON request logs,
 * metrics, security headers, CORS, compression, `/health`, `/ready`, `/metrics`, and coded answers for
 * every request that never reaches GraphQL.
 */
export function createHttpApp(options: HttpAppOptions): Express {
  const { logger, metrics } = options;
  const app = express();
  app.set('trust proxy', options.http.trustProxy);
  app.use(requestLog(logger, options.requestLogLevel ?? 'info'));
  if (tracingEnabled()) app.use(traceRequests(String(logger.bindings().name)));
  app.use((req, res, next) => {
    const route = KNOWN_ROUTES.has(req.path) ? req.path : 'other';
    const stopTimer = metrics.httpDuration.startTimer({ method: req.method, route });
    res.once('finish', () => {
      stopTimer();
      metrics.httpRequests.inc({ method: req.method, route, status: String(res.statusCode) });
      if (res.locals.errorCode) metrics.errors.inc({ code: res.locals.errorCode });
    });
    next();
  });
  app.use(
    helmet({
      // Pages served later from this origin (the explorer) load their scripts and styles from here, never a CDN.
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          // GraphiQL's stylesheet carries its fonts inline as data: URLs.
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // The API is public: dashboards on other origins read it (CORS below says so to browsers).
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    }),
  );
  // Open to every origin: the API is read-only and uses no cookies, so there is nothing for another site to abuse.
  app.use(cors({ origin: '*', methods: ['GET', 'HEAD', 'POST'], exposedHeaders: ['x-request-id', 'retry-after'], maxAge: 86_400 }));
  // compression wraps every response's writes and headers; a client that takes no encoding only needs the Vary.
  const compress = compression();
  app.use((req, res, next) => {
    if (req.headers['accept-encoding']) {
      compress(req, res, next);
      return;
    }
    res.vary('Accept-Encoding');
    next();
  });

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const report = await options.ready();
    res.status(report.ready ? 200 : 503).json(report);
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  options.routes(app);

  app.use((req, res) => {
    sendError(res, 404, ErrorCode.NOT_FOUND, `Nothing at ${req.path}: the API is at /graphql`);
  });
  app.use(clientErrors(logger, metrics));
  return app;
}

/**
 * The JSON reader of `/graphql` and the exports, with the size and nesting limits every process shares: the body, and
 * a GET's `variables` and `extensions`, are checked for depth before anything else reads them.
 */
export function jsonBody(config: HttpConfig): RequestHandler[] {
  return [express.json({ limit: config.maxBodyBytes }), jsonDepthLimit(config.maxJsonDepth)];
}

/**
 * Express reports body problems as errors with a status (body-parser's `type` says which); each becomes a
 * coded 4xx. Anything else is ours: logged with its stack and request id, answered 500 without details, and counted
 * by code. One that happens once an answer has started (an export under way) can only cut the transfer short.
 */
function clientErrors(logger: Logger, metrics: Metrics): ErrorRequestHandler {
  return (error, req, res, _next) => {
    if (res.headersSent) {
      logger.error({ err: error, requestId: req.id }, 'request failed after its answer started');
      metrics.errors.inc({ code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR });
      res.destroy();
      return;
    }
    const status = typeof error?.status === 'number' ? error.status : 500;
    if (error?.type === 'entity.too.large') {
      sendError(res, 413, ErrorCode.PAYLOAD_TOO_LARGE, `The request body is larger than ${error.limit} bytes`);
    } else if (error?.type === 'entity.parse.failed') {
      sendError(res, 400, ApolloServerErrorCode.BAD_REQUEST, 'The request body is not valid JSON');
    } else if (status >= 400 && status < 500) {
      sendError(res, status, ApolloServerErrorCode.BAD_REQUEST, String(error.message));
    } else {
      logger.error({ err: error, requestId: req.id }, 'request failed');
      sendError(res, 500, ApolloServerErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
    }
  };
}

/**
 * How long a server keeps an idle connection open: longer than clients keep theirs (the gateway's subgraph pool
 * `SUBGRAPH_KEEP_ALIVE_MS`, 4 s by default; Node's and undici's clients about as long; load balancers 60 s), so the
 * client closes an idle connection first and never writes a request on a socket the server is closing — with Node's
 * 5 s default, a POST sent on a connection idle that long could meet ECONNRESET (`socket hang up`), and a POST is
 * not retried.
 */
export const SERVER_KEEP_ALIVE_MS = 65_000;

/** What a server needs besides its app: its timeouts, and where its own refusals are logged and counted. */
export interface ServerFront {
  http: HttpConfig;
  logger: Logger;
  metrics: Metrics;
}

/**
 * Listens on `port` (0: any free one) and resolves with the port taken. A client has `HEADERS_TIMEOUT_MS` to send its
 * headers and `REQUEST_TIMEOUT_MS` for the whole request; Node checks every 30 s by default, which would let a stalled
 * client hold its socket that much longer, so the check runs at least every second. An idle keep-alive connection is
 * not counted against either (Node times only a request under way), so both may be shorter than the 65 s.
 */
export function listen(app: Express, port: number, front: ServerFront): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer(
    {
      ...expressMessages(app),
      keepAliveTimeout: SERVER_KEEP_ALIVE_MS,
      headersTimeout: front.http.headersTimeoutMs,
      requestTimeout: front.http.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, front.http.headersTimeoutMs),
    },
    app,
  );
  server.on('clientError', socketRefusal(front.logger, front.metrics));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve({ server, port: (server.address() as AddressInfo).port }));
  });
}

/**
 * Request and response classes whose prototypes are already Express's. Express gives every request and response its
 * own prototypes with `Object.setPrototypeOf` (expressjs/express#5998); V8 then keeps the pair's objects past the
 * young generation, so under load the old space fills with garbage: in a one-off experiment a bare Express app at ten
 * connections answered 2.3× fewer requests and peaked at 121 MiB of RSS instead of 70. Created with these, each
 * already has the prototype Express sets, and setting it again changes nothing (a test checks it). They are plain
 * constructor functions, not subclasses made with `Reflect.construct`, which V8 handles no better than the change.
 */
function expressMessages(app: Express): Pick<http.ServerOptions, 'IncomingMessage' | 'ServerResponse'> {
  function Request(this: http.IncomingMessage, socket: Socket) {
    http.IncomingMessage.call(this, socket);
  }
  Request.prototype = app.request;
  // Node passes the response its options (highWaterMark…) as a second argument its typings leave out.
  function Response(this: http.ServerResponse, ...args: [http.IncomingMessage]) {
    http.ServerResponse.apply(this, args);
  }
  Response.prototype = app.response;
  return {
    IncomingMessage: Request as unknown as typeof http.IncomingMessage,
    ServerResponse: Response as unknown as typeof http.ServerResponse,
  };
}

/** How long a stop lets the responses under way finish before it cuts their connections. */
export const SERVER_CLOSE_GRACE_MS = 10_000;

/**
 * Stops accepting connections and closes idle keep-alive ones, so `stop()` does not wait for clients to leave; a
 * response still being written after the grace period (a client that stopped reading a large file, say) has its
 * connection cut, so that no client can hold a stop up.
 */
export function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    const cut = setTimeout(() => server.closeAllConnections(), SERVER_CLOSE_GRACE_MS).unref();
    server.close(() => {
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}
