import { Arg, Field, InputType, Int, ObjectType, Query, Resolver, registerEnumType, Ctx } from 'type-graphql';
import { decodeCursor, encodeCursor, PageInfo, pageWindow } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { badUserInput } from '../../kit/errors';
import { SpendingChain } from '../entities/spending-chain';
import { budgetCode, BudgetCode } from '../entities/values';
import { AccountDimension, accountCells, type AccountCellRow, type AccountFigure } from '../queries/public-account-cells.query';
import { ChainMoment, SortDirection, SpendingOrder } from './spending.input';

registerEnumType(AccountDimension, {
  name: 'PublicAccountDimension',
  description: 'What program accounts of the *Cuenta Pública* can be grouped by.',
  valuesConfig: {
    FISCAL_YEAR: { description: 'Fiscal year (*ciclo*).' },
    RAMO: { description: 'Ramo (*ramo*) as the account publishes it.' },
    PROGRAM: { description: 'Program key (*clave del programa presupuestario*), e.g. `33I005`.' },
  },
});

@InputType({ description: 'Which program accounts to sum; all given criteria must hold.' })
export class PublicAccountFilter {
  @Field(() => [Int], { nullable: true, description: 'Fiscal years (*ciclos*).' })
  fiscalYears?: number[] | null;

  @Field(() => [String], { nullable: true, description: 'Ramos (*ramos*) by code, e.g. `33`.' })
  ramos?: string[] | null;
}

@ObjectType({ description: 'What a cell of a public-account aggregate is; null for dimensions not grouped by.' })
export class PublicAccountKey {
  @Field(() => Int, { nullable: true, description: 'Fiscal year (*ciclo*).' })
  fiscalYear: number | null;

  @Field(() => BudgetCode, { nullable: true, description: 'Ramo (*ramo*): code and name as published in the account.' })
  ramo: BudgetCode | null;

  @Field(() => BudgetCode, { nullable: true, description: 'Program (*programa presupuestario*): full key and name as published.' })
  program: BudgetCode | null;
}

@ObjectType({ description: 'One cell of a public-account aggregate: a combination of the grouped dimensions and its exact sums.' })
export class PublicAccountCell {
  @Field(() => PublicAccountKey, { description: 'The values of the grouped dimensions.' })
  key: PublicAccountKey;

  @Field(() => SpendingChain, {
    description:
      'Approved, modified, accrued and exercised totals of the accounts, summed exactly; committed and paid are not published (null).',
  })
  amounts: SpendingChain;

  @Field(() => Int, { description: 'How many program accounts the cell sums.' })
  accountCount: number;
}

@ObjectType({ description: 'One cell in a page of a public-account aggregate, with its cursor.' })
export class PublicAccountCellEdge {
  @Field({ description: 'Opaque position of this cell, usable as `after`.' })
  cursor: string;

  @Field(() => PublicAccountCell, { description: 'The cell.' })
  node: PublicAccountCell;
}

@ObjectType({ description: 'A page of the cells of a public-account aggregate (offset cursors).' })
export class PublicAccountConnection {
  @Field(() => [PublicAccountCellEdge], { description: 'The cells on this page, in order.' })
  edges: PublicAccountCellEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits among all the cells.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many cells the aggregate has (counted only when asked for).' })
  totalCount: Promise<number>;

  @Field(() => SpendingChain, { description: 'Grand total (*total general*) over every account the filter lets through.' })
  total: Promise<SpendingChain>;
}

const FIGURE: Partial<Record<ChainMoment, AccountFigure>> = {
  APPROVED: 'approved',
  MODIFIED: 'modified',
  ACCRUED: 'accrued',
  EXERCISED: 'exercised',
};

function cellOf(row: AccountCellRow): PublicAccountCell {
  const cell = new PublicAccountCell();
  cell.key = {
    fiscalYear: row.fiscalYear,
    ramo: row.ramoCode === null ? null : budgetCode(row.ramoCode, row.ramoName),
    program: row.programKey === null ? null : budgetCode(row.programKey, row.programName),
  };
  cell.amounts = SpendingChain.of(row.moments, row.accountCount, 0);
  cell.accountCount = row.accountCount;
  return cell;
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
    @Ctx() ctx: SubgraphContext,
  ): Promise<PublicAccountConnection> {
    const window = pageWindow({ first: first ?? null }, ctx.config.maxPageSize);
    const match = after == null ? ['', '0'] : /^account-cell:(\d+)$/.exec(decodeCursor(after));
    if (!match) throw badUserInput(`"${after}" is not a cursor of a public-account aggregate`, 'after');
    const offset = Number(match[1]);
    const figure = orderBy?.moment ? (FIGURE[orderBy.moment] ?? null) : null;
    if (orderBy?.moment && figure === null)
      throw badUserInput(`The public account publishes no ${orderBy.moment} figure to order by`, 'orderBy');
    const order = { figure, descending: orderBy?.direction === SortDirection.DESC };
    const manager = ctx.dataSource.manager;
    const rows = await accountCells(manager, groupBy, filter, order, offset, window.first + 1);
    const edges = rows
      .slice(0, window.first)
      .map((row, i) => ({ cursor: encodeCursor(`account-cell:${offset + i + 1}`), node: cellOf(row) }));
    let counted: Promise<number> | undefined;
    let summed: Promise<SpendingChain> | undefined;
    const connection = {
      edges,
      pageInfo: {
        hasNextPage: rows.length > window.first,
        hasPreviousPage: offset > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    };
    const none = { figure: null, descending: false };
    return Object.defineProperties(connection, {
      totalCount: {
        enumerable: true,
        get: () => (counted ??= accountCells(manager, groupBy, filter, none, 0, null).then((all) => all.length)),
      },
      total: {
        enumerable: true,
        get: () =>
          (summed ??= accountCells(manager, [], filter, none, 0, null).then(([row]) =>
            row && row.accountCount > 0 ? cellOf(row).amounts : SpendingChain.empty(),
          )),
      },
    }) as PublicAccountConnection;
  }
}
