import { STATUS_CODES } from 'node:http';
import { context as otelContext, propagation } from '@opentelemetry/api';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { type DocumentNode, type FragmentDefinitionNode, GraphQLError, Kind, type SelectionSetNode, parse } from 'graphql';
import { Agent, request as send } from 'undici';
import type { SubgraphClientConfig } from '../common/config/subgraph-client';
import { ErrorCode } from '../common/errors';
import type { RequestContext } from '../common/http/graphql';
import type { Metrics } from '../common/http/metrics';
import type { Logger } from '../common/logger';
import { InFlight } from './cache/in-flight';
import { WRITABLE_SUBGRAPHS } from './writes/writable-fields.plugin';

export const { SUBGRAPH_UNAVAILABLE, SUBGRAPH_TIMEOUT } = ErrorCode;

/** What a subgraph client reports to: the gateway's log, and its metrics (a unit test may leave them out). */
export interface SubgraphObservers {
  logger: Logger;
  metrics?: Metrics;
}

/** Times one subgraph fetch into `ftm_subgraph_fetch_duration_seconds` by subgraph and outcome. */
async function timed<T extends { errors?: readonly unknown[] }>(metrics: Metrics | undefined, subgraph: string, fetch: () => Promise<T>) {
  const stop = metrics?.subgraphFetchDuration.startTimer({ subgraph });
  try {
    const response = await fetch();
    stop?.({ outcome: response.errors?.length ? 'error' : 'ok' });
    return response;
  } catch (error) {
    stop?.({ outcome: 'error' });
    throw error;
  }
}

/** The gateway's request context as its subgraph client reads it: the request id, and the client's address. */
export interface ClientContext extends RequestContext {
  /** The client's address as the gateway's `trust proxy` setting determines it (Express's `req.ip`). */
  clientAddress?: string;
}

/**
 * The client's headers the participation subgraph receives, untouched: it checks the token itself, and makes a retried
 * write with the same key return the first result. No other subgraph receives them, and no subgraph receives cookies.
 */
export const FORWARDED_HEADERS = ['authorization', 'idempotency-key'] as const;

