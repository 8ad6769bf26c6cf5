import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../shared/context';
import { ActionPlan } from '../entities/action-plan.entity';
import { State } from '../entities/state.stub';
import { actionPlansByState } from '../loaders';

@Resolver(() => State)
export class StateResolver {
  @FieldResolver(() => [ActionPlan], { description: 'The state\'s published local action plans (*planes de acción locales*), in id order; empty when it has published none.' })
  actionPlans(@Root() state: State, @Ctx() ctx: SubgraphContext): Promise<ActionPlan[]> {
    return actionPlansByState(ctx).load(state.id);
  }
}
