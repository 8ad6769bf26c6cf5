import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Runs a bulk write into an entity's table with its secondary indexes dropped, and creates them again after it, in the
 * caller's transaction: sorting the rows once per index costs much less than keeping every index ordered row by row
 * (long string keys land on random pages), so a table can carry the indexes its reads need without slowing loads.
 * Unique indexes stay, since they check the rows as they are written. Worth it only when the write is large next to
 * what the table holds, because each index is rebuilt over the whole table. On PostgreSQL, dropping an index locks
 * the table against readers until the transaction ends.
 */
export async function withIndexesRebuilt<E extends ObjectLiteral, T>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  write: () => Promise<T>,
): Promise<T> {
  const metadata = manager.connection.getMetadata(entity);
  const { driver } = manager.connection;
  const table = metadata.tablePath
    .split('.')
    .map((part) => driver.escape(part))
    .join('.');
  const indexes = metadata.indices.filter((index) => !index.isUnique && !index.where && !index.isSpatial && !index.isFulltext);
  for (const index of indexes) await manager.query(`DROP INDEX ${driver.escape(index.name)}`);
  const result = await write();
  for (const index of indexes) {
    const columns = index.columns.map((column) => driver.escape(column.databaseName)).join(', ');
    await manager.query(`CREATE INDEX ${driver.escape(index.name)} ON ${table} (${columns})`);
  }
  return result;
}
