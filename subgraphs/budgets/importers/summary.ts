import { In, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';

/** What a load did, counted by stable id against the rows already in the database. */
export interface ImportSummary {
  /** Ids that were not in the database. */
  inserted: number;
  /** Ids that were, with at least one stored value different. */
  updated: number;
  /** Ids that were, with every stored value equal: re-importing the same file reports only these. */
  unchanged: number;
  /** Source rows left out because they could not be read exactly (always 0 for an all-or-nothing load). */
  rejected: number;
}

export interface IdChanges {
  inserted: string[];
  updated: string[];
  unchanged: string[];
}

/** Ids per IN (…) statement: well under SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;

/**
 * Classifies rows about to be upserted by comparing every persisted column (embedded provenance included) with the
 * stored row of the same id. Runs inside the load's transaction, before the writes.
 */
export async function compareWithStored<E extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  rows: E[],
): Promise<IdChanges> {
  const columns = manager.connection.getMetadata(entity).columns;
  const fingerprint = (row: E) => JSON.stringify(columns.map((column) => comparable(column.getEntityValue(row))));
  const stored = new Map<string, string>();
  for (let start = 0; start < rows.length; start += CHUNK) {
    const ids = rows.slice(start, start + CHUNK).map((row) => row.id);
    const found = await manager.getRepository(entity).findBy({ id: In(ids) } as never);
    for (const row of found) stored.set(row.id, fingerprint(row));
  }
  const changes: IdChanges = { inserted: [], updated: [], unchanged: [] };
  for (const row of rows) {
    const before = stored.get(row.id);
    if (before === undefined) changes.inserted.push(row.id);
    else if (before === fingerprint(row)) changes.unchanged.push(row.id);
    else changes.updated.push(row.id);
  }
  return changes;
}

/** Values as both engines hand them back: bigints as text, a missing value as null. */
function comparable(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'bigint') return value.toString();
  return value;
}

export function summaryOf(changes: IdChanges, rejected: number): ImportSummary {
  return { inserted: changes.inserted.length, updated: changes.updated.length, unchanged: changes.unchanged.length, rejected };
}
