import { z } from 'zod';
import { flag, wholeNumber } from './env';

/**
 * The gateway's response cache. Answers are keyed on the operation, its variables and the data versions of the
 * subgraphs it touches, so an import makes exactly the answers it could change unreachable; the versions are
 * polled every `DATA_VERSION_POLL_MS` and, with `REDIS_URL`, refreshed the moment an import announces itself.
 */
export const responseCacheModel = z
  .object({
    RESPONSE_CACHE: flag(true),
    RESPONSE_CACHE_MAX_MB: wholeNumber(64, 1, 65_536),
    RESPONSE_CACHE_TTL_SECONDS: wholeNumber(3_600, 1, 604_800),
    DATA_VERSION_POLL_MS: wholeNumber(2_000, 100, 3_600_000),
    HTTP_CACHE_MAX_AGE_SECONDS: wholeNumber(0, 0, 86_400),
  })
  .transform((env) => ({
    enabled: env.RESPONSE_CACHE,
    maxBytes: env.RESPONSE_CACHE_MAX_MB * 1024 * 1024,
    ttlMs: env.RESPONSE_CACHE_TTL_SECONDS * 1000,
    versionPollMs: env.DATA_VERSION_POLL_MS,
    /** `Cache-Control: max-age` of GET answers (0: `no-cache`, revalidate with the ETag every time). */
    httpMaxAgeSeconds: env.HTTP_CACHE_MAX_AGE_SECONDS,
  }));
export type ResponseCacheConfig = z.output<typeof responseCacheModel>;
