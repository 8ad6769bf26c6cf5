import type { EntityManager } from 'typeorm';
import { BudgetLine } from '../entities/budget-line.entity';
import { BudgetProgram } from '../entities/budget-program.entity';
import { SpendingRollup } from '../entities/spending-rollup.entity';
import { MOMENTS } from './spending-chain.query';
import { DIMENSION_COLUMNS, PROGRAM_COLUMNS, ROLLUP_GROUPINGS, type SpendingDimension } from './spending-dimensions.query';
import { SAMPLE_DATASETS } from '../entities/budget-line.entity';

/** The budget line (alias `l`) or program (alias `p`) property a rollup column is read from. */
export function lineColumn(column: string): string {
  return `${PROGRAM_COLUMNS.has(column) ? 'p' : 'l'}.${column}`;
}

/**
 * Rewrites the rollup cells of the given fiscal years from the stored budget lines, inside the importing
 * transaction: one INSERT … SELECT … GROUP BY per grouping. Rebuilding whole years, rather than adding the import's
 * differences, keeps the cells exact whatever the import did to the lines (new, changed, replaced or deleted), at the
 * cost of reading the year's lines once per grouping — work proportional to what an import of that year reads anyway.
 */
export async function refreshSpendingRollups(manager: EntityManager, fiscalYears: number[]): Promise<void> {
  const years = [...new Set(fiscalYears)];
  if (years.length === 0) return;
  await manager.createQueryBuilder().delete().from(SpendingRollup).where('fiscalYear IN (:...years)', { years }).execute();
  const metadata = manager.connection.getMetadata(SpendingRollup);
  const { driver } = manager.connection;
  const table = metadata.tablePath
    .split('.')
    .map((part) => driver.escape(part))
    .join('.');
  for (const grouping of ROLLUP_GROUPINGS) {
    const { sql, parameters, columns } = groupingSelect(manager, grouping, years);
    const names = columns.map((property) => driver.escape(metadata.findColumnWithPropertyName(property)!.databaseName)).join(', ');
    // The query builder puts entity-column selections before expressions: the outer SELECT restores the column order.
    const selected = columns.map((alias) => driver.escape(alias)).join(', ');
    await manager.query(`INSERT INTO ${table} (${names}) SELECT ${selected} FROM (${sql}) cells`, parameters);
  }
}

function groupingSelect(manager: EntityManager, grouping: SpendingDimension[], years: number[]) {
  const query = manager
    .getRepository(BudgetLine)
    .createQueryBuilder('l')
    .innerJoin(BudgetProgram, 'p', 'p.id = l.programId')
    .select('CAST(:grouping AS VARCHAR(200))', 'grouping')
    .addSelect('l.fiscalYear', 'fiscalYear')
    .where('l.fiscalYear IN (:...years)', { years, grouping: grouping.join(',') })
    .groupBy('l.fiscalYear');
  const columns = ['grouping', 'fiscalYear'];
  for (const dimension of grouping) {
    const { keys, names } = DIMENSION_COLUMNS[dimension];
    for (const key of keys) {
      query.addSelect(lineColumn(key), key).addGroupBy(lineColumn(key));
      columns.push(key);
    }
    for (const name of names) {
      query.addSelect(`MIN(${lineColumn(name)})`, name);
      columns.push(name);
    }
  }
  for (const moment of MOMENTS) {
    query.addSelect(`SUM(l.${moment})`, moment);
    columns.push(moment);
  }
  query
    .addSelect('COUNT(*)', 'lineCount')
    .addSelect('SUM(CASE WHEN l.source.dataset IN (:...sampleDatasets) THEN 1 ELSE 0 END)', 'sampleLines')
    .setParameter('sampleDatasets', SAMPLE_DATASETS);
  columns.push('lineCount', 'sampleLines');
  const [sql, parameters] = query.getQueryAndParameters();
  return { sql, parameters, columns };
}
