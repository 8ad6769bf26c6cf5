import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, pageWindow, paginate, type Page } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import type { Commitment } from '../entities/commitment.entity';
import { OgpActionPlan } from '../entities/ogp-action-plan.entity';
import { State } from '../entities/federated.stubs';
import { commitmentPagesByActionPlan, ogpActionPlanById } from '../loaders';
import { ogpActionPlansQuery } from '../queries/ogp-action-plan.query';
import { CommitmentConnection, OgpActionPlanConnection } from './connections.types';
import { OgpActionPlanFilter } from './ogp-action-plan.input';

@Resolver(() => OgpActionPlan)
export class OgpActionPlanResolver {
  @Query(() => OgpActionPlan, { nullable: true, description: 'One OGP action plan by id, e.g. `OGP-MXJL-2`; null when there is none.' })
  ogpActionPlan(
    @Arg('id', () => ID, { description: "The plan's id." }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<OgpActionPlan | null> {
    return ogpActionPlanById(ctx).load(id);
  }

  @Query(() => OgpActionPlanConnection, {
    description:
      'Open Government Partnership action plans of countries and localities, in id order, optionally filtered; empty until the IRM dataset is loaded.',
  })
  ogpActionPlans(
    @Arg('filter', () => OgpActionPlanFilter, { nullable: true, description: 'Conditions the plans must meet.' })
    filter: OgpActionPlanFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<OgpActionPlan>> {
    const window = pageWindow(page, ctx.config.maxPageSize);
    return paginate(ogpActionPlansQuery(ctx.dataSource, filter), window);
  }

  @FieldResolver(() => State, {
    nullable: true,
    description: 'The Mexican state the member is (*entidad federativa*), e.g. Jalisco; null for countries and for localities elsewhere.',
  })
  state(@Root() plan: OgpActionPlan): State | null {
    return plan.stateId === null ? null : { id: plan.stateId };
  }

  @FieldResolver(() => CommitmentConnection, { description: "The plan's commitments in the IRM dataset (*compromisos*), in id order." })
  commitments(@Root() plan: OgpActionPlan, @Args() page: PageArgs, @Ctx() ctx: SubgraphContext): Promise<Page<Commitment>> {
    return commitmentPagesByActionPlan(ctx, pageWindow(page, ctx.config.maxPageSize)).load(plan.id);
  }
}
