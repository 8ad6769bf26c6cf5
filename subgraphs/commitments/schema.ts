import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../kit/federated-schema';
import { Institution, State } from './entities/federated.stubs';
import { ActionPlanResolver } from './resolvers/action-plan.resolver';
import { CommitmentResolver } from './resolvers/commitment.resolver';
import { referenceResolvers } from './resolvers/commitments.reference';
import { InstitutionResolver } from './resolvers/institution.resolver';
import { OgpActionPlanResolver } from './resolvers/ogp-action-plan.resolver';
import { SearchResultsResolver } from './resolvers/search-results.resolver';
import { StateResolver } from './resolvers/state.resolver';

export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    subgraph: 'commitments',
    resolvers: [ActionPlanResolver, CommitmentResolver, OgpActionPlanResolver, StateResolver, InstitutionResolver, SearchResultsResolver],
    orphanedTypes: [State, Institution],
    referenceResolvers,
  });
}
