import { z } from 'zod';
import { text, wholeNumber } from './env';

/**
 * `MAX_BODY_BYTES`: the largest request body read (larger ones get a coded 413).
 * `MAX_JSON_DEPTH`: how deeply a request's JSON (a POST body, a GET's `variables` or `extensions`) may nest arrays and
 * objects; deeper is a coded 400 before any other work, since code that walks JSON (a cache key, a log line, a
 * forwarded request) recurses once per level.
 * `HEADERS_TIMEOUT_MS` / `REQUEST_TIMEOUT_MS`: how long a client may take to send a request's headers, and the whole
 * request with its body; a client that stalls is answered a coded 408 and disconnected.
 * `TRUST_PROXY`: which proxies may name the client in X-Forwarded-For — `false` (the socket's address is the
 * client), `true`, a hop count, or addresses/subnets (Express's `trust proxy` values). Rate limits key on it.
 */
export const httpModel = z
  .object({
    MAX_BODY_BYTES: wholeNumber(1_000_000, 1_000, 100_000_000),
    MAX_JSON_DEPTH: wholeNumber(32, 2, 1_000),
    HEADERS_TIMEOUT_MS: wholeNumber(20_000, 100, 600_000),
    REQUEST_TIMEOUT_MS: wholeNumber(30_000, 100, 600_000),
    TRUST_PROXY: text('false', /^(true|false|\d+|[\w.:/, -]+)$/, 'true, false, a hop count or a list of addresses'),
  })
  .superRefine(
    (env, ctx) => {
      // Node refuses to start a server whose headers may take longer than the whole request.
      if (
        typeof env.HEADERS_TIMEOUT_MS === 'number' &&
        typeof env.REQUEST_TIMEOUT_MS === 'number' &&
        env.HEADERS_TIMEOUT_MS > env.REQUEST_TIMEOUT_MS
      ) {
        ctx.addIssue({ code: 'custom', message: 'HEADERS_TIMEOUT_MS must not exceed REQUEST_TIMEOUT_MS' });
      }
    },
    { when: () => true },
  )
  .transform((env) => ({
    maxBodyBytes: env.MAX_BODY_BYTES,
    maxJsonDepth: env.MAX_JSON_DEPTH,
    headersTimeoutMs: env.HEADERS_TIMEOUT_MS,
    requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
    trustProxy: trustProxyValue(env.TRUST_PROXY),
  }));
export type HttpConfig = z.output<typeof httpModel>;

/** Express's `trust proxy` value from its text form. */
export function trustProxyValue(value: string): boolean | number | string[] {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((entry) => entry.trim());
}
