import type { DataSource, EntityManager } from 'typeorm';

/** How far a load's writes have got: rows of one table checked and written so far, of how many. */
export type WriteProgress = (table: string, done: number, total: number) => void;

const listeners = new WeakMap<DataSource, WriteProgress>();

/**
 * Lets a caller follow the bulk writes made through a data source (the import CLI draws a progress bar), until the
 * returned function is called. Kept beside the data source rather than passed down so that importers' write
 * functions need no parameter for it.
 */
export function followWrites(dataSource: DataSource, listener: WriteProgress): () => void {
  listeners.set(dataSource, listener);
  return () => listeners.delete(dataSource);
}

export function writeProgressOf(manager: EntityManager): WriteProgress | undefined {
  return listeners.get(manager.connection);
}
