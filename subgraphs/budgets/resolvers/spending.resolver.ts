import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { cellOffset, lazyField, pageOfCells } from '../../kit/cell-connection';
import { pageWindow } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { BudgetProgram } from '../entities/budget-program.entity';
import { NO_MOMENTS, SpendingChain, type Moments } from '../entities/spending-chain.object';
import { programById } from '../loaders';
import { deflatorFor, gdpOf, type Deflator } from '../queries/real-pesos.query';
import {
  allCells,
  cellCount,
  cellPage,
  grandTotal,
  type CellRow,
  type DimensionFilter,
  type Moment,
} from '../queries/spending-cells.query';
import { MOMENTS } from '../queries/spending-chain.query';
import { canonical, SpendingDimension } from '../queries/spending-dimensions.query';
import { mergeInRealPesos, sortCells } from './real-pesos.views';
import { IN_PESOS_OF, SortDirection, SpendingFilter, SpendingOrder } from './spending.input';
import { GdpShares, SpendingCell, SpendingConnection, SpendingKey } from './spending.types';

interface SpendingArgs {
  groupBy: SpendingDimension[];
  filter: SpendingFilter | null;
  orderBy: SpendingOrder | null;
  first: number | null;
  after: string | null;
  inPesosOf: number | null;
}

const FILTERS: [keyof SpendingFilter, SpendingDimension, (value: string) => string][] = [
  ['states', SpendingDimension.STATE, (v) => v],
  ['ramos', SpendingDimension.RAMO, (v) => v.padStart(2, '0')],
  ['institutions', SpendingDimension.INSTITUTION, (v) => v],
  ['programs', SpendingDimension.PROGRAM, (v) => v],
  ['modalities', SpendingDimension.MODALITY, (v) => v.toUpperCase()],
  ['chapters', SpendingDimension.CHAPTER, (v) => v],
  ['concepts', SpendingDimension.CONCEPT, (v) => v],
  ['genericItems', SpendingDimension.GENERIC_ITEM, (v) => v],
  ['fundingSources', SpendingDimension.FUNDING_SOURCE, (v) => v],
  ['expenseTypes', SpendingDimension.EXPENSE_TYPE, (v) => v],
  ['functions', SpendingDimension.FUNCTION, (v) => v],
];

function dimensionFilter(filter: SpendingFilter | null): DimensionFilter {
  const result: DimensionFilter = {};
  if (!filter) return result;
  if (filter.fiscalYears != null) result.FISCAL_YEAR = filter.fiscalYears;
  for (const [field, dimension, normalise] of FILTERS) {
    const values = filter[field] as string[] | null | undefined;
    if (values != null) result[dimension] = values.map(normalise);
  }
  return result;
}

const momentOf = (order: SpendingOrder | null): Moment | null => (order?.moment ? (order.moment.toLowerCase() as Moment) : null);

/** Builds a page of cells: summed in SQL for published figures, deflated exactly in memory for real pesos. */
async function spendingPage(ctx: SubgraphContext, args: SpendingArgs): Promise<SpendingConnection> {
  const window = pageWindow({ first: args.first, after: null }, ctx.config.maxPageSize);
  const offset = cellOffset(args.after, 'cell', 'a spending aggregate');
  const groupBy = canonical(args.groupBy);
  const filter = dimensionFilter(args.filter);
  const pinnedYear = filter.FISCAL_YEAR?.length === 1 ? Number(filter.FISCAL_YEAR[0]) : null;
  const yearOf = (row: CellRow) => (groupBy.includes(SpendingDimension.FISCAL_YEAR) ? Number(row.keys.fiscalYear) : pinnedYear);
  const descending = args.orderBy?.direction === SortDirection.DESC;
  const moment = momentOf(args.orderBy);
  const manager = ctx.dataSource.manager;

  if (args.inPesosOf === null) {
    const rows = await cellPage(manager, groupBy, filter, { moment, descending }, offset, window.first + 1);
    return lazyField(
      pageOfCells(
        rows.map((row) => cellOf(row, row.moments, yearOf(row), null)),
        window.first,
        offset,
        'cell',
        () => cellCount(manager, groupBy, filter),
      ),
      'total',
      async () => {
        const [row] = await grandTotal(manager, filter, false);
        return chainOf(row?.moments ?? NO_MOMENTS, row?.lineCount ?? 0, row?.sampleLines ?? 0, null);
      },
    );
  }
  const base = args.inPesosOf;
  const withYear = canonical([...groupBy, SpendingDimension.FISCAL_YEAR]);
  const rows = await allCells(manager, withYear, filter);
  const deflator = await deflatorFor(
    ctx,
    base,
    rows.map((row) => Number(row.keys.fiscalYear)),
  );
  const merged = mergeByKey(rows, groupBy, deflator);
  sortCells(merged, moment === null ? null : (cell) => cell.real[moment], (cell) => cell.row.keys, descending);
  const page = merged.slice(offset, offset + window.first + 1);
  return lazyField(
    pageOfCells(
      page.map((cell) => cellOf(cell.row, cell.real, yearOf(cell.row), base)),
      window.first,
      offset,
      'cell',
      async () => merged.length,
    ),
    'total',
    async () => {
      const all = mergeByKey(rows, [], deflator)[0];
      return all ? chainOf(all.real, all.row.lineCount, all.row.sampleLines, base) : chainOf(NO_MOMENTS, 0, 0, base);
    },
  );
}

function chainOf(moments: Moments, lineCount: number, sampleLines: number, inPesosOf: number | null): SpendingChain {
  const chain = lineCount === 0 ? SpendingChain.empty() : SpendingChain.of(moments, lineCount, sampleLines);
  chain.inPesosOf = inPesosOf;
  return chain;
}

function cellOf(row: CellRow, moments: Moments, year: number | null, inPesosOf: number | null): SpendingCell {
  const cell = new SpendingCell();
  cell.key = new SpendingKey(row);
  cell.amounts = chainOf(moments, row.lineCount, row.sampleLines, inPesosOf);
  cell.lineCount = row.lineCount;
  cell.nominal = row.moments;
  cell.year = year;
  return cell;
}

/**
 * Sums rows of single years into the cells of `groupBy`: the published figures exactly (for shares of GDP), and each
 * figure carried into the base year's pesos first.
 */
function mergeByKey(rows: CellRow[], groupBy: SpendingDimension[], deflator: Deflator): { row: CellRow; real: Moments }[] {
  const keepsYear = groupBy.includes(SpendingDimension.FISCAL_YEAR);
  const keysOf = (row: CellRow) =>
    keepsYear ? row.keys : Object.fromEntries(Object.entries(row.keys).filter(([column]) => column !== 'fiscalYear'));
  const cells = mergeInRealPesos(
    rows,
    (row) => JSON.stringify(keysOf(row)),
    (row) => Number(row.keys.fiscalYear),
    (row) => row.moments,
    deflator,
  );
  return cells.map(({ rows: merged, real }) => {
    const row: CellRow = { keys: keysOf(merged[0]), names: merged[0].names, moments: { ...NO_MOMENTS }, lineCount: 0, sampleLines: 0 };
    for (const part of merged) {
      row.lineCount += part.lineCount;
      row.sampleLines += part.sampleLines;
      for (const moment of MOMENTS) {
        const amount = part.moments[moment];
        if (amount !== null) row.moments[moment] = (row.moments[moment] ?? 0n) + amount;
      }
    }
    return { row, real: real.moments() };
  });
}

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
