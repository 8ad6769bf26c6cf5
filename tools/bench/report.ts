import type { Method } from './measure';
import type { BenchInput } from './inputs';
import type { Engine } from './throwaway-database';
import type { MeasurementResult } from './worker';

export interface BenchRow {
  engine: Engine;
  input: Pick<BenchInput, 'format' | 'description'>;
  /** `copy` on PostgreSQL only. */
  results: Record<Exclude<Method, 'copy'>, MeasurementResult> & { copy?: MeasurementResult };
  /** Budget lines generated for this run, when the input is the generator's and sized by lines. */
  lines?: number;
  /** Contracts generated for this run, when the input is the generator's and sized by contracts. */
  contracts?: number;
}

export function rowsPerSecond(result: Pick<MeasurementResult, 'rows' | 'seconds'>): number {
  return result.seconds > 0 ? result.rows / result.seconds : Number.POSITIVE_INFINITY;
}

/** The real import's speed as a share of the bare INSERT ceiling (1 = as fast as the database can take the rows). */
export function importRatio(row: BenchRow): number {
  return rowsPerSecond(row.results.import) / rowsPerSecond(row.results.insert);
}

const secondsPerLoad = (result: Pick<MeasurementResult, 'seconds' | 'loads'>) => result.seconds / result.loads;

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
    'time/load',
    'CPU/load',
    'import rows/s',
    'parse share',
    'bare INSERT rows/s',
    'ratio',
    'bare COPY rows/s',
    'COPY ratio',
    'rows written',
    'peak RSS',
  ];
  const body = rows.map((row) => {
    const { import: imported, insert, copy } = row.results;
    const written = Object.values(imported.written).reduce((sum, count) => sum + count, 0);
    return [
      row.engine,
      row.input.format,
      row.input.description,
      imported.unit,
      imported.rowsPerLoad.toLocaleString('en'),
      imported.loads.toLocaleString('en'),
      `${secondsPerLoad(imported).toFixed(1)} s`,
      `${(imported.cpuSeconds / imported.loads).toFixed(1)} s`,
      whole(rowsPerSecond(imported)),
      imported.seconds > 0 ? `${Math.round((100 * (imported.parseSeconds ?? 0)) / imported.seconds)} %` : '–',
      whole(rowsPerSecond(insert)),
      importRatio(row).toFixed(2),
      copy ? whole(rowsPerSecond(copy)) : '–',
      copy ? (rowsPerSecond(imported) / rowsPerSecond(copy)).toFixed(2) : '–',
      written.toLocaleString('en'),
      `${Math.round(imported.peakRssMb)} MB`,
    ];
  });
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((cells) => cells[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i < NUMERIC_FROM ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/**
 * How each generated input's import grows from the smallest size to every larger one: the ratio of the time per load
 * (linear: the ratio of the sizes), of rows/s and of peak RSS. Empty with a single size.
 */
export function formatScaling(rows: readonly BenchRow[]): string {
  const lines: string[] = [];
  const sizeOf = (row: BenchRow) => row.lines ?? row.contracts;
  const sized = rows.filter((row) => sizeOf(row) !== undefined);
  for (const row of sized) {
    const smallest = sized
      .filter((other) => other.engine === row.engine && other.input.format === row.input.format)
      .reduce((a, b) => (sizeOf(b)! < sizeOf(a)! ? b : a));
    if (smallest === row) continue;
    const [large, small] = [row.results.import, smallest.results.import];
    const [size, smallestSize] = [sizeOf(row)!, sizeOf(smallest)!];
    lines.push(
      `${row.engine} ${row.input.format} ${size.toLocaleString('en')} / ${smallestSize.toLocaleString('en')} ${row.lines === undefined ? 'contracts' : 'lines'} ` +
        `(× ${(size / smallestSize).toFixed(1)}): time per load × ${(secondsPerLoad(large) / secondsPerLoad(small)).toFixed(2)}, ` +
        `CPU per load × ${(large.cpuSeconds / large.loads / (small.cpuSeconds / small.loads)).toFixed(2)}, ` +
        `rows/s × ${(rowsPerSecond(large) / rowsPerSecond(small)).toFixed(2)}, peak RSS × ${(large.peakRssMb / small.peakRssMb).toFixed(2)}`,
    );
  }
  return lines.join('\n');
}
