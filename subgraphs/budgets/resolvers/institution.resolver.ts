import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { PageArgs, pageWindow, type Page } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { BudgetLine } from '../entities/budget-line.entity';
import { SpendingChain } from '../entities/spending-chain.object';
import { Institution } from '../entities/federated.stubs';
import { institutionBudget, institutionLines } from '../loaders';
import { inPesosOf } from './real-pesos.views';
import { IN_PESOS_OF } from './spending.input';
import { BudgetLineFilter } from './budget-line.input';
import { BudgetLineConnection } from './connections.types';

@Resolver(() => Institution)
export class InstitutionResolver {
  @FieldResolver(() => SpendingChain, {
    nullable: true,
    description:
      "The institution's budget in a fiscal year: its budget lines as responsible unit, or every line of the ramo for a `MX-RAMO-…` id. Null only while the budgets subgraph is unavailable.",
  })
  async budget(
    @Root() institution: Institution,
    @Arg('fiscalYear', () => Int, { description: 'Fiscal year (*ciclo*).' }) fiscalYear: number,
    @Arg('inPesosOf', () => Int, { nullable: true, description: IN_PESOS_OF }) base: number | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SpendingChain> {
    return inPesosOf(ctx, await institutionBudget(ctx, institution.id, fiscalYear), fiscalYear, base);
  }

  @FieldResolver(() => BudgetLineConnection, {
    nullable: true,
    description:
      "The institution's budget lines (of the whole ramo for a `MX-RAMO-…` id), in id order. Null only while the budgets subgraph is unavailable.",
  })
  budgetLines(
    @Root() institution: Institution,
    @Arg('filter', () => BudgetLineFilter, { nullable: true, description: 'Further criteria the lines must meet.' })
    filter: BudgetLineFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<BudgetLine>> {
    return institutionLines(ctx, institution.id, filter, pageWindow(page, ctx.config.maxPageSize));
  }
}
