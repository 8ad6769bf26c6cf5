import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../shared/federated-schema';
import { resolveInstitutionReference } from './resolvers/institution.reference';
import { InstitutionResolver } from './resolvers/institution.resolver';
import { resolveStateReference } from './resolvers/state.reference';
import { StateResolver } from './resolvers/state.resolver';
import { SecretariatMemberResolver, TechnicalSecretariatResolver } from './resolvers/technical-secretariat.resolver';

export function buildInstitutionsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [StateResolver, InstitutionResolver, TechnicalSecretariatResolver, SecretariatMemberResolver],
    referenceResolvers: {
      State: { __resolveReference: resolveStateReference },
      Institution: { __resolveReference: resolveInstitutionReference },
    },
  });
}
