import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../shared/federated-schema';
import { Institution } from './entities/institution.stub';
import { State } from './entities/state.stub';
import { resolveActionPlanReference } from './resolvers/action-plan.reference';
import { ActionPlanResolver } from './resolvers/action-plan.resolver';
import { resolveCommitmentReference } from './resolvers/commitment.reference';
import { CommitmentResolver } from './resolvers/commitment.resolver';
import { InstitutionResolver } from './resolvers/institution.resolver';
import { resolveOgpActionPlanReference } from './resolvers/ogp-action-plan.reference';
import { OgpActionPlanResolver } from './resolvers/ogp-action-plan.resolver';
import { StateResolver } from './resolvers/state.resolver';
import { resolveKeyReference } from './resolvers/stubs.reference';

export function buildCommitmentsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [ActionPlanResolver, CommitmentResolver, OgpActionPlanResolver, StateResolver, InstitutionResolver],
    orphanedTypes: [State, Institution],
    referenceResolvers: {
      ActionPlan: { __resolveReference: resolveActionPlanReference },
      Commitment: { __resolveReference: resolveCommitmentReference },
      OgpActionPlan: { __resolveReference: resolveOgpActionPlanReference },
      State: { __resolveReference: resolveKeyReference },
      Institution: { __resolveReference: resolveKeyReference },
    },
  });
}
