import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

/** Where cached responses live: in this process (bounded LRU) or in Redis, shared by every gateway replica. */
export interface ResponseStore {
  readonly kind: 'memory' | 'redis';
  get(key: string): Promise<string | undefined>;
  set(key: string, response: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * An LRU bounded by the bytes of the responses it holds, so a few huge answers cannot push memory past the limit.
 * Entries also expire after `ttlMs`: a data version never goes stale, but an answer nobody asks for again should
 * not sit in memory for ever.
 */
export function memoryStore(maxBytes: number, ttlMs: number, onEviction: () => void): ResponseStore {
  const cache = new LRUCache<string, string>({
    maxSize: maxBytes,
    sizeCalculation: (value, key) => value.length + key.length,
    ttl: ttlMs,
    dispose: (_value, _key, reason) => {
      if (reason === 'evict') onEviction();
    },
  });
  return {
    kind: 'memory',
    get: async (key) => cache.get(key),
    set: async (key, response) => {
      // A response larger than the whole cache would only evict everything else and then itself.
      if (response.length < maxBytes) cache.set(key, response);
    },
    close: async () => cache.clear(),
  };
}

/** Redis with a TTL per answer (Redis' own `maxmemory` policy bounds the total). Keys carry `prefix`. */
export function redisStore(redis: Redis, prefix: string, ttlMs: number): ResponseStore {
  return {
    kind: 'redis',
    get: async (key) => (await redis.get(`${prefix}${key}`)) ?? undefined,
    set: async (key, response) => {
      await redis.set(`${prefix}${key}`, response, 'PX', ttlMs);
    },
    close: async () => {
      await redis.quit();
    },
  };
}
