import { type ApolloServerPlugin, type BaseContext, HeaderMap } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { fragmentsOf } from '../limits/cost';
import { type AcceptedOperations, documentDigest } from './accepted-operations';
import { answerHeaders, answerKey } from './answer-key';
import { costReadsVariables } from '../limits/cost';
import type { DataVersions } from './data-versions';
import type { ResponseStore } from './response-store';
import type { TouchedSubgraphs } from './touched-subgraphs';

/**
 * What the plugin reads of the request's context: the key that the lookup in front of Apollo already missed, and the
 * subgraphs a mutation writes to (gateway/writes/writable-fields.plugin.ts).
 */
export interface ResponseCacheContext extends BaseContext {
  missedKey?: string;
  written?: string[];
}

export interface ResponseCacheOptions {
  store: ResponseStore;
  versions: DataVersions;
  touched: TouchedSubgraphs;
  /** Filled with every query text that reaches the cache lookup, i.e. that Apollo validated and the limits let through. */
  accepted: AcceptedOperations;
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
 *
 * Only queries asked without a token are cached: a mutation never is, and an answer given to a token may show what
 * only that token may see. A mutation that ran is answered only once the versions of the subgraphs it wrote to are
 * read again (and recorded for the other gateways), so that no gateway's next question finds an answer from before
 * the write.
 */
export function responseCachePlugin<Context extends ResponseCacheContext>(options: ResponseCacheOptions): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let key: string | undefined;
      let hit = false;
      let executed = false;
      return {
        async responseForOperation(context) {
          const { operation, document, request, schema } = context;
          if (operation?.operation !== 'query' || request.http?.headers.get('authorization') !== undefined) return null;
          const accepted = request.query === undefined ? undefined : options.accepted.get(request.query, request.operationName);
          const subgraphs = accepted?.schema === schema ? accepted.subgraphs : options.touched.of(document);
          if (!options.versions.known(subgraphs)) return null;
          const digest = documentDigest(document);
          if (request.query !== undefined && accepted?.schema !== schema) {
            const fragments = fragmentsOf(document);
            options.accepted.remember(request.query, request.operationName, {
              schema,
              operation,
              fragments,
              costReadsVariables: costReadsVariables(operation, fragments),
              digest,
              subgraphs,
            });
          }
          key = await answerKey(
            options.versions,
            { digest, operationName: request.operationName, variables: request.variables },
            subgraphs,
          );
          const cached =
            context.contextValue.missedKey === key
              ? undefined
              : await options.store.get(key).catch((error: unknown) => {
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
        async executionDidStart() {
          executed = true;
        },
        async willSendResponse(context) {
          const { written } = context.contextValue;
          if (executed && context.operation?.operation === 'mutation' && written?.length) await options.versions.written(written);
          if (key === undefined) return;
          const { body, http } = context.response;
          for (const [name, value] of answerHeaders(key, hit, context.request.http?.method, options.httpMaxAgeSeconds))
            http.headers.set(name, value);
          if (hit || body.kind !== 'single' || body.singleResult.errors?.length || !body.singleResult.data) return;
          await options.store.set(key, JSON.stringify(body.singleResult)).catch(options.onStoreError);
        },
      };
    },
  };
}
