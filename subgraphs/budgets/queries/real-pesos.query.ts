import { Between } from 'typeorm';
import type { SubgraphContext } from '../../kit/context';
import { badUserInput } from '../../../common/errors';
import { parseMoney } from '../../kit/money';
import { GrossDomesticProduct } from '../entities/gross-domestic-product.entity';
import { PriceIndex } from '../entities/price-index.entity';

/** The method, as stated in the schema's descriptions. */
export const REAL_PESOS_METHOD =
  "nominal × INPC(base year) / INPC(figure's year), each INPC the average of the year's twelve monthly values of " +
  "INEGI's national consumer price index as loaded (*Índice Nacional de Precios al Consumidor*, promedio anual); " +
  'computed exactly with integers and rounded once to the centavo, half away from zero';

/** The money unit of one centavo, from the kit (so the rounding follows however the kit stores money). */
const CENTAVO = parseMoney('0.01') as bigint;

/** An exact fraction of money units: the sum of deflated figures before its one rounding. */
export class Fraction {
  constructor(
    readonly numerator: bigint,
    readonly denominator: bigint,
  ) {}

  static readonly ZERO = new Fraction(0n, 1n);

  plus(other: Fraction): Fraction {
    if (other.denominator === this.denominator) return new Fraction(this.numerator + other.numerator, this.denominator);
    return new Fraction(this.numerator * other.denominator + other.numerator * this.denominator, this.denominator * other.denominator);
  }

  /** Rounded to the centavo, half away from zero, in money units. */
  toCentavo(): bigint {
    const denominator = this.denominator * CENTAVO;
    const negative = this.numerator < 0n;
    const absolute = negative ? -this.numerator : this.numerator;
    const centavos = (2n * absolute + denominator) / (2n * denominator);
    return (negative ? -centavos : centavos) * CENTAVO;
  }
}

/**
 * Carries nominal figures of several years into pesos of one base year. The annual averages are sums of twelve
 * months divided by twelve, so their ratio is the ratio of the sums: no division happens before the final rounding.
 */
export class Deflator {
  constructor(
    readonly baseYear: number,
    private readonly yearSums: Map<number, bigint>,
  ) {}

  /** amount × INPC(base) / INPC(year), exact. */
  real(amount: bigint, year: number): Fraction {
    const base = this.yearSums.get(this.baseYear);
    const sum = this.yearSums.get(year);
    if (base === undefined || sum === undefined) throw new Error(`INPC of ${year} or ${this.baseYear} was not checked before deflating`);
    return new Fraction(amount * base, sum);
  }
}

interface YearOfIndex {
  sum: bigint;
  months: number;
}

/** The INPC sums of many years in one statement per request level, however many chains ask (no N+1). */
function indexYears(ctx: SubgraphContext) {
  return ctx.loaders.get('PriceIndex.years', async (years: readonly number[]): Promise<YearOfIndex[]> => {
    const sorted = [...years].sort((a, b) => a - b);
    const months = await ctx.dataSource.getRepository(PriceIndex).find({
      select: { month: true, millionths: true },
      where: { month: Between(`${sorted[0]}-01`, `${sorted[sorted.length - 1]}-12`) },
    });
    const found = new Map<number, YearOfIndex>();
    for (const { month, millionths } of months) {
      const year = Number(month.slice(0, 4));
      const entry = found.get(year) ?? { sum: 0n, months: 0 };
      entry.sum += millionths;
      entry.months += 1;
      found.set(year, entry);
    }
    return years.map((year) => found.get(year) ?? { sum: 0n, months: 0 });
  });
}

/**
 * The INPC annual sums of the base year and of every figure year; a year without its twelve months is a client
 * error naming it.
 */
export async function deflatorFor(ctx: SubgraphContext, baseYear: number, years: Iterable<number>): Promise<Deflator> {
  const wanted = [...new Set([baseYear, ...years])];
  const found = await indexYears(ctx).loadMany(wanted);
  const sums = new Map<number, bigint>();
  const missing: number[] = [];
  wanted.forEach((year, i) => {
    const entry = found[i];
    if (entry instanceof Error) throw entry;
    if (entry.months === 12) sums.set(year, entry.sum);
    else missing.push(year);
  });
  if (missing.length > 0) {
    throw badUserInput(
      `The consumer price index (INPC) is not loaded for all twelve months of ${missing.sort((a, b) => a - b).join(', ')}: real pesos cannot be computed`,
      'inPesosOf',
    );
  }
  return new Deflator(baseYear, sums);
}

/** Nominal GDP of the given years that are loaded, by year, in one statement. */
export async function gdpOf(ctx: SubgraphContext, years: number[]): Promise<Map<number, bigint>> {
  if (years.length === 0) return new Map();
  const rows = await ctx.dataSource
    .getRepository(GrossDomesticProduct)
    .createQueryBuilder('g')
    .where('g.year IN (:...years)', { years })
    .getMany();
  return new Map(rows.map((row) => [row.year, row.nominal]));
}
