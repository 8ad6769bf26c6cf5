import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, pageWindow, paginate, type Page } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { ActionPlan } from '../entities/action-plan.entity';
import type { Commitment } from '../entities/commitment.entity';
import { State } from '../entities/federated.stubs';
import { actionPlanById, commitmentPagesByActionPlan } from '../loaders';
import { actionPlansQuery } from '../queries/action-plan.query';
import { ActionPlanFilter } from './action-plan.input';
import { ActionPlanConnection, CommitmentConnection } from './connections.types';

@Resolver(() => ActionPlan)
export class ActionPlanResolver {
  @Query(() => ActionPlan, { nullable: true, description: 'One local action plan by id, e.g. `MX-TLA-PAL-2016`; null when there is none.' })
  actionPlan(@Arg('id', () => ID, { description: "The plan's id." }) id: string, @Ctx() ctx: SubgraphContext): Promise<ActionPlan | null> {
    return actionPlanById(ctx).load(id);
  }

  @Query(() => ActionPlanConnection, { description: 'Local action plans (*planes de acción locales*) in id order, optionally filtered.' })
  actionPlans(
    @Arg('filter', () => ActionPlanFilter, { nullable: true, description: 'Conditions the plans must meet.' })
    filter: ActionPlanFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<ActionPlan>> {
    const window = pageWindow(page, ctx.config.maxPageSize);
    return paginate(actionPlansQuery(ctx.dataSource, filter), window);
  }

  @FieldResolver(() => State, { description: 'The state whose plan this is (*entidad federativa*).' })
  state(@Root() plan: ActionPlan): State {
    return { id: plan.stateId };
  }

  @FieldResolver(() => CommitmentConnection, {
    description: "The plan's commitments (*compromisos*), numbered ones first, then proactive ones.",
  })
  commitments(@Root() plan: ActionPlan, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext): Promise<Page<Commitment>> {
    return commitmentPagesByActionPlan(ctx, pageWindow(page, ctx.config.maxPageSize)).load(plan.id);
  }
}
