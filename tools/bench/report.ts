import type { Method } from './measure';
import type { BenchInput } from './inputs';
import type { Engine } from './throwaway-database';
import type { MeasurementResult } from './worker';

export interface BenchRow {
  engine: Engine;
  input: Pick<BenchInput, 'format' | 'description'>;
  results: Record<Method, MeasurementResult>;
}

export function rowsPerSecond(result: Pick<MeasurementResult, 'rows' | 'seconds'>): number {
  return result.seconds > 0 ? result.rows / result.seconds : Number.POSITIVE_INFINITY;
}

/** The real import's speed as a share of the bare INSERT ceiling (1 = as fast as the database can take the rows). */
export function importRatio(row: BenchRow): number {
  return rowsPerSecond(row.results.import) / rowsPerSecond(row.results.insert);
}

const whole = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en') : '∞');

const NUMERIC_FROM = 4;

/** A plain-text table: one line per engine and format. */
export function formatTable(rows: readonly BenchRow[]): string {
  const header = [
    'engine',
    'format',
    'input',
    'a row is',
    'rows',
    'loads',
    'import rows/s',
    'parse share',
    'bare INSERT rows/s',
    'ratio',
    'rows written',
    'peak RSS',
  ];
  const body = rows.map((row) => {
    const { import: imported, insert } = row.results;
    const written = Object.values(imported.written).reduce((sum, count) => sum + count, 0);
    return [
      row.engine,
      row.input.format,
      row.input.description,
      imported.unit,
      imported.rowsPerLoad.toLocaleString('en'),
      imported.loads.toLocaleString('en'),
      whole(rowsPerSecond(imported)),
      imported.seconds > 0 ? `${Math.round((100 * (imported.parseSeconds ?? 0)) / imported.seconds)} %` : '–',
      whole(rowsPerSecond(insert)),
      importRatio(row).toFixed(2),
      written.toLocaleString('en'),
      `${Math.round(imported.peakRssMb)} MB`,
    ];
  });
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((cells) => cells[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i < NUMERIC_FROM ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
