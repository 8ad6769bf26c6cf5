import type { Request, RequestHandler } from 'express';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitConfig, RedisConfig } from '../common/config/rate-limit';
import { ErrorCode } from '../common/errors';
import { sendError } from '../common/http/respond';
import type { Logger } from '../common/logger';

/** One budget: its counters' key space, what it counts (in the refusal), and the requests it leaves to others. */
export interface Budget {
  config: RateLimitConfig;
  /** `rate`, `write-rate`: after `REDIS_KEY_PREFIX`, so that each budget has counters of its own. */
  name: string;
  /** `requests`, `writes`. */
  counts: string;
  /** Requests this budget does not count (another one does). */
  skip?(req: Request): boolean;
}

export interface RateLimitRefusal {
  message: string;
  retryAfterSeconds: number;
}

export interface RateLimits {
  /** The middleware of the budget named so, alone in the list, or nothing when that budget is off (0 requests). */
  budget(name: string): RequestHandler[];
  /**
   * Takes one more request from the client's budget named so, for work a request does beyond its first (each further
   * page of an export): the refusal's message and seconds to wait when the budget is spent, else undefined.
   */
  charge(name: string, req: Request): Promise<RateLimitRefusal | undefined>;
  /** Where the counters live: `memory`, or `redis` when the replicas share them; undefined when every budget is off. */
  store?: 'memory' | 'redis';
  close(): Promise<void>;
}

/**
 * Budgets of requests per client address and window, sharing one Redis connection. With Redis the gateway replicas
 * share the counters; should Redis fail, each replica falls back to counting in its own memory rather than refusing
 * everyone or letting everyone through.
 */
export async function createRateLimits(budgets: Budget[], redis: RedisConfig, logger: Logger): Promise<RateLimits> {
  const active = budgets.filter((budget) => budget.config.requests > 0);
  if (active.length === 0) return { budget: () => [], charge: async () => undefined, close: async () => undefined };
  let client: Redis | undefined;
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
  }
  const consumers = new Map(active.map((budget) => [budget.name, budgetConsumer(budget, `${redis.keyPrefix}${budget.name}`, client)]));
  const middlewares = new Map(active.map((budget) => [budget.name, budgetMiddleware(budget, consumers.get(budget.name)!)]));
  return {
    store: client ? 'redis' : 'memory',
    budget: (name) => {
      const middleware = middlewares.get(name);
      return middleware ? [middleware] : [];
    },
    async charge(name, req) {
      const consume = consumers.get(name);
      const state = consume ? await consume(req) : undefined;
      return state instanceof RateLimiterRes ? undefined : state;
    },
    async close() {
      if (client) await client.quit().catch(() => client?.disconnect());
    },
  };
}

type Consume = (req: Request) => Promise<RateLimiterRes | RateLimitRefusal>;

/** The remaining budget after this request, or the refusal; a failure of the limiter itself is thrown. */
function budgetConsumer(budget: Budget, keyPrefix: string, client: Redis | undefined): Consume {
  const { config } = budget;
  const options = { points: config.requests, duration: config.windowSeconds, keyPrefix };
  const limiter = client
    ? new RateLimiterRedis({ ...options, storeClient: client, insuranceLimiter: new RateLimiterMemory(options) })
    : new RateLimiterMemory(options);
  return async (req) => {
    try {
      return await limiter.consume(req.ip ?? 'unknown');
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return {
        message: `Over ${config.requests} ${budget.counts} in ${config.windowSeconds} s from this address; retry later.`,
        retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
      };
    }
  };
}

function budgetMiddleware(budget: Budget, consume: Consume): RequestHandler {
  return async (req, res, next) => {
    if (budget.skip?.(req)) {
      next();
      return;
    }
    let state: RateLimiterRes | RateLimitRefusal;
    try {
      state = await consume(req);
    } catch (error) {
      next(error);
      return;
    }
    if (state instanceof RateLimiterRes) {
      res.setHeader('ratelimit-remaining', String(state.remainingPoints));
      next();
      return;
    }
    res.setHeader('retry-after', String(state.retryAfterSeconds));
    sendError(res, 429, ErrorCode.RATE_LIMITED, state.message);
  };
}
