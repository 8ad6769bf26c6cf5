import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { BulkTable, keyBatches } from './bulk-write';

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

/**
 * Sorts parsed rows into new, changed and identical ones by comparing them, column by column as they would
 * be written (transformers and the driver's conversions applied, embedded provenance included), with the rows stored
 * under the same primary key (`id` for most entities, `code` for archival series). Run inside the load's transaction
 * so the summary describes exactly what the load changes. Stored rows are read in batches and compared as raw column
 * values: nothing per row outlives its batch but the row's place in the result. A column no row sets (one an importer
 * decides only as it writes, like a contract's REPEATED_DIRECT_AWARD) is not compared.
 */
export async function compareWithStored<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  rows: E[],
): Promise<StoredComparison<E>> {
  const table = new BulkTable(manager, entity);
  const unset = table.unsetColumns(rows);
  const comparison: StoredComparison<E> = { inserted: [], updated: [], unchanged: [] };
  for (const batch of keyBatches(rows)) {
    const written = batch.map((row) => table.values(row));
    const stored = await table.stored(written.map((values) => table.keyOf(values)));
    batch.forEach((row, i) => {
      const before = stored.get(table.keyOf(written[i]));
      if (before === undefined) comparison.inserted.push(row);
      else if (table.same(before, written[i], unset)) comparison.unchanged.push(row);
      else comparison.updated.push(row);
    });
  }
  return comparison;
}

export function summarize<E>(comparison: StoredComparison<E>, rejected = 0): ImportSummary {
  return { inserted: comparison.inserted.length, updated: comparison.updated.length, unchanged: comparison.unchanged.length, rejected };
}
