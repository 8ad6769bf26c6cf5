import type { DataSource } from 'typeorm';
import { toMoney, type Money } from './money';

/** Where a money column is split for SQLite's sums: each part stays far from 2⁶³ for up to a billion rows. */
const SPLIT = 1_000_000_000n;

/**
 * SQL for the exact sum of a money expression, as text (null when every value is null). PostgreSQL sums bigint into
 * numeric, which is exact at any size. SQLite sums integers in 64 bits and fails with "integer overflow" past 2⁶³
 * ten-thousandths (9.2 × 10¹⁴ pesos), so there the amounts are split into billions and remainders, each part summed
 * on its own (neither can overflow), and readMoneySum puts the two together exactly: a total of stored amounts
 * never fails, whatever their size.
 */
export function sumMoneySql(dataSource: DataSource, expression: string): string {
  if (dataSource.options.type === 'postgres') return `CAST(SUM(${expression}) AS TEXT)`;
  return `CAST(SUM(${expression} / ${SPLIT}) AS TEXT) || ':' || CAST(SUM(${expression} % ${SPLIT}) AS TEXT)`;
}

/** Reads a sum selected with sumMoneySql. */
export function readMoneySum(raw: unknown): Money | null {
  if (raw === null || raw === undefined) return null;
  const split = /^(-?\d+):(-?\d+)$/.exec(String(raw));
  if (split) return BigInt(split[1]) * SPLIT + BigInt(split[2]);
  return toMoney(raw);
}
