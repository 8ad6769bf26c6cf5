import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import { Redis } from 'ioredis';
import type { RedisConfig } from '../../common/config/rate-limit';
import type { ResponseCacheConfig } from '../../common/config/response-cache';
import { dataVersionChannel } from '../../common/data-version-channel';
import type { RequestContext } from '../../common/http/graphql';
import type { Metrics } from '../../common/http/metrics';
import type { Logger } from '../../common/logger';
import type { CostCheck } from '../limits/limits.plugin';
import { AcceptedOperations } from './accepted-operations';
import { cachedAnswers } from './cached-answers';
import { DataVersions } from './data-versions';
import { type ResponseCacheContext, responseCachePlugin } from './response-cache.plugin';
import { memoryStore, redisStore } from './response-store';
import type { TouchedSubgraphs } from './touched-subgraphs';

/** How much query text the memo of accepted operations keeps: thousands of distinct queries, a few MB at most. */
const ACCEPTED_TEXT_CHARS = 4 * 1024 * 1024;

export interface ResponseCache {
  plugin: ApolloServerPlugin<RequestContext & ResponseCacheContext>;
  /** Answers the hits it can before Apollo: mounted on `/graphql` after the rate limit, safelist and token limit. */
  answer: RequestHandler;
  store: 'memory' | 'redis';
  stop(): Promise<void>;
}

/**
 * The gateway's response cache: in memory by default, in Redis (shared by every replica, and told of imports and of
 * the other replicas' writes at once through pub/sub) when `REDIS_URL` is set.
 */
export async function startResponseCache(
  config: ResponseCacheConfig,
  redis: RedisConfig,
  subgraphs: Record<string, string>,
  touched: TouchedSubgraphs,
  /** The subgraphs that take writes through the gateways, whose versions the gateways share through Redis. */
  writable: ReadonlySet<string>,
  observers: { metrics: Metrics; logger: Logger },
  limits: { schema(): GraphQLSchema | undefined; overCost: CostCheck },
): Promise<ResponseCache> {
  const { metrics, logger } = observers;
  // The store's reads and writes have a deadline (a cut-off Redis answers nothing, so it must fail to fall back);
  // the subscriber waits for messages as long as it takes, so it has none.
  const connect = (role: string, commandTimeout?: number) => {
    const client = new Redis(redis.url!, { maxRetriesPerRequest: 1, commandTimeout });
    client.on('error', (error) => logger.warn({ err: error }, `response cache: Redis ${role} unavailable`));
    return client;
  };
  const storeClient = redis.url ? connect('store', redis.timeoutMs) : undefined;
  const store = storeClient
    ? redisStore(storeClient, `${redis.keyPrefix}cache:`, config.ttlMs)
    : memoryStore(config.maxBytes, config.ttlMs, () => metrics.cacheEvictions.inc());
  const versions = new DataVersions({
    subgraphs,
    pollMs: config.versionPollMs,
    subscriber: redis.url ? { client: connect('subscriber'), channel: dataVersionChannel(redis.keyPrefix) } : undefined,
    shared: storeClient ? { client: storeClient, key: `${redis.keyPrefix}data-versions`, subgraphs: writable } : undefined,
    onError: (subgraph, error) => logger.debug({ err: error, subgraph }, 'response cache: data version not read'),
  });
  await versions.start();
  // A store that fails (Redis away) must cost the answer nothing: the request runs as if uncached.
  const onStoreError = (error: unknown) => logger.warn({ err: error }, 'response cache: store unavailable');
  const accepted = new AcceptedOperations(ACCEPTED_TEXT_CHARS);
  const plugin = responseCachePlugin<RequestContext & ResponseCacheContext>({
    store,
    versions,
    touched,
    accepted,
    httpMaxAgeSeconds: config.httpMaxAgeSeconds,
    onStoreError,
    onHit: () => metrics.cacheLookups.inc({ result: 'hit' }),
    onMiss: () => metrics.cacheLookups.inc({ result: 'miss' }),
  });
  const answer = cachedAnswers({
    store,
    versions,
    accepted,
    schema: limits.schema,
    overCost: limits.overCost,
    httpMaxAgeSeconds: config.httpMaxAgeSeconds,
    onStoreError,
    // Counted as Apollo's plugins count the operations they see, so /metrics reads the same either way.
    onHit: (seconds) => {
      metrics.cacheLookups.inc({ result: 'hit' });
      metrics.operations.inc({ operation_type: 'query', status: '200' });
      metrics.operationDuration.observe({ operation_type: 'query' }, seconds);
    },
  });
  return {
    plugin,
    answer,
    store: store.kind,
    async stop() {
      await versions.stop();
      await store.close();
    },
  };
}