type ProcessOptions = GraphQLDataSourceProcessOptions<ClientContext>;
type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/**
 * A subgraph's data source with a deadline and its own connection pool. When the subgraph cannot answer,
 * the fetch resolves to one coded error per field it was asked for, at that field's path, instead of
 * throwing: the gateway then nulls exactly those fields and serves everything the other subgraphs sent.
 *
 * It posts with undici's `request` rather than through Apollo's `sendRequest`: that one builds a node-fetch
 * `Request` per fetch only to describe errors, and a WHATWG `fetch` reads the body through web streams; together
 * they were a quarter of the gateway's CPU on the Follow-the-Money query. The request and the answer are Apollo's.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<ClientContext> {
  private readonly agent: Agent;

  /** `forwardsClient`: whether this subgraph gets the client's token, idempotency key and address (participation). */
  constructor(
    readonly serviceName: string,
    url: string,
    private readonly config: SubgraphClientConfig,
    private readonly observers: SubgraphObservers,
    private readonly forwardsClient = false,
  ) {
    super({ url });
    // Apollo's default fetcher pools sockets for 15 s with no deadline; here the pool's idle time is set, and idle
    // sockets are dropped early when the server announces a shorter keep-alive.
    this.agent = new Agent({
      connections: config.connectionsPerSubgraph,
      keepAliveTimeout: config.keepAliveMs,
      keepAliveMaxTimeout: config.keepAliveMs,
    });
    this.inFlight = new InFlight(() => observers.metrics?.mergedFetches.inc({ subgraph: serviceName }));
  }

  private readonly inFlight: InFlight<SubgraphResponse>;

  override process(options: ProcessOptions): Promise<SubgraphResponse> {
    return timed(this.observers.metrics, this.serviceName, () => this.merged(options));
  }

  /**
   * Identical fetches of client queries in flight at once go out once (dashboards ask the same questions at the same
   * moment): two reads with the same text and variables (and, for a subgraph that sees the client's token, the same
   * token) have the same answer. Nothing a mutation sends is merged: two identical writes are two writes.
   */
  private merged(options: ProcessOptions): Promise<SubgraphResponse> {
    if (
      !('incomingRequestContext' in options) ||
      options.incomingRequestContext.operation?.operation !== 'query' ||
      options.request.query === undefined
    )
      return this.processOrNull(options);
    const token = this.forwardsClient ? (options.incomingRequestContext.request.http?.headers.get('authorization') ?? '') : '';
    const key = `${options.request.query}\0${JSON.stringify(options.request.variables ?? {})}\0${token}`;
    return this.inFlight.run(key, () => this.processOrNull(options));
  }

  private async processOrNull(options: ProcessOptions): Promise<SubgraphResponse> {
    try {
      return await this.post(options);
    } catch (error) {
      const code = failureCode(error);
      // Health checks and schema loading keep their own errors; only a client's operation gets a partial answer.
      if (code === null || !('incomingRequestContext' in options)) throw error;
      // The client sees only the service and the code; the cause (refused, reset, socket hang up…) belongs in the log.
      this.observers.logger.warn(
        { requestId: options.context?.requestId, subgraph: this.serviceName, code },
        `${this.serviceName} fetch failed (${code}): ${describe(error)}`,
      );
      const message =
        code === SUBGRAPH_TIMEOUT
          ? `The ${this.serviceName} service did not answer in time; its fields are null.`
          : `The ${this.serviceName} service is unavailable; its fields are null.`;
      const document = options.document ?? parse(options.request.query ?? '');
      const representations = options.request.variables?.representations;
      const paths = requestedPaths(document, Array.isArray(representations) ? representations : null);
      const extensions = { code, serviceName: this.serviceName };
      // Never an empty list: that would read as success, and the missing fields would go unexplained.
      return { errors: paths.length > 0 ? paths.map((path) => ({ message, path, extensions })) : [{ message, extensions }] };
    }
  }

  /** What `RemoteGraphQLDataSource.process` sends, without APQ (off here) and with the gateway's request id. */
  private async post({ request, context, ...options }: ProcessOptions): Promise<SubgraphResponse> {
    if (!request.query) throw new Error('Missing query');
    const headers: Record<string, string> = {};
    for (const [name, value] of request.http?.headers ?? []) headers[name] = value;
    headers['content-type'] = 'application/json';
    // The request id goes with every fetch, so the subgraph logs it under the gateway's id.
    if (context?.requestId) headers['x-request-id'] = context.requestId;
    if (this.forwardsClient && 'incomingRequestContext' in options) {
      const incoming = options.incomingRequestContext.request.http?.headers;
      for (const name of FORWARDED_HEADERS) {
        const value = incoming?.get(name);
        if (value != null) headers[name] = value;
      }
      // Set, not appended to: the address is the one the gateway's own `trust proxy` setting found.
      if (context?.clientAddress) headers['x-forwarded-for'] = context.clientAddress;
    }
    // The trace continues in the subgraph, under @apollo/gateway's fetch span (a no-op when tracing is off).
    propagation.inject(otelContext.active(), headers);
    const { http: _http, ...payload } = request;
    const response = await send(this.url, {
      method: 'POST',
      headers,
      body: JSON.stringify(payload),
      dispatcher: this.agent,
      signal: AbortSignal.timeout(this.config.timeoutMs),
    });
    const json = /^application\/(graphql-response\+)?json/.test(String(response.headers['content-type'] ?? ''));
    const body: unknown = json ? await response.body.json() : await response.body.text();
    // A 4xx with GraphQL errors is the subgraph refusing the client (participation answers a refused token 401 and a
    // refused write 403): its errors, with their codes, are the answer, as a 200's would be.
    if (response.statusCode >= 400 && response.statusCode < 500 && hasErrors(body)) return body as SubgraphResponse;
    if (response.statusCode < 200 || response.statusCode > 299) {
      const statusText = STATUS_CODES[response.statusCode] ?? '';
      throw new GraphQLError(`${response.statusCode}: ${statusText}`, {
        extensions: { response: { url: this.url, status: response.statusCode, statusText, body } },
      });
    }
    if (body === null || typeof body !== 'object') throw new Error(`Expected JSON response body, but received: ${body}`);
    if ('incomingRequestContext' in options)
      restrictCachePolicy(options.incomingRequestContext.overallCachePolicy, response.headers['cache-control']);
    return body as SubgraphResponse;
  }
}

