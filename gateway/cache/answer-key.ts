import { createHash } from 'node:crypto';
import type { DataVersions } from './data-versions';

// The key and headers of a cached answer, for both places that answer from the cache: the lookup in front of Apollo
// (cached-answers.ts) and Apollo's plugin (response-cache.plugin.ts). They must agree to the byte: a key one of them
// builds is looked up by the other, and a client sees either's headers for the same question.

/** A question as the cache keys it: the digest of its document, its operation and its variables. */
export interface CachedQuestion {
  digest: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

/**
 * The key of the answer to `question` now: the subgraphs' data versions are caught up with the other gateways' writes
 * first, so that no answer from before a write is found.
 */
export async function answerKey(versions: DataVersions, question: CachedQuestion, subgraphs: readonly string[]): Promise<string> {
  await versions.catchUp(subgraphs);
  return cacheKey(question.digest, question.operationName, question.variables, versions.keyOf(subgraphs));
}

/**
 * The headers of an answer the cache looked up: `x-cache`, and for a GET the `ETag` made of the key (so `If-None-Match`
 * gets 304 once nothing the answer depends on has changed) and `Cache-Control` (`max-age` when set, else revalidate).
 */
export function answerHeaders(key: string, hit: boolean, method: string | undefined, httpMaxAgeSeconds: number): [string, string][] {
  const headers: [string, string][] = [['x-cache', hit ? 'HIT' : 'MISS']];
  if (method === 'GET') {
    headers.push(['etag', `"${key}"`]);
    headers.push(['cache-control', httpMaxAgeSeconds > 0 ? `public, max-age=${httpMaxAgeSeconds}` : 'no-cache']);
  }
  return headers;
}

/** The response cache key: the question (document, operation, variables) and the data versions its answer read. */
function cacheKey(digest: string, operationName: string | undefined, variables: Record<string, unknown> | undefined, versions: string) {
  return createHash('sha256')
    .update(digest)
    .update('\0')
    .update(operationName ?? '')
    .update('\0')
    .update(stableJson(variables ?? {}))
    .update('\0')
    .update(versions)
    .digest('base64url');
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` share one cache entry. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
