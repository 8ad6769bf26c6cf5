import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { ActionPlan } from '../entities/action-plan.entity';
import { OgpActionPlan } from '../entities/ogp-action-plan.entity';
import { State } from '../entities/federated.stubs';
import { actionPlansByState, ogpActionPlansByState } from '../loaders';

@Resolver(() => State)
export class StateResolver {
  @FieldResolver(() => [ActionPlan], {
    nullable: true,
    description:
      "The state's published local action plans (*planes de acción locales*), in id order; empty when it has published none. Null only while the commitments subgraph is unavailable.",
  })
  actionPlans(@Root() state: State, @Ctx() ctx: SubgraphContext): Promise<ActionPlan[]> {
    return actionPlansByState(ctx).load(state.id);
  }

  @FieldResolver(() => [OgpActionPlan], {
    nullable: true,
    description:
      "The state's own Open Government Partnership action plans, when it is an OGP member (Jalisco is), in id order; empty otherwise or until the IRM dataset is loaded. Null only while the commitments subgraph is unavailable.",
  })
  ogpActionPlans(@Root() state: State, @Ctx() ctx: SubgraphContext): Promise<OgpActionPlan[]> {
    return ogpActionPlansByState(ctx).load(state.id);
  }
}
