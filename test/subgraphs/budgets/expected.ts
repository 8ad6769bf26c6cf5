import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { budgetProgramId, programKey } from '../../../subgraphs/kit/ids';

/**
 * Figures computed straight from the shipped CSV files with BigInt, independently of the importer, so that the
 * API's totals can be checked to the last published decimal.
 */
export const DATA = path.resolve(__dirname, '../../../data');

export type Row = Record<string, string>;

export function readRows(year: 2017 | 2018): Row[] {
  return parse(fs.readFileSync(path.join(DATA, 'shcp-pef', `${year}.sample.csv`), 'utf8'), { columns: true, bom: true }) as Row[];
}

/** "1234.5" → 12345000n ten-thousandths of a peso (up to four decimals); empty → null. */
export function amount(text: string): bigint | null {
  if (text === '') return null;
  const [units, fraction = ''] = text.replace('-', '').split('.');
  expect(fraction.length).toBeLessThanOrEqual(4);
  const value = BigInt(units) * 10_000n + BigInt(fraction.padEnd(4, '0'));
  return text.startsWith('-') ? -value : value;
}

/** Sum of a column over rows, skipping empty cells; null when every cell is empty. */
export function sum(rows: Row[], column: string): string | null {
  let total: bigint | null = null;
  for (const row of rows) {
    const value = amount(row[column]);
    if (value !== null) total = (total ?? 0n) + value;
  }
  return total === null ? null : format(total);
}

/** Ten-thousandths as Money writes them: two decimals, three or four only when the amount has them. */
export function format(value: bigint): string {
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  let fraction = (absolute % 10_000n).toString().padStart(4, '0');
  while (fraction.length > 2 && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${negative ? '-' : ''}${absolute / 10_000n}.${fraction}`;
}

export function programId(row: Row): string {
  return budgetProgramId(row.ciclo, programKey(row.id_ramo, row.id_modalidad, row.id_pp));
}

export function groupBy(rows: Row[], keyOf: (row: Row) => string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return groups;
}

/** The columns filled in each year's cut, and the SpendingChain field each one feeds. */
export const FILLED: Record<2017 | 2018, [string, string][]> = {
  2018: [
    ['approved', 'monto_aprobado'],
    ['modified', 'monto_modificado'],
    ['paid', 'monto_pagado'],
  ],
  2017: [
    ['approved', 'monto_aprobado'],
    ['modified', 'monto_modificado'],
    ['accrued', 'monto_devengado'],
    ['exercised', 'monto_ejercicio'],
    ['paid', 'monto_pagado'],
  ],
};
