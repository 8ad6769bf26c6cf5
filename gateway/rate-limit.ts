import type { Request, RequestHandler } from 'express';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitConfig, RedisConfig } from '../common/config/rate-limit';
import { ErrorCode } from '../common/errors';
import { sendError } from '../common/http/respond';
import type { Logger } from '../common/logger';

export interface RateLimit {
  middleware: RequestHandler;
  /**
   * Takes one more request from the client's budget, for work a request does beyond its first (each further page of an
   * export): the refusal's message and seconds to wait when the budget is spent, else undefined.
   */
  charge(req: Request): Promise<RateLimitRefusal | undefined>;
  /** Where the counters live: `memory`, or `redis` when the replicas share them. */
  store: 'memory' | 'redis';
  close(): Promise<void>;
}

export interface RateLimitRefusal {
  message: string;
  retryAfterSeconds: number;
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
    client = new Redis(redis.url, { enableOfflineQueue: false, lazyConnect: true, maxRetriesPerRequest: 1 });
    client.on('error', (error) => logger.warn({ err: error }, 'rate limits: Redis unavailable, counting in memory meanwhile'));
    await client.connect().catch(() => undefined);
    limiter = new RateLimiterRedis({ ...options, storeClient: client, insuranceLimiter: new RateLimiterMemory(options) });
  }
  /** The remaining budget after this request, or the refusal; a failure of the limiter itself is thrown. */
  const consume = async (req: Request): Promise<RateLimiterRes | RateLimitRefusal> => {
    try {
      return await limiter.consume(req.ip ?? 'unknown');
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return {
        message: `Over ${config.requests} requests in ${config.windowSeconds} s from this address; retry later.`,
        retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
      };
    }
  };
  return {
    store: client ? 'redis' : 'memory',
    middleware: async (req, res, next) => {
      const state = await consume(req);
      if (state instanceof RateLimiterRes) {
        res.setHeader('ratelimit-remaining', String(state.remainingPoints));
        next();
        return;
      }
      res.setHeader('retry-after', String(state.retryAfterSeconds));
      sendError(res, 429, ErrorCode.RATE_LIMITED, state.message);
    },
    async charge(req) {
      const state = await consume(req);
      return state instanceof RateLimiterRes ? undefined : state;
    },
    async close() {
      if (client) await client.quit().catch(() => client?.disconnect());
    },
  };
}
