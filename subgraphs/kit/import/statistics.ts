import type { DataSource } from 'typeorm';

/**
 * Refreshes the planner's statistics of every table of the subgraph after a load, so that PostgreSQL (and SQLite)
 * choose plans for the data as it now is: a table that grew from empty to a million rows in one transaction is
 * otherwise planned as if it were still small until autovacuum gets to it. Runs after the commit, outside the load.
 */
export async function refreshStatistics(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'postgres') {
    await dataSource.query('ANALYZE');
    return;
  }
  const { driver } = dataSource;
  for (const metadata of dataSource.entityMetadatas) {
    const table = metadata.tablePath
      .split('.')
      .map((part) => driver.escape(part))
      .join('.');
    await dataSource.query(`ANALYZE ${table}`);
  }
}
