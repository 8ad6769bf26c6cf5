import { In, type EntityManager, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';

/** What a load did, counted by stable id against the rows already in the database. */
export interface ImportSummary {
  /** Ids that were not in the database. */
  inserted: number;
  /** Ids that were, with at least one stored value different. */
  updated: number;
  /** Ids that were, with every stored value equal: re-importing the same file reports only these. */
  unchanged: number;
  /** Source rows left out because they could not be read (0 for an all-or-nothing load that succeeded). */
  rejected: number;
}

export interface StoredComparison<E> {
  inserted: E[];
  updated: E[];
  unchanged: E[];
}

/** Keys per SELECT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const KEYS_PER_STATEMENT = 500;

/**
 * Sorts parsed rows into new, changed and identical ones by comparing them, column by column as they would
 * be written (transformers applied, embedded provenance included), with the rows stored under the same
 * primary key (`id` for most entities, `code` for archival series). Run inside the load's transaction so the
 * summary describes exactly what the load changes.
 */
export async function compareWithStored<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  rows: E[],
): Promise<StoredComparison<E>> {
  const metadata = manager.connection.getMetadata(entity);
  if (metadata.primaryColumns.length !== 1) throw new Error(`${metadata.name} has no single-column primary key to compare by`);
  const key = metadata.primaryColumns[0];
  const keyOf = (row: E) => String(key.getEntityValue(row));
  const written = (row: E) => JSON.stringify(metadata.columns.map((column) => column.getEntityValue(row, true) ?? null));
  const stored = new Map<string, string>();
  for (let start = 0; start < rows.length; start += KEYS_PER_STATEMENT) {
    const keys = rows.slice(start, start + KEYS_PER_STATEMENT).map(keyOf);
    const where = { [key.propertyName]: In(keys) } as FindOptionsWhere<E>;
    for (const row of await manager.getRepository(entity).findBy(where)) stored.set(keyOf(row), written(row));
  }
  const comparison: StoredComparison<E> = { inserted: [], updated: [], unchanged: [] };
  for (const row of rows) {
    const before = stored.get(keyOf(row));
    if (before === undefined) comparison.inserted.push(row);
    else if (before === written(row)) comparison.unchanged.push(row);
    else comparison.updated.push(row);
  }
  return comparison;
}

export function summarize<E>(comparison: StoredComparison<E>, rejected = 0): ImportSummary {
  return { inserted: comparison.inserted.length, updated: comparison.updated.length, unchanged: comparison.unchanged.length, rejected };
}
