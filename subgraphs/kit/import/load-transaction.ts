import type { DataSource, EntityManager } from 'typeorm';

/** Runs a load in one transaction: it lands whole or not at all. */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(work);
}
