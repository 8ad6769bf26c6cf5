import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { toMoney, type Money } from './money';

/**
 * Where a money column is split for SQLite's sums. A part of one amount is below 10⁹ (remainder) or 9.3 × 10⁹
 * (billions) in magnitude, so neither part's sum can leave SQLite's 64-bit range before some 10⁹ rows are summed at
 * once; SQLite would then fail with "integer overflow", never answer a wrong figure.
 */
const SPLIT = 1_000_000_000n;

const isPostgres = (dataSource: DataSource) => dataSource.options.type === 'postgres';

/** SQLite's two exact partial sums of a money expression: billions and remainders (each truncated toward zero). */
function splitSums(expression: string): { high: string; low: string } {
  return { high: `SUM((${expression}) / ${SPLIT})`, low: `SUM((${expression}) % ${SPLIT})` };
}

/**
 * SQL for the exact sum of a money expression (stored amounts, or stored sums such as rollup cells), as text, null
 * when every value is null; read it with readMoneySum. PostgreSQL sums bigint into numeric, exact at any size, and
 * the text cast keeps it so (never back through bigint). SQLite sums integers in 64 bits and fails with "integer
 * overflow" past 2⁶³ ten-thousandths (9.2 × 10¹⁴ pesos), so there the amounts are split and each part summed on its
 * own: a total of any number of stored amounts of any size is exact on both engines.
 */
export function sumMoneySql(dataSource: DataSource, expression: string): string {
  if (isPostgres(dataSource)) return `CAST(SUM(${expression}) AS TEXT)`;
  const { high, low } = splitSums(expression);
  return `CAST(${high} AS TEXT) || ':' || CAST(${low} AS TEXT)`;
}

/** Reads a sum selected with sumMoneySql. */
export function readMoneySum(raw: unknown): Money | null {
  if (raw === null || raw === undefined) return null;
  const split = /^(-?\d+):(-?\d+)$/.exec(String(raw));
  if (split) return BigInt(split[1]) * SPLIT + BigInt(split[2]);
  return toMoney(raw);
}

/**
 * Orders grouped rows first by the exact sum of a money expression, nulls last. PostgreSQL orders the numeric sum
 * itself. On SQLite the sum is the pair (billions, remainder) with the remainder brought into [0, 10⁹) and its carry
 * moved into the billions: that pair orders exactly as the sum does, and no part of it can overflow where the sum
 * itself would.
 */
export function orderByMoneySum<E extends object>(query: SelectQueryBuilder<E>, expression: string, descending: boolean): void {
  const direction = descending ? 'DESC' : 'ASC';
  const keys: string[] = [];
  if (isPostgres(query.connection)) keys.push(`SUM(${expression})`);
  else {
    const { high, low } = splitSums(expression);
    const remainder = `((${low} % ${SPLIT}) + ${SPLIT}) % ${SPLIT}`;
    keys.push(`${high} + (${low} - ${remainder}) / ${SPLIT}`, remainder);
  }
  query.orderBy(`CASE WHEN ${keys[0]} IS NULL THEN 1 ELSE 0 END`, 'ASC');
  for (const key of keys) query.addOrderBy(key, direction);
}