function hasErrors(body: unknown): boolean {
  return body !== null && typeof body === 'object' && Array.isArray((body as { errors?: unknown }).errors);
}

/** A subgraph's `Cache-Control` bounds the answer's cache policy, as `RemoteGraphQLDataSource` does with it. */
function restrictCachePolicy(
  policy: { restrict?(hint: { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' }): void } | undefined,
  header: unknown,
) {
  if (!policy?.restrict) return;
  const directives =
    typeof header === 'string'
      ? header
          .toLowerCase()
          .split(',')
          .map((directive) => directive.trim())
      : [];
  const maxAge = directives.find((directive) => /^max-age=\d+$/.test(directive));
  const scope = directives.includes('private') ? 'PRIVATE' : directives.includes('public') ? 'PUBLIC' : undefined;
  policy.restrict({ maxAge: maxAge ? Number(maxAge.slice('max-age='.length)) : 0, ...(scope ? { scope } : {}) });
}

/** `buildService` for ApolloGateway: one pooled, time-limited data source per subgraph, at the URL configured for it. */
export function subgraphServices(
  urls: Record<string, string>,
  config: SubgraphClientConfig,
  observers: SubgraphObservers,
  forwardClientTo: ReadonlySet<string> = WRITABLE_SUBGRAPHS,
) {
  return ({ name, url }: { name: string; url?: string }) =>
    new SubgraphDataSource(name, urls[name] ?? url ?? '', config, observers, forwardClientTo.has(name));
}

function failureCode(error: unknown): string | null {
  if (error instanceof GraphQLError) {
    const status = (error.extensions.response as { status?: number } | undefined)?.status;
    return status !== undefined && status >= 500 ? SUBGRAPH_UNAVAILABLE : null;
  }
  // Matched by name, not class: the deadline's DOMException may come from another realm (e.g. under jest).
  const { name, code, cause } = (error ?? {}) as { name?: string; code?: unknown; cause?: { name?: string } };
  if (name === 'TimeoutError' || cause?.name === 'TimeoutError') return SUBGRAPH_TIMEOUT;
  // A refused, reset or closed connection: undici names the system or socket error (`ECONNREFUSED`, `UND_ERR_SOCKET`).
  if (typeof code === 'string') return SUBGRAPH_UNAVAILABLE;
  return null;
}

function describe(error: unknown): string {
  const { message, cause } = (error ?? {}) as { message?: string; cause?: { message?: string; code?: unknown } };
  return [message, cause?.code ?? cause?.message].filter(Boolean).join(': ');
}

/**
 * The paths, in the subgraph's response, of the fields this fetch asked for: each root field, or for an
 * entity fetch each field of each representation (as `_entities.<index>.<field>`, which the gateway maps
 * back to the entity's place in the client's answer).
 */
function requestedPaths(document: DocumentNode, representations: { __typename?: string }[] | null): (string | number)[][] {
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation) return [];
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
    ),
  );
  if (representations === null) return responseNames(operation.selectionSet, fragments, null).map((name) => [name]);
  const entities = operation.selectionSet.selections.find(
    (selection) => selection.kind === Kind.FIELD && selection.name.value === '_entities',
  );
  if (entities?.kind !== Kind.FIELD || !entities.selectionSet) return [];
  const selection = entities.selectionSet;
  return representations.flatMap((representation, index) =>
    responseNames(selection, fragments, representation.__typename ?? null).map((name) => [
      entities.alias?.value ?? '_entities',
      index,
      name,
    ]),
  );
}

/** The response names a selection set yields for an object of `typename` (null: any type), fragments followed. */
function responseNames(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, typename: string | null): string[] {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== '__typename') names.add(selection.alias?.value ?? selection.name.value);
        continue;
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
      if (!fragment) continue;
      if (typename !== null && fragment.typeCondition && fragment.typeCondition.name.value !== typename) continue;
      visit(fragment.selectionSet);
    }
  };
  visit(selectionSet);
  return [...names];
}
