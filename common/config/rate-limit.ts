import { z } from 'zod';
import { optionalUrl, text, wholeNumber } from './env';

/**
 * Per-client request budget: `RATE_LIMIT_REQUESTS` per `RATE_LIMIT_WINDOW_SECONDS` (0 turns it off). In
 * memory unless `REDIS_URL` is set, in which case every gateway replica shares the counters under
 * `REDIS_KEY_PREFIX`.
 */
export const rateLimitModel = z
  .object({
    RATE_LIMIT_REQUESTS: wholeNumber(600, 0, 10_000_000),
    RATE_LIMIT_WINDOW_SECONDS: wholeNumber(60, 1, 86_400),
  })
  .transform((env) => ({ requests: env.RATE_LIMIT_REQUESTS, windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS }));
export type RateLimitConfig = z.output<typeof rateLimitModel>;

/**
 * The stricter budget of writes (mutations) per client: `WRITE_RATE_LIMIT_REQUESTS` per
 * `WRITE_RATE_LIMIT_WINDOW_SECONDS` (0 turns it off). Its own counters, so that writes never spend the read budget
 * and a flood of writes leaves the client's reads answered.
 */
export const writeRateLimitModel = z
  .object({
    WRITE_RATE_LIMIT_REQUESTS: wholeNumber(30, 0, 1_000_000),
    WRITE_RATE_LIMIT_WINDOW_SECONDS: wholeNumber(600, 1, 86_400),
  })
  .transform((env) => ({ requests: env.WRITE_RATE_LIMIT_REQUESTS, windowSeconds: env.WRITE_RATE_LIMIT_WINDOW_SECONDS }));

/**
 * `REDIS_TIMEOUT_MS`: how long a gateway waits for one Redis command (a rate-limit count, a cache read or write)
 * before it uses its fallback. A Redis cut off by the network refuses nothing, it just stops answering: without
 * this deadline every request would wait for TCP to give up, minutes later.
 */
export const redisModel = z
  .object({
    REDIS_URL: optionalUrl(/^rediss?:\/\/\S+$/, 'a redis:// URL'),
    REDIS_KEY_PREFIX: text('ftm:', /^[\w:.-]+$/, 'letters, digits, colons, dots, dashes and underscores'),
    REDIS_TIMEOUT_MS: wholeNumber(500, 10, 60_000),
  })
  .transform((env) => ({ url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX, timeoutMs: env.REDIS_TIMEOUT_MS }));
export type RedisConfig = z.output<typeof redisModel>;
