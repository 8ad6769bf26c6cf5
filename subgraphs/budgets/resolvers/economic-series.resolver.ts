import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../../kit/context';
import { badUserInput } from '../../../common/errors';
import { GrossDomesticProduct } from '../entities/gross-domestic-product.entity';
import { PriceIndex } from '../entities/price-index.entity';
import { range } from '../queries/economic-series.query';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function month(value: string | null | undefined, argument: string): string | null {
  if (value == null) return null;
  if (!MONTH.test(value)) throw badUserInput(`${argument} must be a month written YYYY-MM, e.g. "2018-07"`, argument);
  return value;
}

/** The economic series that put budget figures in proportion: prices (for real terms) and GDP (for shares). */
@Resolver()
export class EconomicSeriesResolver {
  @Query(() => [PriceIndex], {
    description: 'The national consumer price index (*INPC*), month by month, oldest first; every month when no range is given.',
  })
  priceIndex(
    @Arg('from', () => String, { nullable: true, description: 'First month, `YYYY-MM`.' }) from: string | null,
    @Arg('to', () => String, { nullable: true, description: 'Last month, `YYYY-MM`.' }) to: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PriceIndex[]> {
    const months = range(month(from, 'from'), month(to, 'to'));
    return ctx.dataSource.getRepository(PriceIndex).find({ where: months ? { month: months } : {}, order: { month: 'ASC' } });
  }

  @Query(() => [GrossDomesticProduct], {
    description: "Mexico's nominal GDP (*PIB*) by year, oldest first; every year when no range is given.",
  })
  grossDomesticProduct(
    @Arg('fromYear', () => Int, { nullable: true, description: 'First year.' }) fromYear: number | null,
    @Arg('toYear', () => Int, { nullable: true, description: 'Last year.' }) toYear: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<GrossDomesticProduct[]> {
    const years = range(fromYear, toYear);
    return ctx.dataSource.getRepository(GrossDomesticProduct).find({ where: years ? { year: years } : {}, order: { year: 'ASC' } });
  }
}
