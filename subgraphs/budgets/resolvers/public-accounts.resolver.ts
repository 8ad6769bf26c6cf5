import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { cellOffset, lazyField, pageOfCells } from '../../kit/cell-connection';
import { pageWindow } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { badUserInput } from '../../../common/errors';
import { SpendingChain } from '../entities/spending-chain.object';
import { budgetCode } from '../entities/values.object';
import { AccountDimension, accountCells, type AccountCellRow, type AccountFigure } from '../queries/public-account-cells.query';
import { deflatorFor, type Deflator } from '../queries/real-pesos.query';
import { PublicAccountFilter } from './public-accounts.input';
import { PublicAccountCell, PublicAccountConnection } from './public-accounts.types';
import { mergeInRealPesos, sortCells } from './real-pesos.views';
import { ChainMoment, IN_PESOS_OF, SortDirection, SpendingOrder } from './spending.input';

const FIGURE: Partial<Record<ChainMoment, AccountFigure>> = {
  APPROVED: 'approved',
  MODIFIED: 'modified',
  ACCRUED: 'accrued',
  EXERCISED: 'exercised',
};

function cellOf(row: AccountCellRow, inPesosOf: number | null): PublicAccountCell {
  const cell = new PublicAccountCell();
  cell.key = {
    fiscalYear: row.fiscalYear,
    ramo: row.ramoCode === null ? null : budgetCode(row.ramoCode, row.ramoName),
    program: row.programKey === null ? null : budgetCode(row.programKey, row.programName),
  };
  cell.amounts = amountsOf(row, inPesosOf);
  cell.accountCount = row.accountCount;
  return cell;
}

/** The sums of a cell as a chain; none (no account passes the filter) is the empty chain. */
function amountsOf(row: AccountCellRow | undefined, inPesosOf: number | null): SpendingChain {
  const chain = !row || row.accountCount === 0 ? SpendingChain.empty() : SpendingChain.of(row.moments, row.accountCount, 0);
  chain.inPesosOf = inPesosOf;
  return chain;
}

const keysOf = (row: AccountCellRow) => ({ fiscalYear: row.fiscalYear, ramoCode: row.ramoCode, programKey: row.programKey });

/**
 * Accounts of single years merged into the cells of `groupBy` in real pesos: each year's figures deflated, each sum
 * rounded once.
 */
function mergeInBaseYear(rows: AccountCellRow[], groupBy: AccountDimension[], deflator: Deflator): AccountCellRow[] {
  const grouped = (dimension: AccountDimension) => groupBy.includes(dimension);
  const keyed = (row: AccountCellRow): AccountCellRow => ({
    ...row,
    fiscalYear: grouped(AccountDimension.FISCAL_YEAR) ? row.fiscalYear : null,
    ...(grouped(AccountDimension.RAMO) ? {} : { ramoCode: null, ramoName: null }),
    ...(grouped(AccountDimension.PROGRAM) ? {} : { programKey: null, programName: null }),
  });
  const cells = mergeInRealPesos(
    rows,
    (row) => JSON.stringify(keysOf(keyed(row))),
    (row) => row.fiscalYear as number,
    (row) => row.moments,
    deflator,
  );
  return cells.map(({ rows: merged, real }) => ({
    ...keyed(merged[0]),
    moments: real.moments(),
    accountCount: merged.reduce((sum, row) => sum + row.accountCount, 0),
  }));
}

@Resolver()
export class PublicAccountsResolver {
  @Query(() => PublicAccountConnection, {
    description:
      'Aggregates of the federal public account (*Cuenta Pública*): program accounts grouped by year, ramo or program and summed exactly (complete year-end figures).',
  })
  async publicAccounts(
    @Arg('groupBy', () => [AccountDimension], { description: 'The dimensions that make a cell (*agrupar por*).' })
    groupBy: AccountDimension[],
    @Arg('filter', () => PublicAccountFilter, { nullable: true, description: 'Which accounts to sum.' }) filter: PublicAccountFilter | null,
    @Arg('orderBy', () => SpendingOrder, {
      nullable: true,
      description: 'Order of the cells: by APPROVED, MODIFIED, ACCRUED or EXERCISED, or by key unless given.',
    })
    orderBy: SpendingOrder | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many cells to return (default 20, at most the server maximum).' })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Return the cells after this cursor (an `endCursor`).' })
    after: string | null,
    @Arg('inPesosOf', () => Int, { nullable: true, description: IN_PESOS_OF }) inPesosOf: number | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PublicAccountConnection> {
    const window = pageWindow({ first: first ?? null }, ctx.config.maxPageSize);
    const offset = cellOffset(after, 'account-cell', 'a public-account aggregate');
    const figure = orderBy?.moment ? (FIGURE[orderBy.moment] ?? null) : null;
    if (orderBy?.moment && figure === null)
      throw badUserInput(`The public account publishes no ${orderBy.moment} figure to order by`, 'orderBy');
    const descending = orderBy?.direction === SortDirection.DESC;
    const manager = ctx.dataSource.manager;
    const none = { figure: null, descending: false };
    if (inPesosOf == null) {
      const rows = await accountCells(manager, groupBy, filter, { figure, descending }, offset, window.first + 1);
      return lazyField(
        pageOfCells(
          rows.map((row) => cellOf(row, null)),
          window.first,
          offset,
          'account-cell',
          async () => (await accountCells(manager, groupBy, filter, none, 0, null)).length,
        ),
        'total',
        async () => amountsOf((await accountCells(manager, [], filter, none, 0, null))[0], null),
      );
    }
    const byYear = await accountCells(manager, [...groupBy, AccountDimension.FISCAL_YEAR], filter, none, 0, null);
    const deflator = await deflatorFor(
      ctx,
      inPesosOf,
      byYear.map((row) => row.fiscalYear as number),
    );
    const cells = mergeInBaseYear(byYear, groupBy, deflator);
    sortCells(cells, figure === null ? null : (row) => row.moments[figure], keysOf, descending);
    return lazyField(
      pageOfCells(
        cells.slice(offset, offset + window.first + 1).map((row) => cellOf(row, inPesosOf)),
        window.first,
        offset,
        'account-cell',
        async () => cells.length,
      ),
      'total',
      async () => amountsOf(mergeInBaseYear(byYear, [], deflator)[0], inPesosOf),
    );
  }
}
