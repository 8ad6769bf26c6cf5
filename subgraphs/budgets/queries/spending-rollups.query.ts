import type { DataSource, EntityManager } from 'typeorm';
import { MONEY_MAX, outOfRange, type Money } from '../../kit/money';
import { readMoneySum, sumMoneySql } from '../../kit/money-sum';
import { BudgetLine } from '../entities/budget-line.entity';
import { BudgetProgram } from '../entities/budget-program.entity';
import { SpendingRollup } from '../entities/spending-rollup.entity';
import { MOMENTS } from './spending-chain.query';
import {
  derivableFrom,
  DIMENSION_COLUMNS,
  PROGRAM_COLUMNS,
  REFRESH_ORDER,
  ROLLUP_GROUPINGS,
  type SpendingDimension,
} from './spending-dimensions.query';
import { SAMPLE_DATASETS } from '../entities/budget-line.entity';

/** The budget line (alias `l`) or program (alias `p`) property a rollup column is read from. */
export function lineColumn(column: string): string {
  return `${PROGRAM_COLUMNS.has(column) ? 'p' : 'l'}.${column}`;
}

/**
 * Rewrites the rollup cells of the given fiscal years inside the importing transaction. The lines are read once, into
 * the finest cells; every coarser grouping is then summed from the rollup already written that holds its dimensions
 * with the fewest cells (see derivableFrom: the hubs, then the pairs inside them), so the lines are read once and the
 * finest cells a few times, not once per grouping. Rebuilding whole years,
 * rather than adding the import's differences, keeps the cells exact whatever the import did to the lines (new,
 * changed, replaced or deleted).
 *
 * Sums of stored cells can leave 64 bits where the lines' exact sums would not (SQLite's running SUM), and a cell
 * beyond the money range must be named: on any failure the derived cells are dropped and every grouping is summed
 * again from the lines, each with the checks below.
 */
export async function refreshSpendingRollups(manager: EntityManager, fiscalYears: number[]): Promise<void> {
  const years = [...new Set(fiscalYears)];
  if (years.length === 0) return;
  await manager.createQueryBuilder().delete().from(SpendingRollup).where('fiscalYear IN (:...years)', { years }).execute();
  await manager.query(`SAVEPOINT ${DERIVED}`);
  try {
    const written = new Map<string, number>();
    for (const grouping of REFRESH_ORDER) {
      const from = fewestCells(derivableFrom(grouping), written);
      await insertCells(manager, groupingSelect(manager, grouping, from, years, false));
      if (grouping.length > 0) written.set(grouping.join(','), await cellCount(manager, grouping, years));
    }
    await manager.query(`RELEASE SAVEPOINT ${DERIVED}`);
  } catch {
    await manager.query(`ROLLBACK TO SAVEPOINT ${DERIVED}`);
    await manager.query(`RELEASE SAVEPOINT ${DERIVED}`);
    // Coarsest first, so that a sum beyond range is reported in the grouping that asks the fewest questions.
    for (const grouping of ROLLUP_GROUPINGS) await refreshFromLines(manager, grouping, years);
  }
  // A sum of exactly −2⁶³ fits the column, and no engine complains, but it is outside the documented range.
  for (const grouping of await groupingsBelowRange(manager, years)) {
    const cells = await overflowingCells(manager, grouping, years);
    if (cells.length > 0) throw new RollupOverflow(grouping, cells);
  }
}

/** Of the rollups a grouping can be summed from, the one written with the fewest cells; null for the lines. */
function fewestCells(candidates: SpendingDimension[][] | null, written: Map<string, number>): SpendingDimension[] | null {
  if (candidates === null) return null;
  const cells = (grouping: SpendingDimension[]) => written.get(grouping.join(','))!;
  return candidates.reduce((best, candidate) => (cells(candidate) < cells(best) ? candidate : best));
}

async function cellCount(manager: EntityManager, grouping: SpendingDimension[], years: number[]): Promise<number> {
  return manager
    .getRepository(SpendingRollup)
    .createQueryBuilder('r')
    .where('r.grouping = :grouping AND r.fiscalYear IN (:...years)', { grouping: grouping.join(','), years })
    .getCount();
}

/**
 * The fiscal years whose lines lack the cells of some rollup grouping: loaded by a version that kept other groupings
 * (or, on PostgreSQL, before the migrations that fill them). A year with lines has at least one cell in every grouping.
 */
