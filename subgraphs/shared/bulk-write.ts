import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Bound parameters per statement: SQLite allows 32,766 (since 3.32), PostgreSQL 65,535. The write path builds its
 * SQL from the entity metadata instead of TypeORM's query builder, whose per-value bookkeeping cost several times
 * the database's own work on large files.
 */
const MAX_PARAMETERS = { sqlite: 32_766, postgres: 65_535 } as const;

/**
 * Keys per SELECT of stored rows: few statements, yet a batch small enough to die young (batches of 5,000 budget lines
 * nearly doubled a re-import's peak memory).
 */
export const KEYS_PER_SELECT = 2_000;

/** One entity's table as the bulk statements see it: escaped names, and every row's values as the driver stores them. */
export class BulkTable<E extends ObjectLiteral> {
  readonly columns: ColumnMetadata[];
  readonly key: ColumnMetadata;
  private readonly keyIndex: number;
  private readonly table: string;
  private readonly postgres: boolean;

  constructor(
    private readonly manager: EntityManager,
    entity: EntityTarget<E>,
    conflictColumns?: string[],
  ) {
    const metadata = manager.connection.getMetadata(entity);
    const keys = conflictColumns ? metadata.mapPropertyPathsToColumns(conflictColumns) : metadata.primaryColumns;
    if (keys.length !== 1) throw new Error(`${metadata.name} has no single key column to write and compare by`);
    this.columns = metadata.columns.filter((column) => column.isInsert);
    this.key = keys[0];
    this.keyIndex = this.columns.indexOf(this.key);
    const { driver } = manager.connection;
    this.table = metadata.tablePath.split('.').map((part) => driver.escape(part)).join('.');
    this.postgres = driver.options.type === 'postgres';
  }

  /** Rows one INSERT carries: as many as the engine's limit on bound parameters allows. */
  get rowsPerStatement(): number {
    return Math.max(1, Math.floor((this.postgres ? MAX_PARAMETERS.postgres : MAX_PARAMETERS.sqlite) / this.columns.length));
  }

  private name(column: ColumnMetadata): string {
    return this.manager.connection.driver.escape(column.databaseName);
  }

  private placeholder(index: number): string {
    return this.postgres ? `$${index + 1}` : '?';
  }

  /** The row's values in column order, exactly as an INSERT binds them: transformers and the driver's conversions applied. */
  values(row: E): unknown[] {
    const { driver } = this.manager.connection;
    return this.columns.map((column) => driver.preparePersistentValue(column.getEntityValue(row), column) ?? null);
  }

  keyOf(values: unknown[]): string {
    return String(values[this.keyIndex]);
  }

  /** The stored rows under at most KEYS_PER_SELECT keys (one SELECT), as the driver returns them, by key. */
  async stored(keys: string[]): Promise<Map<string, Record<string, unknown>>> {
    const names = this.columns.map((column) => this.name(column)).join(', ');
    // PostgreSQL takes the keys as one array parameter: binding and planning thousands of parameters costs more.
    const where = this.postgres ? '= ANY($1)' : `IN (${keys.map(() => '?').join(', ')})`;
    const sql = `SELECT ${names} FROM ${this.table} WHERE ${this.name(this.key)} ${where}`;
    const found = new Map<string, Record<string, unknown>>();
    for (const record of (await this.manager.query(sql, this.postgres ? [keys] : keys)) as Record<string, unknown>[]) {
      found.set(String(record[this.key.databaseName]), record);
    }
    return found;
  }

  /**
   * Whether a stored row holds exactly the values a write would bind. They are compared as text, because SQLite hands
   * a bigint back as a number and PostgreSQL as a string, while the written value is the transformer's string.
   */
  same(stored: Record<string, unknown>, written: unknown[]): boolean {
    for (let i = 0; i < written.length; i += 1) {
      const before = stored[this.columns[i].databaseName] ?? null;
      const after = written[i];
      if (before === after) continue;
      if (before === null || after === null || String(before) !== String(after)) return false;
    }
    return true;
  }

  /**
   * A writer of rows (already converted by `values`) as multi-row `INSERT … ON CONFLICT (key) DO UPDATE` statements of
   * as many rows as the engine's parameter limit allows, sent as soon as one is full. Every full statement has the
   * same text, so SQLite prepares it once (TypeORM's query runner caches statements by text) and PostgreSQL parses one
   * shape; `updated` are the columns a conflict overwrites.
   */
  writer(updated: ColumnMetadata[]): { add(values: unknown[]): Promise<void>; flush(): Promise<void> } {
    const width = this.columns.length;
    const perStatement = this.rowsPerStatement;
    const names = this.columns.map((column) => this.name(column)).join(', ');
    const onConflict =
      updated.length === 0
        ? 'DO NOTHING'
        : `DO UPDATE SET ${updated.map((column) => `${this.name(column)} = excluded.${this.name(column)}`).join(', ')}`;
    const statement = (rows: number) => {
      const tuples = Array.from({ length: rows }, (_, r) => `(${this.columns.map((__, c) => this.placeholder(r * width + c)).join(', ')})`);
      return `INSERT INTO ${this.table} (${names}) VALUES ${tuples.join(', ')} ON CONFLICT (${this.name(this.key)}) ${onConflict}`;
    };
    let full: string | null = null;
    let pending: unknown[] = [];
    const send = async (rows: number) => {
      const sql = rows === perStatement ? (full ??= statement(rows)) : statement(rows);
      const parameters = pending;
      pending = [];
      await this.manager.query(sql, parameters);
    };
    return {
      add: async (values) => {
        for (const value of values) pending.push(value);
        if (pending.length === perStatement * width) await send(perStatement);
      },
      flush: async () => {
        if (pending.length > 0) await send(pending.length / width);
      },
    };
  }
}

/** Splits a list into the batches a SELECT of stored rows takes. */
export function* keyBatches<T>(items: readonly T[]): Generator<T[]> {
  for (let start = 0; start < items.length; start += KEYS_PER_SELECT) yield items.slice(start, start + KEYS_PER_SELECT);
}

/**
 * Writes rows by their stable ids (or the given key column) inside the caller's transaction, only those that are new
 * or differ from the stored row. They are compared at write time, not taken from an earlier compareWithStored, so
 * that a delete earlier in the same transaction (a contract's program links, a record's subjects) is seen: loading the
 * same file twice sends no write at all. Columns no row sets (undefined everywhere) keep their stored values, as with
 * TypeORM's upsert.
 */
export async function upsertAll<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  rows: readonly E[],
  conflictColumns: string[] = ['id'],
): Promise<void> {
  if (rows.length === 0) return;
  const table = new BulkTable(manager, entity, conflictColumns);
  const updated = table.columns.filter((column) => column !== table.key && rows.some((row) => column.getEntityValue(row) !== undefined));
  const writer = table.writer(updated);
  for (const batch of keyBatches(rows)) {
    const written = batch.map((row) => table.values(row));
    const stored = await table.stored(written.map((values) => table.keyOf(values)));
    for (const values of written) {
      const before = stored.get(table.keyOf(values));
      if (before === undefined || !table.same(before, values)) await writer.add(values);
    }
  }
  await writer.flush();
}
