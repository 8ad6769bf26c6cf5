import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { copyWriter, type RowWriter } from './copy-writer';
import { writeProgressOf, type WriteProgress } from './write-progress';

/**
 * Bound parameters per SQLite statement (its limit since 3.32). The write path builds its SQL from the entity metadata
 * instead of TypeORM's query builder, whose per-value bookkeeping cost several times the database's own work on large
 * files.
 */
const SQLITE_MAX_PARAMETERS = 32_766;

/**
 * Rows per PostgreSQL statement. PostgreSQL takes the rows as one array per column (`INSERT … SELECT * FROM
 * unnest($1::text[], …)`): a statement of a few parameters whatever its rows, which loaded 100,000 budget lines in about
 * half the time of multi-row VALUES; batches of 2,000 rows were faster than of 10,000 or 50,000.
 */
const POSTGRES_ROWS_PER_STATEMENT = 2_000;

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
    this.table = metadata.tablePath
      .split('.')
      .map((part) => driver.escape(part))
      .join('.');
    this.postgres = driver.options.type === 'postgres';
  }

  /** Rows one INSERT carries: on SQLite, as many as its limit on bound parameters allows. */
  get rowsPerStatement(): number {
    return this.postgres ? POSTGRES_ROWS_PER_STATEMENT : Math.max(1, Math.floor(SQLITE_MAX_PARAMETERS / this.columns.length));
  }

  private name(column: ColumnMetadata): string {
    return this.manager.connection.driver.escape(column.databaseName);
  }

  /** The row's values in column order, exactly as an INSERT binds them: transformers and the driver's conversions applied. */
  values(row: E): unknown[] {
    const { driver } = this.manager.connection;
    return this.columns.map((column) => driver.preparePersistentValue(column.getEntityValue(row), column) ?? null);
  }

  /**
   * The columns no row sets (undefined in every row), e.g. one an importer decides only when it writes: a write keeps
   * their stored values, and a comparison does not count them as changed.
   */
  unsetColumns(rows: readonly E[]): Set<ColumnMetadata> {
    return new Set(this.columns.filter((column) => column !== this.key && rows.every((row) => column.getEntityValue(row) === undefined)));
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
   * a bigint back as a number and PostgreSQL as a string, while the written value is the transformer's string. The
   * `unset` columns (see unsetColumns) are not compared: the rows do not say what they hold.
   */
  same(stored: Record<string, unknown>, written: unknown[], unset: ReadonlySet<ColumnMetadata> = new Set()): boolean {
    for (let i = 0; i < written.length; i += 1) {
      if (unset.has(this.columns[i])) continue;
      const before = stored[this.columns[i].databaseName] ?? null;
      const after = written[i];
      if (before === after) continue;
      if (before === null || after === null || String(before) !== String(after)) return false;
    }
    return true;
  }

  /**
   * A writer of rows (already converted by `values`) as `INSERT … ON CONFLICT (key) DO UPDATE` statements of
   * rowsPerStatement rows, each sent as soon as it is full; `updated` are the columns a conflict overwrites. Every full
   * statement has the same text, so SQLite prepares it once (TypeORM's query runner caches statements by text). On
   * PostgreSQL a large write goes by COPY instead, through a staging table (copy-writer.ts); `staged` asks the same of
   * SQLite (stagedWriter).
   */
  writer(updated: ColumnMetadata[], staged = false): RowWriter {
    const names = this.columns.map((column) => this.name(column)).join(', ');
    const onConflict =
      updated.length === 0
        ? 'DO NOTHING'
        : `DO UPDATE SET ${updated.map((column) => `${this.name(column)} = excluded.${this.name(column)}`).join(', ')}`;
    const insert = (rows: string) => `INSERT INTO ${this.table} (${names}) ${rows} ON CONFLICT (${this.name(this.key)}) ${onConflict}`;
    if (!this.postgres) return staged ? this.stagedWriter(names, onConflict) : this.valuesWriter(insert);
    const target = { table: this.table, columns: this.columns.map((column) => this.name(column)), key: this.name(this.key), onConflict };
    return copyWriter(this.manager, target, this.arrayWriter(insert));
  }

  /**
   * SQLite, for a write of many rows in no key order (generated files; real ones are mostly sorted): the rows are
   * appended to a temporary table and merged once, in key order, when flushed. Inserted one by one in random key order,
   * each row lands on a random page of the key's index, which outgrows SQLite's page cache (2 MB) within the first
   * hundred thousand rows: 1,000,000 rows then cost 29 times the CPU of 100,000; staged and merged in order, 7 times
   * (measured with better-sqlite3 alone and budget-line-like rows, in a script not kept; docs/scale.md has the import's own figures). The temporary table lives in a temporary file.
   */
  private stagedWriter(names: string, onConflict: string): RowWriter {
    const { driver } = this.manager.connection;
    const metadata = this.columns[0].entityMetadata;
    const staging = `temp.${driver.escape(`${metadata.tableName}_staged`)}`;
    const key = this.name(this.key);
    let created = false;
    const rows = this.valuesWriter((values) => `INSERT INTO ${staging} (${names}) ${values}`);
    return {
      add: async (values) => {
        if (!created) {
          await this.manager.query(`CREATE TEMP TABLE ${staging} AS SELECT ${names} FROM ${this.table} WHERE 0`);
          created = true;
        }
        await rows.add(values);
      },
      flush: async () => {
        if (!created) return;
        await rows.flush();
        // WHERE true: SQLite's grammar needs a WHERE before ON CONFLICT in an INSERT … SELECT.
        await this.manager.query(
          `INSERT INTO ${this.table} (${names}) SELECT ${names} FROM ${staging} WHERE true ORDER BY ${key} ON CONFLICT (${key}) ${onConflict}`,
        );
        await this.manager.query(`DROP TABLE ${staging}`);
        created = false;
      },
    };
  }

  /** PostgreSQL: one array parameter per column, unnested into rows; one statement text for every batch. */
  private arrayWriter(insert: (rows: string) => string): RowWriter {
    const metadata = this.columns[0].entityMetadata;
    const types = this.columns.map((column) => {
      const type = this.manager.connection.driver.normalizeType(column);
      if (type === 'enum' || column.isArray)
        throw new Error(
          `${metadata.name}.${column.propertyPath}: the bulk write path does not handle ${column.isArray ? 'array' : 'enum'} columns`,
        );
      return type;
    });
    const sql = insert(`SELECT * FROM unnest(${types.map((type, i) => `$${i + 1}::${type}[]`).join(', ')})`);
    let pending = this.columns.map((): unknown[] => []);
    const send = async () => {
      const parameters = pending;
      pending = this.columns.map((): unknown[] => []);
      await this.manager.query(sql, parameters);
    };
    return {
      add: async (values: unknown[]) => {
        for (const [i, value] of values.entries()) pending[i].push(value);
        if (pending[0].length === POSTGRES_ROWS_PER_STATEMENT) await send();
      },
      flush: async () => {
        if (pending[0].length > 0) await send();
      },
    };
  }

  /** SQLite: multi-row VALUES, as many rows as its parameter limit allows. */
  private valuesWriter(insert: (rows: string) => string): RowWriter {
    const width = this.columns.length;
    const perStatement = this.rowsPerStatement;
    const tuple = `(${this.columns.map(() => '?').join(', ')})`;
    const statement = (rows: number) => insert(`VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`);
    const full = statement(perStatement);
    let pending: unknown[] = [];
    const send = async (rows: number) => {
      const parameters = pending;
      pending = [];
      await this.manager.query(rows === perStatement ? full : statement(rows), parameters);
    };
    return {
      add: async (values: unknown[]) => {
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
 * TypeORM's upsert. Returns the rows written (new or changed), for what is derived from them.
 */
export async function upsertAll<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  rows: readonly E[],
  conflictColumns: string[] = ['id'],
): Promise<E[]> {
  if (rows.length === 0) return [];
  const unset = new BulkTable(manager, entity, conflictColumns).unsetColumns(rows);
  const upsert = new Upsert(manager, entity, { total: rows.length, conflictColumns, unset });
  const changed: E[] = [];
  for (const batch of keyBatches(rows)) for (const row of await upsert.add(batch)) changed.push(row);
  await upsert.finish();
  return changed;
}

/**
 * upsertAll for rows that arrive batch by batch (a file read as it is written), so that none need outlive its batch.
 * The columns a write leaves as stored are `unset` when the caller knows them (upsertAll, which holds every row), or
 * else those the first batch does not set: the rows of a streamed table must all set the same columns.
 */
export class Upsert<E extends ObjectLiteral> {
  private readonly table: BulkTable<E>;
  private writer: RowWriter | null = null;
  private unset: ReadonlySet<ColumnMetadata> | null;
  private readonly unsetGiven: boolean;
  private readonly progress: WriteProgress | undefined;
  private readonly name: string;
  private readonly total: number;
  private readonly staged: boolean;
  private done = 0;

  /**
   * `total`: the rows expected, for the progress shown; `staged`: many rows in no particular key order, written to a
   * staging table and merged in key order at the end (see BulkTable.writer).
   */
  constructor(
    manager: EntityManager,
    entity: EntityTarget<E>,
    {
      total,
      conflictColumns = ['id'],
      staged = false,
      unset,
    }: { total: number; conflictColumns?: string[]; staged?: boolean; unset?: ReadonlySet<ColumnMetadata> },
  ) {
    this.total = total;
    this.unset = unset ?? null;
    this.unsetGiven = unset !== undefined;
    this.staged = staged;
    this.table = new BulkTable(manager, entity, conflictColumns);
    this.progress = writeProgressOf(manager);
    this.name = manager.connection.getMetadata(entity).tableName.replace(/_/g, ' ');
  }

  /** Compares a batch (at most KEYS_PER_SELECT rows) with the stored rows and queues the new and changed ones; returns them. */
  async add(batch: readonly E[]): Promise<E[]> {
    const { table } = this;
    if (!this.unsetGiven) {
      const ofBatch = table.unsetColumns(batch);
      this.unset ??= ofBatch;
      if (ofBatch.size !== this.unset.size || [...ofBatch].some((column) => !this.unset?.has(column)))
        throw new Error(`${this.name}: every batch of one write must set the same columns`);
    }
    const unset = this.unset ?? new Set<ColumnMetadata>();
    this.writer ??= table.writer(
      table.columns.filter((column) => column !== table.key && !unset.has(column)),
      this.staged,
    );
    const written = batch.map((row) => table.values(row));
    const stored = await table.stored(written.map((values) => table.keyOf(values)));
    const changed: E[] = [];
    for (const [i, values] of written.entries()) {
      const before = stored.get(table.keyOf(values));
      if (before !== undefined && table.same(before, values, unset)) continue;
      await this.writer?.add(values);
      changed.push(batch[i]);
    }
    this.done += batch.length;
    if (this.done < this.total) this.progress?.(this.name, this.done, this.total);
    return changed;
  }

  /** Sends what is still queued. */
  async finish(): Promise<void> {
    await this.writer?.flush();
    this.progress?.(this.name, this.done, this.done);
  }
}
