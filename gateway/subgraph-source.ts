import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { RequestContext } from '../common/http/graphql';
import type { Metrics } from '../common/http/metrics';

/** Times one subgraph fetch into `ftm_subgraph_fetch_duration_seconds`: any subgraph client can wrap its fetches in it. */
export async function timeSubgraphFetch<T extends { errors?: readonly unknown[] }>(
  metrics: Metrics,
  subgraph: string,
  fetch: () => Promise<T>,
): Promise<T> {
  const stop = metrics.subgraphFetchDuration.startTimer({ subgraph });
  try {
    const response = await fetch();
    stop({ outcome: response.errors?.length ? 'error' : 'ok' });
    return response;
  } catch (error) {
    stop({ outcome: 'error' });
    throw error;
  }
}

/** A subgraph as the gateway calls it: timed, and told the request id so its logs line up with the gateway's. */
export class ObservedDataSource extends RemoteGraphQLDataSource<RequestContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly metrics: Metrics,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RequestContext>) {
    if (context?.requestId) request.http?.headers.set('x-request-id', context.requestId);
  }

  override process(options: GraphQLDataSourceProcessOptions<RequestContext>) {
    return timeSubgraphFetch(this.metrics, this.subgraph, () => super.process(options));
  }
}
