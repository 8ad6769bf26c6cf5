import { finished } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** What BulkTable.writer returns: rows (already converted by BulkTable.values) in, written by `flush` at the latest. */
export interface RowWriter {
  add(values: unknown[]): Promise<void>;
  flush(): Promise<void>;
}

/** The table a COPY writer fills: escaped names, and the merge's conflict clause (`DO NOTHING` / `DO UPDATE SET …`). */
export interface CopyTarget {
  table: string;
  columns: string[];
  key: string;
  onConflict: string;
}

/**
 * Rows a COPY writer holds before it commits to COPY: a write that ends below it goes by `small` (unnest statements),
 * cheaper there than creating and dropping a staging table. Budget lines (43 columns) in one transaction, mean wall
 * time by unnest and by COPY: 300 rows 46 and 59 ms, 1,000 rows 131 and 98 ms, 10,000 rows 1.7 and 0.9 s.
 */
export const COPY_FROM_ROWS = 1_000;

/**
 * Rows per COPY and merge into the target. Sent while the next rows are added (a COPY holds the connection, so the
 * caller's SELECTs between adds must find it free): the staging table and the text in memory stay this small. 10,000
 * and 25,000 wrote 100,000 budget lines as fast as 50,000 or 100,000.
 */
export const COPY_ROWS_PER_MERGE = 20_000;

let stagingTables = 0;

/**
 * PostgreSQL: large writes go by `COPY … FROM STDIN` (text format) into a temporary staging table, merged into the
 * target with one `INSERT … SELECT … ON CONFLICT` per COPY; a COPY costs the backend a fraction of parsing and
 * unnesting array parameters. It runs on the transaction's own connection (the load stays all-or-nothing) and falls
 * back to `small` outside a transaction, where a temporary table would not outlive its statement's connection.
 */
export function copyWriter(manager: EntityManager, target: CopyTarget, small: RowWriter): RowWriter {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) return small;
  const encode = valueEncoder(manager);
  const names = target.columns.join(', ');
  stagingTables += 1;
  const staging = `ftm_copy_staging_${stagingTables}`;
  /** The first rows, until there are enough for COPY to pay (null from then on). */
  let held: unknown[][] | null = [];
  let text: string[] = [];
  /** Whether the staging table exists: created by the first COPY, emptied before each next one, dropped by flush. */
  let staged = false;

  const send = async () => {
    const lines = text;
    text = [];
    // Only the written columns, without the target's constraints: the merge is where rows are checked.
    if (!staged)
      await manager.query(`CREATE TEMPORARY TABLE ${staging} ON COMMIT DROP AS SELECT ${names} FROM ${target.table} WITH NO DATA`);
    else await manager.query(`TRUNCATE ${staging}`);
    staged = true;
    const client = await runner.connect();
    const stream = client.query(copyFrom(`COPY ${staging} (${names}) FROM STDIN`));
    stream.end(lines.join(''));
    await finished(stream);
    await manager.query(
      `INSERT INTO ${target.table} (${names}) SELECT ${names} FROM ${staging} ON CONFLICT (${target.key}) ${target.onConflict}`,
    );
  };
  // A join, not `+=` per value: concatenated strings stay ropes of small pieces until written, three times slower.
  const line = (values: unknown[]) => void text.push(`${values.map(encode).join('\t')}\n`);

  return {
    add: async (values) => {
      if (held) {
        held.push(values);
        if (held.length < COPY_FROM_ROWS) return;
        for (const row of held) line(row);
        held = null;
      } else line(values);
      if (text.length >= COPY_ROWS_PER_MERGE) await send();
    },
    flush: async () => {
      if (held) {
        const rows = held;
        held = [];
        for (const row of rows) await small.add(row);
        await small.flush();
        return;
      }
      if (text.length > 0) await send();
      if (staged) await manager.query(`DROP TABLE ${staging}`);
      staged = false;
      held = [];
    },
  };
}

/**
 * A value as COPY's text format reads it, from the very text the driver binds for it as a parameter (pg's own
 * prepareValue: dates in its format, objects as JSON, Buffers for bytea): `\N` for null, and backslash, tab, newline
 * and carriage return escaped, the only characters the format gives a meaning to.
 */
export function valueEncoder(manager: EntityManager): (value: unknown) => string {
  const prepare = (manager.connection.driver as PostgresDriver).postgres.utils.prepareValue as (value: unknown) => string | Buffer | null;
  return (value) => {
    if (value === null || value === undefined) return '\\N';
    const prepared = typeof value === 'string' ? value : prepare(value);
    if (prepared === null) return '\\N';
    if (Buffer.isBuffer(prepared)) return `\\\\x${prepared.toString('hex')}`;
    return SPECIAL.test(prepared) ? prepared.replace(SPECIALS, (character) => ESCAPES[character]) : prepared;
  };
}

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
