import { In, type EntityManager, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';

export interface StoredComparison<E> {
  inserted: E[];
  updated: E[];
  unchanged: E[];
}

/** Ids per SELECT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const IDS_PER_STATEMENT = 500;

/**
 * Sorts parsed rows into new, changed and identical ones by comparing them, column by column as they
 * would be written, with the rows already stored under the same id. Run inside the load's transaction so
 * the summary describes exactly what the load changes.
 */
export async function compareWithStored<E extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  rows: E[],
): Promise<StoredComparison<E>> {
  const metadata = manager.connection.getMetadata(entity);
  const repository = manager.getRepository(entity);
  const stored = new Map<string, E>();
  for (let start = 0; start < rows.length; start += IDS_PER_STATEMENT) {
    const ids = rows.slice(start, start + IDS_PER_STATEMENT).map((row) => row.id);
    for (const row of await repository.findBy({ id: In(ids) } as FindOptionsWhere<E>)) stored.set(row.id, row);
  }
  const written = (row: E) => JSON.stringify(metadata.columns.map((column) => column.getEntityValue(row, true) ?? null));
  const comparison: StoredComparison<E> = { inserted: [], updated: [], unchanged: [] };
  for (const row of rows) {
    const before = stored.get(row.id);
    if (before === undefined) comparison.inserted.push(row);
    else if (written(before) === written(row)) comparison.unchanged.push(row);
    else comparison.updated.push(row);
  }
  return comparison;
}
