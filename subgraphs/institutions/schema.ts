import type { GraphQLSchema } from 'graphql';
import { SearchResultsResolver } from './resolvers/search-results.resolver';
import { buildFederatedSchema } from '../kit/federated-schema';
import { referenceResolvers } from './resolvers/institutions.reference';
import { InstitutionResolver } from './resolvers/institution.resolver';
import { StateResolver } from './resolvers/state.resolver';
import { SecretariatMemberResolver } from './resolvers/secretariat-member.resolver';
import { TechnicalSecretariatResolver } from './resolvers/technical-secretariat.resolver';

export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    subgraph: 'institutions',
    resolvers: [StateResolver, InstitutionResolver, TechnicalSecretariatResolver, SecretariatMemberResolver, SearchResultsResolver],
    referenceResolvers,
  });
}
