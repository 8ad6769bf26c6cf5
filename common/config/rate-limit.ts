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

export const redisModel = z
  .object({
    REDIS_URL: optionalUrl(/^rediss?:\/\/\S+$/, 'a redis:// URL'),
    REDIS_KEY_PREFIX: text('ftm:', /^[\w:.-]+$/, 'letters, digits, colons, dots, dashes and underscores'),
  })
  .transform((env) => ({ url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX }));
export type RedisConfig = z.output<typeof redisModel>;
