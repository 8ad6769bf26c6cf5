import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, pageWindow, paginate, type Page } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { ActionPlan } from '../entities/action-plan.entity';
import { Commitment } from '../entities/commitment.entity';
import { CommitmentKind } from '../entities/commitment.enums';
import { Institution } from '../entities/federated.stubs';
import { OgpActionPlan } from '../entities/ogp-action-plan.entity';
import { actionPlanById, commitmentById, ogpActionPlanById } from '../loaders';
import { commitmentsQuery } from '../queries/commitment.query';
import { CommitmentFilter } from './commitment.input';
import { CommitmentConnection } from './connections.types';

@Resolver(() => Commitment)
export class CommitmentResolver {
  @Query(() => Commitment, { nullable: true, description: 'One commitment by id, e.g. `MX-TLA-PAL-2016-03`; null when there is none.' })
  commitment(
    @Arg('id', () => ID, { description: "The commitment's id." }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Commitment | null> {
    return commitmentById(ctx).load(id);
  }

  @Query(() => CommitmentConnection, {
    description:
      'Commitments (*compromisos*) of local action plans and, once loaded, of OGP action plans, in id order, optionally filtered.',
  })
  commitments(
    @Arg('filter', () => CommitmentFilter, { nullable: true, description: 'Conditions the commitments must meet.' })
    filter: CommitmentFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<Commitment>> {
    const window = pageWindow(page, ctx.config.maxPageSize);
    return paginate(commitmentsQuery(ctx.dataSource, filter), window);
  }

  @FieldResolver(() => ActionPlan, {
    nullable: true,
    description:
      'The local action plan the commitment belongs to (*plan de acción local*); null for OGP commitments, whose plan is `ogpActionPlan`.',
  })
  async actionPlan(@Root() commitment: Commitment, @Ctx() ctx: SubgraphContext): Promise<ActionPlan | null> {
    if (commitment.kind === CommitmentKind.OGP_ACTION_PLAN) return null;
    const plan = await actionPlanById(ctx).load(commitment.actionPlanId);
    if (!plan) throw new Error(`Commitment ${commitment.id} points at a missing action plan ${commitment.actionPlanId}`);
    return plan;
  }

  @FieldResolver(() => OgpActionPlan, {
    nullable: true,
    description:
      "The Open Government Partnership action plan the commitment belongs to (*plan de acción OGP*); null for local plans' commitments.",
  })
  async ogpActionPlan(@Root() commitment: Commitment, @Ctx() ctx: SubgraphContext): Promise<OgpActionPlan | null> {
    if (commitment.kind !== CommitmentKind.OGP_ACTION_PLAN) return null;
    const plan = await ogpActionPlanById(ctx).load(commitment.actionPlanId);
    if (!plan) throw new Error(`Commitment ${commitment.id} points at a missing OGP action plan ${commitment.actionPlanId}`);
    return plan;
  }

  @FieldResolver(() => Institution, {
    nullable: true,
    description:
      'The institution responsible for it (*institución responsable*); null when no source says (see `detailsSource`), and for OGP commitments, whose lead institution is named in `leadInstitutionName`.',
  })
  responsibleInstitution(@Root() commitment: Commitment): Institution | null {
    return commitment.responsibleInstitutionId === null ? null : { id: commitment.responsibleInstitutionId };
  }
}
