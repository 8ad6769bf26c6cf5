import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { budgetProgramId, programKey } from '../../../subgraphs/kit/ids';

/**
 * Figures computed straight from the shipped CSV files with BigInt, independently of the importer, so that the
 * API's totals can be checked to the centavo.
 */
export const DATA = path.resolve(__dirname, '../../../data');

export type Row = Record<string, string>;

export function readRows(year: 2017 | 2018): Row[] {
  return parse(fs.readFileSync(path.join(DATA, 'shcp-pef', `${year}.sample.csv`), 'utf8'), { columns: true, bom: true }) as Row[];
}

/** "1234.5" → 123450n centavos; empty → null. */
export function centavos(text: string): bigint | null {
  if (text === '') return null;
  const [units, fraction = ''] = text.replace('-', '').split('.');
  const value = BigInt(units) * 100n + BigInt(fraction.padEnd(2, '0'));
  return text.startsWith('-') ? -value : value;
}

/** Sum of a column over rows, skipping empty cells; null when every cell is empty. */
export function sum(rows: Row[], column: string): string | null {
  let total: bigint | null = null;
  for (const row of rows) {
    const value = centavos(row[column]);
    if (value !== null) total = (total ?? 0n) + value;
  }
  return total === null ? null : format(total);
}

export function format(value: bigint): string {
  const negative = value < 0n;
  const absolute = negative ? -value : value;
  return `${negative ? '-' : ''}${absolute / 100n}.${(absolute % 100n).toString().padStart(2, '0')}`;
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
