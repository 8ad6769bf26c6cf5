import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { BudgetProgram } from '../entities/budget-program.entity';
import { programById } from '../loaders';
import { gdpOf, REAL_PESOS_METHOD } from '../queries/real-pesos.query';
import { SpendingDimension } from '../queries/spending-dimensions.query';
import { SpendingFilter, SpendingOrder } from './spending.input';
import { spendingPage } from './spending.page';
import { GdpShares, SpendingCell, SpendingConnection, SpendingKey } from './spending.types';

export const IN_PESOS_OF = `Express the amounts in real pesos of this year (*pesos constantes*): ${REAL_PESOS_METHOD}. A year whose twelve monthly index values are not loaded is a BAD_USER_INPUT error. The figures are flagged IN_REAL_PESOS and carry \`derived\`.`;

@Resolver(() => SpendingConnection)
export class SpendingResolver {
  @Query(() => SpendingConnection, {
    description:
      'Spending aggregates (*agregados del gasto*): the budget lines grouped by any of their classifiers and summed ' +
      'exactly, e.g. year × state, or institutions by chapter. Common groupings are read from pre-summed cells that every ' +
      'budget import keeps exact; others sum the budget lines.',
  })
  spending(
    @Arg('groupBy', () => [SpendingDimension], {
      description: 'The dimensions that make a cell (*agrupar por*); empty for one cell of everything.',
    })
    groupBy: SpendingDimension[],
    @Arg('filter', () => SpendingFilter, { nullable: true, description: 'Which budget lines to sum.' }) filter: SpendingFilter | null,
    @Arg('orderBy', () => SpendingOrder, { nullable: true, description: 'Order of the cells; by key unless given.' })
    orderBy: SpendingOrder | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many cells to return (default 20, at most the server maximum).' })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Return the cells after this cursor (an `endCursor`).' })
    after: string | null,
    @Arg('inPesosOf', () => Int, { nullable: true, description: IN_PESOS_OF }) inPesosOf: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SpendingConnection> {
    // Omitted arguments arrive as undefined.
    return spendingPage(ctx, {
      groupBy,
      filter: filter ?? null,
      orderBy: orderBy ?? null,
      first: first ?? null,
      after: after ?? null,
      inPesosOf: inPesosOf ?? null,
    });
  }
}

@Resolver(() => SpendingKey)
export class SpendingKeyResolver {
  @FieldResolver(() => BudgetProgram, { nullable: true, description: 'Budget program (*programa presupuestario*).' })
  program(@Root() key: SpendingKey, @Ctx() ctx: SubgraphContext): Promise<BudgetProgram | null> | null {
    return key.programId === null ? null : programById(ctx).load(key.programId);
  }
}

@Resolver(() => SpendingCell)
export class SpendingCellResolver {
  @FieldResolver(() => GdpShares, {
    nullable: true,
    description:
      "The cell's published figures as shares of the year's nominal GDP (*PIB*, INEGI); null when the cell spans several fiscal years or the year's GDP is not loaded.",
  })
  async shareOfGdp(@Root() cell: SpendingCell, @Ctx() ctx: SubgraphContext): Promise<GdpShares | null> {
    if (cell.year === null) return null;
    const loader = ctx.loaders.get('GrossDomesticProduct.byYear', async (years: readonly number[]) => {
      const found = await gdpOf(ctx, [...years]);
      return years.map((year) => found.get(year) ?? null);
    });
    const gdp = await loader.load(cell.year);
    if (gdp === null || gdp === 0n) return null;
    const share = (amount: bigint | null) => (amount === null ? null : Number(amount) / Number(gdp));
    const { approved, modified, accrued, exercised, paid } = cell.nominal;
    return {
      approved: share(approved),
      modified: share(modified),
      accrued: share(accrued),
      exercised: share(exercised),
      paid: share(paid),
    };
  }
}
