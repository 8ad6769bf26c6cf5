import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler, Response } from 'express';
import { type Level, stdSerializers } from 'pino';
import type { Logger } from '../logger';

declare module 'node:http' {
  interface IncomingMessage {
    /** The request's id: the client's `x-request-id` when it is safe to log, else a new UUID. */
    id: string;
  }
}

const UNLOGGED_QUERY = 'queryStringUnlogged';

/**
 * Keeps this request's query string out of its log line: a client that sends a write by GET (refused) puts its texts,
 * personal data included, in the URL.
 */
export function leaveQueryStringUnlogged(res: Response): void {
  res.locals[UNLOGGED_QUERY] = true;
}

/** An incoming request id is kept only if it cannot forge log lines or grow without bound. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;
/** Probes come every few seconds; their lines would drown the requests that matter. */
const UNLOGGED = new Set(['/health', '/ready', '/metrics']);

/**
 * Gives every request its id (answered in `x-request-id`) and logs one JSON line when it ends, in pino-http's shape
 * (`req`, `res`, `responseTime`; `request completed`, `request errored` or `request aborted`): `successLevel` for a
 * success, warn for a 4xx, error for a 5xx. pino-http builds a child logger per request, serialising the request on
 * the spot even when the line will not be written; here the line is put together only if its level is enabled.
 */
export function requestLog(logger: Logger, successLevel: Level): RequestHandler {
  return (req, res, next) => {
    const given = req.headers['x-request-id'];
    req.id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', req.id);
    if (UNLOGGED.has(pathOf(req))) {
      next();
      return;
    }
    const started = performance.now();
    // Taken now: later handlers may rewrite the URL (a persisted operation's hash becomes its text).
    const request = stdSerializers.req(req);
    const ended = (error?: Error) => {
      res.removeListener('finish', ended);
      res.removeListener('close', ended);
      res.removeListener('error', ended);
      const level = error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : successLevel;
      if (!logger.isLevelEnabled(level)) return;
      const logged = res.locals[UNLOGGED_QUERY] ? { ...request, url: pathOf(request), query: {} } : request;
      const line = { req: logged, res: stdSerializers.res(res as ServerResponse), responseTime: Math.round(performance.now() - started) };
      if (error) logger[level]({ ...line, err: error }, 'request errored');
      else if (!res.writableFinished) logger[level](line, 'request aborted');
      else logger[level](line, 'request completed');
    };
    res.on('finish', ended);
    res.on('close', ended);
    res.on('error', ended);
    next();
  };
}

function pathOf(req: Pick<IncomingMessage, 'url'>): string {
  return (req.url ?? '/').split('?')[0];
}
