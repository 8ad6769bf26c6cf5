import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * One process's Prometheus metrics, in a registry of its own (not prom-client's global one) so that several
 * servers in one process — the tests run a whole federation — never mix their counts.
 */
export function createMetrics(service: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'ftm_http_requests_total',
      help: 'HTTP requests answered, by route and status.',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'ftm_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route.',
      labelNames: ['method', 'route'] as const,
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    operations: new Counter({
      name: 'ftm_graphql_operations_total',
      help: 'GraphQL operations answered, by operation type (query, mutation, subscription, unknown) and HTTP status.',
      labelNames: ['operation_type', 'status'] as const,
      registers: [registry],
    }),
    operationDuration: new Histogram({
      name: 'ftm_graphql_operation_duration_seconds',
      help: 'Time from receiving a GraphQL operation to sending its answer, by operation type.',
      labelNames: ['operation_type'] as const,
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    errors: new Counter({
      name: 'ftm_errors_total',
      help: 'Errors answered to clients, by code (GraphQL errors and HTTP refusals alike).',
      labelNames: ['code'] as const,
      registers: [registry],
    }),
    subgraphFetchDuration: new Histogram({
      name: 'ftm_subgraph_fetch_duration_seconds',
      help: "Time the gateway waited for a subgraph's answer, by subgraph and outcome (ok, error).",
      labelNames: ['subgraph', 'outcome'] as const,
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    cacheLookups: new Counter({
      name: 'ftm_response_cache_lookups_total',
      help: 'Response cache lookups, by result (hit, miss).',
      labelNames: ['result'] as const,
      registers: [registry],
    }),
    cacheEvictions: new Counter({
      name: 'ftm_response_cache_evictions_total',
      help: 'Answers the in-memory response cache dropped to stay within its size.',
      registers: [registry],
    }),
    mergedFetches: new Counter({
      name: 'ftm_subgraph_fetches_merged_total',
      help: 'Subgraph requests not sent because an identical one was in flight, by subgraph.',
      labelNames: ['subgraph'] as const,
      registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
