import { decodeCursor, encodeCursor, pageWindow } from '../../kit/connection';
import type { SubgraphContext } from '../../kit/context';
import { badUserInput } from '../../kit/errors';
import { NO_MOMENTS, SpendingChain, type Moments } from '../entities/spending-chain';
import { deflatorFor, Fraction, type Deflator } from '../queries/real-pesos.query';
import {
  allCells,
  cellCount,
  cellPage,
  grandTotal,
  type CellRow,
  type DimensionFilter,
  type Moment,
} from '../queries/spending-cells.query';
import { canonical, SpendingDimension } from '../queries/spending-dimensions.query';
import { MOMENTS } from '../queries/spending-chain.query';
import { SortDirection, type SpendingFilter, type SpendingOrder } from './spending.input';
import { SpendingCell, type SpendingConnection, SpendingKey } from './spending.types';

export interface SpendingArgs {
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

export function dimensionFilter(filter: SpendingFilter | null): DimensionFilter {
  const result: DimensionFilter = {};
  if (!filter) return result;
  if (filter.fiscalYears != null) result.FISCAL_YEAR = filter.fiscalYears;
  for (const [field, dimension, normalise] of FILTERS) {
    const values = filter[field] as string[] | null | undefined;
    if (values != null) result[dimension] = values.map(normalise);
  }
  return result;
}

/** Offset cursors: cells have no stable id to seek from, and a page's cells are bounded by the catalogues. */
function offsetOf(after: string | null): number {
  if (after === null) return 0;
  const match = /^cell:(\d+)$/.exec(decodeCursor(after));
  if (!match) throw badUserInput(`"${after}" is not a cursor of a spending aggregate`, 'after');
  return Number(match[1]);
}

const momentOf = (order: SpendingOrder | null): Moment | null => (order?.moment ? (order.moment.toLowerCase() as Moment) : null);

/** Builds a page of cells: summed in SQL for published figures, deflated exactly in memory for real pesos. */
export async function spendingPage(ctx: SubgraphContext, args: SpendingArgs): Promise<SpendingConnection> {
  const window = pageWindow({ first: args.first, after: null }, ctx.config.maxPageSize);
  const offset = offsetOf(args.after);
  const groupBy = canonical(args.groupBy);
  const filter = dimensionFilter(args.filter);
  const pinnedYear = filter.FISCAL_YEAR?.length === 1 ? Number(filter.FISCAL_YEAR[0]) : null;
  const yearOf = (row: CellRow) => (groupBy.includes(SpendingDimension.FISCAL_YEAR) ? Number(row.keys.fiscalYear) : pinnedYear);
  const descending = args.orderBy?.direction === SortDirection.DESC;
  const moment = momentOf(args.orderBy);
  const manager = ctx.dataSource.manager;

  let cells: SpendingCell[];
  let more: boolean;
  let totalCount: () => Promise<number>;
  let total: () => Promise<SpendingChain>;
  if (args.inPesosOf === null) {
    const rows = await cellPage(manager, groupBy, filter, { moment, descending }, offset, window.first + 1);
    more = rows.length > window.first;
    cells = rows.slice(0, window.first).map((row) => cellOf(row, row.moments, yearOf(row), null));
    totalCount = () => cellCount(manager, groupBy, filter);
    total = async () => {
      const [row] = await grandTotal(manager, filter, false);
      return chainOf(row?.moments ?? NO_MOMENTS, row?.lineCount ?? 0, row?.sampleLines ?? 0, null);
    };
  } else {
    const base = args.inPesosOf;
    const withYear = canonical([...groupBy, SpendingDimension.FISCAL_YEAR]);
    const rows = await allCells(manager, withYear, filter);
    const deflator = await deflatorFor(
      ctx,
      base,
      rows.map((row) => Number(row.keys.fiscalYear)),
    );
    const merged = mergeByKey(rows, groupBy, deflator);
    sortCells(merged, moment, descending);
    const page = merged.slice(offset, offset + window.first + 1);
    more = page.length > window.first;
    cells = page.slice(0, window.first).map((cell) => cellOf(cell.row, cell.rounded(), yearOf(cell.row), base));
    totalCount = async () => merged.length;
    total = async () => {
      const all = mergeByKey(rows, [], deflator)[0];
      return all ? chainOf(all.rounded(), all.row.lineCount, all.row.sampleLines, base) : chainOf(NO_MOMENTS, 0, 0, base);
    };
  }

  const edges = cells.map((node, i) => ({ cursor: encodeCursor(`cell:${offset + i + 1}`), node }));
  let counted: Promise<number> | undefined;
  let summed: Promise<SpendingChain> | undefined;
  const connection = {
    edges,
    pageInfo: {
      hasNextPage: more,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
  // Getters: the COUNT and the grand total run only when a client selects them.
  return Object.defineProperties(connection, {
    totalCount: { enumerable: true, get: () => (counted ??= totalCount()) },
    total: { enumerable: true, get: () => (summed ??= total()) },
  }) as SpendingConnection;
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

/** A cell in real pesos: the exact deflated sums of its years, rounded once. */
class RealCell {
  readonly sums = new Map<Moment, Fraction>();

  constructor(readonly row: CellRow) {}

  rounded(): Moments {
    const value = (moment: Moment) => this.sums.get(moment)?.toCentavo() ?? null;
    return {
      approved: value('approved'),
      modified: value('modified'),
      committed: value('committed'),
      accrued: value('accrued'),
      exercised: value('exercised'),
      paid: value('paid'),
    };
  }
}

/** Sums rows of single years into the cells of `groupBy`, each figure carried into the base year's pesos first. */
function mergeByKey(rows: CellRow[], groupBy: SpendingDimension[], deflator: Deflator): RealCell[] {
  const cells = new Map<string, RealCell>();
  const keepsYear = groupBy.includes(SpendingDimension.FISCAL_YEAR);
  for (const row of rows) {
    const year = Number(row.keys.fiscalYear);
    const keys = keepsYear ? row.keys : Object.fromEntries(Object.entries(row.keys).filter(([column]) => column !== 'fiscalYear'));
    const id = JSON.stringify(keys);
    let cell = cells.get(id);
    if (!cell) {
      cell = new RealCell({ keys, names: row.names, moments: { ...NO_MOMENTS }, lineCount: 0, sampleLines: 0 });
      cells.set(id, cell);
    }
    cell.row.lineCount += row.lineCount;
    cell.row.sampleLines += row.sampleLines;
    for (const moment of MOMENTS) {
      const amount = row.moments[moment];
      if (amount === null) continue;
      cell.row.moments[moment] = (cell.row.moments[moment] ?? 0n) + amount;
      cell.sums.set(moment, (cell.sums.get(moment) ?? Fraction.ZERO).plus(deflator.real(amount, year)));
    }
  }
  return [...cells.values()];
}

function compareKeys(a: CellRow, b: CellRow): number {
  for (const column of Object.keys(a.keys)) {
    const x = a.keys[column];
    const y = b.keys[column];
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return typeof x === 'number' && typeof y === 'number' ? x - y : String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

function sortCells(cells: RealCell[], moment: Moment | null, descending: boolean): void {
  const sign = descending ? -1 : 1;
  const values = new Map(cells.map((cell) => [cell, moment === null ? null : (cell.rounded()[moment] ?? null)]));
  cells.sort((a, b) => {
    if (moment !== null) {
      const x = values.get(a) ?? null;
      const y = values.get(b) ?? null;
      if (x !== y) {
        if (x === null) return 1;
        if (y === null) return -1;
        return x < y ? -sign : sign;
      }
      return compareKeys(a.row, b.row);
    }
    return sign * compareKeys(a.row, b.row);
  });
}
