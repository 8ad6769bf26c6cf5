import type { DataSource } from 'typeorm';

const queues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs write transactions one after another on SQLite, whose single connection cannot open a transaction while another
 * is open (concurrent requests would fail with "cannot start a transaction within a transaction"). PostgreSQL gives
 * each transaction its own connection, and the audit table's lock orders the writes there.
 */
export function oneAtATime<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  if (dataSource.options.type === 'postgres') return work();
  const previous = queues.get(dataSource) ?? Promise.resolve();
  const next = previous.then(work, work);
  queues.set(
    dataSource,
    next.catch(() => undefined),
  );
  return next;
}
