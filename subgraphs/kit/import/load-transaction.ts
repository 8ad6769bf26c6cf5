import type { DataSource, EntityManager } from 'typeorm';
import { refreshSearchIndex } from '../search';

/** Runs a load in one transaction: it lands whole or not at all, with the search rows refreshed from what it wrote. */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (manager) => {
    const result = await work(manager);
    await refreshSearchIndex(manager);
    return result;
  });
}
