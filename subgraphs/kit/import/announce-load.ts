import { Redis } from 'ioredis';
import type { RedisConfig } from '../../../common/config/rate-limit';
import { dataVersionChannel } from '../../../common/data-version-channel';
import type { SubgraphName } from '../../../common/config/subgraphs';

/**
 * Tells the gateways that `subgraph` committed a load (when Redis is configured). Best effort by design: the load
 * is already committed, and a gateway that misses the message sees the new version at its next poll.
 */
export async function announceLoad(redis: RedisConfig, subgraph: SubgraphName): Promise<void> {
  if (!redis.url) return;
  const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.publish(dataVersionChannel(redis.keyPrefix), subgraph);
  } catch {
    // Nothing to do: the gateways' polling covers a missed announcement.
  } finally {
    client.disconnect();
  }
}
