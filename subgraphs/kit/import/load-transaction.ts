import type { DataSource, EntityManager } from 'typeorm';
import { recordLoad, type LoadDescription } from './data-loads';
import { rejectIfProblems, type ImportProblem } from './problems';
import { refreshSearchIndex } from '../search';

/** Runs a load in one transaction: it lands whole or not at all, with the search rows refreshed from what it wrote. */
export function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (manager) => {
    const result = await work(manager);
    await refreshSearchIndex(manager);
    return result;
  });
}

/**
 * The shape of every import: everything parsed and validated first, then, only if no input has a problem,
 * written in one transaction — a bad row anywhere leaves the database exactly as it was. A described load is
 * recorded in that transaction.
 */
export async function loadAllOrNothing(
  dataSource: DataSource,
  parsed: { problems: ImportProblem[] }[],
  write: (manager: EntityManager) => Promise<void>,
  load?: LoadDescription,
): Promise<void> {
  rejectIfProblems(parsed.flatMap((input) => input.problems));
  await inTransaction(dataSource, async (manager) => {
    await write(manager);
    if (load) await recordLoad(manager, load);
  });
}
