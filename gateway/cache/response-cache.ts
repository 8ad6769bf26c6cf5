import type { ApolloServerPlugin } from '@apollo/server';
import { Redis } from 'ioredis';
import type { RedisConfig } from '../../common/config/rate-limit';
import type { ResponseCacheConfig } from '../../common/config/response-cache';
import { dataVersionChannel } from '../../common/data-version-channel';
import type { RequestContext } from '../../common/http/graphql';
import type { Metrics } from '../../common/http/metrics';
import type { Logger } from '../../common/logger';
import { DataVersions } from './data-versions';
import { responseCachePlugin } from './response-cache.plugin';
import { memoryStore, redisStore } from './response-store';
import { TouchedSubgraphs } from './touched-subgraphs';

export interface ResponseCache {
  plugin: ApolloServerPlugin<RequestContext>;
  store: 'memory' | 'redis';
  stop(): Promise<void>;
}

/**
 * The gateway's response cache: in memory by default, in Redis (shared by every replica, and told of imports at
 * once through pub/sub) when `REDIS_URL` is set.
 */
export async function startResponseCache(
  config: ResponseCacheConfig,
  redis: RedisConfig,
  subgraphs: Record<string, string>,
  supergraphSdl: string,
  observers: { metrics: Metrics; logger: Logger },
): Promise<ResponseCache> {
  const { metrics, logger } = observers;
  const connect = (role: string) => {
    const client = new Redis(redis.url!, { maxRetriesPerRequest: 1 });
    client.on('error', (error) => logger.warn({ err: error }, `response cache: Redis ${role} unavailable`));
    return client;
  };
  const store = redis.url
    ? redisStore(connect('store'), `${redis.keyPrefix}cache:`, config.ttlMs)
    : memoryStore(config.maxBytes, config.ttlMs, () => metrics.cacheEvictions.inc());
  const versions = new DataVersions({
    subgraphs,
    pollMs: config.versionPollMs,
    subscriber: redis.url ? { client: connect('subscriber'), channel: dataVersionChannel(redis.keyPrefix) } : undefined,
    onError: (subgraph, error) => logger.debug({ err: error, subgraph }, 'response cache: data version not read'),
  });
  await versions.start();
  const plugin = responseCachePlugin<RequestContext>({
    store,
    versions,
    touched: new TouchedSubgraphs(supergraphSdl),
    httpMaxAgeSeconds: config.httpMaxAgeSeconds,
    // A store that fails (Redis away) must cost the answer nothing: the request runs as if uncached.
    onStoreError: (error) => logger.warn({ err: error }, 'response cache: store unavailable'),
    onHit: () => metrics.cacheLookups.inc({ result: 'hit' }),
    onMiss: () => metrics.cacheLookups.inc({ result: 'miss' }),
  });
  return {
    plugin,
    store: store.kind,
    async stop() {
      await versions.stop();
      await store.close();
    },
  };
}
