import { duplicateIdProblems, type ImportProblem } from '../../../kit/import/problems';
import { readCsvCollecting, type CsvRow } from '../../../kit/import/csv-file';

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

export interface SeriesRow {
  row: CsvRow;
  period: string;
  value: bigint;
}

/** A two-column series (period, value) where every row must be valid: a series with a hole is not loaded. */
export function readSeries(
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

/** How consumer-prices and gdp load: the help both give. */
export const WHOLE_SERIES = 'All or nothing: a series with one bad row is not loaded. Values keep every published decimal (at most six).';
