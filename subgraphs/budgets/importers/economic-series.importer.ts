import path from 'node:path';
import type { EntityManager } from 'typeorm';
import { duplicateIdProblems, isIsoDate, readCsvCollecting, upsertAll, type CsvRow, type ImportProblem } from '../../kit/import/importing';
import { outOfRange, PESO } from '../../kit/money';
import { sourceAt } from '../../kit/provenance';
import { GrossDomesticProduct } from '../entities/gross-domestic-product.entity';
import { PriceIndex } from '../entities/price-index.entity';

export const PRICE_INDEX_DATASET = 'inegi-inpc';
export const GDP_DATASET = 'inegi-pib';

/** Both files publish at most six decimals: six keep every value exact (millionths of a point, pesos of a million). */
const DECIMALS = 6;
const SCALE = 10n ** BigInt(DECIMALS);

/** A positive decimal as an integer count of 10⁻⁶, or null when it is not one (or would need rounding). */
function millionths(text: string): bigint | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const [, units, fraction = ''] = match;
  if (fraction.length > DECIMALS && /[1-9]/.test(fraction.slice(DECIMALS))) return null;
  const value = BigInt(units) * SCALE + BigInt(fraction.slice(0, DECIMALS).padEnd(DECIMALS, '0'));
  return value > 0n ? value : null;
}

interface SeriesRow {
  row: CsvRow;
  period: string;
  value: bigint;
}

/** A two-column series (period, value) where every row must be valid: a series with a hole is not loaded. */
function readSeries(
  file: string,
  displayName: string,
  columns: { period: string; value: string },
  period: (text: string) => string | null,
  periodRule: string,
  problems: ImportProblem[],
): SeriesRow[] {
  const series: SeriesRow[] = [];
  for (const row of readCsvCollecting(file, [columns.period, columns.value], problems, displayName)) {
    const periodText = row.values[columns.period];
    const valueText = row.values[columns.value];
    const parsedPeriod = period(periodText);
    const value = millionths(valueText);
    if (parsedPeriod === null)
      problems.push({ file: displayName, row: row.line, field: columns.period, value: periodText, reason: periodRule });
    if (value === null) {
      problems.push({
        file: displayName,
        row: row.line,
        field: columns.value,
        value: valueText,
        reason: `is not a positive number with at most ${DECIMALS} decimals`,
      });
    }
    if (parsedPeriod !== null && value !== null) series.push({ row, period: parsedPeriod, value });
  }
  problems.push(
    ...duplicateIdProblems(
      displayName,
      series,
      (item) => item.period,
      (item) => item.row.line,
    ),
  );
  return series;
}

export interface ParsedPriceIndex {
  months: PriceIndex[];
  problems: ImportProblem[];
}

/** IPC.csv: `Fecha` (the first day of each month) and `IPC`, the INPC value. */
export function parsePriceIndex(file: string, displayName = path.basename(file)): ParsedPriceIndex {
  const problems: ImportProblem[] = [];
  const month = (text: string) => (isIsoDate(text) && text.endsWith('-01') ? text.slice(0, 7) : null);
  const rows = readSeries(
    file,
    displayName,
    { period: 'fecha', value: 'ipc' },
    month,
    'is not the first day of a month (YYYY-MM-01)',
    problems,
  );
  const months = rows.map(({ row, period, value }) => {
    const index = new PriceIndex();
    index.month = period;
    index.millionths = value;
    index.source = sourceAt(PRICE_INDEX_DATASET, displayName, { row: row.line });
    return index;
  });
  return { months, problems };
}

export interface ParsedGdp {
  years: GrossDomesticProduct[];
  problems: ImportProblem[];
}

/** PIB.csv: `Año` and `PIB_nominal` in millions of pesos at current prices. */
export function parseGdp(file: string, displayName = path.basename(file)): ParsedGdp {
  const problems: ImportProblem[] = [];
  const year = (text: string) => (/^(19|20)\d{2}$/.test(text) ? text : null);
  const rows = readSeries(file, displayName, { period: 'año', value: 'pib_nominal' }, year, 'is not a year (YYYY)', problems);
  const years = rows.flatMap(({ row, period, value }) => {
    // Millionths of a million pesos are pesos.
    const nominal = value * PESO;
    const range = outOfRange(nominal);
    if (range) {
      problems.push({ file: displayName, row: row.line, field: 'pib_nominal', value: row.values.pib_nominal, reason: range });
      return [];
    }
    const gdp = new GrossDomesticProduct();
    gdp.year = Number(period);
    gdp.nominal = nominal;
    gdp.source = sourceAt(GDP_DATASET, displayName, { row: row.line });
    return [gdp];
  });
  return { years, problems };
}

export async function writePriceIndex(manager: EntityManager, parsed: ParsedPriceIndex): Promise<void> {
  await upsertAll(manager, PriceIndex, parsed.months, ['month']);
}

export async function writeGdp(manager: EntityManager, parsed: ParsedGdp): Promise<void> {
  await upsertAll(manager, GrossDomesticProduct, parsed.years, ['year']);
}
