import type { RequestHandler } from 'express';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitConfig, RedisConfig } from '../common/config/rate-limit';
import { ErrorCode } from '../common/errors';
import { sendError } from '../common/http/respond';
import type { Logger } from '../common/logger';

export interface RateLimit {
  middleware: RequestHandler;
  /** Where the counters live: `memory`, or `redis` when the replicas share them. */
  store: 'memory' | 'redis';
  close(): Promise<void>;
}

/**
 * A budget of requests per client address and window. With Redis the gateway replicas share the counters;
 * should Redis fail, each replica falls back to counting in its own memory rather than refusing everyone
 * or letting everyone through.
 */
export async function createRateLimit(config: RateLimitConfig, redis: RedisConfig, logger: Logger): Promise<RateLimit | undefined> {
  if (config.requests === 0) return undefined;
  const options = { points: config.requests, duration: config.windowSeconds, keyPrefix: `${redis.keyPrefix}rate` };
  let client: Redis | undefined;
  let limiter: RateLimiterMemory | RateLimiterRedis = new RateLimiterMemory(options);
  if (redis.url) {
    // No offline queue: while Redis is away a count fails at once and the in-memory insurance answers.
    client = new Redis(redis.url, {
      enableOfflineQueue: false,
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      // A count Redis does not answer in time fails, so the in-memory insurance answers (Redis cut off, not down).
      commandTimeout: redis.timeoutMs,
    });
    client.on('error', (error) => logger.warn({ err: error }, 'rate limits: Redis unavailable, counting in memory meanwhile'));
    await client.connect().catch(() => undefined);
    limiter = new RateLimiterRedis({ ...options, storeClient: client, insuranceLimiter: new RateLimiterMemory(options) });
  }
  return {
    store: client ? 'redis' : 'memory',
    middleware: async (req, res, next) => {
      try {
        const state = await limiter.consume(req.ip ?? 'unknown');
        res.setHeader('ratelimit-remaining', String(state.remainingPoints));
        next();
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) {
          next(rejection);
          return;
        }
        res.setHeader('retry-after', String(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))));
        sendError(
          res,
          429,
          ErrorCode.RATE_LIMITED,
          `Over ${config.requests} requests in ${config.windowSeconds} s from this address; retry later.`,
        );
      }
    },
    async close() {
      if (client) await client.quit().catch(() => client?.disconnect());
    },
  };
}