export async function yearsMissingRollups(manager: EntityManager): Promise<number[]> {
  const rows: { fiscalYear: number }[] = await manager
    .getRepository(BudgetLine)
    .createQueryBuilder('l')
    .select('DISTINCT l.fiscalYear', 'fiscalYear')
    .getRawMany();
  const missing: number[] = [];
  for (const fiscalYear of rows.map((row) => Number(row.fiscalYear))) {
    for (const grouping of ROLLUP_GROUPINGS) {
      const stored = await manager
        .getRepository(SpendingRollup)
        .createQueryBuilder('r')
        .where('r.grouping = :grouping AND r.fiscalYear = :fiscalYear', { grouping: grouping.join(','), fiscalYear })
        .getExists();
      if (!stored) {
        missing.push(fiscalYear);
        break;
      }
    }
  }
  return missing;
}

/** Rebuilds the rollups of the years yearsMissingRollups finds, in one transaction; nothing when there are none. */
export async function refreshIncompleteRollups(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => refreshSpendingRollups(manager, await yearsMissingRollups(manager)));
}

/** Writes one grouping's cells from the lines, refusing cells beyond range and summing exactly past SQLite's SUM. */
async function refreshFromLines(manager: EntityManager, grouping: SpendingDimension[], years: number[]): Promise<void> {
  // A failed INSERT leaves a PostgreSQL transaction unusable: the savepoint lets the failure be explained first.
  await manager.query(`SAVEPOINT ${SAVEPOINT}`);
  try {
    await insertCells(manager, groupingSelect(manager, grouping, null, years, false));
  } catch (error) {
    await manager.query(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
    const cells = await overflowingCells(manager, grouping, years);
    if (cells.length > 0) throw new RollupOverflow(grouping, cells);
    // SQLite's SUM fails as soon as its running total leaves 64 bits (lines of +max, +1, −1), even when every
    // cell's sum fits: the cells are then summed exactly and written from here.
    if (!isIntegerOverflow(error)) throw error;
    await insertSummedExactly(manager, grouping, years);
  }
  await manager.query(`RELEASE SAVEPOINT ${SAVEPOINT}`);
}

/** Runs one grouping's SELECT of cells as an INSERT into the rollup table, inside the engine. */
async function insertCells(manager: EntityManager, { sql, parameters, columns }: GroupingSelect): Promise<void> {
  const metadata = manager.connection.getMetadata(SpendingRollup);
  const { driver } = manager.connection;
  const table = metadata.tablePath
    .split('.')
    .map((part) => driver.escape(part))
    .join('.');
  const names = columns.map((property) => driver.escape(metadata.findColumnWithPropertyName(property)!.databaseName)).join(', ');
  // The query builder puts entity-column selections before expressions: the outer SELECT restores the column order.
  const selected = columns.map((alias) => driver.escape(alias)).join(', ');
  await manager.query(`INSERT INTO ${table} (${names}) SELECT ${selected} FROM (${sql}) cells`, parameters);
}

const DERIVED = 'spending_rollup_derived';

/** The groupings in which some cell of these years holds a sum below −(2⁶³ − 1), the lowest amount in range. */
async function groupingsBelowRange(manager: EntityManager, years: number[]): Promise<SpendingDimension[][]> {
  const below = MOMENTS.map((moment) => `r.${moment} < -${MONEY_MAX}`).join(' OR ');
  const rows: { grouping: string }[] = await manager
    .getRepository(SpendingRollup)
    .createQueryBuilder('r')
    .select('r.grouping', 'grouping')
    .distinct(true)
    .where('r.fiscalYear IN (:...years)', { years })
    .andWhere(`(${below})`)
    .getRawMany();
  const named = new Set(rows.map((row) => row.grouping));
  return ROLLUP_GROUPINGS.filter((grouping) => named.has(grouping.join(',')));
}

const SAVEPOINT = 'spending_rollup';

/** A rollup cell whose sum of one moment is beyond what a 64-bit money column holds. */
export interface OverflowingCell {
  fiscalYear: number;
  /** The cell's key columns (DIMENSION_COLUMNS keys), as stored: text or null. */
  keys: Record<string, string | null>;
  moment: (typeof MOMENTS)[number];
  sum: Money;
}

/**
 * The budget lines of a year sum, in some pre-summed cell, beyond the range of a money column (each line fits; their
 * sum does not). The rollups cannot hold it exactly, so the import that would store those lines must be refused.
 */
export class RollupOverflow extends Error {
  constructor(
    readonly grouping: SpendingDimension[],
    readonly cells: OverflowingCell[],
  ) {
    super(`${cells.length} spending rollup cell(s) of grouping [${grouping.join(', ')}] sum beyond the 64-bit money range`);
    this.name = 'RollupOverflow';
  }
}

/** The cells of one grouping whose exact sums (numeric on PostgreSQL, two parts on SQLite) storage cannot hold. */
async function overflowingCells(manager: EntityManager, grouping: SpendingDimension[], years: number[]): Promise<OverflowingCell[]> {
  const query = manager
    .getRepository(BudgetLine)
    .createQueryBuilder('l')
    .innerJoin(BudgetProgram, 'p', 'p.id = l.programId')
    .select('l.fiscalYear', 'fiscalYear')
    .where('l.fiscalYear IN (:...years)', { years })
    .groupBy('l.fiscalYear');
  const keys = grouping.flatMap((dimension) => DIMENSION_COLUMNS[dimension].keys);
  for (const key of keys) query.addSelect(lineColumn(key), key).addGroupBy(lineColumn(key));
  for (const moment of MOMENTS) query.addSelect(sumMoneySql(manager.connection, `l.${moment}`), moment);
  const rows: Record<string, unknown>[] = await query.getRawMany();
  return rows.flatMap((row) =>
    MOMENTS.flatMap((moment) => {
      const sum = readMoneySum(row[moment]);
      if (sum === null || outOfRange(sum) === null) return [];
      const cellKeys = Object.fromEntries(keys.map((key) => [key, row[key] === null ? null : String(row[key])]));
      return [{ fiscalYear: Number(row.fiscalYear), keys: cellKeys, moment, sum }];
    }),
  );
}

/** SQLite's error for a SUM whose running total leaves 64 bits. */
const isIntegerOverflow = (error: unknown) => error instanceof Error && /integer overflow/.test(error.message);

/** Writes one grouping's cells of these years from their exact sums, each known to fit a money column. */
async function insertSummedExactly(manager: EntityManager, grouping: SpendingDimension[], years: number[]): Promise<void> {
  const { sql, parameters } = groupingSelect(manager, grouping, null, years, true);
  const rows: Record<string, unknown>[] = await manager.query(sql, parameters);
  const cells = rows.map((row) => {
    const sums = Object.fromEntries(MOMENTS.map((moment) => [moment, readMoneySum(row[moment])]));
    return manager.create(SpendingRollup, { ...row, ...sums, lineCount: Number(row.lineCount), sampleLines: Number(row.sampleLines) });
  });
  for (let start = 0; start < cells.length; start += INSERT_CHUNK) {
    await manager.insert(SpendingRollup, cells.slice(start, start + INSERT_CHUNK));
  }
}

/** Rows per INSERT, within SQLite's limit of bound parameters (about 35 columns a row). */
const INSERT_CHUNK = 200;

interface GroupingSelect {
  sql: string;
  parameters: unknown[];
  columns: string[];
}

/**
 * The SELECT of one grouping's cells, summed from the lines (`from` null) or from the cells of a finer rollup; with
 * `exact`, moments are selected with sumMoneySql (read with readMoneySum).
 */
function groupingSelect(
  manager: EntityManager,
  grouping: SpendingDimension[],
  from: SpendingDimension[] | null,
  years: number[],
  exact: boolean,
): GroupingSelect {
  const query =
    from === null
      ? manager.getRepository(BudgetLine).createQueryBuilder('l').innerJoin(BudgetProgram, 'p', 'p.id = l.programId')
      : manager
          .getRepository(SpendingRollup)
          .createQueryBuilder('r')
          .where('r.grouping = :from', { from: from.join(',') });
  const alias = from === null ? 'l' : 'r';
  const column = (name: string) => (from === null ? lineColumn(name) : `r.${name}`);
  query
    .select('CAST(:grouping AS VARCHAR(200))', 'grouping')
    .addSelect(`${alias}.fiscalYear`, 'fiscalYear')
    .andWhere(`${alias}.fiscalYear IN (:...years)`, { years, grouping: grouping.join(',') })
    .groupBy(`${alias}.fiscalYear`);
  const columns = ['grouping', 'fiscalYear'];
  for (const dimension of grouping) {
    const { keys, names } = DIMENSION_COLUMNS[dimension];
    for (const key of keys) {
      query.addSelect(column(key), key).addGroupBy(column(key));
      columns.push(key);
    }
    for (const name of names) {
      query.addSelect(`MIN(${column(name)})`, name);
      columns.push(name);
    }
  }
  for (const moment of MOMENTS) {
    query.addSelect(exact ? sumMoneySql(manager.connection, `${alias}.${moment}`) : `SUM(${alias}.${moment})`, moment);
    columns.push(moment);
  }
  if (from === null) {
    query
      .addSelect('COUNT(*)', 'lineCount')
      .addSelect('SUM(CASE WHEN l.source.dataset IN (:...sampleDatasets) THEN 1 ELSE 0 END)', 'sampleLines')
      .setParameter('sampleDatasets', SAMPLE_DATASETS);
  } else query.addSelect('SUM(r.lineCount)', 'lineCount').addSelect('SUM(r.sampleLines)', 'sampleLines');
  columns.push('lineCount', 'sampleLines');
  const [sql, parameters] = query.getQueryAndParameters();
  return { sql, parameters, columns };
}
