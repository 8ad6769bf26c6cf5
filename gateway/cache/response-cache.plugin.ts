import { createHash } from 'node:crypto';
import { type ApolloServerPlugin, type BaseContext, type GraphQLRequestContext, HeaderMap } from '@apollo/server';
import { type FormattedExecutionResult, print } from 'graphql';
import type { DataVersions } from './data-versions';
import type { ResponseStore } from './response-store';
import type { TouchedSubgraphs } from './touched-subgraphs';

export interface ResponseCacheOptions {
  store: ResponseStore;
  versions: DataVersions;
  touched: TouchedSubgraphs;
  /** `Cache-Control: max-age` for GET answers (a CDN or browser may reuse them); 0 sends `no-cache` (revalidate). */
  httpMaxAgeSeconds: number;
  onHit(): void;
  onMiss(): void;
  onStoreError(error: unknown): void;
}

/**
 * Answers a query from the cache when the same operation, with the same variables, was answered while the subgraphs
 * it touches held the same data versions. The key is taken before execution, so an answer computed while an import
 * commits is stored under the versions seen before it and cannot outlive them. Answers with errors (partial ones
 * included) are never stored. A GET also carries an `ETag` made of that key, so `If-None-Match` gets 304 once
 * nothing the answer depends on has changed.
 */
export function responseCachePlugin<Context extends BaseContext>(options: ResponseCacheOptions): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let key: string | undefined;
      let hit = false;
      return {
        async responseForOperation(context) {
          if (context.operation?.operation !== 'query') return null;
          const subgraphs = options.touched.of(context.document);
          if (!options.versions.known(subgraphs)) return null;
          key = cacheKey(context, options.versions.keyOf(subgraphs));
          const cached = await options.store.get(key).catch((error: unknown) => {
            options.onStoreError(error);
            return undefined;
          });
          if (cached === undefined) {
            options.onMiss();
            return null;
          }
          hit = true;
          options.onHit();
          return {
            body: { kind: 'single', singleResult: JSON.parse(cached) as FormattedExecutionResult },
            http: { headers: new HeaderMap(), status: undefined },
          };
        },
        async willSendResponse(context) {
          if (key === undefined) return;
          const { body, http } = context.response;
          http.headers.set('x-cache', hit ? 'HIT' : 'MISS');
          if (context.request.http?.method === 'GET') {
            http.headers.set('etag', `"${key}"`);
            http.headers.set('cache-control', options.httpMaxAgeSeconds > 0 ? `public, max-age=${options.httpMaxAgeSeconds}` : 'no-cache');
          }
          if (hit || body.kind !== 'single' || body.singleResult.errors?.length || !body.singleResult.data) return;
          await options.store.set(key, JSON.stringify(body.singleResult)).catch(options.onStoreError);
        },
      };
    },
  };
}

function cacheKey(context: GraphQLRequestContext<BaseContext>, versions: string): string {
  const { request, document } = context;
  return createHash('sha256')
    .update(print(document!))
    .update('\0')
    .update(request.operationName ?? '')
    .update('\0')
    .update(stableJson(request.variables ?? {}))
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
