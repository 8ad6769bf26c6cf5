import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { Allocation } from '../entities/allocation.entity';
import { BudgetProgram } from '../entities/budget-program.entity';
import { SpendingChain } from '../entities/spending-chain.object';
import { commitmentRef, Commitment } from '../entities/federated.stubs';
import { allocationFunding, programById } from '../loaders';
import { allocationsQuery } from '../queries/allocation.query';
import { AllocationFilter } from './allocation.input';
import { inPesosOf } from './real-pesos.views';
import { IN_PESOS_OF } from './spending.input';

@Resolver(() => Allocation)
export class AllocationResolver {
  @Query(() => [Allocation], { description: 'Commitment ↔ budget program links (*asignaciones*), in id order.' })
  allocations(
    @Arg('filter', () => AllocationFilter, { nullable: true, description: 'Criteria the allocations must meet.' })
    filter: AllocationFilter | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Allocation[]> {
    return allocationsQuery(ctx.dataSource, filter).getMany();
  }

  @FieldResolver(() => Commitment, { description: 'The commitment (*compromiso*).' })
  commitment(@Root() allocation: Allocation): Commitment {
    return commitmentRef(allocation.commitmentId);
  }

  @FieldResolver(() => BudgetProgram, {
    nullable: true,
    description:
      'The program in that fiscal year; null when the dataset holds no line of it (`programKey` and `fiscalYear` still say which).',
  })
  program(@Root() allocation: Allocation, @Ctx() ctx: SubgraphContext): Promise<BudgetProgram | null> {
    return programById(ctx).load(allocation.programId);
  }

  @FieldResolver(() => SpendingChain, {
    description:
      "The program's budget lines within this allocation's scope (state, or nationwide); null amounts with a flag when none match or the scope is a municipality. In real pesos with `inPesosOf`.",
  })
  async funding(
    @Root() allocation: Allocation,
    @Arg('inPesosOf', () => Int, { nullable: true, description: IN_PESOS_OF }) base: number | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SpendingChain> {
    return inPesosOf(ctx, await allocationFunding(ctx, allocation), allocation.fiscalYear, base);
  }
}
