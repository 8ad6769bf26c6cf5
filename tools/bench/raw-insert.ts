import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { valueEncoder } from '../../subgraphs/kit/import/copy-writer';

/** Bound parameters per statement: the same budget upsertAll uses, so that only the per-row work differs. */
const PARAMETERS_PER_STATEMENT = 30_000;

/**
 * The ceiling a load is compared with: already-parsed rows written as plain multi-row INSERT statements, no
 * ON CONFLICT, no entity bookkeeping; values are converted exactly as TypeORM would store them (column
 * transformers, simple-json, applied once by the driver as the kit's bulk write does), so the rows on disk are the
 * same as after an import.
 */
export async function insertRows<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  rows: readonly E[],
): Promise<void> {
  const { driver } = manager.connection;
  const { table, columns, names } = tableOf(manager, entity);
  const perStatement = Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const parameters: unknown[] = [];
    const tuples = rows.slice(start, start + perStatement).map((row) => {
      const placeholders = columns.map((column) => {
        parameters.push(driver.preparePersistentValue(column.getEntityValue(row), column) ?? null);
        return driver.createParameter(`p${parameters.length}`, parameters.length - 1);
      });
      return `(${placeholders.join(', ')})`;
    });
    await manager.query(`INSERT INTO ${table} (${names}) VALUES ${tuples.join(', ')}`, parameters);
  }
}

/** Rows per chunk written to the COPY stream: the whole load as one string would not fit a string at 1,000,000 lines. */
const ROWS_PER_COPY_CHUNK = 10_000;

/**
 * PostgreSQL's ceiling: the same rows, converted the same way, as one `COPY … FROM STDIN` straight into the table (no
 * staging table, no merge), on the transaction's connection.
 */
export async function copyRows<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  rows: readonly E[],
): Promise<void> {
  const { driver } = manager.connection;
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('copyRows writes inside a transaction');
  const { table, columns, names } = tableOf(manager, entity);
  const encode = valueEncoder(manager);
  const client = await runner.connect();
  const stream = client.query(copyFrom(`COPY ${table} (${names}) FROM STDIN`)) as Writable;
  for (let start = 0; start < rows.length; start += ROWS_PER_COPY_CHUNK) {
    let text = '';
    for (const row of rows.slice(start, start + ROWS_PER_COPY_CHUNK)) {
      text += `${columns.map((column) => encode(driver.preparePersistentValue(column.getEntityValue(row), column))).join('\t')}\n`;
    }
    if (!stream.write(text)) await once(stream, 'drain');
  }
  stream.end();
  await finished(stream);
}

/** The entity's escaped table name, its columns and their escaped names, as both ceilings write them. */
function tableOf<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>) {
  const { driver } = manager.connection;
  const { columns, tablePath } = manager.connection.getMetadata(entity);
  const table = tablePath
    .split('.')
    .map((part) => driver.escape(part))
    .join('.');
  return { table, columns, names: columns.map((column) => driver.escape(column.databaseName)).join(', ') };
}
