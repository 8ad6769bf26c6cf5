import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { BulkTable, keyBatches } from './bulk-write';
import type { Table } from './format';

/** A load's rows, counted by stable id against the rows already in the database. */
export interface Counts {
  /** Ids that were not in the database. */
  inserted: number;
  /** Ids that were, with at least one stored value different. */
  updated: number;
  /** Ids that were, with every stored value equal: re-importing the same file reports only these. */
  unchanged: number;
}

/** What a load did. */
export interface ImportSummary extends Counts {
  /** Source rows left out because they could not be read (0 for an all-or-nothing load that succeeded). */
  rejected: number;
}

/** A load's rows sorted against the stored ones. */
export interface StoredComparison<E> {
  inserted: E[];
  updated: E[];
  unchanged: E[];
}

/** A table's rows counted against the stored ones, without keeping them. */
export interface StoredCounts {
  totals: Counts;
  /** The same, per file the table's `fileOf` names, in the order of each file's first row; empty without `fileOf`. */
  byFile: Map<string, Counts>;
}

export const noCounts = (): Counts => ({ inserted: 0, updated: 0, unchanged: 0 });

/**
 * Whether each row of a batch (at most KEYS_PER_SELECT) is new, changed or identical, comparing it column by column
 * as it would be written (transformers and the driver's conversions applied, embedded provenance included) with the
 * row stored under the same primary key (`id` for most entities, `code` for archival series), read in one SELECT. A
 * column no row of the batch sets (one an importer decides only as it writes, like a contract's REPEATED_DIRECT_AWARD)
 * is not compared.
 */
async function classify<E extends ObjectLiteral>(table: BulkTable<E>, batch: readonly E[]): Promise<(keyof Counts)[]> {
  const unset = table.unsetColumns(batch);
  const written = batch.map((row) => table.values(row));
  const stored = await table.stored(written.map((values) => table.keyOf(values)));
  return written.map((values) => {
    const before = stored.get(table.keyOf(values));
    return before === undefined ? 'inserted' : table.same(before, values, unset) ? 'unchanged' : 'updated';
  });
}

/**
 * Sorts parsed rows into new, changed and identical ones (see classify), inside the load's transaction so the result
 * describes exactly what the load changes.
 */
export async function compareWithStored<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  rows: E[],
): Promise<StoredComparison<E>> {
  const table = new BulkTable(manager, entity);
  const comparison: StoredComparison<E> = { inserted: [], updated: [], unchanged: [] };
  for (const batch of keyBatches(rows)) {
    for (const [i, kind] of (await classify(table, batch)).entries()) comparison[kind].push(batch[i]);
  }
  return comparison;
}

/**
 * Counts a table's rows as compareWithStored sorts them, in total and per file, batch by batch: only counts outlive a
 * batch, so a table read again from its files is never held (`visit` sees each batch too, for what else is gathered in
 * the same pass).
 */
export async function countAgainstStored<E extends ObjectLiteral>(
  manager: EntityManager,
  table: Table<E>,
  visit?: (batch: E[]) => void,
): Promise<StoredCounts> {
  const bulk = new BulkTable(manager, table.entity);
  const counts: StoredCounts = { totals: noCounts(), byFile: new Map() };
  for (const batch of table.batches()) {
    visit?.(batch);
    (await classify(bulk, batch)).forEach((kind, i) => {
      counts.totals[kind] += 1;
      if (!table.fileOf) return;
      const file = table.fileOf(batch[i]);
      const ofFile = counts.byFile.get(file) ?? noCounts();
      counts.byFile.set(file, ofFile);
      ofFile[kind] += 1;
    });
  }
  return counts;
}

export function summarize(comparison: StoredComparison<unknown> | StoredCounts, rejected = 0): ImportSummary {
  if ('totals' in comparison) return { ...comparison.totals, rejected };
  return { inserted: comparison.inserted.length, updated: comparison.updated.length, unchanged: comparison.unchanged.length, rejected };
}
