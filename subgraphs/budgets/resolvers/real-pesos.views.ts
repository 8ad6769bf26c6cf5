import type { SubgraphContext } from '../../kit/context';
import type { SpendingFlag } from '../../kit/spending';
import { NO_MOMENTS, SpendingChain, type Moments } from '../entities/spending-chain.object';
import { deflatorFor, Fraction, type Deflator } from '../queries/real-pesos.query';
import { MOMENTS } from '../queries/spending-chain.query';

type Moment = (typeof MOMENTS)[number];

/** Exact sums of named figures of several years in the base year's pesos, each figure deflated before it is added. */
export class RealSums<F extends string> {
  private readonly sums = new Map<F, Fraction>();

  add(figures: Partial<Record<F, bigint | null>>, year: number, deflator: Deflator): void {
    for (const [figure, amount] of Object.entries(figures) as [F, bigint | null | undefined][]) {
      if (amount != null) this.sums.set(figure, (this.sums.get(figure) ?? Fraction.ZERO).plus(deflator.real(amount, year)));
    }
  }

  /** One sum rounded once to the centavo; null where no figure was added (no guessed zero). */
  rounded(figure: F): bigint | null {
    return this.sums.get(figure)?.toCentavo() ?? null;
  }

  /** The moments of the spending chain, each rounded once. */
  moments(this: RealSums<Moment>): Moments {
    const moments = { ...NO_MOMENTS };
    for (const moment of MOMENTS) moments[moment] = this.rounded(moment);
    return moments;
  }
}

/** The moments of a chain and nothing else, for `RealSums.add`. */
function momentsOf(chain: SpendingChain): Moments {
  const moments = { ...NO_MOMENTS };
  for (const moment of MOMENTS) moments[moment] = chain[moment];
  return moments;
}

/** The rows of one cell of an aggregate asked for in real pesos, and their deflated sums. */
export interface RealCell<R, F extends string> {
  rows: R[];
  real: RealSums<F>;
}

/**
 * Rows of single years (the aggregate's grouping plus the year) merged into the cells of the grouping, in the order
 * their keys first occur, each figure carried into pesos of the deflator's base year first. A row whose figures are
 * not to be deflated gives none (`{}`): it is still merged into its cell, and `yearOf` is not asked for it.
 */
export function mergeInRealPesos<R, F extends string>(
  rows: R[],
  keyOf: (row: R) => string,
  yearOf: (row: R) => number,
  figuresOf: (row: R) => Partial<Record<F, bigint | null>>,
  deflator: Deflator,
): RealCell<R, F>[] {
  const cells = new Map<string, RealCell<R, F>>();
  for (const row of rows) {
    const key = keyOf(row);
    let cell = cells.get(key);
    if (!cell) {
      cell = { rows: [], real: new RealSums<F>() };
      cells.set(key, cell);
    }
    cell.rows.push(row);
    const figures = figuresOf(row);
    if (Object.keys(figures).length > 0) cell.real.add(figures, yearOf(row), deflator);
  }
  return [...cells.values()];
}

export type CellKeys = Record<string, string | number | null | undefined>;

/** Grouping keys in column order, each ascending (`sign` 1) or descending (-1), nulls last: as the aggregates' SQL orders them. */
export function compareKeys(a: CellKeys, b: CellKeys, sign = 1): number {
  for (const column of Object.keys(a)) {
    const x = a[column] ?? null;
    const y = b[column] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : 1);
  }
  return 0;
}

/**
 * Sorts cells computed in memory as SQL would have: by a figure (cells without one last, ties by key ascending), or by
 * key when `figureOf` is null.
 */
export function sortCells<C>(
  cells: C[],
  figureOf: ((cell: C) => bigint | null) | null,
  keysOf: (cell: C) => CellKeys,
  descending: boolean,
): void {
  const sign = descending ? -1 : 1;
  if (figureOf === null) {
    cells.sort((a, b) => compareKeys(keysOf(a), keysOf(b), sign));
    return;
  }
  const values = new Map(cells.map((cell) => [cell, figureOf(cell)]));
  cells.sort((a, b) => {
    const x = values.get(a) ?? null;
    const y = values.get(b) ?? null;
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return x < y ? -sign : sign;
    }
    return compareKeys(keysOf(a), keysOf(b));
  });
}

/** A chain of one fiscal year carried into pesos of `inPesosOf` (or returned as is when none is asked for). */
export function inPesosOf(
  ctx: SubgraphContext,
  chain: SpendingChain,
  fiscalYear: number,
  base: number | null | undefined,
): Promise<SpendingChain> {
  return sumOfYears(ctx, [{ year: fiscalYear, chain }], base, chain.scopeFlags);
}

/**
 * Chains of single fiscal years added into one: exactly as published, or in real pesos of `base` (each year's figures
 * deflated, the sum rounded once). No chain at all is the empty chain with the scope's flags.
 */
export async function sumOfYears(
  ctx: SubgraphContext,
  years: { year: number; chain: SpendingChain }[],
  base: number | null | undefined,
  scopeFlags: SpendingFlag[],
): Promise<SpendingChain> {
  const counted = years.filter(({ chain }) => chain.lineCount > 0);
  if (counted.length === 0 && base == null) return SpendingChain.empty(scopeFlags);
  const lineCount = counted.reduce((sum, { chain }) => sum + chain.lineCount, 0);
  const sampleLines = counted.reduce((sum, { chain }) => sum + chain.sampleLines, 0);
  let moments: Moments;
  if (base == null) {
    moments = { ...NO_MOMENTS };
    for (const { chain } of counted) {
      for (const moment of MOMENTS) {
        const amount = chain[moment];
        if (amount !== null) moments[moment] = (moments[moment] ?? 0n) + amount;
      }
    }
  } else {
    const deflator = await deflatorFor(
      ctx,
      base,
      counted.map(({ year }) => year),
    );
    const real = new RealSums<Moment>();
    for (const { year, chain } of counted) real.add(momentsOf(chain), year, deflator);
    moments = real.moments();
  }
  const summed = lineCount === 0 ? SpendingChain.empty(scopeFlags) : SpendingChain.of(moments, lineCount, sampleLines, scopeFlags);
  summed.inPesosOf = base ?? null;
  return summed;
}
