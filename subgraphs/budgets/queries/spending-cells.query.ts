import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Moments } from '../entities/spending-chain.object';
import { SpendingRollup } from '../entities/spending-rollup.entity';
import { MOMENTS } from './spending-chain.query';
import { orderByMoneySum, readMoneySum, sumMoneySql } from '../../kit/money-sum';
import { canonical, DIMENSION_COLUMNS, rollupFor, SpendingDimension } from './spending-dimensions.query';

export type Moment = (typeof MOMENTS)[number];

/** Values a dimension must take (any of them); dimensions not listed are not filtered. */
export type DimensionFilter = Partial<Record<SpendingDimension, (string | number)[]>>;

export interface CellOrder {
  /** A moment to sort cells by its sum, or null for the grouping keys. */
  moment: Moment | null;
  descending: boolean;
}

/** One cell as read: its key columns, its published names, its sums. */
export interface CellRow {
  keys: Record<string, string | number | null>;
  names: Record<string, string | null>;
  moments: Moments;
  lineCount: number;
  sampleLines: number;
}

/**
 * Where cells are summed from: the smallest rollup holding every dimension grouped or filtered — at worst the finest
 * cells, never the budget lines themselves.
 */
class CellSource {
  readonly query: SelectQueryBuilder<object>;

  constructor(manager: EntityManager, needed: SpendingDimension[]) {
    this.query = manager
      .getRepository(SpendingRollup)
      .createQueryBuilder('r')
      .select([])
      .where('r.grouping = :grouping', { grouping: rollupFor(needed).join(',') });
  }

  column(name: string): string {
    return `r.${name}`;
  }

  /** The column a moment is summed from: the rollup's pre-summed cells. */
  amount(moment: Moment): string {
    return `r.${moment}`;
  }

  addMeasures(): void {
    for (const moment of MOMENTS) this.query.addSelect(sumMoneySql(this.query.connection, this.amount(moment)), moment);
    this.query.addSelect('SUM(r.lineCount)', 'lineCount').addSelect('SUM(r.sampleLines)', 'sampleLines');
  }

  applyFilter(filter: DimensionFilter): void {
    for (const [dimension, values] of Object.entries(filter) as [SpendingDimension, (string | number)[]][]) {
      const column = DIMENSION_COLUMNS[dimension].keys[0];
      const parameter = `filter_${column}`;
      if (values.length === 0) this.query.andWhere('1 = 0');
      else this.query.andWhere(`${this.column(column)} IN (:...${parameter})`, { [parameter]: values });
    }
  }
}

function filtered(filter: DimensionFilter): SpendingDimension[] {
  return (Object.keys(filter) as SpendingDimension[]).filter((dimension) => filter[dimension] !== undefined);
}

/** The grouped, filtered query of cells, before ordering and paging. */
function cellQuery(manager: EntityManager, groupBy: SpendingDimension[], filter: DimensionFilter, measured = true) {
  const grouping = canonical(groupBy);
  const source = new CellSource(manager, canonical([...grouping, ...filtered(filter)]));
  const keys = grouping.flatMap((dimension) => DIMENSION_COLUMNS[dimension].keys);
  const names = measured ? grouping.flatMap((dimension) => DIMENSION_COLUMNS[dimension].names) : [];
  for (const key of keys) source.query.addSelect(source.column(key), `k_${key}`).addGroupBy(source.column(key));
  for (const name of names) source.query.addSelect(`MIN(${source.column(name)})`, `n_${name}`);
  if (measured) source.addMeasures();
  source.applyFilter(filter);
  return { source, keys, names };
}

function toRow(raw: Record<string, unknown>, keys: string[], names: string[]): CellRow {
  const read = (value: unknown) => (value === null || value === undefined ? null : typeof value === 'number' ? value : String(value));
  const [approved, modified, committed, accrued, exercised, paid] = MOMENTS.map((moment) => readMoneySum(raw[moment]));
  return {
    keys: Object.fromEntries(keys.map((key) => [key, key === 'fiscalYear' ? Number(raw[`k_${key}`]) : read(raw[`k_${key}`])])),
    names: Object.fromEntries(names.map((name) => [name, read(raw[`n_${name}`]) as string | null])),
    moments: { approved, modified, committed, accrued, exercised, paid },
    lineCount: Number(raw.lineCount),
    sampleLines: Number(raw.sampleLines ?? 0),
  };
}

/** Null keys sort last on both engines (SQLite puts them first, PostgreSQL last). */
function orderNullsLast(query: SelectQueryBuilder<object>, expression: string, descending: boolean, first: boolean): void {
  const nulls = `CASE WHEN ${expression} IS NULL THEN 1 ELSE 0 END`;
  if (first) query.orderBy(nulls, 'ASC');
  else query.addOrderBy(nulls, 'ASC');
  query.addOrderBy(expression, descending ? 'DESC' : 'ASC');
}

/** One page of cells (`limit` rows from `offset`), in the given order, ties broken by the keys. */
export async function cellPage(
  manager: EntityManager,
  groupBy: SpendingDimension[],
  filter: DimensionFilter,
  order: CellOrder,
  offset: number,
  limit: number,
): Promise<CellRow[]> {
  const { source, keys, names } = cellQuery(manager, groupBy, filter);
  let first = true;
  if (order.moment !== null) {
    orderByMoneySum(source.query, source.amount(order.moment), order.descending);
    first = false;
  }
  for (const key of keys) {
    orderNullsLast(source.query, source.column(key), order.moment === null && order.descending, first);
    first = false;
  }
  const rows: Record<string, unknown>[] = await source.query.offset(offset).limit(limit).getRawMany();
  return rows.map((raw) => toRow(raw, keys, names));
}

/** Every cell, unordered: for figures whose order SQL cannot compute exactly (real pesos). */
export async function allCells(manager: EntityManager, groupBy: SpendingDimension[], filter: DimensionFilter): Promise<CellRow[]> {
  const { source, keys, names } = cellQuery(manager, groupBy, filter);
  const rows: Record<string, unknown>[] = await source.query.getRawMany();
  return rows.map((raw) => toRow(raw, keys, names));
}

/** How many cells the grouping has under the filter. */
export async function cellCount(manager: EntityManager, groupBy: SpendingDimension[], filter: DimensionFilter): Promise<number> {
  if (groupBy.length === 0) return 1;
  // Only the groups: the engines compute every column of a grouped subquery, sums included, even when only counted.
  const { source } = cellQuery(manager, groupBy, filter, false);
  const [sql, parameters] = source.query.getQueryAndParameters();
  const rows: { cells: unknown }[] = await manager.query(`SELECT COUNT(*) AS cells FROM (${sql}) grouped`, parameters);
  return Number(rows[0].cells);
}

/** The sums over everything the filter lets through (one cell of no grouping). */
export async function grandTotal(manager: EntityManager, filter: DimensionFilter, byYear: boolean): Promise<CellRow[]> {
  return allCells(manager, byYear ? [SpendingDimension.FISCAL_YEAR] : [], filter);
}
